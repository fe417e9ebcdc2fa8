"""No page builds a table or chart larger than its cap (ui/limits.py), on a generated national-style database.

5,000 SYNTHETIC projects (bench.generate: real layouts, places from the division table all over China, content
resampled from the samples) are loaded into a temporary database; every page (and the drill of 跨地区对比, the
review, the slides) runs headless with AppTest, and every element it sends is measured: rows of every table, points,
bars and heatmap cells of every chart, options of every select box, the sentences of 总览, and the bytes of the whole
page. The data exceed every cap, so the caps are what limits the page (the test checks that too)."""

from __future__ import annotations

import base64
import json

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from ui import limits

ENTRY = "../dashboard.py"
N_PROJECTS = 5_000
MAX_PAGE_BYTES = 1_500_000  # everything one page sends (protos of every element)

PAGES = ["pages/overview.py", "pages/funding.py", "pages/coverage.py", "pages/satisfaction.py",
         "pages/project.py", "pages/compare.py", "pages/review.py", "pages/data.py", "pages/import.py"]


@pytest.fixture(scope="module")
def national_db(tmp_path_factory):
    from bench.generate import generate
    from ingest import loader

    folder = tmp_path_factory.mktemp("synthetic")
    generate(N_PROJECTS, folder, seed=12)
    db = folder.parent / "national.duckdb"
    results = loader.load_paths([folder], db)
    assert all(status == "loaded" for _, status, _ in results)
    return db


@pytest.fixture(autouse=True)
def national(national_db, monkeypatch):
    monkeypatch.setenv("TARGETBOARD_DB", str(national_db))  # cached queries are keyed by the database path


def test_the_data_exceed_every_cap(national_db):
    from ingest.loader import connect

    con = connect(national_db, read_only=True)
    try:
        n_projects, n_places, n_sat = con.execute(
            "SELECT (SELECT count(*) FROM projects), (SELECT count(DISTINCT (place, fiscal_year)) FROM v_documents),"
            " (SELECT count(*) FROM v_indicators WHERE level1 = '满意度指标' AND target_pct IS NOT NULL"
            "  AND scope = 'project')").fetchone()
        n_findings = con.execute("SELECT count(*) FROM review_findings").fetchone()[0]
    finally:
        con.close()
    assert n_projects == N_PROJECTS
    assert n_places > limits.MAX_HEATMAP_ROWS > limits.MAX_BARS and n_places > limits.MAX_SENTENCES
    assert n_projects > limits.MAX_HEATMAP_PROJECTS and n_projects > limits.MAX_TREEMAP_PROJECTS
    assert n_sat > limits.MAX_STRIP_POINTS
    assert n_findings > 20 * limits.PAGE_SIZE


def _length(value) -> int:
    """The number of entries of a plotly array (a list, or packed numbers {"dtype", "bdata", "shape"})."""
    if isinstance(value, dict) and "bdata" in value:
        if "shape" in value:
            return int(np.prod([int(v) for v in str(value["shape"]).split(",")]))
        return len(base64.b64decode(value["bdata"])) // np.dtype(value["dtype"]).itemsize
    if isinstance(value, (list, tuple)):
        if value and isinstance(value[0], (list, tuple)):
            return sum(len(v) for v in value)
        return len(value)
    return 1


def _rows(value) -> int:
    if isinstance(value, dict) and "shape" in value:
        return int(str(value["shape"]).split(",")[0])
    return _length(value) if not (isinstance(value, list) and value and isinstance(value[0], list)) else len(value)


def chart_sizes(spec: dict) -> dict:
    """Per chart: points of every trace, the bars / categories and heatmap rows."""
    out = {"points": 0, "bars": 0, "heatmap_rows": 0, "treemap_tiles": 0, "markers": 0}
    for trace in spec.get("data", []):
        kind = trace.get("type", "scatter")
        if kind == "heatmap":
            out["heatmap_rows"] = max(out["heatmap_rows"], _rows(trace.get("z", [])))
            out["points"] += _length(trace.get("z", []))
        elif kind == "treemap":
            out["treemap_tiles"] += _length(trace.get("ids", []))
            out["points"] += _length(trace.get("ids", []))
        else:
            n = max(_length(trace.get("x", [])), _length(trace.get("y", [])))
            out["points"] += n
            if kind == "bar":
                out["bars"] = max(out["bars"], n)
            elif trace.get("mode", "") == "markers":
                out["markers"] += n
    return out


def elements(node):
    children = getattr(node, "children", None)
    if children:
        for child in children.values():
            yield from elements(child)
    yield node


