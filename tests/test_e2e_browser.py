"""End to end: `streamlit run dashboard.py` in a subprocess, driven through Debian's chromium with Playwright.

The server reads a database built from sample_data/ into a temporary folder (TARGETBOARD_DB), never the developer's
data/targetboard.duckdb. Every wait is for a condition (an element, the script run being over, charts drawn and
steady: scripts/screenshots.py settle), never a fixed delay. Pictures of failures go to artifacts/screenshots/.

Without /usr/bin/chromium (or Playwright) the tests are skipped, unless TARGETBOARD_REQUIRE_BROWSER=1 is set: then
they fail, so that a CI machine that should have the browser cannot pass silently.
"""

from __future__ import annotations

import io
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import openpyxl
import pytest

from tests.conftest import ROOT, SAMPLE_DIR

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
DESKTOP = {"width": 1440, "height": 900}
LAPTOP = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}
TIMEOUT_MS = 60_000
RAW_PHONE = "15526355168"
MASKED_PHONE = "155****5168"

PAGES = [  # (URL path, page title)
    ("/", "总览"),
    ("/funding", "资金构成"),
    ("/coverage", "指标覆盖"),
    ("/satisfaction", "满意度"),
    ("/project", "项目明细"),
    ("/compare", "跨地区对比"),
    ("/review", "目标审核"),
    ("/data", "数据"),
    ("/import", "数据导入"),
]
# Words that may stay in Latin letters: the file formats of our own buttons and texts and the documents' file names.
ALLOWED_LATIN = re.compile(r"\b(Excel|CSV|PDF|PNG|Word)\b|[\w$*.\-]+\.txt")
ENGLISH_JS = r"""() => {
  const out = new Set();
  const skip = (el) => !el || el.closest('style, script, noscript, [data-testid="stIconMaterial"], .material-icons,'
    + ' [data-testid="stExpanderIcon"], span[translate="no"]');
  const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (w.nextNode()) {
    const n = w.currentNode, t = n.textContent.trim();
    if (t && /[A-Za-z]{3,}/.test(t) && !skip(n.parentElement)) out.add(t.slice(0, 120));
  }
  for (const el of document.querySelectorAll('[title], [aria-label], [placeholder], [data-title]')) {
    if (skip(el)) continue;
    for (const a of ['title', 'aria-label', 'placeholder', 'data-title']) {
      const v = el.getAttribute(a);
      if (v && /[A-Za-z]{3,}/.test(v)) out.add(a + '=' + v.slice(0, 120));
    }
  }
  return [...out];
}"""


def _browser_missing() -> str | None:
    if not CHROMIUM.exists():
        return f"{CHROMIUM} not found (apt-get install -y chromium fonts-noto-cjk)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright (Python) is not installed"
    return None


def _require_browser() -> None:
    reason = _browser_missing()
    if reason is None:
        return
    if os.environ.get("TARGETBOARD_REQUIRE_BROWSER") == "1":
        pytest.fail(f"browser test required (TARGETBOARD_REQUIRE_BROWSER=1) but {reason}")
    pytest.skip(f"browser test skipped: {reason}")


@dataclass(frozen=True)
class Server:
    base: str  # http://127.0.0.1:<port>
    db: Path  # the database the server reads (and holds: DuckDB lets one process write)
    snapshot: Path  # a copy made before the server started, for the test to read


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    _require_browser()
    from ingest.loader import ensure_database
    from scripts.screenshots import server as run_server

    for stale in SCREENSHOTS.glob("failed_*.png"):
        stale.unlink()
    folder = tmp_path_factory.mktemp("e2e")
    db = ensure_database(folder / "targetboard.duckdb", SAMPLE_DIR)
    snapshot = folder / "snapshot.duckdb"
    shutil.copy(db, snapshot)
    log = folder / "streamlit.log"
    with run_server(db, log) as base:
        yield Server(base, Path(db), snapshot)
    assert "Traceback" not in log.read_text(errors="replace"), log.read_text(errors="replace")


@pytest.fixture(scope="module")
def browser(server):
    from playwright.sync_api import sync_playwright

    from scripts.screenshots import LAUNCH_ARGS

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield b
        b.close()


def _context(browser, request, viewport, **kwargs):
    context = browser.new_context(viewport=viewport, accept_downloads=True, locale="zh-CN", **kwargs)
    context.set_default_timeout(TIMEOUT_MS)
    pg = context.new_page()
    failed_before = request.session.testsfailed
    return context, pg, failed_before


