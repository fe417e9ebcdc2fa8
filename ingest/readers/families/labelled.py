"""Labelled fields (``labelled_fields``): every cell written after its column's name and a colon, no table at all::

    项目名称：法治宣传经费
    主管部门：天津市西青区司法局　实施单位：天津市西青区司法局
    一级指标：产出指标　二级指标：数量指标　三级指标：法治文艺演出场次　指标值：=2场

What web pages listing indicators as records, and forms filled in as text, give: one record per line (or one pair
per line). Each ``label：content`` pair becomes two cells, the label and its content; where the label names a column
of the indicator table (一级指标, 二级指标, 三级指标 / 指标名称, 指标值 …, through the header aliases), the content
alone becomes a cell with that role as its hint, and the interpreter reads the hinted cells as the rows of a table
with those columns. Pairs on one line are separated by spaces, ``；`` / ``;`` or a comma (``，`` ``,`` ``、``: a record
written as a sentence).
"""

from __future__ import annotations

import re
from typing import Optional, Sequence

from ingest import taxonomy as tx
from ingest.grid import Cell, ParseWarning, Row, match_key
from ingest.readers.families.common import content_lines, has_form_words

# a label: a few characters of words (no digit, no sign), then a colon (one character only for the grades of a
# graded standard, 优：… 良：…); its content runs to the next label
# (a source's label may follow 其中 and a colon: 其中：中央补助：20)
_PAIR = re.compile(r"(?:^|(?<=[\s；;　，,、]))(?:其中\s*[:：]\s*)?(?P<label>[^\s:：；;　，,、\d]{1,12})\s*[:：]\s*")
_SPLIT = re.compile(r"[\s；;　，,、]+$")
# the indicator columns a label can name (the roles of the header aliases)
_ROLES = {"level1": "level1", "level2": "level2", "name": "name", "value": "value", "grade": "value"}


def _role(label: str) -> Optional[str]:
    return _ROLES.get(tx.header_role_of(match_key(label)) or "")


def _known(label: str) -> bool:
    key = match_key(label)
    return bool(_role(label) or tx.field_of(key) or tx.header_role_of(key) or tx.funding_level_of(key))


def pairs(line: str, unknown: bool = False) -> list[tuple[str, str]]:
    """The ``(label, content)`` pairs of a line whose labels are the form's (nothing when the line starts with
    anything else, or a label is unknown). A later label that is unknown is a colon inside the content before it,
    or with ``unknown`` a label of its own when it is a few characters of words (数据来源：工作台账)."""
    found = list(_PAIR.finditer(line.strip()))
    text = line.strip()
    if not found or found[0].start() != 0:
        return []
    out = []
    for k, match in enumerate(found):
        end = found[k + 1].start() if k + 1 < len(found) else len(text)
        label, content = match.group("label"), _SPLIT.sub("", text[match.end():end]).strip()
        if unknown and k and 2 <= len(label) <= 8:
            pass
        elif not _known(label) or (len(label) == 1 and tx.header_role_of(label) != "grade"):
            if k == 0:
                return []
            out[-1] = (out[-1][0], out[-1][1] + text[match.start():end].rstrip())  # a colon inside the content
            continue
        out.append((label, content))
    return out


