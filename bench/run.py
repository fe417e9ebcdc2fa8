"""The national-scale benchmark: ``python -m bench.run --projects 10000,100000``.

For each size, in a temporary folder (never data/ or sample_data/): SYNTHETIC documents written by bench.generate,
loaded into a database of their own, then measured:

- ingest: documents parsed on every core and written (projects/s, MB/s of text), and the write alone;
- the database size on disk;
- every metric query of queries/ unfiltered and filtered to one place (median of 5, after one warm-up), and the
  review as the 目标审核 page asks for it (counts, first page of findings, first page of grades);
- the same three core metrics (funding composition, indicator coverage, satisfaction thresholds) in pandas, from
  the tables already in memory, unfiltered and filtered (median of 5), with a check that they agree with DuckDB;
- every page through streamlit's AppTest (in a process of its own: caches cold, then a rerun), and the process's
  peak memory;
- every page in Chromium against ``streamlit run dashboard.py`` (time until the page has stopped running and every
  chart is drawn, the tab's JavaScript heap through CDP), and the server's peak memory.

Results go to bench/results.json (merged by size) and, with ``--write``, into BENCHMARKS.md and docs/benchmarks.png.
The machine is shared: the load average is recorded before and after each size.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable, Iterator, Optional

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

RESULTS = ROOT / "bench" / "results.json"
PLOT = ROOT / "docs" / "benchmarks.png"
TITLES = {"overview": "总览", "funding": "资金构成", "coverage": "指标覆盖", "satisfaction": "满意度",
          "project": "项目明细",
          "compare": "跨地区对比", "review": "目标审核", "data": "数据"}
PAGES = [("overview", "/", "pages/overview.py"), ("funding", "/funding", "pages/funding.py"),
         ("coverage", "/coverage", "pages/coverage.py"), ("satisfaction", "/satisfaction", "pages/satisfaction.py"),
         ("project", "/project", "pages/project.py"), ("compare", "/compare", "pages/compare.py"),
         ("review", "/review", "pages/review.py"), ("data", "/data", "pages/data.py")]
# queries of one project or document, or of the load log: not metrics
NOT_METRICS = {"document_layout", "document_lines", "load_log", "project_detail", "project_empty_slots",
               "project_funding", "project_indicators", "project_plan", "department_indicators"}
# one row per document, project, indicator or warning: the pages ask for them a page (50 rows) at a time
LISTINGS = {"documents", "projects", "indicator_coverage", "satisfaction_thresholds", "page_theme_projects",
            "parse_warnings", "search", "source_files"}
CORE = {"funding_composition": "funding composition", "indicator_coverage_summary": "indicator coverage",
        "satisfaction_summary": "satisfaction thresholds"}
TARGETS = {"page_apptest_s": 2.0, "page_chromium_s": 3.0, "tab_mb": 500, "query_ms": 300, "query_filtered_ms": 50,
           "review_s": 2.0, "ingest_projects_s": 1000, "server_mb": 1024, "duckdb_vs_pandas": 5.0}


def median_ms(fn: Callable[[], Any], runs: int = 5) -> float:
    fn()  # warm-up (plans, caches)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def load_average() -> list[float]:
    return [round(v, 2) for v in os.getloadavg()]


def rss_mb(pid: int, field: str = "VmHWM") -> float:
    """Peak (VmHWM) or current (VmRSS) resident memory of a process, from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


# ---------------------------------------------------------------------------------------------------------------
# Ingest and queries
# ---------------------------------------------------------------------------------------------------------------


def ingest(folder: Path, db: Path) -> dict:
    from ingest import loader

    written = {"s": 0.0}
    original = loader.write_rows

    def timed(con, parts, replace=False):
        start = time.perf_counter()
        try:
            return original(con, parts, replace)
        finally:
            written["s"] += time.perf_counter() - start

    loader.write_rows = timed
    try:
        start = time.perf_counter()
        results = loader.load_paths([folder], db)
        seconds = time.perf_counter() - start
    finally:
        loader.write_rows = original
    failed = [r for r in results if r[1] != "loaded"]
    con = loader.connect(db)
    try:
        con.execute("CHECKPOINT")
        n_docs, n_projects, n_indicators, n_findings = con.execute(
            "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM projects),"
            " (SELECT count(*) FROM indicators), (SELECT count(*) FROM review_findings)").fetchone()
    finally:
        con.close()
    megabytes = sum(f.stat().st_size for f in folder.iterdir()) / 1e6
    return {"seconds": seconds, "write_seconds": written["s"], "documents": n_docs, "projects": n_projects,
            "indicators": n_indicators, "findings": n_findings, "failed": len(failed), "input_mb": megabytes,
            "projects_per_s": n_projects / seconds, "mb_per_s": megabytes / seconds,
            "write_projects_per_s": n_projects / written["s"] if written["s"] else None, "batch": loader.BATCH_SIZE,
            "db_mb": db.stat().st_size / 1e6}