@pytest.fixture
def page(browser, request):
    context, pg, failed_before = _context(browser, request, DESKTOP)
    yield pg
    if request.session.testsfailed > failed_before:  # keep a picture of what the browser showed
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        pg.screenshot(path=str(SCREENSHOTS / f"failed_{request.node.name}.png"))
    context.close()


# ------------------------------------------------------------------------------------------------------------------
# Helpers
# ------------------------------------------------------------------------------------------------------------------


def settle(pg) -> None:
    from scripts.screenshots import settle as wait

    wait(pg, TIMEOUT_MS)


def open_url(pg, server: Server, path: str, title: str | None = None) -> None:
    from scripts.screenshots import open_url as go

    go(pg, server.base, path, title)


def metric(pg, label: str):
    card = pg.locator('[data-testid="stMetric"]').filter(
        has=pg.locator('[data-testid="stMetricLabel"]', has_text=label)).first
    return card.locator('[data-testid="stMetricValue"]')


def expect_metric(pg, label: str, value: str) -> None:
    from playwright.sync_api import expect

    expect(metric(pg, label)).to_have_text(value, timeout=TIMEOUT_MS)


def no_exception(pg) -> None:
    assert pg.locator('[data-testid="stException"]').count() == 0
    assert pg.locator("text=Page not found").count() == 0


def english_words(pg) -> list[str]:
    """Latin words a user could read in the page: visible text, tooltips, accessible names, placeholders."""
    found = pg.evaluate(ENGLISH_JS)
    return [t for t in found if re.search(r"[A-Za-z]{3,}", ALLOWED_LATIN.sub("", t.split("=", 1)[-1]))]


def pick(pg, widget: str, label: str, option: str, scope: str = '[data-testid="stSidebar"]') -> None:
    """Choose ``option`` in the select box / multiselect called ``label``."""
    box = pg.locator(f'{scope} [data-testid="{widget}"]').filter(has_text=label).first
    box.locator("input").first.click()
    box.locator("input").first.fill(option)
    pg.get_by_role("option", name=option, exact=True).first.click()
    pg.keyboard.press("Escape")
    settle(pg)


def page_overflow(pg) -> int:
    """How many pixels the page is wider than the window (0 = nothing cut off at the right)."""
    return int(pg.evaluate("() => { const m = document.querySelector('[data-testid=\"stMain\"]');"
                           " return Math.max(document.documentElement.scrollWidth, m ? m.scrollWidth : 0)"
                           " - window.innerWidth; }"))


def click_row(pg, box_key: str, row: int) -> None:
    """Click the selection checkbox of data row ``row`` (0-based) of the table inside ``st.container(key=...)``."""
    grid = pg.locator(f".st-key-{box_key} [data-testid='stDataFrame']").first
    grid.wait_for()
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    pg.mouse.click(box["x"] + 15, box["y"] + 35 * (row + 1) + 17)  # header row and data rows are 35 px high
    settle(pg)


def download(pg, button) -> bytes:
    from playwright.sync_api import expect

    expect(button).to_be_visible(timeout=TIMEOUT_MS)  # drawn before it is clicked
    with pg.expect_download(timeout=TIMEOUT_MS) as info:
        button.click()
    return Path(info.value.path()).read_bytes(), info.value.suggested_filename


# ------------------------------------------------------------------------------------------------------------------
# Tests (in order: the first one is the first request a fresh server sees)
# ------------------------------------------------------------------------------------------------------------------


def test_first_load_is_a_deep_link_with_filters(page, server):
    """A fresh server with a pages/ folder starts in Streamlit's legacy mode; the first request must still show
    the dashboard frame (own navigation, filters) and the filtered numbers."""
    open_url(page, server, "/funding?jurisdiction=" + quote("西青区"), "资金构成")
    no_exception(page)
    expect_metric(page, "资金合计（万元）", "248.15")
    expect_metric(page, "中央资金占比", "51.18%")
    nav = page.locator('[data-testid="stSidebar"] [data-testid="stPageLink"]').all_inner_texts()
    assert [t.split("\n")[-1].strip() for t in nav] == [title for _, title in PAGES]


