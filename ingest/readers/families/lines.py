"""One cell per line with nothing between rows (``line_cells``).

Many PDF and Word text extractions put every filled cell of a table on a line of its own, in reading order, with no
blank line, tab or rule where a row ends; merged and empty cells leave no line at all::

    一级指标
    二级指标
    三级指标
    指标值
    产出指标
    数量指标
    发放人数
    =1人

Every line is a cell of a row of its own and the interpreter reads the cells in order (as for ``paragraph_cells``):
which cells make a row is read from the header, the vocabulary and the target-value grammar. A cell the extraction
wrapped over two lines is marked where the text shows it (the first line stops inside a bracket, or the second
line is a lone closing bracket), or where the first line is as wide as the lines the extraction broke (several lines
of running text reach exactly that width): the second line joins the first one's row, its boundary marked as one
that may cut through a cell, and the interpreter decides.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional, Sequence

from ingest import taxonomy as tx
from ingest.grid import Cell, ParseWarning, Row, match_key
from ingest.readers.families.common import (NAME_MARK, VALUE_START, closes_bracket, content_lines, display_width,
                                            has_form_words, is_form_label, is_labelled_field, is_target_value,
                                            page_furniture, value_tails)
from ingest.readers.families.run_together import cover
from ingest.values import match_unit
from ingest.qualitative import is_qualitative_value

# a line that is not one cell: cells split by a tab, a pipe or a run of spaces, or an indented line (a tree)
_SEVERAL = re.compile(r"\t|\||\S(?:\s{2,}|\u3000)\S|^\s{2,}\S")
_SEPARATOR = re.compile(r"^[\s|｜]*$")
_OPEN = re.compile(r"[(（][^()（）]*$")
_CLOSE_ONLY = re.compile(r"^[^()（）]{0,6}[)）]")


def _is_cell(piece: str) -> bool:
    return is_form_label(piece) or is_target_value(piece)


def _holds_cells(line: str) -> bool:
    """Cells side by side one space apart: two labels or values of the form (``20辆 20辆``), words and then a
    target value (``疫苗使用率 100%``), or a label and then words (``项目名称 法律职业资格考试费``); or the same
    a colon apart (``疫苗使用率：≥90%``, ``项目名称：法律职业资格考试费``: a line of labelled or numbered items)."""
    pieces = line.split()
    if len(pieces) >= 2 and (sum(1 for p in pieces if _is_cell(p)) >= 2 or is_target_value(pieces[-1])
                             or is_form_label(pieces[0])):
        return True
    before, colon, after = line.strip().rpartition("：" if "：" in line else ":")
    return bool(colon and before.strip() and after.strip()) and (
        is_target_value(after.strip()) or is_form_label(before.strip().split("：")[0].split(":")[0]))


def _name_end(text: str) -> bool:
    """A short label word that also ends names (满意度, 完成率): after a line broken at the column's width it is the
    name's end, not a level label (those print 指标: 满意度指标) nor a field of the form (主管部门, 实施单位)."""
    key = match_key(text).replace(" ", "")
    return len(key) <= 4 and is_form_label(key) and not key.endswith("指标") and not is_target_value(key) \
        and not tx.field_of(key)


_OTHER_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]")


def _width(text: str) -> int:
    """A line's display width with every kind of space one column wide, as the plain space it stands for (a
    full-width or no-break space copied from a page is no wider a gap than the space it replaced)."""
    return display_width(_OTHER_SPACES.sub(" ", text))