def busiest_place(con) -> tuple[str, str]:
    return con.execute("SELECT place, any_value(place_name) FROM v_documents GROUP BY place"
                       " ORDER BY count(*) DESC, place LIMIT 1").fetchone()


def time_queries(db: Path) -> dict:
    import queries
    from ingest.loader import connect
    from review import engine

    con = connect(db, read_only=True)
    try:
        place, name = busiest_place(con)
        out: dict[str, Any] = {"filter": {"jurisdictions": [place], "name": name}, "queries": {}}
        for query in queries.names():
            if query in NOT_METRICS:
                continue
            params = {"phrase": "满意度"} if query == "search" else {}

            def run(filters: dict, query: str = query, params: dict = params):
                return queries.run(con, query, **params, **filters)

            entry = {"all_ms": median_ms(lambda: run({})),
                     "filtered_ms": median_ms(lambda: run({"jurisdictions": [place]})),
                     "rows": len(run({})), "listing": query in LISTINGS}
            if "limit" in queries.get(query).defaults and query in LISTINGS:
                entry["page_ms"] = median_ms(lambda: run({"limit": 50}))
            out["queries"][query] = entry

        def review_page(**filters):
            engine.review_overview(con, **filters)
            engine.review_findings_page(con, limit=50, offset=0, **filters)
            engine.review_grades_page(con, limit=50, offset=0, **filters)

        out["review"] = {"all_ms": median_ms(review_page), "filtered_ms": median_ms(
            lambda: review_page(jurisdictions=[place])),
            "full_run_review_ms": median_ms(lambda: engine.run_review(con), runs=3),
            "live_run_review_ms": median_ms(lambda: engine.run_review(con, stored=False), runs=1)}
        out["pandas"] = pandas_metrics(con, place)
    finally:
        con.close()
    return out


# ---------------------------------------------------------------------------------------------------------------
# The three core metrics in pandas (from the tables in memory)
# ---------------------------------------------------------------------------------------------------------------

CATEGORIES = {"数量指标": ("数量", 1), "质量指标": ("质量", 2), "时效指标": ("时效", 3), "成本指标": ("成本", 4),
              "经济成本指标": ("成本", 4), "社会成本指标": ("成本", 4), "生态环境成本指标": ("成本", 4),
              "经济效益指标": ("经济效益", 5), "社会效益指标": ("社会效益", 6), "生态效益指标": ("生态效益", 7),
              "可持续影响指标": ("可持续影响", 8), "服务对象满意度指标": ("满意度", 9)}


