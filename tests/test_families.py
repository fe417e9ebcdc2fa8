"""One small test per text layout family and per reading quirk: a few lines each, values read off the snippet.

The snippets are cut from the real documents in shared/corpus (the file is named in each test) or written in
the form every target table shares; whole documents are checked in test_corpus.py and test_samples.py.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from ingest.parse import parse_bytes
from ingest.readers import read_grid
from ingest.readers.families import run_together
from ingest.values import read_value
from tests.helpers import ROOT, squash


def read(text: str, name: str = "snippet.txt"):
    return parse_bytes(name, text.encode("utf-8"))


def rows(document, target_set: str = "annual"):
    return [(i.level1, i.level2, squash(i.name), squash(i.value)) for p in document.projects for i in p.indicators
            if i.target_set == target_set]


# --- pipe rows, markdown, one cell per line ending in | ---------------------------------------------------------
PIPE_ROWS = """2022年度项目支出绩效自评表 | 部门:临沧市永德县明朗中学 |
| 项目名称 | 义务教育营养改善计划专项资金 | 主管部门 | 永德县教育体育局 | 项目资金 (元) |
| 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 | 年度资金总额 |
| 387664.62 | 387664.62 | 10 | 100% | 10 | 其中:当年财政 拨款 |
| 387664.62 | 387664.62 | — |
|
{HEADER_AND_FIRST_ROW}
| 质量指标 | 营养改善计划覆盖率 | ≧ | 100 | % | 100% | 10 | 10 |
| 效益指标 | 经济效益 指标 | 减轻贫困学生家庭经济负担 |
| 有效 |
| 有效 | 10 | 10 |
| 满意度指标 | 服务对象满意度指标等 | 学生满意度 | ≧ | 95 | % | 100% | 10 | 10 |
| 其他需要说明事项 | 无 | 总分 | 100 | 96 | 优 |
""".format(HEADER_AND_FIRST_ROW="| 绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 "
           "| 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 "
           "| 产出指标 | 数量指标 | 学生受资助人数 | ≧ | 735 | 人次 | 735 | 10 | 10 |")


def test_pipe_rows_two_header_rows_operator_number_unit_and_self_evaluation():
    # shared/corpus 02 (Yongde): the header's two rows flattened into one line, 指标性质/指标值/度量单位 in
    # separate columns, 实际完成值/分值/得分 after them; amounts in 元; the value 有效 on a line of its own.
    document = read(PIPE_ROWS)
    assert document.layout == "markdown"
    project = document.projects[0]
    assert project.name == "义务教育营养改善计划专项资金"
    assert project.total_wan == pytest.approx(38.766462)  # 387664.62 元
    assert project.self_evaluation and not project.truncated
    assert rows(document) == [
        ("产出指标", "数量指标", "学生受资助人数", "≧735人次"),
        ("产出指标", "质量指标", "营养改善计划覆盖率", "≧100%"),
        ("效益指标", "经济效益指标", "减轻贫困学生家庭经济负担", "有效"),
        ("满意度指标", "服务对象满意度指标", "学生满意度", "≧95%"),
    ]
    first = project.indicators[0]
    assert (first.target.op, first.target.number, first.target.unit) == (">=", 735.0, "人次")
    assert (first.actual, first.weight, first.score) == ("735", 10.0, 10.0)


def test_pipe_rows_without_a_frame_keep_an_empty_first_cell():
    # shared/corpus 10 (省残联) in rows that do not begin with |: a leading | closes an empty level cell, and a row
    # of one filled cell in the table's usual cells keeps its column (a name with no value, not the value above)
    text = ("项目名称 | 残疾人事业发展补助资金 |  |  |\n项目资金(万元) | 年度资金总额 | 4623 |  |\n"
            "一级指标 | 二级指标 | 三级指标 | 指标值 |\n产出指标 | 数量指标 | 补助人数 | ≥100人 |\n"
            " | 质量指标 | 精神病患者服药率 |  |\n满意度指标 | 服务对象满意度指标 | 服务对象托养残疾人满意程度 |  |\n"
            " |  | 接受创业扶持补助的残疾人满意度 |  |\n")
    document = read(text)
    assert document.layout == "pipe_rows"
    assert rows(document) == [("产出指标", "数量指标", "补助人数", "≥100人"),
                              ("产出指标", "质量指标", "精神病患者服药率", ""),
                              ("满意度指标", "服务对象满意度指标", "服务对象托养残疾人满意程度", ""),
                              ("满意度指标", "服务对象满意度指标", "接受创业扶持补助的残疾人满意度", "")]


def test_unframed_pipe_rows_mostly_under_merged_levels_keep_their_empty_first_cells():
    # corpus 19's self-evaluation rows, most of them under merged level cells (begun by | ): the framing that gives
    # every row the same cells is read — a leading | closes a blank cell however many rows begin with one — so
    # every name stands in the 三级指标 column and every completion value in 完成值
    text = ("项目名称 | 药品监管 |  |  |  |\n一级指标 | 二级指标 | 三级指标 | 指标值 | 完成值 |\n"
            "产出指标 | 数量指标 | 指标1.药品抽验品种 | ≥3 | 4 |\n |  | 指标2.化妆品抽验批次 | ≥3 | 7 |\n"
            " |  | 指标4.药品监管企业数 | ≥124 | 253 |\n | 质量指标 | 指标1.药品抽检完成率 | 100% | 100% |\n"
            " |  | 指标4.不合格产品处置率 |  |  |\n |  | 指标8.培训人员覆盖率 | 100% | 100% |\n")
    grid = read_grid("snippet.txt", text.encode("utf-8"), ".txt")
    assert grid.family == "pipe_rows"
    names = [c for row in grid.rows for c in row.cells if c.text.strip()[:3] in ("指标1", "指标2", "指标4", "指标8")]
    assert [c.col for c in names] == [2] * 6
    document = read(text)
    assert rows(document) == [("产出指标", "数量指标", "指标1.药品抽验品种", "≥3"),
                              ("产出指标", "数量指标", "指标2.化妆品抽验批次", "≥3"),
                              ("产出指标", "数量指标", "指标4.药品监管企业数", "≥124"),
                              ("产出指标", "质量指标", "指标1.药品抽检完成率", "100%"),
                              ("产出指标", "质量指标", "指标4.不合格产品处置率", ""),
                              ("产出指标", "质量指标", "指标8.培训人员覆盖率", "100%")]
    assert [i.actual for i in document.projects[0].indicators] == ["4", "7", "253", "100%", None, "100%"]


def test_unframed_pipe_rows_under_fields_as_wide_as_a_misread_row():
    # corpus 30's self-evaluation form (fields four cells wide, indicator rows five): a row begun by | has as many
    # cells as the row begun by text above it only when its leading | closes a blank cell
    text = ("项目名称 | 村级补助及运转经费 |  |  |\n"
            "主管部门 | 219-池州市贵池区棠溪镇人民政府 | 实施单位 | 219001-池州市贵池区棠溪镇人民政府 |\n"
            "项目资金(万元) | 年度资金总额 | 0 |  |\n | 其中:本年财政拨款 | 202.64 |  |\n"
            "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 |\n"
            "产出指标(50分) | 数量指标 | 补助村(社区)数量 | =8个 | 8 |\n |  | 保障村干部人数 | =42个 | 42 |\n"
            " | 质量指标 | 补助资格合规性 | 合规 | 达成预期指标 |\n"
            " |  | 经费审批流程规范性 | 严格执行相关制度规定 | 达成预期指标 |\n"
            " | 时效指标 | 补助经费到位及时性 | 及时 | 达成预期指标 |\n")
    document = read(text)
    assert document.layout == "pipe_rows"
    assert rows(document) == [("产出指标", "数量指标", "补助村(社区)数量", "=8个"),
                              ("产出指标", "数量指标", "保障村干部人数", "=42个"),
                              ("产出指标", "质量指标", "补助资格合规性", "合规"),
                              ("产出指标", "质量指标", "经费审批流程规范性", "严格执行相关制度规定"),
                              ("产出指标", "时效指标", "补助经费到位及时性", "及时")]
    assert [i.actual for i in document.projects[0].indicators] == ["8", "42"] + ["达成预期指标"] * 3


def test_rows_separated_by_full_width_bars():
    text = ("项目名称｜法治宣传经费｜\n年度资金总额｜10.4｜\n一级指标｜二级指标｜三级指标｜指标值｜\n"
            "产出指标｜数量指标｜法治文艺演出场次｜=2场｜\n｜质量指标｜宣传区域覆盖率｜100%｜\n")
    document = read(text)
    assert document.layout == "pipe_rows"
    assert [(p.name, p.total_wan) for p in document.projects] == [("法治宣传经费", 10.4)]
    assert rows(document) == [("产出指标", "数量指标", "法治文艺演出场次", "=2场"),
                              ("产出指标", "质量指标", "宣传区域覆盖率", "100%")]
    assert document.lines[0] == "项目名称｜法治宣传经费｜"  # shown as printed


def test_level_labels_printed_without_their_suffix():
    # 产出 / 数量 / 成本 / 经济成本 / 满意度 for 产出指标 / 数量指标 / …: the canonical levels, the labels as printed
    text = ("项目名称\t法律职业资格考试费\n年度资金总额\t12\n一级指标\t二级指标\t三级指标\t指标值\n"
            "产出\t数量\t组织考试次数\t2次\n成本\t经济成本\t考场机位费使用费控制数\t≤80元\n"
            "满意度\t服务对象满意度\t考生满意度\t≥90%\n")
    document = read(text)
    assert rows(document) == [("产出指标", "数量指标", "组织考试次数", "2次"),
                              ("成本指标", "经济成本指标", "考场机位费使用费控制数", "≤80元"),
                              ("满意度指标", "服务对象满意度指标", "考生满意度", "≥90%")]
    assert [i.level2_raw for i in document.projects[0].indicators] == ["数量", "经济成本", "服务对象满意度"]


def test_one_row_per_indicator_with_the_project_repeated_in_text_rows():
    # an export saved as text: the project's columns repeated on every indicator's row, read as two forms
    text = ("项目名称\t年度资金总额\t一级指标\t二级指标\t三级指标\t指标值\n"
            "法治宣传经费\t10.4\t产出指标\t数量指标\t法治文艺演出场次\t=2场\n"
            "法治宣传经费\t10.4\t满意度指标\t服务对象满意度指标\t普法宣传对象满意度\t≥80%\n"
            "人民调解经费\t11\t产出指标\t数量指标\t接受调解案卷数量\t≥830件\n")
    document = read(text)
    assert [(p.name, p.total_wan) for p in document.projects] == [("法治宣传经费", 10.4), ("人民调解经费", 11.0)]
    assert [[(i.name, i.value, i.line_start) for i in p.indicators] for p in document.projects] == [
        [("法治文艺演出场次", "=2场", 2), ("普法宣传对象满意度", "≥80%", 3)], [("接受调解案卷数量", "≥830件", 4)]]


@pytest.mark.parametrize("header", [
    "一级指标名称\t二级指标名称\t三级指标（指标名称）\t年度指标值（定量为数值、定性为描述）",
    "一级指标\t二级指标\t指标名称及内容\t2024年指标值",
    "一级指标（必填）\t二级指标\t三级指标\t绩效指标值"])
def test_header_words_with_a_note_or_a_period(header):
    # a column after the value (its basis) is read as such only when the header says which column is the value
    text = (f"项目名称\t法律职业资格考试费\n年度资金总额\t12\n{header}\t指标值确定依据\n"
            "产出指标\t数量指标\t组织考试次数\t2次\t计划标准\n"
            "满意度指标\t服务对象满意度指标\t考生满意度\t≥90%\t行业标准\n")
    assert rows(read(text)) == [("产出指标", "数量指标", "组织考试次数", "2次"),
                                ("满意度指标", "服务对象满意度指标", "考生满意度", "≥90%")]


@pytest.mark.parametrize("name_label, total_label", [("预算项目名称", "项目资金总额"), ("项目名称", "年度预算金额")])
def test_field_labels_of_other_forms(name_label, total_label):
    text = (f"{name_label}\t法律职业资格考试费\n{total_label}\t12\n一级指标\t二级指标\t三级指标\t指标值\n"
            "产出指标\t数量指标\t组织考试次数\t2次\n")
    assert [(p.name, p.total_wan) for p in read(text).projects] == [("法律职业资格考试费", 12.0)]


def test_a_web_page_saved_as_text_is_read_as_the_page():
    text = ("<html><head><meta charset='utf-8'></head><body><table>"
            "<tr><td>项目名称</td><td colspan='3'>法治宣传经费</td></tr>"
            "<tr><td>年度资金总额</td><td colspan='3'>10.4</td></tr>"
            "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>"
            "<tr><td rowspan='2'>产出指标</td><td>数量指标</td><td>法治文艺演出场次</td><td>=2场</td></tr>"
            "<tr><td>质量指标</td><td>宣传区域覆盖率</td><td>100%</td></tr>"
            "</table></body></html>\n")
    document = read(text, "page.txt")
    assert document.layout == "html"
    assert rows(document) == [("产出指标", "数量指标", "法治文艺演出场次", "=2场"),
                              ("产出指标", "质量指标", "宣传区域覆盖率", "100%")]
    assert [w.code for w in document.warnings][:1] == ["html_as_text"]


def test_markdown_rule_line_and_level_score_suffix():
    text = ("| 项目名称 | 培训经费 |\n| 年度资金总额 | 5 |\n| 一级指标 | 二级指标 | 三级指标 | 指标值 |\n"
            "|---|:---:|---|---|\n| 产出指标(50分) | 数量指标 | 培训人次 | ≥200人次 |\n"
            "| 满意度指标(10分) | 服务对象满意度指标 | 学员满意度 | ≥90% |\n")
    document = read(text)
    assert document.layout == "markdown"
    assert rows(document) == [("产出指标", "数量指标", "培训人次", "≥200人次"),
                              ("满意度指标", "服务对象满意度指标", "学员满意度", "≥90%")]
    assert document.projects[0].indicators[0].level1_raw == "产出指标(50分)"


PIPE_CELLS = """项目名称 |
临时救助 |
|
|||||
资金情况(万元) |
年度资金总额: |
30 |
||
一级指标 |
二级指标 |
三级指标 |
分值 |
年度指标值 |
全年实际值 |
得分 |
未完成原因及拟采取的改进措施 |
|
产出指标(50分) |
数量指标 |
扶贫临时救助人数(按月平均)(≥**人) |
10 |
>=7人 |
7人 |
10 |
特困人员实行动态管理 |
|
满意度指标(10分) |
服务对象满意度指标 |
★受助对象满意度(≥**%) |
10 |
>=90% |
95% |
10 |
"""


def test_pipe_cells_stream_with_score_and_remarks():
    # shared/corpus 08 (Suixi): one cell per line ending in " |", filler lines of bare "|"; the remark
    # 特困人员实行动态管理 belongs to 未完成原因, not to the next indicator.
    document = read(PIPE_CELLS)
    assert document.layout == "pipe_cells"
    assert rows(document) == [
        ("产出指标", "数量指标", "扶贫临时救助人数(按月平均)(≥**人)", ">=7人"),
        ("满意度指标", "服务对象满意度指标", "★受助对象满意度(≥**%)", ">=90%"),
    ]
    assert [i.actual for i in document.projects[0].indicators] == ["7人", "95%"]
    assert document.projects[0].total_wan == 30


# --- one cell per paragraph, space columns, run-together ---------------------------------------------------------
def test_tab_rows_with_cells_copied_from_a_spreadsheet_over_several_lines():
    # Pingluo 2024 (sample), 提前退休人员住房公积金, copied from a spreadsheet whose cells wrap: a cell with line
    # breaks comes quoted over several lines ("" is a quote inside it)
    text = ("项目名称\t提前退休人员2024年住房公积金\n一级指标\t二级指标\t三级指标\t指标值\n"
            '效益指标\t"社会效益指标\n（必填）"\t"提前退休人员为社区积极贡献，\n发挥余热"\t长期持久\n'
            '\t可持续影响指标（必填）\t提前退休人员继续服务社会积极性\t有效提高\n'
            '满意度指标\t服务对象满意度指标（必填）\t"提前退休人员""满意度"""\t≥95%\n')
    document = read(text)
    assert document.layout == "tab_rows"
    assert rows(document) == [("效益指标", "社会效益指标", "提前退休人员为社区积极贡献，发挥余热", "长期持久"),
                              ("效益指标", "可持续影响指标", "提前退休人员继续服务社会积极性", "有效提高"),
                              ("满意度指标", "服务对象满意度指标", '提前退休人员"满意度"', "≥95%")]
    cell = document.projects[0].indicators[0]
    assert (cell.line_start, cell.line_end) == (3, 5)


def test_tab_rows_with_a_line_break_inside_a_cell():
    # Xiqing 2024 (sample), lines 35-38, copied from a web page or a Word table whose name cells hold a line break
    # (unquoted, unlike a spreadsheet's): a line whose cells and the next line's add up to the row's cells, the
    # break between two filled pieces, is one row
    text = ("绩效指标\t一级指标\t二级指标\t三级指标\t指标值\n"
            "\t产出指标\t数量指标\t法治文艺\n演出场次\t=2场\n"
            "\t\t\t开展专项法治宣传\n活动次数\t≥1次\n"
            "\t\t\t制作宣传品数量\t≥45000份\n")
    document = read("项目名称\t法治宣传经费\n" + text)
    assert document.layout == "tab_rows"
    assert rows(document) == [("产出指标", "数量指标", "法治文艺演出场次", "=2场"),
                              ("产出指标", "数量指标", "开展专项法治宣传活动次数", "≥1次"),
                              ("产出指标", "数量指标", "制作宣传品数量", "≥45000份")]
    first = document.projects[0].indicators[0]
    assert (first.line_start, first.line_end) == (3, 4)