def _full_widths(texts: list[str]) -> set[int]:
    """The widths at which the extraction wrapped cells: widths that three or more lines of running text (not a
    label or a value of the form) reach exactly, at least four Chinese characters wide, no narrower than the
    typical such line, and that few lines pass by a little — a column's text breaks where the column ends, so its
    broken lines are all as wide and none is wider. Titles do not count (a page's title repeated on every page is
    no column)."""
    widths = [_width(t) for t in texts if not _is_cell(t) and not tx.title_suffix_of(match_key(t))]
    if len(widths) < 3:
        return set()
    typical = sorted(widths)[len(widths) // 2]
    counts: dict[int, int] = {}
    for w in widths:
        counts[w] = counts.get(w, 0) + 1
    # a ceiling: lines pile up at that width and hardly any line of running text is a little wider
    return {w for w, n in counts.items() if n >= 3 and w >= max(8, typical)
            and n >= 3 * sum(counts.get(w + d, 0) for d in range(1, 9))}


# signs a line does not begin with: a typesetter carries the character before them down with them
_NO_LINE_START = "，。、；：？！）》」』】”’%‰,.;:?!)"
_FIRST_UNIT = re.compile(r"[0-9A-Za-z.%‰]+|.")


def _fills(text: str, following: str, full: set[int]) -> bool:
    """``text`` filled its line: the first character of ``following`` (a run of digits or Latin letters as one,
    with a sign that cannot begin a line, ``育、``) would not fit beside it in a column as wide as one the
    extraction wrapped at — the column's text went on to the next line because there was no room (and it is no
    more than two characters short of that width — a long number would not fit beside a short piece either — or
    one wider where it holds a half-width sign, narrower than its count)."""
    width = _width(text)
    first = _FIRST_UNIT.match(following)
    if not first:
        return False
    unit = first.group()
    if len(unit) > 1 and not is_target_value(text):
        unit = unit[0]  # a number after words: only a line filled to the last character went on (治疗 / 100)
    rest = following[len(unit):]
    if rest[:1] and rest[0] in _NO_LINE_START:
        unit += rest[0]
    narrow = any(display_width(c) == 1 and not c.isspace() for c in text)  # a half-width sign or digit in it
    return any(w - 4 <= width <= w + narrow and w < width + display_width(unit) for w in full)


_OPERATOR_ALONE = re.compile(r"^(?:[≥≤=<>＝≧≦═]{1,2}|>=|<=)$")
_BARE_NUMBER = re.compile(r"^\d+(?:\.\d+)?%?$")


def build(lines: list[str]) -> tuple[list[Row], list[ParseWarning]]:
    cells: list[Cell] = []
    for number, line in enumerate(lines, 1):
        if match_key(line) and not _SEPARATOR.match(line):
            words = header_words_of(line.strip()) or [line.strip()]
            cells.extend(Cell(w, number, number) for w in words)
    return _assemble(_operators_behind(cells)), []


def header_words_of(line: str) -> Optional[list[str]]:
    """``二级指标指标内容指标值备注``: an indicator header whose cells the extraction ran together on one line, three
    words of the header aliases or more and nothing else; None for any other line."""
    key = re.sub(r"\s", "", line)
    if len(key) < 8 or not key.startswith(_header_words_start()):
        return None
    words = cover(key, _header_words())
    return words if words and len(words) >= 3 else None


@lru_cache(maxsize=1)
def _header_words() -> tuple[str, ...]:
    data = tx.load_aliases()["indicator_header"]
    return tuple(sorted({w for role, aliases in data.items() if not role.startswith("_") for w in aliases
                         if len(w) >= 2}, key=len, reverse=True))


@lru_cache(maxsize=1)
def _header_words_start() -> tuple[str, ...]:
    return tuple(w for w in _header_words() if len(w) >= 3)


# two or three spaces between words: a viewer's copy spaces words by their gap on the page, not a column's run
_NARROW_GAP = re.compile(r"(?<=\S)[ \u00a0]{2,3}(?=\S)")
_ONE_SPACE = re.compile(r"(?<=\S)[ \u00a0](?=\S)")


def _spaced_by_words(lines: Sequence[str]) -> bool:
    """Words set one space apart mostly, two or three now and then (a viewer spacing them by their gap on the
    page): the runs of two or three are gaps between words too. Where they are as many as single spaces, they set
    cells apart as columns (space_columns)."""
    single = sum(len(_ONE_SPACE.findall(line)) for line in lines)
    runs = sum(len(_NARROW_GAP.findall(line)) for line in lines)
    return runs > 0 and runs <= single


_WIDE_GAPS = re.compile(r"\t|\||\S(?:\s{4,}|\u3000)\S|^\s{2,}\S")


def build_stream(lines: list[str]) -> tuple[list[Row], list[ParseWarning]]:
    """Cells one after another, several on a line one space apart (a PDF copied row by row): every word of a line
    is a cell (a number and its unit one word), the words after a line's first in its row, their boundaries soft.
    Quotation marks the extraction put at the end of the line before, with nothing between them (``“ ”`` /
    ``以奖代补 资``: set in another font, they come out first), go back into the gaps they left (:func:`_quoted`)."""
    from ingest.readers.families.spaces import words_of

    cells: list[Cell] = []
    furniture = page_furniture(lines)
    quotes = False  # a pair of quotation marks waiting for the words they enclose
    narrow = _spaced_by_words(lines)
    for number, line in enumerate(lines, 1):
        if number - 1 in furniture or not match_key(line) or _SEPARATOR.match(line):
            continue
        if narrow:
            line = _NARROW_GAP.sub(" ", line)
        if quotes:
            line = _quoted(line)
        words = words_of(line, values=True)[0]
        quotes = len(words) >= 2 and words[-2:] == ["“", "”"] or bool(words) and words[-1] == "“”"
        if quotes:
            words = words[:-2] if words[-1] == "”" else words[:-1]
        cells.extend(Cell(word, number, number) for word in words)
    cells = _operators_behind(cells)
    full = _full_widths([c.text for c in cells])
    return _assemble(_parallel_wraps(cells, full), full), []


_CJK_GAP = re.compile(r"(?<=[\u4e00-\u9fff、，）)]) (?=[\u4e00-\u9fff（(])")


def _quoted(line: str) -> str:
    """``line`` with the quotation marks the line before lost put back where the extraction left a gap between two
    Chinese characters: in the first two such gaps (``人民调解 以案定补 等专项经费`` → 人民调解“以案定补”等专项经费),
    or at the line's start and its one such gap (``以奖代补 资`` → “以奖代补”资)."""
    text = line.strip()
    gaps = [m.start() for m in _CJK_GAP.finditer(text)]
    if len(gaps) >= 2:
        a, b = gaps[:2]
        return text[:a] + "“" + text[a + 1:b] + "”" + text[b + 1:]
    if gaps:
        return "“" + text[:gaps[0]] + "”" + text[gaps[0] + 1:]
    return "“" + text + "”"


def _operators_behind(cells: list[Cell]) -> list[Cell]:
    """An operator the extraction put after its number (``100%`` / ``≧``, ``735`` / ``≧ 人次``: the sign set in
    another font comes out last) goes before it again, with the unit that follows it on its line."""
    out: list[Cell] = []
    k = 0
    while k < len(cells):
        cell = cells[k]
        previous = out[-1] if out else None
        if previous is not None and _OPERATOR_ALONE.match(cell.text) and _BARE_NUMBER.match(previous.text) \
                and previous.line_end + 1 == cell.line_start \
                and (k + 1 == len(cells) or cells[k + 1].line_start != cell.line_start
                     or _unit_only(cells[k + 1].text)):
            text, end = cell.text + previous.text, cell.line_end
            if k + 1 < len(cells) and cells[k + 1].line_start == cell.line_start:
                k += 1
                text += cells[k].text
            out[-1] = Cell(text, previous.line_start, end)
        else:
            out.append(cell)
        k += 1
    return out


def _unit_only(text: str) -> bool:
    unit = match_unit(text, 0)
    return unit is not None and unit == text


class _Tails:
    """The text of a cell's last line, for cells joined over lines (the fill test measures that line). Keyed by the
    cell itself — by identity, holding it, so that no later cell can take a freed one's id."""

    def __init__(self) -> None:
        self._by_id: dict[int, tuple[Cell, str]] = {}

    def set(self, cell: Cell, text: str) -> None:
        self._by_id[id(cell)] = (cell, text)

    def get(self, cell: Cell) -> str:
        entry = self._by_id.get(id(cell))
        return entry[1] if entry is not None and entry[0] is cell else cell.text

    def pop(self, cell: Cell) -> Optional[str]:
        entry = self._by_id.pop(id(cell), None)
        return entry[1] if entry is not None and entry[0] is cell else None


def _parallel_wraps(cells: list[Cell], full: set[int]) -> list[Cell]:
    """Cells side by side that wrapped together: a line whose words go on with the words of the line above that
    stopped short, in order (``项目资金（万 57.60 其中：本级预 57.60`` / ``元） 算``; ``可持续影响指 建立健全社会
    建立健全`` / ``标 矛盾纠纷调处``) — each closes a bracket, completes a label or goes on with running text that
    filled its line, one of them at least a bracket or a label — is joined to them word by word."""
    lines: list[list[Cell]] = []
    for cell in cells:
        if lines and lines[-1][0].line_start == cell.line_start:
            lines[-1].append(cell)
        else:
            lines.append([cell])
    # lines laid out by baseline (cells at the top of their boxes, each line the row's words at that height, as
    # pdfplumber and some viewers give them): labels broken with other cells after them on their line go on at the
    # next line's start (seen twice at least) more often than labels broken at their line's end do (text in the
    # order the cells were drawn, pdftotext -raw: a cell's lines one after another)
    inner = sum(1 for above, words in zip(lines, lines[1:])
                if len(above) >= 2 and any(_completes(top.text, words[0].text) for top in above[:-1]))
    at_end = sum(1 for above, words in zip(lines, lines[1:]) if _completes(above[-1].text, words[0].text))
    baseline = inner >= 2 and inner > at_end
    out: list[list[Cell]] = []
    tails = _Tails()  # a word joined with the one below it: the text of its last line
    merged = False  # the line above took the words of the line below it
    for words in lines:
        above = out[-1] if out else []
        if len(above) >= 2 and above[0].line_end + 1 == words[0].line_start:
            pairs = _pairs(above, words, full, tails, merged, baseline) if len(words) <= len(above) else None
            rest: list[Cell] = []
            if pairs is None and len(words) >= 2 and _is_value(words[-1]):
                # the line's first words complete a label above, the rest is the next row (服务对象满意 学生满意度
                # ≧95% / 度指标等 家长满意度 ≧95%)
                for cut in range(min(len(words) - 1, len(above)), 0, -1):
                    pairs = _pairs(above, words[:cut], full, tails, False, False)
                    if pairs is not None and not _is_value(words[cut]):
                        rest = words[cut:]
                        break
                    pairs = None
            if pairs is not None:
                for at, cell in pairs:
                    top = above[at]
                    above[at] = Cell(top.text + cell.text, top.line_start, cell.line_end)
                    tails.set(above[at], cell.text)
                for at in range(len(above)):
                    if above[at].line_end != words[0].line_end:
                        tail = tails.pop(above[at])
                        above[at] = Cell(above[at].text, above[at].line_start, words[0].line_end)
                        if tail is not None:
                            tails.set(above[at], tail)
                merged = not rest
                if rest:
                    out.append(rest)
                continue
        merged = False
        out.append(words)
    return [cell for words in out for cell in words]


# a name that begins with a number and its unit (7岁以下儿童, 0-6岁儿童眼): the grammar reads a target, the words
# after the unit say a name
_WORDY_TARGET = re.compile(r"^\d+(?:[-~]\d+)?\s?[^\W\d_]?[\u4e00-\u9fff]{3,}$")
_LIST_GOES_ON = ("、", "，", ",")  # a cell's line never ends with these where the cell ends
_BRACKET_ONLY = re.compile(r"[（(][^（）()]{1,6}[）)]")  # （必填）: a label's bracketed end


def _completes(top: str, word: str) -> bool:
    """``word`` closes the bracket ``top`` left open or completes the label ``top`` began (可持续影响指 / 标,
    社会效益指标 / （必填）)."""
    return closes_bracket(top, word) or ((len(word) <= 4 or _BRACKET_ONLY.fullmatch(word) is not None)
                                         and is_form_label(top + word) and not is_form_label(word))


def _pairs(above: list[Cell], words: list[Cell], full: set[int], tails: _Tails, merged: bool,
           baseline: bool) -> Optional[list[tuple[int, Cell]]]:
    """Which word of ``above`` each of ``words`` goes on with, in order, or None. Without a bracket closed or a
    label completed, only below a line that went on so already, or, in lines laid out by baseline, below a row's
    first line that ends with its value (cells at the top of their boxes: the name's rest comes below)."""
    if any(tx.title_suffix_of(c.text) or NAME_MARK.match(c.text) or is_labelled_field(c.text) for c in words):
        return None  # a title, a numbered name or a field begins rows of its own
    pairs: list[tuple[int, Cell]] = []
    strong = merged or (baseline and _is_value(above[-1])
                        and not any(_is_cell(c.text) and not _name_end(c.text) for c in words))
    cut = False  # the last word of ``above`` goes on too: a value cut short (2024年12月 / 31日前)
    at = 0
    for cell in words:
        while at < len(above):
            top = above[at].text
            if _completes(top, cell.text):
                strong = True
                break
            tail = tails.get(above[at])
            if _date_cut(tail, cell.text) or _range_cut(tail, cell.text) or _value_end(tail, cell.text):
                strong = cut = True
                break
            if (not _is_cell(top) or (baseline and at == len(above) - 1)) \
                    and (not _is_cell(cell.text) or _name_end(cell.text)) and _fills(tail, cell.text, full):
                cut = cut or at == len(above) - 1  # (by baseline, a value in words goes on as a name does)
                break
            at += 1
        if at == len(above):
            return None
        pairs.append((at, cell))
        at += 1
    strong = strong or (baseline and len(pairs) >= 2)  # two cells going on side by side, by baseline
    return pairs if strong and (cut or pairs[-1][0] < len(above) - 1) else None


def _assemble(cells: list[Cell], full: Optional[set[int]] = None) -> list[Row]:
    """Rows of the cells in order: a cell on the line after the last one's, where that one filled its line, goes
    on with it (or may: the interpreter decides at a soft boundary); a cell beside the last one on its line is
    the same row's, its boundary soft; any other cell begins a row."""
    full = _full_widths([c.text for c in cells]) if full is None else full
    # a unit column (度量单位, 计量单位): a unit alone on its line is that column's cell, not a value's wrapped end
    units_apart = any(len(c.text) <= 6 and tx.header_role_of(c.key) == "unit" for c in cells)
    rows: list[Row] = []
    tails = _Tails()  # a cell joined over lines: the text of its last line
    for k, cell in enumerate(cells):
        previous = cells[k - 1] if k else None
        if previous is not None and rows and previous.line_start == cell.line_start:
            cell.soft = True  # one space after the last cell on its line: the interpreter decides
            rows[-1].cells.append(cell)
            continue
        below = previous is not None and previous.line_end + 1 == cell.line_start and bool(rows)
        # a date, range or value cut short: one value for certain
        cut = below and (_date_cut(previous.text, cell.text) or _range_cut(previous.text, cell.text)
                         or (_alone(cells, k) and not units_apart and _value_end(previous.text, cell.text)))
        wrapped = below and (cut or bool(_OPEN.search(previous.text)) or bool(_CLOSE_ONLY.match(cell.text))
                             or (_fills(previous.text, cell.text, full) and _may_go_on(previous.text, cell.text)))
        if wrapped and (is_labelled_field(cell.text) or (len(cell.text) >= 6 and tx.title_suffix_of(cell.text))
                        or (NAME_MARK.match(cell.text) and not cell.text.lstrip().startswith("其中"))):
            # a field written label：content (年度资金总额：71万元), a whole title (项目支出绩效目标表), a numbered or
            # starred name (指标2:, ★) begins a row of its own
            wrapped = False
        if wrapped:
            last = rows[-1].cells[-1]
            joined = last.text + cell.text
            if cut:
                kept = "join"
            elif closes_bracket(last.text, cell.text) or last.text.endswith(_LIST_GOES_ON):
                kept = "join"  # a bracket closed (成本指标(0- / 20)分), a list going on (社会、经济、 / 生态效益指标)
            elif (_is_cell(joined) or tx.title_suffix_of(joined)) and not _is_cell(last.text) \
                    and not tx.title_suffix_of(last.text) and not is_form_label(cell.text):
                kept = "join"  # a label, value or title broken: one cell for certain
            elif _value_tail(cell.text) and is_target_value(last.text) and _open_value(previous.text):
                kept = "join"  # 每人每年250元 / 左右: the end of a value that filled its line
            elif is_form_label(cell.text) and not _name_end(cell.text):
                kept = "row"  # a level or field label begins a cell of its own
            elif _operator_cell(cell.text) or tx.is_basis_phrase(cell.text) or _BARE_NUMBER.match(cell.text):
                # an operator (=, 定量), a basis or a bare number alone (计划标准, 3): a cell of its own, or a tail
                # (a unit may be a name's wrapped end: 满意 / 度, 发放达60 / %)
                kept = "soft"
            elif not (_is_cell(cell.text) or is_qualitative_value(cell.text)) or _name_end(cell.text):
                kept = "join"  # running text that goes on with words that are not a value of their own
            else:
                kept = "soft"  # a value or a qualitative phrase: it may end the cell above, or be the next cell
        else:
            kept = "row"
        if kept == "join":
            rows[-1].cells[-1] = Cell(joined, last.line_start, cell.line_end, soft=last.soft)
            rows[-1].line_end = cell.line_end
            tails.set(rows[-1].cells[-1], cell.text)
        elif kept == "soft":
            cell.soft = True  # the boundary before it may cut through one cell: the interpreter decides
            rows[-1].cells.append(cell)
            rows[-1].line_end = cell.line_end
        else:
            rows.append(Row(cells=[cell], line_start=cell.line_start, line_end=cell.line_end))
    return _names_around_values(rows, tails, full)


def _names_around_values(rows: list[Row], tails: _Tails, full: set[int]) -> list[Row]:
    """A name printed around its value (the value set at the middle or the top of a tall cell comes out between
    the name's lines: ``进一步调动人`` / ``作积极性，有`` / ``显著提高`` / ``效把矛盾纠纷`` …, ``化解纠纷案件 ≥15件`` /
    ``数``): the lines after the value go on with the name when the name's line before the value filled it, they
    are words (not a value, a unit, a label, a basis, a title or a numbered name), they are three characters or
    fewer, go on over lines themselves or follow a value beside the name's line or below a name over lines (a
    whole name on a line of its own after a one-line name and its value on lines of their own is the next cell: a
    remark, a basis), and no value follows them (a name of their own would have one). Words that may be a value
    wrapped at their end (…社会和谐 / 稳定) go with them where the value stands between the name's lines (not
    beside its first: a tall cell's value set at its middle)."""
    out: list[Row] = []
    for k, row in enumerate(rows):
        first = row.cells[0]
        before = out[-1].cells if out else []
        value = before[-1] if before else None
        name_row = out[-1] if len(before) >= 2 else (out[-2] if len(out) >= 2 else None)
        name = (before[-2] if len(before) >= 2 else (out[-2].cells[-1] if len(out) >= 2 else None))
        if value is not None and not _is_value(value):
            # the name's line goes on with its value and more cells after it (实际完成值, 分值, 得分: 法治文艺演出
            # =2场 2场 10 10 / 场次): the name is the cell before the first value, all of them on one line
            for j in range(1, len(before)):
                if _is_value(before[j]) and not _is_cell(before[j - 1].text) \
                        and all(c.line_start == before[j - 1].line_end for c in before[j:]):
                    name, value, name_row = before[j - 1], before[j], out[-1]
                    break
        after = rows[k + 1].cells[0] if k + 1 < len(rows) else None
        # words that end the name's last line and may be a value (…社会和谐 / 稳定): the name has its value
        ends = row.cells[1:]
        if value is not None and name is not None and name_row is not None \
                and all(c.soft and c.line_start > first.line_start and not VALUE_START.match(c.text) for c in ends) \
                and (not ends or name.line_end > name.line_start) \
                and not first.soft and value.line_end + 1 == first.line_start \
                and value.line_start <= name.line_end + 1 and _is_value(value) \
                and not _is_cell(name.text) and not _is_cell(first.text) and not is_qualitative_value(first.text) \
                and (len(first.text) <= 3 or first.line_end > first.line_start or name.line_end > name.line_start
                     or (value.soft and value.line_start == name.line_end) or _goes_on(first.text)) \
                and not VALUE_START.match(first.text) \
                and not tx.is_basis_phrase(first.text) and not tx.title_suffix_of(first.text) \
                and not is_labelled_field(first.text) and not NAME_MARK.match(first.text) \
                and _CJK_TEXT.search(first.text) is not None and not _value_tail(first.text) \
                and (_fills(tails.get(name), first.text, full) or _goes_on(first.text)) \
                and (after is None or not _is_value(after)):
            at = name_row.cells.index(name)
            last = row.cells[-1]
            name_row.cells[at] = Cell(name.text + "".join(c.text for c in row.cells), name.line_start, last.line_end,
                                      soft=name.soft)
            out[-1].line_end = max(out[-1].line_end, last.line_end)
            continue
        out.append(row)
    return out


_CJK_TEXT = re.compile(r"[\u4e00-\u9fff]")
# words a cell never begins with: what follows them goes on with the text before (屠宰率 / 100% / 及检疫率)
_GOES_ON_RE = re.compile(r"(?:及(?![时格早])|以及|、)")


def _goes_on(text: str) -> bool:
    return bool(_GOES_ON_RE.match(text))


def _is_value(cell: Cell) -> bool:
    return (_is_cell(cell.text) and not is_form_label(cell.text)) or is_qualitative_value(cell.text)


_BRACKETED = re.compile(r"[(（][^()（）]{1,12}[)）]")  # 元（每人每天）: a unit and what it is counted by
# the head of a date cut at the end of a line: 2024年12月, 2023年11 (its 月 below), 2024年, 5月
_DATE_HEAD = re.compile(r"^[≥≤<>=]?\s?(?:\d{4}\s?年(?:\s?\d{1,2}(?:\s?月)?)?|\d{1,2}\s?月)$")
_DATE_REST = re.compile(r"^\d{1,2}\s?[月日]")
_AFTER_MONTH = "底末初前中上下"  # 10月底, 12月末, 3月前, 5月中旬, 6月上旬


def _date_cut(upper: str, lower: str) -> bool:
    """A date broken after its year, its month's number or its month (``2024年12月`` / ``31日前``, ``≤2023年11`` /
    ``月底``, ``2023年10月`` / ``底``): never two cells."""
    if not _DATE_HEAD.search(upper):
        return False
    if upper[-1].isdigit():
        return lower.startswith("月")
    rest = _DATE_REST.match(lower)
    if upper[-1] == "年":
        return rest is not None and rest.group()[-1] == "月"
    return (rest is not None and rest.group()[-1] == "日") or lower[:1] in _AFTER_MONTH


_RANGE_OPEN = re.compile(r"\d\s?[\u4e00-\u9fff%]{0,3}\s?[-~～—至到]$")


def _range_cut(upper: str, lower: str) -> bool:
    """A range broken after its dash (``每人400元-`` / ``3000元``): the value goes on."""
    return bool(_RANGE_OPEN.search(upper)) and lower[:1].isdigit() and is_target_value(upper)


def _may_go_on(upper: str, lower: str) -> bool:
    """Where ``upper`` filled its line, ``lower`` may be its rest: ``upper`` is running text, or a value that stops
    where a unit or a word that ends values goes on (每人每年 250 / 元左右), or a name that begins with a number and
    its unit (7 岁以下儿童 / 健康管理率) followed by words that are nothing of their own."""
    if not _is_cell(upper):
        return True
    if _value_tail(lower) and _open_value(upper):
        return True
    return _WORDY_TARGET.match(upper) is not None and _CJK_TEXT.match(lower) is not None and not _is_cell(lower) \
        and not is_qualitative_value(lower)


def _alone(cells: list[Cell], k: int) -> bool:
    return (k + 1 == len(cells) or cells[k + 1].line_start != cells[k].line_start) \
        and (k == 0 or cells[k - 1].line_start != cells[k].line_start)


def _value_end(upper: str, lower: str) -> bool:
    """``lower``, one or two characters alone on their line, end the target value above (``每人400元-3000`` /
    ``元``, ``每人每年250元左`` / ``右``): the value's column was too narrow for them, wherever the column ends. They
    are the unit after its number, a word that ends values (前) or the end of one (左 / 右); or a unit, however
    long, after a bare number (``4583.33`` / ``元/人/月``)."""
    if _BARE_NUMBER.match(upper) and _value_tail(lower):
        return True  # 4583.33 / 元/人/月
    if len(lower) <= 2 and is_target_value(upper) and _unit_cut(upper, lower):
        return True  # 每年5-10万 / 元
    if len(lower) > 2 or _is_cell(lower) or not is_target_value(upper) or not is_target_value(upper + lower):
        return False
    joined = upper + lower
    return (upper[-1].isdigit() and _value_tail(lower)) or lower in value_tails() \
        or any(joined.endswith(word) and len(word) > len(lower) for word in value_tails())


def _unit_cut(upper: str, lower: str) -> bool:
    """``lower`` completes a unit that ``upper`` began (万 / 元, 人 / 次; not a number: 2km / 2 is no m2)."""
    if not lower or lower[0].isdigit():
        return False
    joined = upper + lower
    for k in range(1, 3):
        piece = joined[-(len(lower) + k):]
        if piece[:1].isdigit():
            break
        if match_unit(piece, 0) == piece and match_unit(upper[-k:], 0) != upper[-k:]:
            return True
    return False


def _open_value(text: str) -> bool:
    """A value that can go on with a unit or a word that ends values: it stops at a digit (每人每年 250 / 元左右) or
    a sign (``-``), or midway through such a word (每人每年250元左 / 右) — not after one (95%以上 / 度)."""
    stripped = text.rstrip()
    if not stripped:
        return False
    if stripped[-1].isdigit() or stripped[-1] in "-~～—至到（(":
        return True
    return any(stripped.endswith(word[:k]) for word in value_tails() if len(word) >= 2 for k in range(1, len(word)))


def _operator_cell(text: str) -> bool:
    """An operator alone, as a symbol (``≥``) or a word of an operator or kind column (定量, 定性, 不低于)."""
    from ingest.interpret.tokens import OP, content_class

    return bool(_OPERATOR_ALONE.match(text)) or content_class(match_key(text)) == OP


def _value_tail(text: str) -> bool:
    """What ends a value wrapped at its column's end: a word of the value grammar (左右, 以上, 前), a unit, or a
    unit and such a word (元左右)."""
    if text in value_tails():
        return True
    unit = match_unit(text, 0)
    rest = text[len(unit):] if unit else ""
    return unit is not None and (not rest or rest in value_tails() or bool(_BRACKETED.fullmatch(rest)))


def score(lines: Sequence[str]) -> float:
    """How much the text looks like one cell per line: less four times the share of its lines that hold several
    cells (cells side by side are strong evidence of another layout), times the share that are a whole label of
    the form or a whole target value (at least a third of the lines in a table of this kind), less the blank or
    bare ``|`` lines between them (a layout that separates rows or cells so is another family's); a tenth of that
    where the header shows two column groups side by side."""
    if not has_form_words(lines):
        return 0.0
    content = [line for line in content_lines(lines) if not _SEPARATOR.match(line)]
    if len(content) < 8:
        return 0.0
    plain = [line for line in content if not _SEVERAL.search(line.rstrip())]
    if len(plain) <= 0.75 * len(content):  # a quarter of the lines split by tabs, pipes or spaces: no chance
        return 0.0
    single = [line for line in plain if not _holds_cells(line)]
    whole = sum(1 for line in single if _is_cell(line.strip()))
    text = [bool(match_key(line)) and not _SEPARATOR.match(line) for line in lines]
    gaps = sum(1 for k in range(1, len(lines) - 1) if not text[k] and text[k - 1] and text[k + 1])
    several = (len(content) - len(single)) / len(content)
    fit = max(0.0, 1 - 4 * several) * min(1.0, 3 * whole / len(content)) * max(0.0, 1 - 3 * gaps / len(content))
    return fit * 0.1 if fit and _groups_side_by_side(content) else fit


def score_stream(lines: Sequence[str]) -> float:
    """How much the text looks like cells one after another with several on a line one space apart (a PDF copied
    row by row): lines of one space-separated word or more only (none split by tabs, pipes or runs of spaces),
    a tenth of them or more holding cells side by side, and a quarter or more going on with a word of the line
    before that filled its line (the column's width, read from the text, left no room for the next character)
    or completing a label broken there — a text with a row on every line hardly wraps; times the share of words
    that are a whole label or value of the form; none where the header shows two column groups side by side
    (their cells interleave line by line)."""
    from ingest.readers.families.spaces import words_of

    filled = [line for line in lines if line.strip()]
    if sum(1 for line in filled if _WIDE_GAPS.search(line.rstrip())) > 0.25 * len(filled) or not has_form_words(lines):
        return 0.0  # (a quick look first: the text's lines split by tabs, pipes or long runs of spaces)
    furniture = page_furniture(list(lines))
    content = [line for k, line in enumerate(lines)
               if k not in furniture and match_key(line) and not _SEPARATOR.match(line)]
    if _spaced_by_words(content):
        content = [_NARROW_GAP.sub(" ", line) for line in content]
    if len(content) < 8 or sum(1 for line in content if _SEVERAL.search(line.rstrip())) > 0.05 * len(content):
        return 0.0
    words = [words_of(line, values=True)[0] for line in content]
    several = sum(1 for line, ws in zip(content, words) if len(ws) >= 2 and _holds_cells(line)) / len(content)
    full = _full_widths([w for ws in words for w in ws])
    # a line's first word goes on with a word of the line above (its last, or one before it where the text is
    # laid out by baseline): a running text's word that filled its line, or a label broken there
    wrapped = sum(1 for above, below in zip(words, words[1:])
                  if above and below and not NAME_MARK.match(below[0])
                  and any(_completes(top, below[0]) or (not _is_cell(top) and not _is_cell(below[0])
                                                        and _fills(top, below[0], full)) for top in above))
    if wrapped < 3:
        return 0.0
    flat = [w for ws in words for w in ws]
    whole = sum(1 for w in flat if _is_cell(w)) / len(flat)
    # a quarter of the lines going on from the line above is this layout's; a tenth or fewer, rows on their lines
    # with a long cell wrapped now and then (space_columns reads those)
    fit = min(1.0, several / 0.1) * min(1.0, max(0.0, wrapped / len(content) - 0.1) / 0.15) * min(1.0, 3 * whole)
    if several >= 0.1:
        # cells one after another that wrap, a tenth of the lines holding several: read as one cell per line is
        # read, those lines split — better than line_cells, which takes such a line for one cell
        fit = max(fit, min(1.0, score(lines) + 0.01))
    return 0.0 if fit and _groups_side_by_side(content) else fit


def _groups_side_by_side(content: list[str]) -> bool:
    """A header whose level or name roles come twice in one run of header lines (二级指标 三级指标 指标值 二级指标
    三级指标 …; not two values beside one name, 中期指标值 年度指标值): two column groups side by side, whose cells
    a text of one cell per line interleaves in an order it does not show — better left to the layouts that see
    columns, or to a warning, than guessed."""
    run: list[str] = []
    for line in content + [""]:
        role = tx.header_role_of(match_key(line)) if line else None
        if role == "level1" and "level1" in run and tx.is_kind_header(line):
            role = "op"  # 一级指标 … 指标类型: the kind column (定量 / 定性), not a second level-1 column
        if role in ("level1", "level2", "name", "value"):
            if role in run and role != "value":  # two values beside one name (中期 | 年度) are one group's
                return True
            run.append(role)
        elif run:
            run = []
    return False