def test_every_page_is_chinese_only_with_finance_numbers(page, server):
    """Every page at 1440×900, then the same page on a 1366×768 laptop: no English word, nothing cut off."""
    for path, title in PAGES:
        page.set_viewport_size(DESKTOP)
        open_url(page, server, path, title)
        no_exception(page)
        assert page.locator('[data-testid="stSidebar"]').is_visible()
        body = page.locator("body").inner_text()
        assert RAW_PHONE not in body
        for internal in ("tab_rows", "pdf_grid", "cell_per_line", "queries/", "review_rules.md", "项目编号"):
            assert internal not in body, (path, internal)
        assert english_words(page) == [], path
        assert page.locator(".modebar-container:visible").count() == 0  # no plotly mode bar
        page.set_viewport_size(LAPTOP)
        settle(page)
        assert page_overflow(page) <= 1, (path, page_overflow(page))  # nothing cut off at the right
    page.set_viewport_size(DESKTOP)
    open_url(page, server, "/", "总览")
    expect_metric(page, "资金总额（万元）", "2,343.65")  # 2343.6545 to two decimals, thousands separated


def test_library_widgets_speak_chinese(page, server):
    """The words Streamlit shows only while a widget is used: an empty search, the hint of a text input."""
    from playwright.sync_api import expect

    open_url(page, server, "/", "总览")
    box = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').filter(has_text="地区").first
    box.locator("input").first.click()
    box.locator("input").first.fill("不存在的地区")
    expect(page.get_by_text("没有匹配的选项")).to_be_visible()
    assert english_words(page) == []
    page.keyboard.press("Escape")
    open_url(page, server, "/project", "项目明细")
    search = page.get_by_placeholder("例如：满意度、法律援助、调解")
    search.click()
    search.fill("满意")
    expect(page.get_by_text("按回车键确认")).to_be_visible()
    assert english_words(page) == []


def test_sidebar_filter_changes_numbers_and_url(page, server):
    open_url(page, server, "/", "总览")
    expect_metric(page, "项目", "42")
    pick(page, "stMultiSelect", "地区", "青岛市")
    expect_metric(page, "资金总额（万元）", "1,487.65")
    expect_metric(page, "项目", "10")
    assert "jurisdiction=370200" in page.url  # the place by its division code, shown by name
    sentence = "青岛市 2023 年 10 个项目共 1,487.65 万元，资金来源全部未注明级次；10 个满意度目标中 4 个 ≥90%"
    assert page.get_by_text(sentence).count()
    # the year filter now offers only what exists for 青岛市
    box = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').filter(has_text="年度").first
    box.locator("input").first.click()
    assert page.get_by_role("option").all_inner_texts() == ["2023"]
    page.keyboard.press("Escape")


def test_a_url_value_that_matches_nothing_is_named(page, server):
    open_url(page, server, "/satisfaction?jurisdiction=" + quote("北京市"), "满意度")
    assert page.get_by_text("网址中的地区「北京市」不在已导入的数据中，已忽略。").count() == 1
    open_url(page, server, "/?jurisdiction=" + quote("抚宁区") + "&year=2024", "总览")
    assert page.get_by_text("年度「2024」与其他筛选条件没有共同的数据（可选：2020）。").count() == 1


def test_shared_link_survives_reload_and_navigation(page, server):
    open_url(page, server, "/satisfaction?jurisdiction=" + quote("抚宁区"), "满意度")
    expect_metric(page, "满意度目标", "9")
    expect_metric(page, "低于 80%", "8")
    page.reload()
    page.locator("h1", has_text="满意度").wait_for()
    settle(page)
    expect_metric(page, "低于 80%", "8")
    page.locator('[data-testid="stSidebar"] [data-testid="stPageLink"]').filter(has_text="总览").click()
    page.locator("h1", has_text="总览").wait_for()
    settle(page)
    expect_metric(page, "资金总额（万元）", "207.09")
    assert "jurisdiction=130306" in page.url  # the old link's place name became its code, kept across pages


