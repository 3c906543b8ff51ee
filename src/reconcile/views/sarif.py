"""SARIF 2.1.0 for GitHub code scanning: one rule per code, one result per finding.

- **Rules**: every error code, reason code and code of the gate, each with a short and a
  full description and its help (:mod:`reconcile.views.rulehelp`), so that code scanning can say
  what an alert means and how to fix it.
- **Places**: file paths are URIs relative to the repository root (git's top level of the
  current folder, else the current folder), under the base id ``REPOROOT`` that
  ``originalUriBaseIds`` defines, percent-encoded, so a folder named ``a b,c%25:d`` is a
  valid URI. A file outside that root (``/dev/stdin``, ``../other``) is an absolute
  ``file:`` URI.
- **Fingerprints**: many findings share a rule, a file and a line, so code scanning cannot
  tell them apart by place; ``partialFingerprints`` names what each one is about: the claim
  ids of its comparison or review (or, for a problem in the input, its code and message).
  Reordering claims, or moving them to another file, keeps every alert on its conflict.
- **Related claims**: the other claims of a conflict are related locations, and the message
  links to each (``[police-crowd](1)``); brackets of the text itself are escaped.
- **Suppressions**: a reviewed conflict carries its review as an in-source suppression.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TextIO
from urllib.parse import quote

if TYPE_CHECKING:
    from reconcile.views.findings import Finding, FindingsReport

ROOT_ID = "REPOROOT"
FINGERPRINT = "reconcileSubject/v1"
_GIT_TIMEOUT = 10  # seconds


class Rule(NamedTuple):
    id: str
    name: str
    title: str
    description: str
    help: str  # Markdown


def rules() -> list[Rule]:
    """Every code a finding may carry: errors, reasons, the gate's own."""
    from reconcile.engine.gate import CHECK_CODES, CHECK_HELP
    from reconcile.engine.reasons import REASONS
    from reconcile.intake.problems import ERROR_CODES
    from reconcile.views.rulehelp import error_help, reason_help

    errors = error_help()
    found = [
        Rule(c.code, c.title, c.title, errors[c.code].description, errors[c.code].markdown)
        for c in ERROR_CODES.values()
    ]
    for code, module in REASONS.items():
        described = reason_help(code)
        found.append(Rule(code, code, module.TITLE, described.description, described.markdown))
    found += [
        Rule(code, code, title, CHECK_HELP[code], CHECK_HELP[code])
        for code, title in CHECK_CODES.items()
    ]
    return found


def repository_root(folder: Path | None = None) -> Path:
    """git's top level of the folder (the current one by default), else the folder itself."""
    folder = folder or Path.cwd()
    try:
        run = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"],
            cwd=folder,
            capture_output=True,
            text=True,
            timeout=_GIT_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        run = None
    top = run.stdout.strip() if run is not None and run.returncode == 0 else ""
    return Path(os.path.realpath(top or folder))


class Artifacts:
    """The artifact location of each file name, relative to the root where it lies in it."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._known: dict[str, dict[str, str]] = {}

    def location(self, file: str) -> dict[str, str]:
        known = self._known.get(file)
        if known is None:
            known = self._known[file] = self._locate(file)
        return known

    def _locate(self, file: str) -> dict[str, str]:
        absolute = Path(os.path.abspath(file))
        if not file.startswith(("/dev/", "/proc/")):  # a pipe is no file in the repository
            for candidate in (absolute, Path(os.path.realpath(file))):
                try:
                    relative = candidate.relative_to(self.root)
                except ValueError:
                    continue
                return {"uri": quote(relative.as_posix(), safe="/"), "uriBaseId": ROOT_ID}
        return {"uri": absolute.as_uri()}


def _escaped(text: str) -> str:
    """Plain text for a SARIF message that may hold links: its own brackets escaped."""
    return text.replace("[", "\\[").replace("]", "\\]")


def _message(finding: Finding) -> str:
    from reconcile.engine.gate import others_text

    related = getattr(finding, "related", ())
    lead = getattr(finding, "lead", "")
    if related and lead:
        return _escaped(lead) + others_text(
            tuple((file, line, col, _escaped(claim)) for file, line, col, claim in related),
            link=True,
        )
    return _escaped(finding.message)


def _fingerprint(finding: Finding) -> str:
    subject = getattr(finding, "fingerprint", None)
    if not isinstance(subject, str):  # a problem in the input: its code and its words
        subject = f"problem:{finding.code}:{finding.message}"
    return hashlib.sha256(subject.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _location(artifacts: Artifacts, file: str, line: int, col: int) -> dict[str, Any]:
    return {
        "physicalLocation": {
            "artifactLocation": artifacts.location(file),
            "region": {"startLine": max(line, 1), "startColumn": max(col, 1)},
        }
    }


def _camel(words: str) -> str:
    parts = [p for p in words.replace("-", " ").split() if p.isalnum()]
    return "".join(p[:1].upper() + p[1:] for p in parts) or "Rule"


def _result(finding: Finding, index: dict[str, int], artifacts: Artifacts) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": index[finding.code],
        "level": {"error": "error", "warning": "warning"}.get(finding.severity, "note"),
        "message": {"text": _message(finding)},
        "locations": [_location(artifacts, finding.file, finding.line, finding.col)],
        "partialFingerprints": {FINGERPRINT: _fingerprint(finding)},
    }
    related: Sequence[tuple[str, int, int, str]] = getattr(finding, "related", ())
    if related:
        result["relatedLocations"] = [
            {"id": i, **_location(artifacts, file, line, col), "message": {"text": label}}
            for i, (file, line, col, label) in enumerate(related, start=1)
        ]
    suppressed = getattr(finding, "suppressed", "")
    if suppressed:  # a reviewed conflict: its review, in the figure file, closes it
        result["suppressions"] = [{"kind": "inSource", "justification": suppressed}]
    return result


def render(report: FindingsReport, stream: TextIO, root: Path | None = None) -> None:
    from reconcile.version import __version__

    found = rules()
    index = {rule.id: i for i, rule in enumerate(found)}
    base = root or repository_root()
    artifacts = Artifacts(base)
    document = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "reconcile",
                        "version": __version__,
                        "rules": [
                            {
                                "id": rule.id,
                                "name": _camel(rule.name),
                                "shortDescription": {"text": rule.title},
                                "fullDescription": {"text": rule.description},
                                "help": {"text": rule.help, "markdown": rule.help},
                            }
                            for rule in found
                        ],
                    }
                },
                "originalUriBaseIds": {
                    ROOT_ID: {
                        "uri": base.as_uri().rstrip("/") + "/",
                        "description": {
                            "text": "the root of the repository: git's top level, else the "
                            "folder reconcile ran in"
                        },
                    }
                },
                "results": [_result(f, index, artifacts) for f in report.findings],
            }
        ],
    }
    json.dump(document, stream, indent=2, ensure_ascii=False)
    stream.write("\n")
