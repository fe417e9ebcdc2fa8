"""Every dashboard page, headless (streamlit.testing.v1.AppTest) against the database built from sample_data/:
no exception, the key elements, and the numbers of the sample documents before and after a filter change."""

from __future__ import annotations

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

ENTRY = "../dashboard.py"  # AppTest resolves it relative to this file
TIMEOUT = 60

PAGES = {
    "pages/overview.py": "总览",
    "pages/funding.py": "资金构成",
    "pages/coverage.py": "指标覆盖",
    "pages/satisfaction.py": "满意度",
    "pages/project.py": "项目明细",
    "pages/compare.py": "跨地区对比",
    "pages/data.py": "数据",
}
RAW_PHONE = "15526355168"
MASKED_PHONE = "155****5168"


@pytest.fixture(autouse=True)
def sample_database(sample_db, monkeypatch):
    """The pages read the session's sample database (never the developer's data/targetboard.duckdb)."""
    monkeypatch.setenv("TARGETBOARD_DB", str(sample_db))


def open_page(page: str = "pages/overview.py", **query) -> AppTest:
    at = AppTest.from_file(ENTRY, default_timeout=TIMEOUT)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    if page != "pages/overview.py":
        at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def texts(at: AppTest) -> list[str]:
    return [t.value for t in at.text]


def frames(at: AppTest) -> list[pd.DataFrame]:
    out = []
    for d in at.dataframe:
        value = d.value
        out.append(value.data if hasattr(value, "data") else value)
    return out


def frame_with(at: AppTest, column: str) -> pd.DataFrame:
    found = [f for f in frames(at) if column in f.columns]
    assert found, f"no table with column {column!r}"
    return found[0]


def everything_shown(at: AppTest) -> str:
    parts = texts(at) + [c.value for c in at.code] + [m.value for m in at.markdown]
    parts += [str(v) for m in at.metric for v in (m.label, m.value)]
    for f in frames(at):
        parts.append(f.to_csv(index=False))
    return "\n".join(parts)


def project_id(sample_con, name: str) -> int:
    return int(sample_con.execute("SELECT project_id FROM projects WHERE name = ?", [name]).fetchone()[0])


# ------------------------------------------------------------------------------------------------------------------
# Every page
# ------------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("page, title", PAGES.items())
def test_every_page_renders_with_the_shared_frame(page, title):
    at = open_page(page)
    assert [t.value for t in at.title] == [title]
    labels = [w.label for w in at.sidebar.multiselect] + [w.label for w in at.sidebar.selectbox]
    assert {"省份", "地区", "年度", "部门", "项目主题"} <= set(labels)
    assert [t.label for t in at.sidebar.toggle] == ["演示模式"]
    assert [p.proto.label for p in at.sidebar.get("page_link")] == list(PAGES.values())  # own sidebar navigation
    assert RAW_PHONE not in everything_shown(at)


# ------------------------------------------------------------------------------------------------------------------
# 总览
# ------------------------------------------------------------------------------------------------------------------


def test_overview_kpis_and_sentences():
    at = open_page()
    m = metrics(at)
    assert m["资金总额（万元）"] == "2343.6545"  # 248.15 + 252.0285 + 207.09 + 148.736 + 1487.65
    assert (m["项目"], m["项目指标"], m["地区"], m["年度"]) == ("42", "345", "5", "3")
    sentences = [t for t in texts(at) if t.startswith("• ")]
    assert len(sentences) == 5
    assert "• 青岛市 2023 年 10 个项目共 1487.65 万元，全部为财政资金；10 个满意度目标中 4 个 ≥90%。" in sentences
    assert "• 西青区 2024 年 8 个项目共 248.15 万元，中央资金占 51.18%；15 个满意度目标中 12 个 ≥90%。" in sentences
    assert any(s.startswith("• 抚宁区 2020 年 9 个项目共 207.09 万元") and "8 个低于 80%" in s for s in sentences)
    summary = frame_with(at, "主要资金来源")
    assert len(summary) == 5 and summary["项目资金（万元）"].sum() == pytest.approx(2343.6545)
    assert [d.label for d in at.get("download_button")][:2] == ["下载 Excel", "下载 CSV"]


def test_filter_change_updates_the_numbers():
    at = open_page()
    at.multiselect(key="jurisdiction").set_value(["青岛市"]).run()
    m = metrics(at)
    assert (m["资金总额（万元）"], m["项目"], m["地区"]) == ("1487.65", "10", "1")
    assert "筛选：青岛市" in texts(at)
    at.multiselect(key="jurisdiction").set_value(["西青区"]).run()
    m = metrics(at)
    assert (m["资金总额（万元）"], m["项目"], m["项目指标"]) == ("248.15", "8", "131")
    at.multiselect(key="jurisdiction").set_value([]).run()
    assert metrics(at)["资金总额（万元）"] == "2343.6545"


