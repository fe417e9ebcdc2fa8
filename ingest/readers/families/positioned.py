"""Text laid out by position (``positioned``): what ``pdftotext -layout`` and a PDF viewer's "copy text" give for a
ruled table — every cell where the page prints it, columns kept by runs of spaces, e.g. ::

                       一级指标     二级指标        三级指标                           指标值
                                数量指标(必填)    缴纳住房公积金月数                     12 个月
                       产出指标     质量指标（必填）    每月提前退休人员住房公积金缴纳               ≥98%
                                社会效益指标（必填）  提前退休人员为社区积极贡献，发挥              长期持久
                       效益指标                 余热

Quirks of this layout, dealt with here:

- columns are where the text stands: each indicator table's columns are those of its header line, and a cell goes
  to the header column it stands under (a cell pushed right by a long neighbour, ``社会效益指标（必填） 矫正…``, is
  cut from it where the vocabulary knows the label);
- a cell wrapped over several lines (``提前退休人员为社区积极贡献，发挥`` / ``余热``) is one cell again: a line that
  fills its column's width goes on in the next line of that column, as does a line that only closes a label
  (``服务对象满意度指标`` / ``（必填）``); widths count a Chinese character as two columns where the page's
  columns are so measured (its pieces, so counted, fit before the next header word), else as one; a value that
  fills its column and stops mid-text goes on below, and the name beside it is one row with it;
- cells are centred in their row, and merged level cells in their block of rows: the level-1 label stands in the
  middle of its rows, not on the first. Each table row is rebuilt around its indicator name; values go to the
  name they face, and each level label to the block of rows it is centred on (or heads, where labels are printed
  on the first row), so that the grid has it on the block's first row as a spreadsheet would;
- a table whose cells are centred in their columns (forms made in Word or Excel) places each piece by its middle;
  no header word bounds such a column, so its widest piece fills it (a name and its value may both wrap, each
  line facing the other); a label beside the whole table (``绩效指标``, left of the first header word) stays
  outside the columns;
- a label of either level (``成本指标``) goes to the level column whose one-level labels stand nearest it;
  whether labels stand in the middle of their blocks or at their top is one reading for the whole table, both
  levels together; a label off its block's middle line goes to the block whose middle it is nearest;
- text set one character per line in a narrow column (``产`` / ``出`` / ``指`` / ``标``) is one piece per word of
  the vocabulary, standing on the line of its middle character;
- page furniture a PDF prints on every page (a date line, a file path and page number, a running head) is left
  out;
- a text whose columns line up on screen (a Word table saved as text, a converter's simple table under ``====``
  rules) sets a Chinese character two columns wide, where ``pdftotext`` sets it one: each line is read both ways
  (by character, and re-spaced so that every piece starts at its screen column) and the way that lines the rows
  up under their headers better is taken.

Lines outside indicator tables (the form's fields, titles) are one row per line, with their wrapped labels and
texts joined (``项目资金（万`` / ``元）``; a field's text centred above and below its label's line).
"""

from __future__ import annotations

import re
from collections import Counter
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from ingest import taxonomy as tx
from ingest.qualitative import is_qualitative_value
from ingest.grid import Cell, ParseWarning, Row, match_key
from ingest.readers.families.common import (VALUE_START, closes_bracket, content_lines, display_width,
                                            has_form_words, is_form_label, is_target_value, new_pages, page_furniture,
                                            value_tails)
from ingest.readers.families.run_together import ANY_ENDING, end_value, segment, value_pattern
from ingest.values import match_unit, parse_target

_CELL = re.compile(r"\S(?:.*?\S)??(?=(?: {2,}|\u3000|\t|$))")  # ??: a one-character piece ends where it stands
_OPERATOR = re.compile(r"^[≥≤≧≦<>=＝═±]")
_CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")
_CLOSING = re.compile(r"^[)）、，,。；;:：%]|^[(（][^()（）]*[)）]$")
_LEVELS = ("level1", "level2")
_KIND_CATEGORY = {"deadline": "时效指标", "money": "成本指标"}
_NAME_ENDS = tuple(sorted({*ANY_ENDING, "次", "费", "补贴", "效率"}, key=len, reverse=True))


@dataclass
class Frag:
    """A piece of text on one line, where it starts (character offset) and its column once known."""

    x: int
    text: str
    line: int  # 1-based
    line_end: int = 0
    col: Optional[int] = None
    parts: list = field(default_factory=list)  # (line, text) of each line of a wrapped cell

    def __post_init__(self) -> None:
        self.line_end = self.line_end or self.line
        self.parts = self.parts or [(self.line, self.text)]

    def extend(self, piece: "Frag") -> None:
        """``piece`` (on the next line) is the rest of this cell's text."""
        self.text += piece.text
        self.line_end = piece.line_end
        self.parts = self.parts + piece.parts

    def split_after(self, lines: list[int]) -> list["Frag"]:
        """This wrapped cell cut after each of ``lines``: one cell per part."""
        out: list[Frag] = []
        for line, text in self.parts:
            if out and out[-1].line_end not in lines:
                out[-1].extend(Frag(self.x, text, line, col=self.col))
            else:
                out.append(Frag(self.x, text, line, col=self.col))
        return out

    @property
    def key(self) -> str:
        return match_key(self.text)


def fragments(line: str, number: int) -> list[Frag]:
    """The pieces of ``line`` separated by two spaces or more; a piece that begins with a label of the form
    followed by one space and more text (``社会效益指标（必填） 矫正人员…``) is cut after the label."""
    out: list[Frag] = []
    for m in _CELL.finditer(line.replace("\t", "  ")):
        x, text = m.start(), m.group()
        words = text.split(" ")
        start = 0  # index of the first word of the current piece
        for k in range(1, len(words) + 1):
            # cut between words k-1 and k when the piece so far is a label, word k begins one, or the rest is a
            # target value (a name too long for its column: ``使用社区矫正信息系统平台司法所数 ≥11个``,
            # ``建立健全社会矛盾纠纷调处化解机制 建立健全``)
            rest = " ".join(words[k:])
            if k == len(words) or is_form_label(" ".join(words[start:k])) or is_form_label(words[k]) \
                    or _is_value(rest) or rest == end_value("".join(words[start:])):
                piece = " ".join(words[start:k])
                out.append(Frag(x, piece, number))
                x += len(piece) + 1
                start = k
    return out


def _is_value(text: str) -> bool:
    """A target value standing after a name with one space: an operator opens it (``≥11个``, ``≤国家部署…``)."""
    return bool(_OPERATOR.match(text))


def _header_roles(frags: list[Frag]) -> list[Optional[str]]:
    return [tx.header_role_of(f.key) for f in frags]


def _is_header(frags: list[Frag]) -> bool:
    roles = [r for r in _header_roles(frags) if r and r != "group"]
    return len(roles) >= 3 and ("name" in roles or "value" in roles)


def _regions(by_line: dict[int, list[Frag]], count: int) -> list[tuple[int, int]]:
    """(header index, end index exclusive) of each indicator table: from its header line to the next header, the
    next form (a field label or a title at the start of a line) or the end."""
    headers = [k for k in sorted(by_line) if _is_header(by_line[k])]
    out = []
    for n, h in enumerate(headers):
        end = headers[n + 1] if n + 1 < len(headers) else count
        left = by_line[h][0].x  # a field's label stands at the left of the page, not inside the table (年度预算, a
        # value under 指标值, is no field)
        for k in range(h + 1, end):
            frags = by_line.get(k)
            first = frags[0].key if frags else ""
            if first and ((tx.field_of(first) and frags[0].x <= left + 1)
                          or tx.title_suffix_of(first.replace(" ", ""))):
                end = k
                break
        out.append((h, end))
    return out


def _fragments(lines: list[str], skip: set[int]) -> dict[int, list[Frag]]:
    """The pieces of every line (page furniture left out), text set one character per line joined."""
    by_line = {k: fragments(line, k + 1) for k, line in enumerate(lines) if k not in skip and match_key(line)}
    _vertical(by_line)
    return {k: fs for k, fs in by_line.items() if fs}


def build(lines: list[str]) -> tuple[list[Row], list[ParseWarning]]:
    placed = _as_placed(lines)
    token = _ON_SCREEN.set(placed is not lines)
    try:
        return _build(placed)
    finally:
        _ON_SCREEN.reset(token)