def test_pipe_rows_with_a_line_break_inside_a_cell():
    # Xiqing 2024 (sample), lines 35-38, as framed pipe rows copied from a web page whose name cells hold a line
    # break: the row's first line stops without its closing bar, the next line's cells complete it
    text = ("项目名称 | 法治宣传经费 |\n"
            "| 一级指标 | 二级指标 | 三级指标 | 指标值 |\n"
            "| 产出指标 | 数量指标 | 法治文艺\n演出场次 | =2场 |\n"
            "| | | 开展专项法治宣传\n活动次数 | ≥1次 |\n"
            "| | | 制作宣传品数量 | ≥45000份 |\n")
    assert rows(read(text)) == [("产出指标", "数量指标", "法治文艺演出场次", "=2场"),
                                ("产出指标", "数量指标", "开展专项法治宣传活动次数", "≥1次"),
                                ("产出指标", "数量指标", "制作宣传品数量", "≥45000份")]


def test_a_table_drawn_with_box_characters():
    # Xiqing 2024 (sample), 抚恤金, exported as a text table drawn with box characters (console and text exports):
    # the bars separate cells, the rule lines carry no text, ═ inside a cell stays an operator
    text = """\
┌──────────┬──────────────┬──────────────┬──────────┐
│项目名称  │抚恤金        │              │          │
├──────────┼──────────────┼──────────────┼──────────┤
│一级指标  │二级指标      │三级指标      │指标值    │
├──────────┼──────────────┼──────────────┼──────────┤
│产出指标  │数量指标      │发放人数      │=1人      │
│          │质量指标      │发放合规率    │═100%     │
│效益指标  │社会效益指标  │安抚家属情绪  │安抚      │
└──────────┴──────────────┴──────────────┴──────────┘
"""
    document = read(text)
    assert document.layout in ("pipe_rows", "markdown")
    assert rows(document) == [("产出指标", "数量指标", "发放人数", "=1人"),
                              ("产出指标", "质量指标", "发放合规率", "═100%"),
                              ("效益指标", "社会效益指标", "安抚家属情绪", "安抚")]
    assert document.lines[1].startswith("│项目名称")  # the original is shown as it was


def test_a_ruled_text_table_with_cells_wrapped_inside_their_column():
    # Xiqing 2024 (sample), 抚恤金 (lines 7-21), as a Word table converted to a text grid table: rule lines
    # (+----+, +====+ under the header) between the rows, long cells wrapped over lines inside their column
    text = """\
+----------+------------------+--------------+------------------+
| 项目名称 | 抚恤金           |              |                  |
+==========+==================+==============+==================+
| 主管预算 | 天津市西青区司法 | 项目实施单位 | 天津市西青区司法 |
| 部门     | 局               |              | 局               |
+----------+------------------+--------------+------------------+
| 绩效目标 | 发放去世人员抚恤 |              |                  |
|          | 金。目标2:安抚家 |              |                  |
|          | 属情绪。         |              |                  |
+----------+------------------+--------------+------------------+
| 一级指标 | 二级指标         | 三级指标     | 指标值           |
+----------+------------------+--------------+------------------+
| 产出指标 | 数量指标         | 发放人数     | =1人             |
+----------+------------------+--------------+------------------+
|          | 成本指标         | 抚恤金金额   | =184722元        |
+----------+------------------+--------------+------------------+
| 效益指标 | 社会效益指标     | 安抚家属情绪 | 安抚             |
+----------+------------------+--------------+------------------+
| 满意度指 | 服务对象满意度指 | 家属满意度   | =100%            |
| 标       | 标               |              |                  |
+----------+------------------+--------------+------------------+
"""
    document = read(text)
    assert document.layout in ("pipe_rows", "markdown")
    project = document.projects[0]
    assert (project.name, project.department, project.goal) == (
        "抚恤金", "天津市西青区司法局", "发放去世人员抚恤金。目标2:安抚家属情绪。")
    assert rows(document) == [("产出指标", "数量指标", "发放人数", "=1人"),
                              ("产出指标", "成本指标", "抚恤金金额", "=184722元"),
                              ("效益指标", "社会效益指标", "安抚家属情绪", "安抚"),
                              ("满意度指标", "服务对象满意度指标", "家属满意度", "=100%")]
    last = project.indicators[-1]
    assert (last.line_start, last.line_end) == (19, 20)  # both lines of the wrapped row


def test_a_fixed_width_pipe_table_wraps_only_where_a_cell_is_full():
    # Xiqing 2024 (sample), lines 141-142 and 158-159, as an old Word converter prints a table: |cell |cell |
    # at fixed widths, no rule lines. A piece below a cell that fills its column is the rest of that cell; a
    # piece below a cell with room left, or a date under a date, begins a row
    text = """\
|一级指标|二级指标|三级指标          |指标值          |
|产出指标|数量指标|受援法律援助案件数|≥10件           |
|        |        |量                |                |
|        |        |值班律师人次      |≥260人次        |
|        |时效指标|装备购置完成时间  |2024年12月31日前|
|        |        |组织开展法治宣传活|2024年12月31日前|
|        |        |动时间            |                |
"""
    assert rows(read(text)) == [("产出指标", "数量指标", "受援法律援助案件数量", "≥10件"),
                                ("产出指标", "数量指标", "值班律师人次", "≥260人次"),
                                ("产出指标", "时效指标", "装备购置完成时间", "2024年12月31日前"),
                                ("产出指标", "时效指标", "组织开展法治宣传活动时间", "2024年12月31日前")]


def test_columns_lined_up_on_screen_under_rules_of_equals_signs():
    # Xiqing 2024 (sample), 抚恤金 (lines 7-21), as a converter's simple table: columns lined up as a screen
    # shows them (a Chinese character two columns wide, unlike pdftotext), ===== rules around the rows, merged
    # level cells left blank
    text = """\
==========  ==================  ============  ==================
项目名称    抚恤金
==========  ==================  ============  ==================
主管部门    天津市西青区司法局  实施单位      天津市西青区司法局
一级指标    二级指标            三级指标      指标值
产出指标    数量指标            发放人数      =1人
            质量指标            发放合规率    =100%
            时效指标            发放及时率    =100%
            成本指标            抚恤金金额    =184722元
效益指标    社会效益指标        安抚家属情绪  安抚
满意度指标  服务对象满意度指标  家属满意度    =100%
==========  ==================  ============  ==================
"""
    document = read(text)
    assert document.projects[0].name == "抚恤金"
    assert document.layout_scores["positioned"] >= 0.8  # its columns line up on screen (0 counted by character)
    assert rows(document) == [("产出指标", "数量指标", "发放人数", "=1人"),
                              ("产出指标", "质量指标", "发放合规率", "=100%"),
                              ("产出指标", "时效指标", "发放及时率", "=100%"),
                              ("产出指标", "成本指标", "抚恤金金额", "=184722元"),
                              ("效益指标", "社会效益指标", "安抚家属情绪", "安抚"),
                              ("满意度指标", "服务对象满意度指标", "家属满意度", "=100%")]


def test_a_name_wrapped_at_the_top_of_its_row_keeps_a_label_word_it_ends_with():
    # Xiqing 2024 (sample), lines 141-147, laid out by position with cells at the top of their rows (a Word
    # table printed to PDF): names fill their column and wrap, and a last word that is also a level-2 label
    # (数量) stays the name's
    text = """\
一级指标        二级指标          三级指标          指标值
产出指标        数量指标          受援法律援助案件  ≥10件
                                  数量
                                  值班律师人次      ≥260人次
                                  组织开展专项法治  ≥2项
                                  宣传活动
                                  规范化建设司法所  ≥1个
                                  数量
"""
    assert rows(read(text)) == [("产出指标", "数量指标", "受援法律援助案件数量", "≥10件"),
                                ("产出指标", "数量指标", "值班律师人次", "≥260人次"),
                                ("产出指标", "数量指标", "组织开展专项法治宣传活动", "≥2项"),
                                ("产出指标", "数量指标", "规范化建设司法所数量", "≥1个")]


def test_rows_separated_by_commas_or_semicolons():
    # Pingluo 2024 (sample), 司法协理员, saved as CSV and renamed .txt: a name holding a comma is quoted
    text = ("项目名称,基层服务专项计划县配经费（司法协理员）\n一级指标,二级指标,三级指标,指标值\n"
            "产出指标,数量指标（必填）,招募司法协理员人数,24 名\n"
            '效益指标,可持续影响指标（必填）,"解决高校毕业生就业创业问题,支持社会经济发展,维护社会和谐稳定。",长效\n')
    document = read(text)
    assert document.layout == "delimited_rows"
    assert rows(document) == [
        ("产出指标", "数量指标", "招募司法协理员人数", "24名"),
        ("效益指标", "可持续影响指标", "解决高校毕业生就业创业问题,支持社会经济发展,维护社会和谐稳定。", "长效")]
    # a Word table converted to text with full-width semicolons
    document = read(text.replace('"解决高校毕业生就业创业问题,支持社会经济发展,维护社会和谐稳定。"', "维护社会和谐稳定")
                    .replace(",", "；"))
    assert document.layout == "delimited_rows"
    assert rows(document)[1] == ("效益指标", "可持续影响指标", "维护社会和谐稳定", "长效")


def test_two_fields_in_one_cell_with_their_colons():
    # Xiqing 2024 (sample) with the form's fields typed as 标签：内容 pairs on one line
    text = ("项目名称：抚恤金\n主管部门：天津市西青区司法局    实施单位：天津市西青区司法局\n"
            "一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t发放人数\t=1人\n")
    project = read(text).projects[0]
    assert (project.name, project.department, project.implementing_unit) == (
        "抚恤金", "天津市西青区司法局", "天津市西青区司法局")


def test_paragraph_cells():
    cells = ["项目名称", "农村饮水安全巩固提升工程专项", "资金总额", "500", "一级指标", "二级指标", "三级指标",
             "指标值", "产出指标", "数量指标", "指标1:新建堤防、护岸长度", "≥2公里", "质量指标", "指标1:工程验收合格率",
             "≧95%"]
    document = read("\n\n".join(cells) + "\n")
    assert document.layout == "paragraph_cells"
    assert rows(document) == [("产出指标", "数量指标", "指标1:新建堤防、护岸长度", "≥2公里"),
                              ("产出指标", "质量指标", "指标1:工程验收合格率", "≧95%")]


def test_run_together_amounts_under_a_row_of_funding_labels():
    # Funing 2020 (sample) line 75: 法律援助经费 预算数 16.00, 其中 财政资金 16.00; Xiqing 2024 (sample) lines 7-13:
    # 抚恤金 18.47, 中央补助 0.00, 市级资金 0.00, 区级资金 18.47, 其他资金 0.00. Set as a row of labels over a row
    # of amounts and run together, the amounts fuse (1616, 18.470018.470): the one cut whose total is the sum of
    # its sources.
    def funding(text):
        project = read(text + "一级指标二级指标三级指标指标值产出指标数量指标发放人数=1人\n").projects[0]
        return project.total_wan, [(f.source, f.amount_wan) for f in project.funding]

    assert funding("项目名称法律援助经费资金来源年度资金总额财政资金项目资金(万元)1616") == (
        16.0, [("财政资金", 16.0)])
    assert funding("项目名称抚恤金资金来源年度资金总额中央补助市级资金区级资金其他资金项目资金(万元)18.470018.470") == (
        18.47, [("中央补助", 0.0), ("市级资金", 0.0), ("区级资金", 18.47), ("其他资金", 0.0)])
    # Xiqing 人民调解经费 (lines 54-60: 11.00 | 0.00 | 0.00 | 11.00 | 0.00) fused to 1100110 cuts two ways that add
    # up (11 | 0 | 0 | 11 | 0 and 11 | 0 | 0 | 1 | 10): the total and the sources both agree on, and a warning
    document = read("项目名称人民调解经费资金来源年度资金总额中央补助市级资金区级资金其他资金项目资金(万元)1100110"
                    "一级指标二级指标三级指标指标值产出指标数量指标接受调解案卷数量≥830件\n")
    project = document.projects[0]
    assert (project.total_wan, [(f.source, f.amount_wan) for f in project.funding]) == (
        11.0, [("中央补助", 0.0), ("市级资金", 0.0)])
    assert [w.code for w in document.warnings if w.code == "amounts_run_together"] == ["amounts_run_together"]


def test_run_together_column_of_a_few_words_after_the_value():
    # Xiqing 2024 (sample), 法治宣传经费 lines 36-48, with a column 数据来源 after 指标值 (its words the renderer's,
    # SYNTHETIC), run together: the column's word and the next row's name fuse (=2场 | 工作台账开展专项…). The words
    # that stand alone after a value (工作台账 before 质量指标, 财务资料 before 效益指标) are the column's: they are cut
    # off the names they begin, and off a value in words they end (提升工作台账).
    text = ("项目名称法治宣传经费一级指标二级指标三级指标指标值数据来源产出指标数量指标法治文艺演出场次=2场工作台账"
            "开展专项法治宣传活动次数≥1次统计报表质量指标培训参与率100%工作台账时效指标法治文艺演出时间5月31日前"
            "统计报表成本指标普法宣传费用≤10.4万元财务资料效益指标社会效益指标提升群众法治意识提升工作台账"
            "可持续影响指标完善法治宣传工作制度完善统计报表\n")
    assert rows(read(text)) == [
        ("产出指标", "数量指标", "法治文艺演出场次", "=2场"),
        ("产出指标", "数量指标", "开展专项法治宣传活动次数", "≥1次"),
        ("产出指标", "质量指标", "培训参与率", "100%"),
        ("产出指标", "时效指标", "法治文艺演出时间", "5月31日前"),
        ("产出指标", "成本指标", "普法宣传费用", "≤10.4万元"),
        ("效益指标", "社会效益指标", "提升群众法治意识", "提升"),
        ("效益指标", "可持续影响指标", "完善法治宣传工作制度", "完善")]


def test_run_together_column_word_that_never_stands_alone():
    # Corpus 27 (Zhongjiang 2022, its table as transcribed in tests/fixtures/corpus) with a 数据来源 column after the
    # value (its words the renderer's, SYNTHETIC), run together: 工作台账 never stands alone — it begins the next
    # name (≥266米 | 工作台账水标尺宽度) and ends a text after a value (项目计划总投资20万元工作台账, before the next
    # label) — so it is learned from those two places and cut off both
    text = ("项目名称小型水库水标尺制作安装一级指标二级指标三级指标指标值数据来源产出指标(70分)数量指标安装坡面水标尺"
            "≥266米工作台账水标尺宽度≥50厘米统计报表质量指标项目(工程)验收合格率100%问卷调查时效指标及时(按期)开工率≥90%"
            "及时(按期)完工率≥90%财务资料成本指标项目计划总投资20万元工作台账效益指标(20分)社会效益指标"
            "受益脱贫(含监测对象)户人口数≥1000人统计报表群众生产生活条件改善状况显著提升问卷调查满意度指标(10分)"
            "服务对象满意度指标受益脱贫(含监测对象)户满意度≥95%\n")
    assert [(name, value) for _, _, name, value in rows(read(text))] == [
        ("安装坡面水标尺", "≥266米"), ("水标尺宽度", "≥50厘米"), ("项目(工程)验收合格率", "100%"),
        ("及时(按期)开工率", "≥90%"), ("及时(按期)完工率", "≥90%"), ("项目计划总投资", "20万元"),
        ("受益脱贫(含监测对象)户人口数", "≥1000人"), ("群众生产生活条件改善状况", "显著提升"),
        ("受益脱贫(含监测对象)户满意度", "≥95%")]


def test_weight_after_an_empty_value_where_blank_cells_vanish():
    # Corpus 22 (Ningjin 2019) lines 17-23 under 指标名称 | 目标值 | 分值, one cell per line: 规章制度建立与否 prints
    # no target, only its 分值 20 (the weights add up to its 总分, 100). 20 stands in the 分值 column on
    # two other rows (及时发放率, 资助标准达标率): it is read there again, not as the target.
    cells = ["项目名称", "宁晋县高中助学金项目", "指标名称", "目标值", "分值", "规章制度建立与否", "20", "享受资助人数",
             "2100", "10", "资金支出率", "95%", "10", "建档立卡学生全面覆盖", "100%", "10", "资助对象满意度", "95%以上",
             "10", "及时发放率", "100%", "20", "资助标准达标率", "100%", "20"]
    indicators = read("\n".join(cells) + "\n").projects[0].indicators
    assert [(i.name, i.value, i.weight) for i in indicators[:2]] == [
        ("规章制度建立与否", "", 20.0), ("享受资助人数", "2100", 10.0)]
    assert [i.weight for i in indicators] == [20, 10, 10, 10, 10, 20, 20]


def test_a_target_restated_in_words_is_a_value_not_a_name():
    # Qingdao 2023 (sample lines 857-859, 864-866, 878-880: 法律援助案件完成率 | ≥0.85援助案件完成率达85%以上,
    # 热线接通率 | ≥0.7热线接通率达到70%以上, 援助案件优良率大于20% | ≥0.2援助案件优良率大于20%; the 时效指标 row
    # between left out) one cell per line with a 数据来源
    # column after the value (its words SYNTHETIC), one row's left blank: a text that opens with an operator and a
    # number and ends with a number (its unit, 以上) is a target — names never open so —, so the blank does not
    # make the next row's source the value and the target the name
    cells = ["项目名称", "法律援助及12348业务费", "一级指标", "二级指标", "三级指标", "指标值", "数据来源", "产出指标",
             "数量指标", "法律援助案件完成率", "≥0.85援助案件完成率达85%以上", "工作台账", "质量指标", "热线接通率",
             "≥0.7热线接通率达到70%以上", "援助案件优良率大于20%", "≥0.2援助案件优良率大于20%", "统计报表"]
    assert rows(read("\n".join(cells) + "\n")) == [
        ("产出指标", "数量指标", "法律援助案件完成率", "≥0.85援助案件完成率达85%以上"),
        ("产出指标", "质量指标", "热线接通率", "≥0.7热线接通率达到70%以上"),
        ("产出指标", "质量指标", "援助案件优良率大于20%", "≥0.2援助案件优良率大于20%")]


