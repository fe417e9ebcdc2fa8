"""项目明细: find a project; its rebuilt target table beside the original source lines, selected indicator marked.

URL: ``?project=<id>`` opens a project, ``&indicator=<id>`` marks an indicator's lines, ``&lines=<a>-<b>`` marks
other lines of the table (an empty indicator row found by 目标审核), ``&q=`` is the search.
"""

import streamlit as st

from pages import _shared as shared
from ui import sources, tables
from ui.formatting import format_count, format_wan, format_wan_exact, line_range
from ui.limits import MAX_SOURCE_LINES
from ui.text import md_text, plain_text

shared.require_frame()
present = shared.is_presenting()
shared.page_header("项目明细")

MARK_COLOR = "#fdebd0"

# ----------------------------------------------------------------------------------------------------------------
# Search and project list (sidebar filters apply to the list)
# ----------------------------------------------------------------------------------------------------------------

phrase = st.text_input("搜索项目或指标", key="q", bind="query-params", placeholder="例如：满意度、法律援助、调解",
                       icon=":material/search:")
hits = None
params: dict = {}
if phrase and phrase.strip():
    hits = shared.query("search", phrase=phrase.strip())
    params["ids"] = tuple(sorted(set(hits["project_id"].dropna().astype(int))))
    if not params["ids"]:
        params["ids"] = (-1,)
n_listed = shared.query("projects", limit=1, **params)
n_listed = int(n_listed["_n_rows"].iloc[0]) if len(n_listed) else 0


def _pick_project() -> None:
    row = shared.selected_index("project_list")
    ids = st.session_state.get("project_list_ids", [])
    page = st.session_state.get("project_list_page", 1)
    offset = ((page if isinstance(page, int) else 1) - 1) * shared.PAGE_SIZE
    if row is not None and 0 <= row - offset < len(ids):
        shared.set_url_param("project", ids[row - offset])
        shared.set_url_param("indicator", None)
        shared.set_url_param("lines", None)


with st.expander(f"项目列表（{n_listed:,} 个）— 点选一行打开", expanded=shared.url_int("project") is None):
    if not n_listed:
        st.info("没有符合搜索词和筛选条件的项目。")
    else:
        with st.container(key="project_list_box"):
            _, shown_rows = shared.server_table("projects", tables.projects_table, "项目列表", key="project_list",
                                                params=params, selectable=True, on_select=_pick_project,
                                                pinned=("项目",), totals={"金额（万元）": "_sum_total_wan"})
            st.session_state["project_list_ids"] = [int(v) for v in shown_rows["project_id"]]
    if hits is not None and not hits.empty:
        st.caption("搜索命中（项目名称、目标、指标；最多 200 条）")
        shared.table(tables.search_table(hits), "搜索结果", key="search_hits", pinned=("项目",))

project_id = shared.url_int("project")
if project_id is None:
    st.info("在上面的列表中点选一个项目，或从“指标覆盖”页点击热力图中的项目。")
    st.stop()

detail = shared.query("project_detail", filtered=False, project_id=project_id)
if detail.empty:
    st.warning(f"找不到这个项目（链接中的项目编号 {project_id} 不存在或已重新导入）。请在上面的列表中选择项目。")
    st.stop()
project = detail.iloc[0]
funding = shared.query("project_funding", filtered=False, project_id=project_id)
plan = shared.query("project_plan", filtered=False, project_id=project_id)
indicators = shared.query("project_indicators", filtered=False, project_id=project_id).reset_index(drop=True)
empty_slots = shared.query("project_empty_slots", filtered=False, project_id=project_id)

# ----------------------------------------------------------------------------------------------------------------
# Head: name and key numbers
# ----------------------------------------------------------------------------------------------------------------

st.divider()
cols = st.columns([3, 1, 1, 1])
with cols[0].container(key="project_name"):
    st.metric("项目", md_text(project["name"]))
cols[1].metric("资金总额（万元）", format_wan(project["total_wan"]),
               help=f"精确值：{format_wan_exact(project['total_wan'])}")
cols[2].metric("指标", format_count(project["n_indicators"]))
cols[3].metric("原文行", line_range(project["line_start"], project["line_end"]))
if bool(project.get("truncated")):
    st.warning("这张表在文件末尾被截断：只读取了文件中已有的部分，指标覆盖等统计不计入这个项目。")

indicator_id = shared.url_int("indicator")
selected = indicators[indicators["indicator_id"] == indicator_id] if indicator_id is not None else indicators.iloc[0:0]


