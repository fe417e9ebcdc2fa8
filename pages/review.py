"""目标审核: the review of review/rules.json on the filtered tables — counts, where the problems are, grades per
table, every finding with its original lines; a finding opens 项目明细 with the offending row marked (▶).

URL: ``?severity=错误`` (repeatable: 错误 / 警告 / 提示) and ``?rule_group=资金`` (repeatable) filter the findings;
the KPI cards and the grades always count every finding, as the CLI does (``python -m ingest review --severity``).
"""

import zlib

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from pages import _shared as shared
from review.engine import (
    DEPARTMENT_UNIT_NAME,
    GRADES,
    GROUPS,
    SCOPE_ZH,
    SEVERITIES,
    SEVERITY_ZH,
    ReviewError,
    RuleConfigError,
    load_rules,
)
from review.report import build_report
from ui import charts, sources
from ui.export import XLSX_MIME
from ui.formatting import jurisdiction_year, line_range
from ui.privacy import mask_phones

shared.require_frame()
present = shared.is_presenting()
filters = shared.page_header("目标审核", "（按审核规则逐条检查每张绩效目标表，规则见 docs/review_rules.md）")

SEVERITY_COLORS = {"error": "#c0392b", "warning": "#f39c12", "info": "#85929e"}
ROW_COLORS = {"error": "#fadbd8"}
GRADE_COLORS = {"差": "#fadbd8"}
FINDING_WIDTHS = {name: st.column_config.Column(width=px) for name, px in (
    ("严重程度", 64), ("问题", 190), ("地区", 56), ("年度", 48), ("项目", 170), ("具体情况", 360), ("三级指标", 140),
    ("指标值", 90), ("原文行号", 70))}


# ----------------------------------------------------------------------------------------------------------------
# Reshaping (no Streamlit): display tables, chart titles that state the finding, charts
# ----------------------------------------------------------------------------------------------------------------


def _table_name(scope, name) -> str:
    return DEPARTMENT_UNIT_NAME if scope == "department" else name


def findings_table(f: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        "严重程度": f["severity"].map(SEVERITY_ZH),
        "问题": f["title"],
        "地区": f["jurisdiction"],
        "年度": f["fiscal_year"],
        "项目": [_table_name(s, n) for s, n in zip(f["scope"], f["project_name"])],
        "具体情况": f["message"],
        "三级指标": f["indicator_name"],
        "指标值": f["indicator_value"],
        "原文行号": [line_range(a, b) for a, b in zip(f["line_start"], f["line_end"])],
        "类别": f["group"],
        "规则编号": f["rule_id"],
        "项目编号": f["project_id"],
        "指标编号": f["indicator_id"],
    }).reset_index(drop=True)


def grades_table(g: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        "地区": g["jurisdiction"],
        "年度": g["fiscal_year"],
        "表": g["scope"].map(SCOPE_ZH),
        "序号": g["project_sequence"].where(g["scope"] == "project"),
        "项目": [_table_name(s, n) for s, n in zip(g["scope"], g["project_name"])],
        "预算（万元）": g["total_wan"],
        "得分": g["score"].map(lambda v: int(v) if float(v).is_integer() else round(float(v), 1)),
        "评级": g["grade"],
        "错误": g["n_error"],
        "警告": g["n_warning"],
        "提示": g["n_info"],
        "问题合计": g["n_findings"],
        "原文行号": [line_range(a, b) for a, b in zip(g["line_start"], g["line_end"])],
        "项目编号": g["project_id"],
    }).reset_index(drop=True)


def title_by_rule(f: pd.DataFrame) -> str:
    if f.empty:
        return "当前筛选下没有发现问题"
    counts = f["title"].value_counts()
    top, n = counts.index[0], int(counts.iloc[0])
    if len(counts) == 1:
        return f"{len(f)} 条问题都是：{top}"
    tied = counts[counts == n].index.tolist()
    if len(tied) > 3:
        return f"{len(tied)} 类问题并列最多，各 {n} 条"
    if len(tied) > 1:
        return f"最常见的问题：{'、'.join(tied)}（各 {n} 条）"
    return f"最常见的问题：{top}（{n} 条，占 {100 * n / len(f):.0f}%）"


def title_by_place(f: pd.DataFrame) -> str:
    if f.empty:
        return "当前筛选下没有发现问题"
    labels = pd.Series([jurisdiction_year(j, y) for j, y in zip(f["jurisdiction"], f["fiscal_year"])])
    counts = labels.value_counts()
    top, n = counts.index[0], int(counts.iloc[0])
    errors = int(((labels == top) & (f["severity"] == "error").to_numpy()).sum())
    detail = f"，其中错误 {errors} 条" if errors else ""
    if len(counts) == 1:
        return f"{top}：{n} 条问题{detail}"
    if int(counts.iloc[1]) == n:
        return f"{'、'.join(counts[counts == n].index)} 的问题并列最多，各 {n} 条"
    return f"{top} 的问题最多：{n} 条{detail}"