def page_bytes(at: AppTest) -> int:
    total = 0
    for node in elements(at._tree):
        proto = getattr(node, "proto", None)
        if proto is not None and hasattr(proto, "ByteSize"):
            total += proto.ByteSize()
    return total


def assert_within_caps(at: AppTest, where: str) -> dict:
    assert not at.exception, (where, [e.value for e in at.exception])
    seen = {"tables": 0, "charts": 0}
    for d in at.dataframe:
        value = d.value
        frame = value.data if hasattr(value, "data") else value
        cap = limits.MAX_SOURCE_LINES if "原文" in frame.columns else limits.MAX_TABLE_ROWS  # a document's lines
        assert len(frame) <= cap, (where, d.key, len(frame))
        seen["tables"] += 1
    for chart in at.get("plotly_chart"):
        spec = json.loads(chart.proto.spec)
        size = chart_sizes(spec)
        assert size["points"] <= limits.MAX_CHART_CELLS, (where, chart.proto.id, size)
        assert size["bars"] <= limits.MAX_BARS + 1, (where, chart.proto.id, size)  # + the 其他 bar
        assert size["heatmap_rows"] <= limits.MAX_HEATMAP_ROWS, (where, chart.proto.id, size)
        assert size["markers"] <= limits.MAX_STRIP_POINTS + limits.MAX_HEATMAP_ROWS * 10, (where, size)
        assert size["treemap_tiles"] <= limits.MAX_TREEMAP_PROJECTS + limits.MAX_BARS * 20, (where, size)
        seen["charts"] += 1
    for widget in list(at.selectbox) + list(at.multiselect):
        cap = limits.MAX_PAGE_CHOICES if (widget.key or "").endswith("_page") else limits.MAX_FILTER_OPTIONS + 1
        assert len(widget.options) <= cap, (where, widget.key, len(widget.options))
    sentences = [t.value for t in at.text if t.value.startswith("• ")]
    assert len(sentences) <= limits.MAX_SENTENCES, where
    assert page_bytes(at) <= MAX_PAGE_BYTES, (where, page_bytes(at))
    return seen


def open_page(page: str, **query) -> AppTest:
    at = AppTest.from_file(ENTRY, default_timeout=120)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    if page != "pages/overview.py":
        at.switch_page(page).run()
    return at


@pytest.mark.parametrize("page", PAGES)
def test_every_page_stays_within_its_caps(page):
    at = open_page(page)
    seen = assert_within_caps(at, page)
    if page not in ("pages/project.py", "pages/import.py"):
        assert seen["charts"] or seen["tables"], page  # the page drew something


def test_the_big_elements_are_capped_not_missing():
    """The capped elements are there, at their cap: 50 rows of a table of thousands, 25 bars, 10 sentences."""
    at = open_page("pages/overview.py")
    sentences = [t.value for t in at.text if t.value.startswith("• ")]
    assert len(sentences) == limits.MAX_SENTENCES
    frames = [d.value.data if hasattr(d.value, "data") else d.value for d in at.dataframe]
    summary = next(f for f in frames if "主要资金来源" in f.columns)
    assert len(summary) == limits.PAGE_SIZE
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert sum(_length(t.get("x", [])) for t in spec["data"]) == limits.MAX_BARS
    at = open_page("pages/project.py")
    assert len(at.selectbox(key="project_list_page").options) == -(-N_PROJECTS // limits.PAGE_SIZE)  # 100 pages


def test_drills_slides_and_pages_deep_in_the_list_stay_within_caps():
    at = open_page("pages/compare.py")
    theme = at.segmented_control(key="compare_theme").value
    drill = at.selectbox(key="compare_drill")
    assert len(drill.options) <= limits.MAX_DRILL_OPTIONS
    drill.set_value(drill.options[0]).run()  # the province with the most money: its cities
    assert_within_caps(at, f"compare {theme} province")
    at.selectbox(key="compare_drill").set_value(at.selectbox(key="compare_drill").options[0]).run()
    assert_within_caps(at, "compare city")
    at = open_page("pages/review.py")
    at.number_input(key="review_findings_page").set_value(300).run()  # thousands of findings: a number box
    assert_within_caps(at, "review page 300")
    assert [len(d.value) for d in at.dataframe if d.key == "review_findings_p300"] == [limits.PAGE_SIZE]
    for slide in ("overview_funding", "funding_levels", "funding_treemap", "coverage_share", "quantification",
                  "satisfaction", "review_by_rule", "review_by_place"):
        assert_within_caps(open_page("pages/overview.py", present="1", slide=slide), slide)
