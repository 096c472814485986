"""The stage dependency rule, shared by check-includes.py and check-symbols.py.

USES[stage] is the set of other stages a stage may use (includes and
linked names); programs may use what they dispatch to.
"""

USES = {
    "common": set(),
    "diag": {"common"},
    "model": {"common", "diag"},
    "parse": {"common", "diag", "model"},
    "meta": {"common", "diag", "model"},
    "index": {"common", "diag", "model", "parse"},
    "lookup": {"common", "diag", "model", "parse", "index"},
    "render": {"common", "diag", "model"},
    "pshlang": {"common"},
    "runtime": {"common", "meta", "pshlang"},
    "check": {"common", "diag", "model", "parse", "meta", "lookup",
              "pshlang", "runtime"},
    "update": {"common", "diag", "model", "parse", "meta", "lookup"},
    "l10n": {"common", "diag", "model", "parse"},
}

PROGRAMS = {
    "get-help": {"common", "diag", "model", "parse", "index", "lookup", "render",
                 "meta"},
    "psh": {"common", "diag", "model", "parse", "index", "lookup", "render", "meta",
            "pshlang", "runtime"},
    "pshelp": {"common", "diag", "model", "parse", "index", "lookup", "render",
               "meta", "pshlang", "runtime", "check", "update", "l10n"},
}