def pandas_metrics(con, place: str) -> dict:
    import pandas as pd

    start = time.perf_counter()
    docs = con.execute("SELECT doc_id, province, city, jurisdiction, coalesce(adcode, jurisdiction) AS place,"
                       " fiscal_year FROM documents").df()
    projects = con.execute("SELECT project_id, doc_id, truncated FROM projects").df()
    funding = con.execute("SELECT project_id, doc_id, source, level, amount_wan FROM funding"
                          " WHERE project_id IS NOT NULL").df()
    indicators = con.execute("SELECT project_id, doc_id, level1, level2, target_pct, target_set FROM indicators").df()
    load_s = time.perf_counter() - start
    keys = ["province", "city", "jurisdiction", "place", "fiscal_year"]

    def composition(docs_f):  # vectorised pandas: merge, group, transform
        f = funding.merge(docs_f, on="doc_id")
        by = keys + ["level"]
        g = f.groupby(by, dropna=False)["amount_wan"].sum().rename("amount_wan").to_frame()
        g["n_projects"] = f[f["amount_wan"] > 0].groupby(by, dropna=False)["project_id"].nunique()
        names = f[by + ["source"]].drop_duplicates().sort_values("source")
        g["sources"] = names.groupby(by, dropna=False)["source"].agg("、".join)
        g = g.reset_index()
        g["n_projects"] = g["n_projects"].fillna(0)
        total = g.groupby(["place", "fiscal_year"], dropna=False)["amount_wan"].transform("sum")
        g["total_wan"] = total
        g["share_pct"] = 100 * g["amount_wan"] / total.where(total != 0)
        return g

    def coverage(docs_f):
        p = projects[~projects["truncated"]].merge(docs_f, on="doc_id")
        i = indicators[indicators["project_id"].notna() & (indicators["target_set"] == "annual")
                       & indicators["doc_id"].isin(docs_f["doc_id"])]
        cat = i["level2"].map(level2_category)
        cat = cat.where(cat.notna(), i["level1"].map({"满意度指标": "满意度", "成本指标": "成本"}))
        counts = i.assign(category=cat).dropna(subset=["category"]).groupby(
            ["project_id", "category"]).size().rename("n").reset_index()
        grid = p.merge(categories, how="cross").merge(counts, on=["project_id", "category"], how="left")
        grid["n"] = grid["n"].fillna(0)
        grid["covered"] = grid["n"] > 0
        out = grid.groupby(keys + ["category"], dropna=False).agg(
            n_projects=("project_id", "size"), n_projects_covering=("covered", "sum"),
            n_indicators=("n", "sum")).reset_index()
        out["share_covering_pct"] = 100 * out["n_projects_covering"] / out["n_projects"]
        return out

    def satisfaction(docs_f):
        s = indicators[(indicators["level1"] == "满意度指标") & indicators["project_id"].notna()
                       & (indicators["target_set"] == "annual")]
        s = docs_f.merge(s, on="doc_id", how="left")
        pct = s["target_pct"]
        s = s.assign(ge_90=pct >= 90, lt_80=pct < 80, eq_100=pct == 100)
        return s.groupby(keys, dropna=False).agg(
            n_indicators=("level1", "count"), n_with_threshold=("target_pct", "count"),
            min_pct=("target_pct", "min"), median_pct=("target_pct", "median"), max_pct=("target_pct", "max"),
            n_ge_90=("ge_90", "sum"), n_lt_80=("lt_80", "sum"), n_eq_100=("eq_100", "sum")).reset_index()

    level2_category = {k: v[0] for k, v in CATEGORIES.items()}
    categories = pd.DataFrame({"category": sorted({c for c, _ in CATEGORIES.values()})})

    import queries

    out: dict[str, Any] = {"load_s": load_s}
    one = docs[docs["place"] == place]
    checks = {"funding_composition": ("amount_wan", "amount_wan"),
              "indicator_coverage_summary": ("n_projects_covering", "n_projects_covering"),
              "satisfaction_summary": ("n_lt_80", "n_lt_80")}
    for name, fn in (("funding_composition", composition), ("indicator_coverage_summary", coverage),
                     ("satisfaction_summary", satisfaction)):
        result = fn(docs)
        duck = queries.run(con, name)
        ours, theirs = checks[name]
        agree = len(result) == len(duck) and abs(float(result[ours].sum()) - float(duck[theirs].sum())) < 1e-6 * max(
            1.0, abs(float(duck[theirs].sum())))
        out[name] = {"all_ms": median_ms(lambda fn=fn: fn(docs)), "filtered_ms": median_ms(lambda fn=fn: fn(one)),
                     "rows": len(result), "agrees_with_duckdb": bool(agree)}
    return out


# ---------------------------------------------------------------------------------------------------------------
# Pages: AppTest (a process of its own) and Chromium
# ---------------------------------------------------------------------------------------------------------------


