"""Streamlit glue shared by the entry script (dashboard.py) and the pages: not a page itself.

- the DuckDB connection (``st.cache_resource``: built from sample_data/ on first start, then opened read-only),
- cached query calls (``st.cache_data``; a fresh cursor per call inside ``queries.run``) and the cached review
  (``review()``: ``review.engine.run_review`` with the sidebar filters),
- the sidebar filters, bound to the URL query string (``bind="query-params"``) so a view survives reload and can
  be shared, and presentation mode (``?present=1``),
- tables with .xlsx / .csv downloads and charts, in the same style on every page.

Environment: ``TARGETBOARD_DB`` (database file, default data/targetboard.duckdb) and ``TARGETBOARD_SAMPLE_DIR``
(folder of the source documents, default sample_data/).
"""

from __future__ import annotations

import contextlib
import os
import threading
from pathlib import Path
from typing import Any, Callable, Iterable, Optional, Sequence

import pandas as pd
import streamlit as st

import queries
from ingest import themes as theme_table
from ingest.loader import DatabaseLockedError, connect, ensure_database
from review.engine import run_review
from ui import state
from ui.export import CSV_MIME, XLSX_MIME, to_csv_bytes, to_xlsx_bytes
from ui.formatting import column_kind, format_pct, format_wan
from ui.privacy import mask_frame

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB = ROOT / "data" / "targetboard.duckdb"
DEFAULT_SAMPLE_DIR = ROOT / "sample_data"
CACHE_TTL_SECONDS = 600


def db_path() -> Path:
    """The database file: ``TARGETBOARD_DB`` or data/targetboard.duckdb (built from the samples if missing)."""
    return Path(os.environ.get("TARGETBOARD_DB") or DEFAULT_DB)


def sample_dir() -> Path:
    """The folder of the source documents: ``TARGETBOARD_SAMPLE_DIR`` or sample_data/."""
    return Path(os.environ.get("TARGETBOARD_SAMPLE_DIR") or DEFAULT_SAMPLE_DIR)


def source_dirs() -> list[Path]:
    """Where original lines are looked up (by file base name only)."""
    return list(dict.fromkeys([sample_dir(), DEFAULT_SAMPLE_DIR]))

PAGE_FILES = {
    "overview": "pages/overview.py",
    "funding": "pages/funding.py",
    "coverage": "pages/coverage.py",
    "satisfaction": "pages/satisfaction.py",
    "project": "pages/project.py",
    "compare": "pages/compare.py",
    "review": "pages/review.py",
    "data": "pages/data.py",
}

_PRESENT_KEY = "present_mode"
_frame = threading.local()  # per script thread: is dashboard.py's frame around the page being run?


# ---------------------------------------------------------------------------------------------------------------
# Page frame guard
# ---------------------------------------------------------------------------------------------------------------


@contextlib.contextmanager
def framed():
    """Used by dashboard.py around ``page.run()``: marks the page as running inside the shared frame."""
    _frame.active = True
    try:
        yield
    finally:
        _frame.active = False


def require_frame() -> None:
    """First call of every page. Pages run inside dashboard.py (sidebar filters, navigation, page config).

    Because the folder is called ``pages/``, Streamlit starts a fresh server in its legacy multipage mode: on the
    very first run it executes the page file named by the URL (``/project``) directly, without the entry script,
    and lists every file of the folder in the sidebar. ``st.navigation`` switches that mode off, but only once the
    entry script runs. So when a page finds itself outside the frame, it switches the legacy mode off and reruns:
    the rerun goes through dashboard.py and opens the same page (same URL path) properly.
    """
    if getattr(_frame, "active", False):
        return
    from streamlit.runtime.pages_manager import PagesManager

    PagesManager.uses_pages_directory = False
    st.rerun()


# ---------------------------------------------------------------------------------------------------------------
# Data access
# ---------------------------------------------------------------------------------------------------------------


@st.cache_resource(show_spinner="正在准备数据库（首次启动时从示例文件导入）…")
def _connection(db_path: str, sample_dir: str):
    ensure_database(db_path, sample_dir)
    return connect(db_path, read_only=True)