# the text is read on screen (a Chinese character two columns: :func:`_as_placed`), so a word's place inside a
# piece is its screen column too
_ON_SCREEN: ContextVar[bool] = ContextVar("positioned_on_screen", default=False)


def _build(lines: list[str]) -> tuple[list[Row], list[ParseWarning]]:
    by_line = _fragments(lines, page_furniture(lines))
    # a table whose cells stand one space apart, not in columns (a text browser that gives up laying out a table
    # too wide for its page, its header's words one space apart): read as space-separated columns, the rest of the
    # text by position
    regions = _regions(by_line, len(lines))
    spaced = [(h, end) for h, end in regions if _one_space_apart(by_line[h])]
    regions = [region for region in regions if region not in spaced]
    in_table = {k for h, end in regions for k in range(h, end)}
    in_spaced = {k for h, end in spaced for k in range(h, end)}
    rows = _form_rows({k: fs for k, fs in by_line.items() if k not in in_table and k not in in_spaced})
    warnings: list[ParseWarning] = []
    pages = new_pages()
    for h, end in regions:
        rows.extend(_table({k: fs for k, fs in by_line.items() if h <= k < end}, h, pages))
    if spaced:
        from ingest.readers.families import spaces

        table_rows, _ = spaces.build([line if k in in_spaced else "" for k, line in enumerate(lines)])
        rows.extend(table_rows)
    rows.sort(key=lambda r: (r.line_start, r.line_end))
    return rows, warnings


def _one_space_apart(frags: list[Frag]) -> bool:
    """A line's pieces one space apart each (cut where the vocabulary cuts them): words in a row, not columns."""
    return len(frags) >= 3 and all(b.x == a.x + len(a.text) + 1 for a, b in zip(frags, frags[1:]))


def _as_placed(lines: list[str]) -> list[str]:
    """``lines`` as they are (columns counted in characters, as ``pdftotext`` places text), or re-spaced so that a
    Chinese character takes two columns (as a screen shows the text), whichever lines the rows up better."""
    if all(line.isascii() for line in lines):
        return lines
    spaced = [_on_screen(line) for line in lines]
    return spaced if _score(spaced) > _score(lines) else lines


_GAP = re.compile(r" +")


def _on_screen(line: str) -> str:
    """``line`` re-spaced so that every piece set apart by two spaces or more starts at the character offset of
    its screen column (a Chinese character two columns); pieces keep their single spaces."""
    if line.isascii() or "\t" in line:  # tabs are another layout's
        return line
    out, column, length = [], 0, 0
    for part in re.split(r"( {2,}|\u3000+)", line):
        if not part:
            continue
        if part[0] in " \u3000":  # a gap: up to the next piece's screen column, two spaces at least
            column += display_width(part)
            continue
        pad = max(column - length, 2 if length else column)
        out.append(" " * pad + part)
        length += pad + len(part)
        column += display_width(part)
    return "".join(out)


def _form_rows(frags: dict[int, list[Frag]]) -> list[Row]:
    """The lines outside indicator tables, one row per line, with the form's wrapped cells joined again: a label
    wrapped onto the next line (``项目资金（万`` / ``元）``), and a field's text wrapped over lines of their own at
    the text's left edge, the label standing on one of them (``年度绩效目标`` beside the middle line)."""
    _split_wrapped_labels(frags)
    for k in sorted(frags):
        for f in list(frags.get(k, [])):
            # the piece above that this one stands under (at its left edge, or anywhere below it when centred),
            # on the line before or the one before that (the label's text centred between: 项目资金（万 / 17.00 / 元）)
            for back in (1, 2):
                above = next((g for g in frags.get(k - back, []) if abs(g.x - f.x) <= 1 or (
                    g.x <= f.x + len(f.text) and f.x <= g.x + len(g.text))), None)
                if above is not None:
                    break
            if above is not None and (_closes(above, f) or (
                    (back == 1 or not _over(frags.get(k - 1, []), above))
                    and is_form_label(above.text + f.text) and not is_form_label(above.text))):
                # (or a label wrapped in its box, ``其中：财政资`` / ``金``, also around its row's centred line,
                # ``其中：财政资`` / ``16.00`` / ``金``: a label only once joined, nothing under it on a line between)
                above.extend(f)
                frags[k].remove(f)
                _beside_its_text(frags, above)
    labelled = {}  # line -> the piece after its label
    for k, fs in list(frags.items()):
        for i, f in enumerate(fs[:-1]):
            if not tx.field_of(f.key):
                continue
            if not is_form_label(fs[i + 1].text):
                labelled[k] = fs[i + 1]
            else:  # 主管部门 | 实施单位 …: the text of the first is centred on lines above and below
                value = _between(frags, k, f.x + len(f.text), fs[i + 1].x)
                if value is not None:
                    fs.insert(i + 1, value)
                    labelled[k] = value
            break
    for k, value in labelled.items():
        for step in (-1, 1):
            j = k + step
            while j in frags and j not in labelled and len(frags[j]) == 1 and abs(frags[j][0].x - value.x) <= 1 \
                    and not is_form_label(frags[j][0].text):
                piece = frags.pop(j)[0]
                value.text = piece.text + value.text if step < 0 else value.text + piece.text
                value.line, value.line_end = min(value.line, piece.line), max(value.line_end, piece.line)
                j += step
    rows = []
    for _, fs in sorted(frags.items()):
        if fs:
            rows.append(Row(cells=[Cell(f.text, f.line, f.line_end, col=i, soft=i > 0 and _gap_in_text(fs[i - 1], f))
                                   for i, f in enumerate(fs)],
                            line_start=min(f.line for f in fs), line_end=max(f.line_end for f in fs)))
    return rows


def _gap_in_text(before: Frag, piece: Frag) -> bool:
    """Two spaces between Chinese words that are no labels may be a gap inside one text, not between cells (pypdf's
    layout mode sets a line's runs of text by a fixed width: ``…建设工作及行政执  法人员培训经费``): the boundary
    is soft, so a field's text goes on across it."""
    width = display_width if _ON_SCREEN.get() else len
    return piece.x - (before.x + width(before.text)) == 2 and bool(_CJK_CHAR.search(before.text[-1:])) \
        and bool(_CJK_CHAR.match(piece.text)) and not is_form_label(before.text) and not is_form_label(piece.text)


def _split_wrapped_labels(frags: dict[int, list[Frag]]) -> None:
    """A label wrapped in a narrow column stands one space from the text beside it (``项目名 人民调解经费`` /
    ``称``, ``项目资`` / ``金（万 11.00`` / ``元）``, ``其中：财政`` / ``92.40 拨款``): a word of a piece that makes a
    label of the form with the piece over or under it at its left edge, and is none alone, is cut from the rest.
    Where a word starts is counted in characters, or in screen columns in a text re-spaced so."""
    for k in sorted(frags):
        for f in list(frags.get(k, [])):
            words = f.text.split(" ")
            if len(words) < 2:
                continue
            cuts: list[int] = []  # the words that are a label's part
            starts = {"chars": [], "screen": []}
            x = wide = f.x
            used = None
            for n, word in enumerate(words):
                starts["chars"].append(x)
                starts["screen"].append(wide)
                for how, at in (("chars", x), ("screen", wide)):
                    if is_form_label(word) or n in cuts:
                        continue
                    for j in (k - 1, k + 1):
                        g = next((g for g in frags.get(j, []) if abs(g.x - at) <= 1), None)
                        if g is not None and is_form_label(g.text.split(" ")[-1] + word if j < k
                                                           else word + g.text.split(" ")[0]):
                            cuts.append(n)
                            if used is None or at != f.x:  # (at the piece's start the two counts agree)
                                used = how
                            break
                x += len(word) + 1
                wide += display_width(word) + 1
            if not cuts:
                continue
            places = starts[used or "chars"]
            bounds = sorted({0, *cuts, *(n + 1 for n in cuts)} - {len(words)})
            pieces = [Frag(places[a], " ".join(words[a:b]), f.line)
                      for a, b in zip(bounds, bounds[1:] + [len(words)])]
            at = frags[k].index(f)
            frags[k][at:at + 1] = pieces