def test_run_together_rows_numbered_under_a_sequence_header():
    # Xiqing 2024 (sample), 抚恤金 (lines 16-21), under 序号 | 指标名称 | 指标值 with every cell run together: each
    # row's number is a cell of its own where it is the next in the sequence (1发放人数, 安抚6家属满意度), and the
    # qualitative value before it is cut from its name (line 20: 安抚家属情绪 | 安抚) ...
    assert run_together.segment("序号指标名称指标值1发放人数=1人2发放合规率=100%3发放及时率=100%4抚恤金金额=184722元"
                                "5安抚家属情绪安抚6家属满意度=100%") == [
        "序号", "指标名称", "指标值", "1", "发放人数", "=1人", "2", "发放合规率", "=100%", "3", "发放及时率", "=100%",
        "4", "抚恤金金额", "=184722元", "5", "安抚家属情绪", "安抚", "6", "家属满意度", "=100%"]
    # ... but a name's own number stays the name's (shared/corpus 31, line 4: 指标1免费发放原原种 … 指标2企业自行采购)
    assert run_together.segment("序号三级指标指标值1指标1免费发放原原种550万粒2指标2企业自行采购200万粒")[3:] == [
        "1", "指标1免费发放原原种", "550万粒", "2", "指标2企业自行采购", "200万粒"]
    # corpus 26 (Chencang 2020, lines 71-79: values left as their unit) and 29 (Hengshan 2020, line 4) so printed: the
    # next row's number before a numbered name (公里 | 2 | 指标2:…) with the unit-only value cut off the name, the
    # next row's number after a value 0 (比例0 | 6), and the sequence picked up after a first row whose number cannot
    # be told from the name's own (15000吨稻谷… | 100% | 2 | …)
    assert run_together.segment("序号指标名称指标值1指标1:新建堤防、护岸长度公里2指标2:灌区节水改造面积万亩")[3:] == [
        "1", "指标1:新建堤防、护岸长度", "公里", "2", "指标2:灌区节水改造面积", "万亩"]
    assert run_together.segment("序号指标名称指标值15000吨稻谷、500吨成品粮储备到位率100%2库存数量真实率100%"
                                "3县级储备粮库存粮食明显变质比例04县级储备粮贷款付息及时率100%")[4:] == [
        "100%", "2", "库存数量真实率", "100%", "3", "县级储备粮库存粮食明显变质比例", "0", "4",
        "县级储备粮贷款付息及时率", "100%"]


def test_run_together_rows_numbered_after_a_value_without_unit():
    # corpus 19 lines 36-38 (指标1.药品抽验品种 ≥3 …) under 序号 | 指标名称 | 指标值 (the no_levels shape of
    # bench/render.py, numbers SYNTHETIC), run together: a value without a unit and the next row's number fuse
    # (≥32); the number is the next in the sequence and a name follows it
    assert run_together.segment("序号指标名称指标值1指标1.药品抽验品种≥32指标2.化妆品抽验批次≥33"
                                "指标3.医疗器械抽验批次≥2")[3:] == [
        "1", "指标1.药品抽验品种", "≥3", "2", "指标2.化妆品抽验批次", "≥3", "3", "指标3.医疗器械抽验批次", "≥2"]


def test_run_together_value_without_unit_fused_with_its_weight():
    # corpus 19 lines 36-45 in the seq_weight shape of bench/render.py (序号 and 分值 the renderer's, SYNTHETIC),
    # run together: ≥310 is ≥3 and the weight 10, a weight the rows after a value with its unit print alone (100% | 5)
    assert run_together.segment("序号一级指标二级指标三级指标指标值分值1产出指标数量指标指标1.药品抽验品种≥3102"
                                "指标2.化妆品抽验批次≥353指标3.医疗器械抽验批次≥2104质量指标指标1.药品抽检完成率"
                                "100%55指标2.化妆品抽验完成率100%106指标3.医疗器械抽验完成率100%20")[6:] == [
        "1", "产出指标", "数量指标", "指标1.药品抽验品种", "≥3", "10", "2", "指标2.化妆品抽验批次", "≥3", "5", "3",
        "指标3.医疗器械抽验批次", "≥2", "10", "4", "质量指标", "指标1.药品抽检完成率", "100%", "5", "5",
        "指标2.化妆品抽验完成率", "100%", "10", "6", "指标3.医疗器械抽验完成率", "100%", "20"]


def test_run_together_rows_numbered_with_a_weight_before_the_next_number():
    # Xiqing 2024 (sample), five rows of 法治宣传经费 in the seq_weight shape of bench/render.py (序号 first, 分值
    # after the value; the numbers and 分值 are the renderer's, SYNTHETIC): a row's weight and the next row's number
    # run together (102, 55) are two cells when the number is the next in the sequence, and a qualitative value
    # before a weight is cut from its name as at the end of a text (提升群众法治意识提升 | 5)
    assert run_together.segment("序号一级指标二级指标三级指标指标值分值1产出指标数量指标法治文艺演出场次=2场102"
                                "开展专项法治宣传活动次数≥1次53制作宣传品数量≥45000份104效益指标社会效益指标"
                                "提升群众法治意识提升55可持续影响指标完善法治宣传工作制度完善15")[6:] == [
        "1", "产出指标", "数量指标", "法治文艺演出场次", "=2场", "10", "2", "开展专项法治宣传活动次数", "≥1次", "5",
        "3", "制作宣传品数量", "≥45000份", "10", "4", "效益指标", "社会效益指标", "提升群众法治意识", "提升", "5",
        "5", "可持续影响指标", "完善法治宣传工作制度", "完善", "15"]


def test_run_together_qualitative_value_before_the_next_row_number():
    # Xiqing 2024 (sample), 法治宣传经费 lines 45-48 under 序号 | 指标名称 | 指标值, run together and
    # numbered by bench/render.py's no_levels shape (SYNTHETIC numbers): a qualitative value before the next row's
    # number is cut from its name
    assert run_together.segment("序号指标名称指标值1普法宣传费用≤10.4万元2提升群众法治意识提升3完善法治宣传工作制度完善"
                                "4普法宣传对象满意度≥80%")[3:] == [
        "1", "普法宣传费用", "≤10.4万元", "2", "提升群众法治意识", "提升", "3", "完善法治宣传工作制度", "完善", "4",
        "普法宣传对象满意度", "≥80%"]


def test_run_together_self_evaluation_rows():
    # Xiqing 2024 (sample) lines 42-44 in the self_eval shape of bench/render.py (实际完成值 worded as corpus 30 does,
    # 分值 and 得分 the renderer's, SYNTHETIC), run together: the completion in words, the weight and score fused into
    # one number (1010: equal halves under 分值 | 得分) and the remark 无 are cells apart from the next name
    assert run_together.segment("三级指标年度指标值实际完成值分值得分偏差原因分析及改进措施法治文艺演出时间5月31日前"
                                "达成预期指标1010无普法培训讲座时间5月31日前达成预期指标55")[6:] == [
        "法治文艺演出时间", "5月31日前", "达成预期指标", "10", "10", "无", "普法培训讲座时间", "5月31日前",
        "达成预期指标", "5", "5"]
    # corpus 26 (line 71: 指标1:新建堤防、护岸长度 | 公里, the number left blank) and 29 (line 4: 县级储备粮库存粮食明显
    # 变质比例 | 0) so printed: a unit-only target before the completion is cut from its name, and a target 0 met and
    # scored in full fuses all four (0055: 0, 0, 5, 5)
    assert run_together.segment("三级指标年度指标值实际完成值分值得分偏差原因分析及改进措施指标1:新建堤防、护岸长度公里"
                                "达成预期指标1010无县级储备粮库存粮食明显变质比例0055")[6:] == [
        "指标1:新建堤防、护岸长度", "公里", "达成预期指标", "10", "10", "无", "县级储备粮库存粮食明显变质比例", "0",
        "0", "5", "5"]
    # an amount after a funding label is an amount, however its digits repeat (Xiqing's 人民调解经费, lines 57-59: 11)
    assert run_together.segment("年度资金总额11其中:区级资金11一级指标二级指标三级指标年度指标值实际完成值分值"
                                "得分")[:4] == [
        "年度资金总额", "11", "其中:区级资金", "11"]


def test_run_together_weight_before_the_target_fused_to_it():
    # Corpus 31 (Yuanzhou 2022, OCR), lines 4-5 under 分值 | 年度指标值 | 全年实际值 | 得分: most rows print the
    # weight 8 apart between the name and the target (…原原种 | 8 | 550万粒); where it is fused to the target (880%,
    # 8250%) it is cut off, the target read as printed (250%: an OCR'd ≥50%, kept as printed)
    text = ("项目名称碟令薯樽轴示施项目一级指标二级指标三级指标分值年度指标值全年实际值得分产出指标(40分)数量指标"
            "指标1免费发放原原种8550万粒550万粒8指标2企业自行采购8200万粒200万粒8\n"
            "社会效益指标指标1一级种薯推广面积占总面积比例880%^80%8指标2群众对脱毒种薯和主食化专用品种的认知度"
            "8250%5=50%8\n")
    assert [(i.name, i.value, i.weight) for i in read(text).projects[0].indicators] == [
        ("指标1免费发放原原种", "550万粒", 8.0), ("指标2企业自行采购", "200万粒", 8.0),
        ("指标1一级种薯推广面积占总面积比例", "80%", 8.0), ("指标2群众对脱毒种薯和主食化专用品种的认知度", "250%", 8.0)]


def test_run_together_target_in_words_printed_once_per_grade():
    # Qingdao 2023 (sample lines 418-420: 考试工作严格按照国家部署和工作计划进行 | ≤国家部署和工作计划规定时间) under
    # 评价标准 优 | 良 | 中 | 差 (the graded shape of bench/render.py, SYNTHETIC: a target in words printed in every
    # grade), run together: the four copies are four cells, the name before them one
    text = ("项目名称法律职业资格考试费一级指标二级指标三级指标评价标准优良中差产出指标时效指标"
            "考试工作严格按照国家部署和工作计划进行" + "≤国家部署和工作计划规定时间" * 4 + "\n")
    assert run_together.segment(text.strip())[-5:] == [
        "考试工作严格按照国家部署和工作计划进行"] + ["≤国家部署和工作计划规定时间"] * 4
    assert rows(read(text)) == [("产出指标", "时效指标", "考试工作严格按照国家部署和工作计划进行",
                                 "≤国家部署和工作计划规定时间")]


def test_run_together_cells_of_a_standard_column_are_cut_out():
    # Xiqing 2024 (sample), 抚恤金 (lines 16-17) with a 绩效标准 column and a 备注 column, every cell run together:
    # the kinds of standard (计划标准, 历史标准) and of indicator (核心指标) are cells of their own
    assert run_together.segment("一级指标二级指标三级指标绩效标准指标值备注产出指标数量指标发放人数计划标准=1人"
                                "质量指标发放合规率历史标准=100%核心指标")[6:] == [
        "产出指标", "数量指标", "发放人数", "计划标准", "=1人",
        "质量指标", "发放合规率", "历史标准", "=100%", "核心指标"]
    # 法治宣传经费 lines 42-43 (时效指标): after the standard comes the row's value, a deadline, then the next name
    assert run_together.segment("三级指标绩效标准指标值备注法治文艺演出时间计划标准5月31日前普法培训讲座时间历史标准"
                                "5月31日前核心指标")[4:] == [
        "法治文艺演出时间", "计划标准", "5月31日前", "普法培训讲座时间", "历史标准", "5月31日前", "核心指标"]
    # 区政府外聘法律顾问经费 (lines 122-123) and Qingdao 2023 (lines 857-859): after the standard, a value in words
    # (有效提升) or a target with its explanation (≥0.85援助案件完成率达85%以上) is the row's, the next name after it
    assert run_together.segment("三级指标绩效标准指标值备注提升依法行政能力行业标准有效提升提高案件办理效率计划标准"
                                "有效提高")[4:] == [
        "提升依法行政能力", "行业标准", "有效提升", "提高案件办理效率", "计划标准", "有效提高"]
    assert run_together.segment("三级指标绩效标准指标值备注法律援助案件完成率计划标准≥0.85援助案件完成率达85%以上"
                                "热线接通率历史标准≥0.7热线接通率达到70%以上")[4:] == [
        "法律援助案件完成率", "计划标准", "≥0.85援助案件完成率达85%以上", "热线接通率", "历史标准",
        "≥0.7热线接通率达到70%以上"]


def test_run_together_basis_in_words_ends_at_its_closing_word():
    # Xiqing 2024 (sample), 法治宣传经费 lines 40-41 with the basis_after shape's 指标值确定依据 column
    # (bench/render.py, its bases SYNTHETIC), run together: a basis in words runs to the word that closes it (确定,
    # 情况), the next name after it is a cell of its own, and a basis the description words would cut (参考上年度 |
    # 完成情况) stays whole
    assert run_together.segment("三级指标指标值指标值确定依据培训参与率100%根据年度工作计划确定宣传区域覆盖率100%"
                                "参考上年度完成情况")[3:] == [
        "培训参与率", "100%", "根据年度工作计划确定", "宣传区域覆盖率", "100%", "参考上年度完成情况"]


def test_run_together_qualitative_values_printed_twice_under_two_value_columns():
    # Xiqing 2024 (sample) lines 96 and 122-123 under 中期指标值 | 年度指标值 (the mid_annual shape of bench/render.py,
    # SYNTHETIC), run together: each qualitative value is printed twice; the second copy is no part of the next
    # name, and the name's own 稳定 no value (three values for two columns)
    assert run_together.segment("三级指标中期指标值年度指标值促进社会和谐稳定促进促进提升依法行政能力有效提升有效提升"
                                "提高案件办理效率有效提高有效提高")[3:] == [
        "促进社会和谐稳定", "促进", "促进", "提升依法行政能力", "有效提升", "有效提升", "提高案件办理效率", "有效提高",
        "有效提高"]
    # the same with the rows of corpus 26 (line 89: 指标1:工程验收合格率 | ≧ %, the form's number left blank) and
    # 28 (line 17: 指标1:工程实施总体质量 | 一次性通过省文物局验收): a value without its number, and a value in words,
    # printed twice at the end of the name are the name and two values; so is a bare number alone (corpus 12 line
    # 22: 补助标准 | 15, 15 → 1515)
    assert run_together.segment("三级指标中期指标值年度指标值指标1:工程验收合格率≧%≧%质量指标指标1:工程实施总体质量"
                                "一次性通过省文物局验收一次性通过省文物局验收成本指标补助标准1515")[3:] == [
        "指标1:工程验收合格率", "≧%", "≧%", "质量指标", "指标1:工程实施总体质量", "一次性通过省文物局验收",
        "一次性通过省文物局验收", "成本指标", "补助标准", "15", "15"]


def test_run_together_a_value_echoing_its_names_first_word_inside_a_text():
    # Xiqing 2024 (sample) lines 46-47 with no level-2 column (the level1_only shape of bench/render.py): nothing
    # stands between a row's value and the next name; a value that repeats the change word its name begins with
    # (提升…提升) ends the row there, as it does at the end of a text
    assert run_together.segment("一级指标指标内容指标值效益指标提升群众法治意识提升完善法治宣传工作制度完善"
                                "满意度指标")[3:] == [
        "效益指标", "提升群众法治意识", "提升", "完善法治宣传工作制度", "完善", "满意度指标"]


def test_run_together_kind_column_between_a_name_and_its_value():
    # Xiqing 2024 (sample), 抚恤金 (lines 16 and 20) printed with 指标性质 | 指标值 | 度量单位 and run together: the
    # qualitative row's 定性 stands between the name and the value
    assert run_together.segment("三级指标指标性质指标值度量单位发放人数=1人安抚家属情绪定性安抚")[4:] == [
        "发放人数", "=1人", "安抚家属情绪", "定性", "安抚"]
    # lines 96 and 122-123: nothing at the end of a name before 定性 is its value (促进社会和谐稳定), and the value
    # after 定性 is cut from the next name (有效提升 | 提高案件办理效率)
    assert run_together.segment("三级指标指标性质指标值度量单位促进社会和谐稳定定性促进提升依法行政能力定性有效提升"
                                "提高案件办理效率定性有效提高")[4:] == [
        "促进社会和谐稳定", "定性", "促进", "提升依法行政能力", "定性", "有效提升", "提高案件办理效率", "定性",
        "有效提高"]
    # Qingdao 2023 (sample lines 857-866, 法律援助及12348业务费) printed with 指标类型 before the value: the value 定量
    # announces is a target with its explanation (≥0.85援助案件完成率达85%以上), a name's own number before 定量
    # stays in the name (当年结案案件补贴发放达60%), and 定量 after a % is the kind word too
    assert run_together.segment("三级指标指标类型指标值法律援助案件完成率定量≥0.85援助案件完成率达85%以上"
                                "当年结案案件补贴发放达60%定量≥0.6当年结案案件补贴发放率达到60%")[3:] == [
        "法律援助案件完成率", "定量", "≥0.85援助案件完成率达85%以上", "当年结案案件补贴发放达60%", "定量",
        "≥0.6当年结案案件补贴发放率达到60%"]
    # corpus 19 (Suining 2021) line 47 printed so and cut off before its value: 定性 at the end of the text is the
    # kind word, 稳定性 a word of the name
    assert run_together.segment("三级指标指标类型指标值指标4.不合格产品处置率定性")[3:] == [
        "指标4.不合格产品处置率", "定性"]
    assert run_together.segment("三级指标指标类型指标值系统运行稳定性")[3:] == ["系统运行稳定性"]