def connection():
    try:
        return _connection(str(db_path()), str(sample_dir()))
    except DatabaseLockedError as exc:
        st.error(exc.message_zh)
        st.stop()


@st.cache_data(ttl=CACHE_TTL_SECONDS, max_entries=512, show_spinner=False)
def _run(db_path: str, sample_dir: str, name: str, params: tuple) -> pd.DataFrame:
    return queries.run(_connection(db_path, sample_dir), name, **dict(params))


def _hashable(value: Any) -> Any:
    if isinstance(value, (list, tuple, set)):
        return tuple(value)
    return value


def query(name: str, *, filtered: bool = True, **params: Any) -> pd.DataFrame:
    """Run ``queries/<name>.sql`` with the sidebar filters (unless ``filtered=False``) and ``params``."""
    connection()  # shows the error and stops the page when the database cannot be opened
    kwargs = current_filters().query_kwargs() if filtered else {}
    kwargs.update(params)
    items = tuple(sorted((k, _hashable(v)) for k, v in kwargs.items()))
    return _run(str(db_path()), str(sample_dir()), name, items)


@st.cache_data(ttl=CACHE_TTL_SECONDS, max_entries=64, show_spinner="正在审核绩效目标…")
def _review(db_path: str, sample_dir: str, filters: tuple) -> tuple[pd.DataFrame, pd.DataFrame]:
    return run_review(_connection(db_path, sample_dir), **dict(filters))


def review() -> tuple[pd.DataFrame, pd.DataFrame]:
    """``review.engine.run_review`` (every rule of review/rules.json, default parameters) with the sidebar filters:
    ``(findings, grades)``. The engine builds its temporary tables on its own cursor of the shared connection
    (temporary objects live per cursor, so the read-only database and concurrent sessions are fine)."""
    connection()
    kwargs = current_filters().query_kwargs()
    items = tuple(sorted((k, _hashable(v)) for k, v in kwargs.items()))
    return _review(str(db_path()), str(sample_dir()), items)


# ---------------------------------------------------------------------------------------------------------------
# Filters and presentation mode (URL state)
# ---------------------------------------------------------------------------------------------------------------


def current_filters() -> state.Filters:
    ss = st.session_state
    return state.Filters.from_mapping({key: ss.get(key) for key in state.FILTER_PARAMS})


def is_presenting() -> bool:
    """Presentation mode: ``?present=1`` in the URL or the sidebar toggle (kept in the URL)."""
    if _PRESENT_KEY not in st.session_state:
        st.session_state[_PRESENT_KEY] = state.is_present(st.query_params.get_all(state.PRESENT_PARAM))
    return bool(st.session_state[_PRESENT_KEY])


def _sync_present_param(present: bool) -> None:
    current = st.query_params.get(state.PRESENT_PARAM)
    if present and current != "1":
        st.query_params[state.PRESENT_PARAM] = "1"
    elif not present and current is not None:
        del st.query_params[state.PRESENT_PARAM]


def _clear_filters() -> None:
    st.session_state["province"] = None
    st.session_state["jurisdiction"] = []
    st.session_state["year"] = []
    st.session_state["department"] = None
    st.session_state["theme"] = None


def _set_present(value: bool) -> None:
    st.session_state[_PRESENT_KEY] = value


def theme_order(present: Iterable[str]) -> list[str]:
    present = [t for t in present if t]
    known = [t for t in theme_table.themes() if t in present]
    return known + sorted(t for t in set(present) if t not in known)


def sidebar_nav(pages: Sequence[Any]) -> None:
    """The page links at the top of the sidebar (the built-in sidebar navigation is switched off in
    .streamlit/config.toml, see there)."""
    with st.sidebar:
        st.markdown("### 绩效目标看板")
        for page in pages:
            st.page_link(page)
        st.divider()