def apptest_pages(db: Path) -> dict:
    """Run ``python -m bench.run --apptest DB`` and read its JSON."""
    env = {**os.environ, "TARGETBOARD_DB": str(db)}
    proc = subprocess.run([sys.executable, "-m", "bench.run", "--apptest", str(db)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=1800)
    if proc.returncode != 0:
        raise RuntimeError("AppTest run failed:\n" + proc.stderr[-4000:])
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _apptest_main(db: str) -> None:
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    os.environ["TARGETBOARD_DB"] = db
    out: dict[str, Any] = {}
    # A running server has imported its modules and opened the database: one run of the app, not counted, does
    # that here. Then every page is opened directly (not after the overview), with the query caches cleared.
    AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=600).run()
    for name, _, page in PAGES:
        st.cache_data.clear()  # cold: every query runs (the connection stays open, as in a running server)
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=600)
        at.switch_page(page)
        start = time.perf_counter()
        at.run()
        cold = time.perf_counter() - start
        errors = [e.value for e in at.exception]
        start = time.perf_counter()
        at.run()
        warm = time.perf_counter() - start
        out[name] = {"cold_s": cold, "warm_s": warm, "errors": errors}
    # VmHWM, not getrusage's ru_maxrss: Linux carries ru_maxrss over an exec, so it held the bench process's own peak
    out["peak_rss_mb"] = rss_mb(os.getpid(), "VmHWM")
    print(json.dumps(out))


def dataset_mode(db: Path, work: Path) -> dict:
    """Export to Parquet (``python -m ingest export --parquet``), then, in a process of its own, open the dataset as
    the replicas do (held in memory) and time the core metrics; the process's peak memory."""
    from ingest.dataset import export_parquet

    out = work / f"dataset_{db.stem}"
    start = time.perf_counter()
    export_parquet(db, out)
    seconds = time.perf_counter() - start
    size = sum(f.stat().st_size for f in out.rglob("*") if f.is_file()) / 1e6
    files = sum(1 for _ in out.rglob("*.parquet"))
    proc = subprocess.run([sys.executable, "-m", "bench.run", "--dataset", str(out)], cwd=ROOT,
                          capture_output=True, text=True, timeout=1800)
    if proc.returncode != 0:
        raise RuntimeError("dataset run failed:\n" + proc.stderr[-4000:])
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    result.update(export_s=seconds, mb=size, files=files)
    return result


def _dataset_main(folder: str) -> None:
    import queries
    from ingest.dataset import open_dataset

    start = time.perf_counter()
    con = open_dataset(folder)
    out: dict[str, Any] = {"open_s": time.perf_counter() - start,
                           "rss_after_open_mb": rss_mb(os.getpid(), "VmRSS")}
    place = busiest_place(con)[0]
    for name in (*CORE, "overview", "place_summary"):
        out[name] = {"all_ms": median_ms(lambda name=name: queries.run(con, name)),
                     "filtered_ms": median_ms(lambda name=name: queries.run(con, name, jurisdictions=[place]))}
    out["peak_rss_mb"] = rss_mb(os.getpid(), "VmHWM")  # see _apptest_main
    print(json.dumps(out))


@contextlib.contextmanager
def dashboard(db: Path, log: Path) -> Iterator[tuple[str, subprocess.Popen]]:
    """The dashboard on ``db`` as a user runs it (scripts/screenshots.py's server); yields its URL and process."""
    from scripts.screenshots import server_process

    with server_process(db, log, timeout=120) as (base, proc):
        yield base, proc


