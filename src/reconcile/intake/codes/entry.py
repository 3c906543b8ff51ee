"""What the registry holds for one error code, and how docs/errors.md shows it."""

from __future__ import annotations

from dataclasses import dataclass

FIGURES = "figures.yaml"  # the file an example's command reads unless it names others


@dataclass(frozen=True, slots=True)
class File:
    """One file of an example: its text, and where it goes beside the main figure file.

    A file with no name is ``figures.yaml``, shown on the page without a caption; a named
    file is shown under its name. ``encoding`` is how the example is saved when it is run
    (the page itself is UTF-8).
    """

    text: str
    name: str | None = None
    lang: str = "yaml"
    encoding: str = "utf-8"

    @property
    def path(self) -> str:
        return self.name or FIGURES

    def markdown(self) -> str:
        caption = f"`{self.name}`:\n\n" if self.name else ""
        info = f"{self.lang} {self.name}" if self.name else self.lang
        return f"{caption}```{info}\n{self.text}```\n"


@dataclass(frozen=True, slots=True)
class Example:
    """Files that give a code, the command run on them and exactly what it prints.

    The output is on standard output for ``validate`` and on standard error for ``export``.
    ``run=False`` marks an example that is described rather than given in full (a file of
    100 MiB): its output was taken from a real file of that size.
    """

    command: str  # after "reconcile ", as the page shows it
    output: str
    files: tuple[File, ...] = ()
    run: bool = True

    def markdown(self) -> str:
        shown = [f.markdown() for f in self.files]
        shown.append(f"```console\n$ reconcile {self.command}\n{self.output}```\n")
        return "\n".join(shown)


@dataclass(frozen=True, slots=True)
class ErrorCode:
    """A stable code: its title, what it means and how to fix it, and an example."""

    code: str
    title: str
    help: str = ""  # Markdown: what the code means and how to fix it
    example: Example | None = None

    def markdown(self) -> str:
        """The text of the code's section, without its heading: the help, then the example."""
        parts = [self.help]
        if self.example is not None:
            parts.append(self.example.markdown())
        return "\n".join(parts).strip()

    def section(self) -> str:
        """The ``## CODE title`` section of docs/errors.md."""
        return f"## {self.code} {self.title}\n\n{self.markdown()}\n\n"