def test_run_together_values_closing_a_name_before_the_next():
    # corpus 22 (Ningjin 2019, lines 21-22) and 29 (Hengshan 2020, line 4) with no level-2 label between the rows:
    # a share with 以上 (95%以上) ends its cell before the next name, and so does a value 0 after a name that asks
    # for a share (比例 | 0 | 县级储备粮…)
    assert run_together.segment("一级指标指标内容指标值产出指标资助对象满意度95%以上及时发放率100%")[3:] == [
        "产出指标", "资助对象满意度", "95%以上", "及时发放率", "100%"]
    assert run_together.segment("一级指标指标内容指标值产出指标县级储备粮库存粮食明显变质比例0"
                                "县级储备粮贷款付息及时率100%")[3:] == [
        "产出指标", "县级储备粮库存粮食明显变质比例", "0", "县级储备粮贷款付息及时率", "100%"]


def test_run_together_value_columns_named_after_places():
    # Corpus 25 (Xiuyu 2025), line 1 from its table's header to its 时效 row: 指标解释 after the name, 指标方向 (the
    # operator, or 是/否) and a value column per place (笏石街道办 | 埭头镇), all run together. The places' names are
    # two columns; the first place's value is the target with the direction's operator, the second kept in the remarks;
    # a number printed once per place (≥11 = ≥ | 1 | 1) is cut in two; the explanation that restates the name's end
    # (…质量问题 | 当年…质量问题) is cut off the name; 是/否 is the answer type, not a part of the value; a date
    # followed by a comma (截至2026年12月底,) is inside the name.
    text = ("项目名称省级第七批水利专项资金绩效指标一级指标二级指标三级指标指标解释指标方向笏石街道办埭头镇成本指标"
            "经济成本指标省级财政专项资金投入成本控制率(%)反映省级财政专项资金投入成本控制情况≤100%100%产出指标"
            "数量指标开展修复工程(个)反映防洪水利设施水毁修复项目开展情况≥11质量指标已建工程是否存在质量问题"
            "当年已完工项目是否在检查中发现质量问题是/否否否时效指标截至2026年12月底,项目开展率(%)反映修复开展情况"
            "≥100%100%\n")
    document = read(text)
    assert document.layout == "run_together"
    assert [(i.name, i.value, i.description, i.remarks) for i in document.projects[0].indicators] == [
        ("省级财政专项资金投入成本控制率(%)", "≤100%", "反映省级财政专项资金投入成本控制情况", "埭头镇：100%"),
        ("开展修复工程(个)", "≥1", "反映防洪水利设施水毁修复项目开展情况", "埭头镇：1"),
        ("已建工程是否存在质量问题", "否", "当年已完工项目是否在检查中发现质量问题", "埭头镇：否"),
        ("截至2026年12月底,项目开展率(%)", "≥100%", "反映修复开展情况", "埭头镇：100%")]


def test_place_names_run_together_are_read_once_per_position():
    # the names of places a header may run together, cut where places end (the longest name that leaves names);
    # a text of place endings that is no list of places (区 …区甲) is refused after one pass, not after trying
    # every cut (which took 70 s on 40 characters)
    assert run_together._places("笏石街道办埭头镇") == ["笏石街道办", "埭头镇"]
    assert run_together._places("东村镇西村乡") == ["东村镇", "西村乡"]
    assert run_together._places("平罗县司法局") is None and run_together._places("数据来源") is None
    assert run_together._places("区" * 39 + "甲") is None


def test_run_together_name_and_explanation_cut_where_the_name_ends():
    # Corpus 17 (Handan 2019) line 16, in simplified characters (the host's conversion to traditional characters and
    # its pinyin notes undone): 绩效指标分类 | 绩效指标 | 绩效指标描述 | 评价标准 优/良/中/差 | 评价标准确定依据, run
    # together. The name ends after its 率 (救助覆盖率 | 困难群众…), where the explanation ends by restating it
    # (…按标准发放的比率 | 救助标准与…救助资金按标准发放的比率) and after a bracketed unit (满意度(%) | 问卷调查中…);
    # the basis (按临时救助标准评价), seen alone before the next label, is cut off the next name it begins.
    text = ("项目名称困难群众救助补助绩效指标分类绩效指标绩效指标描述绩效指标评价标准评价标准确定依据优良中差产出指标"
            "救助覆盖率困难群众基本生活救助是否应救尽救100%90%85%85%按临时救助标准评价农村低保救助资金按标准发放的比率"
            "救助标准与经济社会发展水平相适应,救助资金按标准发放的比率90%80%70%70%按临时救助标准评价效果指标"
            "救助对象对救助工作满意度(%)问卷调查中,满意和较满意的救助对象数量占调研对象总数的比率85%80%70%70%\n")
    indicators = read(text).projects[0].indicators
    assert [(i.level1_raw, i.name, i.value, i.description) for i in indicators] == [
        ("产出指标", "救助覆盖率", "100%", "困难群众基本生活救助是否应救尽救"),
        ("产出指标", "农村低保救助资金按标准发放的比率", "90%",
         "救助标准与经济社会发展水平相适应,救助资金按标准发放的比率"),
        ("效果指标", "救助对象对救助工作满意度(%)", "85%", "问卷调查中,满意和较满意的救助对象数量占调研对象总数的比率")]
    assert [i.basis for i in indicators] == ["按临时救助标准评价", "按临时救助标准评价", None]


def test_name_and_explanation_cut_only_where_a_name_ends():
    cut = run_together.name_and_description
    assert cut("已建工程是否存在质量问题当年已完工项目是否在检查中发现质量问题") == (
        "已建工程是否存在质量问题", "当年已完工项目是否在检查中发现质量问题")
    assert cut("救助对象对救助工作满意度(%)问卷调查中,满意的比率") == (
        "救助对象对救助工作满意度(%)", "问卷调查中,满意的比率")
    # a bracket that is no unit (村(社区)) and a name with no such end are left whole
    assert cut("提高村(社区)干部工作积极性的影响程度") is None
    assert cut("开展残疾人文化活动参与人数") is None


def test_run_together_page_of_a_document_site_going_on_mid_cell_and_its_repeated_title():
    # Corpus 17 (Handan 2019) lines 16 and 18: the site prints each page as one line numbered 1、 2、; page 2 goes on
    # in the middle of the satisfaction row's basis (按服务对象满 / 2、意度评价) and then prints the table's title
    # again, cut off (邯财社2018126号提前下达2019年中央财政困难群众救助补): the basis is one cell, the title no row
    title = "邯财社2018126号提前下达2019年中央财政困难群众救助补助预算指标绩效目标表"
    text = ("1、" + title + "项目名称困难群众救助补助绩效指标分类绩效指标绩效指标描述绩效指标评价标准评价标准确定依据"
            "优良中差效果指标救助对象对救助工作满意度(%)问卷调查中,满意和较满意的救助对象数量占调研对象总数的比率"
            "85%80%70%70%按服务对象满\n\n2、意度评价" + title[:36] + "\n")
    document = read(text)
    indicators = document.projects[0].indicators
    assert [(i.name, i.value, i.basis, i.line_start, i.line_end) for i in indicators] == [
        ("救助对象对救助工作满意度(%)", "85%", "按服务对象满意度评价", 1, 3)]
    assert [(w.line_start, w.message) for w in document.warnings if w.code == "repeated_title"] == [
        (3, f"「{title[:36]}」重复了前面的表题，不作表格内容读取。")]


# --- one cell per line, nothing between rows (line_cells) -----------------------------------------------------
# What many PDF and Word extractions give: every filled cell on a line of its own, merged and empty cells leaving no
# line. Here a narrow column broke three names and a label at the same width (8 characters): 开展专项法治宣传 /
# 活动次数, 普法宣传对象满意 / 度 (a word that is also a label: 满意度), 服务对象满意度指 / 标.
LINE_CELLS = """项目支出绩效目标表
项目名称
法治宣传经费
年度资金总额
10.4
一级指标
二级指标
三级指标
指标值
产出指标
数量指标
法治文艺演出场次
=2场
开展专项法治宣传
活动次数
≥1次
制作宣传品数量
≥45000份
质量指标
宣传区域覆盖率
100%
满意度指标
服务对象满意度指
标
普法宣传对象满意
度
≥80%
"""


def test_one_cell_per_line_without_row_breaks():
    document = read(LINE_CELLS)
    assert document.layout == "line_cells"
    assert [(p.name, p.total_wan) for p in document.projects] == [("法治宣传经费", 10.4)]
    assert rows(document) == [("产出指标", "数量指标", "法治文艺演出场次", "=2场"),
                              ("产出指标", "数量指标", "开展专项法治宣传活动次数", "≥1次"),
                              ("产出指标", "数量指标", "制作宣传品数量", "≥45000份"),
                              ("产出指标", "质量指标", "宣传区域覆盖率", "100%"),
                              ("满意度指标", "服务对象满意度指标", "普法宣传对象满意度", "≥80%")]
    assert [(i.line_start, i.line_end) for i in document.projects[0].indicators][-1] == (22, 27)


def test_what_a_pdf_prints_on_every_page_is_no_part_of_the_table():
    # the page number, the date and time and the running head a PDF prints on every page, inside the table
    lines = LINE_CELLS.splitlines()
    for page, at in ((3, 24), (2, 16), (1, 8)):
        lines[at:at] = [f"第 {page} 页 共 3 页", f"2024/05/0{page} 10:2{page}", "西青区财政局预算公开"]
    document = read("\n".join(lines) + "\n")
    assert document.layout == "line_cells"
    assert rows(document) == rows(read(LINE_CELLS))
    assert len(rows(document)) == 5
    assert document.lines[8] == "第 1 页 共 3 页"  # the original lines as shown


def test_one_cell_per_line_with_the_header_run_together_on_one_line():
    # Corpus 15 (Yongxing 2017) lines 44-48: the extraction put each cell on a line of its own but ran the header's
    # four cells together (二级指标指标内容指标值备注), and the name wraps around its value (各种强制免率、屠宰率 / 100%
    # / 及检疫率: a cell never begins with 及, so the line goes on with the name; 及时… is a word of its own)
    lines = ["专项资金绩效目标表", "项目名称", "重大动物疫病防控", "资金总额(万元)", "50", "二级指标指标内容指标值备注",
             "数量指标", "各种强制免率、屠宰率", "100%", "及检疫率"]
    document = read("\n".join(lines) + "\n")
    assert document.layout == "line_cells"
    assert rows(document) == [("产出指标", "数量指标", "各种强制免率、屠宰率及检疫率", "100%")]
    assert document.projects[0].indicators[0].remarks is None
    # a line of header words and something else is one cell (a name that happens to begin with them is no header)
    from ingest.readers.families.lines import header_words_of
    assert header_words_of("二级指标指标内容指标值备注") == ["二级指标", "指标内容", "指标值", "备注"]
    assert header_words_of("指标值确定依据充分") is None
    # Corpus 27 (Zhongjiang 2022): 及时(按期)开工率 / ≥90% / 及时(按期)完工率 are two rows
    lines = ["项目名称", "小型水库水标尺制作安装", "一级指标", "二级指标", "三级指标", "指标值", "产出指标", "时效指标",
             "及时(按期)开工率", "≥90%", "及时(按期)完工率", "≥90%"]
    assert rows(read("\n".join(lines) + "\n")) == [("产出指标", "时效指标", "及时(按期)开工率", "≥90%"),
                                                    ("产出指标", "时效指标", "及时(按期)完工率", "≥90%")]


def test_labels_listed_as_a_column_before_their_contents_are_one_form():
    # Corpus 15 (Yongxing 2017) lines 5-9: the title, the reporting unit after its label, then the form's labels one
    # after another (专项名称 / 部门名称 …) with their contents further down: two name labels in a row are one form's
    # column of labels, not two forms; the department is the unit after 填报单位(盖章):, not the label with it
    lines = ["专项资金绩效目标表", "(2017 年度)", "填报单位(盖章):永兴县畜牧兽医水产局", "专项名称", "部门名称",
             "二级指标指标内容指标值备注", "数量指标", "各种强制免率、屠宰率及检疫率", "100%"]
    document = read("\n".join(lines) + "\n")
    assert document.department_overall is None and len(document.projects) == 1
    assert document.department == "永兴县畜牧兽医水产局"
    assert (document.province, document.county) == ("湖南省", "永兴县")


def test_one_cell_per_line_with_two_column_groups_side_by_side_is_not_guessed():
    # 年度 and 中期 groups side by side: one cell per line interleaves them in an order the text does not show
    text = LINE_CELLS.replace("指标值\n", "年度指标值\n二级指标\n三级指标\n中期指标值\n", 1)
    document = read(text)
    assert not rows(document) and not rows(document, "mid")
    assert "layout_uncertain" in [w.code for w in document.warnings]


def test_one_cell_per_line_with_a_standard_column_beside_the_value():
    # Xiqing 2024 (sample), 抚恤金 (lines 16-21), printed with 绩效标准 before the value and 备注 after it and
    # copied from a PDF a cell per line (blank cells leave no line): the kinds of standard and remark (计划标准,
    # 核心指标, 根据…) are that column's, not a name or a value
    text = ("项目名称\n抚恤金\n一级指标\n二级指标\n三级指标\n绩效标准\n指标值\n备注\n"
            "产出指标\n数量指标\n发放人数\n计划标准\n=1人\n"
            "质量指标\n发放合规率\n=100%\n核心指标\n"
            "效益指标\n社会效益指标\n安抚家属情绪\n根据年度工作计划确定\n安抚\n"
            "满意度指标\n服务对象满意度指标\n家属满意度\n历史标准\n=100%\n")
    document = read(text)
    assert rows(document) == [("产出指标", "数量指标", "发放人数", "=1人"),
                              ("产出指标", "质量指标", "发放合规率", "=100%"),
                              ("效益指标", "社会效益指标", "安抚家属情绪", "安抚"),
                              ("满意度指标", "服务对象满意度指标", "家属满意度", "=100%")]
    indicators = document.projects[0].indicators
    assert [i.basis for i in indicators] == ["计划标准", None, "根据年度工作计划确定", "历史标准"]
    assert indicators[1].remarks == "核心指标"


def test_one_cell_per_line_with_mid_term_and_annual_values():
    # shared/corpus 16 (Lu'an), lines 5, 9 and 18-21: 指标值 (中期) beside 指标值 (年度) under one name, copied
    # from a PDF a cell per line: two values of one row, not two tables side by side (the order of the two values
    # is checked on synthetic forms whose values differ: tests/test_shapes.py, mid_annual / annual_mid)
    text = ("项目名称\n发展建设类-农产品质检体系建设和“三品一标”发展项目\n年度资金总额:\n51.35\n"
            "一级指标\n二级指标\n三级指标\n中期指标值\n年度指标值\n"
            "产出指标\n数量指标\n鉴定校准实验室仪器\n≥57个\n≥57个\n"
            "购买标准试剂\n≥100个\n≥100个\n"
            "质量指标\n农产品例行监测合格率\n≥98%\n≥98%\n")
    document = read(text)
    assert document.layout == "line_cells"
    want = [("产出指标", "数量指标", "鉴定校准实验室仪器", "≥57个"), ("产出指标", "数量指标", "购买标准试剂", "≥100个"),
            ("产出指标", "质量指标", "农产品例行监测合格率", "≥98%")]
    assert rows(document) == want and rows(document, "mid") == want


# --- every cell after its column's name and a colon (labelled_fields) -------------------------------------------
def test_indicators_written_as_labelled_records():
    text = ("项目支出绩效目标表\n项目名称：法治宣传经费\n主管部门：天津市西青区司法局　实施单位：天津市西青区司法局\n"
            "年度资金总额：10.4\n"
            "一级指标：产出指标　二级指标：数量指标　三级指标：法治文艺演出场次　指标值：=2场\n"
            "一级指标：产出指标；二级指标：质量指标；三级指标：宣传区域覆盖率；指标值：100%\n"
            "一级指标：满意度指标　二级指标：服务对象满意度指标　三级指标：普法宣传对象满意度　指标值：≥80%\n")
    document = read(text)
    assert document.layout == "labelled_fields"
    project = document.projects[0]
    assert (project.name, project.total_wan, project.department) == ("法治宣传经费", 10.4, "天津市西青区司法局")
    assert rows(document) == [("产出指标", "数量指标", "法治文艺演出场次", "=2场"),
                              ("产出指标", "质量指标", "宣传区域覆盖率", "100%"),
                              ("满意度指标", "服务对象满意度指标", "普法宣传对象满意度", "≥80%")]
    assert [i.line_start for i in project.indicators] == [5, 6, 7]


def test_labelled_records_written_as_sentences():
    # Xiqing's 法治宣传经费 rows, each record a sentence of pairs set apart by commas (SYNTHETIC punctuation); a comma
    # inside the goal stays there (it was refused: 无法识别版式)
    text = ("项目名称：法治宣传经费，年度资金总额：10.4\n"
            "年度绩效目标：开展法治宣传教育活动，提高群众法治意识，营造法治氛围。\n"
            "一级指标：产出指标，二级指标：数量指标，三级指标：法治文艺演出场次，指标值：=2场。\n"
            "一级指标：产出指标，二级指标：质量指标，三级指标：宣传区域覆盖率，指标值：100%；\n"
            "一级指标：满意度指标、二级指标：服务对象满意度指标、三级指标：普法宣传对象满意度、指标值：≥80%\n")
    document = read(text)
    assert document.layout == "labelled_fields"
    assert (document.projects[0].total_wan, document.projects[0].goal) == (
        10.4, "开展法治宣传教育活动，提高群众法治意识，营造法治氛围。")
    assert rows(document) == [("产出指标", "数量指标", "法治文艺演出场次", "=2场"),
                              ("产出指标", "质量指标", "宣传区域覆盖率", "100%"),
                              ("满意度指标", "服务对象满意度指标", "普法宣传对象满意度", "≥80%")]


