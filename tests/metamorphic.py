"""Metamorphic checks of the parser: changes a reader must not notice, and cuts it must account for.

Used by tests/test_metamorphic.py (a bounded number of hypothesis examples) and by
``python -m tests.metamorphic --examples 100000`` (the long run reported in RELIABILITY.md).

Over every sample and corpus document that parses:

- invisible characters inserted (zero-width space/joiner, word joiner, BOM), spaces swapped for full-width or
  no-break spaces, line endings changed (CRLF, CR), form feeds (PDF page breaks) put at line starts, blank lines
  doubled, the file re-encoded (GBK, UTF-16, UTF-8 with BOM), characters replaced by the Kangxi radicals a PDF's
  fonts map them to (⼈ for 人, ⽬ for 目): the reading must not change;
- the file cut at a random point: every project and indicator read from the whole file that lies entirely before
  the cut is read again, or a warning names its lines (nothing disappears silently).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ingest.errors import IngestError
from ingest.parse import parse_bytes

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_data"
CORPUS = ROOT.parent / "shared" / "corpus" / "docs"
INVISIBLE = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u200e")
SPACES = ("\u3000", "\u00a0", "\u2002", "\u202f")
TRANSFORMS = ("invisible", "spaces", "crlf", "cr", "formfeed", "blank_lines", "gbk", "utf16", "utf8_bom", "radicals")
# the Kangxi radicals a PDF's fonts map characters to (⼈ for 人, ⽬ for 目: text copied from such a PDF has them)
RADICALS = {unicodedata.normalize("NFKC", chr(cp)): chr(cp) for cp in range(0x2F00, 0x2FD6)}


def squash(text) -> str:
    return "".join((text or "").split())


def reading(document) -> list:
    owners = list(document.projects) + ([document.department_overall] if document.department_overall else [])
    return [(squash(getattr(o, "name", "部门整体")), o.total_wan,
             [(i.level1, i.level2, squash(i.name), squash(i.value), i.target_set) for i in o.indicators])
            for o in owners]


@lru_cache(maxsize=None)
def documents() -> tuple[tuple[str, str], ...]:
    """(name, text) of every sample and corpus document that parses."""
    out = []
    for path in sorted(SAMPLES.glob("*.txt")) + sorted(CORPUS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        try:
            parse_bytes(path.name, text.encode("utf-8"))
        except IngestError:
            continue
        out.append((path.name, text))
    return tuple(out)


@lru_cache(maxsize=None)
def baseline(name: str):
    text = dict(documents())[name]
    return parse_bytes(name, text.encode("utf-8"))


def transform(text: str, kind: str, rng: random.Random) -> bytes:
    """The document after one change that must not alter its reading."""
    if kind == "invisible":
        chars = list(text)
        for _ in range(rng.randint(1, 30)):
            chars.insert(rng.randrange(len(chars) + 1), rng.choice(INVISIBLE))
        return "".join(chars).encode("utf-8")
    if kind == "spaces":
        spaces = [i for i, ch in enumerate(text) if ch == " "]
        chars = list(text)
        for i in rng.sample(spaces, min(len(spaces), rng.randint(1, 30))):
            chars[i] = rng.choice(SPACES)
        return "".join(chars).encode("utf-8")
    if kind == "radicals":  # every occurrence of some characters, as a font maps a glyph
        present = sorted({ch for ch in text if ch in RADICALS})
        chosen = set(rng.sample(present, min(len(present), rng.randint(1, 40))))
        return "".join(RADICALS[ch] if ch in chosen else ch for ch in text).encode("utf-8")
    if kind == "crlf":
        return text.replace("\n", "\r\n").encode("utf-8")
    if kind == "cr":
        return text.replace("\n", "\r").encode("utf-8")
    if kind == "formfeed":
        lines = text.split("\n")
        for i in rng.sample(range(len(lines)), min(len(lines), rng.randint(1, 10))):
            lines[i] = "\f" + lines[i]
        return "\n".join(lines).encode("utf-8")
    if kind == "blank_lines":
        lines = text.split("\n")
        out = []
        for line in lines:
            out.append(line)
            if line == "" and rng.random() < 0.5:
                out.append("")
        return "\n".join(out).encode("utf-8")
    if kind == "gbk":
        try:
            return text.encode("gbk")
        except UnicodeEncodeError:
            return text.encode("gb18030")
    if kind == "utf16":
        return text.encode("utf-16")
    if kind == "utf8_bom":
        return text.encode("utf-8-sig")
    raise ValueError(kind)


@dataclass
class Failure:
    document: str
    transform: str
    detail: str


def check_transform(name: str, kind: str, seed: int):
    """None when the reading is unchanged, else a Failure."""
    text = dict(documents())[name]
    data = transform(text, kind, random.Random(seed))
    try:
        changed = parse_bytes(name, data)
    except IngestError as exc:
        return Failure(name, f"{kind} seed={seed}", f"refused: {exc}")
    before, after = reading(baseline(name)), reading(changed)
    if before != after:
        return Failure(name, f"{kind} seed={seed}", difference(before, after))
    return None


def difference(before: list, after: list) -> str:
    if len(before) != len(after):
        return f"{len(before)} tables read before, {len(after)} after"
    for (name, total, rows), (name2, total2, rows2) in zip(before, after):
        if (name, total) != (name2, total2):
            return f"table {name} {total} became {name2} {total2}"
        lost = [r for r in rows if r not in rows2]
        new = [r for r in rows2 if r not in rows]
        if lost or new:
            return f"{name}: lost {lost[:2]} gained {new[:2]}"
    return "order changed"


def check_cut(name: str, fraction: float):
    """None when every project and indicator lying wholly before the cut is read again or named in a warning."""
    text = dict(documents())[name]
    lines = text.split("\n")
    cut = max(1, int(len(lines) * fraction))
    prefix = "\n".join(lines[:cut])
    original = baseline(name)
    try:
        document = parse_bytes(name, prefix.encode("utf-8"))
    except IngestError:
        complete = [p for p in original.projects if p.line_end < cut - 1 and p.indicators]
        if complete:
            return Failure(name, f"cut at line {cut}", "refused although complete tables precede the cut")
        return None
    warned = [(w.line_start, w.line_end or w.line_start) for w in document.warnings if w.line_start]
    got = {(squash(i.name), squash(i.value)) for p in document.projects for i in p.indicators}
    if document.department_overall:
        got |= {(squash(i.name), squash(i.value)) for i in document.department_overall.indicators}
    owners = list(original.projects) + ([original.department_overall] if original.department_overall else [])
    for owner in owners:
        for ind in owner.indicators:
            if ind.line_end >= cut - 1:
                continue
            if (squash(ind.name), squash(ind.value)) in got:
                continue
            if any(a <= ind.line_start <= b or a <= ind.line_end <= b for a, b in warned):
                continue
            return Failure(name, f"cut at line {cut}", f"lost silently: line {ind.line_start} {ind.name}")
    return None


def run(examples: int, seed: int = 0) -> tuple[int, list[Failure], float]:
    rng = random.Random(seed)
    names = [n for n, _ in documents()]
    failures: list[Failure] = []
    start = time.time()
    for _ in range(examples):
        name = rng.choice(names)
        if rng.random() < 0.25:
            failure = check_cut(name, rng.random())
        else:
            failure = check_transform(name, rng.choice(TRANSFORMS), rng.randrange(1 << 30))
        if failure:
            failures.append(failure)
    return examples, failures, time.time() - start


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.metamorphic")
    parser.add_argument("--examples", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    n, failures, seconds = run(args.examples, args.seed)
    print(f"{n} examples over {len(documents())} documents in {seconds:.0f} s: {len(failures)} failures")
    for failure in failures[:50]:
        print(f"  {failure.document} [{failure.transform}]: {failure.detail}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
