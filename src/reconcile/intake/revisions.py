"""Reading figure files as they were at a git revision, without touching the working tree.

:func:`read_revision` reads each file with ``git cat-file blob REV:relpath`` and lists a
folder with ``git ls-tree -r REV -- relpath``, keeping what the loader's discovery would
(.yaml/.yml files with a top-level key of a figure file, in no hidden folder). The texts come
back with the problems found in reading them and a reader of source texts at the same
revision, for the quote checks; building a Dataset of them is the model's
(``reconcile.engine.diff.load_revision``).
"""

from __future__ import annotations

import errno
import os
import subprocess
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from reconcile.intake import loader
from reconcile.intake.loader import FigureText
from reconcile.intake.problems import InputError, Problem


class GitError(Exception):
    """A git problem in plain words (not a repository, unknown revision, path absent at the
    revision)."""


# git's own environment that would point it at another repository than the path's
_GIT_LOCATION = ("GIT_DIR", "GIT_WORK_TREE", "GIT_COMMON_DIR", "GIT_INDEX_FILE", "GIT_PREFIX")


def _git(args: Sequence[str]) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if k not in _GIT_LOCATION}
    env.update({"LC_ALL": "C", "LANGUAGE": "C", "GIT_TERMINAL_PROMPT": "0"})
    try:
        return subprocess.run(["git", *args], capture_output=True, env=env, check=False)
    except FileNotFoundError:
        raise GitError("git is not installed (or not on PATH)") from None
    except OSError as err:
        raise GitError(f"git could not be run: {err.strerror}") from None


def _first_line(raw: bytes) -> str:
    lines = os.fsdecode(raw).strip().splitlines()
    return lines[0].removeprefix("fatal: ") if lines else "no message"


@dataclass
class _Revision:
    """One revision, read in whichever repositories the paths lie in (each resolved once)."""

    rev: str
    base: Path
    _tops: dict[Path, Path] = field(default_factory=dict)
    _commits: dict[Path, str] = field(default_factory=dict)

    def locate(self, path: Path, shown: str) -> tuple[Path, str, str]:
        """The repository, the commit and the repository-relative path of ``path``."""
        try:
            absolute = (self.base / path).resolve()
        except (OSError, RuntimeError):  # a link loop
            raise GitError(f"{shown}: cannot be resolved (a symbolic link loop?)") from None
        probe = absolute
        while not probe.is_dir() and probe.parent != probe:
            probe = probe.parent  # a path deleted since: ask in the nearest folder that exists
        top = self._tops.get(probe)
        if top is None:
            run = _git(["-C", str(probe), "rev-parse", "--show-toplevel"])
            if run.returncode != 0:
                message = _first_line(run.stderr)
                if "not a git repository" in message:
                    raise GitError(f"{shown!r} is not inside a git repository")
                raise GitError(f"git cannot read the repository of {shown!r}: {message}")
            top = Path(os.fsdecode(run.stdout.rstrip(b"\r\n"))).resolve()
            self._tops[probe] = top
        try:
            relative = absolute.relative_to(top)
        except ValueError:
            raise GitError(f"{shown!r} is not inside a git repository") from None
        posix = PurePosixPath(relative).as_posix()
        return top, self._commit(top), "" if posix == "." else posix

    def _commit(self, top: Path) -> str:
        if top not in self._commits:
            run = _git(
                [
                    "-C",
                    str(top),
                    "rev-parse",
                    "--verify",
                    "--quiet",
                    "--end-of-options",
                    f"{self.rev}^{{commit}}",
                ]
            )
            if run.returncode != 0 or not self.rev:
                raise GitError(f"unknown revision {self.rev!r}")
            self._commits[top] = run.stdout.decode("ascii").strip()
        return self._commits[top]

    def kind(self, top: Path, commit: str, relative: str) -> str | None:
        run = _git(["-C", str(top), "cat-file", "-t", f"{commit}:{relative}"])
        return run.stdout.decode("ascii").strip() if run.returncode == 0 else None

    def blob(self, top: Path, commit: str, relative: str) -> bytes | None:
        run = _git(["-C", str(top), "cat-file", "blob", f"{commit}:{relative}"])
        return run.stdout if run.returncode == 0 else None

    def files_in(self, top: Path, commit: str, relative: str) -> list[str]:
        """Blobs under a folder at the commit, relative to the folder, sorted."""
        spec = [relative] if relative else []
        run = _git(["-C", str(top), "ls-tree", "-r", "-z", "--full-tree", commit, "--", *spec])
        if run.returncode != 0:
            raise GitError(f"git cannot list {relative or '.'!r}: {_first_line(run.stderr)}")
        prefix = f"{relative}/" if relative else ""
        found = []
        for entry in run.stdout.split(b"\0"):
            meta, _, name = entry.partition(b"\t")
            parts = meta.split()
            if len(parts) != 3 or parts[1] != b"blob" or parts[0] == b"120000":
                continue  # trees, submodules and symbolic links are not figure files
            path = os.fsdecode(name)
            if path.startswith(prefix):
                found.append(path[len(prefix) :])
        return sorted(found)

    def read_source(self, path: Path) -> bytes:
        """A source text at the revision, for quote checks (``OSError`` when absent)."""
        try:
            top, commit, relative = self.locate(path, str(path))
        except GitError as err:
            raise OSError(errno.ENOENT, str(err)) from None
        raw = self.blob(top, commit, relative)
        if raw is None:
            raise FileNotFoundError(errno.ENOENT, f"does not exist at revision {self.rev}")
        return raw


def _may_be_figure(name: str) -> bool:
    """Like the loader's discovery: a .yaml/.yml file, in no hidden folder."""
    path = PurePosixPath(name)
    return path.suffix in loader.FIGURE_SUFFIXES and not any(
        part.startswith(".") for part in path.parts
    )


@dataclass(frozen=True)
class RevisionFiles:
    """The figure files read at a revision: their texts, the problems found reading them
    (an empty folder, a file that is not YAML), and a reader of source texts at the same
    revision (``OSError`` when a source is absent there)."""

    texts: list[FigureText]
    problems: list[Problem]
    read_source: Callable[[Path], bytes]


def read_revision(rev: str, paths: Sequence[Path], cwd: Path | None = None) -> RevisionFiles:
    """The figure files at PATHS as they were at git revision REV. File names are the working
    paths as the user gave them (so lines are comparable with the working files).

    Raises GitError (not a repository; unknown revision; a path absent at that revision)."""
    revision = _Revision(rev, cwd if cwd is not None else Path.cwd())
    named: dict[str, bytes] = {}
    problems: list[Problem] = []
    for path in paths:
        top, commit, relative = revision.locate(path, str(path))
        kind = revision.kind(top, commit, relative)
        if kind == "blob":
            raw = revision.blob(top, commit, relative)
            if raw is not None:
                named.setdefault(str(path), raw)
                continue
        if kind == "tree":
            inside = []
            for name in filter(_may_be_figure, revision.files_in(top, commit, relative)):
                raw = revision.blob(top, commit, f"{relative}/{name}" if relative else name)
                if raw is not None and loader.has_figure_key(raw):
                    inside.append((str(path / name), raw))
            if not inside:
                problems.append(loader.empty_folder(str(path)))
            for name, raw in inside:
                named.setdefault(name, raw)
            continue
        raise GitError(f"{path} does not exist at revision {rev}")
    texts: list[FigureText] = []
    for name, raw in named.items():
        try:
            texts.append(loader.read_text(name, raw))
        except InputError as err:
            problems.extend(err.problems)
    return RevisionFiles(texts, problems, revision.read_source)
