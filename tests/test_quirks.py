"""One small test per layout quirk named in the ingest issue; expected values read off the source lines."""

from __future__ import annotations

import pytest

from ingest.parse import parse_bytes
from tests.helpers import SAMPLES, parsed, squash


def indicator_at(document, line):
    owners = list(document.projects) + ([document.department_overall] if document.department_overall else [])
    for owner in owners:
        for indicator in owner.indicators:
            if indicator.line_start <= line <= indicator.line_end:
                return indicator
    raise AssertionError(f"no indicator on line {line}")


def project_named(document, name):
    return next(p for p in document.projects if squash(p.name) == squash(name))


# --- tab-separated rows (Xiqing, Pingluo) ---------------------------------------------------------------
def test_table_broken_across_pages_continues_the_project():
    # Xiqing lines 150/152: the page break falls inside 质量指标; line 152 repeats 绩效指标 and 产出指标.
    project = project_named(parsed("xiqing"), "公共法律服务、人民调解和司法所工作等经费")
    assert len(project.indicators) == 28  # lines 141-150 (10) and 152-169 (18)
    row = indicator_at(parsed("xiqing"), 152)
    assert (row.level1, row.level2, row.name, row.value) == ("产出指标", "质量指标", "装备购置合格率", "=100%")


def test_header_without_level1_column_infers_level1_from_level2():
    # Xiqing line 141: "→数量指标→受援法律援助案件数量→≥10件" under a header without 绩效指标
    row = indicator_at(parsed("xiqing"), 141)
    assert (row.level1, row.level2, row.level1_raw) == ("产出指标", "数量指标", None)


def test_row_missing_leading_tabs_stays_under_current_category():
    # Xiqing line 99: "社区矫正对象满意度→→→≥95%→" has no leading tabs.
    row = indicator_at(parsed("xiqing"), 99)
    assert (row.level1, row.level2) == ("满意度指标", "服务对象满意度指标")
    assert (row.name, row.value) == ("社区矫正对象满意度", "≥95%")


def test_shifted_indentation_keeps_name_and_value():
    # Xiqing line 207: "→→受理调解案件及时率→→=100%→" and line 206 with the value one column further right.
    document = parsed("xiqing")
    assert (indicator_at(document, 206).name, indicator_at(document, 206).value) == ("咨询回复及时率", "=100%")
    assert (indicator_at(document, 207).level2, indicator_at(document, 207).value) == ("时效指标", "=100%")


def test_empty_level2_cell_inherits_previous_level2():
    # Xiqing line 194: "绩效指标→产出指标→→新入职律师到司法所实践锻炼人数→=2名→" continues 数量指标
    row = indicator_at(parsed("xiqing"), 194)
    assert (row.level2, row.name, row.value) == ("数量指标", "新入职律师到司法所实践锻炼人数", "=2名")


def test_cost_indicator_as_level2_in_older_template():
    row = indicator_at(parsed("xiqing"), 95)  # "→成本指标→社区矫正经费→≤29.5万元→"
    assert (row.level1, row.level2, row.value) == ("产出指标", "成本指标", "≤29.5万元")
    assert (row.target.op, row.target.amount_wan) == ("<=", 29.5)


def test_wrapped_indicator_name_is_joined():
    # Pingluo lines 134 and 136: the name wraps onto a line of its own.
    row = indicator_at(parsed("pingluo"), 134)
    assert (row.line_start, row.line_end, row.value) == (134, 136, "长效发展")
    assert squash(row.name) == (
        "坚持依法治县、依法行政、依法行政共同推进，法治平罗、法治政府、法治社会一体建设，全面提升法治建设规范化水平"
    )


def test_required_suffix_is_removed_from_canonical_level():
    row = indicator_at(parsed("pingluo"), 15)
    assert (row.level2, row.level2_raw) == ("数量指标", "数量指标(必填)")
    assert indicator_at(parsed("pingluo"), 17).level2_raw == "质量指标（必填）"


def test_html_tag_is_removed_from_goal():
    goal = project_named(parsed("pingluo"), "安置帮教工作经费 25 万元，社区矫正工作经费 13 万元").goal
    assert "<p>" not in goal and "</p>" not in goal
    assert goal.startswith("目标 1：开展社区矫正适用前调查评估工作")


def test_total_label_followed_by_amount_label():
    # Pingluo line 10: "项目资金 (万元)→年度资金总额:→0.6924"
    project = parsed("pingluo").projects[0]
    assert project.total_wan == 0.6924
    assert [(f.source, f.level, f.amount_wan) for f in project.funding] == [("财政拨款", "fiscal", 0.6924)]


