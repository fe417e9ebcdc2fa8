"""SYNTHETIC documents for the benchmarks: ``python -m bench.generate --projects N [--out DIR] [--seed S]``.

Every file is labelled synthetic (its first line says 合成数据, its name starts with ``synthetic_``) and is written
to a folder of its own (default ``artifacts/synthetic/``), never to sample_data/ or data/; the benchmark loads it
into a database of its own.

What is drawn, and from where:

- places: the counties and cities of cpca's table of administrative divisions (all 31 provinces), each named with
  its province and city so that the name is unique (城区 ×5, 郊区 ×4 … nationwide);
- years: 2018–2025; departments: the kinds of departments of the real documents;
- projects per document, indicators per project, the indicators themselves (level-1, level-2, name, value with
  its number redrawn around the printed one), project totals and the funding pattern (which levels, in what
  shares): resampled from what the parser reads in the five samples and the complete tables of shared/corpus;
- layout: the text layouts the real documents use (tab rows, one cell per line, pipe rows, markdown), written by
  bench/render.py.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from bench.render import render
from ingest.errors import IngestError
from ingest.model import Document, FundingSource, Indicator, Project
from ingest.parse import parse_file

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "artifacts" / "synthetic"
REAL = [ROOT / "sample_data", ROOT.parent / "shared" / "corpus" / "docs"]
LAYOUTS = ("tab_rows", "cell_per_line", "pipe_rows", "markdown")
YEARS = tuple(range(2018, 2026))
DEPARTMENTS = ("司法局", "教育局", "卫生健康委员会", "农业农村局", "水利局", "公安局", "民政局", "交通运输局",
               "市场监督管理局", "生态环境局", "文化旅游体育局", "残疾人联合会", "疾病预防控制中心", "乡村振兴局")
LABEL = "合成数据（性能测试用，非真实文件）"
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


@dataclass
class Fitted:
    """What the generator draws from: pools read from the real documents."""

    indicator_counts: list[int]
    indicators: list[tuple[str, str, str, str, str, str]]  # level1, level2, level1_raw, level2_raw, name, value
    totals: list[float]
    funding_patterns: list[list[tuple[str, str, float]]]  # (source, level, share)
    projects_per_document: list[int]


@lru_cache(maxsize=1)
def fit() -> Fitted:
    counts, indicators, totals, patterns, per_document = [], [], [], [], []
    for folder in REAL:
        for path in sorted(folder.glob("*.txt")):
            try:
                document = parse_file(path)
            except IngestError:
                continue
            complete = [p for p in document.projects if not p.truncated and p.indicators]
            if complete:
                per_document.append(len(complete))
            for project in complete:
                counts.append(len(project.indicators))
                if project.total_wan:
                    totals.append(project.total_wan)
                    if project.funding and sum(f.amount_wan for f in project.funding) > 0:
                        whole = sum(f.amount_wan for f in project.funding)
                        patterns.append([(f.source, f.level, f.amount_wan / whole) for f in project.funding])
                for ind in project.indicators:
                    if ind.name and ind.value and ind.level1 and ind.level2 and ind.target_set == "annual":
                        indicators.append((ind.level1, ind.level2, ind.level1_raw or ind.level1,
                                           ind.level2_raw or ind.level2, ind.name, ind.value))
    return Fitted(counts, indicators, totals, patterns or [[("财政拨款", "fiscal", 1.0)]], per_document)


@lru_cache(maxsize=1)
def places() -> list[tuple[str, str]]:
    """(adcode, full name) of every county and city: 山西省阳泉市城区, 重庆市忠县 …"""
    import cpca

    table = pd.read_csv(Path(cpca.__file__).parent / "resources" / "adcodes.csv", dtype=str)
    names = dict(zip(table["adcode"], table["name"]))
    out = []
    for code, name in names.items():
        province = names.get(code[:2] + "0000000000", "")
        city = names.get(code[:4] + "00000000", "")
        if code[2:] == "0000000000":
            continue  # a province itself
        if code[4:] == "00000000":
            if city == province:
                continue
            full = province + name  # a city (prefecture)
        else:
            full = province + (city if city and city != province else "") + name
        out.append((code, full))
    return out


def _redraw(value: str, rng: random.Random) -> str:
    """The value with its number redrawn around the printed one (percentages stay within 0–100)."""
    match = _NUMBER.search(value)
    if not match or re.search(r"\d{4}年|月|日", value):
        return value
    number = float(match.group())
    if "%" in value:
        new = min(100.0, max(0.0, round(number + rng.choice([-10, -5, 0, 0, 5]), 0)))
    else:
        new = round(number * rng.uniform(0.5, 1.5), 2 if "." in match.group() else 0)
    text = f"{new:g}" if "." in match.group() else str(int(new))
    return value[:match.start()] + text + value[match.end():]


def synthetic_document(index: int, rng: random.Random, projects: int) -> tuple[str, str, Document]:
    """(file name, text, the document as written) of one synthetic document."""
    fitted = fit()
    adcode, place = rng.choice(places())
    year = rng.choice(YEARS)
    department = place + rng.choice(DEPARTMENTS)
    document = Document(source="", sha256="", layout="", encoding="utf-8", fiscal_year=year, department=department)
    for p in range(projects):
        total = round(rng.choice(fitted.totals) * rng.uniform(0.5, 2.0), 2)
        pattern = rng.choice(fitted.funding_patterns)
        funding = [FundingSource(source, level, round(total * share, 2)) for source, level, share in pattern]
        if funding:
            funding[-1].amount_wan = round(total - sum(f.amount_wan for f in funding[:-1]), 2)
        chosen = sorted(rng.sample(fitted.indicators, min(len(fitted.indicators),
                                                          rng.choice(fitted.indicator_counts))),
                        key=lambda row: ("产出指标", "成本指标", "效益指标", "满意度指标").index(row[0])
                        if row[0] in ("产出指标", "成本指标", "效益指标", "满意度指标") else 9)
        indicators = [Indicator(level1=l1, level2=l2, level1_raw=r1, level2_raw=r2, name=name,
                                value=_redraw(value, rng)) for l1, l2, r1, r2, name, value in chosen]
        document.projects.append(Project(
            sequence=p + 1, name=f"合成项目{index:06d}-{p + 1:02d}", total_wan=total, department=department,
            implementing_unit=department, goal="合成数据：性能测试用的年度绩效目标。", funding=funding,
            indicators=indicators))
    layout = LAYOUTS[index % len(LAYOUTS)]
    text = LABEL + "\n\n" + render(document, layout)
    return f"synthetic_{index:06d}_{adcode}_{year}.txt", text, document


def generate(projects: int, out: Path, seed: int = 0) -> list[Path]:
    """Write documents until ``projects`` projects are written; return the files."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    fitted = fit()
    written: list[Path] = []
    total = index = 0
    while total < projects:
        n = min(projects - total, rng.choice(fitted.projects_per_document))
        name, text, _ = synthetic_document(index, rng, n)
        path = out / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
        total += n
        index += 1
    return written


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.generate",
                                     description="生成合成的绩效目标表（性能测试用）。")
    parser.add_argument("--projects", type=int, required=True)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    files = generate(args.projects, args.out, args.seed)
    print(f"{len(files)} synthetic documents, {args.projects} projects, in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
