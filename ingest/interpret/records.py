"""Aligned records → indicators and empty slots, with the level-1/level-2 categories carried down merged cells."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from ingest import taxonomy as tx
from ingest.grid import ParseWarning
from ingest.interpret.align import Record
from ingest.interpret.header import Header, Slot
from ingest.interpret.tokens import Token
from ingest.model import EmptySlot, Indicator
from ingest.textnorm import clean_text, join_fragments
from ingest.values import parse_target

_NUMBER = re.compile(r"^[-+]?\d+(?:\.\d+)?$")
_QUALITATIVE_OPS = ("定性", "定量", "正向", "反向")
_SEPARATORS = re.compile(r"[\s,，]")
_STARTS_WITH_OP = re.compile(r"^[≥≤=<>≧≦═＝]")


@dataclass
class LevelState:
    level1: Optional[str] = None
    level1_raw: Optional[str] = None
    level2: Optional[str] = None
    level2_raw: Optional[str] = None


def to_float(text: Optional[str]) -> Optional[float]:
    if not text:
        return None
    text = _SEPARATORS.sub("", text).rstrip("分")
    return float(text) if _NUMBER.match(text) else None


def _text(parts: dict[str, list[Token]], role: str) -> str:
    """The text of the cells the record has in the column of ``role`` ("" when it has none)."""
    tokens = parts.get(role)
    return join_fragments([t.cell.text for t in tokens]) if tokens else ""


class RecordReader:
    """Turns records into indicators; keeps the level state across the records of one table."""

    def __init__(self, header: Header, fiscal_year: Optional[int], rows_of, warnings: list[ParseWarning],
                 sets: tuple[str, ...]):
        self.slots = [s for s in header.slots if s.role != "group"]
        self.fiscal_year = fiscal_year
        self.rows_of = rows_of
        self.warnings = warnings
        self.sets = sets
        self.states = {g: LevelState() for g in range(max((s.group for s in self.slots), default=0) + 1)}
        # a group without level columns of its own (中期指标值 | 年度指标值: a second value column) shares the
        # categories of the first group's rows
        self.named = {s.group for s in self.slots if s.role == "name"}
        with_levels = {s.group for s in self.slots if s.role in ("level1", "level2")}
        for g in self.states:
            if g > 0 and g not in with_levels and 0 in with_levels:
                self.states[g] = self.states[0]

    def warn(self, code: str, message: str, line: Optional[int], line_end: Optional[int] = None) -> None:
        self.warnings.append(ParseWarning(code, message, line, line_end))

    def lines_of(self, tokens: list[Token]) -> tuple[int, int]:
        first, last = tokens[0], tokens[-1]
        start = self.rows_of(first.row).line_start if first.first_in_row else first.cell.line_start
        end = self.rows_of(last.row).line_end if last.last_in_row else last.cell.line_end
        return start, max(end, start)

    def read(self, record: Record, owner, previous: Optional[Indicator]) -> list[Indicator]:
        """Add the record's indicators (one per target set) or empty slot to ``owner``; return the indicators."""
        tokens = record.tokens()
        if not tokens:
            return []
        line_start, line_end = self.lines_of(tokens)
        made: list[Indicator] = []
        slots = self.slots
        groups = sorted({slots[i].group for i in record.parts} | (self.states.keys() - self.named))
        for group in groups or [0]:
            parts = {slots[i].role: ts for i, ts in record.parts.items() if slots[i].group == group}
            if group > 0 and "name" not in parts and "value" not in parts and (group in self.named or not made):
                continue  # a second value column without a name of its own: its row is the first group's
            state = self.states.get(group)
            if state is None:
                state = self.states[group] = LevelState()
            self._update_levels(state, parts.get("level1"), parts.get("level2"), line_start)
            name = _text(parts, "name")
            if record.tail and group == 0:
                name = join_fragments([name] + [t.cell.text for t in record.tail])
            value = self._value(parts)
            description = _text(parts, "description") or None
            if not name and group > 0 and made:
                name = made[0].name
            if not name and not value and not description:
                if group == 0:
                    owner.empty_slots.append(EmptySlot(state.level1, state.level2, line_start, line_end))
                continue
            standard = _text(parts, "standard") or None
            weight = to_float(_text(parts, "weight"))
            if weight is None and standard is not None and to_float(standard) is not None:
                weight, standard = to_float(standard), None
            basis = _text(parts, "basis") or standard
            indicator = Indicator(
                level1=state.level1, level2=state.level2, level1_raw=state.level1_raw, level2_raw=state.level2_raw,
                name=name, value=value, target=parse_target(value, fiscal_year=self.fiscal_year, name=name),
                description=description, basis=basis, weight=weight,
                actual=_text(parts, "actual") or None,
                score=to_float(_text(parts, "score")),
                remarks="；".join(x for x in [_text(parts, "remarks")] + self._extras(record, group) if x) or None,
                target_set=self.sets[group] if group < len(self.sets) else "mid",
                ref=next((t.cell.ref for t in parts.get("name", tokens) if t.cell.ref), None),
                line_start=line_start, line_end=line_end,
            )
            if not value:
                self.warn("value_missing", f"指标「{name}」没有指标值。", line_start)
            if not name:
                self.warn("name_missing", f"指标值「{value}」没有对应的三级指标名称。", line_start)
            owner.indicators.append(indicator)
            made.append(indicator)
        return made

    def _extras(self, record: Record, group: int) -> list[str]:
        """Further values beside the target value (the lower grades 良/中/差 of a graded standard, the values of
        other places) and the cells of columns the alias table does not name, each after its column's label: kept
        with the remarks, never dropped."""
        return [f"{self.slots[i].label}：{join_fragments([t.cell.text for t in ts])}"
                for i, ts in sorted(record.parts.items())
                if self.slots[i].role in ("extra", "other") and self.slots[i].group == group and ts]

    def blank_row(self, row, owner) -> None:
        """A row of the table with every cell blank: an empty row of the form, under the current categories."""
        state = self.states[0]
        owner.empty_slots.append(EmptySlot(state.level1, state.level2, row.line_start, row.line_end))

    def _value(self, parts: dict[str, list[Token]]) -> str:
        value = _text(parts, "value")
        op = "".join(t.text for t in parts.get("op", ()) if t.text not in _QUALITATIVE_OPS
                     and not tx.is_answer_type(t.text))
        direction = "".join(t.text for t in parts.get("direction", ()) if t.kind == "OP"
                            and not tx.is_answer_type(t.text))
        unit = _text(parts, "unit")
        if value and (op or direction) and not _STARTS_WITH_OP.match(value):
            value = (op or direction) + value
        if value and unit and not value.endswith(unit):
            value = value + unit
        elif not value and unit:
            value = op + unit  # a unit (and operator) printed with no number, as a form left half filled (≧ %)
        return clean_text(value)

    def _update_levels(self, state: LevelState, level1: Optional[list[Token]], level2: Optional[list[Token]],
                       line: int) -> None:
        level1_raw = clean_text(" ".join(t.text for t in level1)) if level1 else None
        level2_raw = clean_text(" ".join(t.text for t in level2)) if level2 else None
        # both levels in one cell (产出指标-数量指标, a 指标类别 column): read as the two cells they stand for
        both = tx.split_levels(level1_raw) if level1_raw and not level2_raw else None
        if both is None and level2_raw and not level1_raw:
            both = tx.split_levels(level2_raw)
        if both:
            level1_raw, level2_raw = both
        if level1_raw:
            canonical = tx.level1_of(level1_raw) or tx.level1_of(level1_raw.replace(" ", ""))
            if canonical is None and tx.level2_of(level1_raw):
                canonical = tx.parent_of(tx.level2_of(level1_raw))
            if canonical != state.level1:
                state.level2 = state.level2_raw = None
            state.level1, state.level1_raw = canonical, level1_raw
        if level2_raw:
            state.level2, state.level2_raw = tx.level2_of(level2_raw), level2_raw
        elif level1_raw and state.level2 is None:
            state.level2 = tx.only_child_of(state.level1) if state.level1 else None
            state.level2_raw = None
        parent = tx.parent_of(state.level2) if state.level2 else None
        if parent and parent != state.level1:
            if level1_raw and level2_raw and tx.level1_of(level2_raw) != state.level1:
                self.warn("level_mismatch", f"二级指标「{level2_raw}」不属于一级指标「{level1_raw}」，"
                          f"按二级指标归类为「{parent}」。", line)
            state.level1, state.level1_raw = parent, None


def slot_labels(slots: list[Slot]) -> str:
    return "、".join(s.label for s in slots)
