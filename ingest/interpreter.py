"""The one interpreter: walks rows of cells from any reader and builds the typed model.

It recognises the labels of the form through the alias tables (ingest/data/aliases.json), never through the
position of a label in one particular file. What differs between layout families is only how the cells of an
indicator row are read (see ``Layout.positional`` and ``Layout.repairs_fragments``).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from typing import Optional

from ingest import taxonomy as tx
from ingest.model import DepartmentOverall, EmptySlot, FundingSource, Indicator, Project, SpendingPlan
from ingest.readers.families import Layout
from ingest.readers.rows import Row
from ingest.textnorm import clean_text, normalise_label
from ingest.values import parse_target

_NUMBER = re.compile(r"^[-+]?\d+(?:\.\d+)?$")
_EMBEDDED = re.compile(r"^(?P<label>.{2,40})[：:]\s*(?P<value>[^：:]*)$")
_UNIT_ROW = re.compile(r"^\s*(?P<code>\d{6})\s*(?P<name>[^\s单]\S*?)\s*(单位[:：].*)?$")
_PERIOD = re.compile(r"(\d{0,2})月(底|末)")
_CJK_ONLY = re.compile(r"[^\u4e00-\u9fff]")
_TITLE_NUMBER = re.compile(r"^[\d一二三四五六七八九十]+\s*[、.,，．]\s*")
_TITLE_SUFFIX = re.compile(r"(项目支出)?(预算)?绩效目标表$")


@dataclass
class Block:
    title: Optional[Row]
    rows: list[Row] = field(default_factory=list)


@dataclass
class Columns:
    """Where the indicator columns are, from the header row (cell index spans, end exclusive)."""

    spans: dict[str, tuple[int, int]]
    order: list[str]

    def pos(self, column: str) -> Optional[int]:
        span = self.spans.get(column)
        return span[0] if span else None


@dataclass
class LevelState:
    level1: Optional[str] = None
    level1_raw: Optional[str] = None
    level2: Optional[str] = None
    level2_raw: Optional[str] = None


class Interpreter:
    """Interprets the rows of one document. Collects warnings in ``self.warnings``."""

    def __init__(self, layout: Layout, source: str, fiscal_year: Optional[int] = None):
        self.layout = layout
        self.source = source
        self.fiscal_year = fiscal_year
        self.warnings: list[str] = []

    # ----------------------------------------------------------------- text helpers
    def text(self, cell: str) -> str:
        return clean_text(cell)

    def join(self, cells: list[str]) -> str:
        parts = [c.strip() for c in cells if c and c.strip()]
        sep = "" if self.layout.repairs_fragments else " "
        return clean_text(sep.join(parts))

    def join_wrapped(self, cells: list[str]) -> str:
        """Join the fragments of one wrapped cell that a broken grid spread over two columns.

        PDF extraction puts a three-line cell ``A / B / C`` as ``"A C"`` in one column and ``B`` in the next, or
        repeats a cut-off first line (``"全年调处矛盾纠"`` + ``"全年调处矛盾纠纷成功率"``).
        """
        fragments = [c.strip() for c in cells if c and c.strip()]
        if self.layout.repairs_fragments and len(fragments) == 2:
            first, second = fragments
            parts = re.split(r"\s+", first)
            if all(part in second for part in parts):
                return clean_text(second)
            if len(parts) == 2 and not re.search(r"\s", second) and _CJK_ONLY.sub("", first) == first.replace(" ", ""):
                return clean_text(parts[0] + second + parts[1])
        return self.join(fragments)

    def warn(self, message: str) -> None:
        self.warnings.append(message)

    # ----------------------------------------------------------------- segmentation
    def segment(self, rows: list[Row]) -> list[Block]:
        """Split rows into blocks at table titles; a block without a title starts at a second 项目名称."""
        blocks: list[Block] = [Block(title=None)]
        rows = merge_split_titles(rows)
        for row in rows:
            title, rest = split_title(row)
            if title is not None:
                blocks.append(Block(title=title))
                if rest is None:
                    continue
                row = rest
            current = blocks[-1]
            if self._starts_project(row) and self._has_indicator_header(current.rows):
                blocks.append(Block(title=None))
            blocks[-1].rows.append(row)
        return [b for b in blocks if b.rows]

    def _starts_project(self, row: Row) -> bool:
        return any(tx.field_of(c) == "name" for c in row.cells if c.strip())

    def _has_indicator_header(self, rows: list[Row]) -> bool:
        return any(self.read_header(r) is not None for r in rows)

    # ----------------------------------------------------------------- header zone
    def read_header(self, row: Row) -> Optional[Columns]:
        """Column spans when ``row`` is an indicator header row (一级指标 … 三级指标 … 指标值)."""
        cells = row.cells
        spans: dict[str, tuple[int, int]] = {}
        order: list[str] = []
        last: Optional[str] = None
        i = 0
        while i < len(cells):
            cell = cells[i]
            if not cell.strip():
                if last is not None:
                    start, _ = spans[last]
                    spans[last] = (start, i + 1)
                i += 1
                continue
            column, width = None, 1
            if i + 1 < len(cells) and cells[i + 1].strip():
                joined = tx.header_column_of(cell + cells[i + 1])
                if joined and joined != tx.header_column_of(cell):
                    column, width = joined, 2
            if column is None:
                column = tx.header_column_of(cell) or tx.header_column_of(_CJK_ONLY.sub("", cell))
            if column is None or column in spans:
                return None
            spans[column] = (i, i + width)
            order.append(column)
            last = column
            i += width
        if "name" in spans and ("level1" in spans or "level2" in spans) and "value" in spans:
            return Columns(spans=spans, order=order)
        return None

    def read_fields(self, rows: list[Row]) -> tuple[dict[str, str], list[tuple[str, str, float, Row]]]:
        """Label → value pairs of the header zone, and the funding lines (label, level, amount, row)."""
        fields: dict[str, str] = {}
        funding: list[tuple[str, str, float, Row]] = []
        pending: Optional[str] = None  # a text label left without value: its value may stand in the next row
        for row in rows:
            found = list(self._label_values(row))
            if not found and pending and row.cells and not row.cells[0].strip() and row.texts():
                fields.setdefault(pending, self.join(row.texts()))
            pending = None
            for label_kind, key, label, value in found:
                if label_kind == "field" and not value and key in ("purpose", "goal", "goal_long_term", "functions"):
                    pending = key
                if label_kind == "funding":
                    amount = to_number(value)
                    if amount is not None:
                        funding.append((label, key, amount, row))
                elif label_kind == "field":
                    if key == "total" and tx.total_implied_source(label):
                        amount = to_number(value)
                        if amount is not None:
                            funding.append((tx.total_implied_source(label), "county", amount, row))
                    if key == "total":
                        if to_number(value) is not None and "total" not in fields:
                            fields["total"] = value
                    elif value and key not in fields:
                        fields[key] = value
                    elif value and key in ("purpose", "goal") and self.layout.repairs_fragments:
                        fields[key] += value  # the rest of a cell the broken grid put on the next line
                elif label_kind == "overall":
                    if to_number(value) is not None:
                        fields.setdefault(key, value)
        return fields, funding

    def _classify(self, cell: str) -> Optional[tuple[str, str, str]]:
        """(kind, key, label) when ``cell`` is a label; kind is field | funding | overall | ignored."""
        norm = normalise_label(cell)
        if not norm:
            return None
        key = tx.field_of(norm)
        if key:
            return "field", key, norm
        level = tx.funding_level_of(norm)
        if level:
            return "funding", level, norm
        split = tx.overall_split_of(norm)
        if split:
            return "overall", split, norm
        if tx.is_ignored_label(norm):
            return "ignored", "", norm
        return None

    def _label_values(self, row: Row):
        """Yield (kind, key, label, value) for every label in the row, with the cells that follow it."""
        cells = row.cells
        i = 0
        while i < len(cells):
            cell = cells[i]
            if not cell.strip():
                i += 1
                continue
            found = self._classify(cell)
            if found is None:
                embedded = self._embedded(cell)
                if embedded:
                    yield embedded
                i += 1
                continue
            kind, key, label = found
            j = i + 1
            values: list[str] = []
            while j < len(cells) and self._classify(cells[j]) is None and not self._embedded(cells[j]):
                values.append(cells[j])
                j += 1
            if kind != "ignored":
                value = self.join(values) if self.layout.repairs_fragments else self._first_text(values)
                value = self._cut_at_embedded_label(value)
                yield kind, key, label, value
            i = j

    def _first_text(self, values: list[str]) -> str:
        texts = [clean_text(v) for v in values if v.strip()]
        if not texts:
            return ""
        if not self.layout.positional:
            return texts[0]
        return " ".join(texts)

    def _embedded(self, cell: str):
        match = _EMBEDDED.match(cell.strip())
        if not match:
            return None
        found = self._classify(match.group("label"))
        if not found or found[0] == "ignored":
            return None
        kind, key, label = found
        return kind, key, label, clean_text(match.group("value"))

    def _cut_at_embedded_label(self, value: str) -> str:
        """A broken grid may put ``CODE 项目名称 NAME`` into one cell: keep only what precedes the next label."""
        for word in tx.load_aliases()["fields"]["name"]:
            pos = value.find(word)
            if pos > 0:
                return value[:pos].strip()
        return value

    # ----------------------------------------------------------------- spending plan
    def read_plan(self, rows: list[Row], total: Optional[float]) -> Optional[SpendingPlan]:
        for index, row in enumerate(rows):
            texts = row.texts()
            if not texts or not tx.is_plan_label(texts[0]):
                continue
            joined = re.sub(r"[^\d月底末]", "", "".join(texts[1:]))
            periods = [f"{m.group(1)}月{m.group(2)}" if m.group(1) else None for m in _PERIOD.finditer(joined)]
            months = [int(p[:-2]) for p in periods if p]
            if len(months) != len(periods) or months != sorted(set(months)) or any(m > 12 for m in months):
                periods = [None] * len(periods)
            if not periods or index + 1 >= len(rows):
                continue
            value_row = rows[index + 1]
            header_text = "".join(texts) + "".join(value_row.texts()[:1])
            printed_unit = "%" if ("%" in header_text or "％" in header_text) else None
            printed_unit = printed_unit or ("万元" if "万元" in header_text else None)
            cells = list(value_row.cells)
            if cells and re.search(r"[\u4e00-\u9fff]", cells[0]):
                cells = cells[1:]
            if self.layout.repairs_fragments:
                values = self._repair_plan([c.strip() for c in cells if c.strip()], len(periods), printed_unit, row)
            else:
                if not self.layout.positional:
                    cells = [c for c in cells if c.strip()]
                values = [to_number(c) for c in cells[-len(periods):]]
                values = [None] * (len(periods) - len(values)) + values
            unit = self._plan_unit(values, total, printed_unit)
            return SpendingPlan(periods=periods, values=values, unit=unit, unit_as_printed=printed_unit)
        return None

    def _plan_unit(self, values: list[Optional[float]], total: Optional[float], printed: Optional[str]) -> str:
        known = [v for v in values if v is not None]
        if not known:
            return printed or "%"
        if any(v > 100 for v in known):
            return "万元"
        if total is not None and abs(known[-1] - total) < 1e-6 and abs(total - 100) > 1e-6:
            return "万元"
        if abs(known[-1] - 100) < 1e-6 and (total is None or abs(total - 100) > 1e-6):
            return "%"
        return "ambiguous"

    def _repair_plan(self, fragments: list[str], n: int, unit: Optional[str], row: Row) -> list[Optional[float]]:
        """Group PDF fragments (``20|0.00``, ``1|00.00``) into ``n`` cumulative values.

        Every split of the fragments into ``n`` consecutive groups is tried; a group is read by joining its
        fragments plainly, or dropping a character doubled at the cut, or keeping only its digits. The reading
        with valid numbers (≤ 100 for percent), never decreasing, and the fewest repairs wins.
        """
        if len(fragments) == n and all(to_number(f) is not None for f in fragments):
            return [to_number(f) for f in fragments]
        best: Optional[tuple[int, list[float]]] = None
        if not fragments or len(fragments) > 12 or len(fragments) < n:
            self.warn(f"第 {row.line_start} 行：资金支出计划无法读取，已跳过。")
            return [None] * n
        for cuts in itertools.combinations(range(1, len(fragments)), n - 1):
            bounds = (0, *cuts, len(fragments))
            options = [readings(fragments[a:b]) for a, b in zip(bounds, bounds[1:])]
            for combo in itertools.product(*options):
                cost = sum(c for c, _ in combo)
                values = [v for _, v in combo]
                if unit == "%" and any(v > 100 for v in values):
                    continue
                if any(b < a for a, b in zip(values, values[1:])):
                    continue
                if best is None or cost < best[0]:
                    best = (cost, values)
        if best is None:
            self.warn(f"第 {row.line_start + 1} 行：资金支出计划的数字被 PDF 拆散，无法可靠拼合，已跳过。")
            return [None] * n
        if best[0] > 0 or len(fragments) != n:
            self.warn(
                f"第 {row.line_start + 1} 行：资金支出计划由断裂的单元格拼合为 "
                + "、".join(f"{v:g}" for v in best[1])
                + "，请与原文核对。"
            )
        return best[1]

    # ----------------------------------------------------------------- indicators
    def read_indicators(self, rows: list[Row], owner) -> None:
        columns: Optional[Columns] = None
        state = LevelState()
        for row in rows:
            header = self.read_header(row)
            if header is not None:
                columns = header
                continue
            if columns is None:
                continue
            texts = row.texts()
            if texts and tx.is_note(texts[0]):
                break
            self._read_indicator_row(row, columns, state, owner)

    def _labels(self, row: Row, columns: Columns):
        """Consume the level labels at the start of the row: (level1 raw, level2 raw, index of last label)."""
        cells = row.cells
        limit = (columns.pos("name") or 0) + 2 if self.layout.positional else len(cells)
        level1 = level2 = None
        last = None
        nonempty = [(i, c) for i, c in enumerate(cells) if c.strip()]
        for k, (i, cell) in enumerate(nonempty):
            if i >= limit:
                break
            if level1 is None and level2 is None and tx.header_column_of(cell) == "group":
                last = i if not self.layout.positional else last
                continue
            is1, is2 = tx.level1_of(cell), tx.level2_of(cell)
            if is1 and is2:  # 成本指标: level-1 only when a cost category follows
                following = nonempty[k + 1][1] if k + 1 < len(nonempty) else ""
                if level1 is None and level2 is None and tx.parent_of(tx.level2_of(following) or "") == is1:
                    is2 = None
                else:
                    is1 = None
            if is1 and level1 is None and level2 is None:
                level1, last = cell, i
                continue
            if is2 and level2 is None:
                level2, last = cell, i
                continue
            break
        return level1, level2, last

    def _update_levels(self, state: LevelState, level1_raw: Optional[str], level2_raw: Optional[str], row: Row):
        if level1_raw:
            canonical = tx.level1_of(level1_raw)
            if canonical != state.level1:
                state.level2 = state.level2_raw = None
            state.level1, state.level1_raw = canonical, clean_text(level1_raw)
        if level2_raw:
            state.level2, state.level2_raw = tx.level2_of(level2_raw), clean_text(level2_raw)
        elif level1_raw and state.level2 is None:
            state.level2 = tx.only_child_of(state.level1)
            state.level2_raw = None
        parent = tx.parent_of(state.level2) if state.level2 else None
        if parent and parent != state.level1:
            if level1_raw and level2_raw:
                self.warn(
                    f"第 {row.line_start} 行：二级指标「{clean_text(level2_raw)}」不属于一级指标"
                    f"「{clean_text(level1_raw)}」，按二级指标归类为「{parent}」。"
                )
            state.level1, state.level1_raw = parent, None

    def _read_indicator_row(self, row: Row, columns: Columns, state: LevelState, owner) -> None:
        level1_raw, level2_raw, last = self._labels(row, columns)
        if self.layout.positional:
            name, value, extra = self._positional_cells(row, columns, level1_raw, level2_raw, last)
        else:
            name, value, extra = self._ordered_cells(row, columns, last)
            if name is None:  # a wrapped line continuing the previous indicator's name
                previous = owner.indicators[-1] if owner.indicators else None
                if previous is not None and not level1_raw and not level2_raw:
                    previous.name = clean_text(previous.name + value)
                    previous.line_end = row.line_end
                    self.warn(f"第 {row.line_start} 行：续写行，已并入上一指标「{previous.name}」。")
                    return
                name, value = value, ""
        self._update_levels(state, level1_raw, level2_raw, row)
        if not name and not value and not extra.get("description"):
            owner.empty_slots.append(EmptySlot(state.level1, state.level2, row.line_start, row.line_end))
            return
        if not value:
            self.warn(f"第 {row.line_start} 行：指标「{name}」没有指标值。")
        if not name:
            self.warn(f"第 {row.line_start} 行：指标值「{value}」没有对应的三级指标名称。")
        owner.indicators.append(
            Indicator(
                level1=state.level1,
                level2=state.level2,
                level1_raw=state.level1_raw,
                level2_raw=state.level2_raw,
                name=name,
                value=value,
                target=parse_target(value, fiscal_year=self.fiscal_year, name=name),
                description=extra.get("description") or None,
                basis=extra.get("basis") or None,
                weight=to_number(extra.get("weight")),
                line_start=row.line_start,
                line_end=row.line_end,
            )
        )

    def _positional_cells(self, row: Row, columns: Columns, level1_raw, level2_raw, last):
        cells = row.cells
        offset = 0
        if last is not None:
            expected = columns.pos("level2") if level2_raw else columns.pos("level1")
            if expected is None:
                expected = columns.pos("level1") or 0
            offset = last - expected
        shift = min(0, offset)
        name_index = last + 1 if last is not None else columns.pos("name")

        def at(column: str) -> str:
            span = columns.spans.get(column)
            if not span:
                return ""
            start, end = span[0] + shift, span[1] + shift
            return self.join(cells[max(start, 0):max(end, 0)])

        value_start = columns.spans["value"][0] + shift
        value = at("value")
        if "description" in columns.spans:
            name = self.text(cells[name_index]) if name_index < len(cells) else ""
            description = self.join_wrapped(cells[name_index + 1:value_start])
        else:
            name = self.join(cells[name_index:value_start])
            description = ""
        extra = {"description": description, "basis": at("basis"), "weight": at("weight")}
        return name, value, extra

    def _ordered_cells(self, row: Row, columns: Columns, last):
        start = last + 1 if last is not None else 0
        rest = [self.text(c) for c in row.cells[start:] if c.strip()]
        rest = [r for r in rest if tx.header_column_of(r) != "group"] if last is None else rest
        data = [c for c in columns.order if c in ("name", "description", "value", "basis", "weight")]
        if not rest:
            return "", "", {}
        if len(rest) == 1:
            return None, rest[0], {}
        if len(rest) > len(data):
            head = len(rest) - len(data) + 1
            rest = [clean_text("".join(rest[:head]))] + rest[head:]
        mapped = dict(zip(data, rest))
        if len(rest) < len(data) and "value" not in mapped:
            mapped["value"] = rest[-1]
            mapped.pop(data[len(rest) - 1], None)
        return mapped.get("name", ""), mapped.get("value", ""), mapped

    # ----------------------------------------------------------------- blocks → model
    def read_project(self, block: Block, sequence: int) -> Optional[Project]:
        header_index = next((i for i, r in enumerate(block.rows) if self.read_header(r)), None)
        zone = block.rows if header_index is None else block.rows[:header_index]
        fields, funding = self.read_fields(zone)
        title_name = title_to_name(block.title)
        table_name = fields.get("name")
        if not table_name and not title_name:
            return None
        if header_index is None and not table_name:
            return None
        name = table_name or title_name
        name_in_table = None
        if self.layout.repairs_fragments and title_name and table_name != title_name:
            name, name_in_table = title_name, table_name
        total = to_number(fields.get("total"))
        first_line = (block.title or block.rows[0]).line_start
        project = Project(
            sequence=sequence,
            name=clean_text(name),
            total_wan=total,
            code=re.sub(r"\s+", "", fields["code"]) if fields.get("code") else None,
            budget_unit=self._budget_unit(block),
            department=fields.get("department"),
            implementing_unit=fields.get("implementing_unit"),
            attribute=fields.get("attribute"),
            period=fields.get("period"),
            purpose=fields.get("purpose"),
            goal=fields.get("goal"),
            goal_long_term=fields.get("goal_long_term"),
            funding=to_sources(funding),
            name_in_table=name_in_table,
            line_start=first_line,
            line_end=block.rows[-1].line_end,
        )
        project.spending_plan = self.read_plan(zone, total)
        if header_index is None:
            self.warn(
                f"第 {first_line}–{project.line_end} 行：项目「{project.name}」没有指标表头，"
                "表格可能被截断，未读取任何指标。"
            )
        else:
            self.read_indicators(block.rows[header_index:], project)
            if not project.indicators:
                self.warn(
                    f"第 {first_line}–{project.line_end} 行：项目「{project.name}」没有任何指标行，表格可能被截断。"
                )
        if total is None:
            self.warn(f"第 {first_line} 行：项目「{project.name}」没有读到年度资金总额。")
        return project

    def read_overall(self, block: Block) -> DepartmentOverall:
        header_index = next((i for i, r in enumerate(block.rows) if self.read_header(r)), len(block.rows))
        fields, funding = self.read_fields(block.rows[:header_index])
        overall = DepartmentOverall(
            department=fields.get("department_name") or fields.get("department"),
            total_wan=to_number(fields.get("total")),
            basic_wan=to_number(fields.get("basic_wan")),
            project_wan=to_number(fields.get("project_wan")),
            funding=to_sources(funding),
            functions=fields.get("functions"),
            goal=fields.get("goal"),
            line_start=(block.title or block.rows[0]).line_start,
            line_end=block.rows[-1].line_end,
        )
        self.read_indicators(block.rows[header_index:], overall)
        return overall

    def _budget_unit(self, block: Block) -> Optional[str]:
        for row in block.rows[:3]:
            texts = row.texts()
            if texts:
                match = _UNIT_ROW.match(texts[0])
                if match:
                    return match.group("code") + match.group("name")
        return None


# --------------------------------------------------------------------- module helpers
def to_number(text: Optional[str]) -> Optional[float]:
    if text is None:
        return None
    text = re.sub(r"[\s,，]", "", str(text)).replace("万元", "")
    return float(text) if _NUMBER.match(text) else None


def to_sources(funding: list[tuple[str, str, float, Row]]) -> list[FundingSource]:
    return [FundingSource(source=label, level=level, amount_wan=amount) for label, level, amount, _ in funding]


def readings(fragments: list[str]) -> list[tuple[int, float]]:
    """Possible numbers for PDF fragments of one cell, with a repair cost (0 plain, 1 dedupe, 2 digits only)."""
    out: list[tuple[int, float]] = []
    plain = "".join(fragments)
    if to_number(plain) is not None:
        out.append((0, to_number(plain)))
    if len(fragments) == 2 and fragments[0] and fragments[1] and fragments[0][-1] == fragments[1][0]:
        deduped = fragments[0] + fragments[1][1:]
        if to_number(deduped) is not None:
            out.append((1, to_number(deduped)))
    digits = re.sub(r"\D", "", plain)
    if digits and len(fragments) > 1 and re.search(r"\.\d{2}$", fragments[-1]):
        out.append((2, float(digits[:-2] + "." + digits[-2:])))
    return out


def split_title(row: Row) -> tuple[Optional[Row], Optional[Row]]:
    """(title row, remaining row) when the row's first cell is a table title, else (None, row).

    A one-line row is a title only when the title is its only text; a row gathered from several lines (one cell
    per line) may carry the cells that follow the title line.
    """
    texts = [(i, c) for i, c in enumerate(row.cells) if c.strip()]
    if not texts or not is_title_text(texts[0][1]):
        return None, row
    first_index, first = texts[0]
    first_line = row.cell_lines[first_index] if row.cell_lines else row.line_start
    title = Row(cells=[first], line_start=first_line, line_end=first_line, cell_lines=[first_line])
    if len(texts) == 1:
        return title, None
    if len(set(row.cell_lines)) <= 1:
        return None, row
    lines = row.cell_lines[first_index + 1:]
    return title, Row(cells=row.cells[first_index + 1:], line_start=lines[0], line_end=row.line_end, cell_lines=lines)


def is_title_text(text: str) -> bool:
    norm = re.sub(r"\s+", "", text)
    return len(norm) <= 80 and norm.endswith("绩效目标表")


def merge_split_titles(rows: list[Row]) -> list[Row]:
    """Join a title that a PDF broke over two lines (``…13 号绩`` + ``效目标表``)."""
    out: list[Row] = []
    skip = False
    for row, following in zip(rows, rows[1:] + [None]):
        if skip:
            skip = False
            continue
        texts = row.texts()
        if following is not None and len(texts) == 1 and len(following.texts()) == 1:
            joined = re.sub(r"\s+", "", texts[0] + following.texts()[0])
            tail = re.sub(r"\s+", "", following.texts()[0])
            if joined.endswith("绩效目标表") and len(tail) <= 5 and not is_title_text(texts[0]):
                out.append(Row(cells=[texts[0] + following.texts()[0]], line_start=row.line_start,
                               line_end=following.line_end, cell_lines=[row.line_start]))
                skip = True
                continue
        out.append(row)
    return out


def title_to_name(title: Optional[Row]) -> Optional[str]:
    """The project name a title carries (``1、法律援助经费绩效目标表`` → ``法律援助经费``), or None if generic."""
    if title is None:
        return None
    text = clean_text(title.texts()[0])
    text = _TITLE_NUMBER.sub("", text)
    text = re.sub(r"^\d{4}\s*年度?", "", text)
    text = _TITLE_SUFFIX.sub("", re.sub(r"\s+(?=绩效目标表$)", "", text)).strip()
    if not text or "部门" in text or "整体" in text or "附件" in text or text.endswith(("局", "项目支出")):
        return None
    return text


def is_overall_title(title: Optional[Row]) -> bool:
    return title is not None and "整体" in title.texts()[0]
