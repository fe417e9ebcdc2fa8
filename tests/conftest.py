"""Shared fixtures.

``sample_db`` builds a database from ``sample_data/`` with the real parser (``ingest.parse.parse_file``) once per
session; tests that use it error until the parser exists. ``make_document`` builds small documents by hand for
tests of the store that do not need the parser.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.model import (
    DepartmentOverall,
    Document,
    EmptySlot,
    FundingSource,
    Indicator,
    ParsedTarget,
    Project,
    SpendingPlan,
)

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DIR = ROOT / "sample_data"


def _ind(level1, level2, name, value, line, **target) -> Indicator:
    return Indicator(level1=level1, level2=level2, level1_raw=level1, level2_raw=level2, name=name, value=value,
                     target=ParsedTarget(**target), line_start=line, line_end=line)


def make_document(sha: str = "a" * 64, jurisdiction: str = "测试区", year: int = 2024, province: str = "测试省",
                  source: str = "test_doc.txt", with_overall: bool = True) -> Document:
    """A small document: two projects (法律援助 and 人员与保障 themes) and a department-wide table."""
    p1 = Project(
        sequence=1, name="法律援助经费", total_wan=30.0, department=f"{jurisdiction}司法局",
        goal="为困难群众提供法律援助。", purpose="案件补贴",
        funding=[FundingSource("中央补助", "central", 10.0), FundingSource("区级资金", "county", 20.0)],
        spending_plan=SpendingPlan(periods=["3月底", "6月底", "10月底", "12月底"], values=[20.0, None, 60.0, 100.0],
                                   unit="%", unit_as_printed="%"),
        indicators=[
            _ind("产出指标", "数量指标", "受理法律援助案件数", "≥100件", 10, op=">=", number=100, unit="件",
                 kind="count"),
            _ind("产出指标", "质量指标", "案件办结率", "≥90%", 11, op=">=", number=90, unit="%", kind="percent"),
            _ind("产出指标", "时效指标", "补贴发放时间", "2024年12月底前", 12, op="<=", kind="deadline",
                 date="2024-12-31"),
            _ind("产出指标", "成本指标", "案件补贴", "≤30万元", 13, op="<=", number=30, unit="万元", kind="money",
                 amount_wan=30.0),
            _ind("效益指标", "社会效益指标", "维护困难群众合法权益", "有效维护", 14, kind="qualitative"),
            _ind("满意度指标", "服务对象满意度指标", "受援人满意度", "≥95%", 15, op=">=", number=95, unit="%",
                 kind="percent", flags=["approximate"]),
        ],
        empty_slots=[EmptySlot("效益指标", "经济效益指标", 16, 16)],
        line_start=5, line_end=16,
    )
    p2 = Project(
        sequence=2, name="抚恤金", total_wan=5.0, department=f"{jurisdiction}司法局",
        funding=[FundingSource("区级资金", "county", 5.0)],
        indicators=[
            _ind("产出指标", "数量指标", "发放人数", "年度计划", 20, kind="placeholder"),
            _ind("产出指标", "时效指标", "发放时间", "每月按时完成", 21, kind="deadline"),
            _ind("满意度指标", "服务对象满意度指标", "家属满意度", "≥80%", 22, op=">=", number=80, unit="%",
                 kind="percent"),
            _ind("效益指标", "可持续影响指标", "长效机制", "", 23, kind="empty"),
        ],
        line_start=18, line_end=23,
    )
    overall = None
    if with_overall:
        overall = DepartmentOverall(
            department=f"{jurisdiction}司法局", total_wan=100.0, basic_wan=65.0, project_wan=35.0,
            funding=[FundingSource("一般公共预算", "fiscal", 100.0)], goal="保障运转",
            indicators=[
                _ind("满意度指标", "服务对象满意度指标", "群众满意度", "90%", 2, op="=", number=90, unit="%",
                     kind="percent"),
                _ind("产出指标", "质量指标", "调解成功率", "95%", 3, op="=", number=95, unit="%", kind="percent"),
            ],
            empty_slots=[EmptySlot("产出指标", "时效指标", 4, 4)],
            line_start=1, line_end=4,
        )
    return Document(source=source, sha256=sha, layout="test", encoding="utf-8", jurisdiction=jurisdiction,
                    province=province, city="测试市", county=jurisdiction, adcode="999999",
                    department=f"{jurisdiction}司法局", fiscal_year=year, department_overall=overall,
                    projects=[p1, p2], warnings=["测试提示"], line_count=30)


@pytest.fixture
def doc_factory():
    return make_document


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory) -> Path:
    """A database built from sample_data/ with the real parser (read it with loader.connect(read_only=True))."""
    from ingest import loader
    from ingest.parse import parse_file  # errors until the parser lands: intended

    db = tmp_path_factory.mktemp("sample") / "sample.duckdb"
    results = loader.load_paths([SAMPLE_DIR], db, parse=parse_file)
    failed = [r for r in results if r[1] != "loaded"]
    assert not failed, failed
    assert len(results) == 5
    return db


@pytest.fixture(scope="session")
def sample_con(sample_db):
    from ingest import loader

    con = loader.connect(sample_db, read_only=True)
    yield con
    con.close()
