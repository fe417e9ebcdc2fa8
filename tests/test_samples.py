"""The five sample documents read exactly as the hand-checked fixtures say."""

from __future__ import annotations

import pytest

from tests.helpers import FIXTURES, SAMPLE_FILES, parsed, squash

# Counts stated in the ingest issue, counted by hand from the published documents.
EXPECTED_PROJECTS = {"xiqing": 8, "pingluo": 6, "funing": 9, "yuanjiang": 9, "qingdao": 10}
EXPECTED_INDICATORS = {"xiqing": 131, "pingluo": 69, "funing": 54, "yuanjiang": 11, "qingdao": 80}
EXPECTED_TOTALS = {"xiqing": 248.15, "pingluo": 252.0285, "funing": 207.09, "yuanjiang": 148.736, "qingdao": 1487.65}


def read_fixture(key: str) -> dict:
    path = FIXTURES / SAMPLE_FILES[key].replace(".txt", ".expected.tsv")
    out = {"document": None, "overall": None, "projects": [], "overall_indicators": []}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        kind, *cells = line.split("\t")
        if kind == "document":
            out["document"] = cells
        elif kind == "overall":
            out["overall"] = cells
        elif kind == "project":
            out["projects"].append({"cells": cells, "indicators": []})
        elif kind == "indicator":
            target = out["projects"][-1]["indicators"] if out["projects"] else out["overall_indicators"]
            target.append(cells)
    return out


@pytest.mark.parametrize("key", list(SAMPLE_FILES))
def test_project_and_indicator_counts(key):
    document = parsed(key)
    assert len(document.projects) == EXPECTED_PROJECTS[key]
    assert sum(len(p.indicators) for p in document.projects) == EXPECTED_INDICATORS[key]
    assert round(sum(p.total_wan for p in document.projects), 4) == EXPECTED_TOTALS[key]


def test_all_42_projects():
    assert sum(len(parsed(k).projects) for k in SAMPLE_FILES) == 42


@pytest.mark.parametrize("key", list(SAMPLE_FILES))
def test_document_matches_fixture(key):
    fixture = read_fixture(key)
    document = parsed(key)
    jurisdiction, province, department, year, layout = fixture["document"]
    assert (document.jurisdiction, document.province, document.department) == (jurisdiction, province, department)
    assert document.fiscal_year == int(year)
    assert document.layout == layout
    assert len(document.projects) == len(fixture["projects"])
    for project, expected in zip(document.projects, fixture["projects"]):
        sequence, name, total, funding, lines = expected["cells"]
        assert project.sequence == int(sequence)
        assert squash(project.name) == squash(name)
        assert project.total_wan == pytest.approx(float(total))
        got_funding = [(f.source, f.level, f.amount_wan) for f in project.funding]
        want_funding = [tuple(part.split(":")) for part in funding.split(";") if part]
        assert got_funding == [(s, lv, pytest.approx(float(a))) for s, lv, a in want_funding]
        assert f"{project.line_start}-{project.line_end}" == lines
        got = [(i.line_start, i.level1, i.level2, squash(i.name), squash(i.value)) for i in project.indicators]
        want = [(int(ln), l1, l2, squash(n), squash(v)) for ln, l1, l2, n, v in expected["indicators"]]
        assert got == want, project.name


def test_yuanjiang_department_overall_matches_fixture():
    fixture = read_fixture("yuanjiang")
    overall = parsed("yuanjiang").department_overall
    department, total, basic, project_total, _ = fixture["overall"]
    assert (overall.department, overall.total_wan, overall.basic_wan, overall.project_wan) == (
        department, float(total), float(basic), float(project_total))
    got = [(i.line_start, i.level1, i.level2, squash(i.name), squash(i.value)) for i in overall.indicators]
    want = [(int(ln), l1, l2, squash(n), squash(v)) for ln, l1, l2, n, v in fixture["overall_indicators"]]
    assert got == want
    assert len(got) == 12
