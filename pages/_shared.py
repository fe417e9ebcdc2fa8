"""Streamlit glue shared by the entry script (dashboard.py) and the pages: not a page itself.

- the DuckDB connection (``st.cache_resource``: built from sample_data/ on first start, then held read-write by this
  process, a cursor per query; ``write_cursor()`` for imports and ``clear_query_caches()`` after them),
- cached query calls (``st.cache_data``; a fresh cursor per call inside ``queries.run``) and the cached review
  (``review()``: ``review.engine.run_review`` with the sidebar filters),
- the sidebar filters, bound to the URL query string (``bind="query-params"``) so a view survives reload and can
  be shared; their options narrow to what exists for the other filters, and URL values that match nothing are
  named on the page; presentation mode (``?present=1``, pages/_slides.py),
- tables (paged, formatted, first columns pinned) with .xlsx / .csv downloads that carry their context, and charts
  with their finding as a title and a captioned PNG download, in the same style on every page,
- the page style: own CSS, and the script that puts the libraries' English words in Chinese (ui/i18n.py).

Environment: ``TARGETBOARD_DB`` (database file, default data/targetboard.duckdb), ``TARGETBOARD_SAMPLE_DIR``
(folder of the source documents, default sample_data/), ``TARGETBOARD_DATA`` (a Parquet dataset written by
``python -m ingest export --parquet DIR``: the dashboard then serves it read-only from memory, see ingest/dataset.py;
``TARGETBOARD_DATA_MODE=views`` reads the files on every query instead of holding them),
``TARGETBOARD_DUCKDB_MEMORY`` (DuckDB's memory limit for a database file, default 500MB).
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
from ingest.loader import DatabaseLockedError, DatabaseOpenError, connect, ensure_database
from review import engine as review_engine
from ui import charts, i18n, sources, state
from ui.export import CSV_MIME, XLSX_MIME, ExportContext, to_csv_bytes, to_xlsx_bytes
from ui.formatting import column_kind
from ui.limits import MAX_FILTER_OPTIONS, MAX_PAGE_CHOICES, MAX_SOURCE_FILES, PAGE_SIZE, STYLER_MAX_CELLS
from ui.privacy import mask_frame
from ui.tables import page_count, page_slice, totals_text
from ui.text import md_text

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB = ROOT / "data" / "targetboard.duckdb"
DEFAULT_SAMPLE_DIR = ROOT / "sample_data"
CACHE_TTL_SECONDS = 600


def db_path() -> Path:
    """The data: ``TARGETBOARD_DATA`` (a Parquet dataset folder), else the database file ``TARGETBOARD_DB`` or
    data/targetboard.duckdb (built from the samples if missing)."""
    return Path(os.environ.get("TARGETBOARD_DATA") or os.environ.get("TARGETBOARD_DB") or DEFAULT_DB)


def read_only_dataset() -> bool:
    """Serving a Parquet dataset (``TARGETBOARD_DATA``): nothing can be written."""
    return bool(os.environ.get("TARGETBOARD_DATA"))


def sample_dir() -> Path:
    """The folder of the source documents: ``TARGETBOARD_SAMPLE_DIR`` or sample_data/."""
    return Path(os.environ.get("TARGETBOARD_SAMPLE_DIR") or DEFAULT_SAMPLE_DIR)


PAGE_FILES = {
    "overview": "pages/overview.py",
    "funding": "pages/funding.py",
    "coverage": "pages/coverage.py",
    "satisfaction": "pages/satisfaction.py",
    "project": "pages/project.py",
    "compare": "pages/compare.py",
    "review": "pages/review.py",
    "data": "pages/data.py",
    "import": "pages/import.py",
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
    """The process's one connection, read-write. DuckDB allows one writing process (or many reading ones): the
    dashboard is that process. Every query runs on its own cursor (``queries.run``), so sessions read in parallel,
    each in its own snapshot; imports (pages/import.py) write one file per transaction on a cursor of this same
    connection, one at a time (``write_lock``), while the other sessions go on reading. With ``TARGETBOARD_DATA``
    (a Parquet dataset) the connection is an in-memory database over the dataset, which nothing writes."""
    if os.environ.get("TARGETBOARD_DATA"):
        from ingest.dataset import open_dataset

        return open_dataset(db_path, memory=os.environ.get("TARGETBOARD_DATA_MODE", "memory") != "views")
    ensure_database(db_path, sample_dir)
    con = connect(db_path)
    # DuckDB keeps what it read in its buffer pool up to its memory limit (80% of the machine by default): the
    # dashboard's share is bounded (the pages read aggregates; what does not fit is read again from the file)
    con.execute(f"SET memory_limit = '{os.environ.get('TARGETBOARD_DUCKDB_MEMORY', '500MB')}'")
    return con


_WRITE_LOCK = threading.Lock()


def connection():
    try:
        return _connection(str(db_path()), str(sample_dir()))
    except (DatabaseLockedError, DatabaseOpenError) as exc:
        st.error(exc.message_zh)
        st.stop()


@contextlib.contextmanager
def write_cursor():
    """A cursor for writing, held alone in this process (imports from two sessions queue up)."""
    with _WRITE_LOCK:
        cur = connection().cursor()
        try:
            yield cur
        finally:
            cur.close()


def clear_query_caches() -> None:
    """After new data are written: every page (in every session) queries the database again."""
    _run.clear()
    _review.clear()


@st.cache_data(ttl=CACHE_TTL_SECONDS, max_entries=512, show_spinner=False)
def _run(db_path: str, sample_dir: str, name: str, params: tuple) -> pd.DataFrame:
    return queries.run(_connection(db_path, sample_dir), name, **dict(params))


def _hashable(value: Any) -> Any:
    if isinstance(value, (list, tuple, set)):
        return tuple(value)
    return value


def document_lines(doc_id) -> tuple[str, ...]:
    """The display lines of a document as stored at load time (``()`` when the document is unknown)."""
    if doc_id is None or doc_id != doc_id:
        return ()
    frame = query("document_lines", filtered=False, doc_id=int(doc_id))
    return tuple(frame["text"].tolist())


def original_wraps(doc_id) -> bool:
    """Whether a document's original is shown with its long lines wrapped (not for text laid out by position)."""
    if doc_id is None or doc_id != doc_id:
        return True
    frame = query("document_layout", doc_id=int(doc_id))
    return sources.wrap_original(None if frame.empty else str(frame["layout"].iloc[0]))


