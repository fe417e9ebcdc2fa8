"""Metric queries (queries/*.sql through queries.run): runner safety, filters, and hand-verified sample figures."""

from __future__ import annotations

import pytest

import queries
from ingest.parse import parse_file
from ingest import loader
from tests.conftest import make_document

INJECTION = "'; DROP TABLE projects; --"

OWN_PARAMS = {"doc_id": 1, "project_id": 1, "phrase": "满意"}


def own_params(name: str) -> dict:
    q = queries.get(name)
    return {k: v for k, v in OWN_PARAMS.items() if k in q.defaults}


@pytest.fixture
def hand_con(tmp_path):
    """Two hand-built documents: 测试区 2024 (测试省) and 乙区 2023 (其他省)."""
    con = loader.connect(tmp_path / "q.duckdb")
    loader.ensure_schema(con)
    loader.load_document(con, make_document())
    loader.load_document(con, make_document(sha="b" * 64, jurisdiction="乙区", year=2023, province="其他省"))
    yield con
    con.close()


# ------------------------------------------------------------------------------------------------------------------
# Runner
# ------------------------------------------------------------------------------------------------------------------


def test_every_query_has_a_header_and_runs(hand_con):
    assert len(queries.names()) >= 10
    for name in queries.names():
        header = queries.describe(name)
        assert header.startswith(f"{name}:"), name
        assert "Returns" in header and "Params" in header, name
        df = queries.run(hand_con, name, **own_params(name))
        assert len(df.columns) > 0, name


@pytest.mark.parametrize("filters", [{}, {"jurisdictions": ["120111"]}, {"province": "湖南省"}, {"years": [1999]}])
def test_results_come_with_the_types_duckdb_gives(sample_con, filters):
    # queries.run converts by way of Arrow (faster for large results); every query, on the samples, with rows and
    # without (1999: no document), must come out as DuckDB's own DataFrame conversion gives it: the same columns,
    # dtypes, missing values and text; numbers equal up to the order DuckDB happens to add them in (two runs of a
    # window sum can differ in the last bit)
    from pandas.testing import assert_frame_equal

    for name in queries.names():
        q = queries.get(name)
        bound = queries._bind(q, {**own_params(name), **filters})
        assert_frame_equal(queries.run(sample_con, name, **own_params(name), **filters),
                           sample_con.execute(q.sql, bound).df(), check_exact=False, rtol=1e-12, obj=name)


@pytest.mark.parametrize("name", ["../ingest/schema", "overview; DROP TABLE projects", "nope", "", "Overview",
                                  "overview.sql"])
def test_unknown_query_names_are_refused(hand_con, name):
    with pytest.raises(KeyError):
        queries.run(hand_con, name)


def test_unknown_and_missing_parameters(hand_con):
    with pytest.raises(TypeError, match="unknown"):
        queries.run(hand_con, "overview", provinces=["测试省"])
    with pytest.raises(TypeError, match="missing"):
        queries.run(hand_con, "project_detail")
    with pytest.raises(TypeError, match="missing"):
        queries.run(hand_con, "search")


def test_injection_is_treated_as_data(hand_con):
    before = hand_con.execute("SELECT count(*) FROM projects").fetchone()[0]
    for name in queries.names():
        for filters in ({"province": INJECTION}, {"jurisdictions": [INJECTION]}, {"department": INJECTION},
                        {"theme": INJECTION}):
            df = queries.run(hand_con, name, **{**own_params(name), **filters})
            if name == "overview":
                assert df.loc[0, "n_projects"] == 0
            elif name != "load_log":  # the load log ignores the filters
                assert df.empty, (name, filters)
    assert queries.run(hand_con, "search", phrase=INJECTION).empty
    assert queries.run(hand_con, "project_detail", project_id=1).shape[0] == 1
    assert hand_con.execute("SELECT count(*) FROM projects").fetchone()[0] == before


def test_document_layout_for_showing_the_original(hand_con):
    # the hand-built documents are read "test"; an unknown document, or one filtered out, has no row
    assert queries.run(hand_con, "document_layout", doc_id=1)["layout"].tolist() == ["test"]
    assert queries.run(hand_con, "document_layout", doc_id=99).empty
    assert queries.run(hand_con, "document_layout", doc_id=1, province="其他省").empty


