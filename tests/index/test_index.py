#!/usr/bin/env python3
"""Search index tests (src/index, pshelp index, get-help --search); TAP.

  test_index.py GET_HELP PSHELP

Small help roots written here, in a temporary folder: search in seven
languages and scripts, German and Swedish compounds by their parts
(with the index and without it), ranking, stale,
corrupt and foreign indexes,
kill -9 during `pshelp index`, and a read-only root using the cache.
"""
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time

GH, PSHELP = sys.argv[1], sys.argv[2]
results = []


def check(ok, what, detail=""):
    results.append((bool(ok), what, detail))


def page(name, synopsis, body, module="Demo", culture="en-US"):
    return (f"---\nexternal help file: {module}\nLocale: {culture}\n"
            f"Module Name: {module}\nschema: 2.0.0\ntitle: {name}\n---\n\n"
            f"# {name}\n\n## SYNOPSIS\n{synopsis}\n\n## SYNTAX\n\n```\n"
            f"{name} [<CommonParameters>]\n```\n\n## DESCRIPTION\n\n{body}\n")


PAGES = {
    # English: a body hit and a name/synopsis hit for ranking
    ("en-US", "Get-Widget"): ("Gets widgets.", "Reads the widget store. Nothing about gadgets."),
    ("en-US", "Get-Gadget"): ("Gets a gadget from the gadget store.", "Returns gadgets."),
    ("en-US", "Show-Manual"): ("Shows the manual.", "Mentions a gadget once, far down in the text."),
    ("en-US", "Clear-Cache"): ("Clears the cache.", "Unrelated words only: zebra."),
    # German: a compound
    ("de-DE", "Start-Sitzung"): ("Startet eine Sitzung.", "Die Sitzungskonfiguration wird gelesen."),
    # Turkish: dotted and dotless i
    ("tr-TR", "Get-Bilgi"): ("Bilgileri alır.", "İSTANBUL ve IŞIK kelimeleri burada: ılık su."),
    # Japanese, Chinese, Korean, Russian
    ("ja-JP", "Get-Kaiwa"): ("セッションを取得します。", "このコマンドはリモートコンピューターとの対話型セッションを開始します。"),
    ("zh-CN", "Get-Huihua"): ("获取会话。", "此命令在远程计算机上启动交互式会话。"),
    ("ko-KR", "Get-Sesyeon"): ("세션을 가져옵니다.", "원격 컴퓨터와 대화형 세션을 시작합니다."),
    ("ru-RU", "Get-Seans"): ("Получает сеансы.", "Команда запускает интерактивный СЕАНС с удалённым компьютером."),
}


def write_root(root, pages=PAGES):
    for (culture, name), (syn, body) in pages.items():
        d = os.path.join(root, culture, "Demo")
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, name + ".md"), "w", encoding="utf-8") as f:
            f.write(page(name, syn, body, culture=culture))


def env(extra=None):
    e = dict(os.environ, PSHELP_PATH="", LC_ALL="C.UTF-8")
    e.pop("LANGUAGE", None)
    e.update(extra or {})
    return e


def run(args, cache, **kw):
    return subprocess.run(args, capture_output=True, text=True,
                          env=env({"XDG_CACHE_HOME": cache}), timeout=120, **kw)


def search(root, cache, words, culture="en-US", *extra):
    p = run([GH, "--path", root, "--culture", culture, "--json", "--search",
             *extra, words], cache)
    try:
        return [r["name"] for r in json.loads(p.stdout)], p
    except ValueError:
        return [], p


def fnv1a(s):
    h = 1469598103934665603
    for b in s.encode():
        h = ((h ^ b) * 1099511628211) % (1 << 64)
    return h


def ignored(p, root):
    """Whether get-help noted that root's own index was not used (the
    build tree's help roots, which have none, are noted too)."""
    cached = f"index-{fnv1a(os.path.realpath(root)):016x}.sqlite"
    return any("[index-ignored]" in l and (root in l or cached in l)
               for l in p.stderr.splitlines())


def index(root, cache, *extra):
    return run([PSHELP, "index", "-q", *extra, root], cache)