def query(name: str, *, filtered: bool = True, **params: Any) -> pd.DataFrame:
    """Run ``queries/<name>.sql`` with the sidebar filters (unless ``filtered=False``) and ``params``."""
    connection()  # shows the error and stops the page when the database cannot be opened
    kwargs = current_filters().query_kwargs() if filtered else {}
    kwargs.update(params)
    items = tuple(sorted((k, _hashable(v)) for k, v in kwargs.items()))
    return _run(str(db_path()), str(sample_dir()), name, items)


@st.cache_data(ttl=CACHE_TTL_SECONDS, max_entries=128, show_spinner="正在汇总审核结果…")
def _review(db_path: str, sample_dir: str, what: str, filters: tuple, extra: tuple) -> Any:
    con = _connection(db_path, sample_dir)
    kwargs = {**dict(filters), **dict(extra)}
    if what == "overview":
        return review_engine.review_overview(con, **kwargs)
    if what == "findings":
        return review_engine.review_findings_page(con, **kwargs)
    return review_engine.review_grades_page(con, **kwargs)


def review(what: str, **extra: Any) -> Any:
    """The review with the sidebar filters, computed in SQL on the findings stored at load time (review.engine):
    ``review("overview", severities=…, groups=…)`` → KPI counts and the counts per rule and per place;
    ``review("findings", severities=…, groups=…, limit=…, offset=…)`` → (a page of findings, their number);
    ``review("grades", limit=…, offset=…)`` → (a page of grades, their number). Each call runs on its own cursor."""
    connection()
    kwargs = current_filters().query_kwargs()
    items = tuple(sorted((k, _hashable(v)) for k, v in kwargs.items()))
    extra_items = tuple(sorted((k, _hashable(v)) for k, v in extra.items()))
    return _review(str(db_path()), str(sample_dir()), what, items, extra_items)


# ---------------------------------------------------------------------------------------------------------------
# Filters and presentation mode (URL state)
# ---------------------------------------------------------------------------------------------------------------

_URL_MESSAGES = "url_filter_messages"