def test_labelled_records_one_pair_per_line():
    text = "项目名称：法治宣传经费\n年度资金总额：10.4\n" + "".join(
        f"一级指标：{l1}\n二级指标：{l2}\n指标名称：{name}\n指标值：{value}\n"
        for l1, l2, name, value in [("产出指标", "数量指标", "法治文艺演出场次", "=2场"),
                                    ("满意度指标", "服务对象满意度指标", "普法宣传对象满意度", "≥80%")])
    document = read(text)
    assert document.layout == "labelled_fields"
    assert rows(document) == [("产出指标", "数量指标", "法治文艺演出场次", "=2场"),
                              ("满意度指标", "服务对象满意度指标", "普法宣传对象满意度", "≥80%")]


def test_labelled_fields_above_a_table_are_not_records():
    # the form's fields labelled, its indicator table in tab rows: the table's layout reads it
    text = ("项目名称：法治宣传经费\n年度资金总额：10.4\n一级指标\t二级指标\t三级指标\t指标值\n"
            "产出指标\t数量指标\t法治文艺演出场次\t=2场\n\t质量指标\t宣传区域覆盖率\t100%\n")
    document = read(text)
    assert document.layout == "tab_rows"
    assert rows(document) == [("产出指标", "数量指标", "法治文艺演出场次", "=2场"),
                              ("产出指标", "质量指标", "宣传区域覆盖率", "100%")]


def test_labelled_records_with_operator_and_unit_labels():
    # Pingluo's 安置帮教 rows written as records of a 指标性质 | 指标值 | 度量单位 form: the three join into one target
    text = ("项目名称：安置帮教工作经费\n年度资金总额：38　其中：财政拨款：38\n"
            "一级指标：产出指标　二级指标：数量指标　三级指标：调查评估建立工作档案　"
            "指标性质：≥　指标值：200　度量单位：人\n"
            "一级指标：产出指标　二级指标：质量指标　三级指标：社区矫正对象再犯罪率　"
            "指标性质：≤　指标值：0.3　度量单位：%\n"
            "一级指标：效益指标　二级指标：可持续影响指标　三级指标：树立司法行政良好形象　"
            "指标性质：定性　指标值：长效　度量单位：\n")
    document = read(text)
    assert document.layout == "labelled_fields"
    project = document.projects[0]
    assert (project.name, project.total_wan) == ("安置帮教工作经费", 38)
    assert [(s.source, s.amount_wan) for s in project.funding] == [("财政拨款", 38)]  # the label after 其中：
    assert rows(document) == [("产出指标", "数量指标", "调查评估建立工作档案", "≥200人"),
                              ("产出指标", "质量指标", "社区矫正对象再犯罪率", "≤0.3%"),
                              ("效益指标", "可持续影响指标", "树立司法行政良好形象", "长效")]
    assert [i.line_start for i in project.indicators] == [3, 4, 5]


def test_labelled_records_with_mid_term_and_annual_values():
    text = ("项目名称：安置帮教工作经费\n年度资金总额：38\n"
            "序号：1　一级指标：产出指标　二级指标：数量指标　三级指标：开展慰问及帮扶　中期指标值：≥300人次　"
            "年度指标值：≥100人次\n"
            "序号：2　一级指标：满意度指标　二级指标：服务对象满意度指标　三级指标：社区矫正对象满意度　"
            "中期指标值：≥90%　年度指标值：≥90%\n")
    document = read(text)
    assert rows(document) == [("产出指标", "数量指标", "开展慰问及帮扶", "≥100人次"),
                              ("满意度指标", "服务对象满意度指标", "社区矫正对象满意度", "≥90%")]
    assert rows(document, "mid") == [("产出指标", "数量指标", "开展慰问及帮扶", "≥300人次"),
                                     ("满意度指标", "服务对象满意度指标", "社区矫正对象满意度", "≥90%")]


# --- a numbered outline: 一、level-1 / （一）level-2 / 1.indicator value (numbered_outline) -------------------------
OUTLINE_ROWS = (("法治文艺演出场次", "=2场"), ("普法培训讲座次数", "=1次"), ("培训参与率", "100%"),
                ("普法宣传对象满意度", "≥80%"))  # Xiqing's 法治宣传经费 (sample, lines 36-48)


@pytest.mark.parametrize("item", ["{n}.{x}{v}", "{n}、{x}，目标值{v}", "{n}.{x}（{v}）", "{x}：{v}"])
def test_an_outlines_item_with_its_value_in_words_in_brackets_fused_or_unnumbered(item):
    # the same outline with each item written otherwise (SYNTHETIC wording, real rows): …，目标值=2场, …（=2场）,
    # …场次=2场 / …参与率100% fused, or name：value without a number under its heading (each read no value before,
    # the last refused)
    k = [item.format(n=n, x=x, v=v) for n, (x, v) in zip((1, 2, 1, 1), OUTLINE_ROWS)]
    text = ("项目名称：法治宣传经费\n年度资金总额：10.4万元\n一、产出指标\n（一）数量指标\n" + k[0] + "\n" + k[1] + "\n"
            "（二）质量指标\n" + k[2] + "\n二、满意度指标\n（一）服务对象满意度指标\n" + k[3] + "\n")
    document = read(text)
    assert document.layout == "numbered_outline"
    assert [(name, value) for _, _, name, value in rows(document)] == list(OUTLINE_ROWS)


def test_an_item_number_before_a_digit_right_under_a_heading_is_item_1():
    # corpus 29 (Hengshan) in an outline: 1.5000吨稻谷… is item 1, not a decimal 1.5000
    text = ("项目名称：县级储备粮\n年度资金总额：194.9万元\n一、产出指标\n（一）数量指标\n"
            "1.5000吨稻谷、500吨成品粮储备到位率：100%\n2.库存数量真实率：100%\n")
    assert [(name, value) for _, _, name, value in rows(read(text))] == [
        ("5000吨稻谷、500吨成品粮储备到位率", "100%"), ("库存数量真实率", "100%")]


def test_indicators_written_as_a_numbered_outline():
    text = """项目名称：法治宣传经费
年度资金总额：10.4万元
一、产出指标
（一）数量指标
1.指标1:法治文艺演出场次：=2场
2.开展专项法治宣传活动次数 ≥1 次
（二）成本指标
1.普法宣传费用：≤10.4万元
二、效益指标
（一）社会效益指标
1.提升群众法治意识 提升
三、成本指标
（一）经济成本指标
1.人均宣传成本：≤2元
"""
    document = read(text)
    assert document.layout == "numbered_outline"
    assert [(p.name, p.total_wan) for p in document.projects] == [("法治宣传经费", 10.4)]
    # 成本指标 under （一）… is a level-2 and under 三、 a level-1: the level its numbering style has elsewhere
    assert rows(document) == [("产出指标", "数量指标", "指标1:法治文艺演出场次", "=2场"),
                              ("产出指标", "数量指标", "开展专项法治宣传活动次数", "≥1次"),
                              ("产出指标", "成本指标", "普法宣传费用", "≤10.4万元"),
                              ("效益指标", "社会效益指标", "提升群众法治意识", "提升"),
                              ("成本指标", "经济成本指标", "人均宣传成本", "≤2元")]


def test_an_outline_item_number_before_a_name_beginning_with_a_digit():
    # corpus 05 lines 59-65 as a numbered list: 2.7 岁以下… alone reads as a decimal; it is item 2, the one after
    # item 1
    text = ("项目名称：国家基本公共卫生服务项目\n一、产出指标\n（一）数量指标\n1.适龄儿童国家免疫规划疫苗接种率：≧90%\n"
            "2.7 岁以下儿童健康管理率：≧85%\n")
    document = read(text)
    assert document.layout == "numbered_outline"
    assert [(i.name, i.value) for i in document.projects[0].indicators] == [
        ("适龄儿童国家免疫规划疫苗接种率", "≧90%"), ("7 岁以下儿童健康管理率", "≧85%")]


def test_a_short_outline_is_an_outline_not_one_cell_per_line():
    # corpus 20's one indicator under its two headings (the excerpt is cut off): a numbered item holds its name and
    # its value, two cells, so the text is not one cell per line
    text = ("项目名称：2021年第一批中央大气污染防治资金\n年度资金总额：2380.91万元\n其中：中央资金：871万元\n"
            "地方资金：1509.91万元\n一、产出指标\n（一）数量指标\n1.建设环境空气质量自动监测子站：11个\n")
    document = read(text)
    assert document.layout == "numbered_outline"
    project = document.projects[0]
    assert (project.total_wan, sorted(s.amount_wan for s in project.funding)) == (2380.91, [871, 1509.91])
    assert rows(document) == [("产出指标", "数量指标", "建设环境空气质量自动监测子站", "11个")]


def test_numbered_indicators_without_level_headings():
    # corpus 23's table has no level columns: its indicators as a numbered list under the project's fields
    text = ("项目名称：残疾人事业宣传文化经费\n1.全国助残日活动次数：1次\n2.报纸杂志专版专栏：1个\n"
            "3.电视专栏节目：24期\n4.宣传覆盖面：拓宽\n")
    document = read(text)
    assert document.layout == "numbered_outline"
    assert rows(document) == [(None, None, "全国助残日活动次数", "1次"), (None, None, "报纸杂志专版专栏", "1个"),
                              (None, None, "电视专栏节目", "24期"), (None, None, "宣传覆盖面", "拓宽")]


# --- the same outline marked by bullets or indentation instead of numbers (a list pasted from a web page, Word's
# bulleted list, a list typed with indentation): read by numbered_outline
_XIQING_FIELDS = "项目支出绩效目标表（2024年度）\n项目名称：抚恤金\n主管部门：天津市西青区司法局\n项目资金：18.47万元\n"
# Xiqing 2024's first project (sample_data lines 7–21): its six indicators as printed
_XIQING_ROWS = [("产出指标", "数量指标", "发放人数", "=1人"), ("产出指标", "质量指标", "发放合规率", "=100%"),
                ("产出指标", "时效指标", "发放及时率", "=100%"), ("产出指标", "成本指标", "抚恤金金额", "=184722元"),
                ("效益指标", "社会效益指标", "安抚家属情绪", "安抚"),
                ("满意度指标", "服务对象满意度指标", "家属满意度", "=100%")]


def _xiqing_list(heading, item) -> str:
    """Xiqing's first project as a list: ``heading(depth, label)`` and ``item(name, value)`` give the lines."""
    lines, last1, last2 = [], None, None
    for level1, level2, name, value in _XIQING_ROWS:
        if level1 != last1:
            lines.append(heading(0, level1))
        if level2 != last2:
            lines.append(heading(1, level2))
        lines.extend(item(name, value))
        last1, last2 = level1, level2
    return _XIQING_FIELDS + "绩效指标：\n" + "\n".join(lines) + "\n"


@pytest.mark.parametrize("style", ["markdown", "bullets", "plain", "indented", "indented_gap", "value_below"])
def test_indicators_written_as_a_list_bulleted_or_indented(style):
    # all were refused (无法识别版式) before: only numbered headings and items were an outline
    heading, item = {
        "markdown": (lambda d, t: "  " * d + "- " + t, lambda n, v: [f"    - {n}：{v}"]),
        "bullets": (lambda d, t: "\u3000" * d + "● " + t, lambda n, v: [f"\u3000\u3000○ {n}：{v}"]),
        "plain": (lambda d, t: t, lambda n, v: [f"{n}：{v}"]),
        "indented": (lambda d, t: "\t" * d + t, lambda n, v: [f"\t\t{n}：{v}"]),
        "indented_gap": (lambda d, t: "  " * d + t, lambda n, v: [f"    {n}  {v}"]),
        "value_below": (lambda d, t: "  " * d + t, lambda n, v: [f"    {n}", f"      {v}"]),
    }[style]
    document = read(_xiqing_list(heading, item))
    assert document.layout == "numbered_outline"
    project = document.projects[0]
    assert (project.name, project.total_wan) == ("抚恤金", 18.47)
    assert rows(document) == _XIQING_ROWS


def test_an_indented_list_reads_any_value_at_its_items_depth():
    # Funing 2020's first project (sample_data lines 81–87, as its hand-checked fixture reads them) in an indented
    # list, each value on the line below its name, indented deeper: where most lines at the items' depth are a name
    # over a target, a value in free words (高效高质量提供援助) or none at all makes an item too
    funing = [("产出指标", "数量指标", "法律援助咨询、案件受理数", "≥260件"),
              ("产出指标", "质量指标", "提高法律援助工作质量", "高效高质量提供援助"),
              ("产出指标", "数量指标", "组织主题宣传活动场次", ""),
              ("效益指标", "社会效益指标", "法律援助案件办结率(%)", "75%"),
              ("产出指标", "成本指标", "案件补贴律师值班补贴", "70%"),
              ("效益指标", "社会效益指标", "法律援助宣传人次", "≥30 人次"),
              ("满意度指标", "服务对象满意度指标", "群众满意度", "≥65百分率")]
    lines = ["项目名称：法律援助经费", "预算数：16.00"]
    for level1, level2, name, value in funing:
        lines += [level1, "  " + level2, "    " + name] + (["      " + value] if value else [])
    assert [(a, b, c, squash(d)) for a, b, c, d in rows(read("\n".join(lines) + "\n"))] == [
        (a, b, c, squash(d)) for a, b, c, d in funing]


def test_a_table_in_space_columns_with_a_level_on_its_own_line_is_no_list():
    # corpus 19's rows in space-separated columns under a 二级指标 三级指标 指标值 header, 产出指标 on a row of its own:
    # the lines of three pieces say it is a table (the list reading took its rows for items without level-2)
    text = ("项目名称  药品监管经费\n二级指标  三级指标  指标值\n产出指标\n数量指标  指标1.药品抽验品种  ≥3\n"
            "指标2.化妆品抽验批次  ≥3\n质量指标  指标1.药品抽检完成率  100%\n指标2.化妆品抽验完成率  100%\n")
    document = read(text)
    assert document.layout != "numbered_outline"
    assert rows(document) == [("产出指标", "数量指标", "指标1.药品抽验品种", "≥3"),
                              ("产出指标", "数量指标", "指标2.化妆品抽验批次", "≥3"),
                              ("产出指标", "质量指标", "指标1.药品抽检完成率", "100%"),
                              ("产出指标", "质量指标", "指标2.化妆品抽验完成率", "100%")]


def test_a_name_that_names_its_own_category_in_a_stream_of_cells():
    # shared/corpus 33 (Shizuishan): under 服务对象满意度指标(必填) the indicator is called 服务对象满意度; in a
    # stream of one cell per paragraph no column tells the label from the name
    cells = ["项目名称", "狂犬、乙肝、流感等疫苗及美沙酮药物", "一级指标", "二级指标", "三级指标", "指标值",
             "满意度指标", "服务对象满意度指标(必填)", "服务对象满意度", "100%"]
    document = read("\n\n".join(cells) + "\n")
    assert document.layout == "paragraph_cells"
    assert rows(document) == [("满意度指标", "服务对象满意度指标", "服务对象满意度", "100%")]


def test_a_category_note_is_not_an_indicator_name():
    from ingest.interpret.tokens import LX, NOISE, content_class
    from tests.corpus import CORPUS

    # shared/corpus 22 (Ningjin): 项目年度绩效目标(定量指标) is the form's category cell, neither a level nor an
    # indicator; 制度指标 after it is the row's level (评价内容), 规章制度建立与否 its name (fixture, line 17)
    assert content_class("项目年度绩效目标(定量指标)") == NOISE
    assert content_class("制度指标") == LX and content_class("规章制度建立与否") != LX
    document = read((CORPUS / "22_ningjin_jiaoyuju_2019.txt").read_text(encoding="utf-8"))
    first = document.projects[0].indicators[0]
    assert (first.line_start, first.level2_raw, first.name) == (17, "制度指标", "规章制度建立与否")


def test_a_self_evaluation_row_whose_actual_and_reason_cells_run_on_in_a_stream_of_cells():
    # shared/corpus 20 (Xianning), lines 87-113: after the target 11个 the 全年完成值 cell re-prints the name and
    # then 0, and the 原因 cell is a narrative cut at 改进措施: — the row's last cells, not two more indicators
    cells = ["转移支付(项目)名称", "2021年第一批中央大气污染防治资金", "一级指标", "二级指标", "三级指标",
             "年度指标值", "全年完成值", "未完成原因和改进措施", "产出指标", "数量指标", "建设环境空气质量自动监测子站",
             "11个", "建设环境空气质量自动监测子站", "0",
             "在准备开始建设时,发现原计划建设内容不适合现状。经咨询生态环境部和省生态环境厅,可以结合工作实际对项目"
             "建设内容进行适当调整。", "改进措施:"]
    document = read("\n\n".join(cells) + "\n")
    assert document.layout == "paragraph_cells"
    assert rows(document) == [("产出指标", "数量指标", "建设环境空气质量自动监测子站", "11个")]
    indicator = document.projects[0].indicators[0]
    assert squash(indicator.actual) == "建设环境空气质量自动监测子站0"
    assert indicator.remarks.startswith("在准备开始建设时") and indicator.remarks.endswith("改进措施:")


def test_space_columns_with_label_broken_one_word_per_line():
    # shared/corpus 03 (Ningde): cells separated by spaces; 年度/预算/安排/(万元) printed one word per line.
    text = ("部门整体支出绩效目标表\n(2019年度)\n部门(单位)名称 中共宁德市委党史和地方志研究室\n"
            "年度\n预算\n安排\n(万元)\n"
            "        资金总额 171.41\n  项目支出 60.8\n  基本支出 110.61\n"
            "一级指标 二级指标 三级指标 指标解释 目标值\n"
            "产出指标 数量指标 志鉴地情相关工作开展所需资金的供应时效 100%(历史标准) 100%\n"
            "确保日常工作正常运行 100% 100%\n"
            "满意度指标 服务对象满意度指标 社会公众满意度 90%(计划标准) ≥90%\n")
    document = read(text)
    assert document.layout == "space_columns"
    overall = document.department_overall
    assert (overall.total_wan, overall.project_wan, overall.basic_wan) == (171.41, 60.8, 110.61)
    assert [(squash(i.name), i.description, i.value) for i in overall.indicators] == [
        ("志鉴地情相关工作开展所需资金的供应时效", "100%(历史标准)", "100%"),
        ("确保日常工作正常运行", "100%", "100%"),
        ("社会公众满意度", "90%(计划标准)", "≥90%"),
    ]