def test_filters(hand_con):
    def n_projects(**filters):
        return int(queries.run(hand_con, "overview", **filters).loc[0, "n_projects"])

    assert n_projects() == 4
    assert n_projects(province="测试省") == 2
    assert n_projects(jurisdictions=["乙区"]) == 2
    assert n_projects(jurisdictions="乙区") == 2  # a single value is a one-element list
    assert n_projects(jurisdictions=["乙区", "测试区"]) == 4
    assert n_projects(jurisdictions=[]) == 4  # empty = no filter
    assert n_projects(years=[2023]) == 2
    assert n_projects(years=["2024"]) == 2
    assert n_projects(years=[2023], jurisdictions=["测试区"]) == 0
    assert n_projects(department="乙区司法局") == 2
    assert n_projects(theme="法律援助") == 2
    assert n_projects(theme="法律援助", province="其他省") == 1
    ov = queries.run(hand_con, "overview", theme="法律援助")
    assert ov.loc[0, "n_department_indicators"] == 0  # department tables have no theme
    assert ov.loc[0, "n_documents"] == 2


def test_funding_composition_and_theme(hand_con):
    df = queries.run(hand_con, "funding_composition", jurisdictions=["测试区"])
    got = {r.level: (r.amount_wan, round(r.share_pct, 4)) for r in df.itertuples()}
    assert got == {"central": (10.0, 28.5714), "county": (25.0, 71.4286)}
    assert set(df["total_wan"]) == {35.0}
    th = queries.run(hand_con, "funding_by_theme", jurisdictions=["测试区"])
    row = th[(th.theme == "法律援助") & (th.level == "central")].iloc[0]
    assert row.share_of_theme_pct == pytest.approx(100 / 3)
    assert row.year_total_wan == 35.0


def test_coverage_quantification_and_satisfaction(hand_con):
    cov = queries.run(hand_con, "indicator_coverage", jurisdictions=["测试区"])
    assert len(cov) == 2 * 9
    present = cov[cov.present].groupby("project_name")["category"].apply(set).to_dict()
    assert present["法律援助经费"] == {"数量", "质量", "时效", "成本", "社会效益", "满意度"}
    assert present["抚恤金"] == {"数量", "时效", "满意度", "可持续影响"}
    summ = queries.run(hand_con, "indicator_coverage_summary", jurisdictions=["测试区"]).set_index("category")
    assert summ.loc["质量", "share_covering_pct"] == 50.0
    assert summ.loc["时效", "n_projects_covering"] == 2
    tq = queries.run(hand_con, "target_quantification", jurisdictions=["测试区"]).iloc[0]
    # quantified: count, percent x3, deadline with date, money = 6; qualitative: qualitative + undated deadline
    assert (tq.n_indicators, tq.n_quantified, tq.n_qualitative, tq.n_placeholder, tq.n_empty) == (10, 6, 2, 2, 1)
    dept = queries.run(hand_con, "target_quantification", jurisdictions=["测试区"], scope="department").iloc[0]
    assert dept.n_indicators == 2
    sat = queries.run(hand_con, "satisfaction_summary", jurisdictions=["测试区"]).iloc[0]
    assert (sat.n_indicators, sat.min_pct, sat.median_pct, sat.max_pct) == (2, 80.0, 87.5, 95.0)
    assert (sat.n_ge_90, sat.n_lt_80, sat.n_eq_100) == (1, 0, 0)
    rows = queries.run(hand_con, "satisfaction_thresholds", scope="all", jurisdictions=["测试区"])
    assert sorted(rows.threshold_pct) == [80.0, 90.0, 95.0]


def test_satisfaction_target_without_its_percent_sign_is_a_threshold(tmp_path):
    # corpus 01 (Ningxiang 2021) prints its satisfaction target as 100 (no %); SYNTHETIC rows beside it: ≥90 is read
    # as 90%, while ≥9 (a score out of ten?) and a count of 90 are no thresholds
    text = ("项目名称\t测试项目\n一级指标\t二级指标\t三级指标\t指标值\n"
            "满意度指标\t服务对象满意度指标\t群众满意度\t≥90\n"
            "满意度指标\t服务对象满意度指标\t受益人满意度\t100\n"
            "满意度指标\t服务对象满意度指标\t评价\t≥9\n"
            "产出指标\t数量指标\t培训人数\t90\n")
    path = tmp_path / "sat.txt"
    path.write_text(text, encoding="utf-8")
    con = loader.connect(tmp_path / "sat.duckdb")
    loader.ensure_schema(con)
    loader.load_document(con, parse_file(path))
    rows = con.execute("SELECT name, target_pct FROM indicators ORDER BY position").fetchall()
    assert rows == [("群众满意度", 90.0), ("受益人满意度", 100.0), ("评价", None), ("培训人数", None)]
    sat = queries.run(con, "satisfaction_summary").iloc[0]
    assert (sat.n_indicators, sat.n_with_threshold, sat.min_pct, sat.max_pct) == (3, 2, 90.0, 100.0)
    con.close()