def current_filters() -> state.Filters:
    ss = st.session_state
    return state.Filters.from_mapping({key: ss.get(key) for key in state.FILTER_PARAMS})


def filter_options():
    """Query ``page_filter_options`` without filters: every value a filter can take."""
    return query("page_filter_options", filtered=False)


def place_names() -> dict[str, str]:
    """Place key (division code) -> the name shown."""
    return state.place_names(filter_options())


def describe_filters(filters: Optional[state.Filters] = None) -> str:
    """The filters in words, places by name (``筛选：青岛市 · 2023 年``)."""
    return (filters or current_filters()).describe(place_names())


def _chosen_before_widgets() -> state.Filters:
    """The filters before the widgets are drawn: the widget values of the last run, or on the first run of a
    session the raw URL values (a bound widget takes its URL value only when it is created)."""
    ss = st.session_state
    values = {}
    for key in state.FILTER_PARAMS:
        values[key] = ss.get(key) if key in ss else st.query_params.get_all(key)
    return state.Filters.from_mapping(values)


def is_presenting() -> bool:
    """Presentation mode: ``?present=1`` in the URL or the sidebar toggle (kept in the URL)."""
    if _PRESENT_KEY not in st.session_state:
        st.session_state[_PRESENT_KEY] = state.is_present(st.query_params.get_all(state.PRESENT_PARAM))
    return bool(st.session_state[_PRESENT_KEY])


def sync_present_param() -> None:
    """Keep ``present=1`` in the URL while presenting (and out of it otherwise)."""
    _sync_present_param(is_presenting())


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
    st.session_state[_URL_MESSAGES] = []


def _forget_url_messages() -> None:
    """A filter was changed: what the URL asked for no longer matters."""
    st.session_state[_URL_MESSAGES] = []


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


def _options_with(chosen: Sequence[Any], available: list) -> list:
    """The offered options: what exists for the other filters, plus what is chosen (so it can be removed)."""
    return available + [v for v in chosen if v not in available]


def filter_widgets() -> state.Filters:
    """The five filters (bound to the URL). Each offers the values that exist for the other filters; a chosen
    value that no longer fits is kept (so it can be removed) and named above the page (``filter_messages``)."""
    opts = filter_options()
    names = state.place_names(opts)
    everything = state.facet_options(opts, state.Filters())
    if _URL_MESSAGES not in st.session_state:  # first run of the session: URL values that exist nowhere
        raw = {key: st.query_params.get_all(key) for key in state.FILTER_PARAMS}
        places, ambiguous = state.resolve_places(opts, raw["jurisdiction"])  # an old link may name the place
        raw["jurisdiction"] = places
        st.session_state[_URL_MESSAGES] = ambiguous + state.unknown_values(opts, raw)
        if "jurisdiction" not in st.session_state:
            st.session_state["jurisdiction"] = [v for v in places if v in everything["jurisdiction"]]
    chosen = _chosen_before_widgets()
    facets = state.facet_options(opts, chosen)
    # chosen values stay offered (so they can be removed) when they exist at all; unknown URL values do not
    picked = {name: tuple(v for v in values if v in everything[name])
              for name, values in state.selected(chosen).items()}
    years_all = sorted(facets["year"], reverse=True)
    themes = theme_order(facets["theme"])

    # A bound widget writes its labels into the URL: the labels are the values themselves, except for places, shown
    # by name and kept in the URL by division code (the 地区 widget is not bound; _sync_places writes the URL).
    # Long lists are cut at MAX_FILTER_OPTIONS (the chosen values always stay).
    changed = _forget_url_messages
    st.selectbox("省份", [None, *_options_with(picked["province"], facets["province"])], key="province",
                 format_func=lambda v: "全部省份" if v is None else v, bind="query-params", on_change=changed)
    places = _capped(_options_with(picked["jurisdiction"], facets["jurisdiction"]), picked["jurisdiction"])
    st.multiselect("地区", places, key="jurisdiction", format_func=lambda v: names.get(v, v),
                   placeholder="全部地区", select_all=False, on_change=changed)
    _sync_places()
    st.multiselect("年度", _options_with(picked["year"], years_all), key="year", format_func=str,
                   placeholder="全部年度", bind="query-params", select_all=False, on_change=changed)
    departments = _capped(_options_with(picked["department"], facets["department"]), picked["department"])
    st.selectbox("部门", [None, *departments], key="department",
                 format_func=lambda v: "全部部门" if v is None else v, bind="query-params", on_change=changed)
    if len(places) < len(facets["jurisdiction"]) or len(departments) < len(facets["department"]):
        st.caption(f"地区或部门超过 {MAX_FILTER_OPTIONS:,} 个，只列出前 {MAX_FILTER_OPTIONS:,} 个：请先选择省份。")
    st.selectbox("项目主题", [None, *_options_with(picked["theme"], themes)], key="theme",
                 format_func=lambda v: "全部主题" if v is None else v, bind="query-params", on_change=changed)
    filters = current_filters()
    st.button("清除筛选", on_click=_clear_filters, disabled=filters.is_empty(), width="stretch", key="clear_filters")
    return filters