def test_year_and_theme_filters():
    at = open_page()
    at.multiselect(key="year").set_value([2024]).run()
    assert metrics(at)["资金总额（万元）"] == "648.9145"  # 248.15 + 252.0285 + 148.736
    at.selectbox(key="theme").set_value("人民调解").run()
    m = metrics(at)
    assert m["项目"] == "6"  # 2024: 西青区 1, 平罗县 1, 沅江市 4
    at.button[0].click().run()  # 清除筛选
    assert metrics(at)["资金总额（万元）"] == "2343.6545"


def test_shared_link_with_filters_in_the_url():
    at = open_page(jurisdiction="青岛市", year="2023")
    m = metrics(at)
    assert (m["资金总额（万元）"], m["项目"]) == ("1487.65", "10")
    assert at.multiselect(key="jurisdiction").value == ["青岛市"]
    assert at.multiselect(key="year").value == [2023]


# ------------------------------------------------------------------------------------------------------------------
# 资金构成
# ------------------------------------------------------------------------------------------------------------------


def test_funding_composition_central_share():
    at = open_page("pages/funding.py", jurisdiction="西青区")
    m = metrics(at)
    assert m["资金合计（万元）"] == "248.15"
    assert m["中央资金占比"] == "51.18%"
    table = frame_with(at, "资金来源级别")
    central = table[table["资金来源级别"] == "中央"].iloc[0]
    assert central["金额（万元）"] == 127.0 and round(central["占比（%）"], 2) == 51.18
    assert set(table["资金来源级别"]) == {"中央", "市级", "区县级", "其他"}
    projects = frame_with(at, "占该主题（%）")
    assert len(projects) == 8


def test_funding_all_documents():
    at = open_page("pages/funding.py")
    assert metrics(at)["资金合计（万元）"] == "2343.6545"
    themes = frame_with(at, "占主题（%）")
    assert themes["金额（万元）"].sum() == pytest.approx(2343.6545)


# ------------------------------------------------------------------------------------------------------------------
# 指标覆盖
# ------------------------------------------------------------------------------------------------------------------


def test_coverage_matrix_and_link_to_project():
    at = open_page("pages/coverage.py")
    table = frame_with(at, "覆盖类别数")
    assert len(table) == 42
    assert list(table.columns[4:13]) == ["数量", "质量", "时效", "成本", "经济效益", "社会效益", "生态效益",
                                         "可持续影响", "满意度"]
    assert int((table["满意度"] == 0).sum()) == 9  # the 沅江市 projects have no satisfaction indicator
    quant = frame_with(at, "量化占比（%）")
    funing = quant[quant["地区"] == "抚宁区"].iloc[0]
    assert (funing["指标数"], funing["占位/空白"]) == (54, 13)
    first = at.selectbox(key="coverage_project").value
    assert first == table["项目编号"].iloc[0]
    links = [p.proto for p in at.get("page_link") if p.proto.label == "打开项目明细和原文 →"]
    assert [(link.page, link.query_string) for link in links] == [("project", f"project={first}")]


# ------------------------------------------------------------------------------------------------------------------
# 满意度
# ------------------------------------------------------------------------------------------------------------------


def test_satisfaction_qingdao_and_funing():
    at = open_page("pages/satisfaction.py", jurisdiction="青岛市")
    m = metrics(at)
    assert (m["满意度目标"], m["≥90%"], m["低于 80%"]) == ("10", "4", "0")
    at.multiselect(key="jurisdiction").set_value(["抚宁区"]).run()
    m = metrics(at)
    assert (m["满意度目标"], m["≥90%"], m["低于 80%"]) == ("9", "1", "8")
    detail = frame_with(at, "标记")
    assert len(detail) == 9
    assert (detail["标记"] == "▼ 低于 80%").sum() == 8


def test_satisfaction_marks_exactly_100():
    at = open_page("pages/satisfaction.py", jurisdiction="西青区")
    detail = frame_with(at, "标记")
    assert (detail["标记"] == "● 恰为 100%").sum() == 5
    assert metrics(at)["恰为 100%"] == "5"


# ------------------------------------------------------------------------------------------------------------------
# 项目明细
# ------------------------------------------------------------------------------------------------------------------


def test_project_detail_with_source_lines_and_marked_indicator(sample_con):
    pid = project_id(sample_con, "社区矫正专项")
    ind = sample_con.execute("SELECT indicator_id, line_start, line_end FROM indicators WHERE project_id = ? "
                             "ORDER BY position LIMIT 1", [pid]).fetchone()
    at = open_page("pages/project.py", project=str(pid), indicator=str(ind[0]))
    m = metrics(at)
    assert (m["项目"], m["资金总额（万元）"], m["原文行"]) == ("社区矫正专项", "57.60", "172–319")
    lines = frame_with(at, "原文")
    assert lines["行号"].tolist() == list(range(172, 320))
    marked = lines[lines["▶"] == "▶"]["行号"].tolist()
    assert marked == list(range(ind[1], ind[2] + 1))
    last = lines[lines["行号"] == 319].iloc[0]["原文"]
    assert MASKED_PHONE in last and RAW_PHONE not in last
    codes = [c.value for c in at.code]
    assert any(f"▶ {ind[1]} ┃" in c for c in codes)
    assert any(MASKED_PHONE in c for c in codes)
    assert RAW_PHONE not in everything_shown(at)
    tree = frame_with(at, "三级指标")
    assert tree["三级指标"].tolist() == ["社区服刑人员个案矫正率", "社区服刑人员电子监管率"]
    funding = frame_with(at, "资金来源（原文）")
    assert funding["金额（万元）"].tolist() == [57.6]


