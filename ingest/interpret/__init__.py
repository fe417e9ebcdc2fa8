"""The one interpreter: a grid of cells from any reader → projects, department-wide table, warnings.

Steps, each in its own module:

1. :mod:`tokens` — the filled cells in reading order, with a content class each;
2. :mod:`header` — the indicator headers, each column given a role through the alias table;
3. tables — the tokens split into tables at their titles and name labels (below);
4. :mod:`fields` — the label/value zone of each table (name, total, funding, goal, spending plan);
5. :mod:`align` — the indicator rows aligned to the header's columns;
6. :mod:`records` — indicators with their categories carried down merged cells.

Nothing here branches on the layout family: rows and columns are evidence the grid carries, weighed against
what the text says. Every table title and every indicator-like cell ends up in the model or in a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from itertools import dropwhile, islice, takewhile
from typing import Optional

from ingest import taxonomy as tx
from ingest.caches import text_cache
from ingest.grid import Grid, ParseWarning, Row
from ingest.interpret.align import align, column_anchors, column_reliability
from ingest.interpret.fields import TEXT_FIELDS, Zone, classify, leading_label, read_zone
from ingest.interpret.header import Header, Slot, find_headers, widen_spans
from ingest.interpret.records import RecordReader
from ingest.interpret.tokens import L1, L2, L12, NOISE, SHORT, TARGET, TEXT, Token, tokenize
from ingest.model import DepartmentOverall, Indicator, Project
from ingest.textnorm import clean_text, normalise_label

# a title's number: 1、 / 一. / 表1: / 附表2-1： (a table numbered in a report or an annex)
_LABEL_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_TITLE_NUMBER = re.compile(r"^(?:附?表\s*[\d一二三四五六七八九十]+(?:\s*[-—－]\s*\d+)?\s*[:：、.,，．]?"
                           r"|[\d一二三四五六七八九十]+\s*[、.,，．])\s*")
# the form's year before the name (2019年度宁晋县…); a year without 度 is the fund's own (2021年中央对地方专项转移支付)
_YEAR_PREFIX = re.compile(r"^\d{4}\s*年度")
_UNIT_PREFIX = re.compile(r"^[^_＿\s]{2,30}?(?:局|所|院|委|办|中心|厅|部|会|处|站|队|政府)[_＿]")
_PROJECT_CODE = re.compile(r"^\s*(?P<code>\d{6})\s*(?P<name>[^\s单]\S*?)\s*(单位[:：].*)?$")
_TITLE_MAX = 80
MID_LABEL_MAX = 20  # a label on a row of its own before a header (中期目标(2021-2023年)), not a goal's text


@dataclass
class Table:
    title: Optional[Token]
    title_text: str = ""
    tokens: list[Token] = field(default_factory=list)
    headers: list[Header] = field(default_factory=list)
    end_row: int = -1  # the last grid row before the next table

    @property
    def first_line(self) -> int:
        first = self.title or (self.tokens[0] if self.tokens else None)
        return first.cell.line_start if first else 0

    @property
    def last_line(self) -> int:
        last = self.tokens[-1] if self.tokens else self.title
        return last.cell.line_end if last else 0


@dataclass
class Reading:
    projects: list[Project] = field(default_factory=list)
    overall: Optional[DepartmentOverall] = None
    warnings: list[ParseWarning] = field(default_factory=list)


class Interpreter:
    def __init__(self, grid: Grid, fiscal_year: Optional[int] = None):
        self.grid = grid
        self.fiscal_year = fiscal_year
        self.warnings: list[ParseWarning] = []
        self.tokens = tokenize(grid)
        self.column_reliability: Optional[float] = None
        self._carry: dict[str, Optional[str]] = {}  # units printed before the first table's caption
        # _split of each table (by id: the tables live as long as read()), asked for three times per table
        self._splits: dict[int, tuple[list[Token], list[tuple[Header, list[Token]]], bool]] = {}

    def warn(self, code: str, message: str, line: Optional[int] = None, line_end: Optional[int] = None) -> None:
        self.warnings.append(ParseWarning(code, message, line, line_end))

    def row(self, index: int) -> Optional[Row]:
        return self.grid.rows[index] if 0 <= index < len(self.grid.rows) else None

    # ------------------------------------------------------------------------------------------- tables
    def tables(self) -> list[Table]:
        tokens = self.tokens
        headers = find_headers(tokens)
        header_at = {h.first: h for h in headers}
        in_header = {i for h in headers for i in range(h.first, h.last + 1)}
        tables: list[Table] = [Table(title=None)]
        skip_until = -1
        for pos, token in enumerate(tokens):
            if pos <= skip_until:
                continue
            title = self._title_at(pos) if pos not in in_header else None
            if title is not None:
                text, last = title
                tables.append(Table(title=token, title_text=text))
                skip_until = last
                continue
            current = tables[-1]
            if pos in header_at:
                current.headers.append(header_at[pos])
            elif pos not in in_header and self._starts_table(token) and (
                    current.headers or self._has_name_label(current)) \
                    and not (pos and current.tokens and current.tokens[-1] is tokens[pos - 1]
                             and self._starts_table(tokens[pos - 1])):
                # (专项名称 / 部门名称: two name labels one after the other are a column of labels whose contents
                # follow, not two forms)
                tables.append(Table(title=None))
                current = tables[-1]
            current.tokens.append(token)
        tables = self._drop_repeated_titles(tables)
        for table in tables:
            if not table.headers:
                implied = implied_header(table.tokens)
                if implied is not None:
                    table.headers.append(implied)
        for table, following in zip(tables, tables[1:] + [None]):
            start = (following.title or (following.tokens[0] if following.tokens else None)) if following else None
            table.end_row = start.row - 1 if start is not None else len(self.grid.rows) - 1
        return tables

    def _title_at(self, pos: int) -> Optional[tuple[str, int]]:
        """(title text, index of its last token) when a table title starts at token ``pos``."""
        token = self.tokens[pos]
        if not token.first_in_row:
            return None
        if is_title(token.text) and self._title_row_ok(token):
            return token.text, pos
        following = self.tokens[pos + 1] if pos + 1 < len(self.tokens) else None
        if following is not None and token.alone and following.alone and following.row == token.row + 1:
            joined = token.text + following.text
            if is_title(joined) and len(following.key) <= 6 and not is_title(token.text):
                return joined, pos + 1
        return None

    def _title_row_ok(self, token: Token) -> bool:
        """A title stands alone in its row (other cells of the row may only be labels such as 部门:…)."""
        if token.alone:
            return True
        others = list(takewhile(lambda t: t.row == token.row, islice(self.tokens, token.index + 1, None)))
        if others and others[0].cell.soft:
            return True  # run-together text: the title is followed by the form's cells on the same line
        return all(classify(t.text.split(":")[0].split("：")[0]) is not None for t in others)

    def _starts_table(self, token: Token) -> bool:
        return token.cell.hint == "project" or (starts_with_name_label(token.text) and not self._heads_a_list(token))

    def _heads_a_list(self, token: Token) -> bool:
        """The name label is a column header of a list of projects and amounts (项目名称 | 金额 | 备注: an
        allocation table before the forms), not a form's field: the next cell is another such header."""
        following = self.tokens[token.index + 1] if token.index + 1 < len(self.tokens) else None
        return following is not None and tx.is_list_header(following.text)

    def _has_name_label(self, table: Table) -> bool:
        return any(self._starts_table(t) for t in table.tokens)

    def _drop_repeated_titles(self, tables: list[Table]) -> list[Table]:
        out: list[Table] = []
        for table, following in zip(tables, tables[1:] + [None]):
            if table.title is not None and not table.tokens and following is not None and following.title \
                    and normalise_label(following.title_text) == normalise_label(table.title_text):
                continue  # the same title printed twice
            out.append(table)
        return out

    # ------------------------------------------------------------------------------------------- reading
    def read(self) -> Reading:
        reading = Reading()
        tables = self.tables()
        self.column_reliability = self._column_reliability(tables)
        for number, table in enumerate(tables):
            is_last = number == len(tables) - 1
            if self._is_overall(table):
                overall = self._read_overall(table, is_last)
                if overall is not None and reading.overall is None:
                    reading.overall = overall
                    continue
            project = self._read_project(table, len(reading.projects) + 1, is_last)
            if project is not None:
                reading.projects.append(project)
        reading.warnings = self.warnings
        return reading

    def _column_reliability(self, tables: list[Table]) -> float:
        totals = [0, 0, 0, 0]
        for table in tables:
            for header, body in self._split(table)[1]:
                widen_spans(header)
                counts = column_anchors(body, [s for s in header.slots if s.role != "group"])
                totals = [a + b for a, b in zip(totals, counts)]
        return column_reliability(tuple(totals))

    def _is_overall(self, table: Table) -> bool:
        if table.title is not None:
            return "整体" in table.title_text
        return any(classify(t.text) == ("field", "department_name", normalise_label(t.text))
                   for t in table.tokens[:10])

    def _split(self, table: Table) -> tuple[list[Token], list[tuple[Header, list[Token]]], bool]:
        """(zone tokens, [(header, indicator tokens)], whether the last indicator zone reached the end)."""
        split = self._splits.get(id(table))
        if split is None:
            split = self._splits[id(table)] = self._split_table(table)
        return split

    def _split_table(self, table: Table) -> tuple[list[Token], list[tuple[Header, list[Token]]], bool]:
        if not table.headers:
            return table.tokens, [], False
        first = table.headers[0].first
        zone = [t for t in table.tokens if t.index < first]
        blocks: list[tuple[Header, list[Token]]] = []
        reached_end = False
        for k, header in enumerate(table.headers):
            end = table.headers[k + 1].first if k + 1 < len(table.headers) else None
            body: list[Token] = []
            stopped = False
            for t in table.tokens:
                if t.index <= header.last or (end is not None and t.index >= end):
                    continue
                if (t.first_in_row or t.cell.soft) and tx.is_note(t.text):
                    stopped = True
                    break
                body.append(t)
            blocks.append((header, body))
            if k == len(table.headers) - 1:
                reached_end = not stopped and (table.tokens[-1].index == self.tokens[-1].index if table.tokens
                                               else False)
        return zone, blocks, reached_end

    def _sets_for(self, header: Header, zone: Zone, preceding: Optional[Token]) -> tuple[str, ...]:
        groups = max((s.group for s in header.slots), default=0) + 1
        block = [s.label for s in header.slots if s.role == "group"]
        if block and tx.mentions_mid_term(block[0]):
            return ("mid",) * groups  # 中期绩效指标 | 一级指标 | …: a block of mid-term targets
        if preceding is not None and preceding.first_in_row and len(preceding.key) <= MID_LABEL_MAX \
                and tx.mentions_mid_term(preceding.text) and tx.header_role_of(preceding.text) is None:
            return ("mid",) * groups  # 中期绩效指标 on a line of its own, not a goal that names 中期 in passing
        if groups == 1:
            return ("annual",)
        # 2024年目标值 | 2025年目标值 | 2026年目标值: the column of the document's year is the annual target
        years = {}
        for slot in header.slots:
            found = _LABEL_YEAR.search(slot.label) if slot.role == "value" else None
            if found and slot.group not in years:
                years[slot.group] = int(found.group(1))
        if self.fiscal_year is not None and self.fiscal_year in years.values():
            return tuple("annual" if years.get(g) == self.fiscal_year else "mid" for g in range(groups))
        labels = [s.label for s in header.slots if s.role == "value"]
        if labels and tx.mentions_mid_term(labels[0]):
            return ("mid", "annual")
        if zone.mid_first:
            return ("mid", "annual")
        return ("annual", "mid")

    def _read_indicators(self, table: Table, zone: Zone, owner) -> bool:
        """Read every indicator block of ``table`` into ``owner``; True when the table reaches the file end."""
        _, blocks, reached_end = self._split(table)
        for header, body in blocks:
            widen_spans(header)
            preceding = self.tokens[header.first - 1] if header.first > 0 else None
            sets = self._sets_for(header, zone, preceding)
            if all(s.label.startswith("(") for s in header.slots) and any(t.cell.hint for t in body):
                # the layout says which cells are indicators (a tree, bracket sections): the others are not
                self._audit_noise([t for t in body if not t.cell.hint])
                body = [t for t in body if t.cell.hint]
            roles = header.roles()
            if "level1" not in roles and "level2" not in roles and any(
                    t.alone and t.kind in (L1, L2, L12) for t in body):
                # 三级指标 | 指标值 with the categories on rows of their own (产出指标 / 数量指标 over their rows, a
                # merged row of the form): the table's levels stand in those rows
                header = replace(header, slots=[Slot(role, 0, (), f"({role})") for role in ("level1", "level2")]
                                 + header.slots)
                roles = header.roles()
            if "level1" in roles and "level2" not in roles:
                # 一级指标 | 指标内容 | 指标值: the one level column is the level-1's, so 成本指标 there is the level-1
                # category (the newer template), whatever follows it
                for t in body:
                    if t.kind in (L2, L12) and tx.level1_of(t.key):
                        t.kind = L1
            reader = RecordReader(header, self.fiscal_year, self.row, self.warnings, sets)
            previous: Optional[Indicator] = None
            last_block = header is blocks[-1][0]
            blank = self._blank_rows(header, body, table.end_row if last_block else None)
            # noise before the first row (a category note of the form, 项目年度绩效目标(定量指标)) begins no record
            body = list(dropwhile(lambda t: t.kind == NOISE, body))
            records = _fold_overflow(align(body, header, self.column_reliability), header)
            while records and _is_prose_after(records[-1], header):
                prose = records.pop().tokens()[0]
                self.warn("text_after_table", f"表格后的文字「{prose.text[:40]}」不是指标，未读取。", prose.line)
            for record in records:
                tokens = record.tokens()
                while blank and tokens and blank[0] < tokens[0].row:
                    reader.blank_row(self.row(blank.pop(0)), owner)
                made = reader.read(record, owner, previous)
                if made:
                    previous = made[-1]
                self._audit_noise(record.noise)
            for index in blank:
                reader.blank_row(self.row(index), owner)
        return reached_end

    def _blank_rows(self, header: Header, body: list[Token], end_row: Optional[int]) -> list[int]:
        """Rows of the indicator table whose cells are all blank (a row of the form left empty)."""
        if not body:
            return []
        first = self.tokens[header.last].row + 1
        last = max(body[-1].row, end_row if end_row is not None else -1)
        return [r for r in range(first, last + 1)
                if len(self.grid.rows[r].cells) >= 2 and not self.grid.rows[r].filled()]

    def _audit_noise(self, noise: list[Token]) -> None:
        for token in noise:
            if token.kind in (TARGET, TEXT, L1, L2, L12) and len(token.key) > 1:
                self.warn("cell_skipped", f"单元格「{token.text[:40]}」未能归入任何一列，已跳过。", token.line)

    # ------------------------------------------------------------------------------------------- projects
    def _read_project(self, table: Table, sequence: int, is_last: bool) -> Optional[Project]:
        zone_tokens, blocks, _ = self._split(table)
        zone = read_zone(zone_tokens, self.row)
        self.warnings.extend(zone.warnings)
        title_name = title_to_name(table.title_text) if table.title is not None else None
        table_name = zone.fields.get("name")
        if table.title is not None and not table.tokens:
            self.warn("title_without_table", f"表格标题「{clean_text(table.title_text)[:60]}」下没有找到表格内容。",
                      table.first_line)
            return None
        if not table_name and not title_name and not blocks:
            if table.title is not None:
                self.warn("title_without_table", f"表格标题「{clean_text(table.title_text)[:60]}」下没有找到表格内容。",
                          table.first_line)
            else:
                self._audit_orphans(table.tokens)
                # a report's heading before the table's caption (项目单位：…, then 表1:…): its units are the next
                # project's where it prints none
                self._carry = {k: zone.fields.get(k) for k in ("department", "implementing_unit")}
            return None
        if table.title is not None and not table_name and not blocks and not zone.totals:
            # a title with no form under it (a list of annexes in a notice: 2.2022年…绩效目标表, then another table)
            self.warn("title_without_table", f"表格标题「{clean_text(table.title_text)[:60]}」下没有找到表格内容。",
                      table.first_line)
            self._audit_orphans(table.tokens)
            return None
        if not table_name and not title_name:
            self.warn("name_missing", "指标表没有项目名称，按无名项目读取。", table.first_line)
        name, name_in_table = choose_name(table_name, title_name)
        carry, self._carry = self._carry, {}
        total = zone.totals[0][1] if zone.totals else None
        if total is None and len(zone.funding) >= 2 and zone.funding[0].level == "fiscal" \
                and all(f.level != "fiscal" for f in zone.funding[1:]) \
                and abs(zone.funding[0].amount_wan - sum(f.amount_wan for f in zone.funding[1:])) < 1e-6:
            # 财政拨款100万元，其中：中央补助20万元、省级资金30万元、市级资金50万元: the fiscal whole first, the sum of
            # the levels after it, which are its parts — the total, not one more source
            whole, zone.funding = zone.funding[0], zone.funding[1:]
            total = whole.amount_wan
            self.warn("total_from_sources", f"没有印出年度资金总额，按「{whole.source}」{total:g} 万元读作总额"
                      "（其后各来源合计与之相等，是其组成）。", table.first_line)
        if total is None and zone.funding:
            total = round(sum(f.amount_wan for f in zone.funding), 6)
            self.warn("total_from_sources", f"没有印出年度资金总额，按各资金来源合计读作 {total:g} 万元。",
                      table.first_line)
        project = Project(
            sequence=sequence,
            name=clean_text(name or "（未注明项目名称）"),
            total_wan=total,
            code=re.sub(r"\s+", "", zone.fields["code"]) if zone.fields.get("code") else None,
            budget_unit=self._budget_unit(table),
            department=zone.fields.get("department") or carry.get("department"),
            implementing_unit=zone.fields.get("implementing_unit") or (
                title_unit(table.title_text) if table.title is not None else None) or carry.get("implementing_unit"),
            attribute=zone.fields.get("attribute"),
            period=zone.fields.get("period"),
            purpose=zone.fields.get("purpose"),
            goal=zone.fields.get("goal"),
            goal_long_term=zone.fields.get("goal_long_term"),
            funding=zone.funding,
            name_in_table=name_in_table,
            self_evaluation=zone.self_evaluation,
            ref=(table.title or (table.tokens[0] if table.tokens else None)).cell.ref
            if (table.title or table.tokens) else None,
            line_start=table.first_line,
            line_end=self._last_line(table),
        )
        if zone.plan is not None:
            zone.plan.unit = plan_unit(zone.plan.values, total, zone.plan.unit_as_printed)
            project.spending_plan = zone.plan
        reached_end = self._read_indicators(table, zone, project) if blocks else bool(is_last)
        if not blocks:
            self.warn("no_indicator_header", f"项目「{project.name}」没有指标表头，表格可能被截断，未读取任何指标。",
                      project.line_start, project.line_end)
        elif not project.indicators:
            self.warn("no_indicators", f"项目「{project.name}」没有任何指标行，表格可能被截断。",
                      project.line_start, project.line_end)
        project.truncated = is_last and reached_end and looks_cut(project)
        if project.truncated:
            present = {i.level1 for i in project.indicators}
            missing = [c for c in ("产出指标", "效益指标", "满意度指标") if c not in present]
            lacking = f"（缺少{'、'.join(missing)}）" if missing else ""
            self.warn("truncated", f"项目「{project.name}」的表格在文件末尾被截断{lacking}，只读取了已有的部分。",
                      project.line_start, project.line_end)
        if total is None:
            self.warn("total_missing", f"项目「{project.name}」没有读到年度资金总额。", project.line_start)
        if zone.unit == "元" and total is not None:
            self.warn("amounts_in_yuan", f"项目「{project.name}」的金额以元填报，已换算为万元。", project.line_start)
        return project

    def _audit_orphans(self, tokens: list[Token]) -> None:
        """Indicator-like cells outside any table are named in a warning (never dropped silently)."""
        for token in tokens:
            if token.kind in (L1, L2) and len(tokens) > 3:
                self.warn("outside_table", f"「{token.text[:40]}」像是指标表的内容，但不在任何表格中，未读取。",
                          token.line)
                return

    def _read_overall(self, table: Table, is_last: bool) -> Optional[DepartmentOverall]:
        zone_tokens, blocks, _ = self._split(table)
        zone = read_zone(zone_tokens, self.row)
        overall = DepartmentOverall(
            department=zone.fields.get("department_name") or zone.fields.get("department"),
            total_wan=zone.totals[0][1] if zone.totals else None,
            basic_wan=zone.overall.get("basic_wan"),
            project_wan=zone.overall.get("project_wan"),
            funding=zone.funding,
            functions=zone.fields.get("functions"),
            goal=zone.fields.get("goal"),
            line_start=table.first_line,
            line_end=self._last_line(table),
        )
        if blocks:
            self._read_indicators(table, zone, overall)
        return overall

    def _last_line(self, table: Table) -> int:
        if not table.tokens:
            return table.last_line
        return max(table.last_line, self.row(table.tokens[-1].row).line_end)

    def _budget_unit(self, table: Table) -> Optional[str]:
        for token in table.tokens[:3]:
            match = _PROJECT_CODE.match(token.text)
            if match:
                return match.group("code") + match.group("name")
        return None


