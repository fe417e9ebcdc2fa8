"""Small helpers shared by the text layout families."""

from __future__ import annotations

import re
import unicodedata
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from typing import Optional, Sequence

from ingest import taxonomy as tx
from ingest.caches import text_cache
from ingest.grid import match_key

CJK = "\u3400-\u9fff\uf900-\ufaff"
CJK_GAP = re.compile(rf"[{CJK}]\s+[{CJK}]")
_NUMBER = re.compile(r"^[-+]?\d+(?:\.\d+)?$")
# a piece that begins a target value: an operator or a digit
VALUE_START = re.compile(r"^(?:[≥≤≧≦<>=＝═±]|\d)")
# what a name begins with: a sub-item (其中), a star or bullet, a number (指标2, (3))
NAME_MARK = re.compile(r"\s*(?:其中|[★☆●◆▲■]|指标\s*\d|[(（]\d{1,2}[)）])")
# Words that appear in every target-table layout; a family scores 0 on a text with none of them.
FORM_WORDS = ("项目名称", "项目支出名称", "一级指标", "三级指标", "绩效指标", "绩效目标", "指标值", "专项名称",
              "资金名称", "二级指标", "产出指标", "效益指标", "满意度指标", "指标名称")


# a character that match_key keeps as text, whatever stands around it: a digit, an ASCII letter, a CJK ideograph
KEPT_CHARACTER = re.compile(r"[0-9A-Za-z\u4e00-\u9fff]")


def has_text(lines: Sequence[str]) -> tuple[bool, ...]:
    """Per line, whether it holds text once normalised (``match_key`` not empty); a line with a digit, a letter
    or an ideograph is not normalised for that."""
    return _has_text(tuple(lines))


@lru_cache(maxsize=2)  # every family's score asks, on the same lines
def _has_text(lines: tuple[str, ...]) -> tuple[bool, ...]:
    return tuple(bool(KEPT_CHARACTER.search(line) or match_key(line)) for line in lines)


def content_lines(lines: Sequence[str]) -> list[str]:
    """The lines that hold text (once normalised)."""
    return list(_content_lines(tuple(lines)))