def languages(tmp, cache):
    root = os.path.join(tmp, "lang")
    write_root(root)
    p = index(root, cache)
    check(p.returncode == 0 and os.path.exists(os.path.join(root, ".pshelp-index.sqlite")),
          "pshelp index writes ROOT/.pshelp-index.sqlite", p.stderr)
    cases = [
        ("en-US", "widget", "Get-Widget"),
        ("en-US", "WIDGETS", "Get-Widget"),
        ("de-DE", "sitzung", "Start-Sitzung"),
        ("de-DE", "Sitzung*", "Start-Sitzung"),
        ("de-DE", "sitzungskonfiguration", "Start-Sitzung"),
        ("tr-TR", "istanbul", "Get-Bilgi"),   # İ searched as i
        ("tr-TR", "ışık", "Get-Bilgi"),       # IŞIK found by its lower case
        ("tr-TR", "ILIK", "Get-Bilgi"),       # ılık found by I
        ("tr-TR", "bilgileri", "Get-Bilgi"),
        ("ja-JP", "セッション", "Get-Kaiwa"),
        ("ja-JP", "リモート", "Get-Kaiwa"),
        ("zh-CN", "会话", "Get-Huihua"),
        ("zh-CN", "远程", "Get-Huihua"),
        ("ko-KR", "세션을", "Get-Sesyeon"),
        ("ko-KR", "세션*", "Get-Sesyeon"),
        ("ru-RU", "сеанс", "Get-Seans"),
        ("ru-RU", "СЕАНСЫ", "Get-Seans"),
    ]
    for culture, words, want in cases:
        got, p = search(root, cache, words, culture, "--diagnostics")
        check(want in got and not ignored(p, root),
              f"index: '{words}' ({culture}) finds {want}", f"{got} {p.stderr}")
    # the same answers without the index (the slow path)
    os.rename(os.path.join(root, ".pshelp-index.sqlite"), os.path.join(tmp, "saved.sqlite"))
    for culture, words, want in cases:
        got, p = search(root, cache, words, culture, "--diagnostics")
        check(want in got and ignored(p, root),
              f"no index: '{words}' ({culture}) finds {want}", f"{got} {p.stderr}")
    os.rename(os.path.join(tmp, "saved.sqlite"), os.path.join(root, ".pshelp-index.sqlite"))
    got, _ = search(root, cache, "bilgileri", "en-US")
    check(got == [], "a search keeps to the user's cultures", str(got))
    return root


def ranking(root, cache):
    got, p = search(root, cache, "gadget")
    check(got[:1] == ["Get-Gadget"] and "Show-Manual" in got and
          got.index("Get-Gadget") < got.index("Show-Manual"),
          "a name and synopsis hit ranks above a body hit", str(got))
    data = json.loads(p.stdout)
    check(all("score" in r and "snippet" in r for r in data) and
          data[0]["score"] >= data[-1]["score"],
          "--json gives scores, best first, and snippets", p.stdout[:300])
    # get-help WORD without a name match searches, in the topic table
    q = run([GH, "--path", root, "--culture", "en-US", "--width", "0", "zebra"], root)
    check(q.returncode == 0 and "Clear-Cache" in q.stdout and "Synopsis" in q.stdout,
          "get-help WORD with no name match lists the pages that say WORD", q.stdout + q.stderr)
    q = run([GH, "--path", root, "--culture", "en-US", "nosuchwordanywhere"], root)
    check(q.returncode == 1, "no name and no text match: not found", q.stdout)
    q = run([GH, "--path", root, "--culture", "en-US", "--width", "0", "Get-*"], root)
    check("Get-Gadget" in q.stdout and "Get-Widget" in q.stdout,
          "a wildcard table comes from the index", q.stdout)


def scores(tmp, cache):
    """Rows of an indexed root and of a root read without an index are
    scored by one formula; a topic in two cultures is listed once, in
    the user's culture."""
    a, b = os.path.join(tmp, "scored-a"), os.path.join(tmp, "scored-b")
    # one culture: the slow path counts the pages of the user's cultures,
    # the index all of its own, so only then are the scores equal
    write_root(a, {k: v for k, v in PAGES.items() if k[0] == "en-US"})
    write_root(b, {("en-US", "Get-Otter"): ("Gets an otter.", "An otter and a gadget."),
                   ("en-US", "Find-Gadget"): ("Finds a gadget.", "The gadget finder.")})
    index(a, cache)
    def scored(roots, words, culture="en-US"):
        args = [GH, "--culture", culture, "--json", "--search"]
        for r in roots:
            args += ["--path", r]
        p = run(args + [words], cache)
        try:
            return [(r["name"], r["score"]) for r in json.loads(p.stdout)], p
        except ValueError:
            return [], p
    with_index, _ = scored([a], "gadget")
    shutil.move(os.path.join(a, ".pshelp-index.sqlite"), os.path.join(tmp, "scored.sqlite"))
    without, p = scored([a], "gadget")
    shutil.move(os.path.join(tmp, "scored.sqlite"), os.path.join(a, ".pshelp-index.sqlite"))
    same = (len(with_index) == len(without) and
            [n for n, _ in with_index] == [n for n, _ in without] and
            all(abs(x - y) <= 1e-6 * max(1.0, abs(x)) for (_, x), (_, y) in zip(with_index, without)))
    check(same and len(with_index) >= 2,
          "the slow path scores a page as the index does (BM25)", f"{with_index} {without}")
    mixed, p = scored([a, b], "gadget")
    names = [n for n, _ in mixed]
    check("Find-Gadget" in names and "Get-Otter" in names and
          names.index("Find-Gadget") < names.index("Get-Otter") and
          names.index("Get-Gadget") < names.index("Show-Manual"),
          "rows of an indexed and a read root rank on one scale", str(mixed))
    # one topic in two cultures: the user's culture's row, whatever the score
    c = os.path.join(tmp, "cultures")
    write_root(c, {("en-US", "Get-Lynx"): ("Gets a lynx lynx lynx.", "Lynx lynx lynx."),
                   ("sv-SE", "Get-Lynx"): ("Hämtar ett lodjur.", "Ett lodjur (lynx).")})
    for how in ("index", "no index"):
        if how == "index":
            index(c, cache)
        p = run([GH, "--path", c, "--culture", "sv-SE", "--json", "--search", "lynx"], cache)
        try:
            rows = json.loads(p.stdout)
        except ValueError:
            rows = []
        check([r["name"] for r in rows] == ["Get-Lynx"] and "lodjur" in rows[0]["synopsis"],
              f"a topic in two cultures is listed once, in the user's ({how})", p.stdout + p.stderr)
    # snippets: the text around the match
    p = run([GH, "--path", a, "--culture", "en-US", "--json", "--search", "zebra"], cache)
    try:
        rows = json.loads(p.stdout)
    except ValueError:
        rows = []
    check(rows and "zebra" in rows[0]["snippet"] and "\n" not in rows[0]["snippet"],
          "a search row's snippet holds the matched word", p.stdout)