def test_run_together_cells_are_cut_by_vocabulary_and_value_grammar():
    # shared/corpus 27 (Zhongjiang): score, target, actual and score fused to the name.
    cells = run_together.segment("绩效指标一级指标二级指标三级指标分值年度指标值全年实际值得分产出指标(70分)数量指标"
                                 "安装坡面水标尺10≥266米≥266米10质量指标项目(工程)验收合格率20100%100%20"
                                 "效益指标(20分)社会效益指标群众生产生活条件改善状况10显著提升显著提升10")
    assert cells == ["绩效指标", "一级指标", "二级指标", "三级指标", "分值", "年度指标值", "全年实际值", "得分",
                     "产出指标(70分)", "数量指标", "安装坡面水标尺", "10", "≥266米", "≥266米", "10", "质量指标",
                     "项目(工程)验收合格率", "20", "100%", "100%", "20", "效益指标(20分)", "社会效益指标",
                     "群众生产生活条件改善状况", "10", "显著提升", "显著提升", "10"]


def test_run_together_qualitative_values_are_cut_from_the_end_of_names():
    # The samples' own rows (Xiqing 2024, Pingluo 2024) run together: a value with no number glued to its name.
    # 抚恤金 (Xiqing): 安抚家属情绪 | 安抚, the value repeating the word the name begins with.
    assert run_together.segment("社会效益指标安抚家属情绪安抚满意度指标") == [
        "社会效益指标", "安抚家属情绪", "安抚", "满意度指标"]
    # 区政府外聘法律顾问经费 (Xiqing): two names and values each, degree + change (有效提升, 逐步健全).
    assert run_together.segment("社会效益指标提升依法行政能力有效提升提高案件办理效率有效提高可持续影响指标"
                                "健全合法性审核工作机制逐步健全健全区政府案件代理应诉机制逐步健全") == [
        "社会效益指标", "提升依法行政能力", "有效提升", "提高案件办理效率", "有效提高", "可持续影响指标",
        "健全合法性审核工作机制", "逐步健全", "健全区政府案件代理应诉机制", "逐步健全"]
    # 社区矫正经费 (Pingluo): deadline phrases, two side by side (按时完成 is the name's, 年度内完成 the value).
    assert run_together.segment("时效指标调查评估按时完成年度内完成警示教育培训按季度完成社区矫正社会工作服务"
                                "1 年内完成") == [
        "时效指标", "调查评估按时完成", "年度内完成", "警示教育培训", "按季度完成", "社区矫正社会工作服务",
        "1 年内完成"]
    # 法治建设经费 (Pingluo): 全面提升 inside a long name stays there; 长效发展 is the value.
    assert run_together.segment("可持续影响指标坚持依法治县、依法行政、依法行政共同推进，法治平罗、法治政府、"
                                "法治社会一体建设，全面提升法治建设规范化水平长效发展满意度指标")[1:3] == [
        "坚持依法治县、依法行政、依法行政共同推进，法治平罗、法治政府、法治社会一体建设，全面提升法治建设规范化水平",
        "长效发展"]
    # a name with no value of the vocabulary after it is left whole
    assert run_together.segment("社会效益指标群众法治意识满意度指标") == ["社会效益指标", "群众法治意识", "满意度指标"]


def test_space_columns_number_a_space_before_its_unit():
    # sample_data Pingluo 2024 (每人每月生活补助 4583.33 元/人/月) and Funing 2020 (时效指标 2020 年内 … 2020 年底): a
    # number and its unit one space apart are one cell, the columns two spaces apart.
    text = ("项目支出绩效目标表\n项目名称  社区矫正经费\n一级指标  二级指标  三级指标  指标值\n"
            "产出指标  时效指标  2020 年内  2020 年底\n"
            "成本指标  每人每月生活补助  4583.33 元/人/月\n"
            "满意度指标  服务对象满意度指标  群众满意度  ≥90%\n")
    document = read(text)
    assert document.layout == "space_columns"
    assert [(i.level2, squash(i.name), squash(i.value)) for i in document.projects[0].indicators] == [
        ("时效指标", "2020年内", "2020年底"), ("成本指标", "每人每月生活补助", "4583.33元/人/月"),
        ("服务对象满意度指标", "群众满意度", "≥90%")]


def test_space_columns_placed_under_the_header_not_by_count_of_words():
    # Funing 2020 (sample lines 81-83) with its 指标值 column as a form printing mid-term beside annual values
    # (中期指标值 | 年度指标值, the same text in both where the target is words): a row leaves out the level-1 cell
    # merged above it, so counted from the left its name stood under 二级指标 and its first value under 三级指标 —
    # read as the rest of the name, the annual value left blank. Its label goes under its level's column, the rest
    # under the columns after the level columns
    text = ("项目支出绩效目标表\n项目名称  法律援助经费\n一级指标  二级指标  三级指标  中期指标值  年度指标值\n"
            "产出指标  数量指标  法律援助咨询、案件受理数  ≥260件  ≥260件\n"
            "质量指标  提高法律援助工作质量  高效高质量提供援助  高效高质量提供援助\n"
            "数量指标  组织主题宣传活动场次  年度工作计划  年度工作计划\n")
    document = read(text)
    assert document.layout == "space_columns"
    assert [(i.level2, squash(i.name), squash(i.value)) for i in document.projects[0].indicators
            if i.target_set == "annual"] == [
        ("数量指标", "法律援助咨询、案件受理数", "≥260件"), ("质量指标", "提高法律援助工作质量", "高效高质量提供援助"),
        ("数量指标", "组织主题宣传活动场次", "年度工作计划")]


def test_fields_written_label_colon_content_above_a_space_separated_table():
    # Xiqing 2024 (sample), 抚恤金 and 法治宣传经费 (lines 7-21 and 24-38): the form's fields written label：content,
    # one per line, above the indicator rows set apart by spaces (a web page's text): a field line begins a row of
    # its own, never the rest of the title or of the row above
    text = ("项目支出绩效目标表\n项目名称：抚恤金\n主管部门：天津市西青区司法局\n年度资金总额：18.47万元\n"
            "一级指标  二级指标  三级指标  指标值\n产出指标  数量指标  发放人数  =1人\n"
            "满意度指标  服务对象满意度指标  家属满意度  =100%\n"
            "项目支出绩效目标表\n项目名称：法治宣传经费\n主管部门：天津市西青区司法局\n年度资金总额：10.4万元\n"
            "一级指标  二级指标  三级指标  指标值\n产出指标  数量指标  法治文艺演出场次  =2场\n")
    document = read(text)
    assert [(p.name, p.department, p.total_wan) for p in document.projects] == [
        ("抚恤金", "天津市西青区司法局", 18.47), ("法治宣传经费", "天津市西青区司法局", 10.4)]
    assert rows(document) == [("产出指标", "数量指标", "发放人数", "=1人"),
                              ("满意度指标", "服务对象满意度指标", "家属满意度", "=100%"),
                              ("产出指标", "数量指标", "法治文艺演出场次", "=2场")]


def test_fields_written_label_colon_content_in_one_paragraph_above_cells_one_per_paragraph():
    # Yuanjiang 2024 (sample), 三调联动工作经费: the form's fields written label：content one per line with no blank
    # line between them (nor before the header), the table's cells one per paragraph: each field is a cell
    text = ("项目支出绩效目标表\n项目名称：三调联动工作经费\n主管部门：沅江市司法局\n年度资金总额：4.096万元\n"
            "其中本级预算：4.096万元\n一级指标\n\n二级指标\n\n三级指标\n\n指标值\n\n效益指标\n\n社会效益指标\n\n"
            "防范排查出的重大疑难复杂矛盾纠纷率\n\n80%\n")
    document = read(text)
    project = document.projects[0]
    assert (project.name, project.department, project.total_wan) == ("三调联动工作经费", "沅江市司法局", 4.096)
    assert [(f.source, f.amount_wan) for f in project.funding] == [("本级预算", 4.096)]
    assert rows(document) == [("效益指标", "社会效益指标", "防范排查出的重大疑难复杂矛盾纠纷率", "80%")]


def test_funding_written_as_a_sentence():
    # Xiqing 2024 (sample), 抚恤金 (lines 7-12: 18.47 万元, 中央补助 0.00, 区级资金 18.47) as a web page writes the
    # funding in a sentence: each amount after a total or funding label is read; a sentence whose amounts follow
    # no such label (shared/corpus 14's goal: …结算532万元,…结算387万元) stays text
    text = ("项目支出绩效目标表\n项目名称：抚恤金    主管部门：天津市西青区司法局\n"
            "项目资金：年度资金总额18.47万元，其中中央补助0万元、区级资金18.47万元。\n"
            "年度绩效目标：督促勘察设计单位、咨询单位完成勘察设计费、审查咨询费结算532万元,以及茶山、常平镇街完成3个项目"
            "补助尾款结算387万元\n"
            "一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t发放人数\t=1人\n")
    project = read(text).projects[0]
    assert (project.name, project.department, project.total_wan) == ("抚恤金", "天津市西青区司法局", 18.47)
    assert [(f.source, f.amount_wan) for f in project.funding] == [("中央补助", 0.0), ("区级资金", 18.47)]
    assert project.goal == ("督促勘察设计单位、咨询单位完成勘察设计费、审查咨询费结算532万元,"
                            "以及茶山、常平镇街完成3个项目补助尾款结算387万元")


def test_space_columns_table_without_level_columns_after_a_long_paragraph():
    # corpus 23 (湖北省残联 2017): a table with no level columns (三级指标 | 年度指标值), each row a name and its
    # target two spaces apart, after a long paragraph of the report: the rows count toward the layout as rows of a
    # name and a target do one space apart (a PDF copied row by row), so the paragraph no longer hides the table.
    text = ("项目支出绩效目标表\n项目名称  湖北省残疾人事业宣传文化工作经费项目\n"
            "2017年度预算资金主要用于残疾人事业宣传、残疾人文化建设、全省残联宣文干部培训等,三个部分预算资金分别74万元、"
            "14万元、8万元,预算资金分别占当年预算资金比重为74%、14%、8%。\n"
            "三级指标  年度指标值\n全国助残日活动次数  1次\n报纸杂志专版专栏  1个\n"
            "电视专栏节目  24期\n广播专题节目  104期\n")
    document = read(text)
    assert document.layout == "space_columns"
    assert [(squash(i.name), squash(i.value)) for i in document.projects[0].indicators] == [
        ("全国助残日活动次数", "1次"), ("报纸杂志专版专栏", "1个"), ("电视专栏节目", "24期"), ("广播专题节目", "104期")]


def test_run_together_values_with_per_ranges_spaced_dates_and_compound_units():
    # 社区矫正经费 and 司法协理员 (Pingluo 2024), cost and time rows run together as extracted (spaces kept).
    assert run_together.segment("成本指标开展警示教育、培训每次 2500 元左右开展慰问及帮扶每人 400 元-3000 元"
                                "社区矫正社会工作服务每年 5-10 万元") == [
        "成本指标", "开展警示教育、培训", "每次 2500 元左右", "开展慰问及帮扶", "每人 400 元-3000 元",
        "社区矫正社会工作服务", "每年 5-10 万元"]
    assert run_together.segment("时效指标发放生活补助2024 年底成本指标每人每月生活补助2746 元/人/月") == [
        "时效指标", "发放生活补助", "2024 年底", "成本指标", "每人每月生活补助", "2746 元/人/月"]


def test_run_together_targets_opened_by_a_word_and_counts_closed_by_their_bound():
    # Written by hand in the samples' columns (no sample prints its operators as words in a value cell; the value
    # grammar reads them: ingest/data/values.json, operators.prefix_words): 不少于 / 不低于 / 超过 open a target as
    # ≥ does, a date may end in 底前, a count with 以上 ends its cell, and 达到 before a bare target goes with it.
    assert run_together.segment("产出指标数量指标培训人次不少于200人次质量指标培训合格率不低于95%"
                                "时效指标完成时间2024年底前") == [
        "产出指标", "数量指标", "培训人次", "不少于200人次", "质量指标", "培训合格率", "不低于95%",
        "时效指标", "完成时间", "2024年底前"]
    assert run_together.segment("产出指标数量指标开展活动次数达到5次以上覆盖人数超过1000人") == [
        "产出指标", "数量指标", "开展活动次数", "达到5次以上", "覆盖人数", "超过1000人"]
    # an operator word after a text that does not end as names do opens no target of its own: in the sample's
    # Qingdao row 机房驻场工作人员 | 大于3名专业工程师驻场 (a value in words, not yet read) no cell 大于3名 is cut,
    # which would leave its words 专业工程师驻场 a row of their own
    cells = run_together.segment("质量指标机房驻场工作人员大于3名专业工程师驻场")
    assert cells[0] == "质量指标" and "大于3名" not in cells
    assert "".join(cells[1:]) == "机房驻场工作人员大于3名专业工程师驻场"
    # a 完成 right after a value begins the next name when a measure word follows (完成时间, 完成率)
    assert run_together.segment("产出指标质量指标培训合格率不低于95%完成时间2024年底前") == [
        "产出指标", "质量指标", "培训合格率", "不低于95%", "完成时间", "2024年底前"]
    # and a count right after a value, bound and all, is still the next name's beginning (corpus 05)
    assert run_together.segment("数量指标≧90%7岁以下儿童健康管理率≧85%") == [
        "数量指标", "≧90%", "7岁以下儿童健康管理率", "≧85%"]
    target = read_value("不少于200人次", 2024, "培训人次")
    assert (target.op, target.number, target.unit) == (">=", 200, "人次")


def test_run_together_labels_inside_an_indicator_table_are_parts_of_names():
    # Qingdao 2023 rows: 单位负责人 (a form field) and 服务对象满意度 (a category) inside indicator names.
    assert run_together.segment("一级指标二级指标三级指标指标值产出指标时效指标行政诉讼单位负责人及时到庭率100%") == [
        "一级指标", "二级指标", "三级指标", "指标值", "产出指标", "时效指标", "行政诉讼单位负责人及时到庭率", "100%"]
    assert run_together.segment("满意度指标服务对象满意度指标考试考核服务对象满意度≥90%") == [
        "满意度指标", "服务对象满意度指标", "考试考核服务对象满意度", "≥90%"]
    # ... while a new form's name label still starts a form
    assert "项目名称" in run_together.segment("产出指标数量指标培训人次≥200人次项目支出绩效目标表项目名称法律援助经费")


def test_run_together_page_numbers_of_a_document_site_are_not_text():
    # shared/corpus 29 (Hengshan): each page is one long line numbered 1、 2、 3、, cut in the middle of a row, so the
    # value 高 of 粮食储备设备维护及安全性 (target and actual: 高高) opens page 3.
    pages = ["1、项目绩效目标自评表项目名称县级储备粮年度资金总额194.9一级指标二级指标三级指标年度指标值全年完成值"
             "产出指标数量指标库存数量真实率100%",
             "2、100%质量指标储备粮管理专户管理率100%100%效益指标可持续影响指标粮食储备设备维护及安全性",
             "3、高高满意度指标服务对象满意度指标市民满意度调查90%100%说明无"]
    document = read("\n".join(pages) + "\n")
    assert document.layout == "run_together"
    assert [(squash(i.name), i.value) for i in document.projects[0].indicators] == [
        ("库存数量真实率", "100%"), ("储备粮管理专户管理率", "100%"), ("粮食储备设备维护及安全性", "高"),
        ("市民满意度调查", "90%")]


def test_run_together_scores_fused_to_targets_in_units_with_a_multiplier():
    # shared/corpus 31 (Yuanzhou): 分值 8 | 年度指标值 550万粒 | 全年实际值 550万粒 | 得分 8, no separator.
    assert run_together.segment("数量指标指标1免费发放原原种8550万粒550万粒8指标2企业自行采购8200万粒200万粒8") == [
        "数量指标", "指标1免费发放原原种", "8", "550万粒", "550万粒", "8", "指标2企业自行采购", "8", "200万粒",
        "200万粒", "8"]


