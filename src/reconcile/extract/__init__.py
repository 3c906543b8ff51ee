"""Propose claim stubs from an article: ``reconcile extract``.

The parts, in the order they run:

- :mod:`~reconcile.extract.document` reads the article (text, Markdown or HTML) within
  limits of size, encoding and content;
- :mod:`~reconcile.extract.sentences` splits it into sentences that keep their offsets;
- :mod:`~reconcile.extract.dates` finds the dates, which are never figures;
- :mod:`~reconcile.extract.figures` finds every numeric expression and confirms each with
  the value reader;
- :mod:`~reconcile.extract.attribution` finds who the figures are attributed to;
- :mod:`~reconcile.extract.propose` turns figures into proposals with guesses;
- :mod:`~reconcile.extract.output` and :mod:`~reconcile.extract.append` write them.
"""

from __future__ import annotations

from reconcile.extract.document import MAX_BYTES, Document, DocumentError, read_document
from reconcile.extract.propose import Guess, Proposal, propose

__all__ = [
    "MAX_BYTES",
    "Document",
    "DocumentError",
    "Guess",
    "Proposal",
    "propose",
    "read_document",
]