def test_phone(browser, server, request):
    viewport, mobile = PHONE, True
    context, pg, _ = _context(browser, request, viewport, is_mobile=mobile, has_touch=mobile)
    try:
        for path, title in PAGES:
            open_url(pg, server, path, title)
            no_exception(pg)
            assert page_overflow(pg) <= 1, (path, page_overflow(pg))  # nothing cut off at the right
            if mobile:
                assert not pg.locator('[data-testid="stSidebar"]').is_visible()  # starts collapsed
                for title_box in pg.locator('[class*="st-key-chart_title_"]:visible').all():
                    assert title_box.bounding_box()["width"] <= viewport["width"]
        open_url(pg, server, "/coverage", "指标覆盖")
        heatmap = pg.locator(".st-key-wide_only_heatmap")
        table = pg.locator(".st-key-narrow_only_heatmap")
        assert (heatmap.is_visible(), table.is_visible()) == ((False, True) if mobile else (True, False))
    finally:
        context.close()


@pytest.mark.parametrize("viewport", [{"width": 1920, "height": 1080}, LAPTOP], ids=["1920", "1366"])
def test_slides_next_previous_keys_menu_and_url(browser, server, request, viewport):
    from playwright.sync_api import expect

    context, pg, _ = _context(browser, request, viewport)
    try:
        open_url(pg, server, "/?present=1&jurisdiction=" + quote("抚宁区"))
        pg.locator(".st-key-slide_bar").wait_for()
        expect(pg.locator("h1", has_text="绩效目标看板")).to_be_visible()
        assert pg.get_by_text("筛选：抚宁区").count() == 1
        assert not pg.locator('[data-testid="stSidebar"]').is_visible()
        assert pg.get_by_role("button", name=re.compile("下载")).count() == 0  # no downloads on slides
        assert english_words(pg) == []
        pg.locator("body").press("ArrowRight")
        pg.wait_for_function("() => location.search.includes('slide=overview_funding')")
        settle(pg)
        chart = pg.locator(".st-key-slide_chart [data-testid='stPlotlyChart'] .main-svg").first
        box = chart.bounding_box()
        assert box["y"] >= 0 and box["y"] + box["height"] <= viewport["height"] + 1  # one chart, whole on screen
        assert pg.locator('[data-testid="stPlotlyChart"]').count() == 1
        pg.get_by_role("button", name=re.compile("下一张")).click()
        pg.wait_for_function("() => location.search.includes('slide=funding_levels')")
        settle(pg)
        pg.locator("body").press("ArrowLeft")
        pg.wait_for_function("() => location.search.includes('slide=overview_funding')")
        settle(pg)
        # filters from the small menu; the URL keeps slide and filters
        open_url(pg, server, "/?present=1&slide=satisfaction&jurisdiction=" + quote("抚宁区"))
        expect(pg.locator(".st-key-slide_heading")).to_have_text("抚宁区 2020：9 个满意度目标中 8 个低于 80%")
        pg.get_by_role("button", name=re.compile("筛选")).click()
        pick(pg, "stMultiSelect", "地区", "青岛市", scope='[data-testid="stPopoverBody"]')
        # 抚宁区 and now 青岛市 (whose lowest target is 80%)
        expect(pg.locator(".st-key-slide_heading")).to_have_text(
            "抚宁区 2020：9 个满意度目标中 8 个低于 80%，其他地区均不低于 80%")
        assert "slide=satisfaction" in pg.url and "present=1" in pg.url and "jurisdiction=370200" in pg.url
    finally:
        context.close()


def test_from_chart_to_project_to_source_lines(page, server):
    open_url(page, server, "/coverage?jurisdiction=" + quote("沅江市"), "指标覆盖")
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    rows, columns = 9, 9  # 沅江市 has 9 projects; nine indicator categories
    for attempt in range(3):  # plotly now and then drops a click that lands right after the chart is drawn
        chart = page.locator('[data-testid="stPlotlyChart"]').first
        chart.scroll_into_view_if_needed()
        box = chart.locator(".nsewdrag").first.bounding_box()
        page.mouse.click(box["x"] + box["width"] / columns / 2, box["y"] + box["height"] / rows / 2)  # 1st project
        try:
            page.locator("h1", has_text="项目明细").wait_for(timeout=10_000)
            break
        except PlaywrightTimeout:
            assert attempt < 2, "three clicks on the heatmap did not open 项目明细"
            settle(page)
    settle(page)
    expect_metric(page, "项目", "社区矫正专项")
    expect_metric(page, "原文行", "172–319")
    assert "project=" in page.url
    page.get_by_text("纯文本视图").click()
    code = page.locator('[data-testid="stCode"]').last
    code.wait_for()
    text = code.inner_text()
    assert "172 ┃" in text and "319 ┃" in text
    assert MASKED_PHONE in text and RAW_PHONE not in text
    assert RAW_PHONE not in page.locator("body").inner_text()