def _severity_bars(fig: go.Figure, counts: pd.DataFrame, column: str, labels: list[str]) -> None:
    """Horizontal bars stacked by severity (``counts``: ``column``, ``severity``, ``n``), the total at the end."""
    ys = [charts.plot_text(v) for v in labels]
    totals = [0] * len(labels)
    for severity in SEVERITIES:
        part = counts[counts["severity"] == severity].set_index(column)["n"]
        values = [int(part.get(label, 0)) for label in labels]
        if not any(values):
            continue
        totals = [t + v for t, v in zip(totals, values)]
        fig.add_bar(y=ys, x=values, orientation="h", name=SEVERITY_ZH[severity], marker_color=SEVERITY_COLORS[severity],
                    hovertemplate="%{y}<br>" + SEVERITY_ZH[severity] + "：%{x} 条<extra></extra>")
    for y, total in zip(ys, totals):
        fig.add_annotation(x=total, y=y, text=f"{total}", showarrow=False, xanchor="left", xshift=4)
    fig.update_layout(barmode="stack", bargap=0.3, showlegend=True, legend={"traceorder": "normal"})
    fig.update_yaxes(categoryorder="array", categoryarray=ys, autorange="reversed", ticklabelstandoff=8)
    top = max(totals, default=1)
    fig.update_xaxes(range=[0, top * 1.08 + 1], dtick=1 if top <= 8 else None)


def _chart_by(f: pd.DataFrame, column: str, title: str, present: bool, base: int, per_row: int) -> go.Figure:
    """Findings per value of ``column``, stacked by severity, most first."""
    counts = f.groupby([column, "severity"]).size().rename("n").reset_index()
    order = f[column].value_counts().index.tolist()
    fig = go.Figure()
    _severity_bars(fig, counts, column, order)
    return charts.style(fig, title, present, charts.chart_height(present, base, len(order), per_row),
                        x_title="问题（条）", legend_title="严重程度")


def chart_by_rule(f: pd.DataFrame, present: bool) -> go.Figure:
    return _chart_by(f, "title", title_by_rule(f), present, 240, 30)


def chart_by_place(f: pd.DataFrame, present: bool) -> go.Figure:
    f = f.assign(label=[jurisdiction_year(j, y) for j, y in zip(f["jurisdiction"], f["fiscal_year"])])
    return _chart_by(f, "label", title_by_place(f), present, 220, 44)


# ----------------------------------------------------------------------------------------------------------------
# Page
# ----------------------------------------------------------------------------------------------------------------

try:
    ruleset = load_rules()
    findings, grades = shared.review()
except (RuleConfigError, ReviewError) as exc:
    st.error(f"审核规则出错，无法审核：{exc}")
    st.stop()
if grades.empty:
    shared.no_data()
    st.stop()

by_severity = findings["severity"].value_counts()
by_grade = grades["grade"].value_counts()
n_projects = int((grades["scope"] == "project").sum())
cols = st.columns(4)
cols[0].metric("问题", str(len(findings)), border=True,
               help=f"审核了 {len(grades)} 张表：项目 {n_projects} 张，部门整体 {len(grades) - n_projects} 张")
cols[1].metric("错误", str(int(by_severity.get("error", 0))), border=True)
cols[2].metric("警告", str(int(by_severity.get("warning", 0))), border=True,
               help=f"另有提示 {int(by_severity.get('info', 0))} 条")
cols[3].metric("评级为差的表", f"{int(by_grade.get('差', 0))} / {len(grades)}", border=True)
grading = ruleset.grading
st.text("评级：" + " · ".join(f"{g} {int(by_grade.get(g, 0))}" for g in GRADES)
        + f"（每张表从 {grading.start:g} 分起算，错误扣 {grading.penalty['error']:g} 分、"
          f"警告扣 {grading.penalty['warning']:g} 分、提示扣 {grading.penalty['info']:g} 分；"
          f"有错误的表最高为“{grading.error_cap}”）")

with st.container(horizontal=True, gap="medium", vertical_alignment="bottom"):
    severities = st.segmented_control(
        "严重程度", list(SEVERITIES), selection_mode="multi", default=list(SEVERITIES), key="severity",
        bind="query-params", format_func=SEVERITY_ZH.get)  # the URL holds the label: ?severity=错误
    groups = st.segmented_control("规则类别", list(GROUPS), selection_mode="multi", default=list(GROUPS),
                                  key="rule_group", bind="query-params")
