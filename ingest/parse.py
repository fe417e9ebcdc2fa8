"""Entry point of the ingest pipeline: file → reader → interpreter → typed model → validation."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from pathlib import Path
from typing import Optional

from ingest.divisions import locate
from ingest.errors import IngestError
from ingest.interpreter import Interpreter, is_overall_title
from ingest.model import Document
from ingest.readers import read_source
from ingest.readers.families import detect_layout
from ingest.validate import validate_document

_YEAR_IN_TITLE = re.compile(r"[（(]\s*((?:19|20)\d{2})\s*年度?\s*[)）]")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")


def parse_file(path: str | Path) -> Document:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(str(path), f"无法读取文件：{exc.strerror or exc}") from exc
    return parse_bytes(path.name, data, suffix=path.suffix)


def parse_bytes(source: str, data: bytes, suffix: str = ".txt") -> Document:
    text = read_source(source, data, suffix)
    layout, scores = detect_layout(text.lines)
    if layout is None:
        raise IngestError(
            source,
            "无法识别版式：没有找到绩效目标表的表头（如“项目名称”“一级指标”“三级指标”），"
            "或表格结构不属于已知的任何一种版式（制表符分隔、每行一个单元格、PDF 提取）。",
            line=1,
        )
    fiscal_year = find_fiscal_year(text.lines)
    interpreter = Interpreter(layout, source, fiscal_year)
    rows = layout.split(text.lines)
    document = Document(
        source=source,
        sha256=hashlib.sha256(data).hexdigest(),
        layout=layout.key,
        encoding=text.encoding,
        fiscal_year=fiscal_year,
        line_count=len(text.lines),
        warnings=list(text.warnings),
    )
    for block in interpreter.segment(rows):
        if is_overall_title(block.title):
            if document.department_overall is None:
                document.department_overall = interpreter.read_overall(block)
            continue
        project = interpreter.read_project(block, len(document.projects) + 1)
        if project is not None:
            document.projects.append(project)
    fill_garbled_periods(document)
    warn_if_cut_off(document)
    if not document.projects and document.department_overall is None:
        raise IngestError(source, "文件中没有找到任何绩效目标表（没有“项目名称”和指标表头）。", line=1)
    fill_place_and_department(document, text.lines)
    document.warnings.extend(interpreter.warnings)
    validate_document(document)
    return document


def fill_garbled_periods(document: Document) -> None:
    """Period labels lost to extraction (``→→月底``) take the labels the document's other plans print; a plan
    whose unit cannot be told from its own numbers (e.g. ``50, 100`` on a 100 万元 project) takes the unit the
    document's other plans clearly use."""
    plans = [p.spending_plan for p in document.projects if p.spending_plan]
    units = Counter(p.unit for p in plans if p.unit in ("%", "万元"))
    for project in document.projects:
        plan = project.spending_plan
        if plan is not None and plan.unit == "ambiguous":
            plan.unit = units.most_common(1)[0][0] if units else (plan.unit_as_printed or "%")
            document.warnings.append(
                f"第 {project.line_start} 行起：项目「{project.name}」资金支出计划的单位无法从数字判断，"
                f"按本文件其他表格读作 {plan.unit}（表头印作 {plan.unit_as_printed or '未注明'}）。"
            )
    known = Counter(tuple(p.periods) for p in plans if all(p.periods))
    for project in document.projects:
        plan = project.spending_plan
        if plan is None or all(plan.periods):
            continue
        same_length = [k for k, _ in known.most_common() if len(k) == len(plan.periods)]
        if same_length:
            plan.periods = list(same_length[0])
            document.warnings.append(
                f"第 {project.line_start} 行起：项目「{project.name}」资金支出计划的时间表头无法辨认，"
                f"按本文件其他表格的表头读作 {'、'.join(plan.periods)}。"
            )
        else:
            plan.periods = [p or f"第{i + 1}期" for i, p in enumerate(plan.periods)]


def warn_if_cut_off(document: Document) -> None:
    """The last table of a file that stops early lacks level-1 categories every other table has."""
    if len(document.projects) < 2:
        return
    *others, last = document.projects
    common = set.intersection(*({i.level1 for i in p.indicators} for p in others))
    missing = sorted(common - {i.level1 for i in last.indicators if i.level1})
    if missing and last.indicators:
        document.warnings.append(
            f"第 {last.line_start}–{last.line_end} 行：项目「{last.name}」缺少本文件其他项目都有的"
            f"{'、'.join(missing)}，表格可能在文件末尾被截断。"
        )


def find_fiscal_year(lines: list[str]) -> Optional[int]:
    """The budget year: a ``(2024年度)`` title first, else the first ``2024年`` in the opening lines."""
    head = [line for line in lines[:40] if line.strip()]
    for line in lines:
        match = _YEAR_IN_TITLE.search(line)
        if match:
            return int(match.group(1))
    for line in head[:10]:
        match = _YEAR.search(line)
        if match:
            return int(match.group(1))
    counts = Counter(int(m.group(1)) for line in lines for m in _YEAR.finditer(line))
    return counts.most_common(1)[0][0] if counts else None


def _department_name(text: Optional[str]) -> Optional[str]:
    if not text:
        return None
    text = re.sub(r"^\s*\d{4,}\s*", "", text).strip()
    text = re.sub(r"本级$", "", text).strip()
    return text if re.search(r"(局|委员会|委|办公室|厅|院|中心|部|处)$", text) else None


def fill_place_and_department(document: Document, lines: list[str]) -> None:
    names: Counter = Counter()
    if document.department_overall and _department_name(document.department_overall.department):
        names[_department_name(document.department_overall.department)] += 100
    for project in document.projects:
        for candidate in (project.department, project.budget_unit, project.implementing_unit):
            name = _department_name(candidate)
            if name:
                names[name] += 1
                break
    opening = [line.strip() for line in lines[:12] if line.strip()]
    for line in opening:
        name = _department_name(line.split("\t")[0])
        if name:
            names[name] += 1
    if names:
        document.department = names.most_common(1)[0][0]
    candidates = list(names) + opening
    for project in document.projects:
        candidates += [project.department or "", project.implementing_unit or "", project.budget_unit or ""]
    place = locate(candidates)
    document.province, document.city, document.county = place.province, place.city, place.county
    document.adcode, document.jurisdiction = place.adcode, place.jurisdiction
    if document.department and place.jurisdiction and not document.department.startswith(
        (place.province or "-", place.city or "-", place.jurisdiction)
    ):
        short = place.jurisdiction
        if not document.department.startswith(short.rstrip("市县区")):
            document.department = short + document.department