def _beside_its_text(frags: dict[int, list[Frag]], label: Frag) -> None:
    """A label wrapped over three lines with its text on a line in between (``项目资金（万`` / ``17.00 其中：财政资金
    17.00`` / ``元）``, ``其中：财政资`` / ``16.00`` / ``金``): the label joins that line, where it stands. A label
    with something after it on its first line stays there unless that line holds only wrapped labels."""
    first = frags.get(label.line - 1, [])
    if label not in first:
        return
    after = first[first.index(label) + 1:]
    # (with other pieces after it on its first line, only where the line between has a piece nearer it than they
    # are: the label's own text, 项目资 / 金（万 11.00 市级资金 0.00 / 元）)
    nearest = after[0].x if after and not all(not is_form_label(g.text) and g.line_end == g.line for g in after) \
        else None
    for j in range(label.line, label.line_end - 1):  # the lines strictly inside the label's span (0-based)
        right = [g for g in frags.get(j, []) if g.x > label.x]
        if right and not _over(frags[j], label) and (nearest is None or min(g.x for g in right) < nearest):
            first.remove(label)
            frags[j].append(label)
            frags[j].sort(key=lambda g: g.x)
            return
    # a label of two lines whose first line goes on with another label and whose last has an amount beside it,
    # nearer than that label (pypdf's layout mode: 项目资金(万  市级资金  0.00 / 元)  11.00  区级资金  11.00): the
    # amount is the label's, the label joins its last line
    last = frags.get(label.line_end - 1, [])
    right = sorted((g for g in last if g.x > label.x), key=lambda g: g.x)
    if label.line_end == label.line + 1 and after and is_form_label(after[0].text) and right \
            and VALUE_START.match(right[0].text) and right[0].x < after[0].x \
            and all(g.x >= label.x + len(label.parts[-1][1]) for g in right):
        first.remove(label)
        last.append(label)
        last.sort(key=lambda g: g.x)


def _over(line: list[Frag], piece: Frag) -> bool:
    """A piece of ``line`` stands over part of ``piece``'s width (a wrapped piece: its widest line's)."""
    width = max(len(text) for _, text in piece.parts)
    return any(g is not piece and g.x <= piece.x + width and piece.x <= g.x + len(g.text) for g in line)


def _between(frags: dict[int, list[Frag]], k: int, left: int, right: int) -> Optional[Frag]:
    """The text of a field whose label is on line ``k`` but whose text is not: the single pieces on the lines just
    above and below that stand between the label's end (``left``) and the next label (``right``), joined."""
    pieces = []
    for j in (k - 1, k + 1):
        fs = frags.get(j, [])
        if len(fs) == 1 and left <= fs[0].x < right and not is_form_label(fs[0].text):
            pieces.append(frags.pop(j)[0])
    if not pieces:
        return None
    value = pieces[0]
    for piece in pieces[1:]:
        value.extend(piece)
    return value


