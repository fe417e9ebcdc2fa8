"""Summaries written at load time (schema v3): the counts and sums on documents and projects, project_coverage, the
places' display names and the stored review findings are what a recomputation from the rows gives, also after a
replace; the stored findings are the live review's, and stale ones (other rules) are not used."""

from __future__ import annotations

import pandas as pd
import pytest

from ingest import loader
from review import engine

RECOMPUTED = {
    "documents": """
        SELECT d.doc_id, d.n_projects, d.projects_total_wan, d.funding_wan, d.n_indicators, d.n_department_indicators,
               d.n_warnings,
               (SELECT count(*) FROM projects p WHERE p.doc_id = d.doc_id),
               (SELECT sum(p.total_wan) FROM projects p WHERE p.doc_id = d.doc_id),
               (SELECT sum(f.amount_wan) FROM funding f WHERE f.doc_id = d.doc_id AND f.project_id IS NOT NULL),
               (SELECT count(*) FROM indicators i WHERE i.doc_id = d.doc_id AND i.project_id IS NOT NULL
                   AND i.target_set = 'annual'),
               (SELECT count(*) FROM indicators i WHERE i.doc_id = d.doc_id AND i.dept_overall_id IS NOT NULL
                   AND i.target_set = 'annual'),
               (SELECT count(*) FROM parse_warnings w WHERE w.doc_id = d.doc_id)
        FROM documents d ORDER BY d.doc_id""",
    "projects": """
        SELECT p.project_id, p.funding_wan, p.n_indicators, p.n_empty_slots,
               (SELECT sum(f.amount_wan) FROM funding f WHERE f.project_id = p.project_id),
               (SELECT count(*) FROM indicators i WHERE i.project_id = p.project_id AND i.target_set = 'annual'),
               (SELECT count(*) FROM empty_slots s WHERE s.project_id = p.project_id)
        FROM projects p ORDER BY p.project_id""",
}


def assert_summaries_match(con) -> None:
    for table, sql in RECOMPUTED.items():
        for row in con.execute(sql).fetchall():
            half = (len(row) - 1) // 2
            stored, again = row[1:1 + half], row[1 + half:]
            for a, b in zip(stored, again):
                assert a == pytest.approx(b), (table, row)
    coverage = con.execute("""
        SELECT c.project_id, c.category, c.n_indicators, coalesce(n.n, 0)
        FROM project_coverage c
        LEFT JOIN (SELECT project_id, category, count(*) AS n FROM v_indicators
                   WHERE scope = 'project' AND category IS NOT NULL GROUP BY ALL) n
               ON n.project_id = c.project_id AND n.category = c.category""").fetchall()
    assert all(r[2] == r[3] for r in coverage)
    complete = con.execute("SELECT count(*) FROM projects WHERE NOT truncated").fetchone()[0]
    assert len(coverage) == 9 * complete
    funding = con.execute("""
        SELECT f.doc_id, p.theme, f.level, sum(f.amount_wan),
               count(DISTINCT f.project_id) FILTER (WHERE f.amount_wan > 0), list_sort(list(DISTINCT f.source))
        FROM funding f JOIN projects p USING (project_id) GROUP BY ALL ORDER BY ALL""").fetchall()
    stored = con.execute("SELECT doc_id, theme, level, amount_wan, n_projects, sources FROM doc_funding"
                         " ORDER BY ALL").fetchall()
    assert len(stored) == len(funding)
    for a, b in zip(stored, funding):
        assert a[:3] == b[:3] and a[3] == pytest.approx(b[3]) and a[4:] == b[4:]
    again = {
        "doc_coverage": """SELECT doc_id, theme, category, count(*), count(*) FILTER (WHERE n_indicators > 0),
                                  sum(n_indicators) FROM project_coverage GROUP BY ALL ORDER BY ALL""",
        "doc_targets": """SELECT doc_id, theme, count(*), count(*) FILTER (WHERE target_class = 'quantified'),
                                 count(*) FILTER (WHERE target_class = 'placeholder'),
                                 count(*) FILTER (WHERE level1 = '满意度指标' AND target_pct < 80)
                          FROM v_indicators WHERE scope = 'project' GROUP BY ALL ORDER BY ALL"""}
    stored = {
        "doc_coverage": "SELECT doc_id, theme, category, n_projects, n_covering, n_indicators FROM doc_coverage"
                        " ORDER BY ALL",
        "doc_targets": "SELECT doc_id, theme, n_indicators, n_quantified, n_placeholder, n_lt_80 FROM doc_targets"
                       " ORDER BY ALL"}
    for table, sql in again.items():
        assert con.execute(stored[table]).fetchall() == con.execute(sql).fetchall(), table
    for table in ("funding", "indicators", "empty_slots"):  # doc_id is the owner's document
        wrong = con.execute(f"""
            SELECT count(*) FROM {table} t
            LEFT JOIN projects p ON p.project_id = t.project_id
            LEFT JOIN department_overall o ON o.dept_overall_id = t.dept_overall_id
            WHERE t.doc_id <> coalesce(p.doc_id, o.doc_id)""").fetchone()[0]
        assert wrong == 0, table


def same_review(con) -> None:
    stored = engine.run_review(con)
    live = engine.run_review(con, stored=False)
    pd.testing.assert_frame_equal(stored[0], live[0])
    pd.testing.assert_frame_equal(stored[1], live[1])


