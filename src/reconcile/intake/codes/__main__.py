"""``python -m reconcile.intake.codes > docs/errors.md``: write the page of the error codes."""

from __future__ import annotations

import sys

from reconcile.intake.codes import ERROR_CODES
from reconcile.intake.codes.page import page


def main() -> None:
    sys.stdout.write(page(ERROR_CODES.values()))


if __name__ == "__main__":
    main()
