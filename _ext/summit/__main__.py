"""``python -m summit new ...``: the extension's command line (``make new`` calls it)."""

from __future__ import annotations

import sys

from .new import main

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] != "new":
        print("usage: python -m summit new [--id ID] [--name NAME] ... (python -m summit new --help)",
              file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[2:]))