def test_sample_summaries_and_stored_review(sample_con):
    assert_summaries_match(sample_con)
    assert engine.findings_current(sample_con)
    assert sample_con.execute("SELECT count(*) FROM review_findings").fetchone()[0] == 270
    same_review(sample_con)
    for filters in ({"jurisdictions": ["130306"]}, {"theme": "人民调解"}, {"scope": "department"}):
        stored = engine.run_review(sample_con, **filters)
        live = engine.run_review(sample_con, stored=False, **filters)
        pd.testing.assert_frame_equal(stored[0], live[0])
        pd.testing.assert_frame_equal(stored[1], live[1])


def test_summaries_follow_a_replace_and_a_batch(tmp_path, doc_factory):
    con = loader.connect(tmp_path / "s.duckdb")
    loader.ensure_schema(con)
    loader.load_documents(con, [doc_factory("a" * 64), doc_factory("b" * 64, jurisdiction="乙区", year=2023)])
    loader.load_document(con, doc_factory("a" * 64), replace=True)
    assert_summaries_match(con)
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 2
    same_review(con)
    # the findings of the replaced document were replaced, not added to
    n = con.execute("SELECT count(*) FROM review_findings").fetchone()[0]
    loader.load_documents(con, [doc_factory("a" * 64)], replace=True)
    assert con.execute("SELECT count(*) FROM review_findings").fetchone()[0] == n
    assert_summaries_match(con)
    con.close()


def test_same_name_places_get_distinct_display_names(tmp_path, doc_factory):
    """城区 of 阳泉市 (140302) and of 汕尾市 (441502): two places, named with their city; alone, just 城区."""
    con = loader.connect(tmp_path / "p.duckdb")
    loader.ensure_schema(con)
    first = doc_factory("a" * 64, jurisdiction="城区", province="山西省")
    first.city, first.adcode = "阳泉市", "140302"
    loader.load_document(con, first)
    assert con.execute("SELECT place_name FROM documents").fetchall() == [("城区",)]
    second = doc_factory("b" * 64, jurisdiction="城区", province="广东省")
    second.city, second.adcode = "汕尾市", "441502"
    loader.load_document(con, second)
    names = con.execute("SELECT adcode, place_name FROM documents ORDER BY adcode").fetchall()
    assert names == [("140302", "阳泉市城区"), ("441502", "汕尾市城区")]
    import queries

    # filters and groups keep them apart
    one = queries.run(con, "overview", jurisdictions=["441502"]).iloc[0]
    assert (one.n_documents, one.n_jurisdictions) == (1, 1)
    both = queries.run(con, "overview", jurisdictions=["城区"]).iloc[0]  # a name: every place of that name
    assert (both.n_documents, both.n_jurisdictions) == (2, 2)
    comp = queries.run(con, "funding_composition")
    assert sorted(set(comp["place_name"])) == ["汕尾市城区", "阳泉市城区"]
    con.close()


def test_stale_findings_are_not_used_and_are_refreshed(tmp_path, doc_factory):
    db = tmp_path / "r.duckdb"
    con = loader.connect(db)
    loader.ensure_schema(con)
    loader.load_document(con, doc_factory("a" * 64))
    n = con.execute("SELECT count(*) FROM review_findings").fetchone()[0]
    con.execute("UPDATE review_state SET fingerprint = 'rules of another version'")
    con.execute("DELETE FROM review_findings WHERE rule_id = 'empty_row'")  # what the stale rules did not find
    assert not engine.findings_current(con)
    findings, _ = engine.run_review(con)
    assert len(findings) == n  # computed live, not read from the stale table
    con.close()
    assert loader.refresh_review_if_stale(db)
    con = loader.connect(db, read_only=True)
    assert engine.findings_current(con)
    assert con.execute("SELECT count(*) FROM review_findings").fetchone()[0] == n
    con.close()


def test_review_page_counts_are_the_live_reviews(sample_con):
    """The review page's counts come from the stored findings in SQL; the chart per place-year lists only the top
    ones with the number of all place-years. Both agree with the live review of every finding, counted in pandas."""
    findings, _ = engine.run_review(sample_con, stored=False)
    per_place = findings.groupby(["jurisdiction", "fiscal_year"]).size().sort_values(ascending=False, kind="stable")
    overview = engine.review_overview(sample_con, top=2)
    assert overview["findings"] == len(findings) == 270
    assert overview["error"] == int((findings["severity"] == "error").sum())
    assert overview["n_place_years"] == len(per_place)
    shown = overview["by_place"].groupby(["place_name", "fiscal_year"], sort=False)["n"].sum()
    assert len(shown) == 2 and overview["n_place_years"] == 5
    assert shown.to_dict() == per_place.head(2).to_dict() == {("沅江市", 2024): 195, ("抚宁区", 2020): 39}
    page, n = engine.review_findings_page(sample_con, limit=50, offset=250)
    assert n == 270 and len(page) == 20
    everything, n_all = engine.review_findings_page(sample_con)
    assert n_all == 270 and len(everything) == 270
    # the page passes the overview's count of the same filters instead of counting again
    errors = engine.review_overview(sample_con, severities=["error"])
    page, n = engine.review_findings_page(sample_con, severities=["error"], limit=50, offset=0)
    assert n == errors["findings"] == errors["error"] == int((findings["severity"] == "error").sum())
    again, n_again = engine.review_findings_page(sample_con, severities=["error"], limit=50, offset=0,
                                                  total=errors["findings"])
    assert n_again == n and again.equals(page)