# ----------------------------------------------------------------------------------------------- helpers
@text_cache(maxsize=65536)
def starts_with_name_label(text: str) -> bool:
    """The cell begins with the label of a project's or a department's name (asked of every cell)."""
    found = leading_label(text)
    return found is not None and found[0] == "field" and found[1] in ("name", "department_name")


@text_cache(maxsize=65536)
def is_title(text: str) -> bool:
    """A table title (``…绩效目标表``, ``…自评表`` …) of reasonable length (asked of every cell that begins a row)."""
    key = normalise_label(text)
    if not key or len(key) > _TITLE_MAX:
        return False
    return tx.title_suffix_of(key) is not None or _caption(text) is not None


_TABLE_MARK = re.compile(r"^附?表\s*[\d一二三四五六七八九十]+(?:\s*[-—－]\s*\d+)?\s*[:：、.,，．\s]\s*")


def _caption(text: str) -> Optional[str]:
    """The caption ending (绩效目标) of a table's caption in a report: after a table number (表1:…项目绩效目标)."""
    mark = _TABLE_MARK.match(clean_text(text))
    return tx.caption_suffix_of(clean_text(text)[mark.end():]) if mark else None


def _is_prose_after(record, header: Header) -> bool:
    """A record made only of a sentence (a note or explanation printed after the table), not an indicator row."""
    slots = [s for s in header.slots if s.role != "group"]
    roles = {slots[i].role for i in record.parts}
    tokens = record.tokens()
    if roles - {"name", "description", "remarks", "basis"} or not tokens:
        return False
    text = "".join(t.text for t in tokens)
    return "。" in text.rstrip("。") or (len(text) > 50 and text.endswith(("。", "；", ";")))