def test_funding_sources_and_levels_xiqing():
    project = project_named(parsed("xiqing"), "公共法律服务、人民调解和司法所工作等经费(第二批)")
    assert [(f.source, f.level, f.amount_wan) for f in project.funding] == [
        ("中央补助", "central", 98.0), ("市级资金", "city", 0.0),
        ("区级资金", "county", 0.0), ("其他资金", "other", 0.0)]


# --- one cell per line (Yuanjiang, Qingdao) -------------------------------------------------------------
def test_department_wide_table_is_read_before_projects():
    overall = parsed("yuanjiang").department_overall
    assert (overall.department, overall.total_wan, overall.basic_wan, overall.project_wan) == (
        "沅江市司法局", 1107.23, 958.494, 148.736)
    assert [(f.source, f.amount_wan) for f in overall.funding] == [("一般公共预算", 1107.23)]
    assert overall.goal.startswith("保障单位职工基本生活")
    assert round(sum(p.total_wan for p in parsed("yuanjiang").projects), 4) == overall.project_wan


def test_empty_indicator_rows_are_kept_as_slots_not_indicators():
    project = parsed("yuanjiang").projects[0]  # 社区矫正专项: 2 indicators, the rest of the form left blank
    assert len(project.indicators) == 2
    slots = {(s.level2, s.line_start) for s in project.empty_slots}
    assert ("数量指标", 206) in slots and ("时效指标", 255) in slots and ("服务对象满意度指标", 304) in slots
    assert not any(i.level2 == "时效指标" for p in parsed("yuanjiang").projects for i in p.indicators)


def test_score_weight_column():
    row = indicator_at(parsed("yuanjiang"), 51)
    assert (row.name, row.value, row.weight) == ("全市学法考法参与人数", "9000人", 10.0)


def test_public_satisfaction_category_is_canonicalised():
    row = indicator_at(parsed("yuanjiang"), 156)
    assert (row.level1, row.level2) == ("满意度指标", "服务对象满意度指标")
    assert row.level2_raw == "社会公众或服务对象满意度指标"
    assert row.target.number == 90 and row.target.unit == "%"


def test_label_broken_by_blank_line():
    # Yuanjiang lines 181-184: "→年度本级" / "" / "预算金额" / "→57.6"
    project = parsed("yuanjiang").projects[0]
    assert project.total_wan == 57.6
    assert [(f.source, f.level) for f in project.funding] == [("本级预算", "county")]


def test_description_and_basis_columns():
    row = indicator_at(parsed("qingdao"), 46)
    assert (row.name, row.description, row.value, row.basis) == (
        "培训费支出标准", "培训费开支符合规定", "≤550元（每人每天）", "依据政策要求")


def test_row_without_level1_cell_is_aligned():
    # Qingdao lines 181-186: the row has five cells, the empty level-1 cell is missing.
    row = indicator_at(parsed("qingdao"), 183)
    assert (row.level2, row.name, row.value, row.basis) == (
        "时效指标", "考试工作严格按照国家部署和工作计划进行", "≤国家部署和工作计划规定时间", "依据政策要求")


def test_cost_indicator_as_level1_in_newer_template():
    row = indicator_at(parsed("qingdao"), 246)
    assert (row.level1, row.level2, row.value) == ("成本指标", "经济成本指标", "≤228.4万元")


def test_two_budget_units_in_one_document():
    units = [p.budget_unit for p in parsed("qingdao").projects]
    assert units.count("124001青岛市司法局本级") == 8
    assert units.count("124005青岛市法律援助中心") == 2


def test_spending_plan_in_wan_under_percent_header():
    plan = project_named(parsed("qingdao"), "法治专项业务费").spending_plan
    assert plan.periods == ["3月底", "6月底", "10月底", "12月底"]
    assert plan.values == [None, 40.0, 150.0, 108.4]
    assert (plan.unit, plan.unit_as_printed) == ("万元", "%")


def test_project_code_and_goal_cell_per_line():
    project = parsed("qingdao").projects[0]
    assert project.code == "37020023P88002811020P"
    assert project.purpose == "组织司法行政系统及行政执法人员法律知识培训"


# --- text extracted from a PDF with a broken grid (Funing) ---------------------------------------------
def test_toc_and_narrative_before_tables_are_skipped():
    document = parsed("funing")
    assert document.projects[0].name == "法律援助经费"
    assert document.projects[0].line_start == 71
    assert document.fiscal_year == 2020


