"""End to end: upload an .xlsx and a .pdf on 数据导入 in Chromium, preview, load, and find their projects on 总览.

The server (streamlit run dashboard.py) starts on a temporary database holding two of the five sample documents
(西青区 and 青岛市); the workbook of 平罗县 and the PDF of 沅江市 (tests/fixtures/files/) are uploaded through the
page. Skipped without Chromium unless TARGETBOARD_REQUIRE_BROWSER=1 (see tests/test_e2e_browser.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SAMPLE_DIR
from tests.make_file_fixtures import OUT
from tests.test_e2e_browser import (
    CHROMIUM,
    DESKTOP,
    SCREENSHOTS,
    TIMEOUT_MS,
    Server,
    _require_browser,
    expect_metric,
    no_exception,
    open_url,
    settle,
)

UPLOADS = [OUT / "ningxia_pingluo_2024.xlsx", OUT / "hunan_yuanjiang_2024.pdf"]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    _require_browser()
    from ingest import loader
    from scripts.screenshots import server as run_server

    folder = tmp_path_factory.mktemp("e2e_import")
    db = folder / "targetboard.duckdb"
    results = loader.load_paths([SAMPLE_DIR / "tianjin_xiqing_2024.txt", SAMPLE_DIR / "qingdao_2023.txt"], db)
    assert [r[1] for r in results] == ["loaded", "loaded"]
    log = folder / "streamlit.log"
    with run_server(db, log) as base:
        yield Server(base, db, db)
    assert "Traceback" not in log.read_text(errors="replace"), log.read_text(errors="replace")


@pytest.fixture
def page(server, request):
    from playwright.sync_api import sync_playwright

    from scripts.screenshots import LAUNCH_ARGS

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        context = browser.new_context(viewport=DESKTOP, locale="zh-CN")
        context.set_default_timeout(TIMEOUT_MS)
        pg = context.new_page()
        failed_before = request.session.testsfailed
        yield pg
        if request.session.testsfailed > failed_before:
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            pg.screenshot(path=str(SCREENSHOTS / f"failed_{request.node.name}.png"))
        browser.close()


def screenshot(pg, name: str) -> Path:
    """The whole page (the viewport grows to the content height) into artifacts/screenshots/."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    height = pg.evaluate("() => (document.querySelector('[data-testid=\"stMain\"]') || document.body).scrollHeight")
    pg.set_viewport_size({"width": DESKTOP["width"], "height": int(min(max(height, DESKTOP["height"]), 6000))})
    settle(pg)
    path = SCREENSHOTS / f"{name}.png"
    pg.screenshot(path=str(path))
    pg.set_viewport_size(DESKTOP)
    return path


def test_upload_xlsx_and_pdf_then_find_their_projects_on_the_overview(page, server):
    from playwright.sync_api import expect

    open_url(page, server, "/", "总览")
    expect_metric(page, "项目", "18")  # 西青区 8 + 青岛市 10
    assert page.get_by_text("平罗县 2024 年").count() == 0

    open_url(page, server, "/import", "数据导入")
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files([str(p) for p in UPLOADS])
    page.get_by_text("读取结果预览").wait_for(timeout=120_000)
    settle(page)
    no_exception(page)
    # the preview, before anything is written: both files with what was found
    expect(page.get_by_text("ningxia_pingluo_2024.xlsx — 可导入")).to_be_visible()
    expect(page.get_by_text("hunan_yuanjiang_2024.pdf — 可导入")).to_be_visible()
    expect(page.locator('[data-testid="stMetricValue"]').first).to_have_text("6")  # projects of the workbook
    expect(page.get_by_text("版式：Excel 工作簿（.xlsx）　地区：宁夏回族自治区 石嘴山市 平罗县")).to_be_visible()
    expect(page.get_by_text("版式：PDF（文字层）　地区：湖南省 益阳市 沅江市")).to_be_visible()
    code = page.locator('[data-testid="stCode"]').first  # the original lines beside the reading
    expect(code).to_contain_text("项目名称")
    expect(code).to_contain_text("提前退休人员 2024 年住房公积金")
    button = page.locator(".st-key-import_go button")
    expect(button).to_have_accessible_name("导入 2 个文件")
    screenshot(page, "import_preview")

    button.click()
    page.get_by_text("已写入 2 个文件").wait_for(timeout=120_000)
    settle(page)
    results = page.locator(".st-key-import_results_list")
    expect(results).to_contain_text("已导入：6 个项目，69 条项目指标")
    expect(results).to_contain_text("已导入：9 个项目，11 条项目指标，部门整体 12 条指标")
    screenshot(page, "import_done")

    page.get_by_role("link", name="查看总览").click()
    page.locator("h1", has_text="总览").wait_for()
    settle(page)
    no_exception(page)
    expect_metric(page, "项目", "33")  # 18 + 平罗县 6 + 沅江市 9
    expect_metric(page, "资金总额（万元）", "2,136.56")  # 248.15 + 1487.65 + 252.0285 + 148.736
    expect(page.get_by_text("平罗县 2024 年 6 个项目共 252.03 万元", exact=False)).to_be_visible()
    expect(page.get_by_text("沅江市 2024 年 9 个项目共 148.74 万元", exact=False)).to_be_visible()
