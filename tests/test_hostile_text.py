"""Document text is always shown as text (issue 11, item 3): a target table full of Markdown, HTML and LaTeX
payloads (tests/hostile.py) on every page and slide. Elements that render Markdown get the payloads escaped
(ui.text.md_text), plain-text elements get them as typed; nothing becomes bold, a link, an image, KaTeX, colour or
an icon, and personal numbers are masked. The browser side (no request leaves the page) is in
tests/test_e2e_browser.py."""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from tests import hostile

ENTRY = "../dashboard.py"
PAGES = ["pages/overview.py", "pages/funding.py", "pages/coverage.py", "pages/satisfaction.py", "pages/project.py",
         "pages/compare.py", "pages/review.py", "pages/data.py"]
# What a payload looks like when Markdown would act on it (unescaped).
RAW_MARKERS = ("**粗体**", "$$x^2$$", "$x$", "](http", "![t]", "<b>", "<img", ":red[", ":material/home:", "`code`",
               "~~删除~~")


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory):
    return hostile.build(tmp_path_factory.mktemp("hostile"))


@pytest.fixture(autouse=True)
def use_hostile_db(hostile_db, monkeypatch):
    db, sources = hostile_db
    monkeypatch.setenv("TARGETBOARD_DB", str(db))
    monkeypatch.setenv("TARGETBOARD_SAMPLE_DIR", str(sources))


def markdown_values(at: AppTest) -> list[str]:
    """Every string the page hands to a Markdown-rendering element."""
    out = [e.value for e in at.markdown] + [e.value for e in at.caption] + [e.value for e in at.subheader]
    out += [e.value for e in at.title] + [e.value for e in at.header]
    out += [e.value for kind in ("warning", "info", "error", "success") for e in at.get(kind)]
    out += [v for m in at.metric for v in (m.label, m.value)]
    out += [e.label for e in at.expander] + [e.label for e in at.button]
    out += [p.proto.label for p in at.get("page_link")]
    for control in at.get("button_group"):
        out += [o.content for o in control.proto.options]
    return [v for v in out if isinstance(v, str)]


def shown_text(at: AppTest) -> str:
    parts = [t.value for t in at.text] + [c.value for c in at.code] + markdown_values(at)
    for d in at.dataframe:
        value = d.value
        parts.append((value.data if hasattr(value, "data") else value).to_csv(index=False))
    return "\n".join(parts)


def check(at: AppTest) -> str:
    assert not at.exception, [e.value for e in at.exception]
    for value in markdown_values(at):
        if "<style>" in value:
            continue
        for marker in RAW_MARKERS:
            assert marker not in value, (marker, value)
    text = shown_text(at)
    assert hostile.MOBILE not in text and "87654321" not in text
    return text


def open_page(page: str, **query) -> AppTest:
    at = AppTest.from_file(ENTRY, default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    at.switch_page(page).run()
    return at


@pytest.mark.parametrize("page", PAGES)
def test_every_page_shows_document_markup_as_text(page):
    at = open_page(page)
    check(at)


def test_the_escaped_text_is_there_to_read(hostile_db):
    from ingest.loader import connect

    # read-write like the dashboard's own connection, which the pages of this process may hold already (DuckDB
    # refuses a second connection to the same file with another configuration in one process)
    con = connect(hostile_db[0])
    pid = con.execute("SELECT project_id FROM projects WHERE sequence = 1").fetchone()[0]
    con.close()
    at = open_page("pages/project.py", project=str(pid))
    text = check(at)
    name = next(m.value for m in at.metric if m.label == "项目")
    # the reader sees the name exactly as written (an invisible word joiner keeps the address from becoming a link)
    assert re.sub(r"\\(.)", r"\1", name).replace("\u2060", "") == hostile.PROJECT_1
    assert hostile.IMAGE in text and hostile.NESTED in text  # plain-text views show the lines as typed
    assert "155****5168" in text and "(010)****4321" in text
    tree = next(d.value for d in at.dataframe if "三级指标" in d.value.columns)
    assert f"办结率{hostile.LINK}" in tree["三级指标"].tolist()


def test_review_page_finding_and_data_warning_show_text():
    at = open_page("pages/review.py")
    check(at)
    key = next(d.key for d in at.dataframe if (d.key or "").startswith("review_findings"))
    at.session_state[key] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    at.run()
    check(at)
    at = open_page("pages/data.py")
    key = next(d.key for d in at.dataframe if (d.key or "").startswith("data_warnings"))
    at.session_state[key] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    at.run()
    text = check(at)
    assert "第 11 行附近" in text


@pytest.mark.parametrize("slide", ["title", "overview_funding", "funding_levels", "funding_treemap", "coverage_share",
                                   "quantification", "satisfaction", "review_by_rule", "review_by_place"])
def test_every_slide_shows_document_markup_as_text(slide):
    check(open_page("pages/overview.py", present="1", slide=slide))


def test_chart_labels_escape_html():
    from ui import charts

    label = charts.plot_text(hostile.NESTED + hostile.IMG_TAG)
    assert "<" not in label and ">" not in label and "&lt;img" in label