def stale(tmp, cache):
    root = os.path.join(tmp, "stale")
    write_root(root)
    index(root, cache)
    d = os.path.join(root, "en-US", "Demo")
    check(not any(f.endswith(".lock") for f in os.listdir(root)),
          "pshelp index leaves no lock file in the root", str(os.listdir(root)))
    # an edit written by rename (editors, git) changes the folder: the
    # index is stale and the pages are read
    tmpfile = os.path.join(d, ".Clear-Cache.md.swp")
    with open(tmpfile, "w", encoding="utf-8") as f:
        f.write(page("Clear-Cache", "Clears the cache.", "Now it says okapi."))
    os.replace(tmpfile, os.path.join(d, "Clear-Cache.md"))
    got, p = search(root, cache, "okapi", "en-US", "--diagnostics")
    check(got == ["Clear-Cache"] and ignored(p, root),
          "a page edited by rename is searched as it is now", f"{got} {p.stderr}")
    # add, delete, rename
    with open(os.path.join(d, "New-Thing.md"), "w", encoding="utf-8") as f:
        f.write(page("New-Thing", "Makes a thing.", "About a narwhal."))
    got, _ = search(root, cache, "narwhal")
    check(got == ["New-Thing"], "an added page is found", str(got))
    os.unlink(os.path.join(d, "Get-Widget.md"))
    got, _ = search(root, cache, "widget")
    check("Get-Widget" not in got, "a deleted page is not listed", str(got))
    os.rename(os.path.join(d, "Get-Gadget.md"), os.path.join(d, "Get-Gizmo.md"))
    q = run([GH, "--path", root, "--culture", "en-US", "--width", "0", "Get-*"], cache)
    check("Get-Gizmo" in q.stdout and "Get-Gadget" not in q.stdout,
          "a renamed page is listed by its new name", q.stdout)
    p = run([GH, "--path", root, "--culture", "en-US", "--diagnostics", "--search", "narwhal"], cache)
    check(ignored(p, root), "a stale index is noted under --diagnostics", p.stderr)
    # refresh: only the changed pages are read
    p = run([PSHELP, "index", root], cache)
    check(p.returncode == 0 and "removed" in p.stdout, "pshelp index refreshes", p.stdout + p.stderr)
    p = run([PSHELP, "index", root], cache)
    check("(0 read, 0 removed)" in p.stdout, "a refresh with nothing changed reads nothing", p.stdout)
    got, p = search(root, cache, "narwhal", "en-US", "--diagnostics")
    check(got == ["New-Thing"] and not ignored(p, root),
          "the refreshed index is used", f"{got} {p.stderr}")
    # an in-place edit that keeps size and folder: the row's page mtime tells
    path = os.path.join(d, "New-Thing.md")
    text = open(path, encoding="utf-8").read().replace("narwhal", "walrus!")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    got, p = search(root, cache, "narwhal", "en-US", "--diagnostics")
    check(got == [] and not ignored(p, root),
          "a page edited in place (folder untouched) no longer matches its old words",
          f"{got} {p.stderr}")
    # what the design does not see until `pshelp index` (doc/pshelp.md):
    # new words of a page edited in place
    got, _ = search(root, cache, "walrus")
    check(got == [], "a page edited in place: its new words wait for pshelp index", str(got))
    index(root, cache)
    got, p = search(root, cache, "walrus", "en-US", "--diagnostics")
    check(got == ["New-Thing"] and not ignored(p, root),
          "after pshelp index, a page edited in place is found by its new words",
          f"{got} {p.stderr}")


