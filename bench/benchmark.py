"""Benchmark: parse, load and query speed and peak memory on SYNTHETIC documents.

The documents are generated here from a fixed template in the tab-separated layout; every one says
"合成数据（性能测试用，非真实文件）" in its first line and in every project name, and they are written to a temporary
folder and a temporary database, never to sample_data/ or data/. Results go to stdout as a Markdown table; copy
them into BENCHMARKS.md.

    python bench/benchmark.py [--documents 200] [--projects 10]
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ingest.loader import connect, ensure_schema, load_document  # noqa: E402
from ingest.parse import parse_file  # noqa: E402
import queries  # noqa: E402

PLACES = ["天津市西青区司法局", "平罗县司法局", "秦皇岛市抚宁区司法局", "沅江市司法局", "青岛市司法局"]
INDICATORS = [
    ("产出指标", "数量指标", "合成数量指标{n}", "≥{k}件"),
    ("", "质量指标", "合成质量指标{n}", "=100%"),
    ("", "时效指标", "合成时效指标{n}", "{m}月31日前"),
    ("", "成本指标", "合成成本指标{n}", "≤{w}万元"),
    ("效益指标", "社会效益指标", "合成效益指标{n}", "有效提升"),
    ("满意度指标", "服务对象满意度指标", "合成满意度指标{n}", "≥{s}%"),
]


def synthetic_document(index: int, projects: int, rng: random.Random) -> str:
    place = PLACES[index % len(PLACES)]
    year = 2020 + index % 5
    lines = ["合成数据（性能测试用，非真实文件）", ""]
    for p in range(projects):
        total = round(rng.uniform(1, 200), 2)
        lines += ["项目支出绩效目标表", "", f"({year}年度)", "",
                  f"项目名称\t合成项目{index:04d}-{p:02d}（合成数据）\t\t\t",
                  f"主管预算部门\t{place}\t项目实施单位\t{place}\t",
                  f"项目属性\t经常性项目\t项目起止时间\t{year}年1月-{year}年12月\t",
                  f"项目资金 (万元)\t{total:.2f}\t其中：中央补助\t0.00\t",
                  f"\t\t区级资金\t{total:.2f}\t",
                  "绩效目标\t合成目标文字。\t\t\t",
                  "绩效指标\t一级指标\t二级指标\t三级指标\t指标值"]
        for n, (l1, l2, name, value) in enumerate(INDICATORS):
            text = value.format(k=rng.randint(1, 900), m=rng.randint(1, 12), w=total, s=rng.choice([80, 90, 95, 100]))
            lines.append(f"\t{l1}\t{l2}\t{name.format(n=n)}\t{text}")
        lines.append("")
    return "\n".join(lines)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--projects", type=int, default=10)
    args = parser.parse_args()
    rng = random.Random(20261123)
    with tempfile.TemporaryDirectory(prefix="targetboard-bench-") as tmp:
        folder = Path(tmp) / "synthetic"
        folder.mkdir()
        for i in range(args.documents):
            (folder / f"synthetic_{i:04d}.txt").write_text(synthetic_document(i, args.projects, rng), encoding="utf-8")
        size_mb = sum(f.stat().st_size for f in folder.iterdir()) / 1e6
        started = time.perf_counter()
        documents = [parse_file(f) for f in sorted(folder.iterdir())]
        parse_s = time.perf_counter() - started
        con = connect(Path(tmp) / "bench.duckdb")
        ensure_schema(con)
        started = time.perf_counter()
        for document in documents:
            load_document(con, document)
        load_s = time.perf_counter() - started
        timings = {}
        for name in ("overview", "funding_composition", "indicator_coverage_summary", "satisfaction_summary"):
            started = time.perf_counter()
            for _ in range(5):
                queries.run(con, name)
            timings[name] = (time.perf_counter() - started) / 5 * 1000
        projects = con.execute("SELECT count(*) FROM projects").fetchone()[0]
        indicators = con.execute("SELECT count(*) FROM indicators").fetchone()[0]
        con.close()
    print(f"Synthetic input: {args.documents} documents, {projects} projects, {indicators} indicators, "
          f"{size_mb:.1f} MB of text\n")
    print("| measure | value |")
    print("|---|---|")
    per_doc = parse_s / args.documents * 1000
    print(f"| parse | {parse_s:.2f} s ({size_mb / parse_s:.2f} MB/s, {per_doc:.1f} ms/document) |")
    print(f"| load into DuckDB (one transaction per document) | {load_s:.2f} s "
          f"({load_s / args.documents * 1000:.1f} ms/document) |")
    for name, ms in timings.items():
        print(f"| query `{name}` (mean of 5) | {ms:.1f} ms |")
    print(f"| peak resident memory of the process | {peak_rss_mb():.0f} MB |")


if __name__ == "__main__":
    main()