def sidebar_filters() -> state.Filters:
    """Draw the shared sidebar (filters bound to the URL, presentation toggle) and return the filters."""
    opts = query("page_filter_options", filtered=False)
    is_presenting()  # initialises the toggle's state from ?present=1 before the toggle is drawn
    with st.sidebar:
        st.header("筛选")
        st.selectbox("省份", [None, *state.options_in_order(opts["province"])], key="province",
                     format_func=lambda v: "全部省份" if v is None else v, bind="query-params")
        st.multiselect("地区", state.options_in_order(opts["jurisdiction"]), key="jurisdiction",
                       placeholder="全部地区", bind="query-params")
        years = sorted(state.options_in_order(int(y) for y in opts["fiscal_year"].dropna()), reverse=True)
        st.multiselect("年度", years, key="year", format_func=str, placeholder="全部年度", bind="query-params")
        st.selectbox("部门", [None, *state.options_in_order(opts["department"])], key="department",
                     format_func=lambda v: "全部部门" if v is None else v, bind="query-params")
        st.selectbox("项目主题", [None, *theme_order(opts["theme"].dropna())], key="theme",
                     format_func=lambda v: "全部主题" if v is None else v, bind="query-params")
        filters = current_filters()
        st.button("清除筛选", on_click=_clear_filters, disabled=filters.is_empty(), width="stretch")
        st.divider()
        st.toggle("演示模式", key=_PRESENT_KEY, help="隐藏侧栏、放大字号、每屏一张图；链接参数 present=1")
        st.caption("筛选条件保存在网址中：复制浏览器地址栏即可分享当前视图。")
    _sync_present_param(is_presenting())
    return filters


def presentation_exit_button() -> None:
    """In presentation mode the sidebar is hidden: a small button at the top of the page leaves the mode."""
    with st.container(key="present_exit"):
        st.button("退出演示模式", on_click=_set_present, args=(False,), type="tertiary",
                  icon=":material/close_fullscreen:")


PRESENT_CSS = """
<style>
section[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stExpandSidebarButton"], [data-testid="stSidebarCollapseButton"] { display: none !important; }
html { font-size: 20px; }
.block-container, [data-testid="stMainBlockContainer"] { max-width: 100% !important;
  padding: 1.2rem 2.5rem 2rem 2.5rem !important; }
[data-testid="stMetricValue"] { font-size: 2.1rem !important; }
.st-key-project_name [data-testid="stMetricValue"], .st-key-project_name [data-testid="stMetricValue"] * {
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important;
  font-size: 1.6rem !important; line-height: 1.3; }
[data-testid="stMetricLabel"] p { font-size: 1.15rem !important; }
[data-testid="stText"] { font-size: 1.25rem; line-height: 1.7; }
[data-testid="stPlotlyChart"] { margin-bottom: 6vh; }
.st-key-present_exit { position: fixed; top: 0.55rem; right: 4.5rem; z-index: 1000001; width: auto !important; }
</style>
"""

BASE_CSS = """
<style>
[data-testid="stMetricValue"] { font-variant-numeric: tabular-nums; }
.st-key-project_name [data-testid="stMetricValue"] { white-space: normal; font-size: 1.75rem; line-height: 1.3; }
.st-key-project_name [data-testid="stMetricValue"] * { white-space: normal; overflow: visible;
  text-overflow: clip; }
[data-testid="stText"] { line-height: 1.65; }
</style>
"""


def page_style(present: bool) -> None:
    """Own CSS only (never document text): larger type and hidden sidebar in presentation mode."""
    st.markdown(PRESENT_CSS if present else BASE_CSS, unsafe_allow_html=True)


# ---------------------------------------------------------------------------------------------------------------
# Page frame, tables, charts
# ---------------------------------------------------------------------------------------------------------------


def page_header(title: str, intro: Optional[str] = None) -> state.Filters:
    """Page title (own text), the active filters (plain text), and the filters for the page's queries."""
    st.title(title)
    filters = current_filters()
    st.text(filters.describe() + ("" if not intro else "　" + intro))
    return filters


def _formats(df: pd.DataFrame) -> dict[str, Callable[[Any], str]]:
    out: dict[str, Callable[[Any], str]] = {}
    for col in df.columns:
        kind = column_kind(col)
        if kind == "money" and pd.api.types.is_numeric_dtype(df[col]):
            out[col] = format_wan
        elif kind == "pct" and pd.api.types.is_numeric_dtype(df[col]):
            out[col] = lambda v: format_pct(v, 2, sign=False)
    return out