def corrupt(tmp, cache):
    root = os.path.join(tmp, "corrupt")
    write_root(root)
    index(root, cache)
    db = os.path.join(root, ".pshelp-index.sqlite")
    good = open(db, "rb").read()
    variants = {
        "truncated": good[: len(good) // 3],
        "random bytes": bytes(random.Random(7).getrandbits(8) for _ in range(len(good))),
        "empty": b"",
    }
    for what, data in variants.items():
        with open(db, "wb") as f:
            f.write(data)
        got, p = search(root, cache, "gadget", "en-US", "--diagnostics")
        check(got[:1] == ["Get-Gadget"] and ignored(p, root),
              f"a {what} index is ignored and answers stay right", f"{got} {p.stderr}")
        q = run([GH, "--path", root, "--culture", "en-US", "--width", "0", "Get-*"], cache)
        check("Get-Gadget" in q.stdout, f"a {what} index: wildcard tables stay right", q.stdout + q.stderr)
    with open(db, "wb") as f:
        f.write(good)
    subprocess.run(["sqlite3", db, "PRAGMA user_version = 99"], check=False)
    got, p = search(root, cache, "gadget", "en-US", "--diagnostics")
    check(got[:1] == ["Get-Gadget"] and "another version" in p.stderr,
          "an index of another schema version is ignored", p.stderr)
    p = index(root, cache)
    got, p = search(root, cache, "gadget", "en-US", "--diagnostics")
    check(p.returncode == 0 and not ignored(p, root),
          "pshelp index replaces a foreign index", p.stderr)


def killed(tmp, cache):
    root = os.path.join(tmp, "big")
    pages = {}
    for i in range(3000):
        pages[("en-US", f"Get-Thing{i:04d}")] = (f"Gets thing {i}.", "Some words " * 200 + f"marker{i}")
    write_root(root, pages)
    p = index(root, cache)
    check(p.returncode == 0, "a 3000-page root is indexed", p.stderr)
    db = os.path.join(root, ".pshelp-index.sqlite")
    for how in ("--rebuild", "refresh"):
        if how == "refresh":  # every page changed: a long refresh transaction
            now = time.time() + 10
            for (c, n) in pages:
                os.utime(os.path.join(root, c, "Demo", n + ".md"), (now, now))
        args = [PSHELP, "index", "-q"] + ([how] if how == "--rebuild" else []) + [root]
        proc = subprocess.Popen(args, env=env({"XDG_CACHE_HOME": cache}))
        time.sleep(0.4)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        got, p = search(root, cache, "marker17")
        check(got == ["Get-Thing0017"], f"kill -9 during pshelp index ({how}): answers stay right",
              f"{got} {p.stderr}")
        chk = subprocess.run(["sqlite3", db, "PRAGMA integrity_check; SELECT count(*) FROM topics"],
                             capture_output=True, text=True)
        check(chk.stdout.split() == ["ok", "3000"],
              f"kill -9 during pshelp index ({how}): the old index is intact", chk.stdout + chk.stderr)
    p = index(root, cache)
    got, p = search(root, cache, "marker2999", "en-US", "--diagnostics")
    check(got == ["Get-Thing2999"] and not ignored(p, root),
          "after the kill, pshelp index makes a usable index", p.stderr)


FUZZ_PIECES = ["word", "Word", "WORD", "w0rd", "42", "3.14", "e.g.", "don't",
               "can’t", "Get-Help", "foo_bar", "_x", "a:b", "a,b", "1,000",
               "$env:PATH", "(note)", "#tag", "x@y.z", "http://a.b/c?d=e",
               "é", "café", "Straße", "İstanbul", "ılık", "ΣΊΣΥΦΟΣ", "сеанс",
               "セッション", "会话", "세션을", "ภาษาไทย", "שָׁלוֹם", "a\u0301",
               "\u0301b", "\u200d", "👍🏽", "🇸🇪🇸🇪", "\u3000", "\u00a0", "x\u00ady",
               "ｆｕｌｌ", "٣٤", "x\ty", "\r\n", "\f", "\v", "''", "--", "…",
               "a" * 130, "9" * 129, "\u30a2\u30a2_a", "_", "__", "x_", "_9",
               ".5", "5.", ",5", "'quoted'", '"q"', "a..b", "(x)", "[a]", "-",
               "#1", "a#b", "\x7f", "\x01", "a-\u0301b", "x.\u00e9", "'s", "1:2",
               "a;b", "\u05d0\"\u05d1", "\u05d0'", "\u30a2_", "e.g.,", "&amp;", "~/x",
               "@", "a@", "@@", "_@_"]


def fuzz_text(rng, n):
    seps = [" ", " ", " ", "", "\n", "\t", "  ", ".", "-", "'", ",", ":",
            "(", ")", "_", '"', "/", "\u00a0"]
    return "".join(rng.choice(FUZZ_PIECES) + rng.choice(seps) for _ in range(n))


def index_rows(db):
    p = subprocess.run(["sqlite3", db, "SELECT id, hex(block) FROM text_data "
                        "ORDER BY id; SELECT id, hex(data) FROM lengths ORDER BY id"],
                       capture_output=True, text=True)
    return p.stdout if p.returncode == 0 else None


def fast_words(tmp, cache):
    """The ASCII fast path of the tokenizer against ICU alone
    (PSHELP_INDEX_WORDS=icu): the same words, so the same index bytes,
    over the project's help pages, the pages of every language here and
    random text of all kinds of characters."""
    if shutil.which("sqlite3") is None:
        check(True, "# SKIP fast words: no sqlite3")
        return
    rng = random.Random(11)
    pages = dict(PAGES)
    for i in range(40):
        pages[("en-US", f"Fuzz-Page{i}")] = (fuzz_text(rng, 8), fuzz_text(rng, 300))
    src = os.path.join(tmp, "words-src")
    write_root(src, pages)
    help_root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "help")
    if os.path.isdir(help_root):
        for culture in os.listdir(help_root):
            if os.path.isdir(os.path.join(help_root, culture)):
                shutil.copytree(os.path.join(help_root, culture),
                                os.path.join(src, culture), dirs_exist_ok=True)
    got = {}
    for way in ("fast", "icu"):
        root = os.path.join(tmp, "words-" + way)
        shutil.copytree(src, root)
        extra = {"XDG_CACHE_HOME": cache}
        if way == "icu":
            extra["PSHELP_INDEX_WORDS"] = "icu"
        p = subprocess.run([PSHELP, "index", "-q", root], capture_output=True,
                           text=True, env=env(extra), timeout=120)
        got[way] = index_rows(os.path.join(root, ".pshelp-index.sqlite")) \
            if p.returncode == 0 else None
    check(got["fast"] is not None and got["fast"] == got["icu"],
          "the ASCII fast path finds the words ICU alone finds (same index)",
          f"{len(got['fast'] or '')} {len(got['icu'] or '')}")


