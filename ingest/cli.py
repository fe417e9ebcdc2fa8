"""Command line: ``python -m ingest parse FILE... [--json]`` and ``python -m ingest load PATH... [--db FILE]``."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Optional

from ingest.errors import IngestError
from ingest.model import Document, Indicator, Project
from ingest.parse import parse_file
from ingest.readers import LAYOUT_TITLES
from ui.privacy import mask_personal

LEVEL_NAMES_ZH = {"central": "中央", "provincial": "省级", "city": "市级", "county": "区县级", "fiscal": "财政拨款",
                  "other": "其他"}


def indicator_json(indicator: Indicator) -> dict:
    target = indicator.target
    return {
        "level1": indicator.level1,
        "level2": indicator.level2,
        "level1_raw": indicator.level1_raw,
        "level2_raw": indicator.level2_raw,
        "name": indicator.name,
        "value": indicator.value,
        "op": target.op,
        "number": target.number,
        "number_max": target.number_max,
        "unit": target.unit,
        "kind": target.kind,
        "amount_wan": target.amount_wan,
        "date": target.date,
        "flags": target.flags,
        "description": indicator.description,
        "basis": indicator.basis,
        "weight": indicator.weight,
        "actual": indicator.actual,
        "score": indicator.score,
        "remarks": indicator.remarks,
        "target_set": indicator.target_set,
        "lines": [indicator.line_start, indicator.line_end],
    }


def funding_json(sources) -> list[dict]:
    return [{"source": f.source, "level": f.level, "amount_wan": f.amount_wan} for f in sources]


def project_json(project: Project) -> dict:
    plan = project.spending_plan
    return {
        "sequence": project.sequence,
        "name": project.name,
        "code": project.code,
        "unit": project.budget_unit,
        "department": project.department,
        "implementing_unit": project.implementing_unit,
        "total_wan": project.total_wan,
        "funding": funding_json(project.funding),
        "spending_plan": None if plan is None else {
            "periods": plan.periods, "values": plan.values, "unit": plan.unit, "unit_as_printed": plan.unit_as_printed
        },
        "purpose": project.purpose,
        "goal": project.goal,
        "truncated": project.truncated,
        "self_evaluation": project.self_evaluation,
        "lines": [project.line_start, project.line_end],
        "indicators": [indicator_json(i) for i in project.indicators],
        "empty_rows": [{"level1": e.level1, "level2": e.level2, "lines": [e.line_start, e.line_end]}
                       for e in project.empty_slots],
    }


def document_json(document: Document) -> dict:
    overall = document.department_overall
    return {
        "source": document.source,
        "sha256": document.sha256,
        "jurisdiction": document.jurisdiction,
        "province": document.province,
        "city": document.city,
        "county": document.county,
        "department": document.department,
        "fiscal_year": document.fiscal_year,
        "layout": document.layout,
        "layout_title": LAYOUT_TITLES.get(document.layout, document.layout),
        "layout_scores": document.layout_scores,
        "runner_up": runner_up(document),
        "encoding": document.encoding,
        "ocr": document.is_ocr,
        "warnings": [warning_json(w) for w in document.warnings],
        "department_overall": None if overall is None else {
            "department": overall.department, "total_wan": overall.total_wan, "basic_wan": overall.basic_wan,
            "project_wan": overall.project_wan, "goal": overall.goal,
            "funding": funding_json(overall.funding),
            "lines": [overall.line_start, overall.line_end],
            "indicators": [indicator_json(i) for i in overall.indicators],
        },
        "projects": [project_json(p) for p in document.projects],
    }


def warning_json(warning) -> dict:
    return {"code": warning.code, "line": warning.line_start, "line_end": warning.line_end,
            "message": warning.message}


def runner_up(document: Document) -> Optional[dict]:
    """The family that scored second (the margin by which the chosen family won)."""
    others = [(k, v) for k, v in document.layout_scores.items() if k != document.layout]
    if not others:
        return None
    key, score = max(others, key=lambda kv: kv[1])
    return {"layout": key, "score": score}


def summary_zh(document: Document) -> str:
    place = "".join(x for x in (document.province, document.city if document.city != document.province else None,
                                document.county) if x)
    total = sum(p.total_wan or 0 for p in document.projects)
    indicators = sum(len(p.indicators) for p in document.projects)
    lines = [
        f"{document.source}",
        f"  地区：{place or '未识别'}　部门：{document.department or '未识别'}"
        f"　年度：{document.fiscal_year or '未识别'}",
        f"  版式：{LAYOUT_TITLES.get(document.layout, document.layout)}　编码：{document.encoding}",
        f"  项目 {len(document.projects)} 个，资金合计 {total:.4f} 万元，指标 {indicators} 条",
    ]
    if document.department_overall:
        overall = document.department_overall
        lines.append(f"  部门整体支出表：资金总额 {overall.total_wan} 万元，指标 {len(overall.indicators)} 条")
    for project in document.projects:
        cut = "（表格被截断）" if project.truncated else ""
        lines.append(f"  {project.sequence:>2}. {project.name}　{project.total_wan} 万元"
                     f"　指标 {len(project.indicators)} 条"
                     f"（第 {project.line_start}–{project.line_end} 行）{cut}")
    for warning in document.warnings:
        lines.append(f"  提示：{warning}")
    return "\n".join(lines)


def command_parse(args: argparse.Namespace) -> int:
    documents, failed = [], 0
    for path in args.files:
        try:
            documents.append(parse_file(path))
        except IngestError as exc:
            failed += 1
            print(f"错误：{exc}", file=sys.stderr)
    if args.json:
        text = json.dumps({"documents": [document_json(d) for d in documents]}, ensure_ascii=False, indent=2)
    else:
        text = "\n\n".join(summary_zh(d) for d in documents)
    print(text if args.show_personal else mask_personal(text))
    return 1 if failed else 0


def command_load(args: argparse.Namespace) -> int:
    from ingest.loader import main_load

    return main_load(args)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m ingest", description="读取绩效目标表并载入 TargetBoard 数据库。")
    commands = parser.add_subparsers(dest="command", required=True)
    parse = commands.add_parser("parse", help="解析文件并打印结果（--json 输出 JSON）")
    parse.add_argument("files", nargs="+", help="要解析的文件")
    parse.add_argument("--json", action="store_true", help="输出 JSON：{\"documents\": [...]}")
    parse.add_argument("--show-personal", action="store_true",
                       help="显示原文中的手机号、座机号和身份证号（默认打码，仅供文件所有者核对）")
    parse.set_defaults(run=command_parse)
    load = commands.add_parser("load", help="把文件或文件夹载入 DuckDB 数据库")
    load.add_argument("paths", nargs="+", help="文件或文件夹")
    load.add_argument("--db", default="data/targetboard.duckdb", help="数据库文件（默认 data/targetboard.duckdb）")
    load.add_argument("--replace", action="store_true", help="已载入的同一文件（相同 sha256）重新载入")
    load.set_defaults(run=command_load)
    export = commands.add_parser(
        "export", help="把已载入的绩效目标导出为 Excel（一行一个指标，可再导入；--template 输出空白模板），"
                       "或导出为按省份和年度分区的 Parquet 数据集（--parquet DIR）")
    _add_export(export)
    review = commands.add_parser("review", help="按财政审核规则检查已载入的绩效目标，给出审核意见和评级")
    _add_review(review)
    return parser


def _add_export(subparser: argparse.ArgumentParser) -> None:
    from ingest.export import add_export_arguments, main_export

    add_export_arguments(subparser)
    subparser.set_defaults(run=main_export)


def _add_review(subparser: argparse.ArgumentParser) -> None:
    from review.engine import add_review_arguments, main_review

    add_review_arguments(subparser)
    subparser.set_defaults(run=main_review)


def main(argv: Optional[list[str]] = None) -> int:
    args = build_parser().parse_args(argv)
    return args.run(args)
