"""目标审核: the review of review/rules.json on the filtered tables — counts, where the problems are, grades per
table, every finding with its original lines; a finding opens 项目明细 with the offending rows marked (▶).

URL: ``?severity=错误`` (repeatable: 错误 / 警告 / 提示) and ``?rule_group=资金`` (repeatable) filter the findings;
the KPI cards follow every filter (sidebar, severity, rule group). Grades are per table and count every finding.
"""

import pandas as pd
import streamlit as st

from pages import _figures as figures
from pages import _shared as shared
from review.engine import GRADES, GROUPS, SEVERITIES, SEVERITY_ZH, ReviewError, RuleConfigError, load_rules
from review.report import build_report
from ui import review_view, sources
from ui.export import XLSX_MIME
from ui.formatting import format_count, jurisdiction_year, line_range, place_of
from ui.limits import PAGE_SIZE
from ui.text import md_text, plain_text

shared.require_frame()
present = shared.is_presenting()
filters = shared.page_header("目标审核", "（按审核规则逐条检查每张绩效目标表，规则见本页末尾）")

ROW_COLORS = {"error": "#fadbd8"}
GRADE_COLORS = {"差": "#fadbd8"}
FINDING_WIDTHS = {name: st.column_config.Column(width=px) for name, px in (
    ("严重程度", 64), ("问题", 190), ("地区", 56), ("年度", 48), ("项目", 170), ("具体情况", 360), ("三级指标", 140),
    ("指标值", 90), ("原文行号", 70))}

try:
    ruleset = load_rules()
    everything = shared.review("overview")
except (RuleConfigError, ReviewError) as exc:
    st.error(f"审核规则出错，无法审核：{md_text(exc)}")
    st.stop()
if not everything["tables"]:
    shared.no_data()
    st.stop()
if not everything["current"]:
    st.warning("审核规则在导入数据之后有改动：本页的审核结果是现算的（数据多时较慢）；重新启动看板或重新导入后会预先算好。")

with st.container(horizontal=True, gap="medium", vertical_alignment="bottom"):
    severities = st.segmented_control(
        "严重程度", list(SEVERITIES), selection_mode="multi", default=list(SEVERITIES), key="severity",
        bind="query-params", format_func=SEVERITY_ZH.get)  # the URL holds the label: ?severity=错误
    groups = st.segmented_control("规则类别", list(GROUPS), selection_mode="multi", default=list(GROUPS),
                                  key="rule_group", bind="query-params")
chosen = {"severities": tuple(severities or SEVERITIES), "groups": tuple(groups or GROUPS)}
everyone = chosen == {"severities": tuple(SEVERITIES), "groups": tuple(GROUPS)}
k = everything if everyone else shared.review("overview", **chosen)  # the same counts: computed once

cols = st.columns(4)
cols[0].metric("问题", format_count(k["findings"]), border=True,
               help=f"涉及 {k['tables_with_findings']} 张表；共审核 {k['tables']} 张表")
cols[1].metric("错误", format_count(k["error"]), border=True)
cols[2].metric("警告", format_count(k["warning"]), border=True, help=f"另有提示 {k['info']} 条")
cols[3].metric("评级为差的表", f"{k['poor']} / {k['tables']}", border=True)
grading = ruleset.grading
st.text("评级：" + " · ".join(f"{g} {k['by_grade'][g]}" for g in GRADES)
        + f"（每张表从 {grading.start:g} 分起算，错误扣 {grading.penalty['error']:g} 分、"
          f"警告扣 {grading.penalty['warning']:g} 分、提示扣 {grading.penalty['info']:g} 分；"
          f"有错误的表最高为“{grading.error_cap}”；评级按每张表的全部问题计算）")

context = shared.export_context("目标审核报告")


def _report() -> bytes:
    """The whole report (every finding shown, every grade), built when the button is clicked."""
    found, _ = shared.review("findings", **chosen)
    grades, _ = shared.review("grades")
    return build_report(found, grades, context=context)


st.download_button("下载审核报告（Excel）", data=_report, file_name="目标审核报告.xlsx", mime=XLSX_MIME,
                   key="review_report", on_click="ignore", icon=":material/download:", type="primary",
                   help="审核意见（当前所列问题，附修改说明）、项目评级（全部表）、规则说明三张工作表")

if not k["findings"]:
    st.info("当前筛选下没有发现问题。" if not everything["findings"] else "所选严重程度和规则类别下没有问题。")
else:
    figures.show(figures.review_by_rule(k, present), "review_by_rule")
    figures.show(figures.review_by_place(k, present), "review_by_place")


def _marked_rows(f: pd.Series, lines: tuple) -> list[tuple[int, int]]:
    """The rows a table-level finding is about (plan rows, funding rows, …) in the table's lines."""
    start, end = int(f["line_start"]), int(f["line_end"])
    periods, values, labels = [], [], []
    if pd.notna(f["project_id"]):
        plan = shared.query("project_plan", filtered=False, project_id=int(f["project_id"]))
        periods = plan["period"].dropna().tolist()
        values = [v for v in pd.concat([plan["value"], plan["value_wan"], plan["value_pct"]]).dropna()]
        funding = shared.query("project_funding", filtered=False, project_id=int(f["project_id"]))
        labels = funding["funding_source"].dropna().tolist()
    return sources.finding_rows(lines, start, end, str(f["rule_id"]), plan_periods=periods, plan_values=values,
                                funding_labels=labels)