# German pages: the compounds of Microsoft's German PowerShell help, each
# part in some page only inside a compound
GERMAN = {
    ("de-DE", "Enter-PSSession"): (
        "Startet eine interaktive Sitzung mit einem Remotecomputer.",
        "Während der Sitzung werden die Befehle, die Sie eingeben, auf dem "
        "Remotecomputer ausgeführt, als würden Sie sie dort direkt eingeben."),
    ("de-DE", "Exit-PSSession"): (
        "Beendet eine interaktive Remotesitzung.",
        "Mit diesem Cmdlet beenden Sie eine Remotesitzung, die Sie mit "
        "Enter-PSSession gestartet haben. Die Verbindung zum Remotecomputer "
        "wird getrennt."),
    ("de-DE", "New-PSSessionConfigurationFile"): (
        "Erstellt eine Datei, die eine Sitzungskonfiguration definiert.",
        "In der Sitzungskonfigurationsdatei legen Sie fest, welche Module, "
        "Cmdlets und Sprachelemente Benutzer verwenden können, die eine "
        "Verbindung mit dem Endpunkt herstellen. Speichern Sie die Datei "
        "mit der Erweiterung .pssc."),
    ("de-DE", "Set-ExecutionPolicy"): (
        "Legt die PowerShell-Ausführungsrichtlinien für Windows-Computer fest.",
        "Die Ausführungsrichtlinie bestimmt, unter welchen Bedingungen "
        "PowerShell Skripts ausführt. Sie ist kein Sicherheitssystem, das "
        "Benutzeraktionen einschränkt."),
    ("de-DE", "Get-Command"): (
        "Ruft alle Befehle ab.",
        "Wenn ein Cmdlet mehrere Parametersätze hat, zeigt Get-Command mit "
        "dem Parameter Syntax jeden Parametersatz in einer eigenen Zeile an."),
    # French rows are not split, though they hold a German word
    ("fr-FR", "Get-Glossaire"): (
        "Obtient les termes du glossaire.",
        "L'aide allemande dit Sitzungskonfigurationsdatei."),
}


SWEDISH = {
    ("sv-SE", "Stop-DemoSession"): (
        "Avslutar en interaktiv fjärrsession.",
        "Använd den här cmdleten för att avsluta en fjärrsession som du "
        "startade med Enter-PSSession. Anslutningen till fjärrdatorn stängs."),
    ("sv-SE", "Set-DemoPolicy"): (
        "Anger körningsprinciperna för PowerShell på Windows-datorer.",
        "Körningsprincipen avgör under vilka villkor PowerShell kör skript."),
    ("sv-SE", "Get-DemoCommand"): (
        "Hämtar alla kommandon.",
        "Parametern Syntax visar varje parameteruppsättning på en egen rad."),
}


def compound_root(tmp, cache, language, pages, wordlist, package, name=None):
    """An indexed root of pages (folder name, else the language's), or
    None (a skip) without the word list."""
    if not os.path.exists(wordlist):
        check(True, f"# SKIP {language} compounds: {wordlist} is not installed "
              f"(apt-get install {package}; tools/setup.sh does)")
        return None
    root = os.path.join(tmp, name or language.lower())
    write_root(root, pages)
    p = index(root, cache)
    check(p.returncode == 0, f"a {language} root is indexed", p.stderr)
    return root


def swedish(tmp, cache):
    """Swedish compounds, with the word list of wswedish."""
    root = compound_root(tmp, cache, "Swedish", SWEDISH, "/usr/share/dict/swedish", "wswedish")
    if root is None:
        return
    # (the build tree's own Swedish pages are searched too: only these
    # pages' names are looked at)
    mine = {n for _, n in SWEDISH}
    for words, want in [("session", ["Stop-DemoSession"]), ("fjärrsession", ["Stop-DemoSession"]),
                        ("datorn", ["Stop-DemoSession"]), ("körning", ["Set-DemoPolicy"]),
                        ("uppsättning", ["Get-DemoCommand"]),
                        ("parameteruppsättning", ["Get-DemoCommand"]),
                        ("meter", []), ("ande", []), ("para", [])]:
        got, p = search(root, cache, words, "sv-SE", "--diagnostics")
        check([n for n in got if n in mine] == want and not ignored(p, root),
              f"Swedish: '{words}' finds {want or 'none of these pages'}", f"{got} {p.stderr}")