def test_pick_project_and_indicator_in_tables(page, server):
    from ingest.loader import connect

    con = connect(server.snapshot, read_only=True)  # the server holds its database: read the copy
    try:
        iid, start, end = con.execute(
            "SELECT i.indicator_id, i.line_start, i.line_end FROM projects p JOIN indicators i USING (project_id) "
            "WHERE p.name = '提前退休人员 2024 年住房公积金' AND i.position = 2").fetchone()
    finally:
        con.close()
    open_url(page, server, "/project?jurisdiction=" + quote("平罗县"), "项目明细")
    click_row(page, "project_list_box", 0)
    expect_metric(page, "项目", "提前退休人员 2024 年住房公积金")
    expect_metric(page, "资金总额（万元）", "0.69")  # 0.6924 on screen with two decimals
    click_row(page, "indicator_box", 1)
    page.wait_for_function(f"() => location.search.includes('indicator={iid}')")
    code = page.locator('[data-testid="stCode"]').first
    code.wait_for()
    text = code.inner_text()
    assert f"▶ {start} ┃" in text and f"▶ {end} ┃" in text
    assert f"  {start - 1} ┃" in text  # a context line, not marked


def test_excel_and_csv_downloads_start_with_their_context(page, server):
    open_url(page, server, "/funding?jurisdiction=" + quote("西青区"), "资金构成")
    data, name = download(page, page.get_by_role("button", name="下载 Excel").first)
    assert name == "资金构成_按来源级别.xlsx"
    ws = openpyxl.load_workbook(io.BytesIO(data)).active
    assert [(r[0].value, r[1].value) for r in ws.iter_rows(min_row=1, max_row=3, max_col=2)] == [
        ("标题", "资金构成 · 按来源级别"), ("筛选", "筛选：西青区"), ("来源文件", "tianjin_xiqing_2024.txt")]
    assert ws["A4"].value == "导出时间" and re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", ws["B4"].value)
    header = [c.value for c in ws[6]]
    assert header[:6] == ["地区", "年度", "资金来源级别", "原表写作", "金额（万元）", "占比（%）"]
    assert all(c.font.b for c in ws[6]) and ws.freeze_panes == "A7"
    rows = {r[2]: r for r in ws.iter_rows(min_row=7, values_only=True)}
    assert rows["中央"][3] == "中央补助" and rows["中央"][4] == 127.0 and rows["中央"][5] == 51.18
    assert ws.cell(row=7, column=5).number_format == "#,##0.00"
    data, name = download(page, page.get_by_role("button", name="下载 CSV").first)
    assert data.startswith(b"\xef\xbb\xbf") and name == "资金构成_按来源级别.csv"
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[:3] == ["标题,资金构成 · 按来源级别", "筛选,筛选：西青区", "来源文件,tianjin_xiqing_2024.txt"]
    assert lines[5].startswith("地区,年度,资金来源级别,原表写作,金额（万元）,占比（%）")
    assert "西青区,2024,中央,中央补助,127.0,51.18," in lines[6] + ","  # a percentage with two decimals


def test_chart_picture_download_has_its_caption(page, server):
    open_url(page, server, "/?jurisdiction=" + quote("青岛市"), "总览")
    data, name = download(page, page.get_by_role("button", name="下载图片").first)
    assert name == "overview_funding.png" and data.startswith(b"\x89PNG")
    from PIL import Image

    image = Image.open(io.BytesIO(data))
    assert image.width == 1400 and image.height > 500