# Findings: selecting a row shows its original lines here and links to 项目明细 with the rows marked.
with shared.details(f"审核意见（{k['findings']} 条）", present):
    st.subheader(f"审核意见（{format_count(k['findings'])} 条）")
    if k["findings"]:
        st.caption("按严重程度、地区和原文顺序排列。点选一行，在下面查看该问题的原文（▶ 标出所在行），"
                   "并可在项目明细中打开。")
        page = shared.current_page("review_findings", k["findings"])
        shown, n_shown = shared.review("findings", limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE,
                                       total=k["findings"], **chosen)  # the count: the overview's
        with st.container(key="review_findings_box"):
            picked = shared.paged_table(review_view.findings_table(shown), n_shown, page, "目标审核_审核意见",
                                        key="review_findings", selectable=True, on_select="rerun",
                                        highlight=[ROW_COLORS.get(s, "") for s in shown["severity"]],
                                        column_config=FINDING_WIDTHS, pinned=("严重程度",),
                                        full=lambda: review_view.findings_table(
                                            shared.review("findings", **chosen)[0]))
        if picked is not None:
            f = shown.iloc[picked]
            label = jurisdiction_year(place_of(f), f["fiscal_year"])
            name = review_view.table_name(f["scope"], f["project_name"])
            st.markdown("**所选问题**")
            st.text(plain_text(f"【{SEVERITY_ZH[f['severity']]}】{f['title']}：{f['message']}"))
            where = f"{f['source_file']} 第 {line_range(f['line_start'], f['line_end'])} 行"
            st.text(plain_text(f"{label} · {name} · {where}"))
            lines = shared.document_lines(f["doc_id"])
            start = int(f["line_start"]) if pd.notna(f["line_start"]) else 0
            end = int(f["line_end"]) if pd.notna(f["line_end"]) else start
            marks: dict = {}
            if not lines or pd.isna(f["line_start"]):
                st.warning("数据库中没有保存这份文件的原文：" + md_text(f["source_file"]))
            elif f["anchor"] == "table":
                rows = _marked_rows(f, lines)
                if rows:
                    a, b = rows[0][0], rows[-1][1]
                    st.text(f"这条问题针对整张表（第 {line_range(start, end)} 行）；"
                            f"▶ 标出它所指的行（第 {line_range(a, b)} 行）。")
                    near = sources.source_lines(lines, a, b, rows, context=3)
                    marks = {"lines": f"{a}-{b}"}
                else:
                    st.text(f"这条问题针对整张表（第 {line_range(start, end)} 行），下面是该表开头的原文。")
                    near = sources.source_lines(lines, start, min(end, start + 20), ())
                st.code(sources.numbered_text(near), language=None, wrap_lines=shared.original_wraps(f["doc_id"]))
            else:
                near = sources.source_lines(lines, start, end, [(start, end)], context=3)
                st.code(sources.numbered_text(near), language=None, wrap_lines=shared.original_wraps(f["doc_id"]))
                if pd.notna(f["indicator_id"]):
                    marks = {"indicator": int(f["indicator_id"])}
                if f["anchor"] == "empty_row":
                    marks = {"lines": f"{start}-{end}"}
            if pd.notna(f["project_id"]):
                shared.page_link("project", "在项目明细中打开" + ("（▶ 标出该行）" if marks else "") + " →",
                                 icon=":material/description:", project=int(f["project_id"]), **marks)
            else:
                st.caption("部门整体支出绩效目标表没有项目明细页，原文见上。")

with shared.details("项目评级", present):
    st.subheader(f"项目评级（{format_count(k['tables'])} 张表）")
    page = shared.current_page("review_grades", k["tables"])
    grades, n_grades = shared.review("grades", limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
    gtable = review_view.grades_table(grades)
    shared.paged_table(gtable, n_grades, page, "目标审核_项目评级", key="review_grades", pinned=("地区",),
                       highlight=[GRADE_COLORS.get(g, "") for g in gtable["评级"]],
                       full=lambda: review_view.grades_table(shared.review("grades")[0]),
                       caption=f"共 {n_grades:,} 行；问题合计 {everything['findings']:,}")

with st.expander("审核规则说明"):
    st.caption("下载的审核报告另附“规则说明”工作表。")
    rules = pd.DataFrame([(r.group, SEVERITY_ZH[r.severity], r.title, r.explanation) for r in ruleset.rules],
                         columns=["类别", "严重程度", "规则", "说明"])
    shared.table(rules, "目标审核_规则说明", key="review_rules", downloads=False, pinned=("规则",),
                 column_config={"说明": st.column_config.TextColumn(width="large")})