def german(tmp, cache):
    """German compounds are found by their parts (src/index/index_compound.c),
    with the word list of wngerman; without it they are not split."""
    wordlist = "/usr/share/dict/ngerman"
    root = compound_root(tmp, cache, "German", GERMAN, wordlist, "wngerman")
    if root is None:
        return
    cases = [
        # words: the pages found first, in this order (ranked), and
        # others found; a part is a hit as the word would be
        ("Sitzung", [], ["Enter-PSSession", "Exit-PSSession", "New-PSSessionConfigurationFile"]),
        ("Datei", ["New-PSSessionConfigurationFile"], []),
        ("Konfiguration", ["New-PSSessionConfigurationFile"], []),
        ("Sitzungskonfiguration", ["New-PSSessionConfigurationFile"], []),
        ("Sitzungskonfigurationsdatei", ["New-PSSessionConfigurationFile"], []),
        ("Richtlinie", ["Set-ExecutionPolicy"], []),
        ("Ausführung", ["Set-ExecutionPolicy"], []),
        ("Ausführungsrichtlinie", ["Set-ExecutionPolicy"], []),
        ("Remotesitzung", ["Exit-PSSession"], []),
        ("Satz", ["Get-Command"], []),
        ("Parametersatz", ["Get-Command"], []),
        ("Sitzung Datei", ["New-PSSessionConfigurationFile"], []),
        ("Sitzung*", [], ["Enter-PSSession", "Exit-PSSession"]),
    ]
    for words, first, also in cases:
        got, p = search(root, cache, words, "de-DE", "--diagnostics")
        check(got[:len(first)] == first and all(x in got for x in also) and
              not ignored(p, root),
              f"German: '{words}' finds {first + also}", f"{got} {p.stderr}")
    for words in ("ration", "Figuration", "Richt", "Sitzungs", "Ausführungs"):
        got, _ = search(root, cache, words, "de-DE")
        check(got == [], f"German: '{words}' is no part of a word here", str(got))
    got, _ = search(root, cache, "Sitzung", "fr-FR")
    check("Get-Glossaire" not in got, "a French row's German word is not split", str(got))
    got, _ = search(root, cache, "Sitzungskonfigurationsdatei", "fr-FR")
    check("Get-Glossaire" in got, "a French row's German word is found whole", str(got))
    # a page found by a part only is ranked (BM25: the part is a hit,
    # not a word more of the row)
    p = run([GH, "--path", root, "--culture", "de-DE", "--json", "--search", "Richtlinie"], cache)
    rows = json.loads(p.stdout) if p.returncode == 0 else []
    check(len(rows) == 1 and rows[0]["score"] > 0, "a part is ranked (BM25 score)", p.stdout)
    check(rows and "Ausführungsrichtlinie" in rows[0]["snippet"],
          "a part's snippet shows its compound", p.stdout)
    # a refresh removes a changed page's parts: FTS5 deletes a row by
    # tokenizing it again, with its culture
    d = os.path.join(root, "de-DE", "Demo")
    with open(os.path.join(d, "Exit-PSSession.md"), "w", encoding="utf-8") as f:
        f.write(page("Exit-PSSession", "Beendet eine interaktive Verbindung.",
                     "Die Verbindung wird getrennt.", culture="de-DE"))
    p = index(root, cache)
    got, q = search(root, cache, "Remotesitzung", "de-DE", "--diagnostics")
    got2, _ = search(root, cache, "Sitzung", "de-DE")
    check(p.returncode == 0 and got == [] and not ignored(q, root) and
          "Exit-PSSession" not in got2 and "New-PSSessionConfigurationFile" in got2,
          "a refreshed German page is no longer found by its old parts",
          f"{got} {got2} {p.stderr} {q.stderr}")
    if shutil.which("sqlite3"):
        m = subprocess.run(["sqlite3", os.path.join(root, ".pshelp-index.sqlite"),
                            "SELECT value FROM meta WHERE key = 'wordlists'"],
                           capture_output=True, text=True)
        check(m.stdout.startswith("de\t" + wordlist + "\t") and "missing" not in m.stdout,
              "the index records the word list it split with", m.stdout)
        # an index of before the word lists: refreshing it would delete
        # rows by other words than it holds, so it is written anew
        p = run([PSHELP, "index", root], cache)
        check("(0 read, 0 removed)" in p.stdout, "the same word list: a refresh", p.stdout)
        subprocess.run(["sqlite3", os.path.join(root, ".pshelp-index.sqlite"),
                        "DELETE FROM meta WHERE key = 'wordlists'"], check=False)
        p = run([PSHELP, "index", root], cache)
        got, _ = search(root, cache, "Richtlinie", "de-DE")
        check(f"({len(GERMAN)} read, 0 removed)" in p.stdout and got == ["Set-ExecutionPolicy"],
              "an index that records no word list is rebuilt", p.stdout + p.stderr)

    # without the list: not split; when it comes, get-help sees a stale
    # index and pshelp index rebuilds it
    dicts = os.path.join(tmp, "dict")
    os.mkdir(dicts)
    later = os.path.join(tmp, "german-later")
    write_root(later, GERMAN)
    denv = {"XDG_CACHE_HOME": cache, "PSHELP_DICT_DIR": dicts}
    def run_d(args):
        return subprocess.run(args, capture_output=True, text=True, env=env(denv), timeout=120)
    def search_d(words):
        p = run_d([GH, "--path", later, "--culture", "de-DE", "--json",
                   "--diagnostics", "--search", words])
        try:
            return [r["name"] for r in json.loads(p.stdout)], p
        except ValueError:
            return [], p
    p = run_d([PSHELP, "index", "-q", later])
    got, q = search_d("Remotesitzung")
    got2, _ = search_d("Datei")
    check(p.returncode == 0 and got == ["Exit-PSSession"] and not ignored(q, later) and
          got2 == ["New-PSSessionConfigurationFile"],
          "without the word list, compounds are found whole, not by their parts",
          f"{got} {got2} {p.stderr} {q.stderr}")
    got, _ = search_d("Sitzung")
    check("Exit-PSSession" not in got, "without the word list, no parts", str(got))
    shutil.copy(wordlist, os.path.join(dicts, "ngerman"))
    got, q = search_d("Sitzung")
    check(ignored(q, later), "a word list that came since the build makes the index stale",
          q.stderr)
    p = run_d([PSHELP, "index", later])
    got, q = search_d("Sitzung")
    check(p.returncode == 0 and "Exit-PSSession" in got and not ignored(q, later),
          "pshelp index rebuilds with the word list that came", f"{got} {p.stdout} {q.stderr}")