def _sync_places() -> None:
    """Keep the chosen places in the URL by division code (``jurisdiction=130306&jurisdiction=370200``)."""
    codes = [str(v) for v in st.session_state.get("jurisdiction") or []]
    if st.query_params.get_all("jurisdiction") != codes:
        if codes:
            st.query_params["jurisdiction"] = codes
        elif "jurisdiction" in st.query_params:
            del st.query_params["jurisdiction"]


def _capped(options: list, chosen: Sequence[Any]) -> list:
    """At most MAX_FILTER_OPTIONS options (what a page sends to the browser), the chosen ones always kept."""
    if len(options) <= MAX_FILTER_OPTIONS:
        return options
    head = options[:MAX_FILTER_OPTIONS]
    return head + [v for v in chosen if v not in head]


def sidebar_filters() -> state.Filters:
    """The shared sidebar (filters bound to the URL, presentation toggle)."""
    is_presenting()  # initialises the toggle's state from ?present=1 before the toggle is drawn
    with st.sidebar:
        st.header("筛选")
        filters = filter_widgets()
        st.divider()
        st.toggle("演示模式", key=_PRESENT_KEY, help="全屏幻灯片：每屏一张图，左右方向键翻页；链接参数 present=1")
        st.caption("筛选条件保存在网址中：复制浏览器地址栏即可分享当前视图。")
    _sync_present_param(is_presenting())
    return filters


def filter_messages() -> list[str]:
    """What the page should say about the filters: URL values that exist nowhere, and chosen values that do not
    exist together (抚宁区 + 2024)."""
    opts = filter_options()
    filters = current_filters()
    return list(st.session_state.get(_URL_MESSAGES, [])) + state.unavailable(
        filters, state.facet_options(opts, filters), state.place_names(opts))


# ---------------------------------------------------------------------------------------------------------------
# Page style (own CSS and script only, never document text)
# ---------------------------------------------------------------------------------------------------------------

BASE_CSS = """
[data-testid="stMetricValue"] { font-variant-numeric: tabular-nums; }
.st-key-project_name [data-testid="stMetricValue"] { white-space: normal; font-size: 1.75rem; line-height: 1.3; }
.st-key-project_name [data-testid="stMetricValue"] * { white-space: normal; overflow: visible;
  text-overflow: clip; }
[data-testid="stText"] { line-height: 1.65; }
[class*="st-key-chart_title_"] p { font-size: 1.1rem; font-weight: 600; line-height: 1.45; margin-bottom: 0; }
[class*="st-key-chart_title_"] { gap: 0.2rem; }
/* Phone: the heatmap becomes a list (a table with the project column pinned); small metric values */
@media (max-width: 640px) {
  [class*="st-key-wide_only"] { display: none !important; }
  [data-testid="stMetricValue"] { font-size: 1.6rem; }
  [data-testid="stMainBlockContainer"] { padding-left: 0.8rem; padding-right: 0.8rem; }
  h1 { font-size: 1.8rem !important; }
}
@media (min-width: 641px) { [class*="st-key-narrow_only"] { display: none !important; } }
"""

