"""TargetBoard 绩效目标看板: ``streamlit run dashboard.py``.

The entry script only routes and draws the shared frame (sidebar filters kept in the URL) around the page; in
presentation mode (``?present=1``) it draws the slides instead (pages/_slides.py). Each page under pages/ holds its
layout, data come from cached query calls (pages/_shared.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import streamlit as st  # noqa: E402

from pages import _shared as shared  # noqa: E402
from pages import _slides as slides  # noqa: E402

# "auto": the sidebar starts collapsed on a phone and open on a wider screen.
st.set_page_config(page_title="绩效目标看板", page_icon="📊", layout="wide", initial_sidebar_state="auto")

# The default page (总览) is served at "/" (its url_path is reserved but not served by Streamlit).
PAGES = [
    st.Page("pages/overview.py", title="总览", icon=":material/dashboard:", url_path="overview", default=True),
    st.Page("pages/funding.py", title="资金构成", icon=":material/account_balance:", url_path="funding"),
    st.Page("pages/coverage.py", title="指标覆盖", icon=":material/grid_on:", url_path="coverage"),
    st.Page("pages/satisfaction.py", title="满意度", icon=":material/sentiment_satisfied:", url_path="satisfaction"),
    st.Page("pages/project.py", title="项目明细", icon=":material/description:", url_path="project"),
    st.Page("pages/compare.py", title="跨地区对比", icon=":material/compare_arrows:", url_path="compare"),
    st.Page("pages/review.py", title="目标审核", icon=":material/fact_check:", url_path="review"),
    st.Page("pages/data.py", title="数据", icon=":material/database:", url_path="data"),
    st.Page("pages/import.py", title="数据导入", icon=":material/upload_file:", url_path="import"),
]

# The sidebar shows its own links (shared.sidebar_nav): .streamlit/config.toml turns the built-in list off.
page = st.navigation(PAGES, position="hidden")
if shared.is_presenting():
    shared.page_style(True)
    slides.run(page.url_path or "overview")
    shared.sync_present_param()
else:
    shared.sidebar_nav(PAGES)
    shared.sidebar_filters()
    if shared.is_presenting():  # switched on just now: the slides on the next run
        st.rerun()
    shared.page_style(False)
    with shared.framed():
        page.run()