def test_split_cell_text_is_joined():
    row = indicator_at(parsed("funing"), 81)  # "法律援助咨 询、案件受 理数"
    assert (row.name, row.value, row.basis) == ("法律援助咨询、案件受理数", "≥260件", "受理案件数量")


def test_title_broken_over_two_lines_names_the_project():
    # Funing lines 176-178: "7、提前下达 … (2020)13 号绩" / "" / "效目标表"; the in-table name cell is garbled.
    project = parsed("funing").projects[6]
    assert squash(project.name) == "提前下达2020年省级基层公检法司转移支付资金(2020)13号"
    assert project.total_wan == 32.0


def test_garbled_in_table_name_loses_to_title():
    project = parsed("funing").projects[7]  # in-table cell: "提前下达 202 付资金 (202→→纪检监察转移支"
    assert squash(project.name) == "提前下达2020年中央政法纪检监察转移支付资金(2020)12号"
    assert project.name_in_table is not None and "纪检监察" in project.name_in_table


def test_effect_indicator_is_benefit_indicator():
    row = indicator_at(parsed("funing"), 86)
    assert (row.level1, row.level1_raw, row.level2) == ("效益指标", "效果指标", "社会效益指标")


def test_level1_label_in_level2_column():
    # Funing line 84: "→效果指标→社会效益指 标→法律援助案件办结率(%)→→75%→完成情况→"
    row = indicator_at(parsed("funing"), 84)
    assert (row.level1, row.level2, row.name, row.value, row.basis) == (
        "效益指标", "社会效益指标", "法律援助案件办结率(%)", "75%", "完成情况")


def test_three_line_cell_interleaved_by_extraction():
    row = indicator_at(parsed("funing"), 225)
    assert row.description == "复议决定提起数量占复议决定数量的比率"


def test_spending_plan_digits_split_at_cut_points():
    projects = parsed("funing").projects
    assert projects[0].spending_plan.values == [20.0, 40.0, 60.0, 100.0]  # "20→0.00→40.00→60.00→1→00.00"
    assert projects[4].spending_plan.values == [15.0, 40.0, 70.0, 100.0]  # "15→5.00→…"
    assert projects[8].spending_plan.values == [25.0, 50.0, 75.0, 100.0]  # "25→5.00→…→1→.00.00"
    assert all(p.spending_plan.unit == "%" for p in projects)


def test_header_cell_with_stray_character():
    # Funing line 208: "ī描述" in the header; the five rows below must still be read.
    assert len(parsed("funing").projects[7].indicators) == 5


def test_satisfaction_in_hundredths_wording():
    row = indicator_at(parsed("funing"), 122)  # "≥65%百分 率"
    assert (row.target.op, row.target.number, row.target.unit, row.target.kind) == (">=", 65.0, "%", "percent")


# --- jurisdiction and year ---------------------------------------------------------------------------------
@pytest.mark.parametrize("key, province, city, county, jurisdiction", [
    ("xiqing", "天津市", "天津市", "西青区", "西青区"),
    ("pingluo", "宁夏回族自治区", "石嘴山市", "平罗县", "平罗县"),
    ("funing", "河北省", "秦皇岛市", "抚宁区", "抚宁区"),
    ("yuanjiang", "湖南省", "益阳市", "沅江市", "沅江市"),
    ("qingdao", "山东省", "青岛市", None, "青岛市"),
])
def test_jurisdiction_is_placed_in_province_and_city(key, province, city, county, jurisdiction):
    document = parsed(key)
    assert (document.province, document.city, document.county, document.jurisdiction) == (
        province, city, county, jurisdiction)


def test_a_county_turned_city_the_division_library_still_lists_as_a_county():
    # corpus 01 line 14, run together: 填报单位(盖章):宁乡市坝塘镇人民政府 — 宁乡市 was 宁乡县 (Changsha) until
    # 2017, the name cpca's table still has; the place is read from the reporting unit wherever the text prints it
    from tests.corpus import CORPUS

    document = parse_bytes("01.txt", (CORPUS / "01_ningxiang-batangzhen_zhenzhengfu_2021.txt").read_bytes())
    assert (document.province, document.city, document.county) == ("湖南省", "长沙市", "宁乡市")
    from ingest.divisions import locate

    assert locate(["长沙市人民政府"]).county is None  # the prefecture itself is no county (长沙县 is another place)