PRESENT_CSS = """
header[data-testid="stHeader"] { display: none !important; }
html { font-size: 18px; }
.block-container, [data-testid="stMainBlockContainer"] { max-width: 100% !important;
  padding: 0.8rem 2.2rem 0.6rem 2.2rem !important; }
.st-key-slide_bar { align-items: center; }
.st-key-slide_bar [data-testid="stMarkdownContainer"] p { margin: 0; color: #566573; }
.st-key-slide_title h1, .st-key-slide_cover h1 { padding: 0.2rem 0 0.4rem 0; }
.st-key-slide_cover { min-height: 70vh; justify-content: center; }
.st-key-slide_cover [data-testid="stText"] { font-size: 1.4rem; line-height: 1.9; }
[data-testid="stMetricValue"] { font-size: 2.1rem !important; }
"""


def page_style(present: bool) -> None:
    """Own CSS and the localisation script (ui/i18n.py); presentation mode: slides without the app header."""
    css = i18n.HIDDEN_CSS + BASE_CSS + (PRESENT_CSS if present else "")
    st.html(f"<style>{css}</style><script>{i18n.localise_js()}</script>", unsafe_allow_javascript=True)


# ---------------------------------------------------------------------------------------------------------------
# Page frame, tables, charts
# ---------------------------------------------------------------------------------------------------------------


def page_header(title: str, intro: Optional[str] = None) -> state.Filters:
    """Page title (own text), the active filters (plain text), what does not fit in them, the filters."""
    st.title(title)
    filters = current_filters()
    st.text(describe_filters(filters) + ("" if not intro else "　" + intro))
    for message in filter_messages():
        st.warning(md_text(message), icon=":material/filter_alt_off:")
    return filters


def source_files() -> tuple[list[str], int]:
    """The source documents behind the current filters (for exports and picture captions): the first
    MAX_SOURCE_FILES names and the number of files."""
    files = query("source_files", limit=MAX_SOURCE_FILES)
    n = int(files["n_files"].iloc[0]) if len(files) else 0
    return [str(s) for s in files["source_file"].dropna().tolist()], n


def export_context(title: str) -> ExportContext:
    files, n = source_files()
    if n > len(files):
        files = files + [f"等 {n:,} 个文件"]
    return ExportContext(title=title, filters=describe_filters(), sources=tuple(files))


def _column_config(df: pd.DataFrame, pinned: Sequence[str], given: Optional[dict]) -> dict:
    """Number formats as ``ui.formatting`` writes them (``2,343.65``; percentages with two decimals; counts with
    thousands separators), and the pinned first columns."""
    config: dict[str, Any] = {}
    for col in df.columns:
        kind = column_kind(col)
        numeric = pd.api.types.is_numeric_dtype(df[col]) and not pd.api.types.is_bool_dtype(df[col])
        if kind == "money" and numeric:
            config[col] = st.column_config.NumberColumn(format="%,.2f", help="显示两位小数；精确值见下载的文件")
        elif kind == "pct" and numeric:
            config[col] = st.column_config.NumberColumn(format="%.2f")
        elif numeric and pd.api.types.is_integer_dtype(df[col]) and kind == "other":
            config[col] = st.column_config.NumberColumn(format="%,d")
    for col in pinned:
        if col in df.columns:
            base = config.get(col)
            config[col] = base if base is not None else st.column_config.Column()
            config[col]["pinned"] = True
            if not pd.api.types.is_numeric_dtype(df[col]):  # a pinned label leaves room to scroll on a phone
                config[col]["width"] = config[col].get("width") or "medium"
    for col, value in (given or {}).items():
        if value is not None and col in config and isinstance(value, dict):
            value = {**config[col], **{k: v for k, v in value.items() if v is not None}}
        config[col] = value
    return config


def _page_key(key: str) -> str:
    return f"{key}_page"


def current_page(key: str, n_rows: int, page_size: int = PAGE_SIZE) -> int:
    pages = page_count(n_rows, page_size)
    page = st.session_state.get(_page_key(key), 1)
    if not isinstance(page, int) or page > pages or page < 1:
        page = 1
        st.session_state[_page_key(key)] = 1
    return page


def selected_index(key: str, page_size: int = PAGE_SIZE) -> Optional[int]:
    """The position (in the whole table) of the row selected in the table ``key`` (for selection callbacks)."""
    page = st.session_state.get(_page_key(key), 1)
    page = page if isinstance(page, int) else 1
    widget = st.session_state.get(f"{key}_p{page}")
    rows = widget.selection.rows if widget is not None and hasattr(widget, "selection") else []
    return (page - 1) * page_size + rows[0] if rows else None