# Queries of the compound roots, a line each: the culture searched, the
# words, then after ":" pages that must be among the hits in every way
# (the parts of a compound found without the index too); none: none of
# the fixture's pages.
COMPOUND_QUERIES = """
de-DE Sitzung: Enter-PSSession Exit-PSSession New-PSSessionConfigurationFile
de-DE Sitzung*: Enter-PSSession Exit-PSSession New-PSSessionConfigurationFile
de-DE Remotesitzung: Exit-PSSession
de-DE Datei: New-PSSessionConfigurationFile
de-DE Konfiguration: New-PSSessionConfigurationFile
de-DE Konfigurationsdatei: New-PSSessionConfigurationFile
de-DE Sitzung Datei: New-PSSessionConfigurationFile
de-DE Richtlinie: Set-ExecutionPolicy
de-DE Ausführung*: Set-ExecutionPolicy
de-DE Satz: Get-Command
de-DE Computer: Enter-PSSession Exit-PSSession Set-ExecutionPolicy
de-DE ration:
de-DE Figuration:
de-DE Richt:
de-DE Sitzungs:
de-DE Ausführungs:
de-DE Datei Richtlinie:
fr-FR Sitzung:
fr-FR Sitzungskonfigurationsdatei: Get-Glossaire
sv-SE session: Stop-DemoSession
sv-SE fjärrsession: Stop-DemoSession
sv-SE datorn: Stop-DemoSession
sv-SE körning: Set-DemoPolicy
sv-SE princip*: Set-DemoPolicy
sv-SE uppsättning: Get-DemoCommand
sv-SE parameteruppsättning: Get-DemoCommand
sv-SE meter:
sv-SE ande:
sv-SE para:
"""


def compound_queries(cultures):
    """(culture, words, pages) of COMPOUND_QUERIES in cultures."""
    out = []
    for line in COMPOUND_QUERIES.strip().splitlines():
        head, _, want = line.rpartition(":")
        culture, _, words = head.partition(" ")
        if culture in cultures:
            out.append((culture, words, want.split()))
    return out


def same_without_index(tmp, cache):
    """The index is an accelerator: a German or Swedish root searched
    with a fresh index, a stale one and none finds the same topics, the
    compounds by their parts in each way; a German root of one culture
    gets the index's scores too."""
    for language, pages, queries, wordlist, package in [
            ("German", GERMAN, compound_queries({"de-DE", "fr-FR"}),
             "/usr/share/dict/ngerman", "wngerman"),
            ("Swedish", SWEDISH, compound_queries({"sv-SE"}),
             "/usr/share/dict/swedish", "wswedish")]:
        root = compound_root(tmp, cache, language, pages, wordlist, package,
                             name=language.lower() + "-same")
        if root is None:
            continue
        # (the build tree's own pages are searched too: only these
        # pages' names are compared)
        mine = {n for _, n in pages}
        def found():
            got = {}
            for culture, words, _ in queries:
                names, p = search(root, cache, words, culture, "--diagnostics")
                got[(culture, words)] = (sorted(n for n in names if n in mine),
                                         ignored(p, root))
            return got
        fresh = found()
        # a stale index: a page came and went
        extra = os.path.join(root, next(iter(pages))[0], "Demo", "Gone.md")
        with open(extra, "w", encoding="utf-8") as f:
            f.write("x")
        os.unlink(extra)
        stale_ = found()
        os.unlink(os.path.join(root, ".pshelp-index.sqlite"))
        none = found()
        for culture, words, want in queries:
            (a, ia), (b, ib), (c, ic) = (fresh[(culture, words)], stale_[(culture, words)],
                                         none[(culture, words)])
            check(not ia and ib and ic and a == b == c and
                  (set(want) <= set(a) if want else a == []),
                  f"{language} ({culture}): '{words}' finds {want or 'none of these pages'} "
                  f"with a fresh index, a stale one and none",
                  f"fresh {a} {ia}, stale {b} {ib}, none {c} {ic}")

    # one culture: the slow path's BM25 is the index's (a part is a hit,
    # no word more of its page)
    if not os.path.exists("/usr/share/dict/ngerman"):
        return
    one = os.path.join(tmp, "german-one")
    write_root(one, {k: v for k, v in GERMAN.items() if k[0] == "de-DE"})
    index(one, cache)
    def scored(words):
        p = run([GH, "--path", one, "--culture", "de-DE", "--json", "--search", words], cache)
        try:
            return [(r["name"], r["score"]) for r in json.loads(p.stdout)
                    if r["synopsis"] == GERMAN.get(("de-DE", r["name"]), ("",))[0]]
        except ValueError:
            return []
    words = ["Remotesitzung", "Datei", "Ausführung*", "Sitzung Datei", "Satz"]
    with_index = [scored(w) for w in words]
    os.unlink(os.path.join(one, ".pshelp-index.sqlite"))
    without = [scored(w) for w in words]
    same = all(len(x) == len(y) and len(x) >= 1 and [n for n, _ in x] == [n for n, _ in y] and
               all(abs(a - b) <= 1e-6 * max(1.0, abs(a)) for (_, a), (_, b) in zip(x, y))
               for x, y in zip(with_index, without))
    check(same, "a German page found by a part is scored without the index as with it",
          f"{with_index} {without}")
    # a page edited in place (its folder untouched) is read again to see
    # that it still matches: by a part, as the index found it
    index(one, cache)
    with open(os.path.join(one, "de-DE", "Demo", "Exit-PSSession.md"), "a",
              encoding="utf-8") as f:
        f.write("\nDie Remotesitzung endet.\n")
    got, p = search(one, cache, "Sitzung", "de-DE", "--diagnostics")
    check("Exit-PSSession" in got and not ignored(p, one),
          "a German page edited in place still matches by a part", f"{got} {p.stderr}")