def build(lines: list[str]) -> tuple[list[Row], list[ParseWarning]]:
    """The form's fields as label and content cells; the indicator records as a table: a header row of their labels
    (written again wherever the labels change, as a new form's table starts) over one row of contents per record,
    each content in its label's column. A record is a line of pairs whose labels all name columns of the indicator
    table (其中 序号, 指标性质, 度量单位, 中期指标值 beside 年度指标值, 分值 …), or consecutive lines of one such pair
    each, until a label comes again."""
    rows: list[Row] = []
    header: tuple[str, ...] = ()
    record: list[tuple[str, str, int]] = []

    def flush() -> None:
        nonlocal header, record
        if not record:
            return
        labels = tuple(label for label, _, _ in record)
        first, last = record[0][2], record[-1][2]
        if labels != header:
            header = labels
            rows.append(Row(cells=[Cell(label, number, number, col=k) for k, (label, _, number) in enumerate(record)],
                            line_start=first, line_end=last))
        # (a record written as a sentence ends in 。: no part of its last value; a name may end in one)
        rows.append(Row(cells=[Cell(content.rstrip("。") if k == len(record) - 1 else content, number, number, col=k)
                               for k, (_, content, number) in enumerate(record)], line_start=first, line_end=last))
        record = []

    unnamed: set[str] = set()  # the columns the alias table does not name, read so far

    def next_is_column(after: int) -> bool:
        """Whether the next line with text after line ``after`` (1-based) is a pair naming an indicator column."""
        for following in lines[after:]:
            if match_key(following):
                nxt = pairs(following)
                return bool(nxt) and all(_column(label) for label, _ in nxt)
        return False

    for number, line in enumerate(lines, 1):
        if not match_key(line):
            continue
        found = pairs(line)
        if not found and record and len(record) >= 2:
            alone = _PAIR.match(line.strip())
            label = alone.group("label") if alone else ""
            if 2 <= len(label) <= 8 and not any(lab == label for lab, _, _ in record) \
                    and (label in unnamed or next_is_column(number)):
                # one pair per line: a column the alias table does not name (数据来源：…) inside a record (the
                # last record of a table: a column records had before)
                record.append((label, line.strip()[alone.end():].strip(), number))
                unnamed.add(label)
                continue
        loose = pairs(line, unknown=True) if len(found) > 1 else []
        if len(loose) > len(found) and all(_column(label) for label, _ in found) \
                and sum(1 for label, _ in loose if _role(label)) >= 2:
            # a record with a column the alias table does not name (数据来源：…): a column of its own
            flush()
            record = [(label, content, number) for label, content in loose]
            flush()
            continue
        # a record: pairs naming columns of the indicator table; one pair per line goes on a record begun by an
        # indicator column or its number (序号, 一级指标, 指标名称, 指标值 …), so a lone 备注：… line elsewhere
        # begins none
        if found and all(_column(label) for label, _ in found) and (len(found) > 1 or record or _begins(found[0][0])):
            if len(found) > 1:
                flush()
                record = [(label, content, number) for label, content in found]
                flush()
            else:
                if any(match_key(label) == match_key(found[0][0]) for label, _, _ in record):
                    flush()
                record.append((found[0][0], found[0][1], number))
            continue
        flush()
        header = ()
        if not found:
            rows.append(Row(cells=[Cell(line.strip(), number, number)], line_start=number, line_end=number))
            continue
        cells: list[Cell] = []
        for label, content in found:
            cells.append(Cell(label, number, number))
            if content:
                cells.append(Cell(content, number, number))
        rows.append(Row(cells=cells, line_start=number, line_end=number))
    flush()
    return rows, []


def _begins(label: str) -> bool:
    """Whether a record may begin with ``label`` alone on its line."""
    return bool(_role(label)) or tx.header_role_of(match_key(label)) == "seq"


def _column(label: str) -> bool:
    """Whether ``label`` names a column of the indicator table."""
    return bool(tx.header_role_of(match_key(label)))


def score(lines: Sequence[str]) -> float:
    """The share of the text's lines made of labelled pairs, those that name a column of the indicator table
    counting three times; nothing unless indicator names and values are labelled, four labels at least (a form
    whose fields alone are labelled, with a table below, is another layout's)."""
    if not has_form_words(lines):
        return 0.0
    content = content_lines(lines)
    if len(content) < 4:
        return 0.0
    paired = [pairs(line) for line in content if ":" in line or "：" in line]
    with_pairs = sum(1 for p in paired if p)
    roles = [_role(label) for p in paired for label, _ in p if _role(label)]
    if len(roles) < 4 or not {"name", "value"} <= set(roles):
        return 0.0
    indicator_lines = sum(1 for p in paired if any(_role(label) for label, _ in p))
    return min(1.0, (with_pairs + 2 * indicator_lines) / len(content))
