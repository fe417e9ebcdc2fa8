"""Run-together cells (``run_together``): a table whose cells were pasted with no separator at all, e.g.
``产出指标(70分)数量指标安装坡面水标尺10≥266米≥266米10水标尺宽度…`` (document sites, scraped pages, OCR).

The cells are cut again with the form's vocabulary and the target-value grammar:

1. *anchors*: the labels of the form (项目名称, 年度资金总额, 一级指标 … 得分, 产出指标(70分), 数量指标 …) from the
   alias tables, longest first; a short header word (分值, 得分) only inside a run of other header words;
2. *values*: between anchors, target values (``≥266米``, ``100%``, ``20万元``, ``2021年底``) that stand free — next
   to another value or at the end of the piece — are cut from the text around them; a number inside a name
   (``5000吨稻谷、500吨成品粮储备到位率``) stays in the name; two values fused (``20100%`` before ``100%``) are split
   where the second repeats;
3. the rest is text cells.

Every boundary made here is marked ``soft`` (it may cut one cell in two): the interpreter may join the pieces
again. Cells carry no column (a run-together line has none).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ingest import taxonomy as tx
from ingest.grid import INVISIBLE, Cell, ParseWarning, Row, match_key
from ingest.readers.families.common import content_lines, has_form_words
from ingest.values import TABLES

_MIN_ANCHOR = 4
_SEPARATORS = re.compile(r"[\t|]|\s{2,}")
_CJK = "\u3400-\u9fff"
_WRAP_GAP = re.compile(rf"(?<=[{_CJK}（）()])\s+(?=[{_CJK}（）()])")
_DESCRIPTION_START = re.compile(r"(?<=[\u3400-\u9fff)）])(?=(?:反映|用于反映|考察|衡量)[\u3400-\u9fff])")
_DOUBLED = re.compile(rf"([{_CJK}]{{2,10}}|[是否高低优良])\1"
                      r"|(?<![\d.])(\d+\.\d+)\2(?![.])|(?<![\d.])(0|100)\3(?![\d年月.])")
_PINYIN = re.compile(r"(?<=[\u3400-\u9fff])\([a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńň]{1,7}\)")
_NOTES = ("总分", "注:", "注：", "说明:", "说明：", "填表人", "联系电话")


@lru_cache(maxsize=1)
def _anchor_pattern() -> re.Pattern:
    data = tx.load_aliases()
    words: set[str] = set()
    for aliases in data["fields"].values():
        words.update(aliases)
    for aliases in data["funding_sources"].values():
        words.update(aliases)
    for aliases in data["indicator_header"].values():
        words.update(aliases)
    for aliases in data["level1"].values():
        words.update(aliases)
    for entry in data["level2"].values():
        words.update(entry["aliases"])
    for aliases in data["budget_columns"].values():
        words.update(aliases)
    words.update(data["other_labels"])
    words.update(data["title_suffixes"])
    long_words = sorted((w for w in words if len(w) >= _MIN_ANCHOR and "(" not in w), key=len, reverse=True)
    score = r"(?:[(（]\s*\d+(?:\.\d+)?(?:\s*-\s*\d+)?\s*分\s*[)）]|[(（]\s*必填[^()（）]*[)）])?"
    notes = "|".join(re.escape(w) for w in _NOTES)
    return re.compile(r"(?:其中[:：]?)?(?:" + "|".join(re.escape(w) for w in long_words) + ")" + score
                      + "|" + notes)


@lru_cache(maxsize=1)
def _short_header_words() -> tuple[str, ...]:
    data = tx.load_aliases()
    words = {w for aliases in data["indicator_header"].values() for w in aliases if len(w) < _MIN_ANCHOR}
    words.update(data["indicator_header"]["grade"])
    words.update(w for aliases in data["budget_columns"].values() for w in aliases if len(w) < _MIN_ANCHOR)
    return tuple(sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _value_pattern() -> re.Pattern:
    units = sorted(set(TABLES.unit_kind) | {"%", "％", "厘米", "毫米", "平方米", "㎡", "km", "公里", "万人", "次/年"},
                   key=len, reverse=True)
    unit = "(?:" + "|".join(re.escape(u) for u in units) + r")(?:/(?:[\u4e00-\u9fff]{1,2}|[a-zA-Z]{1,3}))?"
    number = r"\d+(?:\.\d+)?"
    op = r"(?:>=|<=|[≥≤≧≦<>=＝═])"
    date = (r"(?:\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?|\d{1,2}月\d{1,2}日|\d{1,2}月)"
            r"(?:底|末|前|以前|之前)?")
    return re.compile(rf"(?:{op}\s*)?(?:{date}|{number}\s*(?:{unit})?)(?:以上|以下|以内|左右)?")


def segment(text: str) -> list[str]:
    """The cells of one run-together piece of text, in order."""
    text = _WRAP_GAP.sub("", text)
    pieces: list[tuple[str, bool]] = []  # (text, is_anchor)
    pos = 0
    titles = set(tx.load_aliases()["title_suffixes"])
    for match in _anchor_pattern().finditer(text):
        if match.group() in titles:
            # a table title: its words before the suffix belong to it (…专项资金绩效目标自评表)
            start = pieces.pop()[0] if pieces and not pieces[-1][1] and match.start() == pos else ""
            title = start + text[pos:match.start()] if start else text[pos:match.start()] + match.group()
            pieces.append(((start + match.group()) if start else title, True))
            pos = match.end()
            continue
        if match.start() > pos:
            pieces.append((text[pos:match.start()], False))
        pieces.append((match.group(), True))
        pos = match.end()
    if pos < len(text):
        pieces.append((text[pos:], False))
    pieces = _split_short_headers(pieces)
    cells: list[str] = []
    for piece, is_anchor in pieces:
        if is_anchor:
            cells.append(piece)
            continue
        for part in _split_doubled(_DESCRIPTION_START.split(piece)):
            cells.extend(_split_values(part))
    return [c for c in (c.strip(" :：,，;；、") for c in cells) if c]


def _split_doubled(parts: list[str]) -> list[str]:
    """``显著提升显著提升``: a value printed twice (target and actual) is two cells."""
    out: list[str] = []
    for part in parts:
        pos = 0
        for match in _DOUBLED.finditer(part):
            word = match.group(1) or match.group(2) or match.group(3)
            if match.start() < pos:
                continue
            out.append(part[pos:match.start()])
            out.extend([word, word])
            pos = match.end()
        out.append(part[pos:])
    return [p for p in out if p]


def _split_short_headers(pieces: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """A gap between two anchors that is made only of short header words (分值 / 得分 / 权重) is split into them."""
    out: list[tuple[str, bool]] = []
    for k, (piece, is_anchor) in enumerate(pieces):
        between = 0 < k < len(pieces) - 1 and pieces[k - 1][1] and pieces[k + 1][1]
        if is_anchor or not between:
            out.append((piece, is_anchor))
            continue
        words = _cover(piece.strip(), _short_header_words())
        if words:
            out.extend((w, True) for w in words)
        else:
            out.append((piece, is_anchor))
    return out


def _cover(text: str, words: tuple[str, ...]) -> list[str] | None:
    out: list[str] = []
    pos = 0
    while pos < len(text):
        word = next((w for w in words if text.startswith(w, pos)), None)
        if word is None:
            return None
        out.append(word)
        pos += len(word)
    return out or None


def _split_values(piece: str) -> list[str]:
    """Cut free-standing target values out of a piece of text between anchors."""
    matches = [m for m in _value_pattern().finditer(piece) if m.group().strip()]
    free: list[re.Match] = []
    for k, m in enumerate(matches):
        before = matches[k - 1] if k > 0 else None
        after = matches[k + 1] if k + 1 < len(matches) else None
        touches_next = after is not None and after.start() == m.end()
        touches_prev = before is not None and before.end() == m.start()
        at_end = m.end() == len(piece.rstrip())
        has_op = bool(re.match(r"[≥≤≧≦<>=＝═]", m.group()))
        closed = bool(re.search(r"(%|％|前|底|末)$", m.group())) and m.start() > 0  # 100%, 5月31日前: a value's end
        if touches_next or touches_prev or at_end or has_op or closed:
            free.append(m)
    cells: list[str] = []
    pos = 0
    for m in free:
        if m.start() > pos:
            cells.append(piece[pos:m.start()])
        cells.append(m.group())
        pos = m.end()
    if pos < len(piece):
        cells.append(piece[pos:])
    return _split_fused(cells)


def _split_fused(cells: list[str]) -> list[str]:
    """``20100%`` followed by ``100%``: a score fused with the value it precedes (the value repeats as the actual)."""
    out: list[str] = []
    for k, cell in enumerate(cells):
        following = cells[k + 1] if k + 1 < len(cells) else ""
        if following and cell != following and cell.endswith(following) and re.fullmatch(r"\d{1,3}", cell[
                :-len(following)]) and re.match(r"\d", following):
            out.extend([cell[:-len(following)], following])
        else:
            out.append(cell)
    return out


def normalized(raw: str) -> tuple[str, list[int]]:
    """``raw`` as the vocabulary reads it (invisible marks, pinyin annotations and wrap gaps between CJK characters
    dropped, look-alikes and traditional characters mapped), with the index in ``raw`` of every character kept."""
    visible = [(i, ch) for i, ch in enumerate(raw) if ch not in INVISIBLE]
    text = "".join(ch for _, ch in visible)
    dropped = {i for m in _PINYIN.finditer(text) for i in range(m.start(), m.end())}
    dropped |= {i for m in _WRAP_GAP.finditer(text) for i in range(m.start(), m.end())}
    chars: list[str] = []
    index: list[int] = []
    for k, (i, ch) in enumerate(visible):
        if k in dropped:
            continue
        for c in match_key(ch) or (" " if ch.isspace() else ""):
            chars.append(c)
            index.append(i)
    return "".join(chars), index


def segment_raw(raw: str) -> list[str]:
    """The cells of a run-together line as printed: cut where :func:`segment` cuts the normalised text."""
    text, index = normalized(raw)
    out: list[str] = []
    pos = 0
    for cell in segment(text):
        at = text.find(cell, pos)
        if at < 0:
            continue
        end = at + len(cell)
        out.append(raw[index[at]:index[end - 1] + 1])
        pos = end
    return out


def build(lines: list[str]) -> tuple[list[Row], list[ParseWarning]]:
    rows: list[Row] = []
    for number, line in enumerate(lines, 1):
        if not match_key(line):
            continue
        texts = segment_raw(line.strip()) if _is_run_together(line) else [line.strip()]
        cells = [Cell(t, number, number, soft=i > 0) for i, t in enumerate(texts)]
        if cells:
            rows.append(Row(cells=cells, line_start=number, line_end=number))
    return rows, []


def _is_run_together(line: str) -> bool:
    stripped = normalized(line.strip())[0]
    if len(stripped) < 30 or _SEPARATORS.search(stripped):
        return False
    return len(stripped) / len(stripped.split()) > 14 or wrap_gapped(stripped)


def wrap_gapped(line: str) -> bool:
    """The spaces of ``line`` cut through words (``绩 效 指 标一级 指标二级``) rather than separate cells: the form's
    words show up only once the spaces between CJK characters are removed."""
    pattern = _anchor_pattern()
    within = sum(len(pattern.findall(word)) for word in line.split())
    joined = len(pattern.findall(_WRAP_GAP.sub("", line)))
    revealed = joined - within
    return revealed >= 2 and revealed >= within * 0.5


def score(lines: list[str]) -> float:
    """Share of the text (by characters) in long lines without separators that hold the form's words."""
    content = content_lines(lines)
    if not content or not has_form_words(lines):
        return 0.0
    total = sum(len(line) for line in content)
    fused = 0
    for line in content:
        stripped = normalized(line.strip())[0] if _PINYIN.search(line) else line.strip()
        words = stripped.split() or [""]
        if len(stripped) >= 60 and not _SEPARATORS.search(stripped) and (
                len(stripped) / len(words) > 14 or wrap_gapped(stripped)):
            if len(_anchor_pattern().findall(_WRAP_GAP.sub("", stripped))) >= 4:
                fused += len(line)
    return fused / total