def test_satisfaction_summary_counts_and_median_per_scope_over_two_documents(hand_con):
    # a third document of 测试区 2024 repeats the first one's targets: project 95, 80, 95, 80 (median 87.5), with
    # the department's 90 twice: 80, 80, 90, 90, 95, 95 (median 90); each scope as median() over the indicators
    # themselves gives it, counted once per indicator
    loader.load_document(hand_con, make_document(sha="c" * 64))
    for scope, n, median in (("project", 4, 87.5), ("all", 6, 90.0), ("department", 2, 90.0)):
        sat = queries.run(hand_con, "satisfaction_summary", scope=scope, jurisdictions=["测试区"]).iloc[0]
        assert (sat.n_indicators, sat.n_with_threshold, sat.median_pct) == (n, n, median), scope
        again = hand_con.execute(
            "SELECT count(*), median(target_pct) FROM v_indicators WHERE level1 = '满意度指标'"
            " AND jurisdiction = '测试区' AND (? = 'all' OR scope = ?)", [scope, scope]).fetchone()
        assert again == (n, median), scope


def test_project_detail_files_and_search(hand_con):
    pid = int(queries.run(hand_con, "projects", jurisdictions=["测试区"]).iloc[0].project_id)
    detail = queries.run(hand_con, "project_detail", project_id=pid)
    assert detail.loc[0, "name"] == "法律援助经费" and detail.loc[0, "line_start"] == 5
    assert list(queries.run(hand_con, "project_funding", project_id=pid).funding_source) == ["中央补助", "区级资金"]
    plan = queries.run(hand_con, "project_plan", project_id=pid)
    assert list(plan.value_wan.fillna(-1)) == [6.0, -1, 18.0, 30.0]
    ind = queries.run(hand_con, "project_indicators", project_id=pid)
    assert list(ind.position) == [1, 2, 3, 4, 5, 6] and list(ind.line_start) == [10, 11, 12, 13, 14, 15]
    assert list(queries.run(hand_con, "project_empty_slots", project_id=pid).level2) == ["经济效益指标"]
    assert queries.run(hand_con, "project_detail", project_id=pid, years=[1999]).empty
    hits = queries.run(hand_con, "search", phrase="法律 援助", jurisdictions=["测试区"])
    assert list(zip(hits.kind, hits.matched_in, hits.text)) == [
        ("project", "name", "法律援助经费"), ("indicator", "name", "受理法律援助案件数")]
    hits = queries.run(hand_con, "search", phrase="满意度")
    assert len(hits) == 6 and set(hits.kind) == {"indicator"}
    assert queries.run(hand_con, "search", phrase="").empty
    assert len(queries.run(hand_con, "search", phrase="满意度", limit=2)) == 2


def test_department_indicators(hand_con):
    df = queries.run(hand_con, "department_indicators", jurisdictions=["乙区"])
    assert list(df.name) == ["群众满意度", "调解成功率"]
    doc_id = int(df.doc_id.iloc[0])
    assert len(queries.run(hand_con, "department_indicators", doc_id=doc_id)) == 2
    assert queries.run(hand_con, "department_indicators", theme="法律援助").empty


def test_runner_uses_a_fresh_cursor(hand_con):
    hand_con.execute("SELECT 42")
    queries.run(hand_con, "overview")
    assert hand_con.fetchone() == (42,)


# ------------------------------------------------------------------------------------------------------------------
# Hand-verified figures from the sample documents (needs the parser)
# ------------------------------------------------------------------------------------------------------------------


def total(con, jurisdiction, year):
    return queries.run(con, "overview", jurisdictions=[jurisdiction], years=[year]).iloc[0]


@pytest.mark.parametrize("jurisdiction,year,total_wan,n_projects", [
    ("西青区", 2024, 248.15, 8),
    ("平罗县", 2024, 252.0285, 6),
    ("抚宁区", 2020, 207.09, 9),
    ("沅江市", 2024, 148.736, 9),
    ("青岛市", 2023, 1487.65, 10),
])
def test_sample_totals(sample_con, jurisdiction, year, total_wan, n_projects):
    ov = total(sample_con, jurisdiction, year)
    assert ov.total_wan == pytest.approx(total_wan, abs=1e-6)
    assert ov.funding_wan == pytest.approx(total_wan, abs=1e-6)
    assert ov.n_projects == n_projects
    comp = queries.run(sample_con, "funding_composition", jurisdictions=[jurisdiction], years=[year])
    assert comp.amount_wan.sum() == pytest.approx(total_wan, abs=1e-6)