@lru_cache(maxsize=2)
def _content_lines(lines: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(line for line, text in zip(lines, _has_text(lines)) if text)


def to_number(text: Optional[str]) -> Optional[float]:
    if text is None:
        return None
    text = re.sub(r"[\s,，]", "", str(text))
    return float(text) if _NUMBER.match(text) else None


def has_form_words(lines: Sequence[str]) -> bool:
    return _has_form_words(tuple(lines))


@lru_cache(maxsize=2)  # asked by several families' scores and by the reader, on the same lines
def _has_form_words(lines: tuple[str, ...]) -> bool:
    # a form word printed as it is stays whole once normalised (its characters are kept as they are), so the
    # text is normalised only when none is printed so
    text = re.sub(r"\s+", "", "".join(lines))
    if any(word in text for word in FORM_WORDS):
        return True
    text = re.sub(r"\s+", "", "".join(match_key(line) for line in lines))
    return any(word in text for word in FORM_WORDS)


@text_cache(maxsize=8192)
def _line_has_form_words(line: str) -> bool:
    text = re.sub(r"\s+", "", match_key(line))
    return any(word in text for word in FORM_WORDS)


# what page furniture has (digits already replaced by #): a page number, a path or address, a time of day
_PAGE_MARK = re.compile(r"#\s*/\s*#\s*$|第\s*#\s*页|^-\s*#\s*-$|://|#:#")


_MAY_BE_MARKED = re.compile(r"\d|://")  # str.isdigit's digits, full-width ones too
_MARK_SIGNS = re.compile(r"[/／:：∶页\-－—–]")  # a page mark has one of these besides its digits


@text_cache(maxsize=65536)
def _digits_as_hash(line: str) -> str:
    return re.sub(r"\d+", "#", match_key(line))


def page_furniture(lines: list[str]) -> set[int]:
    """Indices of lines a PDF prints on every page (a date and time, a file path, ``1/8``, ``第 2 页``): the same
    text, digits aside, three times or more, with a page mark and none of the form's words; and the running head
    or foot beside them on every page (the same text each time)."""
    if not any(_PAGE_MARK.search(_digits_as_hash(line)) for line in lines
               if _MAY_BE_MARKED.search(line) and _MARK_SIGNS.search(line)):
        return set()  # no line has a page mark (each one needs a digit, or is a path): nothing is furniture
    seen: dict[str, list[int]] = {}
    for k, line in enumerate(lines):
        key = re.sub(r"\d+", "#", match_key(line))
        if key and not _line_has_form_words(line):
            seen.setdefault(key, []).append(k)
    repeated = {key: ks for key, ks in seen.items() if len(ks) >= 3}
    marked = {k for key, ks in repeated.items() if _PAGE_MARK.search(key) for k in ks}
    # a one-page print: the first and last lines with a page mark
    filled = [k for k, line in enumerate(lines) if match_key(line)]
    marked |= {k for k in filled[:2] + filled[-2:] if _PAGE_MARK.search(re.sub(r"\d+", "#", match_key(lines[k])))
               and not _line_has_form_words(lines[k])}
    # a running head or foot (the document's title on every page) stands next to the marked lines
    near = {k + d for k in marked for d in range(-3, 4)}
    return marked | {k for ks in repeated.values() if all(k in near for k in ks) for k in ks}


_UNCLOSED = re.compile(r"[(（][^()（）]*$")


def is_form_label(text: str) -> bool:
    """A label of the form: a level, a header word, a field, a source of funds or another label (资金来源, 项目负责人),
    also with its bracket left open at the end of a line (``数量指标(必填硬性指``, ``项目资金（万``) or closing a list
    (``服务对象满意度指标等``)."""
    key = _UNCLOSED.sub("", match_key(text))
    key = key[:-1] if key.endswith("等") else key
    return bool(key) and bool(tx.level1_of(key) or tx.level2_of(key) or tx.header_role_of(key) or tx.field_of(key)
                              or tx.funding_level_of(key) or tx.is_other_label(key))


_LABELLED = re.compile(r"^(\S{2,12}?)[：:]")


def is_labelled_field(text: str) -> bool:
    """``text`` is a field written label：content (项目名称：抚恤金, 年度资金总额：18.47万元): it begins a row of its
    own, whatever the line before."""
    m = _LABELLED.match(text.strip())
    return m is not None and is_form_label(m.group(1))


def closes_bracket(upper: str, lower: str) -> bool:
    """``lower`` is the end of a bracket ``upper`` left open at the end of its line (``项目资金（万`` / ``元）``)."""
    opened = upper.count("（") + upper.count("(") - upper.count("）") - upper.count(")")
    return opened > 0 and bool(re.fullmatch(r"[^()（）]{0,6}[)）]", lower))


def display_width(text: str) -> int:
    """The width ``text`` takes when printed, in half-width characters: a Chinese character or a full-width sign
    counts two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def widest(widths: list[int], slack: int = 2) -> Optional[int]:
    """The width a column's pieces reach: the largest width another piece comes within ``slack`` of (a lone
    outlier is not the column's width); None with fewer than three pieces."""
    widths = sorted(widths, reverse=True)
    if len(widths) < 3:
        return None
    return next((w for w, below in zip(widths, widths[1:]) if below >= w - slack), None)


@lru_cache(maxsize=1)
def value_tails() -> frozenset[str]:
    """What ends a target value and can be wrapped onto a line of its own (前, 之前, 以上, 以内, 左右: the value
    grammar's words in values.json)."""
    from ingest.values import TABLES

    words = set(TABLES.before_words) | {word for word, _ in TABLES.suffix_ops} | set(TABLES.approx_suffix)
    return frozenset(words - {"内"})


def is_target_value(text: str) -> bool:
    """A whole target value by the target-value grammar (≥90%, =1人, 5月31日前), as the interpreter classes it."""
    from ingest.interpret.tokens import TARGET, content_class

    key = match_key(text)
    return bool(key) and content_class(key) == TARGET


def is_label_like(text: str) -> bool:
    """A label the vocabulary does not know but that reads like a category (制度指标), as the interpreter classes it."""
    from ingest.interpret.tokens import LX, content_class

    key = match_key(text)
    return bool(key) and content_class(key) == LX


def columns_one_after_another(lines: Sequence[str]) -> bool:
    """The value column's header on a line of its own with four target values or more (bare numbers too) on the
    lines right below it, blank lines between allowed: a text that prints a table's columns one after another
    (pdftotext's default mode: every name under 三级指标, then every value under 指标值), not its rows."""
    from ingest.interpret.tokens import NUM, TARGET, content_class  # the target-value grammar

    # (every value-column alias has 值 in it)
    headers = [k for k, line in enumerate(lines) if "值" in line and len(line.strip()) <= 24
               and tx.header_role_of(match_key(line)) == "value"]
    for k in headers:
        run = 0
        for line in lines[k + 1:]:
            key = match_key(line)
            if not key:
                continue
            if content_class(key) not in (TARGET, NUM):
                break
            run += 1
            if run >= 4:
                return True
    return False


def header_scattered(lines: Sequence[str]) -> bool:
    """An indicator table's header words (一级指标, 二级指标, 三级指标, 指标值 …) each on a line of its own but with
    lines of other text between them at least twice: a text that prints a table's blocks one after another
    (pdfminer's text boxes: a column's header, then its cells, then the next column's), not its rows — a row layout
    prints its header cells together (a header of two rows too: 绩效指标 / 指标值 / 一级指标 / 二级指标 / 三级指标)."""
    from ingest import taxonomy as tx

    order = ("level1", "level2", "name", "value")
    content = [line.strip(" \t|｜") for line in lines if match_key(line.replace("|", ""))]  # (no bare | between)
    words = [(k, role) for k, text in enumerate(content) if len(text) <= 12
             for role in [tx.header_role_of(match_key(text))] if role in order]
    # the header words of one table: each within twelve lines of the one before
    clusters: list[list[tuple[int, str]]] = []
    for k, role in words:
        if clusters and k - clusters[-1][-1][0] <= 12:
            clusters[-1].append((k, role))
        else:
            clusters.append([(k, role)])
    for cluster in clusters:
        if len({role for _, role in cluster}) < 3:
            continue
        if sum(1 for (a, _), (b, _) in zip(cluster, cluster[1:]) if b - a >= 2) >= 2:
            return True
    return False


VALUE_RUN = 10
_DIGIT = re.compile(r"\d")


def values_one_after_another(lines: Sequence[str]) -> bool:
    """Ten target values or more on consecutive lines (blank lines between allowed), each a whole line and more
    than a bare number (a number with an operator, a unit, a percent or a date; or, without a digit, a qualitative
    value of the vocabulary): a text
    that prints a table's blocks one after another (pdfminer's text boxes: the names of a table, then its values),
    not its rows — a row layout puts a name between two values."""
    from ingest.qualitative import is_qualitative_value
    from ingest.values import parse_target

    run = 0
    for line in lines:
        text = line.strip()
        if not text:
            continue
        if len(text) > 16 or "\t" in text or "|" in text:  # (a quick look: no value's whole line)
            run = 0
            continue
        if (is_target_value(text) and parse_target(text).kind not in ("number", "empty")) if _DIGIT.search(text) \
                else is_qualitative_value(text):
            run += 1
            if run >= VALUE_RUN:
                return True
        else:
            run = 0
    return False


# the lines a page begins on (a form feed before them in the text), for the families that lay out a page's text by
# position; the families read the lines without the form feeds
_PAGE_STARTS: ContextVar[frozenset[int]] = ContextVar("page_starts", default=frozenset())


@contextmanager
def page_starts(lines: frozenset[int]):
    token = _PAGE_STARTS.set(lines)
    try:
        yield
    finally:
        _PAGE_STARTS.reset(token)


def new_pages() -> frozenset[int]:
    """The (0-based) lines a page begins on in the text being read."""
    return _PAGE_STARTS.get()