def _url_lines(first: int, last: int) -> list[tuple[int, int]]:
    """``?lines=206-211`` (or ``206``) when inside the project's lines, as a marked range."""
    parts = str(st.query_params.get("lines") or "").split("-")
    try:
        a, b = int(parts[0]), int(parts[-1])
    except ValueError:
        return []
    return [(a, b)] if len(parts) <= 2 and first <= a <= b <= last else []


left, right = st.columns([1, 1], gap="large") if not present else (st.container(), st.container())

with left:
    st.subheader("目标表（重建）")
    shared.table(tables.project_facts(project), f"项目{project_id}_概况", key="project_facts")
    if not funding.empty:
        st.markdown("**资金来源**")
        shared.table(tables.project_funding_table(funding), f"项目{project_id}_资金来源", key="project_funding")
    if not plan.empty:
        st.markdown("**资金支出计划（累计）**")
        shared.table(tables.project_plan_table(plan), f"项目{project_id}_支出计划", key="project_plan")
    for label, column in (("年度绩效目标", "goal"), ("长期目标", "goal_long_term"), ("立项依据 / 用途", "purpose")):
        value = project.get(column)
        if isinstance(value, str) and value.strip():
            st.markdown(f"**{label}**")
            st.text(plain_text(value))
    st.markdown("**绩效指标** — 点选一行，在右侧原文中标出")
    tree = tables.indicator_tree(indicators)
    tree_ids = tree["_indicator_id"].tolist()

    def _pick_indicator() -> None:
        row = shared.selected_index(f"indicator_tree_{project_id}")
        shared.set_url_param("indicator", tree_ids[row] if row is not None and row < len(tree_ids) else None)
        shared.set_url_param("lines", None)

    tree_colors = [MARK_COLOR if i == indicator_id else "" for i in tree_ids]
    with st.container(key="indicator_box"):
        shared.table(tree, f"项目{project_id}_绩效指标", key=f"indicator_tree_{project_id}", selectable=True,
                     on_select=_pick_indicator, highlight=tree_colors, pinned=("三级指标",))
    if not empty_slots.empty:
        with st.expander(f"原表中留空的指标栏目（{len(empty_slots)} 行）"):
            st.text(plain_text("、".join(f"{r.level2 or r.level1}（第 {r.line_start} 行）"
                                         for r in empty_slots.itertuples())))

with right:
    st.subheader("原文（带行号）")
    lines_all = shared.document_lines(project["doc_id"])
    if not lines_all:
        st.warning("数据库中没有保存这份文件的原文：" + md_text(project["source_file"]))
    else:
        start, end = int(project["line_start"]), int(project["line_end"])
        marked = [(int(r.line_start), int(r.line_end)) for r in selected.itertuples()] or _url_lines(start, end)
        what = "所选指标" if not selected.empty else "审核发现的行"
        st.text(f"{project['source_file']} 第 {line_range(start, end)} 行" + ("" if not marked else
                f"；▶ 标出{what}（第 {line_range(*marked[0])} 行）"))
        if marked:
            if not selected.empty:
                sel = selected.iloc[0]
                st.text("所选指标：" + plain_text(f"{sel['name']}　{sel['value']}"))
            near = sources.source_lines(lines_all, marked[0][0], marked[0][1], marked, context=3)
            st.code(sources.numbered_text(near), language=None, wrap_lines=shared.original_wraps(project["doc_id"]))
        lines = sources.source_lines(lines_all, start, min(end, start + MAX_SOURCE_LINES - 1), marked)
        colors = [MARK_COLOR if m else "" for m in lines[sources.COL_MARK]]
        shared.table(lines, f"项目{project_id}_原文第{start}-{end}行", key="source_lines", highlight=colors,
                     page_size=MAX_SOURCE_LINES, max_height=640 if not present else 520, pinned=(),
                     column_config={sources.COL_MARK: st.column_config.TextColumn(width=30),
                                    sources.COL_LINE: st.column_config.NumberColumn(width=60, format="%d"),
                                    sources.COL_TEXT: st.column_config.TextColumn(width="large")})
        with st.expander("纯文本视图"):
            st.code(sources.numbered_text(lines), language=None, wrap_lines=shared.original_wraps(project["doc_id"]))

with shared.links():
    shared.page_link("coverage", "← 指标覆盖", icon=":material/grid_on:")
    shared.page_link("compare", f"「{md_text(project['theme'])}」跨地区对比 →", icon=":material/compare_arrows:",
                     compare_theme=project["theme"])
