"""Recall and precision per form shape × layout family (SYNTHETIC layouts and shapes, real content).

``python -m bench.render --measure [--shapes a,b] [--verbose] [FAMILY ...]`` renders the five samples and the
corpus tables (the excerpts whose reading is worth re-rendering, as in tests/test_layouts.py) in every shape and
family of bench/render.py, reads them back and prints, per shape × family: recall and precision of indicators
(name and value exact, levels where the shape prints them; only the annual target set counts), and the share of
projects given back with their name, total and funding amounts (samples). Nothing is written anywhere.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from bench.render import FAMILIES, NARROW_PRINTS, SHAPES, applies, expected, indicator_key, render
from ingest.errors import IngestError
from ingest.model import Document
from ingest.parse import parse_bytes, parse_file

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "sample_data").glob("*.txt"))
CORPUS = ROOT.parent / "shared" / "corpus" / "docs"
POOR_READINGS = ("01", "13", "15", "17")  # corpus excerpts whose reading is too poor to re-render (README, limits)
SHAPE_FAMILIES = tuple(f for f in FAMILIES if f != "indent_tree")  # a tree prints no columns


@dataclass
class Score:
    want: int = 0
    got: int = 0
    found: int = 0
    right: int = 0
    projects: int = 0
    projects_ok: int = 0
    misses: list = field(default_factory=list)

    def add(self, other: Score) -> None:
        self.want += other.want
        self.got += other.got
        self.found += other.found
        self.right += other.right
        self.projects += other.projects
        self.projects_ok += other.projects_ok
        self.misses += other.misses

    @property
    def recall(self) -> float:
        return self.found / self.want if self.want else 1.0

    @property
    def precision(self) -> float:
        return self.right / self.got if self.got else (1.0 if not self.want else 0.0)


def readings(which: str) -> dict[str, Document]:
    """The parsed documents to render: the samples, or the corpus excerpts worth re-rendering."""
    out = {}
    paths = SAMPLES if which == "samples" else sorted(CORPUS.glob("*.txt"))
    for path in paths:
        if which == "corpus" and path.name[:2] in POOR_READINGS:
            continue
        try:
            document = parse_file(path)
        except IngestError:
            continue
        if document.projects:
            out[path.stem] = document
    return out


def funding_of(project) -> tuple:
    return (project.name.replace(" ", ""), round(project.total_wan, 4) if project.total_wan is not None else None,
            tuple(sorted(round(s.amount_wan, 4) for s in project.funding)))


def score(original: Document, family: str, shape: str, stem: str = "") -> Score:
    """One document rendered in ``family`` and ``shape`` and read back, against what it must give back."""
    want = [row for rows in expected(original, shape) for row in rows]
    result = Score(want=len(want), projects=len(original.projects))
    try:
        document = parse_bytes(f"{stem}_{family}.txt", render(original, family, shape).encode("utf-8"))
    except IngestError:
        result.misses = [(stem, "refused")]
        return result
    got = [indicator_key(i.level1, i.level2, i.name, i.value, shape) for p in document.projects
           for i in p.indicators if i.target_set == "annual"]
    # as in tests/test_layouts.py, an indicator counts as found when a row of the reading is it (a form with mid-term
    # and annual groups prints a row twice when both sets say the same), and a row read is right when it is wanted
    result.got = len(got)
    got_rows, want_rows = set(got), set(want)
    for row in want:
        if row in got_rows:
            result.found += 1
        else:
            result.misses.append((stem, row))
    result.right = sum(1 for row in got if row in want_rows)
    wanted = Counter(funding_of(p) for p in original.projects)
    for p in document.projects:
        key = funding_of(p)
        if wanted[key] > 0:
            wanted[key] -= 1
            result.projects_ok += 1
    return result


def measure(documents: dict[str, Document], families, shapes) -> dict[tuple[str, str], Score]:
    table = {}
    for shape in shapes:
        for family in families:
            if not applies(shape, family):
                continue
            total = Score()
            for stem, original in documents.items():
                total.add(score(original, family, shape, stem))
            table[shape, family] = total
    return table


def print_table(title: str, table: dict[tuple[str, str], Score], families, shapes, projects: bool) -> None:
    print(f"\n{title}: recall / precision" + (" / projects with name, total and funding" if projects else ""))
    print("shape".ljust(18) + "".join(f.ljust(20) for f in families))
    for shape in shapes:
        cells = []
        for family in families:
            s = table.get((shape, family))
            if s is None:
                cells.append("n/a".ljust(20))
                continue
            cell = f"{s.recall:.3f} {s.precision:.3f}"
            if projects:
                cell += f" {s.projects_ok}/{s.projects}"
            cells.append(cell.ljust(20))
        print(shape.ljust(18) + "".join(cells))


def main(argv: list[str]) -> None:
    verbose = "--verbose" in argv
    shapes = list(SHAPES)
    if "--shapes" in argv:
        shapes = argv[argv.index("--shapes") + 1].split(",")
    families = [a for a in argv if a in FAMILIES or a in NARROW_PRINTS] or list(SHAPE_FAMILIES)
    for which in ("samples", "corpus"):
        documents = readings(which)
        table = measure(documents, families, shapes)
        print_table(which, table, families, shapes, projects=which == "samples")
        if verbose:
            for (shape, family), s in table.items():
                for miss in s.misses[:12]:
                    print("  MISS", shape, family, *miss)


if __name__ == "__main__":
    main(sys.argv[1:])