def download_buttons(df: pd.DataFrame, file_stem: str, key: str) -> None:
    """.xlsx and .csv of ``df`` with their context rows (title, filters, sources, time), generated when clicked."""
    context = export_context(file_stem.replace("_", " · "))
    with st.container(horizontal=True, gap="small", key=f"downloads_{key}"):
        st.download_button("下载 Excel", data=lambda: to_xlsx_bytes(df, context, file_stem),
                           file_name=f"{file_stem}.xlsx", mime=XLSX_MIME, key=f"{key}_xlsx", on_click="ignore",
                           icon=":material/download:")
        st.download_button("下载 CSV", data=lambda: to_csv_bytes(df, context), file_name=f"{file_stem}.csv",
                           mime=CSV_MIME, key=f"{key}_csv", on_click="ignore", icon=":material/download:")


def _draw_page(part: pd.DataFrame, order: list[str], key: str, page: int, *, colors: Optional[list[str]],
               selectable: bool, on_select: Any, column_config: Optional[dict], pins: list[str],
               max_height: Optional[int]) -> Optional[int]:
    """One page of a table (masked, ids and hidden columns left out); the selected row of the page, if any."""
    part = mask_frame(part.reset_index(drop=True))
    n = len(part)
    height = 38 + 35 * max(n, 1)
    kwargs: dict[str, Any] = {"hide_index": True, "key": f"{key}_p{page}",
                              "placeholder": "–", "height": min(height, max_height) if max_height else height,
                              "column_config": _column_config(part[order], pins, column_config)}
    if selectable:
        kwargs.update(on_select=on_select, selection_mode="single-row")
    part = part[order]  # ids and hidden columns never reach the browser
    data: Any = part
    if colors is not None and part.size <= STYLER_MAX_CELLS:
        def _row_style(row: pd.Series) -> list[str]:
            color = colors[row.name] if 0 <= row.name < len(colors) else ""
            return [f"background-color: {color}; font-weight: 600" if color else ""] * len(row)

        data = part.style.apply(_row_style, axis=1)
    result = st.dataframe(data, **kwargs)
    if selectable and result is not None:
        rows = result.selection.rows if hasattr(result, "selection") else []
        return rows[0] if rows and rows[0] < n else None
    return None


def _footer(key: str, n_rows: int, page_size: int, caption: Optional[str]) -> None:
    """The page picker (a list of pages, or a number box when there are very many) and the totals."""
    pages = page_count(n_rows, page_size)
    with st.container(horizontal=True, gap="medium", vertical_alignment="center", key=f"table_foot_{key}"):
        if 1 < pages <= MAX_PAGE_CHOICES:
            st.selectbox("页", list(range(1, pages + 1)), key=_page_key(key), label_visibility="collapsed",
                         format_func=lambda p: f"第 {p} / {pages} 页（第 {(p - 1) * page_size + 1}–"
                                               f"{min(p * page_size, n_rows)} 行）", width=260)
        elif pages > MAX_PAGE_CHOICES:
            st.number_input(f"页（共 {pages:,} 页）", min_value=1, max_value=pages, step=1, key=_page_key(key),
                            width=200)
        if caption:
            st.caption(caption)


def table(df: pd.DataFrame, file_stem: str, key: str, *, hidden: Sequence[str] = (),
          highlight: Optional[Sequence[str]] = None, selectable: bool = False, on_select: Any = "ignore",
          column_config: Optional[dict] = None, downloads: bool = True, pinned: Optional[Sequence[str]] = None,
          totals: Sequence[str] = (), page_size: int = PAGE_SIZE, max_height: Optional[int] = None) -> Optional[int]:
    """A small table (at most a few hundred rows: a project's indicators, its source lines, the rules), given
    whole and shown ``page_size`` rows per page (page picker and totals of all rows below it), numbers formatted,
    the first column pinned (or ``pinned``), with its downloads (every row; columns starting with ``_`` — database
    ids — are neither shown nor downloaded). ``highlight``: a background colour per row (``""`` = none). Tables
    that can be large come from the database a page at a time: ``server_table``.

    Returns the position (in ``df``) of the selected row when ``selectable``."""
    shown = df.reset_index(drop=True)  # masked page by page here, and in full by the downloads when clicked
    order = [c for c in shown.columns if c not in hidden and not str(c).startswith("_")]
    page = current_page(key, len(shown), page_size)
    part = page_slice(shown, page, page_size)
    offset = (page - 1) * page_size
    colors = list(highlight)[offset:offset + len(part)] if highlight is not None else None
    row = _draw_page(part, order, key, page, colors=colors, selectable=selectable, on_select=on_select,
                     column_config=column_config, pins=list(pinned) if pinned is not None else order[:1],
                     max_height=max_height)
    pages = page_count(len(shown), page_size)
    summed = totals or any(column_kind(c) == "money" for c in order)
    _footer(key, len(shown), page_size,
            totals_text(shown, totals) if pages > 1 or (summed and len(shown) > 1) else None)  # small: no count
    if downloads:
        download_buttons(shown[order], file_stem, key)
    return offset + row if row is not None else None


