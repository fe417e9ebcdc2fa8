"""Run-together cells (``run_together``): a table whose cells were pasted with no separator at all.

Placeholder until the segmenter lands: scores 0 so it is never chosen.
"""

from __future__ import annotations

from ingest.grid import ParseWarning, Row
from ingest.readers.families import paragraphs


def build(lines: list[str]) -> tuple[list[Row], list[ParseWarning]]:
    return paragraphs.build(lines)


def score(lines: list[str]) -> float:
    return 0.0