SHARED = os.environ.get("PSHELP_SHARED") or os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared")


def corpus_without_index(tmp, cache):
    """The Swedish pages of the shared corpus (one culture): the same
    topics and scores with the index and without it."""
    corpus = os.path.join(SHARED, "corpus", "sv-SE")
    if not os.path.isdir(corpus) or not os.path.exists("/usr/share/dict/swedish"):
        check(True, f"# SKIP the Swedish corpus without the index: no {corpus} "
              "(PSHELP_SHARED) or no /usr/share/dict/swedish")
        return
    root = os.path.join(tmp, "sv-corpus")
    shutil.copytree(corpus, os.path.join(root, "sv-SE"))
    index(root, cache)
    words = ["session", "fjärrdatorn", "körning", "uppsättning", "fjärr*", "parameter värde*"]
    def scored():
        got = []
        for w in words:
            p = run([GH, "--path", root, "--culture", "sv-SE", "--json", "--search", w], cache)
            try:
                got.append(sorted((r["name"], r["synopsis"], round(r["score"], 3))
                                  for r in json.loads(p.stdout)))
            except ValueError:
                got.append([])
        return got
    with_index = scored()
    os.unlink(os.path.join(root, ".pshelp-index.sqlite"))
    without = scored()
    for w, x, y in zip(words, with_index, without):
        check(x and x == y, f"Swedish corpus: '{w}' finds the same pages with and without the index",
              f"{len(x)} {len(y)} {sorted(set(x) ^ set(y))[:4]}")


def read_only(tmp, cache):
    root = os.path.join(tmp, "ro")
    write_root(root)
    prefix = []
    if os.geteuid() == 0:
        # root writes anywhere: run as nobody, with a cache nobody owns
        if shutil.which("setpriv") is None:
            check(True, "# SKIP read-only root: no setpriv")
            return
        prefix = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
        os.chmod(tmp, 0o755)
        cache = os.path.join(tmp, "nobody-cache")
        os.mkdir(cache)
        os.chown(cache, 65534, 65534)
    for dirpath, dirs, files in os.walk(root):
        os.chmod(dirpath, 0o555)
    p = run(prefix + [PSHELP, "index", root], cache)
    files = os.listdir(os.path.join(cache, "pshelp")) if os.path.isdir(os.path.join(cache, "pshelp")) else []
    check(p.returncode == 0 and not os.path.exists(os.path.join(root, ".pshelp-index.sqlite"))
          and any(f.endswith(".sqlite") for f in files),
          "a read-only root's index goes to $XDG_CACHE_HOME/pshelp", p.stdout + p.stderr + str(files))
    p = run(prefix + [GH, "--path", root, "--culture", "en-US", "--json", "--diagnostics",
                      "--search", "gadget"], cache)
    check("Get-Gadget" in p.stdout and not ignored(p, root),
          "get-help uses the cached index of a read-only root", p.stdout + p.stderr)
    for dirpath, dirs, files in os.walk(root):
        os.chmod(dirpath, 0o755)


def main():
    tmp = tempfile.mkdtemp(prefix="pshelp-index-")
    cache = os.path.join(tmp, "cache")
    try:
        root = languages(tmp, cache)
        ranking(root, cache)
        scores(tmp, cache)
        stale(tmp, cache)
        corrupt(tmp, cache)
        killed(tmp, cache)
        german(tmp, cache)
        swedish(tmp, cache)
        same_without_index(tmp, cache)
        corpus_without_index(tmp, cache)
        read_only(tmp, cache)
        fast_words(tmp, cache)
    finally:
        for dirpath, dirs, files in os.walk(tmp):
            os.chmod(dirpath, 0o755)
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"1..{len(results)}")
    for i, (ok, what, detail) in enumerate(results, 1):
        print(f"{'ok' if ok else 'not ok'} {i} - {what}")
        if not ok and detail:
            for line in detail.splitlines()[:8]:
                print(f"# {line}")
    return 0 if all(ok for ok, _, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
