"""Rows of cells: what every reader produces and the interpreter consumes."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Row:
    cells: list[str]
    line_start: int  # 1-based, inclusive
    line_end: int
    cell_lines: list[int] = field(default_factory=list)  # the line each cell starts on

    def texts(self) -> list[str]:
        """Non-empty cell texts, stripped."""
        return [c.strip() for c in self.cells if c.strip()]

    def joined(self) -> str:
        return "".join(self.texts())