def test_layout_detection_is_from_text_not_file_name():
    document = parse_bytes("renamed.txt", (SAMPLES / "tianjin_xiqing_2024.txt").read_bytes())
    assert document.layout == "tab_rows" and len(document.projects) == 8


# --- a report's first pages before its table (corpus 23) ------------------------------------------------------
def test_a_short_field_does_not_run_on_into_the_next_labelled_line():
    # corpus 23 lines 5-7: 项目单位:… then 评价机构:… (a label the form does not have) and the date; the unit ends
    # where the other label begins
    text = ("湖北省残疾人事业宣传文化经费项目\n项目单位:湖北省残疾人联合会\n评价机构:湖北衡平楚天会计师事务有限公司\n"
            "2018年6月\n一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t全国助残日活动次数\t1次\n")
    project = parse_bytes("snippet.txt", text.encode("utf-8")).projects[0]
    assert project.implementing_unit == "湖北省残疾人联合会"
    assert [(i.name, i.value) for i in project.indicators] == [("全国助残日活动次数", "1次")]


@pytest.mark.parametrize("title, name", [
    # corpus 23's line 17 with 表 at its end (its fixture names the project with 项目, as the title prints it)
    ("表1:湖北省残疾人事业宣传文化工作经费项目绩效目标表", "湖北省残疾人事业宣传文化工作经费项目"),
    ("附表2-1：法律援助经费项目支出绩效目标表", "法律援助经费"),
    ("1、法律援助经费绩效目标表", "法律援助经费"),
    ("表彰奖励经费绩效目标表", "表彰奖励经费"),  # 表 beginning a name is the name's
    # corpus 23's line 17 as printed: a caption in a report (a table number, then …绩效目标) is the table's title
    ("表1:湖北省残疾人事业宣传文化工作经费项目绩效目标", "湖北省残疾人事业宣传文化工作经费项目"),
    ("表2：项目绩效目标", None),  # a caption naming no project
    ("专项资金绩效目标表", None),  # corpus 15, line 5: the template's words only (its 专项名称 is printed apart)
])
def test_a_table_number_before_a_title_is_not_the_name(title, name):
    from ingest.interpret import title_to_name

    assert title_to_name(title) == name


def test_a_numbered_name_after_a_name_without_value_begins_its_own_row():
    # corpus 19 lines 44-48 with each row's cells one space apart and the rows run together on one line (a PDF
    # copied as one paragraph): 指标5: begins a name, it does not go on 指标4.'s, which has no value
    text = ("项目名称 药品监管\n一级指标 二级指标 三级指标 指标值 完成值\n"
            "产出指标 质量指标 指标1.药品抽检完成率 100% 100% 指标4.不合格产品处置率 "
            "指标5:药品不良反应每百万人口报告数 ≥150 150 指标6.化妆品不良反应每百万人口报告数 ≥10 10\n")
    document = parse_bytes("snippet.txt", text.encode("utf-8"))
    assert [(i.name, i.value) for i in document.projects[0].indicators] == [
        ("指标1.药品抽检完成率", "100%"), ("指标4.不合格产品处置率", ""),
        ("指标5:药品不良反应每百万人口报告数", "≥150"), ("指标6.化妆品不良反应每百万人口报告数", "≥10")]


def test_a_merged_cell_written_once_per_column_is_read_once():
    # Xiqing's 抚恤金 form (sample lines 3-16, its cells in the shape of bench/render.py) as python-docx or a
    # web-to-text converter writes a merged cell: its text once per column it spans
    text = ("项目支出绩效目标表\n项目名称\t抚恤金\t抚恤金\t抚恤金\n"
            "主管部门\t天津市西青区司法局\t实施单位\t天津市西青区司法局\n"
            "项目资金(万元)\t年度资金总额\t18.47\t18.47\n\t其中:区级资金\t18.47\t\n"
            "年度绩效目标\t发放去世人员抚恤金。目标2:安抚家属情绪。\t发放去世人员抚恤金。目标2:安抚家属情绪。\t\n"
            "一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t发放人数\t=1人\n")
    project = parse_bytes("snippet.txt", text.encode("utf-8")).projects[0]
    assert (project.name, project.total_wan) == ("抚恤金", 18.47)
    assert project.goal == "发放去世人员抚恤金。目标2:安抚家属情绪。"
    assert [(i.name, i.value) for i in project.indicators] == [("发放人数", "=1人")]