_OVERFLOW_ROLES = ("actual", "remarks")  # the cells a self-evaluation row prints after its target


def _fold_overflow(records: list, header: Header) -> list:
    """A self-evaluation row whose last cells ran on in a stream of cells (no columns to tell): after a row that
    left its 实际值 / 原因 cells empty, what reads as a row re-printing its name (建设…子站 | 0: the actual, stated
    with the name) or as a row of narrative (…。…) without a target is those cells, not another indicator."""
    slots = [s for s in header.slots if s.role != "group"]
    out: list = []
    for record in records:
        previous = out[-1] if out else None
        free = [i for i, s in enumerate(slots) if s.role in _OVERFLOW_ROLES and previous is not None
                and previous.parts and i > max(previous.parts)]
        if free and _runs_over(previous, record, slots):
            previous.parts[free[0]] = record.tokens()
            previous.noise.extend(record.noise)
            continue
        out.append(record)
    return out


def _runs_over(previous, record, slots: list[Slot]) -> bool:
    roles = {slots[i].role: ts for i, ts in record.parts.items()}
    tokens = record.tokens()
    if not tokens or "name" not in roles or set(roles) - {"name", "value"} or any(t.col is not None for t in tokens):
        return False
    name = "".join(t.text for t in roles["name"])
    value = "".join(t.text for t in roles.get("value", ()))
    before = "".join(t.text for i, ts in previous.parts.items() if slots[i].role == "name" for t in ts)
    if normalise_label(name) == normalise_label(before):
        return True
    return "。" in name.rstrip("。") and not re.search(r"\d", value)


