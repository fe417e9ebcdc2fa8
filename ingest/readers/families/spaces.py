"""Space-aligned columns (``space_columns``): cells separated by runs of spaces (ASCII, full-width, no-break).

Web pages and PDF text often separate the cells of a row by spaces only. Each line is a row, split at every run
of spaces; a cell that itself contained a space arrives in two pieces, which the interpreter joins when both
pieces belong to the same column. Quirks handled here:

- a label printed one word per line (``年度`` / ``预算`` / ``安排`` / ``(万元)``, a tall merged cell) is joined back
  into one cell — but two level labels on lines of their own (``产出指标`` / ``数量指标``) stay two cells;
- a PDF copied row by row (``pdftotext -raw``, a viewer's copy) wraps long cells onto lines of their own: a line
  whose name or value fills its column (the width, counting a Chinese character as two, that the tables' pieces
  of that column reach) goes on in the next line's first word, if that fits in the column; a name alone on its
  line may have its value on the lines below (``热线咨询量全年70000人次`` / ``≥70000热线全年`` / …);
- the page furniture such a copy carries (date line, address, page number) is left out.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Optional

from ingest import taxonomy as tx
from ingest.grid import Cell, ParseWarning, Row, match_key
from ingest.readers.families.common import (NAME_MARK, VALUE_START, closes_bracket, content_lines, display_width,
                                            is_form_label, is_label_like, is_labelled_field, is_target_value,
                                            page_furniture, value_tails, widest)
from ingest.readers.families.run_together import ANY_ENDING, wrap_gapped
from ingest.qualitative import is_qualitative_value
from ingest.values import match_unit

_SPLIT = re.compile(r"[\s\u00a0\u3000]+")
_CJK_CHARACTER = re.compile(r"[\u4e00-\u9fff]")
_SHORT_WORD = re.compile(r"^[(（]?[\u4e00-\u9fff]{1,4}[)）]?$|^[(（][^()（）]{1,6}[)）]$")
_ENDS_CJK = re.compile(r"[\u4e00-\u9fff（(]$")
# how a line of a name wrapped mid-text ends: a character, an open bracket or a sign a name does not end with
_WRAPPED_END = re.compile(r"[\u4e00-\u9fff（(，、；：]$")
_OPERATOR = re.compile(r"^[≥≤≧≦<>=＝═±]")
# a name numbered as a list item (1. / 2、), besides the marks of common.NAME_MARK
_LIST_NUMBER = re.compile(r"\d{1,2}\s*[.、．]")


# a number printed a space before its unit: a quantity, or a year before 年内 / 年底
_NUMBER = re.compile(r"^[≥≤≧≦<>=＝±]?\d+(?:\.\d+)?$")


# a date whose digits the extraction set a space apart from 年, 月 and 日 (2024 年 12 月 31 日前): one word
# (or its month's number, 2023 年 11 / 月底, or its 月, 月 10 日前 below a line cut there)
_DATE = re.compile(r"(?<!\d)(?:\d{1,4} ?年 ?\d{1,2}(?: ?月(?: ?\d{1,2} ?日)?)?(?!\d)|\d{1,2} ?月 ?\d{1,2} ?日"
                   r"|^月 ?\d{1,2} ?日)")
_ENUMERATED = re.compile(r"\d{1,2}\s*[.:：、．]")


def words_of(line: str, values: bool = False) -> tuple[list[str], list[str]]:
    """The words of a line and the gap before each (``""`` before the first). A date (``5 月 31 日前``) is one
    word, and so are a number and the unit after it one space apart (``4583.33 元/人/月``, ``2020 年内``): the
    unit is the whole word (rates too), or the word opens with a unit and has one character more (年底, 年内); so
    are 指标 and the number an indicator's name begins with (``指标 1:机柜数量``). With ``values``, so are a few
    Chinese characters and a number that together are a target (:func:`_target_across_gap`)."""
    stripped = _DATE.sub(lambda m: m.group().replace(" ", ""), line.strip())
    words = [w for w in _SPLIT.split(stripped) if w]
    gaps = [""] + _SPLIT.findall(stripped)
    if len(gaps) != len(words):  # invisible separators only (no words): nothing to join
        return words, gaps
    out_words: list[str] = []
    out_gaps: list[str] = []
    for word, gap in zip(words, gaps):
        if gap == " " and out_words and _NUMBER.match(out_words[-1].rsplit(" ", 1)[-1]) and _unit_word(word):
            out_words[-1] += " " + word
            continue
        if values and gap == " " and out_words and _NUMBER.match(out_words[-1].rsplit(" ", 1)[-1]) \
                and _bracketed_unit(word):
            out_words[-1] += " " + word  # ≤550 元（每人每天）: a unit and what it is counted by
            continue
        if values and gap == " " and out_words and _target_across_gap(out_words[-1], word):
            out_words[-1] += " " + word  # 每次 2500元左右, 1 年内完成: the extraction's gap between Chinese and digits
            continue
        if gap == " " and out_words and word in value_tails() and is_target_value(out_words[-1]) \
                and is_target_value(out_words[-1] + word):
            out_words[-1] += " " + word  # 2024年12月31日 前: a value's last word wrapped in its box (pypdf)
            continue
        if gap == " " and out_words and out_words[-1].endswith("指标") and _ENUMERATED.match(word):
            out_words[-1] += " " + word  # 指标 1:机柜数量: an indicator's number, set one space after 指标
            continue
        out_words.append(word)
        out_gaps.append(gap)
    return out_words, out_gaps


_CJK_WORDS = re.compile(r"^[\u4e00-\u9fff]{1,6}$")
_CJK_DIGIT = re.compile(r"[\u4e00-\u9fff]$|\d$")


def _target_across_gap(before: str, word: str) -> bool:
    """A Chinese word and a number (or a number and a Chinese word) one space apart that together are a target
    value (``每次`` ``2500元左右``, ``1`` ``年内完成``): PDF text puts a space where the script changes. The
    Chinese side is a few Chinese characters and no label (``其中：财政拨款`` after an amount is a cell)."""
    if not before or not word or not _CJK_DIGIT.search(before):
        return False
    if before[-1].isdigit() == word[0].isdigit() or not (word[0].isdigit() or _CJK_CHARACTER.match(word[0])):
        return False
    words, number = (before, word) if word[0].isdigit() else (word, before)
    # the Chinese side: a few characters of the value (每人每年, 年内完成), not a label; a target of its own only
    # after a bare number (``≤65万元 10``, ``2021年底 2021年底``: two cells)
    if not word[0].isdigit() and match_unit(word, 0) is None and word[0] not in "万亿千百":
        return False  # a number before words that begin with no unit is a row's number (1 发放人数)
    return bool(_CJK_WORDS.match(words)) and not is_form_label(words) and is_target_value(before + word) \
        and (_NUMBER.match(number) is not None or not is_target_value(words))


def _bracketed_unit(word: str) -> bool:
    """A unit and then a bracket with what it is counted by (``元（每人每天）``, also left open at the line's end)."""
    unit = match_unit(word, 0)
    return unit is not None and word[len(unit):len(unit) + 1] in ("（", "(")


def _unit_word(word: str) -> bool:
    unit = match_unit(word, 0)
    return unit is not None and len(word) - len(unit) <= 1 and not re.search(r"\d", word)


def build(lines: list[str]) -> tuple[list[Row], list[ParseWarning]]:
    furniture = page_furniture(lines)
    widths = _column_widths(lines, furniture)
    rows = _rows(lines, furniture, widths)
    bounds = _table_bounds(rows)
    if not any(_may_be_centred(rows[start:end]) for start, end in bounds):
        return header_columns(rows), []
    # cells centred on their rows: the text read again with a line of one word between two rows' lines taken as a
    # cell wrapped around its row's other cell (a field's text too), not as the end of the line before it; where
    # tables are read so, a table whose labels do not fit (by its header's line) is the table as first read
    again = _rows(lines, furniture, widths, centred=True)
    first = {rows[start - 1].line_start: rows[start:end] for start, end in bounds}
    out: list[Row] = []
    fitted = False
    k = 0
    for start, end in _table_bounds(again):
        block = _centred_block(again[start:end], widths)
        fitted = fitted or block is not None
        out.extend(again[k:start])
        out.extend(block if block is not None else first.get(again[start - 1].line_start, again[start:end]))
        k = end
    return header_columns(out + again[k:] if fitted else rows), []


_LEVEL_ROLES = {0: ("group",), 1: ("level1",), 2: ("level2",), 1.5: ("level1", "level2")}


def header_columns(rows: list[Row], short_only: bool = False) -> list[Row]:
    """The columns of the indicator tables' rows by their header line rather than by their count of words: a row
    leaves out the level cells merged with the rows above it, so its level labels go to their level's column and,
    where it has as many other cells as the header has columns after its level columns, those go to these columns
    one after another (a row's name under the name's column, not under 二级指标); a row with fewer leaves them
    unplaced (which of its columns are blank the text does not say). ``short_only``: rows as wide as the header
    keep their columns (a layout that prints blank cells: only a row that leaves merged cells out is placed)."""
    for start, end in _table_bounds(rows):
        roles = [tx.header_role_of(match_key(text)) for text in rows[start - 1].texts()]
        labelled = [j for j, role in enumerate(roles) if role in ("group", "level1", "level2")]
        if not labelled:
            continue
        content = labelled[-1] + 1  # the first column after the level columns
        for row in rows[start:end]:
            if short_only and (len(row.cells) >= len(roles) or len(row.cells) < 2):
                continue
            at = 0
            others = []
            for cell in row.cells:
                seq = next((j for j in range(at, content) if roles[j] == "seq"), None)
                if not others and seq is not None and cell.text.isdigit():
                    cell.col = seq  # the row's number (序号)
                    at = seq + 1
                    continue
                level = None if others else _label_level(cell.text)
                if level is None and not others and is_label_like(cell.text):
                    level = 1.5  # a label the vocabulary does not know (制度指标): a level column
                if level is None or at >= content:  # (a label after the level columns: a name, 数量指标)
                    others.append(cell)
                    continue
                # its level's column, or (a level the header has no column for: 产出指标 on a row of its own over
                # 二级指标 | 三级指标 | 指标值) the next level column, or where it stands
                cell.col = next((j for j in range(at, content) if roles[j] in _LEVEL_ROLES[level]),
                                next((j for j in range(at, content) if roles[j] in ("level1", "level2")), at))
                at = cell.col + 1
            # a cell one space after the one before may be the rest of it (7 岁以下儿童健康管理率)
            groups = 1 + sum(1 for cell in others[1:] if not cell.soft) if others else 0
            placed = len(others) == len(roles) - content or groups == len(roles) - content
            k = content - 1
            for n, cell in enumerate(others):
                k += 1 if n == 0 or len(others) == len(roles) - content or not cell.soft else 0
                cell.col = k if placed else None
    return rows


def _rows(lines: list[str], furniture: set[int], widths: Widths, centred: bool = False) -> list[Row]:
    rows: list[Row] = []
    pending: list[tuple[int, str]] = []  # a tall label printed one word per line
    tail = ""  # the text the last row's last cell has on its last line
    skip = 0  # a line already read with the line before

    def flush() -> None:
        nonlocal tail
        if pending:
            text = "".join(word for _, word in pending)
            first, last = pending[0][0], pending[-1][0]
            rows.append(Row(cells=[Cell(text, first, last, col=0)], line_start=first, line_end=last))
            tail = text
            pending.clear()

    for number, line in enumerate(lines, 1):
        if number - 1 in furniture:
            continue  # a page's date line, address and page number, in the middle of a table copied from a PDF
        key = match_key(line)
        if not key:
            flush()
            continue
        words, gaps = words_of(line)
        if 1 < len(words) <= 4 and all(g == " " for g in gaps[1:]) and is_target_value("".join(words)) \
                and not any(is_form_label(w) or is_label_like(w) for w in words) \
                and (VALUE_START.match(words[0]) or words[0].startswith("每")):
            words, gaps = [" ".join(words)], [""]  # 每人 400 元-3000: a line that is one target is one cell
        if number == skip:
            continue  # the second half of a field's text centred on its label's line, taken with that line
        follows = rows and not pending and rows[-1].line_end == number - 1
        empty = _field_around(lines, number) if follows and rows[-1].line_start == number - 1 else None
        if empty is not None and len(rows[-1].cells) == 1:
            # a field's text wrapped over two lines with its label's line between them (the labels centred on
            # their row: 05-行政教科文 / 主管部门 实施单位 平罗县司法局本级 / 室): the two halves fill the field
            above = rows.pop()
            words = words[:empty + 1] + [above.cells[0].text + lines[number].strip()] + words[empty + 1:]
            gaps = gaps[:empty + 1] + [" "] + gaps[empty + 1:]
            rows.append(Row(cells=[Cell(w, number - 1 if k == empty + 1 else number,
                                        number + 1 if k == empty + 1 else number, col=k, soft=g == " ")
                                   for k, (w, g) in enumerate(zip(words, gaps))],
                            line_start=number - 1, line_end=number + 1))
            tail, skip = words[-1], number + 1
            continue
        opened = _label_left_open(rows, words[0], number) if not pending else None
        if opened is not None:
            # a label wrapped inside its box, its end on the next line (项目资金（万 16.00 … / 元）), or on the line
            # after the row's text centred beside it (项目资金（万 / 18.47 其中：… / 元） 区级资金 18.47): the end
            # goes back on the label, a centred line between goes on after it, the line's other words are a row
            k, at = opened
            row, label = rows[k], rows[k].cells[at]
            row.cells[at] = Cell(label.text + words[0], label.line_start, number, col=label.col, soft=label.soft)
            if k == len(rows) - 2:
                between = rows.pop()
                row.cells[at + 1:at + 1] = between.cells
                for col, cell in enumerate(row.cells):
                    cell.col = col
            row.line_end = number
            if len(words) > 1:
                cells = [Cell(w, number, number, col=i, soft=g == " ") for i, (w, g) in enumerate(zip(words[1:],
                                                                                                          gaps[1:]))]
                rows.append(Row(cells=cells, line_start=number, line_end=number))
                tail = words[-1]
            continue
        ends_value = follows and len(words) == 1 and _value_end(rows[-1].cells[-1].text, words[0])
        # (a value in words wrapped over this line and the next, 支出金额控制在预 / 算额度内: no name's end)
        below = [w for w in _SPLIT.split(lines[number].strip()) if w] if number < len(lines) else []
        words_below = len(words) == 1 and len(below) == 1 and not is_qualitative_value(words[0]) \
            and not is_qualitative_value(below[0]) and is_qualitative_value(words[0] + below[0])
        if follows and _field_around(lines, number + 1) is None and not words_below \
                and (_wraps(rows[-1], words, tail, widths) or ends_value) \
                and not (centred and len(words) == 1 and not closes_bracket(rows[-1].cells[-1].text, words[0])
                         and not ends_value) \
                and not (centred and _below_a_value_alone(rows)):
            # the previous row's last cell goes on here (a PDF copied row by row wraps long cells): it takes this
            # line's first word, the row the rest
            row, last = rows[-1], rows[-1].cells[-1]
            # a value that filled its column is a cell of its own, not the end of the name before it
            soft = last.soft and not (widths.last is not None and _is_value_cell(row, widths.last))
            row.cells[-1] = Cell(last.text + words[0], last.line_start, number, col=last.col, soft=soft)
            row.cells.extend(Cell(w, number, number, col=len(row.cells) + i, soft=True)
                             for i, w in enumerate(words[1:]))
            row.line_end = number
            tail = words[-1]
            continue
        if follows and not centred and _value_below(rows[-1], words, widths.last):
            # a name alone on its line (with its labels), its value on the next line (wrapped over lines of its
            # own: ``热线咨询量全年70000人次`` / ``≥70000热线全年`` / ``接话量达到70000`` / ``人次``)
            row = rows[-1]
            row.cells.append(Cell(words[0], number, number, col=len(row.cells)))
            row.line_end = number
            tail = words[0]
            below = lines[number].strip() if number < len(lines) else ""
            if _name_end_below(row, below, lines[number + 1] if number + 1 < len(lines) else ""):
                # ... and the name's end on the line after its whole value, the name centred on it (召开县委全面
                # 依法治市县委员会会议 / ≥1 次 / 和有关协调会议、专题会议), a new row on the line after
                name = row.cells[-2]
                row.cells[-2] = Cell(name.text + below, name.line_start, number + 1, col=name.col, soft=name.soft)
                row.line_end = number + 1
                skip = number + 1
            continue
        if len(words) == 1 and _SHORT_WORD.match(words[0]):
            if is_level(words[0]) or (pending and is_level(pending[-1][1])):
                flush()  # 产出指标 / 数量指标: two labels on lines of their own, not one label broken up
            pending.append((number, words[0]))
            continue
        flush()
        words, gaps = _wrapped_in_line(words, gaps, widths)
        cells = [Cell(word, number, number, col=i, soft=gap == " ") for i, (word, gap) in enumerate(zip(words, gaps))]
        rows.append(Row(cells=cells, line_start=number, line_end=number))
        tail = words[-1]
    flush()
    return rows


def _label_level(text: str) -> Optional[float]:
    """1 or 2 where ``text`` is a level-1 or level-2 label, 1.5 where it may be either (成本指标), 0 for the group
    label (绩效指标), else None."""
    key = match_key(text)
    first, second = tx.level1_of(key), tx.level2_of(key)
    if first or second:
        return 1.5 if first and second else (1 if first else 2)
    return 0 if tx.header_role_of(key) == "group" else None


def _is_header(keys: list[str]) -> bool:
    """Words (match keys) of an indicator table's header line: three column names or more, the name's or the
    value's among them (一级指标 二级指标 三级指标 指标值)."""
    roles = [r for r in (tx.header_role_of(key) for key in keys) if r and r != "group"]
    return len(roles) >= 3 and ("name" in roles or "value" in roles)


def _table_bounds(rows: list[Row]) -> list[tuple[int, int]]:
    """(first, after the last) of the rows of each indicator table: from below a header line to the next header,
    field or title."""
    heads = [len(row.cells) >= 3 and _is_header([match_key(t) for t in row.texts()]) for row in rows]
    bounds = []
    k = 0
    while k < len(rows):
        k += 1
        if not heads[k - 1]:
            continue
        end = k
        while end < len(rows) and not heads[end] and not _ends_table(rows[end]):
            end += 1
        bounds.append((k, end))
        k = end
    return bounds


def _ends_table(row: Row) -> bool:
    """A row that begins with a field's label or a title (项目名称, 项目支出绩效目标表): no row of the table above."""
    texts = row.texts()
    key = match_key(texts[0]) if texts else ""
    return bool(key) and bool(tx.field_of(key) or tx.title_suffix_of(key))


def _table_levels(table: list[Row]) -> tuple[list[list], list[bool]]:
    """Per row, the level of each cell's text (1, 2, 0 for the group label, None for no label), and whether the
    row is labels only. 成本指标 is a level-1 label where the table has cost kinds below it (经济成本指标), else a
    level-2 one."""
    levels = [[_label_level(t) for t in row.texts()] for row in table]
    kinds = any(level == 2 and "成本" in text for row, ls in zip(table, levels) for text, level in zip(row.texts(), ls))
    levels = [[(1 if kinds else 2) if level == 1.5 else level for level in ls] for ls in levels]
    for k, row in enumerate(table):
        # a label's note wrapped onto a line of its own (服务对象满意度指标 / … / （必填）): no row of the table
        if len(row.cells) == 1 and _LABEL_NOTE.match(row.cells[0].text) and any(
                level is not None for j in range(max(0, k - 2), k) for level in levels[j]):
            levels[k] = [0]
    return levels, [bool(ls) and all(level is not None for level in ls) for ls in levels]


_LABEL_NOTE = re.compile(r"^[（(][\u4e00-\u9fff]{1,4}[)）]$")


def _may_be_centred(table: list[Row]) -> bool:
    """The table's first row is no line of labels alone (labels above their rows), and a label stands on a line of
    its own between rows without a label of its level (聘请常年法律顾问人数 / 数量指标 / 代理案件数量). (A first
    row with its level-1 label on its line may be a block of one row centred so: the fit decides.)"""
    levels, alone = _table_levels(table)
    if not table or alone[0]:
        return False

    def lacks(k: int, level: float) -> bool:  # row k is a row of the table without a label of that level
        return 0 <= k < len(table) and not alone[k] and level not in levels[k]

    return any(alone[k] and any(level in (1, 2) and lacks(k - 1, level) and lacks(k + 1, level)
                                for level in levels[k]) for k in range(len(table)))


def _centred_block(table: list[Row], widths: Widths) -> Optional[list[Row]]:
    """Level labels centred on their block of rows, as a PDF read by lines of one height gives them: a label stands
    on a line of its own amid its rows, or on its middle row's line. Where labels stand alone between rows without
    them (:func:`_may_be_centred`), each label is given the rows around it: the
    blocks of each level share out the table's height (a level-2 label's, its level-1 label's rows) so that every
    label stands in the middle of its block, as near as the lines tell; a row counts as many lines as its tallest
    cell. The labels go in front of the rows, their own lines go. Tables whose labels do not fit so (a label far
    from the middle of its block, level-2 labels under level-1 labels of another kind) give None."""
    if not _may_be_centred(table):
        return None
    levels, alone = _table_levels(table)
    # the rows of the table (its label lines left out), a cell wrapped around its row's line joined back on it
    parts = []
    for k, row in enumerate(table):
        if alone[k]:
            continue
        inline = [(cell, level) for cell, level in zip(row.filled(), levels[k]) if level in (1, 2)] \
            if levels[k][0] is not None else []
        rest = [cell for cell, level in zip(row.filled(), levels[k]) if level not in (1, 2, 0)] \
            if levels[k][0] is not None else row.filled()
        parts.append(_Part(inline, _value_as_one(rest), row.line_start, row.line_end, row.table, 1))
    label_lines = {n for k, row in enumerate(table) if alone[k] for n in range(row.line_start, row.line_end + 1)}
    merged = _wrapped_around(parts, widths, label_lines)
    # labels are centred by height: a row whose cells take two lines (a value wrapped around its name's line) is
    # twice as tall as a row of one line
    counts = [part.line_end - part.line_start + 1 for part in merged]
    heights = [part.height or (count - 1 if count >= 3 else count) for part, count in zip(merged, counts)]
    tops = [0]  # per row: the height of the rows above it
    for height in heights:
        tops.append(tops[-1] + height)
    firsts = [0]  # per row: how many of the table's lines of rows stand before it
    for part in merged:
        firsts.append(firsts[-1] + part.rows)
    # per level: (label cell, height of the rows above its middle)
    marks: dict[int, list[tuple[Cell, float]]] = {1: [], 2: []}
    raw = 0
    for k, row in enumerate(table):
        if not alone[k]:
            raw += 1
            continue
        g = bisect_right(firsts, raw) - 1
        # below the rows wholly before this line, or amid the row whose lines stand around it
        at = tops[g] + (heights[g] / 2 if g < len(merged) and firsts[g] < raw else 0)
        for cell, level in zip(row.filled(), levels[k]):
            if level in (1, 2):
                marks[level].append((cell, at))
    for m, part in enumerate(merged):
        lines = part.line_end - part.line_start + 1
        for cell, level in part.inline:  # where its line stands in the row (the line of a row of one line: its middle)
            marks[level].append((cell, tops[m] + (cell.line_start - part.line_start + 0.5) * heights[m] / lines))
    centres = [top + height / 2 for top, height in zip(tops, heights)]
    given: dict[int, dict[int, Cell]] = {1: {}, 2: {}}
    # each level's labels share out their rows: level-1 labels the table's height, level-2 labels each level-1
    # label's rows (or the table's, where there are no level-1 labels)
    segments = [(0.0, float(tops[-1]), marks[1])]
    for level in (1, 2):
        spans = []
        for top, bottom, labels in segments:
            labels = sorted(labels, key=lambda mark: mark[1])
            bounds = _centred_bounds([middle for _, middle in labels], top, bottom)
            if bounds is None:
                return None
            for (cell, _), a, b in zip(labels, bounds, bounds[1:]):
                spans.append((a, b, cell))
                for c, centre in enumerate(centres):
                    if a <= centre < b:
                        given[level][c] = cell
        if level == 1:
            inside = [[(cell, middle) for cell, middle in marks[2] if a <= middle < b] for a, b, _ in spans]
            segments = [(a, b, labels) for (a, b, _), labels in zip(spans, inside) if labels] if spans \
                else [(0.0, float(tops[-1]), marks[2])]
    if not _kinds_agree(given, len(merged)):
        return None
    out = []
    for c, part in enumerate(merged):
        labels = [Cell(given[lv][c].text, given[lv][c].line_start, given[lv][c].line_end)
                  for lv in (1, 2) if c in given[lv]]
        cells = labels + part.rest
        for col, cell in enumerate(cells):
            cell.col = col
        out.append(Row(cells=cells, line_start=min([part.line_start] + [x.line_start for x in labels]),
                       line_end=max([part.line_end] + [x.line_end for x in labels]), table=part.table))
    return out


# how far (in lines) a label may stand from the middle of the rows the labels around it leave it
CENTRE_SLACK = 1.5


def _centred_bounds(middles: list[float], top: float, bottom: float) -> Optional[list[float]]:
    """Where the blocks of rows of labels centred at ``middles`` (heights from the table's top, in order) begin and
    end, the first at ``top``, the last at ``bottom``: each label in the middle of its block, as near as the lines
    tell (the error shared evenly among the labels). None where a label stands more than ``CENTRE_SLACK`` from
    the middle of its block, or a block has no height: labels that are not centred on their rows."""
    if not middles:
        return [top, bottom]
    forward = [top]
    for middle in sorted(middles):
        forward.append(2 * middle - forward[-1])
    n = len(middles)
    error = (bottom - forward[-1]) / (2 * n)  # each label's distance from its block's middle
    if abs(error) > CENTRE_SLACK:
        return None
    bounds = [top]
    for k, middle in enumerate(sorted(middles)):
        bounds.append(2 * (middle + error * (-1) ** (n - 1 - k)) - bounds[-1])
    if any(b <= a for a, b in zip(bounds, bounds[1:])):
        return None
    return bounds


def _kind(given: dict[int, dict[int, Cell]], level: int, c: int) -> Optional[str]:
    """The canonical level-1 kind of row ``c``'s label of ``level`` (for a level-2 label, its parent)."""
    cell = given[level].get(c)
    if cell is None:
        return None
    key = match_key(cell.text)
    return tx.level1_of(key) if level == 1 else tx.parent_of(tx.level2_of(key) or "")


def _kinds_agree(given: dict[int, dict[int, Cell]], count: int) -> bool:
    """Most rows with both labels have a level-2 label of their level-1 label's kind; labels at the top of their
    rows read as centred do not (数量指标 under the 效益指标 standing below its rows)."""
    both = [c for c in range(count) if _kind(given, 1, c) and _kind(given, 2, c)]
    return sum(1 for c in both if _kind(given, 1, c) != _kind(given, 2, c)) * 2 <= len(both)


@dataclass
class _Part:
    """A row of a table whose labels are centred on their rows: its labels on its line (cell, level), its other
    cells, its lines, its table, and how many of the lines' rows it is (a cell wrapped around its line joined)."""

    inline: list
    rest: list
    line_start: int
    line_end: int
    table: object
    rows: int
    height: Optional[int] = None  # in lines, where the pieces joined tell it (else from its lines)


def _wrapped_around(parts: list[_Part], widths: Widths, label_lines: set[int]) -> list[_Part]:
    """Cells wrapped over lines around the line of their row's other cell (cells centred on their row, read by
    lines of one height), joined back on the row; the pieces stand on lines of their own next to the row's:

    - a value's halves above and below its name (``2024年12月31日`` / ``装备购置完成时间`` / ``前``), a name's halves
      above and below its value (``应诉胜诉率;…;案件`` / ``数量指标 ≤0.4%`` / ``调解率``): the middle is the value
      where it is a target, or where the halves are of a text as wide as the name column and it is not;
    - a value over three lines, its middle line beside the name (``≥70000热线全年`` / ``热线咨询量全年70000人次
      接话量达到70000`` / ``人次``);
    - a name's halves above and below its value's line (``使用社区矫正信息系统平台司法所数`` / ``≥11个`` / ``量``);
    - a name and a value both wrapped over two lines, the row's level label on the line between them
      (``考试工作严格按照国家部署和工作计 ≤国家部署和工作`` / ``时效指标`` / ``划进行 计划规定时间``).

    Lines of level labels alone (``label_lines``) may stand between the pieces."""

    def next_to(end: int, start: int) -> bool:  # line ``start`` follows line ``end``, label lines between
        return start > end and all(n in label_lines for n in range(end + 1, start))

    out: list[_Part] = []
    k = 0
    while k < len(parts):  # first the names of four lines and more, then the rest
        long_name = _long_name_around(out, parts, k, widths, next_to)
        if long_name is None:
            out.append(parts[k])
            k += 1
            continue
        t, name = long_name
        del out[-t:]
        out.append(_Part(_levels_once([x for p in parts[k - t:k + t + 1] for x in p.inline]),
                         [name, parts[k].rest[-1]], parts[k - t].line_start, parts[k + t].line_end,
                         parts[k].table, 2 * t + 1, 2 * t + len(parts[k].rest) - 1))
        k += t + 1
    parts, out, k = out, [], 0
    while k < len(parts):
        part = parts[k]
        rest = part.rest
        nxt = parts[k + 1] if k + 1 < len(parts) else None
        below = nxt is not None and len(nxt.rest) == 1 and next_to(part.line_end, nxt.line_start) \
            and not is_form_label(nxt.rest[0].text)
        prev = out[-1] if out else None
        above = prev is not None and prev.rows == 1 and len(prev.rest) == 1 \
            and next_to(prev.line_end, part.line_start) and not is_form_label(prev.rest[0].text)
        joined = None
        if above and below and len(rest) == 1 and not VALUE_START.match(nxt.rest[0].text):
            top, bottom = prev.rest[0], nxt.rest[0]
            whole = Cell(top.text + bottom.text, top.line_start, bottom.line_end)
            wide = widths.name is not None and display_width(top.text) >= widths.name - FULL_SLACK \
                and display_width(rest[0].text) < widths.name - FULL_SLACK
            if VALUE_START.match(rest[0].text) or (wide and not VALUE_START.match(top.text)):
                joined = [whole, rest[0]]
            else:
                joined = [rest[0], whole]
        elif above and below and len(rest) == 2 and VALUE_START.match(prev.rest[0].text) \
                and not is_target_value(rest[0].text):
            top, bottom = prev.rest[0], nxt.rest[0]
            joined = [rest[0], Cell(top.text + rest[1].text + bottom.text, top.line_start, bottom.line_end)]
        if joined is not None:
            out[-1] = _Part(_levels_once(prev.inline + part.inline + nxt.inline), joined, prev.line_start,
                            nxt.line_end, part.table, 3, len(rest) + 1)
            k += 2
            continue
        if below and len(rest) == 2 and rest[1].line_start == rest[0].line_end + 1 \
                and rest[1].line_end == nxt.line_start - 1 and VALUE_START.match(rest[1].text) \
                and not VALUE_START.match(nxt.rest[0].text) and not is_target_value(nxt.rest[0].text):
            name, tail = rest[0], nxt.rest[0]
            out.append(_Part(_levels_once(part.inline + nxt.inline),
                             [Cell(name.text + tail.text, name.line_start, tail.line_end), rest[1]],
                             part.line_start, tail.line_end, part.table, 2))
            k += 2
            continue
        if prev is not None and prev.rows == 1 and len(rest) == 2 and len(prev.rest) == 2 \
                and part.line_start == prev.line_end + 2 \
                and _fills_both(prev.rest, widths) and not any(VALUE_START.match(c.text) for c in rest) \
                and all(display_width(end.text) < display_width(start.text) for start, end in zip(prev.rest, rest)):
            (name, value), (name_end, value_end) = prev.rest, rest
            out[-1] = _Part(_levels_once(prev.inline + part.inline),
                            [Cell(name.text + name_end.text, name.line_start, name_end.line_end),
                             Cell(value.text + value_end.text, value.line_start, value_end.line_end)],
                            prev.line_start, part.line_end, part.table, 2)
            k += 1
            continue
        after = parts[k + 2] if k + 2 < len(parts) else None
        if below and len(rest) == 1 and part.rows == 1 and not VALUE_START.match(rest[0].text) \
                and not _a_value(rest[0].text) and (VALUE_START.match(nxt.rest[0].text) and is_target_value(
                    nxt.rest[0].text.replace(" ", "")) or is_qualitative_value(nxt.rest[0].text)) \
                and (after is None or not next_to(nxt.line_end, after.line_start) or len(after.rest) != 1
                     or _a_value(after.rest[0].text)):
            # a name alone (with its labels), then its whole target alone on the next line, then a row of its own,
            # not the name's other half (培训费支出标准 / ≤550元（每人每天）: Chrome's PDF viewer copies a row so
            # when a cell wraps)
            out.append(_Part(_levels_once(part.inline + nxt.inline), [rest[0], nxt.rest[0]], part.line_start,
                             nxt.line_end, part.table, 2))
            k += 2
            continue
        out.append(part)
        k += 1
    return out


def _value_as_one(cells: list[Cell]) -> list[Cell]:
    """A target printed in pieces one space apart (``≥30 人``, ``每次 2500 元左右``) as one cell, after a name or
    alone on its line."""
    at = next((k for k in range(len(cells) - 1) if is_target_value("".join(c.text for c in cells[k:]))), None)
    if at is None:
        return cells
    value = Cell(" ".join(c.text for c in cells[at:]), cells[at].line_start, cells[-1].line_end, col=cells[at].col)
    return cells[:at] + [value]


def _long_name_around(out: list[_Part], parts: list[_Part], k: int, widths: Widths, next_to) \
        -> Optional[tuple[int, Cell]]:
    """A name of three lines or more centred around its value's line (``协助司法所开展公共法律服务、社区`` /
    ``矫正人员和安置帮教人员管理、矛盾`` / ``社会效益指标（必填） 长效`` / ``纠纷化解等工作,强化基层法治服务力`` /
    ``量,提升法治服务水平。``): row ``k`` is the value, alone or after the name's middle line, as many of the
    name's lines above it (the rows read last, each filling the name column) as below it (each filling it but the
    last). (How many lines stand on each side, the name) or None."""
    rest = parts[k].rest
    if widths.name is None or not 1 <= len(rest) <= 2 or (len(rest) == 1 and (
            display_width(rest[0].text) >= widths.name - FULL_SLACK or is_form_label(rest[0].text))):
        return None

    def piece(part: _Part) -> bool:
        return part.rows == 1 and len(part.rest) == 1 and not VALUE_START.match(part.rest[0].text) \
            and not is_form_label(part.rest[0].text)

    def full(part: _Part) -> bool:
        return display_width(part.rest[0].text) >= widths.name - FULL_SLACK

    above = 0
    while above < len(out) and piece(out[-1 - above]) and full(out[-1 - above]) \
            and next_to(out[-1 - above].line_end, (out[-above].line_start if above else parts[k].line_start)):
        above += 1
    below = 0
    while k + 1 + below < len(parts) and piece(parts[k + 1 + below]) \
            and next_to(parts[k + below].line_end, parts[k + 1 + below].line_start):
        below += 1
        if not full(parts[k + below]):
            break  # the name's last line
    t = min(above, below)
    if t < (1 if len(rest) == 2 else 2):  # (a name of two lines around its value's line: _wrapped_around's)
        return None
    pieces = [p.rest[0] for p in out[-t:]] + ([rest[0]] if len(rest) == 2 else []) \
        + [p.rest[0] for p in parts[k + 1:k + 1 + t]]
    return t, Cell("".join(c.text for c in pieces), pieces[0].line_start, pieces[-1].line_end)


def _fills_both(cells: list[Cell], widths: Widths) -> bool:
    """A name and a value that each fill their column (both wrapped; their second lines are the shorter)."""
    return widths.name is not None and widths.last is not None \
        and display_width(cells[0].text) >= widths.name - FULL_SLACK \
        and display_width(cells[1].text) >= widths.last - FULL_SLACK


def _levels_once(inline: list) -> list:
    """The first label of each level among a joined row's labels."""
    seen: set = set()
    return [(cell, level) for cell, level in inline if not (level in seen or seen.add(level))]


# slack of a piece that fills its column: two Chinese characters (one more would not fit, or it would leave a
# closing sign at the start of the next line)
FULL_SLACK = 4
MIN_WRAP = 8


@dataclass(frozen=True)
class Widths:
    """The widths (:func:`display_width`) of the indicator tables' name column and last column: the width two
    pieces reach (a cell wrapped over lines fills its column), None where too few pieces say."""

    name: Optional[int] = None
    last: Optional[int] = None


def _column_widths(lines: list[str], furniture: set[int]) -> Widths:
    """From the rows of the indicator tables — from a header line (``一级指标 二级指标 三级指标 指标值``) to the
    next field or title: the last word of a row with a name and a value, and a target alone on its line, for the
    last column; for names, the first
    word after the labels and the lines of one word that is neither a label nor a value (a name's wrapped lines)."""
    names: list[int] = []
    last: list[int] = []
    in_table = False
    for k, line in enumerate(lines):
        words = [w for w in _SPLIT.split(line.strip()) if w]
        if k in furniture or not words:
            continue
        keys = [match_key(w) for w in words]
        if _is_header(keys):
            in_table = True
            continue
        if tx.field_of(keys[0]) or tx.title_suffix_of(keys[0]):
            in_table = False
        if not in_table:
            continue
        content = [w for w in words if not is_form_label(w)]
        if len(content) >= 2 or (content and _OPERATOR.match(content[0])):
            last.append(display_width(content[-1]))  # a value after its name, or alone on its line
        if content and (len(content) >= 2 or not VALUE_START.match(content[0])):
            names.append(display_width(content[0]))
    return Widths(widest(names), widest(last))


def _fills(tail: str, word: str, width: int) -> bool:
    """``tail`` fills a column about ``width`` wide and ``word``, some text, fits in it (no wider than the column
    or ``tail``): the column's text wrapped. A column too narrow for four Chinese characters says nothing (a
    column of scores, ``12``)."""
    room = max(width, display_width(tail))
    return display_width(tail) >= max(width - FULL_SLACK, MIN_WRAP) and display_width(word) <= room + 1 \
        and bool(re.search(r"[^\W_]", word))


def _is_value_cell(row: Row, width: Optional[int]) -> bool:
    """The row's last cell stands after its name, or is a target: it opens with an operator, or with a digit and
    is no wider than the tables' last column (``12348热线受益人达到60000人次`` is a name)."""
    text = row.cells[-1].text
    if not all(is_form_label(c.text) for c in row.cells[:-1]) or _OPERATOR.match(text):
        return True
    return bool(VALUE_START.match(text)) and (width is None or display_width(text) <= width + 1)


def _value_below(row: Row, words: list[str], width: Optional[int]) -> bool:
    """A line that is the value of ``row`` (the line before), a name with its labels and no value: one word that
    opens a target with an operator, or with a digit and no wider than the tables' value column."""
    cell, word = row.cells[-1], words[0]
    if len(words) != 1 or is_form_label(cell.text) or _is_value_cell(row, width):
        return False
    if _OPERATOR.match(word):
        return True
    return width is not None and word[0].isdigit() and display_width(word) <= width + 1


def _wrapped_in_line(words: list[str], gaps: list[str], widths: Widths) -> tuple[list[str], list[str]]:
    """A cell's wrapped end one space after its first line on the same line, as pypdf writes a row whose cells
    wrapped: a name that fills the name column and a few words that are no value, label or number, with the row's
    value after them (``提前退休人员为社区积极贡献，发挥 余热 长期持久``, ``…;案件 调解率 ≤0.4%``), is one name;
    a target's last characters (``每人每年 250 元左 右``) are the target's."""
    if len(words) < 2:
        return words, gaps
    out, out_gaps = [words[0]], [gaps[0]]
    for k in range(1, len(words)):
        word, gap, before = words[k], gaps[k], out[-1]
        if gap == " " and len(word) <= 2 and _CJK_CHARACTER.match(word) and not is_target_value(word) \
                and is_target_value(before) and is_target_value(before + word) and VALUE_START.search(before):
            out[-1] = before + word  # 250 元左 右
            continue
        if gap == " " and k + 1 < len(words) and widths.name is not None \
                and display_width(before) >= widths.name - FULL_SLACK and display_width(word) <= widths.name \
                and _CJK_CHARACTER.match(word) and not is_form_label(word) and not is_form_label(before) \
                and not is_target_value(word) and not is_qualitative_value(word) and not VALUE_START.match(before) \
                and not is_target_value(before) and (_a_value("".join(words[k + 1:])) or _OPERATOR.match(words[k + 1])):
            out[-1] = before + word  # …发挥 余热 | 长期持久, …工作计 划进行 | ≤国家部署…
            continue
        if gap == " " and k == len(words) - 1 and VALUE_START.match(before) and _CJK_CHARACTER.search(before[-1]) \
                and _CJK_CHARACTER.match(word) and not is_target_value(before) and not _a_value(word) \
                and not is_form_label(word) and any(not is_form_label(w) for w in out[:-1]):
            out[-1] = before + word  # ≥0.85援助案件完 成率达85%以上, ≤国家部署和工作 计划规定时间: the row's
            continue  # last words, after its name, go on its value
        out.append(word)
        out_gaps.append(gap)
    return out, out_gaps


def _value_end(value: str, word: str) -> bool:
    """``word``, a line of its own right after the value ``value`` (a value's wrapped line: ``2024年12月31日`` /
    ``前``, ``每人 400 元-3000`` / ``元``, ``每人每年 250 元左`` / ``右``, as Chrome's PDF viewer copies a cell), is
    its end: a unit or a value's last word that makes a target of it."""
    if not (VALUE_START.match(value) or value.startswith("每")) or len(word) > 3 \
            or not is_target_value(value.replace(" ", "") + word):
        return False
    if word in value_tails():
        return True
    if _unit_word(word):
        return value.rstrip()[-1:].isdigit()  # (≤20万元 is whole: 支 below it is another text's)
    # (a value cut mid-word, 250 元左 / 右; a bare number's next line, 1 / 截, is the next row's)
    end = value.rstrip()[-1:]
    return len(word) == 1 and bool(_CJK_CHARACTER.match(end)) \
        and (not is_target_value(value) or match_unit(end, 0) is None)


def _a_value(text: str) -> bool:
    return is_target_value(text) or is_qualitative_value(text)


def _below_a_value_alone(rows: list[Row]) -> bool:
    """The last row is the end of a name centred on its value (``召开县委全面依法治市县委员会会议`` / ``≥1 次`` /
    ``和有关协调会议、专题会议``): a text alone on its line, after a value alone on its line, after a text alone on
    its line; the next line begins a row of its own."""
    if len(rows) < 3 or any(len(r.cells) != 1 for r in rows[-3:]):
        return False
    top, value, end = (r.cells[0].text for r in rows[-3:])
    lines = [r.line_start for r in rows[-3:]]
    return rows[-3].line_start == rows[-3].line_end and lines[1] == rows[-3].line_end + 1 \
        and lines[2] == rows[-2].line_end + 1 and bool(VALUE_START.match(value)) \
        and not VALUE_START.match(top) and not VALUE_START.match(end) \
        and not is_form_label(top) and not is_form_label(end)


def _name_end_below(row: Row, below: str, after: str) -> bool:
    """``below``, the line after the value ``row`` took from the line under its name, is the end of that name:
    one word, no label, value or unit, the value a whole target, the name one line above it, and the line after
    ``below`` a row with a value of its own."""
    words = [w for w in _SPLIT.split(below) if w]
    following = [w for w in _SPLIT.split(after.strip()) if w]
    if len(words) != 1 or len(row.cells) < 2 or not is_target_value(row.cells[-1].text) \
            or row.cells[-2].line_end != row.cells[-2].line_start:
        return False  # (a name of several lines above its value is whole: its value comes after it, as pypdf sets)
    word = words[0]
    if VALUE_START.match(word) or is_form_label(word) or _unit_word(word) or NAME_MARK.match(word) \
            or not re.match(r"[\u4e00-\u9fff]", word):
        return False
    return any(is_target_value("".join(following[k:])) for k in range(1, len(following)))


def _wraps(row: Row, words: list[str], tail: str, widths: Widths) -> bool:
    """A line whose first word goes on with the last cell of ``row`` (the line before), whose text on that line is
    ``tail``: a value that filled the tables' last column (``≤国家部署和工作`` / ``计划规定时间``, ``每人400元-3000``
    / ``元``) continued by a word that fits in it, alone on its line; without such a column, a value starting with
    an operator or digit stopped mid-text; or a long name — the row's first cell after its labels — that does not
    end as a name does (``考试工作严格按照国家部署和工作计`` / ``划进行``); never a label, a value of its own or a
    numbered or starred name."""
    cell, word = row.cells[-1], words[0]
    if closes_bracket(cell.text, word):
        return True  # ≤550元（每人每 / 天）, 项目资金（万 / 元）
    if is_form_label(cell.text) or is_form_label(word) or NAME_MARK.match(word) or _LIST_NUMBER.match(word) \
            or _OPERATOR.match(word) or is_labelled_field(word) or tx.title_suffix_of(match_key(cell.text)):
        return False  # (a field written label：content, 项目名称：抚恤金, or the line after a title, begins a row)
    if _is_value_cell(row, widths.last):
        if len(words) != 1:
            return False
        if VALUE_START.match(word) and not _ENDS_CJK.search(tail):
            return False  # a number does not go on after a number (≤100% / 100%: two values)
        if widths.last is not None:
            return _fills(tail, word, widths.last)
        return bool(VALUE_START.match(cell.text)) and not VALUE_START.match(word) and bool(_ENDS_CJK.search(tail))
    if VALUE_START.match(word) or (len(words) == 1 and is_qualitative_value(word) and not is_qualitative_value(tail)) \
            or (len(words) == 1 and word.startswith("每") and is_target_value(word.replace(" ", ""))):
        return False  # (…政策解读等服务 / 显著提升: a value in words alone on its line is the name's value)
    if widths.name is not None and _fills(tail, word, widths.name):
        return True
    return len(re.findall(r"[\u4e00-\u9fff]", tail)) >= 8 and bool(_WRAPPED_END.search(tail)) \
        and not cell.text.endswith(ANY_ENDING)


def _field_around(lines: list[str], number: int) -> Optional[int]:
    """Where line ``number`` (1-based) has two field labels side by side (主管部门 实施单位), the first with no text,
    and the lines before and after it are one word each that is no label (05-行政教科文 / 室): the index of that
    first label, whose text those two lines are; else None."""
    if number < 2 or number >= len(lines):
        return None
    around = [[w for w in _SPLIT.split(lines[k].strip()) if w] for k in (number - 2, number)]
    if any(len(words) != 1 or is_form_label(words[0]) or tx.title_suffix_of(match_key(words[0]))
           for words in around):
        return None
    keys = [match_key(w) for w in _SPLIT.split(lines[number - 1].strip()) if w]
    return next((k for k in range(len(keys) - 1) if tx.field_of(keys[k]) and tx.field_of(keys[k + 1])), None)


def _label_left_open(rows: list[Row], word: str, number: int) -> Optional[tuple[int, int]]:
    """(row, cell) of the form label whose bracket ``word``, the first on line ``number``, closes (``项目资金（万`` /
    ``元）``): a label of the row on the line before, or of the row before that where one line stands between (the
    row's text centred on the label's lines); None if there is none."""
    candidates = []
    if rows and rows[-1].line_end == number - 1:
        candidates.append(len(rows) - 1)
        if len(rows) > 1 and rows[-1].line_start == number - 1 and rows[-2].line_end == number - 2:
            candidates.append(len(rows) - 2)
    for k in candidates:
        at = next((i for i, cell in enumerate(rows[k].cells)
                   if closes_bracket(cell.text, word) and is_form_label(cell.text)), None)
        if at is not None:
            return k, at
    return None


def is_level(word: str) -> bool:
    """``word`` is a level-1 or level-2 label of the vocabulary."""
    key = match_key(word)
    return bool(key) and bool(tx.level1_of(key) or tx.level2_of(key))


def _named_target(words: list[str]) -> bool:
    """``words`` are a name (four Chinese characters or more) and a target (an operator or a number first)."""
    return len(re.findall(r"[\u4e00-\u9fff]", words[0])) >= 4 and bool(VALUE_START.match(words[1])) \
        and not VALUE_START.match(words[0])


def score(lines: list[str]) -> float:
    """Share of the text (by characters) in lines of three or more short space-separated words, or of a name and
    its target (after the row's number, if it has one)."""
    content = content_lines(lines)
    if not content:
        return 0.0
    total = sum(len(line.strip()) for line in content)
    spaced = structured = 0
    for line in content:
        stripped = line.strip()
        if "\t" in stripped or stripped.count("|") >= 1:
            structured += len(stripped)
            continue
        words = [w for w in _SPLIT.split(stripped) if w]
        if len(words) == 3 and words[0].isdigit() and len(words[0]) <= 3:
            words = words[1:]  # 1  指标1.药品抽验品种  ≥3: a row's number before its name and target
        cjk_words = [w for w in words if _CJK_CHARACTER.search(w)]
        if len(words) >= 3 and len(cjk_words) >= 2 and len(stripped) / len(words) <= 14 \
                and not wrap_gapped(stripped):
            spaced += len(stripped)
        elif len(words) == 2 and _named_target(words) and " " + words[1] in stripped and "   " not in stripped:
            # a name and its target one or two spaces apart, the row's labels on lines of their own or none (a PDF
            # copied row by row, a table without level columns; text laid out by position sets its columns apart
            # by longer runs of spaces)
            spaced += len(stripped)
    return spaced / total * (1 - structured / total)