shown = findings[findings["severity"].isin(severities or SEVERITIES) & findings["group"].isin(groups or GROUPS)]
shown = shown.reset_index(drop=True)

st.download_button("下载审核报告（Excel）", data=lambda: build_report(shown, grades), file_name="目标审核报告.xlsx",
                   mime=XLSX_MIME, key="review_report", on_click="ignore", icon=":material/download:", type="primary",
                   help="审核意见（当前所列问题，附修改说明）、项目评级（全部表）、规则说明三张工作表")

if shown.empty:
    st.info("当前筛选下没有发现问题。" if findings.empty else "所选严重程度和规则类别下没有问题。")
else:
    shared.chart(chart_by_rule(shown, present), key="review_by_rule")
    shared.chart(chart_by_place(shown, present), key="review_by_place")

# Findings: selecting a row shows its original lines here and links to 项目明细 with the row marked.
with shared.details(f"审核意见（{len(shown)} 条）", present):
    st.subheader(f"审核意见（{len(shown)} 条）")
    if not shown.empty:
        st.caption("点选一行，在下面查看该问题的原文（▶ 标出所在行），并可在项目明细中打开。")
        table = findings_table(shown)
        # the key follows the view, so that a selection never points at a row of another filter
        view = repr((filters, tuple(severities or ()), tuple(groups or ())))
        with st.container(key="review_findings_box"):
            selection = shared.table(
                table, "目标审核_审核意见", key=f"review_findings_{zlib.crc32(view.encode())}",
                hidden=("类别", "规则编号", "项目编号", "指标编号"), selectable=True, on_select="rerun",
                highlight=[ROW_COLORS.get(s, "") for s in shown["severity"]], height=min(420, 38 + 35 * len(table)),
                column_config=FINDING_WIDTHS)
        rows = selection.selection.rows if selection is not None else []
        if rows and rows[0] < len(shown):
            f = shown.iloc[rows[0]]
            label = jurisdiction_year(f["jurisdiction"], f["fiscal_year"])
            name = _table_name(f["scope"], f["project_name"])
            st.markdown("**所选问题**")
            st.text(mask_phones(f"【{SEVERITY_ZH[f['severity']]}】{f['title']}：{f['message']}"))
            where = f"{f['source_file']} 第 {line_range(f['line_start'], f['line_end'])} 行"
            st.text(mask_phones(f"{label} · {name} · {where}"))
            docs = shared.query("documents", filtered=False)
            doc = docs[docs["doc_id"] == f["doc_id"]]
            encoding = str(doc.iloc[0]["encoding"] or "utf-8") if not doc.empty else "utf-8"
            path = sources.resolve_source(f["source_file"], shared.source_dirs())
            start = int(f["line_start"]) if pd.notna(f["line_start"]) else 0
            end = int(f["line_end"]) if pd.notna(f["line_end"]) else start
            if path is None or pd.isna(f["line_start"]):
                st.warning("找不到原文文件：" + str(f["source_file"]))
            elif f["anchor"] == "table":
                st.text("这条问题针对整张表，下面是该表的全部原文行。")
                lines = sources.source_lines(path, start, end, (), encoding)
                st.dataframe(lines, hide_index=True, height=320, key="review_source_table",
                             column_config={sources.COL_MARK: None,
                                            sources.COL_LINE: st.column_config.NumberColumn(width=60, format="%d"),
                                            sources.COL_TEXT: st.column_config.TextColumn(width="large")})
            else:
                near = sources.source_lines(path, start, end, [(start, end)], encoding, context=3)
                st.code(sources.numbered_text(near), language=None, wrap_lines=True)
            if pd.notna(f["project_id"]):
                marks = {"indicator": int(f["indicator_id"])} if pd.notna(f["indicator_id"]) else {}
                if f["anchor"] == "empty_row":
                    marks = {"lines": f"{start}-{end}"}
                shared.page_link("project", "在项目明细中打开" + ("（▶ 标出该行）" if marks else "") + " →",
                                 icon=":material/description:", project=int(f["project_id"]), **marks)
            else:
                st.caption("部门整体支出绩效目标表没有项目明细页，原文见上。")

with shared.details("项目评级", present):
    st.subheader(f"项目评级（{len(grades)} 张表）")
    gtable = grades_table(grades)
    shared.table(gtable, "目标审核_项目评级", key="review_grades", hidden=("项目编号",),
                 highlight=[GRADE_COLORS.get(g, "") for g in gtable["评级"]], height=min(420, 38 + 35 * len(gtable)))
    st.caption("规则和评级方法见 docs/review_rules.md；下载的审核报告另附“规则说明”工作表。")