IMPLIED_SLOTS = ("level1", "level2", "name", "value")
INDICATOR_HINTS = frozenset(IMPLIED_SLOTS)


def implied_header(tokens: list[Token]) -> Optional[Header]:
    """The header a table without one is read with (一级 | 二级 | 三级 | 指标值): when its cells are hinted
    by the layout, or when it holds level labels (a tree or a list of sections with no header row)."""
    hinted = [t for t in tokens if t.cell.hint in INDICATOR_HINTS]
    labels = [t for t in tokens if t.kind in (L1, L2)]
    if not hinted and len(labels) < 2:
        return None
    first = (hinted or labels)[0].index
    slots = [Slot(role, 0, (), f"({role})") for role in IMPLIED_SLOTS]
    return Header(slots=slots, first=first, last=first - 1)
def title_unit(title: str) -> Optional[str]:
    """The unit a title names before an underscore (``东莞市公安局_公务用车购置项目支出绩效目标批复表``), if any."""
    text = _YEAR_PREFIX.sub("", _TITLE_NUMBER.sub("", clean_text(title))).strip()
    found = _UNIT_PREFIX.match(text)
    return found.group()[:-1] if found else None


def title_to_name(title: str) -> Optional[str]:
    """The project name a title carries (``1、法律援助经费绩效目标表`` → ``法律援助经费``), or None if generic."""
    text = clean_text(title)
    text = _TITLE_NUMBER.sub("", text)
    text = _YEAR_PREFIX.sub("", text)
    text = re.sub(r"[（(]\s*\d{4}\s*年?度?\s*[)）]\s*$", "", text).strip()
    text = _UNIT_PREFIX.sub("", text)  # 东莞市公安局_公务用车购置…: the unit before an underscore is not the name
    suffix = tx.title_suffix_of(text) or _caption(title)
    if suffix:
        compact = re.sub(r"\s+", "", text)
        cut = compact.rfind(suffix)
        text = compact[:cut]
    text = re.sub(r"绩效$", "", text)  # …项目支出绩效目标批复表: the suffix matched is 目标批复表
    # the template's words before the suffix (…项目支出|绩效目标表, …转移支付区域|绩效目标自评表); a trailing 项目 is
    # the name's own (宁晋县高中助学金项目)
    text = re.sub(r"(项目支出|区域)?$", "", text).strip()
    generic = ("部门", "整体", "附件", "预算", "支出")
    if text in ("项目", "专项", "专项资金", "项目资金", "资金", "转移支付", "专项转移支付"):
        return None  # (专项资金绩效目标表: the template's words, no project's name)
    if not text or any(w in text for w in generic[:3]) or text.endswith(("局", "项目支出", "预算", "财政")) \
            or len(text) < 2:
        return None
    return text