def test_project_search_and_unknown_project(sample_con):
    at = open_page("pages/project.py", q="以奖代补")
    listing = frame_with(at, "原文行号")
    assert listing["项目"].tolist() == ["“以奖代补”案卷补贴"]
    at = open_page("pages/project.py", project="999999")
    assert any("找不到编号为 999999 的项目" in w.value for w in at.warning)


def test_project_with_four_decimals(sample_con):
    pid = project_id(sample_con, "提前退休人员 2024 年住房公积金")
    at = open_page("pages/project.py", project=str(pid))
    assert metrics(at)["资金总额（万元）"] == "0.6924"


# ------------------------------------------------------------------------------------------------------------------
# 跨地区对比
# ------------------------------------------------------------------------------------------------------------------


def test_compare_theme_side_by_side():
    at = open_page("pages/compare.py")
    assert at.segmented_control(key="compare_theme").value == "人民调解"
    table = frame_with(at, "满意度目标数")
    assert sorted(set(table["地区"])) == sorted(["西青区", "平罗县", "抚宁区", "沅江市"])
    assert len(table) == 7
    assert [s.value for s in at.subheader][:4] == ["西青区 2024", "平罗县 2024", "抚宁区 2020", "沅江市 2024"]
    funds = [m.value for m in at.metric if m.label == "资金（万元）"]
    assert funds == ["11.00", "91.9361", "12.00", "37.376"]


def test_compare_theme_from_url():
    at = open_page("pages/compare.py", compare_theme="法律援助")
    assert at.segmented_control(key="compare_theme").value == "法律援助"
    table = frame_with(at, "满意度目标数")
    assert sorted(table["地区"]) == sorted(["西青区", "青岛市", "抚宁区"])


# ------------------------------------------------------------------------------------------------------------------
# 数据
# ------------------------------------------------------------------------------------------------------------------


def test_data_page_documents_and_warnings():
    at = open_page("pages/data.py")
    docs = frame_with(at, "版式")
    assert len(docs) == 5 and docs["项目数"].sum() == 42
    warnings = frame_with(at, "解析提示")
    assert len(warnings) == 13
    assert metrics(at)["解析提示"] == "13"
    at.multiselect(key="jurisdiction").set_value(["抚宁区"]).run()
    assert len(frame_with(at, "解析提示")) == 11


# ------------------------------------------------------------------------------------------------------------------
# Presentation mode
# ------------------------------------------------------------------------------------------------------------------


def test_presentation_mode_from_the_url_and_back():
    at = open_page(present="1")
    assert at.toggle(key="present_mode").value is True
    css = "\n".join(m.value for m in at.markdown)
    assert 'section[data-testid="stSidebar"]' in css and "display: none" in css
    exit_button = [b for b in at.button if b.label == "退出演示模式"]
    assert exit_button
    exit_button[0].click().run()
    assert at.toggle(key="present_mode").value is False
    assert not [b for b in at.button if b.label == "退出演示模式"]
    assert "present" not in at.query_params


def test_presentation_toggle_sets_the_url_flag():
    at = open_page()
    at.toggle(key="present_mode").set_value(True).run()
    assert at.query_params.get("present") == "1"


@pytest.mark.parametrize("source", ["tianjin_xiqing_2024.txt", "ningxia_pingluo_2024.txt", "hebei_funing_2020.txt",
                                    "hunan_yuanjiang_2024.txt", "qingdao_2023.txt"])
def test_first_project_of_every_layout_opens(sample_con, source):
    pid, name, start, end = sample_con.execute(
        "SELECT p.project_id, p.name, p.line_start, p.line_end FROM projects p JOIN documents d USING (doc_id) "
        "WHERE d.source = ? ORDER BY p.sequence LIMIT 1", [source]).fetchone()
    at = open_page("pages/project.py", project=str(pid))
    assert metrics(at)["项目"] == name
    lines = frame_with(at, "原文")
    assert lines["行号"].tolist() == list(range(start, end + 1))
    assert len(frame_with(at, "三级指标")) > 0


@pytest.mark.parametrize("page", list(PAGES))
def test_every_page_in_presentation_mode(page):
    at = open_page(page, present="1")
    assert at.toggle(key="present_mode").value is True
    assert [b.label for b in at.button if b.label == "退出演示模式"]