# --- a notice before its annexed forms (corpus 09) ---------------------------------------------------------------
def test_a_list_of_projects_and_the_annex_list_of_a_notice_are_not_projects():
    # corpus 09: the notice lists its annexes (line 4: 2.2022年…绩效目标表), then an allocation table whose header is
    # 序号 | 乡镇名称 | 项 目 名 称 | 金额 | 备注 (lines 12-16); the only form is 附件2's
    from tests.corpus import CORPUS

    document = parse_bytes("09.txt", (CORPUS / "09_anxi_shuiliju_2022.txt").read_bytes())
    assert [(p.name, p.total_wan) for p in document.projects] == [("省级第七批水利专项资金", 100.0)]
    assert any(w.code == "title_without_table" and w.line_start == 4 for w in document.warnings)


def test_the_unit_before_an_underscore_in_a_title_is_the_projects_unit():
    # corpus 13: two 批复表 titled 东莞市公安局_公务用车购置… (line 5) and 东莞市看守所_公务用车购置… (line 80)
    from tests.corpus import CORPUS

    document = parse_bytes("13.txt", (CORPUS / "13_dongguan_gonganju_2020.txt").read_bytes())
    assert [(p.name, p.implementing_unit) for p in document.projects] == [("公务用车购置", "东莞市公安局"),
                                                                        ("公务用车购置", "东莞市看守所")]


@pytest.mark.parametrize("title, name", [
    ("东莞市公安局_公务用车购置项目支出绩效目标批复表", "公务用车购置"),  # corpus 13, line 5 (the unit before _)
    ("云雾土家族乡加工园配套设施建设项目支出绩效目标审批表", "云雾土家族乡加工园配套设施建设"),  # corpus 07, line 1
    # corpus 19, line 3: a year without 度 is the fund's own, 转移支付 its name's (区域 is the template's)
    ("2021年中央对地方专项转移支付区域绩效目标自评表(市场监管经开区分局)", "2021年中央对地方专项转移支付"),
    # corpus 22, line 7: the form's year (年度) is not the name's, its 项目 is
    ("2019年度宁晋县高中助学金项目绩效评价指标表", "宁晋县高中助学金项目"),
])
def test_a_title_ending_in_a_longer_suffix_names_the_project_without_its_template_words(title, name):
    from ingest.interpret import title_to_name

    assert title_to_name(title) == name


def test_the_cells_beside_a_name_are_not_the_name():
    # corpus 24 line 9: 项目支出名称 | 基本公共卫生服务和应急处理及卫生监督执法专项 | 部门预算 | 70.00 |
    from tests.corpus import CORPUS

    data = (CORPUS / "24_nanxian_jibingyufangkongzhizhongxin_2025.txt").read_bytes()
    project = parse_bytes("24.txt", data).projects[0]
    assert (project.name, project.total_wan) == ("基本公共卫生服务和应急处理及卫生监督执法专项", 70.0)


def test_a_title_and_the_name_label_right_after_a_narrative_begin_the_form():
    # corpus 05 lines 2-9: the project's description (2)…(7) runs on, with no blank line, into the title
    # 项目支出绩效目标申报表, (2024 年度) and the label 项目名称; its name is on line 11 (cells set apart by | lines)
    from tests.corpus import CORPUS

    project = parse_bytes("05.txt", (CORPUS / "05_mengcheng_weijianwei_2024.txt").read_bytes()).projects[0]
    assert (project.name, project.total_wan) == ("国家基本公共卫生服务项目", 2279.048)
    assert project.implementing_unit == "卫健委"


def test_run_together_total_and_sources_with_their_own_numbering():
    # corpus 01 line 14: 年度资金总额及构成总额10606.7522万元财政拨款:6923.3552万元(其中:上级财政资金:6923.3552万元;
    # 本级财政:0万元)二、自有资金:0万元三、其他:3683.3970万元 — the total, and 其他 after its list number
    from tests.corpus import CORPUS

    project = parse_bytes("01.txt", (CORPUS / "01_ningxiang-batangzhen_zhenzhengfu_2021.txt").read_bytes()).projects[0]
    assert project.total_wan == 10606.7522
    assert ("其他", 3683.397) in [(s.source, s.amount_wan) for s in project.funding]


# Corpus 17 (邯郸, 2019, 困难群众救助补助): 绩效指标分类 | 绩效指标 | 绩效指标描述 | 绩效指标评价标准 over 优 良 中 差 |
# 评价标准确定依据 — four graded standards in place of one 指标值. Its rows, in the simplified characters of the
# original (the host printed them in traditional characters).
GRADED_HEADER = ("绩效指标分类\t绩效指标\t绩效指标描述\t绩效指标评价标准\t\t\t\t评价标准确定依据\n"
                 "\t\t\t优\t良\t中\t差\t\n")
