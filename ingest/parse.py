"""Entry point of the ingest pipeline: file → reader (grid of cells) → interpreter → typed model → validation."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from pathlib import Path
from typing import Optional

from ingest import caches, taxonomy as tx
from ingest.divisions import locate
from ingest.errors import IngestError, os_error_zh
from ingest.grid import Grid, ParseWarning
from ingest.interpret import Interpreter, Reading
from ingest.model import Document
from ingest.readers import LAYOUT_TITLES, MIN_LAYOUT_SCORE, read_grid, read_text
from ingest.readers.families import FAMILIES
from ingest.readers.guard import check_size
from ingest.validate import validate_document
from ingest.values import parse_target

# Below this detection score no text layout family fits: the cells of the grid are too uncertain for indicators to
# be read from them (a PDF extraction that interleaved two tables line by line); projects are still listed.
UNCERTAIN_LAYOUT = 0.12
# A text in which the best layout finds no table is read in the next layouts that fit it at all, in order, and the
# first reading with this many indicators that read as indicators (and half of all) is kept.
FALLBACK_INDICATORS = 3
_YEAR_IN_TITLE = re.compile(r"[（(]\s*((?:19|20)\d{2})\s*年?度?\s*[)）]")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_YEAR_OF_BUDGET = re.compile(r"((?:19|20)\d{2})\s*年度")
_FULL_DATE = re.compile(r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")


def parse_file(path: str | Path) -> Document:
    path = Path(path)
    try:
        check_size(path.name, path.stat().st_size)  # before reading: a huge file is refused unread
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(str(path), f"无法读取文件：{os_error_zh(exc)}。") from exc
    return parse_bytes(path.name, data, suffix=path.suffix)


def parse_bytes(source: str, data: bytes, suffix: str = ".txt") -> Document:
    with caches.collector_paused():  # the collector runs between documents, not while one is being read
        return _parse_bytes(source, data, suffix)


def _parse_bytes(source: str, data: bytes, suffix: str) -> Document:
    caches.trim()  # the text lookups stay cached from document to document, within their bounds
    grid = read_grid(source, data, suffix)
    document, reading = _interpret(source, data, grid)
    if _found_nothing(document) and grid.family in FAMILIES:
        # the best-scoring layout found no table: the next layouts that fit the text at all, in order
        for key, score in grid.scores.items():
            if key == grid.family or score < MIN_LAYOUT_SCORE:
                continue
            second = read_text(source, data, key)
            second.scores = grid.scores
            other, other_reading = _interpret(source, data, second)
            if _has_table(other):
                other.warnings.insert(0, ParseWarning(
                    "layout_fallback", f"按最匹配的版式「{LAYOUT_TITLES[grid.family]}」没有读到表格，"
                                       f"改按「{LAYOUT_TITLES[key]}」读取。", 1))
                document, reading = other, other_reading
                break
    if _found_nothing(document):
        raise IngestError(source, "文件中没有找到任何绩效目标表（没有“项目名称”和指标表头）。"
                                  "请确认导入的是项目支出绩效目标表，或按“数据导入”页面的 Excel 模板整理后再导入。",
                          line=1)
    fill_place_and_department(document, document.lines)
    document.warnings.extend(reading.warnings)
    validate_document(document)
    return document


def _found_nothing(document: Document) -> bool:
    """No project, and no department-wide table beyond a few of its labels (no amount, funding or indicator row)."""
    o = document.department_overall
    return not document.projects and (o is None or (o.total_wan is None and not o.funding and not o.indicators
                                                    and not o.empty_slots))


def _has_table(document: Document) -> bool:
    """A reading worth keeping from a layout that did not fit best: three indicators or more, and half of all,
    that read as indicators do — a name in words, a value that is a target (a column-by-column text read in another
    layout pairs labels with labels and numbers with numbers)."""
    owners = list(document.projects) + ([document.department_overall] if document.department_overall else [])
    indicators = [i for owner in owners for i in owner.indicators]
    good = sum(1 for i in indicators if _reads_as_indicator(i.name, i.value))
    return good >= FALLBACK_INDICATORS and good * 2 >= len(indicators)


def _reads_as_indicator(name: Optional[str], value: Optional[str]) -> bool:
    if not name or not value or len(re.findall(r"[\u4e00-\u9fff]", name)) < 2 or parse_target(name).kind in (
            "percent", "count", "money", "number"):
        return False
    return parse_target(value).kind not in ("qualitative", "empty") or len(value.strip()) <= 6


def _interpret(source: str, data: bytes, grid: Grid) -> tuple[Document, Reading]:
    """The document ``grid`` reads as (before the place, the department and validation)."""
    fiscal_year = find_fiscal_year(grid.lines)
    reading = Interpreter(grid, fiscal_year).read()
    document = Document(
        source=source,
        sha256=hashlib.sha256(data).hexdigest(),
        layout=grid.family,
        encoding=grid.encoding,
        fiscal_year=fiscal_year,
        line_count=len(grid.lines),
        warnings=list(grid.warnings),
        layout_scores=dict(grid.scores),
        lines=grid.lines,
        is_ocr=grid.is_ocr,
        projects=reading.projects,
        department_overall=reading.overall,
    )
    fill_garbled_periods(document)
    if grid.scores and max(grid.scores.values()) < UNCERTAIN_LAYOUT:
        drop_uncertain_indicators(document)
    return document, reading


def drop_uncertain_indicators(document: Document) -> None:
    """No layout fits the text well: keep the tables but not indicators read from cells that cannot be trusted,
    and say so for each table (with its lines), so that nothing is dropped silently."""
    owners = list(document.projects) + ([document.department_overall] if document.department_overall else [])
    for owner in owners:
        if owner.indicators:
            name = getattr(owner, "name", None) or "部门整体"
            document.warnings.append(ParseWarning(
                "layout_uncertain",
                f"「{name}」的表格结构无法可靠识别（文本像是从 PDF 中断裂提取的），"
                f"{len(owner.indicators)} 条指标未读取；请导入原始 PDF、Word 或 Excel 文件。",
                owner.line_start, owner.line_end))
            owner.indicators = []
            owner.empty_slots = []


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
            document.warnings.append(ParseWarning(
                "plan_unit_guessed",
                f"项目「{project.name}」资金支出计划的单位无法从数字判断，"
                f"按本文件其他表格读作 {plan.unit}（表头印作 {plan.unit_as_printed or '未注明'}）。",
                project.line_start))
    known = Counter(tuple(p.periods) for p in plans if all(p.periods))
    for project in document.projects:
        plan = project.spending_plan
        if plan is None or all(plan.periods):
            continue
        same_length = [k for k, _ in known.most_common() if len(k) == len(plan.periods)]
        if same_length:
            plan.periods = list(same_length[0])
            document.warnings.append(ParseWarning(
                "plan_periods_guessed",
                f"项目「{project.name}」资金支出计划的时间表头无法辨认，按本文件其他表格的表头读作 "
                f"{'、'.join(plan.periods)}。", project.line_start))
        else:
            plan.periods = [p or f"第{i + 1}期" for i, p in enumerate(plan.periods)]


def find_fiscal_year(lines: list[str]) -> Optional[int]:
    """The budget year: a ``(2024年度)`` title first, then ``2024年度``, then the year of a table title, then the
    first ``2024年`` of the opening lines that is not a full date (a page's ``今天是:2025年12月04日``)."""
    for line in lines:
        match = _YEAR_IN_TITLE.search(line)
        if match:
            return int(match.group(1))
    head = [line for line in lines[:40] if line.strip()]
    for line in head:
        match = _YEAR_OF_BUDGET.search(line)
        if match:
            return int(match.group(1))
    for line in head:
        if tx.title_suffix_of(line.strip()[-30:] if len(line.strip()) > 30 else line):
            match = _YEAR.search(line)
            if match:
                return int(match.group(1))
    for line in head[:10]:
        for match in _YEAR.finditer(line):
            if not _FULL_DATE.match(line, match.start()):
                return int(match.group(1))
    counts = Counter(int(m.group(1)) for line in lines for m in _YEAR.finditer(line))
    return counts.most_common(1)[0][0] if counts else None


_UNIT_CODE = re.compile(r"^\s*[\d\[\]]{3,}\s*-?")
_OWN_LEVEL = re.compile(r"本级$")
_LABELLED = re.compile(r"^[^:：]{1,12}[:：]")
_DEPARTMENT_END = re.compile(r"(局|委员会|委|办公室|厅|院|中心|部|处)$")


def _department_name(text: Optional[str]) -> Optional[str]:
    if not text:
        return None
    text = _UNIT_CODE.sub("", text).strip()
    text = _LABELLED.sub("", text).strip()  # 填报单位(盖章):永兴县畜牧兽医水产局: the unit after its label
    text = _OWN_LEVEL.sub("", text).strip()
    return text if _DEPARTMENT_END.search(text) and len(text) <= 30 else None


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
    # the reporting unit the form names (填报单位(盖章):宁乡市坝塘镇人民政府), wherever the text prints it
    candidates += [line[at:at + 40] for line in lines for at in [line.find("填报单位")] if at >= 0][:5]
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
