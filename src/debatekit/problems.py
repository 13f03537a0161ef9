"""Located problems: what every error and warning about an outline is made of."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int          # 1-based
    column: int        # 1-based
    message: str
    severity: str = "error"   # error | warning
    code: str = ""            # a warning's name, for `# debatekit: ignore[code]`

    def __str__(self) -> str:
        tail = f" [{self.code}]" if self.code else ""
        return f"{self.file}:{self.line}:{self.column}: {self.severity}: {self.message}{tail}"


class OutlineError(Exception):
    """An outline that cannot be used; carries every problem found, in file order."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = tuple(sorted(problems, key=_order))
        super().__init__("\n".join(str(p) for p in self.problems))


def _order(problem: Problem) -> tuple:
    return (
        problem.file,
        problem.line,
        problem.column,
        problem.severity != "error",
        problem.message,
    )


def in_file_order(problems: Iterable[Problem]) -> list[Problem]:
    return sorted(set(problems), key=_order)


def summary(errors: int, warnings: int) -> str:
    def count(n: int, word: str) -> str:
        return f"{n} {word}{'' if n == 1 else 's'}"

    return f"{count(errors, 'error')}, {count(warnings, 'warning')}"