GRADED_ROWS = ("产出指标\t救助覆盖率\t困难群众基本生活救助是否应救尽救\t100%\t90%\t85%\t85%\t按临时救助标准评价\n"
               "效果指标\t救助对象对救助工作满意度(%)\t问卷调查中,满意和较满意的救助对象数量占调研对象总数的比率\t"
               "85%\t80%\t70%\t70%\t按服务对象满意度评价\n")


def test_graded_standards_the_best_grade_is_the_target_and_the_others_are_kept():
    text = "项目名称\t困难群众救助补助\n" + GRADED_HEADER + GRADED_ROWS
    (project,) = parse_bytes("graded.txt", text.encode()).projects
    got = [(i.level1, i.level1_raw, i.name, i.value, i.description, i.basis, i.remarks) for i in project.indicators]
    assert got == [
        ("产出指标", "产出指标", "救助覆盖率", "100%", "困难群众基本生活救助是否应救尽救", "按临时救助标准评价",
         "良：90%；中：85%；差：85%"),
        ("效益指标", "效果指标", "救助对象对救助工作满意度(%)", "85%",
         "问卷调查中,满意和较满意的救助对象数量占调研对象总数的比率", "按服务对象满意度评价",
         "良：80%；中：70%；差：70%")]


def test_funding_labels_of_other_templates():
    # SYNTHETIC amounts under labels other templates print (资金合计, 中央财政, 省财政, 县财政, 单位自有资金): each is
    # the total or its source's level
    text = ("项目名称\t农村道路养护\n资金合计\t50\n其中：中央财政\t20\n省财政\t10\n县财政\t15\n单位自有资金\t5\n"
            "一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t养护里程\t≥120公里\n")
    (project,) = parse_bytes("funding.txt", text.encode()).projects
    assert project.total_wan == 50
    assert [(f.source, f.level, f.amount_wan) for f in project.funding] == [
        ("中央财政", "central", 20), ("省财政", "provincial", 10), ("县财政", "county", 15),
        ("单位自有资金", "other", 5)]


def test_header_words_of_other_templates():
    # Xiqing 2024 (sample lines 16-17: 发放人数 =1人, 发放合规率 =100%) under header words other templates print
    # (指标名, 比较符, 年度绩效指标值, 目标值确定依据; the basis words SYNTHETIC): the operator column joins the value,
    # the basis is kept as the basis, not read as a name or a value
    text = ("项目名称\t抚恤金\n一级指标\t二级指标\t指标名\t比较符\t年度绩效指标值\t目标值确定依据\n"
            "产出指标\t数量指标\t发放人数\t=\t1人\t计划标准\n\t质量指标\t发放合规率\t=\t100%\t行业标准\n")
    (project,) = parse_bytes("header.txt", text.encode()).projects
    assert [(i.level2, i.name, i.value, i.basis) for i in project.indicators] == [
        ("数量指标", "发放人数", "=1人", "计划标准"), ("质量指标", "发放合规率", "=100%", "行业标准")]


def test_level_labels_named_as_goals():
    # Xiqing 2024 (sample lines 16 and 20-21: 发放人数 =1人; 安抚家属情绪 安抚; 家属满意度 =100%) under level labels an
    # older template prints as goals (产出目标 / 数量目标, 效益目标 / 社会效益目标, 满意度目标 / 服务对象满意度目标:
    # SYNTHETIC labels): the canonical categories beside the labels as printed
    text = ("项目名称\t抚恤金\n一级指标\t二级指标\t三级指标\t指标值\n产出目标\t数量目标\t发放人数\t=1人\n"
            "效益目标\t社会效益目标\t安抚家属情绪\t安抚\n满意度目标\t服务对象满意度目标\t家属满意度\t=100%\n")
    (project,) = parse_bytes("levels.txt", text.encode()).projects
    assert [(i.level1, i.level2, i.level1_raw, i.name) for i in project.indicators] == [
        ("产出指标", "数量指标", "产出目标", "发放人数"), ("效益指标", "社会效益指标", "效益目标", "安抚家属情绪"),
        ("满意度指标", "服务对象满意度指标", "满意度目标", "家属满意度")]