def styled(df: pd.DataFrame, highlight: Optional[Sequence[str]] = None):
    """A Styler with 万元 / % formats (per value: 2 decimals, more where the document has more) and, when given,
    a background colour per row (``""`` = none)."""
    styler = df.style.format(na_rep="–").format(_formats(df), na_rep="–")
    if highlight is not None:
        colors = list(highlight)

        def _row_style(row: pd.Series) -> list[str]:
            color = colors[row.name] if row.name < len(colors) else ""
            return [f"background-color: {color}; font-weight: 600" if color else ""] * len(row)

        styler = styler.apply(_row_style, axis=1)
    return styler


def download_buttons(df: pd.DataFrame, file_stem: str, key: str) -> None:
    """.xlsx and .csv of ``df`` (phones masked), generated when clicked."""
    with st.container(horizontal=True, gap="small"):
        st.download_button("下载 Excel", data=lambda: to_xlsx_bytes(df, file_stem), file_name=f"{file_stem}.xlsx",
                           mime=XLSX_MIME, key=f"{key}_xlsx", on_click="ignore", icon=":material/download:")
        st.download_button("下载 CSV", data=lambda: to_csv_bytes(df), file_name=f"{file_stem}.csv", mime=CSV_MIME,
                           key=f"{key}_csv", on_click="ignore", icon=":material/download:")


def table(df: pd.DataFrame, file_stem: str, key: str, *, height: Any = "auto", hidden: Sequence[str] = (),
          highlight: Optional[Sequence[str]] = None, selectable: bool = False, on_select: Any = "ignore",
          column_config: Optional[dict] = None, downloads: bool = True):
    """A table with its downloads (``highlight``: a background colour per row, ``""`` = none).

    Returns the selection state when ``selectable``."""
    shown = mask_frame(df).reset_index(drop=True)
    order = [c for c in shown.columns if c not in hidden]
    kwargs: dict[str, Any] = {"hide_index": True, "column_order": order, "height": height, "key": key,
                              "placeholder": "–"}
    if column_config:
        kwargs["column_config"] = column_config
    if selectable:
        kwargs.update(on_select=on_select, selection_mode="single-row")
    result = st.dataframe(styled(shown, highlight), **kwargs)
    if downloads:
        download_buttons(shown[order], file_stem, key)
    return result


def chart(fig, key: str) -> None:
    st.plotly_chart(fig, theme=None, key=key, config={
        "displaylogo": False, "responsive": True,
        "toImageButtonOptions": {"format": "png", "scale": 2, "filename": key},
        "modeBarButtonsToRemove": ["lasso2d", "select2d"],
    })


def details(label: str, present: bool):
    """Tables go into a collapsed expander in presentation mode (one chart per screen), else a plain container."""
    return st.expander(label, expanded=False) if present else st.container()


def _page_params(params: dict) -> dict[str, str]:
    """URL parameters for a page switch. The filters are not listed: their widgets are bound to the URL and put
    them back on the next page by themselves (Streamlit refuses to set bound parameters directly)."""
    query_params = {state.PRESENT_PARAM: "1"} if is_presenting() else {}
    query_params.update({k: str(v) for k, v in params.items() if v is not None})
    return query_params


def page_link(page: str, label: str, icon: Optional[str] = None, **params: Any) -> None:
    """A link to another page with page parameters (``project=35``); filters and presentation mode stay."""
    st.page_link(PAGE_FILES[page], label=label, icon=icon, query_params=_page_params(params))


def links() -> Any:
    """A row for page links (content width, wrapping)."""
    return st.container(horizontal=True, gap="medium")


def switch_to(page: str, **params: Any) -> None:
    st.switch_page(PAGE_FILES[page], query_params=_page_params(params))


def url_int(name: str) -> Optional[int]:
    """An integer page parameter from the URL (``?project=35``), ``None`` when absent or malformed."""
    value = st.query_params.get(name)
    try:
        return int(value) if value not in (None, "") else None
    except ValueError:
        return None


def set_url_param(name: str, value: Any) -> None:
    if value is None:
        if name in st.query_params:
            del st.query_params[name]
    else:
        st.query_params[name] = str(value)


def no_data() -> None:
    st.info("当前筛选下没有数据。请在左侧放宽筛选条件，或点“清除筛选”。")
