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
from dataclasses import dataclass
from typing import Optional

from ingest import taxonomy as tx
from ingest.grid import Cell, ParseWarning, Row, match_key
from ingest.readers.families.common import (NAME_MARK, VALUE_START, closes_bracket, content_lines, display_width,
                                            is_form_label, is_labelled_field, is_target_value, page_furniture,
                                            widest)
from ingest.readers.families.run_together import ANY_ENDING, wrap_gapped
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

    furniture = page_furniture(lines)
    widths = _column_widths(lines, furniture)
    for number, line in enumerate(lines, 1):
        if number - 1 in furniture:
            continue  # a page's date line, address and page number, in the middle of a table copied from a PDF
        key = match_key(line)
        if not key:
            flush()
            continue
        words, gaps = words_of(line)
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
        if follows and _field_around(lines, number + 1) is None and _wraps(rows[-1], words, tail, widths):
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
        if follows and _value_below(rows[-1], words, widths.last):
            # a name alone on its line (with its labels), its value on the next line (wrapped over lines of its
            # own: ``热线咨询量全年70000人次`` / ``≥70000热线全年`` / ``接话量达到70000`` / ``人次``)
            row = rows[-1]
            row.cells.append(Cell(words[0], number, number, col=len(row.cells)))
            row.line_end = number
            tail = words[0]
            continue
        if len(words) == 1 and _SHORT_WORD.match(words[0]):
            if _is_level(words[0]) or (pending and _is_level(pending[-1][1])):
                flush()  # 产出指标 / 数量指标: two labels on lines of their own, not one label broken up
            pending.append((number, words[0]))
            continue
        flush()
        cells = [Cell(word, number, number, col=i, soft=gap == " ") for i, (word, gap) in enumerate(zip(words, gaps))]
        rows.append(Row(cells=cells, line_start=number, line_end=number))
        tail = words[-1]
    flush()
    return _centred_labels(rows), []


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


def _centred_labels(rows: list[Row]) -> list[Row]:
    """Level labels centred on their block of rows, as a PDF read by lines of one height gives them: a label stands
    on a line of its own amid its rows (after the first half of them), or on its middle row's line. Where a table's
    first row after its header has no label and labels stand alone further down, each label is given to the rows
    around it — as many after it as before it, counted from the end of the block before — and put in front of each
    of them; the labels' own lines go. Other tables are left as they are."""
    out: list[Row] = []
    k = 0
    while k < len(rows):
        out.append(rows[k])
        k += 1
        if not _is_header([match_key(t) for t in rows[k - 1].texts()]):
            continue
        end = k
        while end < len(rows) and not _is_header([match_key(t) for t in rows[end].texts()]) and not (
                tx.field_of(match_key(rows[end].texts()[0])) or tx.title_suffix_of(match_key(rows[end].texts()[0]))):
            end += 1
        out.extend(_centred_block(rows[k:end]))
        k = end
    return out


def _centred_block(table: list[Row]) -> list[Row]:
    levels = [[_label_level(t) for t in row.texts()] for row in table]
    # 成本指标 is a level-1 label where the table has cost kinds below it (经济成本指标), else a level-2 one
    kinds = any(level == 2 and "成本" in text for row, ls in zip(table, levels) for text, level in zip(row.texts(), ls))
    levels = [[(1 if kinds else 2) if level == 1.5 else level for level in ls] for ls in levels]
    alone = [bool(ls) and all(level is not None for level in ls) for ls in levels]
    if not table or alone[0] or levels[0][0] is not None:
        return table

    def lacks(k: int, level: float) -> bool:  # row k is a row of the table without a label of that level
        return 0 <= k < len(table) and not alone[k] and level not in levels[k]

    # labels centred on their rows stand between rows without them (聘请常年法律顾问人数 / 数量指标 / 代理案件数量),
    # at least twice; a heading stands before its rows (产出指标 / 产出数量指标 享受资助人数 2100)
    between = sum(1 for k in range(len(table)) if alone[k] and any(
        level in (1, 2) and lacks(k - 1, level) and lacks(k + 1, level) for level in levels[k]))
    if between < 2:
        return table
    content = [k for k in range(len(table)) if not alone[k]]
    # per level: (label cell, rows before it among the content rows, on a content row's line)
    marks: dict[int, list[tuple[Cell, int, bool]]] = {1: [], 2: []}
    before = 0
    for k, row in enumerate(table):
        for cell, level in zip(row.filled(), levels[k]):
            if level in (1, 2):
                marks[level].append((cell, before, not alone[k]))
            elif level is None:
                break
        before += not alone[k]
    given: dict[int, dict[int, Cell]] = {1: {}, 2: {}}
    for level, labels in marks.items():
        start = 0
        for cell, before, inline in labels:
            half = max(before - start, 0)
            stop = min(len(content), max(before + half + (1 if inline else 0), start + 1))
            for c in range(start, stop):
                given[level][c] = cell
            start = stop
    out = []
    for c, k in enumerate(content):
        row = table[k]
        rest = [cell for cell, level in zip(row.filled(), levels[k]) if level not in (1, 2, 0)] \
            if levels[k][0] is not None else row.filled()
        labels = [Cell(given[lv][c].text, given[lv][c].line_start, given[lv][c].line_end)
                  for lv in (1, 2) if c in given[lv]]
        cells = labels + rest
        for col, cell in enumerate(cells):
            cell.col = col
        out.append(Row(cells=cells, line_start=min([row.line_start] + [x.line_start for x in labels]),
                       line_end=max([row.line_end] + [x.line_end for x in labels]), table=row.table))
    return out


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
    if VALUE_START.match(word):
        return False
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


def _is_level(word: str) -> bool:
    key = match_key(word)
    return bool(tx.level1_of(key) or tx.level2_of(key))


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
