"""A target table full of Markdown, HTML and LaTeX payloads and personal numbers, loaded into its own database with
its source file: what tests/test_hostile_text.py and the browser test render on every page."""

from __future__ import annotations

from pathlib import Path

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

BOLD = "**粗体**"
LATEX = "$$x^2$$"
LINK = "[x](http://evil.invalid/)"
IMAGE = "![t](http://127.0.0.1:9/track.png)"
NESTED = "<<b>b>a href=http://evil.invalid/>点我</a>"
IMG_TAG = "<img src=http://127.0.0.1:9/tag.png>"
COLOUR = ":red[红字] :material/home:"
CODE = "`code` # 标题 ~~删除~~ | 表格 |"
PAYLOADS = (BOLD, LATEX, LINK, IMAGE, NESTED, IMG_TAG, COLOUR, CODE)
MOBILE, LANDLINE = "15526355168", "(010)87654321"
JURISDICTION = "$x$区"
PROJECT_1 = f"法律援助{BOLD}{LINK}"
PROJECT_2 = f"人民调解{IMAGE}{NESTED}"
SOURCE = "hostile_$x$_payload.txt"


def _ind(level1, level2, name, value, line, **target) -> Indicator:
    return Indicator(level1=level1, level2=level2, level1_raw=level1, level2_raw=level2, name=name, value=value,
                     target=ParsedTarget(**target), line_start=line, line_end=line)


def document() -> Document:
    p1 = Project(
        sequence=1, name=PROJECT_1, total_wan=30.0, department=f"司法局{COLOUR}",
        goal=f"目标 {LATEX} {IMG_TAG} 电话 {MOBILE} {LANDLINE}", purpose=CODE,
        funding=[FundingSource(f"中央补助{BOLD}", "central", 10.0), FundingSource("财政资金", "fiscal", 20.0)],
        spending_plan=SpendingPlan(periods=["3月底", "6月底", "10月底", "12月底"], values=[20.0, 10.0, 60.0, 100.0],
                                   unit="%", unit_as_printed="%"),
        indicators=[
            _ind("产出指标", "数量指标", f"受理案件数{BOLD}", "≥100件", 10, op=">=", number=100, unit="件",
                 kind="count"),
            _ind("产出指标", "质量指标", f"办结率{LINK}", f"={IMAGE}", 11, kind="qualitative"),
            _ind("满意度指标", "服务对象满意度指标", f"满意度{NESTED}", "≥70%", 12, op=">=", number=70, unit="%",
                 kind="percent"),
            _ind("满意度指标", "服务对象满意度指标", f"满意度{COLOUR}", "=100%", 13, op="=", number=100, unit="%",
                 kind="percent"),
        ],
        empty_slots=[EmptySlot("效益指标", "经济效益指标", 14, 14)],
        line_start=3, line_end=14,
    )
    p2 = Project(
        sequence=2, name=PROJECT_2, total_wan=5.0, department="司法局",
        funding=[FundingSource("区级资金", "county", 5.0)],
        indicators=[_ind("产出指标", "数量指标", f"调解{LATEX}", "年度计划", 17, kind="placeholder"),
                    _ind("产出指标", "数量指标", f"调解{LATEX}", "≥5件", 18, op=">=", number=5, unit="件",
                         kind="count")],
        line_start=16, line_end=18,
    )
    overall = DepartmentOverall(department=f"司法局{COLOUR}", total_wan=100.0, basic_wan=65.0, project_wan=35.0,
                                funding=[FundingSource("一般公共预算", "fiscal", 100.0)], goal=f"保障{BOLD}",
                                indicators=[_ind("满意度指标", "服务对象满意度指标", f"群众满意度{IMAGE}", "90%", 20,
                                                 op="=", number=90, unit="%", kind="percent")],
                                line_start=19, line_end=21)
    return Document(source=SOURCE, sha256="f" * 64, layout=f"<b>{BOLD}</b>", encoding="utf-8",
                    jurisdiction=JURISDICTION, province=f"测试省{LINK}", city="测试市", county=JURISDICTION,
                    adcode="999999", department=f"司法局{COLOUR}", fiscal_year=2024, department_overall=overall,
                    projects=[p1, p2], warnings=[f"第 11 行：{BOLD}{LINK}{IMAGE} 电话 {MOBILE}"], line_count=21,
                    lines=source_text().split("\n")[:21])


def source_text() -> str:
    """21 lines: every payload in the document's own lines, as the source view shows them."""
    lines = [f"项目支出绩效目标表 {BOLD}", f"{LATEX} {LINK}"]
    lines += [f"\t{payload}\t{MOBILE}\t{LANDLINE}" for payload in PAYLOADS]
    while len(lines) < 21:
        lines.append(f"{IMAGE}\t{NESTED}\t{IMG_TAG}")
    return "\n".join(lines[:21]) + "\n"


def build(folder: Path) -> tuple[Path, Path]:
    """(database, folder of the source file)."""
    from ingest import loader

    sources = folder / "sources"
    sources.mkdir(parents=True, exist_ok=True)
    (sources / SOURCE).write_text(source_text(), encoding="utf-8")
    db = folder / "hostile.duckdb"
    results = loader.load_paths([sources / SOURCE], db, parse=lambda path: document())
    assert [r[1] for r in results] == ["loaded"], results
    return db, sources