def test_sample_xiqing_central_share(sample_con):
    comp = queries.run(sample_con, "funding_composition", jurisdictions=["西青区"], years=[2024]).set_index("level")
    assert comp.loc["central", "amount_wan"] == pytest.approx(127.00)
    assert round(comp.loc["central", "share_pct"], 2) == 51.18
    assert comp.loc["central", "total_wan"] == pytest.approx(248.15)


def test_sample_yuanjiang_projects_equal_department_project_spending(sample_con):
    doc = queries.run(sample_con, "documents", jurisdictions=["沅江市"]).iloc[0]
    assert doc.dept_project_wan == pytest.approx(148.736)
    assert doc.total_wan == pytest.approx(doc.dept_project_wan)


def test_sample_satisfaction(sample_con):
    summ = queries.run(sample_con, "satisfaction_summary").set_index("jurisdiction")
    assert summ.loc["青岛市", "n_indicators"] == 10 and summ.loc["青岛市", "n_ge_90"] == 4
    assert summ.loc["抚宁区", "n_indicators"] == 9 and summ.loc["抚宁区", "n_lt_80"] == 8
    assert summ.loc["沅江市", "n_indicators"] == 0
    dept = queries.run(sample_con, "satisfaction_thresholds", jurisdictions=["沅江市"], scope="department")
    assert list(dept.threshold_pct) == [90.0, 90.0]
    qd = queries.run(sample_con, "satisfaction_thresholds", jurisdictions=["青岛市"])
    assert len(qd) == 10 and (qd.threshold_pct >= 90).sum() == 4


def test_sample_coverage(sample_con):
    cov = queries.run(sample_con, "indicator_coverage", jurisdictions=["沅江市"])
    assert cov.project_id.nunique() == 9
    assert not cov[cov.category == "时效"].present.any()
    cov = queries.run(sample_con, "indicator_coverage", jurisdictions=["西青区"])
    assert cov.project_id.nunique() == 8
    for category in ("数量", "质量", "时效", "成本"):
        assert cov[cov.category == category].present.all(), category
    summ = queries.run(sample_con, "indicator_coverage_summary", jurisdictions=["西青区"]).set_index("category")
    assert summ.loc["时效", "share_covering_pct"] == 100.0


def test_sample_quantification_adds_up(sample_con):
    tq = queries.run(sample_con, "target_quantification", scope="all")
    assert (tq.n_quantified + tq.n_qualitative + tq.n_placeholder == tq.n_indicators).all()
    assert tq.n_indicators.sum() == 131 + 69 + 54 + 11 + 12 + 80


def test_sample_overview_and_search(sample_con):
    ov = queries.run(sample_con, "overview").iloc[0]
    assert (ov.n_documents, ov.n_projects, ov.n_jurisdictions, ov.n_years) == (5, 42, 5, 3)
    assert ov.n_indicators == 131 + 69 + 54 + 11 + 80 and ov.n_department_indicators == 12
    assert list(ov.years) == [2020, 2023, 2024]
    hits = queries.run(sample_con, "search", phrase="法律援助")
    assert {"project", "indicator"} <= set(hits.kind)
    assert set(hits[hits.kind == "project"].jurisdiction) >= {"西青区", "抚宁区", "青岛市"}
    for name in queries.names():  # every query runs on real data with every filter set
        queries.run(sample_con, name, province="山东省", jurisdictions=["青岛市"], years=[2023],
                    department="青岛市司法局", theme="法律援助", **own_params(name))


def test_search_ignores_spaces_and_case_inside_the_text(tmp_path, doc_factory):
    """Text wrapped mid-word (``受援人 满意 度``) and Latin letters in any case (``PPP``) are found by the phrase as a
    reader types it; a field without the phrase's first character is never a hit."""
    from dataclasses import replace

    doc = doc_factory()
    p1 = doc.projects[0]
    indicators = [replace(i, name="受援人 满意 度") if i.name == "受援人满意度" else i for i in p1.indicators]
    doc.projects[0] = replace(p1, name="PPP模式法律援助经费", indicators=indicators)
    db = tmp_path / "search.duckdb"
    con = loader.connect(db)
    loader.ensure_schema(con, db)
    loader.load_documents(con, [doc])
    hits = queries.run(con, "search", phrase="满意度")
    assert set(hits.text) == {"受援人 满意 度", "家属满意度", "群众满意度"}
    hits = queries.run(con, "search", phrase="ppp模式")
    assert list(zip(hits.kind, hits.text)) == [("project", "PPP模式法律援助经费")]
    assert queries.run(con, "search", phrase="度满").empty
    con.close()