def server_table(name: str, display: Callable[[pd.DataFrame], pd.DataFrame], file_stem: str, key: str, *,
                 params: Optional[dict] = None, totals: Optional[dict[str, str]] = None,
                 highlight: Optional[Callable[[pd.DataFrame], list[str]]] = None, selectable: bool = False,
                 on_select: Any = "ignore", column_config: Optional[dict] = None, downloads: bool = True,
                 pinned: Optional[Sequence[str]] = None, page_size: int = PAGE_SIZE,
                 count_column: str = "_n_rows") -> tuple[Optional[int], pd.DataFrame]:
    """A table of query ``name`` (with the sidebar filters and ``params``), fetched one page at a time: the query
    takes ``limit`` / ``offset`` and gives the number of rows of the whole result in ``count_column`` and sums in
    ``_sum_*`` columns (``totals``: display column -> sum column). Only the page reaches the browser; the downloads
    fetch every row when clicked. ``display`` turns query rows into the shown columns; ``highlight`` gives a colour
    per shown row. Returns (the selected row of the page, the page's query rows)."""
    params = dict(params or {})
    page = st.session_state.get(_page_key(key), 1)
    page = page if isinstance(page, int) and page >= 1 else 1
    frame = query(name, limit=page_size, offset=(page - 1) * page_size, **params)
    if frame.empty and page > 1:
        page = 1
        st.session_state[_page_key(key)] = 1
        frame = query(name, limit=page_size, offset=0, **params)
    frame = frame.reset_index(drop=True)
    n_rows = int(frame[count_column].iloc[0]) if len(frame) else 0
    shown = display(frame).reset_index(drop=True)
    order = [c for c in shown.columns if not str(c).startswith("_")]
    row = _draw_page(shown, order, key, page, colors=highlight(frame) if highlight else None, selectable=selectable,
                     on_select=on_select, column_config=column_config,
                     pins=list(pinned) if pinned is not None else order[:1], max_height=None)
    parts = [f"共 {n_rows:,} 行"]
    from ui.formatting import format_count, format_wan

    for column, sum_column in (totals or {}).items():
        if len(frame) and sum_column in frame:
            value = frame[sum_column].iloc[0]
            text = format_wan(value, unit=True) if column_kind(column) == "money" else format_count(value)
            parts.append(f"{column.removesuffix('（万元）')}合计 {text}")
    _footer(key, n_rows, page_size, "；".join(parts) if n_rows > page_size or totals else None)
    if downloads:
        full = lambda: display(query(name, limit=None, offset=0, **params))  # noqa: E731 - fetched when clicked
        server_download_buttons(full, order, file_stem, key)
    return row, frame


def paged_table(part: pd.DataFrame, n_rows: int, page: int, file_stem: str, key: str, *,
                full: Callable[[], pd.DataFrame], highlight: Optional[Sequence[str]] = None, selectable: bool = False,
                on_select: Any = "ignore", column_config: Optional[dict] = None, pinned: Optional[Sequence[str]] = None,
                caption: Optional[str] = None, page_size: int = PAGE_SIZE) -> Optional[int]:
    """A table whose page ``part`` (page ``page`` of ``n_rows`` rows, see ``current_page``) the caller fetched;
    ``full`` gives every row for the downloads (when clicked). Returns the selected row of the page."""
    shown = part.reset_index(drop=True)
    order = [c for c in shown.columns if not str(c).startswith("_")]
    row = _draw_page(shown, order, key, page, colors=list(highlight) if highlight is not None else None,
                     selectable=selectable, on_select=on_select, column_config=column_config,
                     pins=list(pinned) if pinned is not None else order[:1], max_height=None)
    _footer(key, n_rows, page_size, caption or (f"共 {n_rows:,} 行" if n_rows > page_size else None))
    server_download_buttons(full, order, file_stem, key)
    return row