def test_review_kpis_follow_the_filters_and_report(page, server):
    """目标审核: the totals follow the severity filter, the Excel report, a finding's source lines, and on to
    项目明细 with the line marked."""
    open_url(page, server, "/review", "目标审核")
    expect_metric(page, "问题", "270")
    expect_metric(page, "错误", "41")
    data, _ = download(page, page.get_by_role("button", name="下载审核报告（Excel）"))
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["审核意见", "项目评级", "规则说明"]
    assert book["审核意见"]["A1"].value == "标题" and book["审核意见"]["B1"].value == "目标审核报告 · 审核意见"
    assert book["审核意见"].max_row == 276 and book["项目评级"].max_row == 49  # 5 context rows, header, rows
    cells = [c for row in book["审核意见"].iter_rows(min_row=7) for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]  # =100% stays text, not a formula
    assert "=100%" in {c.value for c in cells if c.data_type == "s"}  # Xiqing's target stays text

    open_url(page, server, "/review?severity=" + quote("错误") + "&jurisdiction=" + quote("青岛市"), "目标审核")
    expect_metric(page, "问题", "3")  # the cards follow the severity filter
    expect_metric(page, "警告", "0")
    click_row(page, "review_findings_box", 2)  # 错误 only: plan_decreasing, plan_not_complete, cost_over_budget
    code = page.locator('[data-testid="stCode"]').first
    code.wait_for()
    assert "▶ 246 ┃" in code.inner_text() and "≤228.4万元" in code.inner_text()
    assert page.get_by_text("【错误】成本指标超过预算总额").count()
    link = page.locator('[data-testid="stPageLink"]').filter(has_text="在项目明细中打开")
    assert "indicator=" in link.locator("a").first.get_attribute("href")
    link.click()
    page.locator("h1", has_text="项目明细").wait_for()
    settle(page)
    expect_metric(page, "项目", "法治专项业务费")
    assert "jurisdiction=370200" in page.url and "indicator=" in page.url
    near = page.locator('[data-testid="stCode"]').first.inner_text()
    assert "▶ 246 ┃" in near and "▶ 251 ┃" in near and "  245 ┃" in near


def test_review_plan_finding_marks_the_plan_rows(page, server):
    open_url(page, server, "/review?severity=" + quote("错误") + "&jurisdiction=" + quote("青岛市"), "目标审核")
    click_row(page, "review_findings_box", 0)  # plan_decreasing of 法治专项业务费
    code = page.locator('[data-testid="stCode"]').first
    code.wait_for()
    text = code.inner_text()
    assert "▶ 223 ┃" in text and "资金支出计划（%）" in text and "▶ 233 ┃" in text and "  234 ┃" in text


def test_hostile_document_stays_text_and_nothing_leaves_the_page(browser, request, tmp_path):
    """A document full of Markdown/HTML/LaTeX payloads (tests/hostile.py): no element becomes markup, and no
    request leaves the page (the image payloads point at 127.0.0.1:9 and evil.invalid)."""
    from scripts.screenshots import server as run_server
    from tests import hostile

    from ingest.loader import connect

    db, sources = hostile.build(tmp_path)
    con = connect(db, read_only=True)  # before the server starts: it then holds the database (the one writer)
    pid = con.execute("SELECT project_id FROM projects WHERE sequence = 1").fetchone()[0]
    iid = con.execute("SELECT indicator_id FROM indicators WHERE line_start = 11").fetchone()[0]
    con.close()
    with run_server(db, tmp_path / "streamlit.log", sample_dir=sources) as base:
        context, pg, _ = _context(browser, request, DESKTOP)
        requests: list[str] = []
        pg.on("request", lambda r: requests.append(r.url))
        try:
            paths = [p for p, _ in PAGES] + [f"/project?project={pid}", "/?present=1&slide=satisfaction"]
            for path in paths:
                pg.goto(base + path)
                pg.locator('[data-testid="stMain"]').wait_for()
                settle(pg)
                no_exception(pg)
                assert pg.locator('.katex, [data-testid="stMarkdownContainer"] strong:has-text("粗体")').count() == 0
                assert pg.locator('a[href*="evil"], img[src*="127.0.0.1:9"], img[src*="track"]').count() == 0
                assert RAW_PHONE not in pg.locator("body").inner_text()
            pg.goto(base + f"/project?project={pid}&indicator={iid}")  # its source lines shown as code
            pg.locator("h1", has_text="项目明细").wait_for()
            settle(pg)
            name = pg.locator('[data-testid="stMetric"]').filter(has_text="项目").first
            assert name.locator('[data-testid="stMetricValue"]').inner_text().replace("\u2060", "") == \
                hostile.PROJECT_1  # shown as written, as text
            body = pg.locator("body").inner_text()
            assert hostile.IMAGE in body and hostile.NESTED in body and "155****5168" in body
        finally:
            context.close()
    leaked = [u for u in requests if not u.startswith(base) and not u.startswith("data:")
              and not u.startswith("blob:")]
    assert leaked == []