DRAWN_JS = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  if (!document.querySelector('[data-testid="stMain"] h1')) return false;
  if (document.querySelectorAll('[data-testid="stSkeleton"]').length) return false;
  return [...document.querySelectorAll('[data-testid="stPlotlyChart"]')].every(c => c.querySelector('.main-svg'));
}"""


def _visit(browser_context, base: str, path: str) -> dict:
    page = browser_context.new_page()
    cdp = browser_context.new_cdp_session(page)
    cdp.send("Performance.enable")
    start = time.perf_counter()
    page.goto(base + path)
    page.wait_for_function(DRAWN_JS, timeout=600_000, polling=50)
    seconds = time.perf_counter() - start
    metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    page.close()
    return {"s": seconds, "heap_mb": metrics.get("JSHeapUsedSize", 0) / 1e6,
            "heap_total_mb": metrics.get("JSHeapTotalSize", 0) / 1e6, "nodes": int(metrics.get("Nodes", 0))}


def chromium_pages(db: Path, work: Path) -> dict:
    """Every page in Chromium, twice: a first visit with an empty browser cache (a new browser context per page:
    Streamlit's and plotly's JavaScript are downloaded and compiled), then a visit in a new tab of a browser that has
    the app's files cached (as a returning user). Server caches start cold with the first page."""
    from playwright.sync_api import sync_playwright

    from scripts.screenshots import CHROMIUM, LAUNCH_ARGS

    out: dict[str, Any] = {}
    with dashboard(db, work / "streamlit.log") as (base, proc), sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            for name, path, _ in PAGES:
                context = browser.new_context(viewport={"width": 1440, "height": 900})
                first = _visit(context, base, path)
                context.close()
                out[name] = {"cold_s": first["s"], "cold_heap_mb": first["heap_mb"],
                             "cold_heap_total_mb": first["heap_total_mb"], "cold_nodes": first["nodes"]}
            context = browser.new_context(viewport={"width": 1440, "height": 900})
            _visit(context, base, "/data")  # the app's files into the browser cache
            for name, path, _ in PAGES:
                again = _visit(context, base, path)
                out[name].update(warm_s=again["s"], warm_heap_mb=again["heap_mb"])
            # in one open tab, page after page through the sidebar links (how a user moves once the app is open)
            tab = context.new_page()
            tab.goto(base + "/data")
            tab.wait_for_function(DRAWN_JS, timeout=600_000, polling=50)
            for name, _, _ in PAGES:
                title = TITLES[name]
                start = time.perf_counter()
                tab.locator('[data-testid="stSidebar"] a', has_text=title).first.click()
                tab.wait_for_function(
                    "t => { const h = document.querySelector('[data-testid=\"stMain\"] h1');"
                    " return h && h.textContent.trim().startsWith(t); }", arg=title, timeout=600_000, polling=50)
                tab.wait_for_function(DRAWN_JS, timeout=600_000, polling=50)
                out[name]["navigate_s"] = time.perf_counter() - start
            heap = tab.evaluate("() => performance.memory ? performance.memory.usedJSHeapSize : 0")
            out["tab_after_all_pages_heap_mb"] = heap / 1e6
            context.close()
        finally:
            browser.close()
        out["server_peak_mb"] = rss_mb(proc.pid, "VmHWM")
        out["server_now_mb"] = rss_mb(proc.pid, "VmRSS")
    return out


# ---------------------------------------------------------------------------------------------------------------
# One size, all sizes, the report
# ---------------------------------------------------------------------------------------------------------------


def run_size(n: int, work: Path, browser: bool = True) -> dict:
    from bench.generate import generate

    result: dict[str, Any] = {"projects_asked": n, "load_before": load_average(),
                              "when": time.strftime("%Y-%m-%d %H:%M"), "cpus": os.cpu_count(),
                              "python": platform.python_version()}
    folder = work / f"docs_{n}"
    start = time.perf_counter()
    files = generate(n, folder, seed=0)
    result["generate_s"] = time.perf_counter() - start
    result["files"] = len(files)
    print(f"[{n}] generated {len(files)} documents in {result['generate_s']:.1f} s", flush=True)
    db = work / f"bench_{n}.duckdb"
    result["ingest"] = ingest(folder, db)
    print(f"[{n}] ingest {result['ingest']['projects_per_s']:.0f} projects/s", flush=True)
    result.update(time_queries(db))
    print(f"[{n}] queries done", flush=True)
    result["apptest"] = apptest_pages(db)
    print(f"[{n}] AppTest done", flush=True)
    result["dataset"] = dataset_mode(db, work)
    print(f"[{n}] Parquet dataset done", flush=True)
    if browser:
        result["chromium"] = chromium_pages(db, work)
        print(f"[{n}] Chromium done", flush=True)
    result["load_after"] = load_average()
    return result


