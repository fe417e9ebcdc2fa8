"""The parse command: JSON shape and the readable Chinese summary."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.helpers import ROOT

DOC_KEYS = {"source", "jurisdiction", "province", "department", "fiscal_year", "layout", "warnings", "projects"}
PROJECT_KEYS = {"name", "code", "unit", "total_wan", "funding", "spending_plan", "goal", "lines", "indicators"}
INDICATOR_KEYS = {"level1", "level2", "level1_raw", "level2_raw", "name", "value", "op", "number", "unit", "kind",
                  "basis", "weight", "lines"}


def parse_json(*files):
    result = subprocess.run([sys.executable, "-m", "ingest", "parse", *files, "--json"], cwd=ROOT,
                            capture_output=True, text=True, timeout=120, check=True)
    return json.loads(result.stdout)


def test_parse_json_shape_and_values():
    data = parse_json("sample_data/qingdao_2023.txt", "sample_data/ningxia_pingluo_2024.txt")
    qingdao, pingluo = data["documents"]
    assert DOC_KEYS <= set(qingdao)
    assert (qingdao["jurisdiction"], qingdao["province"], qingdao["fiscal_year"]) == ("青岛市", "山东省", 2023)
    project = qingdao["projects"][2]
    assert PROJECT_KEYS <= set(project)
    assert (project["name"], project["code"], project["unit"], project["total_wan"]) == (
        "法治专项业务费", "37020023P880028109110", "124001青岛市司法局本级", 208.4)
    assert project["funding"] == [{"source": "财政资金", "level": "fiscal", "amount_wan": 208.4}]
    assert project["spending_plan"]["values"] == [None, 40.0, 150.0, 108.4]
    cost = project["indicators"][0]
    assert INDICATOR_KEYS <= set(cost)
    assert (cost["level1"], cost["level2"], cost["name"], cost["value"], cost["op"], cost["number"], cost["unit"],
            cost["kind"], cost["lines"]) == ("成本指标", "经济成本指标", "法治专项业务费预算控制数", "≤228.4万元", "<=",
                                              228.4, "万元", "money", [246, 251])
    assert pingluo["province"] == "宁夏回族自治区"
    assert pingluo["projects"][0]["indicators"][0]["level2_raw"] == "数量指标(必填)"


def test_parse_summary_is_chinese():
    result = subprocess.run([sys.executable, "-m", "ingest", "parse", "sample_data/hunan_yuanjiang_2024.txt"],
                            cwd=ROOT, capture_output=True, text=True, timeout=120, check=True)
    assert "地区：湖南省益阳市沅江市" in result.stdout
    assert "项目 9 个，资金合计 148.7360 万元，指标 11 条" in result.stdout
    assert "部门整体支出表：资金总额 1107.23 万元，指标 12 条" in result.stdout