def choose_name(table_name: Optional[str], title_name: Optional[str]) -> tuple[Optional[str], Optional[str]]:
    """(name, name as printed in the table when the title was preferred).

    The 项目名称 cell is the name, unless it is a garbled version of the name the title carries (most of its
    characters appear in the title's name but it is not equal): text extracted from a broken grid.
    """
    if not table_name:
        return title_name, None
    if not title_name:
        return table_name, None
    a, b = re.sub(r"\s+", "", table_name), re.sub(r"\s+", "", title_name)
    if a == b or a in b or a == b + "项目":
        # the cell printed whole in the title (省级第七批… / 2022年省级第七批…), or the title's name before its
        # template's 项目支出 (…建设项目 / …建设): the cell is the name
        return table_name, None
    pool = list(b)
    hits = 0
    for ch in a:
        if ch in pool:
            pool.remove(ch)
            hits += 1
    if hits / max(1, len(a)) >= 0.75 and len(b) >= len(a) * 0.6:
        return title_name, table_name
    return table_name, None


def plan_unit(values: list[Optional[float]], total: Optional[float], printed: Optional[str]) -> str:
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


def looks_cut(project: Project) -> bool:
    """A table that reaches the end of the file is cut off unless it ends like a complete form: its last
    indicator has a value and the table has a satisfaction indicator."""
    if not project.indicators:
        return True
    last = project.indicators[-1]
    levels = {i.level1 for i in project.indicators}
    return not last.value or "满意度指标" not in levels


__all__ = ["Interpreter", "Reading", "TEXT_FIELDS", "NOISE", "SHORT"]