def summary_rows(r: dict) -> list[tuple[str, str, str, bool]]:
    """(measure, value, target, met) rows for one size."""
    rows = []
    ing = r["ingest"]
    rows.append(("ingest, parse + write (every core)", f"{ing['projects_per_s']:,.0f} projects/s, "
                 f"{ing['mb_per_s']:.2f} MB/s", "≥ 1,000 projects/s", ing["projects_per_s"] >= 1000))
    if ing.get("write_projects_per_s"):
        rows.append((f"ingest, write only (batches of {ing.get('batch', 200):,} documents, summaries and review"
                     " included)",
                     f"{ing['write_projects_per_s']:,.0f} projects/s", "", True))
    rows.append(("database size", f"{ing['db_mb']:,.0f} MB ({ing['input_mb']:,.0f} MB of text)", "", True))
    q = r["queries"]
    metrics = {k: v for k, v in q.items() if not v.get("listing")}
    pages = {k: v for k, v in q.items() if "page_ms" in v}
    worst_all = max(metrics.items(), key=lambda kv: kv[1]["all_ms"])
    worst_one = max(q.items(), key=lambda kv: kv[1]["filtered_ms"])
    rows.append(("slowest aggregate query, unfiltered, whole result (median of 5)",
                 f"{worst_all[1]['all_ms']:,.0f} ms (`{worst_all[0]}`)", "< 300 ms", worst_all[1]["all_ms"] < 300))
    if pages:
        worst_page = max(pages.items(), key=lambda kv: kv[1]["page_ms"])
        rows.append(("slowest listing, unfiltered, first page of 50 (as the pages ask)",
                     f"{worst_page[1]['page_ms']:,.0f} ms (`{worst_page[0]}`)", "< 300 ms",
                     worst_page[1]["page_ms"] < 300))
        worst_full = max(pages.items(), key=lambda kv: kv[1]["all_ms"])
        rows.append(("slowest listing, unfiltered, every row (the downloads)",
                     f"{worst_full[1]['all_ms']:,.0f} ms (`{worst_full[0]}`, {worst_full[1]['rows']:,} rows)", "",
                     True))
    rows.append(("slowest metric query, one place (median of 5)", f"{worst_one[1]['filtered_ms']:,.1f} ms "
                 f"(`{worst_one[0]}`)", "< 50 ms", worst_one[1]["filtered_ms"] < 50))
    rows.append(("review as the page asks (counts, first pages)", f"{r['review']['all_ms'] / 1000:,.2f} s",
                 "< 2 s", r["review"]["all_ms"] < 2000))
    pages = {k: v for k, v in r["apptest"].items() if isinstance(v, dict)}
    worst = max(pages.items(), key=lambda kv: kv[1]["cold_s"])
    rows.append(("slowest page, AppTest (cold caches)", f"{worst[1]['cold_s']:.2f} s ({worst[0]})", "< 2 s",
                 worst[1]["cold_s"] < 2))
    if "chromium" in r:
        c = {k: v for k, v in r["chromium"].items() if isinstance(v, dict)}
        worst = max(c.items(), key=lambda kv: kv[1]["cold_s"])
        rows.append(("slowest page, Chromium, first visit (empty browser cache), until drawn",
                     f"{worst[1]['cold_s']:.2f} s ({worst[0]})", "< 3 s", worst[1]["cold_s"] < 3))
        worst = max(c.items(), key=lambda kv: kv[1]["warm_s"])
        rows.append(("slowest page, Chromium, new tab (app files cached), until drawn",
                     f"{worst[1]['warm_s']:.2f} s ({worst[0]})", "< 3 s", worst[1]["warm_s"] < 3))
        if all("navigate_s" in v for v in c.values()):
            worst = max(c.items(), key=lambda kv: kv[1]["navigate_s"])
            rows.append(("slowest page, Chromium, reached from the sidebar in an open tab, until drawn",
                         f"{worst[1]['navigate_s']:.2f} s ({worst[0]})", "< 3 s", worst[1]["navigate_s"] < 3))
        heap = max(c.items(), key=lambda kv: kv[1]["cold_heap_mb"])
        rows.append(("largest browser tab (JS heap used)", f"{heap[1]['cold_heap_mb']:.0f} MB ({heap[0]})",
                     "< 500 MB", heap[1]["cold_heap_mb"] < 500))
        rows.append(("dashboard server, peak memory", f"{r['chromium']['server_peak_mb']:,.0f} MB", "< 1 GB",
                     r["chromium"]["server_peak_mb"] < 1024))
    for name, label in CORE.items():
        duck, pan = q[name], r["pandas"][name]
        ratio_all, ratio_one = pan["all_ms"] / duck["all_ms"], pan["filtered_ms"] / duck["filtered_ms"]
        same = "" if pan.get("agrees_with_duckdb", True) else " (pandas result differs!)"
        rows.append((f"{label}: DuckDB vs pandas, whole country", f"{duck['all_ms']:.0f} vs {pan['all_ms']:.0f} ms "
                     f"({ratio_all:.1f}×){same}", "≥ 5×", ratio_all >= 5))
        rows.append((f"{label}: DuckDB vs pandas, one place", f"{duck['filtered_ms']:.1f} vs "
                     f"{pan['filtered_ms']:.1f} ms ({ratio_one:.1f}×)", "≥ 5×", ratio_one >= 5))
    return rows