def server_download_buttons(full: Callable[[], pd.DataFrame], order: list[str], file_stem: str, key: str) -> None:
    """.xlsx and .csv of every row of a server table (fetched when clicked)."""
    context = export_context(file_stem.replace("_", " · "))
    with st.container(horizontal=True, gap="small", key=f"downloads_{key}"):
        st.download_button("下载 Excel", data=lambda: to_xlsx_bytes(full()[order], context, file_stem),
                           file_name=f"{file_stem}.xlsx", mime=XLSX_MIME, key=f"{key}_xlsx", on_click="ignore",
                           icon=":material/download:")
        st.download_button("下载 CSV", data=lambda: to_csv_bytes(full()[order], context),
                           file_name=f"{file_stem}.csv", mime=CSV_MIME, key=f"{key}_csv", on_click="ignore",
                           icon=":material/download:")


def caption_lines() -> list[str]:
    """The caption under a downloaded chart picture: filters, source documents, time."""
    import datetime as dt

    files, n = source_files()
    shown = "、".join(files[:6]) + (f" 等 {n:,} 个文件" if n > 6 else "")
    return [describe_filters(), "来源：" + (shown or "—"),
            "绩效目标看板 · 生成于 " + dt.datetime.now().strftime("%Y-%m-%d %H:%M")]


def chart_title(title: str, key: str) -> None:
    """The finding above a chart, as text (it wraps on a phone; document words in it stay text)."""
    with st.container(key=f"chart_title_{key}"):
        st.markdown(md_text(title))


def chart(fig, key: str, title: str, *, on_select: Any = None, download: bool = True) -> Any:
    """A chart with its finding as the title above it, no plotly mode bar, and 下载图片: a PNG with the title and a
    caption (filters, sources, date), drawn by kaleido when clicked. Not in presentation mode (slides only show)."""
    chart_title(title, key)
    config = {"displayModeBar": False, "displaylogo": False, "responsive": True, "scrollZoom": False,
              "doubleClick": False, "locale": "zh-CN"}
    kwargs: dict[str, Any] = {"theme": None, "key": key, "config": config}
    if on_select is not None:
        kwargs.update(on_select=on_select, selection_mode="points")
    result = st.plotly_chart(fig, **kwargs)
    if download and not is_presenting():
        lines = caption_lines()
        st.download_button("下载图片", data=lambda: charts.to_png(charts.captioned(fig, title, lines)),
                           file_name=f"{key}.png", mime="image/png", key=f"{key}_png", on_click="ignore",
                           icon=":material/image:", type="tertiary")
    return result


def details(label: str, present: bool):
    """Tables go into a collapsed expander in presentation mode, else a plain container."""
    return st.expander(label, expanded=False) if present else st.container()


def _page_params(params: dict) -> dict[str, Any]:
    """URL parameters for a page switch. The filters bound to the URL are not listed: their widgets put them back on
    the next page by themselves (Streamlit refuses to set bound parameters directly); the places are listed."""
    query_params: dict[str, Any] = {state.PRESENT_PARAM: "1"} if is_presenting() else {}
    codes = [str(v) for v in st.session_state.get("jurisdiction") or []]
    if codes:
        query_params["jurisdiction"] = codes
    query_params.update({k: str(v) for k, v in params.items() if v is not None})
    return query_params


def page_link(page: str, label: str, icon: Optional[str] = None, **params: Any) -> None:
    """A link to another page with page parameters (``project=35``); filters and presentation mode stay.
    ``label`` is own text (document words in it must pass ``md_text``)."""
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
    if filter_messages():
        st.info("当前筛选下没有数据（原因见上）。请调整筛选，或点“清除筛选”。")
    else:
        st.info("当前筛选下没有数据。请放宽筛选条件，或点“清除筛选”。")