def test_funding_labels_read_without_their_endings():
    # SYNTHETIC amounts under source labels the alias table does not list as printed (县级配套资金, 区财政资金,
    # 省补资金, 专项债券资金): each is read again without the endings of funding_source_suffixes (配套, 资金, 补 …
    # are data) until a source is left; a label that never comes to one (专项资金) is no source
    text = ("项目名称\t乡村道路建设\n年度资金总额\t100\n其中：省补资金\t40\n县级配套资金\t30\n区财政资金\t10\n"
            "专项债券资金\t20\n一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t新建道路\t≥5公里\n")
    (project,) = parse_bytes("funding.txt", text.encode()).projects
    assert project.total_wan == 100
    assert [(f.source, f.level, f.amount_wan) for f in project.funding] == [
        ("省补资金", "provincial", 40), ("县级配套资金", "county", 30), ("区财政资金", "county", 10),
        ("专项债券资金", "fiscal", 20)]
    from ingest import taxonomy as tx

    assert tx.funding_level_of("专项资金") is None and tx.funding_level_of("中央政法纪检监察转移支付资金") is None


def test_a_reports_caption_names_the_table_and_its_heading_units_stay_with_it():
    # corpus 23: a self-evaluation report (项目单位 on line 5) whose target table is captioned on line 17
    from tests.corpus import CORPUS

    document = parse_bytes("23.txt", (CORPUS / "23_hubeisheng_canlian_2017.txt").read_bytes())
    (project,) = document.projects
    assert (project.name, project.implementing_unit, project.line_start) == (
        "湖北省残疾人事业宣传文化工作经费项目", "湖北省残疾人联合会", 17)


@pytest.mark.parametrize("ditto", ["〃", "同上", '"'])
def test_a_ditto_mark_in_a_level_cell_repeats_the_cell_above(ditto):
    # Xiqing's 法治宣传经费 rows with the merged level cells written as ditto marks (SYNTHETIC marks): no indicator
    # named 〃, the categories go on
    text = ("项目名称\t法治宣传经费\n一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t法治文艺演出场次\t=2场\n"
            f"{ditto}\t质量指标\t培训参与率\t100%\n{ditto}\t{ditto}\t宣传区域覆盖率\t100%\n")
    (project,) = parse_bytes("ditto.txt", text.encode()).projects
    assert [(i.level1, i.level2, i.name, i.value) for i in project.indicators] == [
        ("产出指标", "数量指标", "法治文艺演出场次", "=2场"), ("产出指标", "质量指标", "培训参与率", "100%"),
        ("产出指标", "质量指标", "宣传区域覆盖率", "100%")]


def test_html_entities_left_in_a_pages_text_are_read_as_their_characters():
    # Xiqing's rows as a page's source text prints them (SYNTHETIC entities): &ge; is ≥, &nbsp; a space
    text = ("项目名称\t法治宣传经费\n一级指标\t二级指标\t三级指标\t指标值\n"
            "产出指标\t数量指标\t开展专项法治宣传活动次数\t&ge;1次\n"
            "\t时效指标\t法治文艺演出&nbsp;时间\t5月31日前\n\t成本指标\t普法宣传费用\t&lt;=10.4万元\n")
    (project,) = parse_bytes("entities.txt", text.encode()).projects
    got = [(i.name, i.value, i.target.op) for i in project.indicators]
    assert got == [("开展专项法治宣传活动次数", "≥1次", ">="), ("法治文艺演出时间", "5月31日前", "<="),
                   ("普法宣传费用", "<=10.4万元", "<=")]


def test_bare_level_words_read_as_printed_with_their_category():
    # Xiqing 2024's first project (sample_data lines 7–21) with its level words printed bare, as some templates print
    # them (产出 / 数量, 成本 / 经济成本 under the newer template's level-1 成本): each read as printed beside its
    # canonical category (成本 in the level-1 column was dropped: no level-1 alias)
    text = ("项目支出绩效目标表\n项目名称\t抚恤金\n年度资金总额\t18.47\n一级指标\t二级指标\t三级指标\t指标值\n"
            "产出\t数量\t发放人数\t=1人\n\t质量\t发放合规率\t=100%\n成本\t经济成本\t抚恤金金额\t=184722元\n"
            "效益\t社会效益\t安抚家属情绪\t安抚\n")
    document = parse_bytes("bare.txt", text.encode("utf-8"))
    assert [(i.level1_raw, i.level1, i.level2_raw, i.level2, i.name) for i in document.projects[0].indicators] == [
        ("产出", "产出指标", "数量", "数量指标", "发放人数"), ("产出", "产出指标", "质量", "质量指标", "发放合规率"),
        ("成本", "成本指标", "经济成本", "经济成本指标", "抚恤金金额"),
        ("效益", "效益指标", "社会效益", "社会效益指标", "安抚家属情绪")]


