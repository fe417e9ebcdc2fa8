"""Scoring the parser against hand-checked expected readings (tests/fixtures/corpus/*.expected.tsv).

Each fixture was transcribed from the source text by a person, never from the parser's output. The score of a
document: its complete projects found with the exact total; its indicators recovered (name and value, whitespace
aside); precision (indicators read that a person also reads); categories (level-1/level-2) of the recovered ones;
every cut-off row either read or named in a warning; and every project, complete or not, found by the name (and
total) a person reads — beside the projects read that a person does not see (names: found / expected / read).

``python -m tests.corpus [DIR]`` prints the table (DIR defaults to ../shared/corpus/docs).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from ingest.errors import IngestError
from ingest.parse import parse_file

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "corpus"
CORPUS = ROOT.parent / "shared" / "corpus" / "docs"


def squash(text: Optional[str]) -> str:
    return re.sub(r"\s+", "", text or "")


def norm_value(text: Optional[str]) -> str:
    """A value compared as printed, whitespace aside and look-alike operators unified (≧ ≥, ═ =)."""
    table = str.maketrans({"≧": "≥", "≦": "≤", "═": "=", "＝": "=", "（": "(", "）": ")", "：": ":", "％": "%"})
    return squash(text).translate(table)


@dataclass
class Expected:
    year: Optional[int] = None
    readable: bool = True
    projects: list[dict] = field(default_factory=list)
    indicators: list[dict] = field(default_factory=list)
    partials: list[tuple[int, str]] = field(default_factory=list)


def read_expected(path: Path) -> Expected:
    out = Expected()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        kind, *cells = line.split("\t")
        if kind == "document":
            out.year = int(cells[0]) if cells[0] else None
            out.readable = cells[1] == "tables"
        elif kind == "project":
            seq, name, total, status, first = cells[:5]
            out.projects.append({"seq": int(seq), "name": name, "total": float(total) if total else None,
                                 "complete": status == "complete", "line": int(first), "funding": []})
        elif kind == "funding":
            source, level, amount = cells[:3]
            out.projects[-1]["funding"].append((source, level, float(amount)))
        elif kind == "indicator":
            line_no, l1, l2, l1_raw, l2_raw, name, value, target_set = (cells + [""] * 8)[:8]
            out.indicators.append({"line": int(line_no), "level1": l1 or None, "level2": l2 or None,
                                   "level1_raw": l1_raw, "level2_raw": l2_raw, "name": name, "value": value,
                                   "set": target_set or "annual", "project": len(out.projects)})
        elif kind == "partial":
            out.partials.append((int(cells[0]), cells[1] if len(cells) > 1 else ""))
    return out


@dataclass
class Score:
    document: str
    error: Optional[str] = None
    complete_expected: int = 0
    complete_found: int = 0  # complete projects found by name with the exact total
    projects_expected: int = 0
    projects_read: int = 0
    projects_named: int = 0  # projects, complete or cut off, found by name (with the total where one is printed)
    indicators_expected: int = 0
    indicators_found: int = 0  # expected indicators read with name and value
    indicators_read: int = 0  # indicators the parser read
    indicators_correct: int = 0  # read indicators that match an expected one
    levels_right: int = 0  # recovered indicators whose level-1 and level-2 also match
    complete_indicators_expected: int = 0
    complete_indicators_found: int = 0
    partials_expected: int = 0
    partials_accounted: int = 0
    missing: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    level_mismatches: list[tuple[int, tuple, tuple]] = field(default_factory=list)  # (line, read, transcribed)


def score_document(source: Path, expected: Expected) -> Score:
    score = Score(document=source.name)
    try:
        document = parse_file(source)
    except IngestError as exc:
        score.error = exc.message_zh
        document = None
    complete = {p["seq"] for p in expected.projects if p["complete"]}
    score.complete_expected = len(complete)
    score.indicators_expected = len(expected.indicators)
    score.partials_expected = len(expected.partials)
    score.complete_indicators_expected = sum(1 for i in expected.indicators if i["project"] in complete)
    if document is None:
        score.missing = [f"{i['line']}: {i['name']} = {i['value']}" for i in expected.indicators]
        score.projects_expected = len(expected.projects)
        return score
    projects = list(document.projects) + ([document.department_overall] if document.department_overall else [])
    score.projects_expected = len(expected.projects)
    score.projects_read = len(document.projects)
    unmatched = list(document.projects)
    for p in expected.projects:
        match = next((q for q in unmatched if squash(q.name) == squash(p["name"]) and (
            p["total"] is None or (q.total_wan is not None and abs(q.total_wan - p["total"]) < 1e-6))), None)
        if match is not None:
            unmatched.remove(match)
            score.projects_named += 1
    for p in expected.projects:
        if not p["complete"]:
            continue
        found = [q for q in document.projects if squash(q.name) == squash(p["name"])]
        if found and p["total"] is not None and found[0].total_wan is not None \
                and abs(found[0].total_wan - p["total"]) < 1e-6:
            score.complete_found += 1
    got = [(i, owner) for owner in projects for i in owner.indicators]
    score.indicators_read = len(got)
    used: set[int] = set()
    for exp in expected.indicators:
        match = None
        for k, (ind, _) in enumerate(got):
            if k in used:
                continue
            if squash(ind.name) == squash(exp["name"]) and norm_value(ind.value) == norm_value(exp["value"]) \
                    and (ind.target_set or "annual") == exp["set"]:
                match = k
                break
        if match is None:
            score.missing.append(f"{exp['line']}: {exp['name']} = {exp['value']} [{exp['set']}]")
            continue
        used.add(match)
        score.indicators_found += 1
        if exp["project"] in complete:
            score.complete_indicators_found += 1
        ind = got[match][0]
        if ind.level1 == exp["level1"] and ind.level2 == exp["level2"]:
            score.levels_right += 1
        else:
            score.level_mismatches.append((exp["line"], (ind.level1, ind.level2), (exp["level1"], exp["level2"])))
    partial_lines = {line for line, _ in expected.partials}
    cut = {k for k, (ind, _) in enumerate(got) if k not in used
           and any(ind.line_start <= line <= ind.line_end for line in partial_lines)}
    score.indicators_read = len(got) - len(cut)  # a row cut off by the excerpt may be read as far as it goes
    score.indicators_correct = len(used)
    score.extra = [f"{got[k][0].line_start}: {got[k][0].name} = {got[k][0].value}" for k in range(len(got))
                   if k not in used and k not in cut]
    warned = {n for w in document.warnings if w.line_start for n in range(w.line_start, (w.line_end or
                                                                                       w.line_start) + 1)}
    for line, _ in expected.partials:
        covered = any(i.line_start <= line <= i.line_end for i, _ in got)
        if covered or line in warned or any(abs(line - n) <= 1 for n in warned):
            score.partials_accounted += 1
    return score


def score_corpus(corpus: Path = CORPUS, fixtures: Path = FIXTURES) -> list[Score]:
    scores = []
    for fixture in sorted(fixtures.glob("*.expected.tsv")):
        source = corpus / fixture.name.replace(".expected.tsv", ".txt")
        scores.append(score_document(source, read_expected(fixture)))
    return scores


def totals(scores: list[Score]) -> dict[str, float]:
    def ratio(a, b):
        return a / b if b else 1.0

    found = sum(s.indicators_found for s in scores)
    return {
        "complete_projects": ratio(sum(s.complete_found for s in scores), sum(s.complete_expected for s in scores)),
        "recall": ratio(found, sum(s.indicators_expected for s in scores)),
        "precision": ratio(sum(s.indicators_correct for s in scores), sum(s.indicators_read for s in scores)),
        "levels": ratio(sum(s.levels_right for s in scores), found),
        "complete_recall": ratio(sum(s.complete_indicators_found for s in scores),
                                 sum(s.complete_indicators_expected for s in scores)),
        "partials": ratio(sum(s.partials_accounted for s in scores), sum(s.partials_expected for s in scores)),
        # every project (complete or cut off) read with the name and total a person reads, and the projects read
        # otherwise (under another name or total, or that a person does not see: a list of annexes)
        "project_names": ratio(sum(s.projects_named for s in scores), sum(s.projects_expected for s in scores)),
        "extra_projects": sum(max(0, s.projects_read - s.projects_named) for s in scores),
    }


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    paths = [a for a in argv if not a.startswith("-")]
    only = [a for a in argv if a.startswith("--only=")]
    corpus = Path(paths[0]) if paths else CORPUS
    scores = score_corpus(corpus)
    if only:
        scores = [s for s in scores if s.document.startswith(tuple(only[0][7:].split(",")))]
    print(f"{'document':58} {'cplt':>5} {'recall':>7} {'prec':>7} {'levels':>7} {'part':>5} {'names':>7}")
    for s in scores:
        print(f"{s.document[:58]:58} {s.complete_found}/{s.complete_expected:<3} "
              f"{s.indicators_found:>3}/{s.indicators_expected:<3} {s.indicators_correct:>3}/{s.indicators_read:<3} "
              f"{s.levels_right:>3}/{s.indicators_found:<3} {s.partials_accounted}/{s.partials_expected:<3} "
              f"{s.projects_named}/{s.projects_expected}/{s.projects_read}"
              + (f"  ERROR {s.error[:40]}" if s.error else ""))
        if verbose:
            for m in s.missing:
                print("      missing", m)
            for m in s.extra:
                print("      extra  ", m)
    print({k: round(v, 3) for k, v in totals(scores).items()})
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