def test_run_together_cells_of_corpus_tables_with_their_separators_removed():
    # Real rows of shared/corpus, their cells pasted with no separator (as document sites print them).
    # 14 (Dongguan): a label's bracketed alternative, ± and a judgement after a word asking for one.
    assert run_together.segment_raw("数量指标(或建筑规模指标)镇街补助款完成结算项目数3质量指标补助款结算误差率±3%以内"
                                "时效指标(工期指标)结算款支付及时性及时") == [
        "数量指标", "镇街补助款完成结算项目数", "3", "质量指标", "补助款结算误差率", "±3%以内", "时效指标",
        "结算款支付及时性", "及时"]
    # 05 (Mengcheng): a name that begins with a number and unit, right after the value before it.
    assert run_together.segment_raw("数量指标适龄儿童国家免疫规划疫苗接种率≧90%7 岁以下儿童健康管理率≧85%") == [
        "数量指标", "适龄儿童国家免疫规划疫苗接种率", "≧90%", "7 岁以下儿童健康管理率", "≧85%"]
    # 08 (Suixi): a unit per two others (元/人*月); 19 (Linyi): numbered names (指标4.) with no value between them.
    assert run_together.segment_raw("质量指标★农村低保标准(≥**元/人·月)>=530元/人*月"
                                    "农村特困人员救助供养基本生活标准") == [
        "质量指标", "★农村低保标准(≥**元/人·月)", ">=530元/人*月", "农村特困人员救助供养基本生活标准"]
    assert run_together.segment_raw("质量指标指标3.医疗器械抽验完成率100%指标4.不合格产品处置率"
                                    "指标5:药品不良反应每百万人口报告数≥150") == [
        "质量指标", "指标3.医疗器械抽验完成率", "100%", "指标4.不合格产品处置率", "指标5:药品不良反应每百万人口报告数",
        "≥150"]
    # 21 (Xuancheng), 30 (Tangxi), 24 (Nanxian): qualitative values of a rule kept, a judgement inside the text,
    # a change after the way names end.
    assert run_together.segment_raw("质量指标指标1:经费支出合规性严格执行相关财经法规制度") == [
        "质量指标", "指标1:经费支出合规性", "严格执行相关财经法规制度"]
    assert run_together.segment_raw("质量指标补助资格合规性合规经费审批流程规范性严格执行相关制度规定") == [
        "质量指标", "补助资格合规性", "合规", "经费审批流程规范性", "严格执行相关制度规定"]
    assert run_together.segment_raw("社会成本指标实施项目对社会产生的不利影响减少") == [
        "社会成本指标", "实施项目对社会产生的不利影响", "减少"]
    # 30 (Tangxi): an effect and a degree (效果明显) is the value, not 明显 alone
    assert run_together.segment_raw("经济效益指标对保障村(社区)两委机构正常运行的影响程度效果明显社会效益指标") == [
        "经济效益指标", "对保障村(社区)两委机构正常运行的影响程度", "效果明显", "社会效益指标"]
    # 32 (Zhangzhuangzhai): a value before a sub-item (其中) or a starred name
    assert run_together.segment_raw("数量指标其中露天蔬菜20亩其中大棚蔬菜3亩★补助鱼塘面积3亩") == [
        "数量指标", "其中露天蔬菜", "20亩", "其中大棚蔬菜", "3亩", "★补助鱼塘面积", "3亩"]
    # a quantity after a name asking for one ends that name (04, Ezhou); a number inside a name does not
    assert run_together.segment_raw("数量指标办公大楼日常维修维护次数2280次大楼安检巡察次数200次") == [
        "数量指标", "办公大楼日常维修维护次数", "2280次", "大楼安检巡察次数", "200次"]
    assert run_together.segment_raw("数量指标5000吨稻谷、500吨成品粮储备到位率100%") == [
        "数量指标", "5000吨稻谷、500吨成品粮储备到位率", "100%"]


def test_run_together_counts_that_end_a_name_before_the_next():
    # Pingluo 2024 (社区矫正经费), 数量指标 rows run together: 16 场次 ends the first name (场次 counts occurrences).
    assert run_together.segment_raw("数量指标调查评估建立工作档案≥200 人开展警示教育、培训16 场次开展慰问及帮扶"
                                    "≥100 人次") == [
        "数量指标", "调查评估建立工作档案", "≥200 人", "开展警示教育、培训", "16 场次", "开展慰问及帮扶", "≥100 人次"]
    # shared/corpus 23 (Hubei 残联), 表1 with its cells pasted together: a list of names and their counts, and the
    # header's last word 指标值 before the first name.
    assert run_together.segment_raw("一级指标二级指标三级指标指标值全国助残日活动次数1次报纸杂志专版专栏1个"
                                    "电视专栏节目24期广播专题节目104期网络宣传平台1个内部刊物12期"
                                    "开展残疾人文化活动") == [
        "一级指标", "二级指标", "三级指标", "指标值", "全国助残日活动次数", "1次", "报纸杂志专版专栏", "1个",
        "电视专栏节目", "24期", "广播专题节目", "104期", "网络宣传平台", "1个", "内部刊物", "12期",
        "开展残疾人文化活动"]
    # a count that begins the noun it counts stays in the name
    assert run_together.segment_raw("数量指标新建3个服务中心覆盖率100%亮化2个村庄及3个社区道路≥5个") == [
        "数量指标", "新建3个服务中心覆盖率", "100%", "亮化2个村庄及3个社区道路", "≥5个"]


