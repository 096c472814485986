#!/usr/bin/env python3
"""Fills untranslated (or fuzzy) messages of PO catalogs from a JSON file
of translations, keeping everything else of each catalog byte for byte:

  po-fill.py TRANSLATIONS.json CATALOG.po...

TRANSLATIONS.json maps a msgid to {language: msgstr}; a catalog's language
is its file name without .po (sv, pt_BR, ...).  Only singular messages
(no msgid_plural) are filled.  Run `ninja -C build pshelp-update-po` first
so that the catalogs have the new msgids.  Prints what is still missing
and exits 1 if anything is.
"""
import json
import os
import re
import sys


def unquote(lines):
    """The string value of continuation lines like `"a\\n"`."""
    out = []
    for line in lines:
        body = line[line.index('"') + 1:line.rindex('"')]
        out.append(re.sub(r'\\(.)', lambda m: {'n': '\n', 't': '\t',
                                                '"': '"', '\\': '\\'
                                                }.get(m.group(1),
                                                      m.group(0)), body))
    return ''.join(out)


def quote(text):
    def esc(t):
        return (t.replace('\\', '\\\\').replace('"', '\\"')
                .replace('\t', '\\t'))
    parts = text.split('\n')
    if len(parts) == 1:
        return ['msgstr "%s"' % esc(text)]
    lines = ['msgstr ""']
    for i, p in enumerate(parts):
        if i < len(parts) - 1:
            lines.append('"%s\\n"' % esc(p))
        elif p:
            lines.append('"%s"' % esc(p))
    return lines


def entries(lines):
    """Yields (start, end) line ranges of entries separated by blank lines."""
    start = None
    for i, line in enumerate(lines + ['']):
        if line.strip() == '':
            if start is not None:
                yield start, i
            start = None
        elif start is None:
            start = i


def fill(path, lang, table):
    with open(path, encoding='utf-8') as f:
        lines = f.read().split('\n')
    missing = []
    out = []
    last = 0
    for start, end in entries(lines):
        entry = lines[start:end]
        if any(l.startswith('#~') for l in entry):
            continue
        keys = [i for i, l in enumerate(entry)
                if re.match(r'(msgid|msgstr|msgctxt|msgid_plural)\b', l)]
        fields = {}
        for n, k in enumerate(keys):
            stop = keys[n + 1] if n + 1 < len(keys) else len(entry)
            name = entry[k].split()[0]
            fields[name] = (k, stop)
        if 'msgid' not in fields or 'msgid_plural' in fields:
            continue
        msgid = unquote(entry[fields['msgid'][0]:fields['msgid'][1]])
        ms = fields['msgstr']
        msgstr = unquote(entry[ms[0]:ms[1]])
        fuzzy = any(l.startswith('#,') and 'fuzzy' in l for l in entry)
        if msgid == '' or (msgstr and not fuzzy):
            continue
        text = table.get(msgid, {}).get(lang)
        if text is None:
            missing.append(msgid)
            continue
        new = []
        for i, l in enumerate(entry):
            if i == ms[0]:
                new += quote(text)
            elif ms[0] < i < ms[1]:
                continue
            elif l.startswith('#,') and 'fuzzy' in l:
                flags = [x.strip() for x in l[2:].split(',')
                         if x.strip() != 'fuzzy']
                if flags:
                    new.append('#, ' + ', '.join(flags))
            elif l.startswith('#|'):
                continue
            else:
                new.append(l)
        out.append(lines[last:start])
        out.append(new)
        last = end
    out.append(lines[last:])
    tmp = path + '.tmp'
    with open(tmp, 'w', encoding='utf-8') as f:
        f.write('\n'.join(l for chunk in out for l in chunk))
    os.replace(tmp, path)
    return missing


def main():
    with open(sys.argv[1], encoding='utf-8') as f:
        table = json.load(f)
    bad = 0
    for path in sys.argv[2:]:
        lang = os.path.basename(path)[:-3]
        for msgid in fill(path, lang, table):
            print(f'{path}: no translation of {msgid!r}')
            bad = 1
    return bad


if __name__ == '__main__':
    sys.exit(main())