@pytest.mark.parametrize("value_header", ["预期值", "预期指标值", "计划值", "年度计划值", "计划完成值", "标准值",
                                          "目标", "预期目标", "年度目标"])
def test_other_words_for_the_value_column(value_header):
    # Xiqing 2024's first rows (sample_data lines 16–17) under a value column named in other templates' words: the
    # aliases (indicator_header.value: 计划值, 预期指标值 …) and, for a word no alias has (目标, 年度目标: also a
    # field's label), the first column the aliases do not know after the name. Before, the level-1 cell ran into
    # the name (产出指标发放人数)
    text = ("项目支出绩效目标表\n项目名称\t抚恤金\n年度资金总额\t18.47\n"
            f"一级指标\t二级指标\t三级指标\t{value_header}\n"
            "产出指标\t数量指标\t发放人数\t=1人\n\t质量指标\t发放合规率\t=100%\n")
    document = parse_bytes("value_header.txt", text.encode("utf-8"))
    assert [(i.level1, i.level2, i.name, i.value) for i in document.projects[0].indicators] == [
        ("产出指标", "数量指标", "发放人数", "=1人"), ("产出指标", "质量指标", "发放合规率", "=100%")]


def test_funding_as_a_sentence_after_the_total_label_in_brackets():
    # Xiqing 2024's first project (sample_data lines 7–21: 项目资金 18.47, 区级资金 18.47) with its funding written as
    # one field's sentence, the sources in brackets: the total was lost (the value was no amount: 18.47万元（其中…）)
    text = ("项目支出绩效目标表\n项目名称：抚恤金\n年度资金总额：18.47万元（其中区级资金18.47万元，其他资金0万元）\n"
            "一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t发放人数\t=1人\n")
    project = parse_bytes("sentence.txt", text.encode("utf-8")).projects[0]
    assert project.total_wan == 18.47
    assert [(f.source, f.level, f.amount_wan) for f in project.funding] == [
        ("区级资金", "county", 18.47), ("其他资金", "other", 0.0)]


def test_a_fiscal_whole_before_its_parts_is_the_total_not_one_more_source():
    # the same project's funding as 财政拨款 and, after 其中, the levels it is made of (amounts as printed): the
    # total was their sum with the whole counted again (36.94)
    text = ("项目支出绩效目标表\n项目名称\t抚恤金\n"
            "资金来源\t财政拨款18.47万元，其中：中央补助0万元、市级资金0万元、区级资金18.47万元\n"
            "一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t发放人数\t=1人\n")
    document = parse_bytes("parts.txt", text.encode("utf-8"))
    project = document.projects[0]
    assert project.total_wan == 18.47
    assert [(f.source, f.amount_wan) for f in project.funding] == [("中央补助", 0.0), ("市级资金", 0.0),
                                                                   ("区级资金", 18.47)]
    assert any(w.code == "total_from_sources" and "财政拨款" in w.message for w in document.warnings)


@pytest.mark.parametrize("label", ["项目预算", "本年预算", "年度预算", "资金规模", "申请金额", "申报金额"])
def test_other_words_for_the_total(label):
    # Xiqing 2024's first project (项目资金 18.47) under a total label of other templates (aliases.json fields.total):
    # the total was lost
    text = (f"项目支出绩效目标表\n项目名称：抚恤金\n{label}：18.47万元\n"
            "一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t发放人数\t=1人\n")
    assert parse_bytes("total.txt", text.encode("utf-8")).projects[0].total_wan == 18.47


def test_this_levels_own_arrangement_is_a_county_source():
    # 本级安排 (the money the county arranges itself) beside 上级补助: Xiqing's 18.47 split as 区级资金 18.47 and 0 from
    # above; 本级安排 was no source label, its amount lost
    text = ("项目支出绩效目标表\n项目名称\t抚恤金\n年度资金总额\t18.47\t其中：上级补助\t0\t本级安排\t18.47\n"
            "一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t发放人数\t=1人\n")
    project = parse_bytes("own.txt", text.encode("utf-8")).projects[0]
    assert [(f.source, f.level, f.amount_wan) for f in project.funding] == [
        ("上级补助", "fiscal", 0.0), ("本级安排", "county", 18.47)]