def markdown(results: dict) -> str:
    sizes = sorted(results, key=int)
    out = []
    for size in sizes:
        r = results[size]
        ing = r["ingest"]
        out += [f"### {int(size):,} projects ({ing['documents']:,} documents, {ing['indicators']:,} indicators, "
                f"{ing['findings']:,} review findings)", "",
                f"Measured {r['when']}; load average {r['load_before']} before, {r['load_after']} after "
                f"(2 cores, shared). Filter: one place, {r['filter']['name']} ({r['filter']['jurisdictions'][0]}), "
                "the place with the most documents.", "",
                "| measure | value | target | met |", "|---|---|---|---|"]
        for measure, value, target, met in summary_rows(r):
            out.append(f"| {measure} | {value} | {target} | {'yes' if met else '**no**' if target else ''} |")
        out += ["", "Every query of queries/ (median of 5, ms; listings — one row per document, project, indicator or "
                "warning — are read by the pages 50 rows at a time):", "",
                "| query | unfiltered | one place | unfiltered, first page of 50 | rows (unfiltered) |",
                "|---|---:|---:|---:|---:|"]
        for name, q in sorted(r["queries"].items()):
            page = f"{q['page_ms']:,.1f}" if "page_ms" in q else ""
            kind = " (listing)" if q.get("listing") else ""
            out.append(f"| `{name}`{kind} | {q['all_ms']:,.1f} | {q['filtered_ms']:,.1f} | {page} | {q['rows']:,} |")
        rv = r["review"]
        out.append(f"| review page (counts + first pages) | {rv['all_ms']:,.1f} | {rv['filtered_ms']:,.1f} | |")
        out.append(f"| `run_review` (every finding and grade) | {rv['full_run_review_ms']:,.1f} | | |")
        out.append(f"| `run_review(stored=False)` (22 rules now) | {rv['live_run_review_ms']:,.1f} | | |")
        out += ["", "Pages (seconds; AppTest: cold server caches / rerun; Chromium: first visit with an empty browser "
                "cache / new tab with the app's files cached; the tab's JS heap after the first visit):", "",
                "| page | AppTest cold | AppTest rerun | Chromium first | Chromium cached | Chromium via sidebar |"
                " tab heap MB |",
                "|---|---:|---:|---:|---:|---:|---:|"]
        nan = float("nan")
        for name, _, _ in PAGES:
            a = r["apptest"][name]
            c = r.get("chromium", {}).get(name, {})
            out.append(f"| {name} | {a['cold_s']:.2f} | {a['warm_s']:.2f} | {c.get('cold_s', nan):.2f} | "
                       f"{c.get('warm_s', nan):.2f} | {c.get('navigate_s', nan):.2f} | "
                       f"{c.get('cold_heap_mb', nan):.0f} |")
        if "chromium" in r and "tab_after_all_pages_heap_mb" in r["chromium"]:
            out.append(f"\nOne tab after visiting every page from the sidebar: JS heap "
                       f"{r['chromium']['tab_after_all_pages_heap_mb']:.0f} MB.")
        if "dataset" in r:
            ds = r["dataset"]
            out.append(f"\nParquet dataset (`python -m ingest export --parquet`): {ds['mb']:,.0f} MB in "
                       f"{ds['files']:,} files, written in {ds['export_s']:.1f} s; a replica opens it in "
                       f"{ds['open_s']:.1f} s "
                       f"(held in memory; process {ds['rss_after_open_mb']:,.0f} MB after opening, peak "
                       f"{ds['peak_rss_mb']:,.0f} MB). On it (median of 5, ms, unfiltered / one place): "
                       + "; ".join(f"`{k}` {ds[k]['all_ms']:,.0f} / {ds[k]['filtered_ms']:,.1f}"
                                   for k in (*CORE, "overview", "place_summary")) + ".")
        out.append(f"\nAppTest process peak memory {r['apptest']['peak_rss_mb']:,.0f} MB"
                   + (f"; dashboard server peak {r['chromium']['server_peak_mb']:,.0f} MB." if "chromium" in r else
                      "."))
        out.append("")
    return "\n".join(out)