def test_run_together_numbered_names_without_a_value_stay_apart():
    # shared/corpus 19 (Suining) run together: 指标4 and 指标2 have no value; a numbered name begins a row, so the
    # next numbered name is not read as the rest of it
    text = ("项目支出绩效目标表项目名称药品监管专项年度资金总额5.8一级指标二级指标三级指标指标值产出指标质量指标"
            "指标3.医疗器械抽验完成率100%指标4.不合格产品处置率指标5:药品不良反应每百万人口报告数≥150"
            "成本指标指标1.培训成本400元指标2.药品抽验平均标准满意度指标服务对象满意度指标群众满意度≥90%\n")
    document = read(text)
    assert document.layout == "run_together"
    assert rows(document) == [("产出指标", "质量指标", "指标3.医疗器械抽验完成率", "100%"),
                              ("产出指标", "质量指标", "指标4.不合格产品处置率", ""),
                              ("产出指标", "质量指标", "指标5:药品不良反应每百万人口报告数", "≥150"),
                              ("产出指标", "成本指标", "指标1.培训成本", "400元"),
                              ("产出指标", "成本指标", "指标2.药品抽验平均标准", ""),
                              ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%")]


def test_run_together_word_printed_twice_before_a_target_ends_the_name():
    # shared/corpus 28 (Xiuning): 项目完成周期周期 | 4个月 — a doubled word followed by a target is the end of a name;
    # followed by a weight (27, Zhongjiang) or by nothing it is the target and the actual, as before
    assert run_together.segment_raw("时效指标指标1:招投标程序需要的时间1个月指标2:项目完成周期周期4个月成本指标") == [
        "时效指标", "指标1:招投标程序需要的时间", "1个月", "指标2:项目完成周期周期", "4个月", "成本指标"]
    assert run_together.segment_raw("社会效益指标群众生产生活条件改善状况10显著提升显著提升10满意度指标") == [
        "社会效益指标", "群众生产生活条件改善状况", "10", "显著提升", "显著提升", "10", "满意度指标"]


def test_run_together_value_grammar_unit_words_and_units_per_two():
    # shared/corpus 06 (Huangshan): a share followed by its unit word 比例; 19 (Suining): 元/人、天 (per person and day)
    assert run_together.segment_raw("质量指标指标1:视频监控在线率≥0.97比例时效指标指标1:维护及时性<24小时") == [
        "质量指标", "指标1:视频监控在线率", "≥0.97比例", "时效指标", "指标1:维护及时性", "<24小时"]
    assert run_together.segment_raw("成本指标指标1.培训成本400元/人、天指标2.药品抽验平均标准") == [
        "成本指标", "指标1.培训成本", "400元/人、天", "指标2.药品抽验平均标准"]


def test_run_together_number_inside_a_name_right_before_the_value():
    # shared/corpus 11 (Qingjian): 新建水泥路1条 | 2km — a count right before a value of another kind ends the name;
    # 08 (Suixi): 一户年最高5300元 | <=5300元/户 — right before a value with an operator it lacks
    assert run_together.segment_raw("数量指标寨山石坪村新建水泥路1条2km呼家河至鲍家沟新建水泥路1条2km质量指标") == [
        "数量指标", "寨山石坪村新建水泥路1条", "2km", "呼家河至鲍家沟新建水泥路1条", "2km", "质量指标"]
    assert run_together.segment_raw("质量指标扶贫临时救助标准(<**元/户·年)——一户年最高5300元<=5300元/户效益指标") == [
        "质量指标", "扶贫临时救助标准(<**元/户·年)——一户年最高5300元", "<=5300元/户", "效益指标"]
    # a target and its actual of one kind stay two values, and a name asking for a quantity takes the number
    assert run_together.segment_raw("数量指标培训人数50人50人质量指标合格率100%100%") == [
        "数量指标", "培训人数", "50人", "50人", "质量指标", "合格率", "100%", "100%"]
    assert run_together.segment_raw("数量指标培训人数50人100%质量指标") == [
        "数量指标", "培训人数", "50人", "100%", "质量指标"]


def test_run_together_label_words_inside_brackets_are_text():
    # a name cell that holds a label's words in brackets (项目名称 inside (未注明…)) does not begin a second form
    text = ("项目支出绩效目标表(2024年度)项目名称(未注明项目名称)实施单位卫健委年度资金总额2279.05"
            "一级指标二级指标三级指标指标值产出指标数量指标适龄儿童国家免疫规划疫苗接种率≧90%\n")
    document = read(text)
    assert [(p.name, p.total_wan) for p in document.projects] == [("(未注明项目名称)", 2279.05)]
    assert rows(document) == [("产出指标", "数量指标", "适龄儿童国家免疫规划疫苗接种率", "≧90%")]


def test_run_together_values_left_without_their_number():
    # shared/corpus 26 (Chencang): units printed with no number (the form left to fill in), one after each name.
    assert run_together.segment_raw("数量指标指标1:新建堤防、护岸长度公里指标2:灌区节水改造面积万亩"
                                    "指标3:农村饮水工程覆盖服务人口数万人质量指标指标1:工程验收合格率≧ %") == [
        "数量指标", "指标1:新建堤防、护岸长度", "公里", "指标2:灌区节水改造面积", "万亩",
        "指标3:农村饮水工程覆盖服务人口数", "万人", "质量指标", "指标1:工程验收合格率", "≧ %"]
    # 05 (Mengcheng) and 28 (Xiuning): an operator alone; Funing 2020 (sample): a placeholder mark and a unit.
    assert run_together.segment_raw("数量指标0-6 岁儿童眼保健和视力检查覆盖率≧质量指标") == [
        "数量指标", "0-6 岁儿童眼保健和视力检查覆盖率", "≧", "质量指标"]
    assert run_together.segment_raw("成本指标指标:项目总下达资金<效益指标") == [
        "成本指标", "指标:项目总下达资金", "<", "效益指标"]
    assert run_together.segment_raw("数量指标取暖面积**平米质量指标") == ["数量指标", "取暖面积", "**平米", "质量指标"]
    # a name ending in a unit word that asks for no quantity before it stays whole
    assert run_together.segment_raw("数量指标培训人次质量指标服务满意度") == [
        "数量指标", "培训人次", "质量指标", "服务满意度"]


def test_run_together_target_followed_by_its_explanation_in_the_same_cell():
    # Qingdao 2023 (sample), 法律援助及12348业务费: the 指标值 cell holds the target and words stating it again
    # (≥0.85 | 85%); a name may end in the value too (发放达60% before ≥0.6).
    assert run_together.segment_raw("数量指标法律援助案件完成率≥0.85援助案件完成率达85%以上时效指标"
                                    "当年结案案件补贴发放达60%≥0.6当年结案案件补贴发放率达到60%效益指标") == [
        "数量指标", "法律援助案件完成率", "≥0.85援助案件完成率达85%以上", "时效指标", "当年结案案件补贴发放达60%",
        "≥0.6当年结案案件补贴发放率达到60%", "效益指标"]
    text = ("项目名称法律援助及12348业务费年度资金总额378.5一级指标二级指标三级指标指标值产出指标数量指标"
            "法律援助案件完成率≥0.85援助案件完成率达85%以上效益指标社会效益指标化解纠纷挽回损失"
            "≥100化解纠纷挽回损失大于100万元\n")
    assert rows(read(text)) == [("产出指标", "数量指标", "法律援助案件完成率", "≥0.85援助案件完成率达85%以上"),
                                ("效益指标", "社会效益指标", "化解纠纷挽回损失", "≥100化解纠纷挽回损失大于100万元")]
    # a value that does not state the target again, or words that do not speak of the name, begin the next name
    assert run_together.segment_raw("数量指标培训人次≥200培训合格率100%") == [
        "数量指标", "培训人次", "≥200", "培训合格率", "100%"]
    assert run_together.segment_raw("数量指标培训人次≥100培训合格率100%举办培训班次≥1培训班合格率100%") == [
        "数量指标", "培训人次", "≥100", "培训合格率", "100%", "举办培训班次", "≥1", "培训班合格率", "100%"]


def test_run_together_document_reads_target_not_actual():
    text = ("项目名称小型水库水标尺制作安装资金情况(万元)全年预算数(A)全年执行数(B)年度资金总额20其中:本年财政拨款20"
            "绩效指标一级指标二级指标三级指标分值年度指标值全年实际值得分产出指标(70分)数量指标安装坡面水标尺10≥266米"
            "≥265米10满意度指标(10分)服务对象满意度指标受益户满意度10≥95%≥96%10总分100100\n")
    document = read(text)
    assert document.layout == "run_together"
    assert rows(document) == [("产出指标", "数量指标", "安装坡面水标尺", "≥266米"),
                              ("满意度指标", "服务对象满意度指标", "受益户满意度", "≥95%")]
    assert [i.actual for i in document.projects[0].indicators] == ["≥265米", "≥96%"]


def test_run_together_self_evaluation_funding_digits_cut_by_the_rate_printed_beside_them():
    # shared/corpus 27 (Zhongjiang), line 1: 全年预算数 20 | 全年执行数 20 | 分值 10 | 执行率 100.00% | 得分 10 printed
    # as "202010100.00%10"; only 20|20|10 agrees with the rate (20/20 = 100.00%). Its source row "2020" (20 | 20)
    # is then cut so that the source stays within the total.
    text = ("绩效目标自评表(2022年度)项目名称小型水库水标尺制作安装项目负责人及电话谢凯主管部门中江县水利局"
            "资金情况(万元)全年预算数(A)全年执行数(B)分值执行率(B/A)得分年度资金总额:202010100.00%10其中:本年财政拨款2020其他资金"
            "年度总体目标年初设定目标绩效指标一级指标二级指标三级指标分值年度指标值全年实际值得分未完成原因及拟采取的改进措施"
            "产出指标(70分)数量指标安装坡面水标尺10≥266米≥266米10总分100100\n")
    project = read(text).projects[0]
    assert project.total_wan == 20
    assert [(f.source, f.amount_wan) for f in project.funding] == [("本年财政拨款", 20)]
    header = run_together.segment_raw("全年执行数(B)分值执行率(B/A)得分年度资金总额")
    assert header[1:4] == ["分值", "执行率(B/A)", "得分"]
    # the same digits without the rate beside them are not cut: nothing says where
    text = text.replace("202010100.00%10", "202010").replace("分值执行率(B/A)得分", "")
    assert read(text).projects[0].total_wan == 202010


def test_run_together_qualitative_value_cut_from_a_name_is_read_as_the_value():
    # shared/corpus 04 (Ezhou), line 14: 成本控制率不超预算 — the reader cuts the value 不超预算 off the name, so
    # it is the row's 当年预期实现值 (its 绩效标准 cell, 反映…, is empty), not the 绩效标准 before the next name
    text = ("鄂州市2022年市直部门预算项目支出绩效目标表项目名称滨湖大胆办公大楼运行保障项目类别本级支出项目"
            "一级指标二级指标绩效标准当年预期实现值数量指标大楼安检巡察次数反映大楼保卫巡检情况200次成本指标成本控制率"
            "不超预算水电气消耗下降率反映水电气消耗比上年下降情况≥5%\n")
    indicators = read(text).projects[0].indicators
    assert [(i.name, i.value, i.basis) for i in indicators] == [
        ("大楼安检巡察次数", "200次", "反映大楼保卫巡检情况"), ("成本控制率", "不超预算", None),
        ("水电气消耗下降率", "≥5%", "反映水电气消耗比上年下降情况")]


def test_run_together_rows_under_a_run_together_header_one_row_per_line():
    # shared/corpus 22 (Ningjin), lines 16-28: each row on its own line, cells fused; "210010" is the target 2100
    # fused with its weight 10 (the other rows print their weight alone; the weights add up to 总分 100).
    text = ("2019年度宁晋县高中助学金项目绩效评价指标表\n"
            "评价指标评价内容指标名称指标说明目标值分值备注\n"
            "产出数量指标享受资助人数达到预计值210010\n"
            "资金支出率达到目标值95%10\n"
            "质量指标建档立卡学生全面覆盖100%10\n"
            "资助对象满意度达到目标值95%以上10\n"
            "时效指标及时发放率达到目标值100%20\n"
            "总分\n\n100\n")
    document = read(text)
    assert document.layout == "run_together"
    indicators = document.projects[0].indicators
    assert [(i.level2, i.name, i.value, i.weight) for i in indicators] == [
        ("数量指标", "享受资助人数", "2100", 10.0), ("数量指标", "资金支出率", "95%", 10.0),
        ("质量指标", "建档立卡学生全面覆盖", "100%", 10.0), ("质量指标", "资助对象满意度", "95%以上", 10.0),
        ("时效指标", "及时发放率", "100%", 20.0)]
    assert [i.description for i in indicators] == ["达到预计值", "达到目标值", None, "达到目标值", "达到目标值"]
    # the same header with spaces between its words is a space-separated table, not a run-together one
    assert run_together.score(["评价指标 评价内容 指标名称 目标值", "数量指标 享受资助人数 2100"]) == 0.0


def test_run_together_digits_of_two_cells_fused_in_every_row():
    # shared/corpus 01 (Batangzhen), line 14: 指标内容 and 指标值 fused into one digit run in every row (88|100,
    # 68|100, 20|100), and a row left empty as "…" after 成本指标.
    text = ("项目名称镇域内基础设施建设年度资金总额10606.7522万元年度绩效指标一级指标二级指标指标内容指标值备注"
            "产出指标数量指标88100质量指标88100时效指标88100成本指标88100…效益指标经济效益指标88100"
            "社会效益指标68100生态效益指标20100可持续影响指标20100\n")
    document = read(text)
    assert document.layout == "run_together"
    assert rows(document) == [("产出指标", "数量指标", "88", "100"), ("产出指标", "质量指标", "88", "100"),
                              ("产出指标", "时效指标", "88", "100"), ("产出指标", "成本指标", "88", "100"),
                              ("效益指标", "经济效益指标", "88", "100"), ("效益指标", "社会效益指标", "68", "100"),
                              ("效益指标", "生态效益指标", "20", "100"), ("效益指标", "可持续影响指标", "20", "100")]
    # values after their names stay whole, whatever their ends
    assert [(i.name, i.value) for i in read("项目名称道路养护年度资金总额50一级指标二级指标三级指标指标值"
                                            "产出指标数量指标养护里程1100质量指标验收合格数2100时效指标完工天数3100\n"
                                            ).projects[0].indicators] == [
        ("养护里程", "1100"), ("验收合格数", "2100"), ("完工天数", "3100")]


# --- indentation tree and bracket sections ------------------------------------------------------------------------
TREE = """单位:元

项目

指标值

 石嘴山市疾病预防控制中心

  狂犬、乙肝、流感等疫苗及美沙酮药物

3000000

   产出指标

    时效指标(必填)

     疫苗提供及时率

100%

   满意度指标

    服务对象满意度指标(必填)

     服务对象满意度

100%
"""


def test_indentation_tree():
    # shared/corpus 33 (Shizuishan): depth only by leading spaces; amounts in 元.
    document = read(TREE)
    assert document.layout == "indent_tree"
    project = document.projects[0]
    assert (project.name, project.total_wan) == ("狂犬、乙肝、流感等疫苗及美沙酮药物", 300.0)
    assert rows(document) == [("产出指标", "时效指标", "疫苗提供及时率", "100%"),
                              ("满意度指标", "服务对象满意度指标", "服务对象满意度", "100%")]


def test_indentation_tree_without_level_items():
    # a table without level columns written as a tree (as shared/corpus 23's): projects right above the indicators;
    # the values, not level labels, show it is a tree
    text = ("单位:万元\n\n项目\n\n指标值\n\n 湖北省残疾人联合会\n\n  残疾人宣传文化工作经费\n\n35\n\n"
            "     全国助残日活动次数\n\n1次\n\n     电视专栏节目\n\n24期\n\n     宣传覆盖面\n\n拓宽\n\n"
            "     培训班培训合格率\n\n100%\n")
    document = read(text)
    assert document.layout == "indent_tree"
    assert [(p.name, p.total_wan) for p in document.projects] == [("残疾人宣传文化工作经费", 35.0)]
    assert rows(document) == [(None, None, "全国助残日活动次数", "1次"), (None, None, "电视专栏节目", "24期"),
                              (None, None, "宣传覆盖面", "拓宽"), (None, None, "培训班培训合格率", "100%")]


def test_indentation_tree_with_level1_items_only():
    # level-1 labels right above the indicators (no level-2 items): the depth above them holds the projects
    text = ("单位:万元\n\n项目\n\n指标值\n\n 湖北省残疾人联合会\n\n  残疾人宣传文化工作经费\n\n35\n\n"
            "   产出指标\n\n     全国助残日活动次数\n\n1次\n\n     电视专栏节目\n\n24期\n\n"
            "   满意度指标\n\n     残疾人满意度\n\n≥90%\n")
    document = read(text)
    assert [(p.name, p.total_wan) for p in document.projects] == [("残疾人宣传文化工作经费", 35.0)]
    assert rows(document) == [("产出指标", None, "全国助残日活动次数", "1次"),
                              ("产出指标", None, "电视专栏节目", "24期"),
                              ("满意度指标", "服务对象满意度指标", "残疾人满意度", "≥90%")]


def test_bracket_sections():
    # shared/corpus 06 (Huangshan): 【一级-二级】 headings, 指标N:name(value) items, project name and amount above.
    text = ("单位编码\n\n单位名称(项目类别/支出项目)\n\n年度预算安排\n\n绩效目标\n\n037001\n\n"
            "黄山市雪亮工程市本级机房租赁服务采购项目\n\n1681680\n\n【项目概况】:机房租赁服务。\n\n【总体目标】\n\n"
            "保障机房运转\n\n【产出指标-数量指标】\n\n指标1:机柜数量(≥77台)\n\n【满意度指标-服务对象满意度指标】\n\n"
            "指标1:提升群众安全感(≥90%)\n")
    document = read(text)
    assert document.layout == "bracket_sections"
    project = document.projects[0]
    assert (project.name, project.total_wan) == ("黄山市雪亮工程市本级机房租赁服务采购项目", 168.168)
    assert any(w.code == "amount_unit_guessed" for w in document.warnings)
    assert rows(document) == [("产出指标", "数量指标", "指标1:机柜数量", "≥77台"),
                              ("满意度指标", "服务对象满意度指标", "指标1:提升群众安全感", "≥90%")]


# --- header roles --------------------------------------------------------------------------------------------------
def test_mid_term_and_annual_column_groups():
    # The form of shared/corpus 16 (Lu'an): 中期 and 年度 groups side by side; the annual one is the year's targets.
    # Its rows are SYNTHETIC (written for this test): the excerpt prints the same value in both groups and is cut
    # off before its 满意度 rows, so different values stand in to show which group is read as the year's.
    text = ("| 项目名称 | 农产品质检体系建设 |\n| 中期资金总额: | 68.50 | 年度资金总额: | 51.35 |\n"
            "| 其中:财政拨款 | 68.50 | 其中:财政拨款 | 51.35 |\n| 中期目标(2024年—2026年) | 年度目标 |\n"
            "| 一级指标 | 二级指标 | 三级指标 | 指标值 | 二级指标 | 三级指标 | 指标值 |\n"
            "| 产出指标 | 数量指标 | 监督抽检批次 | ≥300组 | 数量指标 | 监督抽检批次 | ≥100组 |\n"
            "| 满意度指标 | 服务对象满意度指标 | 农户满意度 | ≥90% | 服务对象满意度指标 | 农户满意度 | ≥95% |\n"
            "| 总分 | 100 |\n")
    document = read(text)
    project = document.projects[0]
    assert project.total_wan == 51.35
    assert [(f.source, f.amount_wan) for f in project.funding] == [("财政拨款", 51.35)]
    assert rows(document) == [("产出指标", "数量指标", "监督抽检批次", "≥100组"),
                              ("满意度指标", "服务对象满意度指标", "农户满意度", "≥95%")]
    assert rows(document, "mid") == [("产出指标", "数量指标", "监督抽检批次", "≥300组"),
                                     ("满意度指标", "服务对象满意度指标", "农户满意度", "≥90%")]


def test_operator_and_unit_columns_combine_into_the_target():
    text = ("项目名称\t疾控经费\n年度本级预算金额\t70.00\n"
            "一级指标\t二级指标\t三级指标\t指标值类型\t目标值\t度量单位\t备注\n"
            "成本指标\t经济成本指标\t疾病预防控制中心经费\t≤\t70\t万元\t\n"
            "\t社会成本指标\t对社会产生的不利影响\t定性\t减少\t\t\n"
            "满意度指标\t服务对象满意度指标\t群众满意度\t≥\t95\t%\t\n")
    document = read(text)
    indicators = document.projects[0].indicators
    assert [i.value for i in indicators] == ["≤70万元", "减少", "≥95%"]
    assert (indicators[0].target.op, indicators[0].target.amount_wan) == ("<=", 70.0)
    assert (indicators[2].target.op, indicators[2].target.number, indicators[2].target.unit) == (">=", 95.0, "%")


def test_non_standard_level_labels_keep_the_printed_label():
    text = ("项目名称\t道路维护\n年度资金总额\t12\n一级指标\t二级指标\t三级指标\t指标值\n"
            "项目完成指标\t数量指标\t维护里程\t≥20公里\n"
            "效益指标\t可持续性发展影响指标\t道路通行能力\t持续提升\n"
            "满意度指标\t服务对象满意度指标\t群众满意度\t≥90%\n")
    indicators = read(text).projects[0].indicators
    assert [(i.level1, i.level1_raw, i.level2, i.level2_raw) for i in indicators] == [
        ("产出指标", "项目完成指标", "数量指标", "数量指标"),
        ("效益指标", "效益指标", "可持续影响指标", "可持续性发展影响指标"),
        ("满意度指标", "满意度指标", "服务对象满意度指标", "服务对象满意度指标"),
    ]


def test_both_levels_printed_in_one_category_cell():
    # Xiqing 2024 (sample), 抚恤金 (lines 7-21), as forms print a 指标类别 column that names both levels in one
    # cell: joined by a sign, in brackets or run together, under 指标类别 or under the group word 绩效指标
    want = [("产出指标", "数量指标", "发放人数", "=1人"), ("产出指标", "质量指标", "发放合规率", "=100%"),
            ("成本指标", "经济成本指标", "抚恤金金额", "=184722元"),
            ("效益指标", "社会效益指标", "安抚家属情绪", "安抚"),
            ("满意度指标", "服务对象满意度指标", "家属满意度", "=100%")]
    for header, labels in (
            ("指标类别", ("产出指标-数量指标", "产出指标-质量指标", "成本指标-经济成本指标", "效益指标—社会效益指标",
                          "满意度指标/服务对象满意度指标")),
            ("绩效指标", ("产出指标（数量指标）", "产出指标（质量指标）", "成本指标（经济成本指标）",
                          "效益指标（社会效益指标）", "满意度指标（服务对象满意度指标）")),
            ("一级/二级指标", ("产出指标数量指标", "产出指标质量指标", "成本指标经济成本指标", "效益指标社会效益指标",
                              "满意度指标服务对象满意度指标"))):
        text = (f"项目名称\t抚恤金\n年度资金总额\t18.47\n{header}\t三级指标\t指标值\n"
                + "".join(f"{label}\t{name}\t{value}\n" for label, (_, _, name, value) in zip(labels, want)))
        document = read(text)
        assert rows(document) == want, header
        first = document.projects[0].indicators[0]
        assert (first.level1_raw, first.level2_raw) == ("产出指标", "数量指标")
        assert not [w for w in document.warnings if w.code == "level2_missing"]


def test_a_label_with_a_note_or_an_alternative_in_brackets_is_one_level():
    from ingest import taxonomy as tx

    assert tx.split_levels("产出指标(50分)") is None
    assert tx.split_levels("数量指标(或建筑规模指标)") is None  # corpus 13: level 2 with its alternative
    assert tx.split_levels("社会效益指标") is None
    assert tx.split_levels("成本指标-经济成本指标") == ("成本指标", "经济成本指标")
    assert tx.split_levels("项目完成指标-数量指标") == ("项目完成指标", "数量指标")  # a level-1 label of its own
    assert (tx.level1_of("一、产出指标"), tx.level2_of("2.质量指标")) == ("产出指标", "质量指标")  # list numbers


def test_categories_on_rows_of_their_own_above_a_table_of_names_and_values():
    # Xiqing 2024 (sample), 抚恤金 (lines 7-21), as a form of two columns (三级指标 | 指标值) whose categories
    # stand on rows of their own (merged across the row), numbered or not, one tab or a bar between the cells
    want = [("产出指标", "数量指标", "发放人数", "=1人"), ("产出指标", "质量指标", "发放合规率", "=100%"),
            ("产出指标", "成本指标", "抚恤金金额", "=184722元"), ("效益指标", "社会效益指标", "安抚家属情绪", "安抚"),
            ("满意度指标", "服务对象满意度指标", "家属满意度", "=100%")]
    for sep, numbered in (("\t", False), ("\t", True), (" | ", True)):
        n1, n2 = (("一、", "二、", "三、"), ("（一）", "（二）", "（三）")) if numbered else (("",) * 3, ("",) * 3)
        text = (f"项目名称{sep}抚恤金\n年度资金总额{sep}18.47\n三级指标{sep}指标值\n"
                f"{n1[0]}产出指标\n{n2[0]}数量指标\n发放人数{sep}=1人\n{n2[1]}质量指标\n发放合规率{sep}=100%\n"
                f"{n2[2]}成本指标\n抚恤金金额{sep}=184722元\n{n1[1]}效益指标\n{n2[0]}社会效益指标\n"
                f"安抚家属情绪{sep}安抚\n{n1[2]}满意度指标\n{n2[0]}服务对象满意度指标\n家属满意度{sep}=100%\n")
        document = read(text)
        assert rows(document) == want, (sep, numbered)
        assert document.projects[0].total_wan == 18.47
        assert not [w for w in document.warnings if w.code in ("value_missing", "cell_skipped")]


# --- never a silent drop -------------------------------------------------------------------------------------------
def test_table_cut_at_the_end_of_the_file_is_marked_truncated():
    text = ("项目支出绩效目标表\n项目名称\t培训经费\n年度资金总额\t5\n一级指标\t二级指标\t三级指标\t指标值\n"
            "产出指标\t数量指标\t培训人次\t≥200人次\n\t质量指标\t培训合")
    document = read(text)
    project = document.projects[0]
    assert project.truncated
    assert any(w.code == "truncated" and "满意度指标" in w.message for w in document.warnings)


def test_title_without_a_table_is_named_in_a_warning():
    text = ("附件2\n2022年省级水利专项资金绩效目标表\n\n项目支出绩效目标表\n项目名称\t培训经费\n年度资金总额\t5\n"
            "一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t培训人次\t≥200人次\n"
            "满意度指标\t服务对象满意度指标\t学员满意度\t≥90%\n")
    document = read(text)
    assert len(document.projects) == 1
    assert any(w.code == "title_without_table" and w.line_start == 2 for w in document.warnings)


def test_invisible_characters_in_labels_do_not_lose_a_project():
    text = ("项目\u200b名称\t培训经费\n年度资金总额\u00a0\t5\n一级指标\t二级指标\t三级\u2060指标\t指标值\n"
            "产出指标\t数量指标\t培训人次\t≥200人次\n满意度指标\t服务对象满意度指标\t学员满意度\t≥90%\n")
    document = read(text)
    assert [(p.name, p.total_wan, len(p.indicators)) for p in document.projects] == [("培训经费", 5.0, 2)]


def test_traditional_characters_and_pinyin_annotations_match_the_vocabulary():
    text = ("項目名稱\t培訓經費\n年度資金總額\t5\n一級指標\t二級指標\t三級指標\t指標值\n"
            "產(chǎn)出指標\t數量指標\t培訓人次\t≥200人次\n")
    indicators = read(text).projects[0].indicators
    assert [(i.level1, i.level2, i.name) for i in indicators] == [("产出指标", "数量指标", "培訓人次")]


def test_parse_json_reports_family_scores_and_coded_warnings(tmp_path):
    path = tmp_path / "pipes.txt"
    path.write_text(PIPE_ROWS, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "ingest", "parse", str(path), "--json"], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)["documents"][0]
    assert document["layout"] == "markdown"
    assert document["layout_scores"]["markdown"] > document["runner_up"]["score"] >= 0
    assert document["runner_up"]["layout"] == "pipe_rows"
    assert all({"code", "line", "message"} <= set(w) for w in document["warnings"])
    assert document["projects"][0]["indicators"][0]["value"] == "≧735人次"


def test_a_web_page_footer_after_the_last_table_is_not_an_indicator():
    # Xiqing 2024 (sample), 抚恤金 (lines 7-21) copied from a government web page with the page's own lines around
    # it (breadcrumb, 发布时间, 【打印】【关闭】, 网站标识码): the site's footer ends the table
    text = ("首页 > 信息公开 > 预决算公开\n发布时间：2024-03-01  来源：区财政局  浏览次数：1234\n"
            "项目名称\t抚恤金\n项目资金 (万元)\t18.47\n一级指标\t二级指标\t三级指标\t指标值\n"
            "产出指标\t数量指标\t发放人数\t=1人\n满意度指标\t服务对象满意度指标\t家属满意度\t=100%\n"
            "分享到：微信 微博\n【打印】【关闭】\n主办单位：西青区人民政府  网站标识码：1200000000\n")
    document = read(text)
    assert rows(document) == [("产出指标", "数量指标", "发放人数", "=1人"),
                              ("满意度指标", "服务对象满意度指标", "家属满意度", "=100%")]
    assert document.projects[0].total_wan == 18.47


def test_a_sentence_after_the_table_is_not_an_indicator():
    text = ("项目名称\t培训经费\n年度资金总额\t5\n一级指标\t二级指标\t三级指标\t指标值\n"
            "产出指标\t数量指标\t培训人次\t≥200人次\n满意度指标\t服务对象满意度指标\t学员满意度\t≥90%\n"
            "本表由单位财务科填写。各项指标应与年度工作计划相衔接，请于每年三月底前报送财政局。\n")
    document = read(text)
    assert rows(document) == [("产出指标", "数量指标", "培训人次", "≥200人次"),
                              ("满意度指标", "服务对象满意度指标", "学员满意度", "≥90%")]
    assert any(w.code == "text_after_table" and w.line_start == 6 for w in document.warnings)


def test_an_unknown_category_label_stays_in_its_column_and_a_mid_term_block_is_its_own_set():
    # shared/corpus 22 (Ningjin): 制度指标 is no category of the standard form; corpus 13 (Dongguan): a second
    # block headed 中期绩效指标.
    text = ("项目名称\t助学金\n年度资金总额\t30\n绩效指标\t一级指标\t二级指标\t三级指标\t指标值\n"
            "\t\t制度指标\t规章制度建立与否\t\n\t产出指标\t数量指标\t享受资助人数\t2100\n"
            "中期绩效指标\t一级指标\t二级指标\t三级指标\t指标值\n\t产出指标\t数量指标\t享受资助人数\t6300\n")
    document = read(text)
    indicators = document.projects[0].indicators
    assert [(i.level2_raw, i.level2, i.name, i.value, i.target_set) for i in indicators] == [
        ("制度指标", None, "规章制度建立与否", "", "annual"),
        ("数量指标", "数量指标", "享受资助人数", "2100", "annual"),
        ("数量指标", "数量指标", "享受资助人数", "6300", "mid")]