def _vertical(by_line: dict[int, list[Frag]]) -> None:
    """Text set one character per line in a narrow column (``产`` / ``出`` / ``指`` / ``标``, a header ``一级指标``):
    single characters on consecutive lines at the same place are one piece spanning those lines, standing on the
    line of its middle character."""
    numbers = sorted(by_line)
    used: set[int] = set()
    for k in numbers:
        for f in by_line[k]:
            if id(f) in used or len(f.text) != 1 or not _CJK_CHAR.match(f.text):
                continue
            run = [f]
            j = k + 1
            while True:
                nxt = next((g for g in by_line.get(j, []) if len(g.text) == 1 and abs(g.x - f.x) <= 1
                            and _CJK_CHAR.match(g.text)), None)
                if nxt is None:
                    break
                run.append(nxt)
                j += 1
            if len(run) < 2:
                continue
            used.update(id(g) for g in run)
            for g in run:
                by_line[g.line - 1].remove(g)
            for piece in _words(run):  # 一级指标 | 产出指标 set one under the other: two labels
                middle = piece[(len(piece) - 1) // 2]
                joined = Frag(f.x, "".join(g.text for g in piece), piece[0].line, line_end=piece[-1].line,
                              parts=[(g.line, g.text) for g in piece])
                by_line[middle.line - 1].append(joined)
                by_line[middle.line - 1].sort(key=lambda g: g.x)


def _words(run: list[Frag]) -> list[list[Frag]]:
    """A column of single characters cut where the form's vocabulary cuts it (``一级指标产出指标``)."""
    text = "".join(g.text for g in run)
    cells = segment(text)
    if "".join(cells) != text:
        return [run]
    out, pos = [], 0
    for cell in cells:
        out.append(run[pos:pos + len(cell)])
        pos += len(cell)
    return out


def _table(by_line: dict[int, list[Frag]], h: int, pages: frozenset[int] = frozenset()) -> list[Row]:
    _header_wrapped(by_line, h)
    header = by_line[h]
    roles = _header_roles(header)
    starts = [f.x for f in header]
    for i, f in enumerate(header):
        f.col = i
    level_cols = {role: roles.index(role) for role in _LEVELS if role in roles}
    keys = [k for k in sorted(by_line) if k > h]
    lines_frags = [by_line[k] for k in keys]
    _realign_pages(lines_frags, header, roles, [k in pages for k in keys])
    centred = _centred(header, [f for fs in lines_frags for f in fs])
    stands = _level_stands([f for fs in lines_frags for f in fs], level_cols, centred)
    body = []
    for frags in lines_frags:
        body.extend(_place(frags, header, level_cols, centred, stands))
    cells = _join_wrapped([f for f in body if f.col is not None], [] if centred else starts, roles, centred)
    rows = [Row(cells=[Cell(f.text, f.line, f.line_end, col=f.col) for f in header], line_start=h + 1,
                line_end=h + 1)]
    outside = _without_side_label([f for f in body if f.col is None], header[0].x)
    name_col = next((i for i, r in enumerate(roles) if r == "name"), None)
    names = [c for c in cells if c.col == name_col]
    if name_col is None or not names:
        rows.extend(_by_line(cells + outside))
        return rows
    names = _one_value_each(names, [c for c in cells if roles[c.col] == "value"])
    records: list[list[Frag]] = [[c] for c in names]
    # values first (they say which category a row is likely in), then the level labels' blocks
    for col in range(len(starts)):
        if col != name_col and roles[col] not in _LEVELS:
            for index, cell in _gather([c for c in cells if c.col == col], names):
                records[index].append(cell)
    for placed in _levels(cells, names, records, roles).values():
        for index, cell in placed:
            records[index].append(cell)
    rows.extend(_record_row(record) for record in records)
    rows.extend(_by_line(outside))
    return rows


def _without_side_label(outside: list[Frag], left: int) -> list[Frag]:
    """The pieces outside the table's columns but its label beside the rows (绩效指标 in a column of its own left
    of the header, perhaps wrapped: ``绩效指`` / ``标``), which names no cell and would run into the names."""
    side = sorted((f for f in outside if f.x + len(f.text) <= left), key=lambda f: f.line)
    drop: set[int] = set()
    k = 0
    while k < len(side):
        run = [side[k]]
        while k + len(run) < len(side) and side[k + len(run)].line == run[-1].line + 1 \
                and abs(side[k + len(run)].x - run[0].x) <= 1:
            run.append(side[k + len(run)])
        text = "".join(f.key for f in run)
        if tx.header_role_of(text) == "group" or is_form_label(text):
            drop |= {id(f) for f in run}
        k += len(run)
    return [f for f in outside if id(f) not in drop]


def _header_wrapped(by_line: dict[int, list[Frag]], h: int) -> None:
    """A header word its column's width wrapped (``指标`` over ``值``, ``三级指`` over ``标``): the piece right
    under it on the next line, short and within its width, that makes it a header word of another role (or of
    one at all) goes on it and leaves its line."""
    below = by_line.get(h + 1)
    if not below:
        return
    width = display_width if _ON_SCREEN.get() else len
    for f in by_line[h]:
        role = tx.header_role_of(f.key)
        for g in below:
            # (一级 / 指标: a word of the same role made whole)
            if len(g.key) <= 3 and f.x - 1 <= g.x <= f.x + width(f.text) and g.col is None \
                    and (tx.header_role_of(f.key + g.key) not in (None, role)
                         or role is not None and g.key in ("指标", "标") and tx.header_role_of(f.key + g.key) == role)\
                    and not tx.level1_of(g.key):
                f.extend(g)
                below.remove(g)
                break
    if not below:
        del by_line[h + 1]


def _split_at_columns(frags: list[Frag], starts: list[int]) -> list[Frag]:
    """A piece running on into the next column with one space (``按照公安部规定的警服限价标准执行 单件成本…``):
    cut where a word starts under a header word."""
    out = []
    for f in frags:
        if " " not in f.text:
            out.append(f)
            continue
        x = piece_x = f.x
        piece: list[str] = []
        width = display_width if _ON_SCREEN.get() else len
        for word in f.text.split(" "):
            if piece and any(abs(x - s) <= 2 for s in starts if s > piece_x):
                out.append(Frag(piece_x, " ".join(piece), f.line))
                piece_x, piece = x, []
            piece.append(word)
            x += width(word) + 1
        out.append(Frag(piece_x, " ".join(piece), f.line))
    return out


def _split_centred(frags: list[Frag], header: list[Frag]) -> list[Frag]:
    """In a centred table, a piece running on into the next column with one space (``考试组织秩序规范度 100%``) or
    none before a value (``社区服刑人员个案矫正率100%``): cut where each part is left nearest the middle of a
    column of its own, the left part's column before the right part's."""
    def nearest(x: float) -> tuple[float, int]:
        return min((abs(x - _centre(h)), j) for j, h in enumerate(header))

    out = []
    for f in frags:
        best = None
        cuts = [m.start() for m in re.finditer(" ", f.text)]
        # a value printed against its name with no space at all (社区服刑人员个案矫正率100%)
        cuts += [m.start() for m in value_pattern().finditer(f.text) if m.end() == len(f.text) and m.start() > 0
                 and _CJK_CHAR.match(f.text[m.start() - 1])]
        for cut in cuts:
            rest = f.text[cut:].lstrip(" ")
            left = Frag(f.x, f.text[:cut].rstrip(" "), f.line)
            right = Frag(f.x + len(f.text) - len(rest), rest, f.line)
            if not left.text or not right.text:
                continue
            (dl, cl), (dr, cr) = nearest(_centre(left)), nearest(_centre(right))
            if cl < cr and (best is None or dl + dr < best[0]):
                best = (dl + dr, left, right)
        if best is not None and best[0] < nearest(_centre(f))[0]:
            out.extend(_split_centred([best[1]], header) + _split_centred([best[2]], header))
        else:
            out.append(f)
    return out


def _centre(f: Frag) -> float:
    return f.x + len(f.text) / 2


def _realign_pages(lines_frags: list[list[Frag]], header: list[Frag], roles: list[Optional[str]],
                   new_page: Optional[list[bool]] = None) -> None:
    """A table that goes on to a page whose columns the extraction set elsewhere (pdftotext lays out each page
    from its own left edge: a page without the table's header may have its cells 10–20 columns left of where the
    header's page has them): a run of lines whose pieces that say their column by their words (a level label, a
    target value at the line's end) all stand the same distance off their header words, after lines that stood
    under them, is moved back by that distance — and so are the lines around the run whose pieces stand nearer
    the header's words once moved (a name's wrapped lines before the run's first value). Where a page begins right
    before the run (a form feed in the text, a PDF's next page), one line of it is enough (a table's last rows on
    the next page), and every line of that page moves with it."""
    starts = {role: f.x for f, role in zip(header, roles) if role in ("level1", "level2", "value")}
    columns = [f.x for f in header]

    def offset(frags: list[Frag]) -> Optional[int]:
        seen = []
        for f in frags:
            one, two = bool(tx.level1_of(f.key)), bool(tx.level2_of(f.key))
            if one != two and ("level1" if one else "level2") in starts:
                seen.append(starts["level1" if one else "level2"] - f.x)
            elif VALUE_START.match(f.text) and "value" in starts and f is frags[-1]:
                seen.append(starts["value"] - f.x)
        return sorted(seen)[len(seen) // 2] if seen else None

    def misfit(frags: list[Frag], shift: int) -> int:
        return sum(min(abs(f.x + shift - x) for x in columns) for f in frags)

    offsets = [offset(frags) for frags in lines_frags]
    runs: list[list[int]] = []  # the anchored lines of each run of one offset
    for k, d in enumerate(offsets):
        if d is None:
            continue
        if runs and abs(d - offsets[runs[-1][0]]) <= 3:
            runs[-1].append(k)
        else:
            runs.append([k])
    for n in range(1, len(runs)):
        run, before = runs[n], runs[n - 1]
        shift = sorted(offsets[k] for k in run)[len(run) // 2]
        paged = bool(new_page) and any(new_page[k] for k in range(before[-1] + 1, run[0] + 1))
        if abs(shift) < 6 or len(run) < (1 if paged else 3) or len(before) < (1 if len(run) >= 5 or paged else 2) \
                or any(abs(offsets[k]) > 2 for k in before):
            continue
        end = runs[n + 1][0] if n + 1 < len(runs) else len(lines_frags)
        # a page laid out from its own left edge: every line of it moves (those before the run's first anchored line
        # on the same page too), up to the next page
        page = next((k for k in range(before[-1] + 1, run[0] + 1) if new_page[k]), None) if paged else None
        page_end = next((k for k in range(run[-1] + 1, end) if new_page[k]), end) if paged else end
        for k in range(before[-1] + 1, end):
            inside = run[0] <= k <= run[-1] or (page is not None and page <= k < page_end)
            if inside or misfit(lines_frags[k], shift) < misfit(lines_frags[k], 0):
                for f in lines_frags[k]:
                    f.x += shift


def _centred(header: list[Frag], body: list[Frag]) -> bool:
    """Whether the table's cells are centred in their columns rather than set at their left edge: more pieces
    have their middle under a header word's middle than their start under a header word's start."""
    left = sum(1 for f in body if any(abs(f.x - h.x) <= 1 for h in header))
    middle = sum(1 for f in body if any(abs(_centre(f) - _centre(h)) <= 1.5 for h in header))
    return middle > left


def _level_stands(frags: list[Frag], level_cols: dict[str, int], centred: bool) -> dict[int, float]:
    """Where the table's level labels stand (level column → mean start, or middle in a centred table), from the
    labels that are of one level only."""
    places: dict[int, list[float]] = {}
    if len(level_cols) < 2:
        return {}
    for f in frags:
        is1, is2 = bool(tx.level1_of(f.key)), bool(tx.level2_of(f.key))
        if is1 != is2:
            places.setdefault(level_cols["level1" if is1 else "level2"], []).append(_centre(f) if centred else f.x)
    return {col: sum(xs) / len(xs) for col, xs in places.items()} if len(places) == 2 else {}


def _place(frags: list[Frag], header: list[Frag], level_cols: dict[str, int], centred: bool = False,
           stands: Optional[dict[int, float]] = None) -> list[Frag]:
    """The columns of one line's pieces: under which header word each starts (or, in a centred table, whose
    middle is nearest); a level label in its level's column (a crowded line is squeezed left: ``满意度指标
    服务对象满意度指标 家属满意度``), a label of either level (成本指标) in the column whose labels of one level
    stand nearest (:func:`_level_stands`); the end of a value alone on its line (``前``) in the value column
    wherever it stands (pdftotext may set it under the name); left to right in order."""
    starts = [h.x for h in header]
    frags = _split_centred(frags, header) if centred else _split_at_columns(frags, starts)
    roles = _header_roles(header)
    last = None
    for f in frags:
        if centred:
            # a piece that ends before the first header word (绩效指标 beside the whole table) is outside it
            col = min(range(len(header)), key=lambda j: abs(_centre(f) - _centre(header[j]))) \
                if f.x + len(f.text) >= header[0].x else None
        else:
            col = _column(f.x, starts)
        if len(frags) == 1 and f.text.strip() in value_tails() and "value" in roles:
            col = roles.index("value")  # 2024年12月31日 / 前: the end of a value wrapped onto a line of its own
        is1, is2 = bool(tx.level1_of(f.key)), bool(tx.level2_of(f.key))
        if col is not None and level_cols and col > max(level_cols.values()) and "指标" not in f.key:
            is1 = is2 = False  # 数量, 满意度 under the name: the rest of a wrapped name, not a label squeezed right
        if is1 and is2 and stands:
            # 成本指标 is a level-1 label in one template and a level-2 one in another: where it stands says
            at = _centre(f) if centred else f.x
            col = min(stands, key=lambda c: abs(stands[c] - at))
        elif is1 and is2 and col in level_cols.values():
            pass
        elif is1 and "level1" in level_cols and not is2:
            col = level_cols["level1"]
        elif is2 and "level2" in level_cols:
            col = level_cols["level2"]
        if last is not None and (col is None or col <= last):
            col = min(last + 1, len(starts) - 1)
        f.col = col
        last = col if col is not None else last
    return frags


def _column(x: int, starts: list[int]) -> Optional[int]:
    """The header column a piece starting at ``x`` stands under (two characters of slack), None left of all."""
    col = None
    for i, start in enumerate(starts):
        if x >= start - 2:
            col = i
    return col


_HALF_WIDTH = re.compile(r"[ -~]")


def _join_wrapped(frags: list[Frag], starts: list[int], roles: list[Optional[str]], centred: bool = False
                  ) -> list[Frag]:
    """One cell per wrapped text: a piece goes on in the next line of its column when it fills the column's width
    (reached by two pieces or more, or all the room before the next header word; one character of slack) or when
    the next piece only closes it (``（必填）``, ``元）``), unless the next piece is a label or a value of its own,
    or both lines face a value. Names are joined first; the pieces of the other columns (values, units …) are
    joined with the record they belong to (:func:`_gather`)."""
    width = len(roles)
    widest, measures = {}, {}
    for col in range(width):
        room = starts[col + 1] - starts[col] - 1 if col + 1 < len(starts) else 0
        texts = [f.text for f in frags if f.col == col]
        # the page's columns count a Chinese character as two where the column's pieces, so counted, all fit in
        # the room before the next header word; else (a narrower font) as one
        measure = _Measure(2 if room and texts and max(map(display_width, texts)) <= room + 1 else 1)
        measures[col] = measure
        # counted by character, a piece with digits or Latin letters is longer than the column is wide (they are
        # narrower than Chinese characters): the width is the Chinese pieces' where two or more give it
        chinese = [t for t in texts if not _HALF_WIDTH.search(t)] if measure.cjk == 1 else []
        lengths = sorted(map(measure, chinese if len(chinese) >= 2 else texts), reverse=True)
        # a column's width: reached by two pieces or more, or the room before the next header word
        reached = lengths[1] if len(lengths) >= 2 and lengths[1] >= lengths[0] - measure.slack else 0
        if centred and lengths:
            reached = lengths[0]  # no header word bounds a centred column: its widest piece fills it
        widest[col] = min(w for w in (reached, room) if w) if reached or room else 0
    valued = {f.line for f in frags if roles[f.col] == "value"}
    # a value that fills its column (the widest, six characters or more: Word's narrow columns), stops mid-text and
    # goes on below with no target of its own (≤国家部署和工作 / 计划规定时间): its lines are one row's, and so are
    # the name's beside them
    values = {f.line: f.text for f in sorted(frags, key=lambda f: -f.x) if roles[f.col] == "value"}
    # (digits are half a Chinese character wide)
    pieces_on = Counter(f.line for f in frags)
    fills_value = _full_width([display_width(t) for t in values.values()],
                              sum(1 for line in values if pieces_on[line] == 1), 10, 3)
    # (the next line of the value may stand a line further down, the row's one-line cells centred between)
    lines_used = {f.line for f in frags}
    after = {line: line + 1 if line + 1 in values else line + 2 for line in values
             if line + 1 in values or (line + 2 in values and line + 1 in lines_used)}
    goes_on: set[int] = set()
    first_line: dict[int, int] = {}  # each value line's first line (the line its value began on)
    for line in sorted(values):
        text = values[line]
        first_line.setdefault(line, line)
        if line in after and (
                display_width(text) >= fills_value and _CJK_CHAR.search(text[-1:])
                # (a whole value in words below, 有效提高, is a value of its own: a column as wide as its widest
                # value, as a text browser sets it, is no wrapped column)
                and (not VALUE_START.match(values[after[line]]) and not is_qualitative_value(values[after[line]])
                     or _restated_number(values[first_line[line]], values[after[line]]))
                or _value_cut(text, values[after[line]])):
            goes_on.add(line)
            first_line[after[line]] = first_line[line]
    # the pieces on each line, and each column's widest piece
    alone = Counter(f.line for f in frags)
    longest = {col: max((measures[col](f.text) for f in frags if f.col == col), default=0) for col in range(width)}
    name_cols = [c for c in range(width) if roles[c] == "name"]
    order = name_cols + [c for c in range(width) if c not in name_cols]
    out: list[Frag] = []
    names_start: set[int] = set()
    for col in order:
        column: list[Frag] = []
        for f in sorted((f for f in frags if f.col == col), key=lambda f: f.line):
            last = column[-1] if column else None
            # two lines that each face a value are two rows; a value does not go on beside a new name
            own_rows = col in name_cols and last is not None and last.line_end in valued and f.line in valued \
                and last.line_end not in goes_on
            pieces_only = roles[col] not in (*_LEVELS, "name") and name_cols  # joined with their record
            below = last is not None and (f.line == last.line_end + 1 or (
                # a cell of two lines centred on its row: the row's one-line cells stand on a line between them
                # (服务对象满意 / 满意度指标 … ≥80% / 度指标), where this column has nothing
                f.line == last.line_end + 2 and not any(g.col == col and g.line == last.line_end + 1 for g in frags)
                and (last.line_end + 1 in lines_used
                     and sum(line in valued for line in (last.line_end, last.line_end + 1, f.line)) <= 1
                     or last.line_end in goes_on and after.get(last.line_end) == f.line)))
            if below and roles[col] in _LEVELS and _label_wrapped(last, f, frags):
                last.extend(f)
                continue
            if below and not own_rows and not pieces_only \
                    and _continues(last, f, widest[col], roles[col], measures[col]):
                last.extend(f)
                continue
            if below and col in name_cols and not is_form_label(f.text) and (
                    after.get(last.line_end) == f.line and last.line_end in goes_on
                    and value_pattern().fullmatch(f.text.replace(" ", "")) and _CJK_CHAR.search(last.text[-1:])
                    or _unit_only(f.text)):
                # the value beside runs on into this line, so does the row (当年结案案件 / 补贴发放达 / 60% beside
                # ≥0.6 当年结案 / 案件补贴发放 / 率达到 60%); a unit alone (万元) ends the name above
                last.extend(f)
                continue
            if below and alone[f.line] == 1 and roles[col] == "name" \
                    and _rest_alone(last, f, longest[col], measures[col]):
                last.extend(f)
                continue
            column.append(Frag(f.x, f.text, f.line, col=col))
        if col in name_cols:
            names_start |= {f.line for f in column}
        out.extend(column)
    return out


def _label_wrapped(upper: Frag, lower: Frag, frags: list[Frag]) -> bool:
    """A level label a column a few characters wide wrapped (``产出`` / ``指标``, ``满意`` / ``度指`` / ``标``,
    ``可持续影响`` / ``指标（必填`` / ``）``): ``lower`` is no label of its own and, short, makes ``upper`` a label,
    or a label with the short piece of the column on the line below it."""
    if is_form_label(lower.text):
        return False
    joined = upper.text + lower.text
    if is_form_label(joined) and len(lower.text) <= 3:
        return True
    following = next((g for g in frags if g.col == lower.col and g.line == lower.line_end + 1), None)
    return following is not None and len(following.text) <= 3 and is_form_label(joined + following.text)


_EXPLAINED = re.compile(r"^\s*[≥≤><=＞＜≧≦]+\s*(\d+(?:\.\d+)?)\s*[\u4e00-\u9fff]")
_LEADING_NUMBER = re.compile(r"^\s*(\d+(?:\.\d+)?)")


def _restated_number(first: str, lower: str) -> bool:
    """``lower`` begins with the number of a target that restates itself in words (``≥200 法律援`` / … / ``200 人次
    以上``; ``≥0.85 援助案`` / … / ``85%以上``): the same number, or a share's in %, goes on the words, not a new
    value."""
    target, number = _EXPLAINED.match(first), _LEADING_NUMBER.match(lower)
    if not target or not number:
        return False
    a, b = float(target.group(1)), float(number.group(1))
    return b == a or (a < 1 and abs(b - a * 100) < 1e-9)


def _unit_only(text: str) -> bool:
    """``text`` is a unit and nothing else (万元, 人次): the end of a wrapped text, never a name of its own."""
    text = text.strip()
    return bool(text) and not text[0].isdigit() and match_unit(text, 0) == text


_DATE_CUT = re.compile(r"月\s*$")
_DAY_START = re.compile(r"^\d{1,2}\s*日")
_OPEN_RANGE = re.compile(r"\d\s*[元万千百个人次%％]?\s*[-－~～至到]\s*$")


def _value_cut(upper: str, lower: str) -> bool:
    """A value the column's width cut where no value ends: a date between its month and its day (2024 年 12 月 /
    31 日前), a number before its unit (4583.33 / 元/人/月), a range after its dash (每人400元- / 3000元)."""
    upper, lower = upper.strip(), lower.strip()
    if _DATE_CUT.search(upper) and _DAY_START.match(lower):
        return True
    if _unit_follows(upper, lower) and not VALUE_START.match(lower):
        return True
    return bool(_OPEN_RANGE.search(upper)) and bool(VALUE_START.match(lower))


def _closes(upper: Frag, lower: Frag) -> bool:
    """``lower`` only closes ``upper``: punctuation or a bracketed note (``（必填）``), or the end of a bracket
    ``upper`` left open (``项目资金（万`` / ``元）``)."""
    if _CLOSING.match(lower.text) and not VALUE_START.match(lower.text):
        return True
    return closes_bracket(upper.text, lower.text)


@dataclass(frozen=True)
class _Measure:
    """How wide a text stands in a column: ``cjk`` columns per Chinese character, one per other character."""

    cjk: int = 1

    def __call__(self, text: str) -> int:
        return display_width(text) if self.cjk == 2 else len(text)

    @property
    def slack(self) -> int:  # a line that fills its column may stop one character short of it
        return self.cjk

    @property
    def wraps(self) -> int:  # a column narrower than eight Chinese characters is not taken to wrap
        return 6 * self.cjk


def _continues(upper: Frag, lower: Frag, widest: int, role: Optional[str], measure: _Measure = _Measure()
               ) -> bool:
    if _closes(upper, lower):
        return True
    fills = widest >= measure.wraps and measure(upper.parts[-1][1]) >= widest - measure.slack
    if role == "name" and fills and is_form_label(lower.text) and not VALUE_START.match(lower.text) \
            and not upper.text.endswith(_NAME_ENDS) and not is_form_label(upper.text):
        return True  # 受援法律援助案件 / 数量: a name that fills its column goes on, even in a label's word
    if role in _LEVELS or is_form_label(lower.text) or VALUE_START.match(lower.text):
        joined = upper.text + lower.text
        return role in _LEVELS and not is_form_label(upper.text) and is_form_label(joined)
    if upper.text.endswith(_NAME_ENDS) and measure(lower.text) >= widest / 2:
        return False  # 社区矫正工作人员满意度 / 社区矫正对象满意度: a whole name, then the next
    return widest >= measure.wraps and measure(upper.parts[-1][1]) >= widest - measure.slack


def _rest_alone(upper: Frag, lower: Frag, longest: int, measure: "_Measure") -> bool:
    """``lower``, alone on its line, is the rest of the name ``upper`` (its column's widest piece, wide enough to
    have wrapped, stopped mid-text and not as a name ends): ``满足新公共法律服务中心搬迁所需开`` / ``支`` — unless it
    is a label or begins a value of its own."""
    line = measure(upper.parts[-1][1])
    return line >= measure.wraps and line >= longest - measure.slack and bool(_CJK_CHAR.search(upper.text[-1:])) \
        and not upper.text.endswith(_NAME_ENDS) and not is_form_label(lower.text) \
        and not VALUE_START.match(lower.text)


def _one_value_each(names: list[Frag], values: list[Frag]) -> list[Frag]:
    """A name joined over lines that faces two values or more was two names or more (``相关专项法律服务费、法律咨询费
    等 ≤1 万元`` filled its line, the next name began below): cut it after the line of each value but the last — or,
    in a table whose cells stand at the top of their boxes (its names of three lines or more face their value on
    their first line), before the line of each value but the first (``增加普法宣传知晓`` / ``度，扩大受众群体`` /
    ``普法宣传人民满意 ≥80%``), a value of any kind beginning on a line whose line above holds none."""
    out: list[Frag] = []
    top = _top_anchored(names, values)
    for name in names:
        if top:
            lines = {v.line for v in values if name.line <= v.line <= name.line_end}
            starts = sorted(line for line in lines if line - 1 not in lines)
            out.extend(name.split_after([line - 1 for line in starts[1:]]) if len(starts) >= 2 else [name])
            continue
        # (a value's second line that only goes on with its first, 2024 年 12 月 / 31 日前, begins no value)
        by_line = {v.line: v.text for v in values}
        # (a value in words begins one where no value stands on the two lines above: 长期持久 … 有效提高)
        starts = sorted({v.line for v in values if name.line <= v.line <= name.line_end and (
            VALUE_START.match(v.text) and not (v.line - 1 in by_line and _value_cut(by_line[v.line - 1], v.text))
            or v.line - 1 not in by_line and v.line - 2 not in by_line)})
        out.extend(name.split_after(_centred_cuts(name, starts)) if len(starts) >= 2 and len(name.parts) > 1
                   else [name])
    return out


def _centred_cuts(name: Frag, values: list[int]) -> list[int]:
    """Where a text joined over lines that faces values on ``values`` (lines, in order) is cut into one name per
    value: each name as far below its value as it began above it (a value centred beside its name: 按照辖区内社 /
    区卫生服务机 / 构计划进行采 / 100% / 购后… four lines on, then the next name), between its value's line and the
    next one's; a name on its value's line alone ends there."""
    lines = [line for line, _ in name.parts]
    cuts: list[int] = []
    start = lines[0]
    for value, following in zip(values, values[1:]):
        between = [line for line in lines if start <= line < following]
        after = [line for line in between if line >= value] or between
        if not after:
            return values[:-1]
        want = 2 * value - start
        end = min(after, key=lambda line: (abs(line - want), line))
        cuts.append(end)
        rest = [line for line in lines if line > end]
        if not rest:
            break
        start = rest[0]
    return cuts


def _top_anchored(names: list[Frag], values: list[Frag]) -> bool:
    """Whether the table's names of three lines or more (or joined over lines that face two values or more) face
    their first value on their first line (cells at the top of their boxes, a Word table's default) more often than
    lower down (cells centred); with none such, whether three names of two lines do so and none otherwise."""
    top = lower = 0
    two_top = two_lower = 0  # names of two lines: counted only where no longer name says
    for name in names:
        if name.line_end - name.line < 1:
            continue
        lines = {v.line for v in values if name.line <= v.line <= name.line_end}
        if not lines:
            continue
        if len(lines) > 1 or name.line_end - name.line >= 2:
            top += min(lines) == name.line
            lower += min(lines) != name.line
        else:  # two lines facing one value
            two_top += min(lines) == name.line
            two_lower += min(lines) != name.line
    if top or lower:
        return top > lower
    return two_top >= 3 and two_lower == 0


FULL_VALUE = 11  # the least width of a value's line that goes on below
MISSING = 1.0  # a record left without a piece of the column (a missing value)
SECOND = 1.5  # a second value beginning in one record
GOES_ON = 0.3  # ... after a piece that stops mid-text (发放率达到 / 60%)


def _gather(pieces: list[Frag], names: list[Frag]) -> list[tuple[int, Frag]]:
    """The pieces of a value-like column (a value wrapped over lines, centred on its name or printed above and
    below it) gathered into one cell per record: each piece goes to a record, in order, several pieces to one
    record allowed; the reading with the least cost wins — the distance of each piece from its record's lines,
    :data:`MISSING` for each record with nothing, :data:`SECOND` for a piece that begins a value (``≥``, a digit)
    in a record that has one already (:data:`GOES_ON` if that one stops mid-text) or goes on from a line that does
    not fill the column; a piece no name faces, right below a line that fills the column and stops mid-text, is
    the rest of it (a gain of :data:`GOES_ON`, wherever the names stand)."""
    pieces = sorted(pieces, key=lambda f: (f.line, f.x))
    k, m = len(pieces), len(names)
    if not k or not m:
        return []
    inf = float("inf")
    # a line as wide as the column's widest but a character fills it (a Chinese character counting two); a column
    # whose widest is less than six characters has not been seen to wrap
    named = {line for name in names for line in range(name.line, name.line_end + 1)}
    full = _full_width([display_width(f.text) for f in pieces], sum(f.line not in named for f in pieces),
                       FULL_VALUE, 3)

    def distance(piece: Frag, r: int) -> float:
        first, last = names[r].line, names[r].line_end
        return 0.0 if first <= piece.line <= last else float(min(abs(piece.line - first), abs(piece.line - last)))

    # cost[i][j][h]: pieces[:i] placed, the current record is j, h = it has a piece already
    cost = [[[inf, inf] for _ in range(m)] for _ in range(k + 1)]
    back: dict[tuple[int, int, int], tuple[int, int, int]] = {}
    cost[0][0][0] = 0.0
    for i in range(k + 1):
        for j in range(m):
            for h in (0, 1):
                here = cost[i][j][h]
                if here == inf:
                    continue
                if j + 1 < m:  # on to the next record
                    value = here + (MISSING if h == 0 else 0.0)
                    if value < cost[i][j + 1][0]:
                        cost[i][j + 1][0], back[(i, j + 1, 0)] = value, (i, j, h)
                if i < k:  # piece i to record j
                    piece = pieces[i]
                    extra = 0.0
                    rest = h == 1 and pieces[i - 1].line == piece.line - 1 and piece.line not in named \
                        and (display_width(pieces[i - 1].text) >= full and _stops_mid(pieces[i - 1].text, piece.text)
                             and not _OPERATOR.match(piece.text)
                             or piece.text.strip() in value_tails() and is_target_value(pieces[i - 1].text))
                    # (or only a value's end, 5月31日 / 前: wherever the column wraps)
                    if rest:
                        # the line above fills the column and stops mid-text, and no name stands beside this
                        # piece (a digit may begin it: 达到 / 60000人次, an operator not): it is the rest of that
                        # line, however far the names
                        extra = -GOES_ON - distance(piece, j)
                    elif h == 1 and VALUE_START.match(piece.text):
                        # (after a value's end, 每月按 / 时完成, a value begins another record)
                        extra = GOES_ON if re.search(r"[\u4e00-\u9fff]$", pieces[i - 1].text) \
                            and not _ended().search(pieces[i - 1].text) else SECOND
                    elif h == 1 and (display_width(pieces[i - 1].text) < full
                                     or full < FULL_VALUE and not _stops_mid(pieces[i - 1].text, piece.text)):
                        # a piece goes on below only from a line that fills the column (in a narrow one, and
                        # stops mid-text: 显著提升 is whole)
                        extra = SECOND
                    value = here + distance(piece, j) + extra
                    if value < cost[i + 1][j][1]:
                        cost[i + 1][j][1], back[(i + 1, j, 1)] = value, (i, j, h)
    best, state = inf, None
    for j in range(m):
        for h in (0, 1):
            value = cost[k][j][h] + MISSING * (m - 1 - j) + (MISSING if h == 0 else 0.0)
            if value < best:
                best, state = value, (k, j, h)
    owner: list[int] = [0] * k
    while state is not None and state != (0, 0, 0):
        previous = back[state]
        if previous[0] < state[0]:
            owner[previous[0]] = state[1]
        state = previous
    cells: dict[int, Frag] = {}
    for piece, r in zip(pieces, owner):
        if r in cells:
            cells[r].text += piece.text
            cells[r].line, cells[r].line_end = min(cells[r].line, piece.line), max(cells[r].line_end, piece.line)
        else:
            cells[r] = Frag(piece.x, piece.text, piece.line, col=piece.col)
    return sorted(cells.items())


@lru_cache(maxsize=1)
def _ended() -> re.Pattern:
    """A value's last words (完成, 前, 底, 以上, 左右 …: the value grammar's in values.json) at a text's end."""
    from ingest.values import TABLES

    words = {*value_tails(), *TABLES.completion_words, *TABLES.month_end_words}
    return re.compile("(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")$")


def _full_width(widths: list[int], alone: int, least: int, slack: int) -> int:
    """The width from which a line of a column fills it (and may go on below): its widest less ``slack``, at least
    ``least`` — but a column narrower than that which three of its pieces fill, with a piece or more on lines
    of their own (a text browser squeezing the table: ≥200 / 人, 年度 / 内完 / 成, 长期持 / 久), wraps at its width."""
    widest = max(widths, default=0)
    if widest < least and sum(w >= widest - 1 for w in widths) >= 3 and alone >= 1:
        return widest - 1
    return max(widest - slack, least)


def _stops_mid(upper: str, lower: str) -> bool:
    """``upper`` stops mid-text with ``lower`` its rest: it ends in a character (热线全年 / 接话量…), or in a number
    whose unit begins ``lower`` (达到70000 / 人次)."""
    if re.search(r"[\u4e00-\u9fff]$", upper):
        # (每月按 / 时完成, 显著提升: ended; 长效发展 below it is a value of its own)
        return not _ended().search(upper) and not is_qualitative_value(upper) and not is_qualitative_value(lower)
    return _unit_follows(upper, lower)


def _unit_follows(upper: str, lower: str) -> bool:
    """``upper`` ends in a number whose unit begins ``lower`` (达到70000 / 人次, 4583.33 / 元/人/月)."""
    return bool(re.search(r"\d$", upper)) and match_unit(lower, 0) is not None


def _assign(cells: list[Frag], mids: list[float]) -> list[tuple[int, Frag]]:
    """Each cell to the record it faces, in order, at most one cell per record: the monotone matching of cells to
    records with the least line distance (dynamic programming)."""
    n, m = len(cells), len(mids)
    if not n:
        return []
    if n > m:  # more cells than names: each to its nearest record
        return [(min(range(m), key=lambda j: abs(mids[j] - _mid(c))), c) for c in cells]
    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back = [[False] * (m + 1) for _ in range(n + 1)]  # True: cell i-1 goes to record j-1
    for j in range(m + 1):
        cost[0][j] = 0.0
    for i in range(1, n + 1):
        for j in range(i, m + 1):
            skip = cost[i][j - 1]
            take = cost[i - 1][j - 1] + abs(mids[j - 1] - _mid(cells[i - 1]))
            cost[i][j], back[i][j] = (take, True) if take <= skip else (skip, False)
    out = []
    i, j = n, m
    while i > 0:
        if back[i][j]:
            out.append((j - 1, cells[i - 1]))
            i -= 1
        j -= 1
    return out[::-1]


@lru_cache(maxsize=1)
def _hints() -> tuple[tuple[str, str], ...]:
    """(word, level-2) from the level-2 entries' ``name_hints``, longest first."""
    pairs = [(w, key) for key, entry in tx.load_aliases()["level2"].items() for w in entry.get("name_hints", [])]
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


NEARER = 0.1  # per line between an off-middle label and its block's exact middle: a tie-breaker between blocks
HINT = 0.01  # a row under another category than the one its words suggest: a tie-breaker only


def _typical(record: list[Frag], roles: list[Optional[str]]) -> Optional[str]:
    """The level-2 category a row's own words suggest: a deadline or an amount of money for a value (时效指标,
    成本指标), else the longest typical word of its name (``name_hints``: 次数 → 数量指标)."""
    for f in record:
        if roles[f.col] == "value":
            kind = parse_target(f.key).kind
            if kind in _KIND_CATEGORY:
                return _KIND_CATEGORY[kind]
    name = next((f for f in record if roles[f.col] == "name"), None)
    return next((key for word, key in _hints() if word in name.key), None) if name else None


def _fit(label: Frag, typical: Optional[str]) -> float:
    """:data:`HINT` where a row's words suggest another level-2 category than ``label`` (普法培训讲座次数 under
    质量指标, 年度内完成 under 成本指标), else 0: between blocks that fit the labels' lines equally well."""
    level2 = tx.level2_of(label.key)
    return HINT if level2 and typical and typical != level2 else 0.0


def _within(blocks: Optional[list[tuple[int, Frag]]]):
    """For level-1 labels: the records where a level-2 block starts (a level-1 block is whole level-2 blocks) and
    a penalty for each level-2 label in a level-1 block it does not belong to."""
    if not blocks:
        return None, None
    starts = {start for start, _ in blocks}
    parents = {start: tx.parent_of(tx.level2_of(label.key) or "") for start, label in blocks}

    def fit(label: Frag, name_index: int) -> float:
        parent = parents.get(name_index)
        return 1.0 if parent and tx.level1_of(label.key) and parent != tx.level1_of(label.key) else 0.0

    return fit, starts


MIDDLE = ("upper middle", "lower middle")
# a label at the top of its block in a table whose other labels stand in their blocks' middle (a word processor
# centres short merged cells and leaves a long one at its top): a line's distance, so that mixing wins only where
# it fits the labels better than one anchoring by more than that
MIXED = 1.5


def _partition(labels: list[Frag], names: list[Frag], fit=None, cuts: Optional[set[int]] = None,
               anchors: tuple[str, ...] = (*MIDDLE, "top")) -> tuple[float, list[tuple[int, Frag]]]:
    """Each level label with the first record of its block, and how far the labels stand from where the reading
    puts them. The records are cut into consecutive blocks, one per label in order, so that every label stands in
    the middle of its block, on the upper or the lower of the two middle lines of an even block (or, if the table
    prints its labels on the first row of their block, at its top): whichever of ``anchors`` fits all the labels
    best."""
    n, m = len(labels), len(names)
    if not n:
        return 0.0, []
    if n > m:
        return 0.0, [(j, label) for j, label in _assign(labels, [(c.line + c.line_end) / 2 for c in names])]
    best: Optional[tuple[float, list[int]]] = None
    for anchor in anchors:
        total, starts = _blocks(labels, names, anchor, fit, cuts)
        if best is None or total < best[0] - 1e-9:
            best = (total, starts)
    return best[0], [(start, label) for start, label in zip(best[1], labels)]


def _levels(cells: list[Frag], names: list[Frag], records: list[list[Frag]], roles: list[Optional[str]]
            ) -> dict[int, list[tuple[int, Frag]]]:
    """The labels of each level column with the first record of their blocks: level-2 blocks first, then level-1
    blocks made of whole level-2 blocks. Whether labels stand in the middle of their blocks or at their top is the
    table's, for both levels: the reading in which all the level labels together stand nearest where it puts them
    (a level-2 block of three rows with its label on the first looks printed at the top; the level-1 label in the
    middle of its five rows says the table centres its labels)."""
    level2 = [col for col, role in enumerate(roles) if role == "level2"]
    level1 = [col for col, role in enumerate(roles) if role == "level1"]
    typical = [_typical(record, roles) for record in records]
    best: Optional[tuple[float, dict[int, list[tuple[int, Frag]]]]] = None
    mixed = tuple(f"mixed {middle}" for middle in MIDDLE)
    for anchors in (MIDDLE, ("top",), mixed):
        total, placed = 0.0, {}
        blocks: Optional[list[tuple[int, Frag]]] = None
        for col in level2:
            cost, placed[col] = _partition([c for c in cells if c.col == col], names,
                                           lambda label, r: _fit(label, typical[r]), anchors=anchors)
            total, blocks = total + cost, placed[col]
        for col in level1:
            cost, placed[col] = _partition([c for c in cells if c.col == col], names, *_within(blocks),
                                           anchors=anchors)
            total += cost
        # mixing the two (free to read any label either way) must fit better by more than a line's distance
        if best is None or total < best[0] - (MIXED if anchors == mixed else 1e-9):
            best = (total, placed)
    return best[1] if best else {}


def _blocks(labels: list[Frag], names: list[Frag], anchor: str, fit=None, cuts: Optional[set[int]] = None
            ) -> tuple[float, list[int]]:
    """The least total distance of labels from where ``anchor`` puts them in their blocks, and the first record of
    each block."""
    n, m = len(labels), len(names)
    inf = float("inf")

    def distance(label: Frag, a: int, b: int) -> float:  # block of records a..b (inclusive)
        if anchor.startswith("mixed "):  # each label in the middle of its block or at its top, the top at a cost
            middle = anchor.removeprefix("mixed ")
            return min(distance_at(label, a, b, middle), distance_at(label, a, b, "top") + MIXED)
        return distance_at(label, a, b, anchor)

    def distance_at(label: Frag, a: int, b: int, anchor: str) -> float:
        first, last = names[a].line, names[b].line_end
        if label.line_end > label.line:  # a label over several lines: its middle against the block's
            gap = abs((label.line + label.line_end) / 2 - ((first + last) / 2 if anchor != "top" else first))
        else:
            at = {"upper middle": (first + last) // 2, "lower middle": (first + last + 1) // 2, "top": first}[anchor]
            gap = abs(label.line - at)
            if gap and anchor != "top":
                # a label off its block's middle line (pushed a line up or down as lines are rounded): between
                # blocks it stands as far from, the one whose middle it is nearer
                gap += NEARER * abs(label.line - (first + last) / 2)
        return gap if fit is None else gap + sum(fit(label, r) for r in range(a, b + 1))

    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back = [[0] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    for i in range(1, n + 1):
        for b in range(i, m - (n - i) + 1):  # the first i blocks cover records 0..b-1
            for a in range(i - 1, b):
                if cost[i - 1][a] == inf or (cuts is not None and a not in cuts):
                    continue
                value = cost[i - 1][a] + distance(labels[i - 1], a, b - 1)
                if value < cost[i][b]:
                    cost[i][b], back[i][b] = value, a
    starts = []
    b = m
    for i in range(n, 0, -1):
        a = back[i][b]
        starts.append(a)
        b = a
    return cost[n][m], starts[::-1]


def _mid(f: Frag) -> float:
    return (f.line + f.line_end) / 2


def _record_row(record: list[Frag]) -> Row:
    record = sorted(record, key=lambda f: f.col)
    first = min(f.line for f in record)
    last = max(f.line_end for f in record)
    return Row(cells=[Cell(f.text, f.line, f.line_end, col=f.col) for f in record], line_start=first, line_end=last)


def _by_line(frags: list[Frag]) -> list[Row]:
    lines: dict[int, list[Frag]] = {}
    for f in frags:
        lines.setdefault(f.line, []).append(f)
    return [Row(cells=[Cell(f.text, f.line, f.line_end, col=f.col) for f in sorted(fs, key=lambda f: f.x)],
                line_start=number, line_end=max(f.line_end for f in fs)) for number, fs in sorted(lines.items())]


def score(lines: list[str]) -> float:
    """The score of ``lines`` read by character or on screen (:func:`_as_placed`), the better."""
    by_character = _score(lines)
    if by_character >= 1.0 or not by_character and (not has_form_words(lines) or any(
            "\t" in line or "|" in line for line in content_lines(lines))) or all(line.isascii() for line in lines):
        return by_character  # no better score to be had, or none on screen either (tabs and bars: not this layout)
    return max(by_character, _score([_on_screen(line) for line in lines]))


def _score(lines: list[str]) -> float:
    """0 without an indicator header whose words are set apart by runs of spaces (tabs and pipes belong to other
    layouts). Else from the rows under such headers: the share that are indented (their first columns left blank,
    as merged cells print) with their first piece standing under a header word of a later column, two characters
    of slack (or, in a table whose cells are centred, with its middle under the word's middle), or that fill every
    column, each piece where its header word starts — high only where the text keeps the page's columns (below
    30%, half the share)."""
    content = content_lines(lines)
    if not content or not has_form_words(lines) or any("\t" in line or "|" in line for line in content):
        return 0.0
    by_line = _fragments(lines, page_furniture(lines))
    aligned = total = 0
    for h, end in _regions(by_line, len(lines)):
        header = by_line[h]
        for k in range(h + 1, end):
            frags = by_line.get(k)
            if not frags:
                continue
            total += 1
            first = frags[0]
            # under a later header word: its start at the word's start, or (a centred table) its middle at the
            # word's middle
            indented = first.x >= 4 and any(abs(first.x - g.x) <= 2 or abs(_centre(first) - _centre(g)) <= 1.5
                                            for g in header[1:])
            # or every column filled, each piece at the start of a header word, one of them far from the last
            # piece's end (a run of spaces that only a page's columns leave)
            lined_up = len(frags) >= 3 and len(frags) == len(header) and all(
                f.x == g.x for f, g in zip(frags, header)) and any(
                f.x - (e.x + display_width(e.text)) >= 6 for e, f in zip(frags, frags[1:]))
            aligned += indented or lined_up
    share = aligned / total if total else 0.0
    if total < 3 or (total < 5 and share < 0.5):  # a table of three or four rows: most of them indented
        return 0.0
    return min(1.0, 0.4 + share) if share >= 0.3 else share / 2