def plot(results: dict, path: Path) -> None:
    from plotly.subplots import make_subplots

    sizes = sorted(results, key=int)
    fig = make_subplots(rows=1, cols=3, subplot_titles=("Metric queries (ms, median of 5)", "Pages (s)",
                                                        "DuckDB vs pandas (ms)"))
    for size in sizes:
        r = results[size]
        names = sorted(r["queries"])
        fig.add_bar(x=names, y=[r["queries"][n]["all_ms"] for n in names], name=f"{int(size):,} unfiltered",
                    row=1, col=1)
        fig.add_bar(x=names, y=[r["queries"][n]["filtered_ms"] for n in names], name=f"{int(size):,} one place",
                    row=1, col=1)
        pages = [n for n, _, _ in PAGES]
        fig.add_bar(x=pages, y=[r["apptest"][n]["cold_s"] for n in pages], name=f"{int(size):,} AppTest",
                    row=1, col=2)
        if "chromium" in r:
            fig.add_bar(x=pages, y=[r["chromium"][n]["cold_s"] for n in pages], name=f"{int(size):,} Chromium",
                        row=1, col=2)
        core = list(CORE)
        fig.add_bar(x=[CORE[c] for c in core], y=[r["queries"][c]["all_ms"] for c in core],
                    name=f"{int(size):,} DuckDB", row=1, col=3)
        fig.add_bar(x=[CORE[c] for c in core], y=[r["pandas"][c]["all_ms"] for c in core],
                    name=f"{int(size):,} pandas", row=1, col=3)
    fig.add_hline(y=300, line_dash="dot", row=1, col=1)
    fig.add_hline(y=2, line_dash="dot", row=1, col=2)
    fig.update_yaxes(type="log", row=1, col=1)
    fig.update_yaxes(type="log", row=1, col=3)
    fig.update_layout(width=1800, height=650, barmode="group", template="plotly_white",
                      title="TargetBoard at national scale (synthetic data, 2 cores)", font={"size": 12})
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(fig.to_image(format="png"))


def write_benchmarks(results: dict, path: Path = ROOT / "BENCHMARKS.md") -> None:
    """Replace the generated part of BENCHMARKS.md (between its markers) with the tables of ``results``."""
    begin, end = "<!-- BEGIN bench.run -->", "<!-- END bench.run -->"
    text = path.read_text(encoding="utf-8")
    block = f"{begin}\n{markdown(results)}\n{end}"
    if begin in text and end in text:
        text = text[:text.index(begin)] + block + text[text.index(end) + len(end):]
    else:
        text += "\n" + block + "\n"
    path.write_text(text, encoding="utf-8")


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.splitlines()[0])
    parser.add_argument("--projects", default="10000", help="sizes, comma-separated (e.g. 10000,100000)")
    parser.add_argument("--work", type=Path, default=None, help="working folder (default: a temporary one)")
    parser.add_argument("--keep", action="store_true", help="keep the generated documents and databases")
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium measurements")
    parser.add_argument("--write", action="store_true", help="update BENCHMARKS.md and docs/benchmarks.png")
    parser.add_argument("--apptest", metavar="DB", help=argparse.SUPPRESS)
    parser.add_argument("--dataset", metavar="DIR", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.apptest:
        _apptest_main(args.apptest)
        return 0
    if args.dataset:
        _dataset_main(args.dataset)
        return 0
    sizes = [int(s.replace("_", "")) for s in args.projects.split(",") if s.strip()]
    results = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    work = args.work or Path(tempfile.mkdtemp(prefix="targetboard-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        for n in sizes:
            results[str(n)] = run_size(n, work, browser=not args.no_browser)
            RESULTS.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
            for measure, value, target, met in summary_rows(results[str(n)]):
                verdict = f"  [target {target}: {'met' if met else 'MISSED'}]" if target else ""
                print(f"  {measure}: {value}{verdict}")
    finally:
        if not args.keep and args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    if args.write:
        write_benchmarks(results)
        plot(results, PLOT)
    print(markdown({str(n): results[str(n)] for n in sizes}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
