"""Read a target value (指标值) as printed into operator, number, unit and kind.

The entry point is :func:`parse_target`. The unit, operator and placeholder tables live in
``ingest/data/values.json`` and are loaded once, at import; a malformed file raises :class:`ValueTablesError`.
Uncertain readings are never guessed silently: they carry a flag in ``ParsedTarget.flags``.
"""

from __future__ import annotations

import calendar
import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ingest.caches import text_cache
from ingest.model import ParsedTarget

TABLES_PATH = Path(__file__).parent / "data" / "values.json"

KINDS_WITH_UNITS = ("percent", "money", "count", "duration", "number")
NUMBER_RE = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
WHITESPACE_RE = re.compile(r"\s+")
SPLIT_NUMBER_RE = re.compile(r"\d\s+[\d.]|\d\.\s+\d")
DIGIT_RE = re.compile(r"\d")
WORD_RE = re.compile(r"\w")
LETTER_RE = re.compile(r"[^\W\d_]")
YEAR_RANGE = (1900, 2100)


class ValueTablesError(RuntimeError):
    """The value tables file is missing or malformed."""


@dataclass(frozen=True)
class Tables:
    """The value tables, prepared for matching (token lists sorted longest first)."""

    prefix_ops: tuple[tuple[str, str], ...]
    suffix_ops: tuple[tuple[str, str], ...]
    approx_prefix: tuple[str, ...]
    approx_suffix: tuple[str, ...]
    qualifiers: tuple[str, ...]
    range_separators: tuple[str, ...]
    unit_kind: dict[str, str]
    units: tuple[str, ...]
    money_to_wan: dict[str, float]
    placeholder_markers: tuple[str, ...]
    placeholder_values: frozenset[str]
    month_end_words: tuple[str, ...]
    before_words: tuple[str, ...]
    completion_words: tuple[str, ...]
    deadline_phrases: tuple[str, ...]
    percent_name_hints: tuple[str, ...]
    prefix_starts: frozenset[str]  # the first characters of the words scan_prefix looks for


@dataclass
class Reading:
    """A number as found in the text, with what surrounds it."""

    number: float
    digits: str
    unit: str | None
    end: int  # index just past the unit (or the number when there is no unit)


def sort_longest(tokens) -> tuple:
    """Return tokens (strings or (string, value) pairs) sorted longest first."""
    return tuple(sorted(tokens, key=lambda t: -len(t[0] if isinstance(t, tuple) else t)))


def require(raw: dict, path: str, kind: type):
    """Return the entry at a dotted path of the raw tables, checking its type."""
    node = raw
    for key in path.split("."):
        if not isinstance(node, dict) or key not in node:
            raise ValueTablesError(f"{TABLES_PATH}: missing entry {path!r}")
        node = node[key]
    if not isinstance(node, kind):
        raise ValueTablesError(f"{TABLES_PATH}: entry {path!r} must be a {kind.__name__}")
    if kind is list and not all(isinstance(item, str) and item for item in node):
        raise ValueTablesError(f"{TABLES_PATH}: entry {path!r} must be a list of non-empty strings")
    if kind is dict and path.startswith("operators") and not all(isinstance(v, str) for v in node.values()):
        raise ValueTablesError(f"{TABLES_PATH}: entry {path!r} must map strings to operators")
    return node


def load_tables(path: Path = TABLES_PATH) -> Tables:
    """Load and check the value tables; raise ValueTablesError with the reason when they are unusable."""
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueTablesError(f"cannot read value tables {path}: {exc}") from exc
    if not isinstance(raw, dict):
        raise ValueTablesError(f"{path}: the top level must be an object")
    valid_ops = {">=", "<=", "=", ">", "<"}
    prefix_ops = {**require(raw, "operators.symbols", dict), **require(raw, "operators.prefix_words", dict)}
    suffix_ops = require(raw, "operators.suffix_words", dict)
    for token, op in {**prefix_ops, **suffix_ops}.items():
        if op not in valid_ops or not token:
            raise ValueTablesError(f"{path}: operator {token!r} -> {op!r} is not one of {sorted(valid_ops)}")
    unit_kind: dict[str, str] = {}
    units = require(raw, "units", dict)
    for kind in KINDS_WITH_UNITS:
        for unit in require(raw, f"units.{kind}", list):
            if unit in unit_kind:
                raise ValueTablesError(f"{path}: unit {unit!r} is listed under both {unit_kind[unit]} and {kind}")
            unit_kind[unit] = kind
    unknown_kinds = set(units) - set(KINDS_WITH_UNITS)
    if unknown_kinds:
        raise ValueTablesError(f"{path}: unknown unit kinds {sorted(unknown_kinds)}")
    money_to_wan = require(raw, "money_to_wan", dict)
    for unit in require(raw, "units.money", list):
        factor = money_to_wan.get(unit)
        if isinstance(factor, bool) or not isinstance(factor, (int, float)) or factor <= 0:
            raise ValueTablesError(f"{path}: money unit {unit!r} needs a positive factor in money_to_wan")
    return Tables(
        prefix_ops=sort_longest(prefix_ops.items()),
        suffix_ops=sort_longest(suffix_ops.items()),
        approx_prefix=sort_longest(require(raw, "approximate.prefix_words", list)),
        approx_suffix=sort_longest(require(raw, "approximate.suffix_words", list)),
        qualifiers=sort_longest(require(raw, "prefix_qualifiers", list)),
        range_separators=sort_longest(require(raw, "range_separators", list)),
        unit_kind=unit_kind,
        units=sort_longest(unit_kind),
        money_to_wan={unit: float(factor) for unit, factor in money_to_wan.items()},
        placeholder_markers=tuple(require(raw, "placeholders.markers", list)),
        placeholder_values=frozenset(require(raw, "placeholders.values", list)),
        month_end_words=sort_longest(require(raw, "deadline.month_end_words", list)),
        before_words=sort_longest(require(raw, "deadline.before_words", list)),
        completion_words=sort_longest(require(raw, "deadline.completion_words", list)),
        deadline_phrases=sort_longest(require(raw, "deadline.phrases", list)),
        percent_name_hints=tuple(require(raw, "percent_name_hints", list)),
        prefix_starts=frozenset(word[0] for word in ["每", *prefix_ops, *require(raw, "approximate.prefix_words", list),
                                                      *require(raw, "prefix_qualifiers", list)]),
    )


TABLES = load_tables()


def build_date_patterns(tables: Tables) -> tuple[re.Pattern, ...]:
    """Compile the calendar-date patterns (most specific first)."""
    end = "|".join(re.escape(w) for w in tables.month_end_words)
    return (
        re.compile(r"(?P<y>\d{4})[./-](?P<m>\d{1,2})[./-](?P<d>\d{1,2})"),
        re.compile(rf"(?:(?P<y>\d{{4}})年度?)?(?P<m>\d{{1,2}})月(?:(?P<d>\d{{1,2}})[日号]|(?P<end>{end})|份)?"),
        re.compile(rf"(?P<y>\d{{4}})年度?(?P<end>{end})"),
        re.compile(rf"(?<!\d)年度?(?P<end>{end})"),
        re.compile(r"(?P<y>\d{4})年度?"),
    )


DATE_PATTERNS = build_date_patterns(TABLES)


_MINUS = str.maketrans({"−": "-", "﹣": "-", "‐": "-", "‑": "-"})


def normalise_value(value: str) -> str:
    """Return the value with full-width forms folded (NFKC), minus signs unified and all whitespace removed."""
    return WHITESPACE_RE.sub("", unicodedata.normalize("NFKC", value).translate(_MINUS))


def add_flag(target: ParsedTarget, flag: str) -> None:
    """Append a flag once."""
    if flag not in target.flags:
        target.flags.append(flag)


_TOKEN_PATTERNS: dict[int, tuple[re.Pattern, dict[str, object]]] = {}


def match_token(text: str, pos: int, tokens) -> str | None:
    """Return the longest token (or (token, value) pair) that starts at pos, else None."""
    compiled = _TOKEN_PATTERNS.get(id(tokens))
    if compiled is None:
        words = {(t[0] if isinstance(t, tuple) else t): t for t in tokens}
        pattern = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))) if words \
            else re.compile(r"(?!)")
        compiled = _TOKEN_PATTERNS[id(tokens)] = (pattern, words)
        _TOKEN_PATTERNS.setdefault(-id(tokens), tokens)  # keep the table alive while its id is a key
    match = compiled[0].match(text, pos)
    return compiled[1][match.group()] if match else None


def match_unit(text: str, pos: int, tables: Tables = TABLES) -> str | None:
    """Return the unit starting at pos, including rate parts such as ``元/人/月``; None when there is none."""
    base = match_token(text, pos, tables.units)
    if base is None:
        return None
    unit = base
    while text.startswith("/", pos + len(unit)):
        per = match_token(text, pos + len(unit) + 1, tables.units)
        if per is None:
            break
        unit = f"{unit}/{per}"
    return unit


def canonical_unit(unit: str | None, tables: Tables = TABLES) -> str | None:
    """Return the unit as it should be read (``百分率`` and ``百分比`` become ``%``)."""
    if unit is not None and tables.unit_kind.get(unit) == "percent":
        return "%"
    return unit


def kind_of_unit(unit: str | None, tables: Tables = TABLES) -> str:
    """Return the kind of a unit (from its base part before any ``/``); ``number`` when unlisted or missing."""
    if unit is None:
        return "number"
    return tables.unit_kind.get(unit.split("/")[0], "number")


def direction_of(op: str | None) -> str | None:
    """Return ``up`` for >=/>, ``down`` for <=/<, else None."""
    return {">=": "up", ">": "up", "<=": "down", "<": "down"}.get(op or "")


def to_float(digits: str) -> float:
    """Convert printed digits (thousand separators allowed) to float."""
    return float(digits.replace(",", ""))


def read_number_at(text: str, match: re.Match, tables: Tables = TABLES) -> Reading:
    """Read a number match and the unit that follows it."""
    unit = match_unit(text, match.end(), tables)
    end = match.end() + (len(unit) if unit else 0)
    return Reading(to_float(match.group()), match.group().replace(",", ""), unit, end)


def scan_prefix(prefix: str, tables: Tables = TABLES) -> tuple[list[str], bool, str]:
    """Split the text before the number into operators, an approximate marker and leftover text."""
    ops: list[str] = []
    approximate = False
    approx_at = 0
    leftover: list[str] = []
    pos = 0
    while pos < len(prefix):
        if prefix[pos] not in tables.prefix_starts:  # no word starts here (most characters of a name)
            leftover.append(prefix[pos])
            pos += 1
            continue
        op = match_token(prefix, pos, tables.prefix_ops)
        if op:
            ops.append(op[1])
            pos += len(op[0])
            continue
        approx = match_token(prefix, pos, tables.approx_prefix)
        if approx:
            approximate = True
            approx_at = len(leftover)
            pos += len(approx)
            continue
        if prefix.startswith("每", pos):
            unit = match_unit(prefix, pos + 1, tables)
            pos += 1 + (len(unit) if unit else 0)
            continue
        qualifier = match_token(prefix, pos, tables.qualifiers)
        if qualifier:
            pos += len(qualifier)
            continue
        leftover.append(prefix[pos])
        pos += 1
    # 约 counts only right before the number ("约2500元"), not inside words such as 节约
    return ops, approximate and approx_at == len(leftover), "".join(leftover)


def scan_suffix(rest: str, unit: str | None, tables: Tables = TABLES) -> tuple[list[str], bool, str]:
    """Consume operator words, approximate markers and a repeated percent word after the unit."""
    ops: list[str] = []
    approximate = False
    pos = 0
    while pos < len(rest):
        op = match_token(rest, pos, tables.suffix_ops)
        if op:
            ops.append(op[0])
            pos += len(op[0])
            continue
        approx = match_token(rest, pos, tables.approx_suffix)
        if approx:
            approximate = True
            pos += len(approx)
            continue
        repeated = match_unit(rest, pos, tables)
        if unit == "%" and repeated and tables.unit_kind.get(repeated) == "percent":
            pos += len(repeated)
            continue
        break
    return ops, approximate, rest[pos:]


def pick_op(target: ParsedTarget, ops: list[str]) -> str | None:
    """Return the first operator; flag op_conflict when the operators point in different directions."""
    if not ops:
        return None
    if len({direction_of(op) for op in ops if direction_of(op)}) > 1:
        add_flag(target, "op_conflict")
    return ops[0]


def is_placeholder(text: str, tables: Tables = TABLES) -> bool:
    """Tell whether the (normalised) value is a placeholder rather than a target."""
    if any(marker in text for marker in tables.placeholder_markers):
        return True
    pos = 0
    while True:
        op = match_token(text, pos, tables.prefix_ops)
        if not op:
            break
        pos += len(op[0])
    return text[pos:].strip("。.，,;；:：") in tables.placeholder_values


def last_day(year: int, month: int) -> int:
    """Return the last day of a month."""
    return calendar.monthrange(year, month)[1]


def find_date(text: str, start: int = 0, anchored: bool = False) -> re.Match | None:
    """Return the earliest (then longest) calendar-date match at or after start."""
    best = None
    for pattern in DATE_PATTERNS:
        match = pattern.match(text, start) if anchored else pattern.search(text, start)
        if match and (best is None or (match.start(), -len(match.group())) < (best.start(), -len(best.group()))):
            best = match
    return best


def is_usable_date(match: re.Match, text: str, tables: Tables = TABLES) -> bool:
    """Tell whether a date match really is a deadline (and not, e.g., a bare month or a count of years)."""
    groups = match.groupdict()
    after = text[match.end() :]
    if groups.get("m") is None:  # year-end or bare year
        if groups.get("end"):
            return True
        # a bare year counts only when nothing but 'within/before' and 'complete' follows: "2024年内完成"
        tail = after
        word = match_token(tail, 0, tables.before_words)
        tail = tail[len(word) :] if word else tail
        word = match_token(tail, 0, tables.completion_words)
        tail = tail[len(word) :] if word else tail
        return tail == "" and YEAR_RANGE[0] <= int(groups["y"]) <= YEAR_RANGE[1]
    if groups.get("y") or groups.get("d") or groups.get("end"):
        return True
    # "5月前" is a deadline; "3月" alone could be a duration, "3月内" most likely is one
    word = match_token(after, 0, tables.before_words)
    return word is not None and word != "内"


def date_of(match: re.Match, fiscal_year: int | None, target: ParsedTarget) -> str | None:
    """Return the ISO date for a date match, flagging what had to be assumed."""
    groups = match.groupdict()
    year = int(groups["y"]) if groups.get("y") else fiscal_year
    month = int(groups["m"]) if groups.get("m") else None
    day = int(groups["d"]) if groups.get("d") else None
    if month is None and not groups.get("end"):
        add_flag(target, "year_only")
    elif month is not None and day is None and not groups.get("end"):
        add_flag(target, "month_only")
    if year is None:
        add_flag(target, "year_missing")
        return None
    month = month or 12
    if not 1 <= month <= 12:
        add_flag(target, "invalid_date")
        return None
    day = day or last_day(year, month)
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        add_flag(target, "invalid_date")
        return None


def read_deadline(text: str, fiscal_year: int | None, tables: Tables = TABLES) -> ParsedTarget | None:
    """Read a deadline given as a calendar date ("5月31日前", "2024年底", "≤2023年11月底"); None otherwise."""
    match = find_date(text)
    if match is None or DIGIT_RE.search(text, 0, match.start()) or not is_usable_date(match, text, tables):
        return None
    target = ParsedTarget(kind="deadline")
    ops, _, _ = scan_prefix(text[: match.start()], tables)
    end_match = match
    sep = match_token(text, match.end(), tables.range_separators)
    if sep:
        second = find_date(text, match.end() + len(sep), anchored=True)
        if second and is_usable_date(second, text, tables):
            end_match = second
            add_flag(target, "date_range")
            if not second.groupdict().get("y") and match.groupdict().get("y"):
                fiscal_year = int(match.group("y"))
    target.op = pick_op(target, ops) or "<="
    target.date = date_of(end_match, fiscal_year, target)
    return target


def read_range_end(text: str, pos: int, tables: Tables = TABLES) -> Reading | None:
    """Return the upper bound of a range ("400元-3000元", "5-10万元") starting at pos, else None."""
    sep = match_token(text, pos, tables.range_separators)
    if not sep:
        return None
    match = NUMBER_RE.match(text, pos + len(sep))
    return read_number_at(text, match, tables) if match else None


def find_restatement(
    lead: Reading, tail: str, tables: Tables = TABLES
) -> tuple[str | None, Reading | None, str | None]:
    """Find the number the explanatory text restates; return (how, reading, operator before or after it)."""
    for match in NUMBER_RE.finditer(tail):
        other = read_number_at(tail, match, tables)
        after, _, _ = scan_suffix(tail[other.end :], other.unit, tables)
        before = next((op for token, op in tables.prefix_ops if tail[: match.start()].endswith(token)), None)
        op = before or (dict(tables.suffix_ops)[after[0]] if after else None)
        if other.number == lead.number:
            return "same", other, op
        if "." not in lead.digits and len(lead.digits) > len(other.digits) and lead.digits.startswith(other.digits):
            return "glued", other, op
        if (
            lead.number < 1
            and canonical_unit(other.unit, tables) == "%"
            and abs(lead.number * 100 - other.number) < 1e-9
        ):
            return "fraction", other, op
    return None, None, None


def apply_restatement(target: ParsedTarget, lead: Reading, tail: str, tables: Tables = TABLES) -> Reading:
    """Use the number/unit restated in trailing text (a Qingdao quirk) and flag how it was read."""
    how, other, op = find_restatement(lead, tail, tables)
    if how is None:
        add_flag(target, "restated_differs")
        return lead
    if direction_of(op) and direction_of(target.op) and direction_of(op) != direction_of(target.op):
        add_flag(target, "op_conflict")
    if how == "glued":
        add_flag(target, "digits_glued")
        return Reading(other.number, other.digits, other.unit or lead.unit, lead.end)
    if how == "fraction":
        add_flag(target, "fraction_as_percent")
        return Reading(other.number, other.digits, other.unit, lead.end)
    if other.unit is None:
        return lead
    if lead.unit and kind_of_unit(lead.unit, tables) != kind_of_unit(other.unit, tables):
        add_flag(target, "unit_conflict")
    return Reading(lead.number, lead.digits, other.unit, lead.end)


def read_number_value(text: str, match: re.Match, name: str | None, tables: Tables = TABLES) -> ParsedTarget:
    """Read a value whose first number is at match: operator, number (or range), unit and kind."""
    target = ParsedTarget()
    start = match.start()
    # a minus sign right before the number (at the start, or after an operator or qualifier) makes it negative;
    # between two numbers it is a range ("5-10")
    negative = start > 0 and text[start - 1] == "-" and (start == 1 or not text[start - 2].isdigit())
    prefix_ops, approximate, leftover = scan_prefix(text[: start - 1 if negative else start], tables)
    if leftover:
        add_flag(target, "text_before_number")
    lead = read_number_at(text, match, tables)
    if negative:
        lead = Reading(-lead.number, "-" + lead.digits, lead.unit, lead.end)
    upper = read_range_end(text, lead.end, tables)
    end = upper.end if upper else lead.end
    suffix_ops, approx_after, tail = scan_suffix(text[end:], canonical_unit((upper or lead).unit, tables), tables)
    approximate = approximate or approx_after
    target.op = pick_op(target, prefix_ops + [dict(tables.suffix_ops)[w] for w in suffix_ops]) or "="
    if approximate:
        add_flag(target, "approximate")

    if upper:
        target.op = "range"
        unit = lead.unit or upper.unit
        if lead.unit and upper.unit and lead.unit != upper.unit:
            add_flag(target, "range_units_differ")
        if upper.number < lead.number:
            add_flag(target, "range_reversed")
        target.number_max = upper.number
    else:
        if DIGIT_RE.search(tail):
            lead = apply_restatement(target, lead, tail, tables)
        elif lead.unit is None and LETTER_RE.fullmatch(tail):
            lead = Reading(lead.number, lead.digits, tail, lead.end)
            add_flag(target, "unit_unknown")
        unit = lead.unit
    target.number = lead.number
    target.unit = canonical_unit(unit, tables)
    target.kind = kind_of_unit(target.unit, tables)

    if target.unit == "年" and target.number.is_integer() and YEAR_RANGE[0] <= target.number <= YEAR_RANGE[1]:
        return ParsedTarget(kind="qualitative", flags=["year_in_text"])
    within = any(w in ("内", "以内") for w in suffix_ops)
    if target.kind == "duration" and within and match_token(tail, 0, tables.completion_words):
        target.kind = "deadline"  # "1年内完成"
    if target.kind == "money":
        factor = tables.money_to_wan[target.unit.split("/")[0]]
        target.amount_wan = round(target.number * factor, 10)
    if target.unit == "月" and target.number.is_integer() and 1 <= target.number <= 12:
        add_flag(target, "ambiguous_month")
    if target.unit is None:
        add_flag(target, "unit_missing")
        if name and target.number <= 100 and any(hint in name for hint in tables.percent_name_hints):
            add_flag(target, "percent_likely")
    return target


def read_value(value: str, fiscal_year: int | None, name: str | None, tables: Tables = TABLES) -> ParsedTarget:
    """Parse a value (see parse_target); may raise on unexpected input."""
    folded = unicodedata.normalize("NFKC", value)
    return read_folded(normalise_value(folded), bool(SPLIT_NUMBER_RE.search(folded)), fiscal_year, name, tables)


def read_folded(text: str, spaced: bool, fiscal_year: int | None, name: str | None,
                tables: Tables = TABLES) -> ParsedTarget:
    """Parse a value already folded by :func:`normalise_value`; ``spaced``: the value as printed had a space inside
    a number (which folding removed)."""
    if not text:
        return ParsedTarget(kind="empty")
    if is_placeholder(text, tables):
        return ParsedTarget(kind="placeholder")
    if not WORD_RE.search(text):
        return ParsedTarget(kind="qualitative", flags=["punctuation_only"])
    deadline = read_deadline(text, fiscal_year, tables)
    if deadline:
        return deadline
    match = NUMBER_RE.search(text)
    if match is None:
        if any(phrase in text for phrase in tables.deadline_phrases):
            return ParsedTarget(kind="deadline")
        return ParsedTarget(kind="qualitative")
    target = read_number_value(text, match, name, tables)
    if spaced:
        add_flag(target, "space_in_number")  # "1 00%": a PDF wrap, or two numbers run together
    return target


def parse_target(value: str, fiscal_year: int | None = None, name: str | None = None) -> ParsedTarget:
    """Read a target value as printed into operator, number, unit and kind; never raises.

    fiscal_year supplies the year of deadlines printed without one ("5月31日前");
    name (the 三级指标) only adds the hint flag ``percent_likely`` to unit-less numbers.
    """
    if value is None:
        return ParsedTarget(kind="empty")
    if not isinstance(value, str):
        value = str(value)
    if not isinstance(fiscal_year, int) or isinstance(fiscal_year, bool):
        fiscal_year = None
    if not isinstance(name, str):
        name = None
    target = ParsedTarget.thawed(_read_cached(value, fiscal_year))
    if "unit_missing" in target.flags and name and target.number is not None and target.number <= 100 \
            and any(hint in name for hint in TABLES.percent_name_hints):
        add_flag(target, "percent_likely")
    return target


@text_cache(maxsize=100_000)
def _read_cached(value: str, fiscal_year: int | None) -> tuple:
    """The reading of ``value`` as printed, shared by every value that folds to the same text (a cell's text and
    its match key, ``6331 元`` and ``6331元``). The fiscal year only ever supplies the year of a deadline printed
    without one, and a reading made without it then says ``year_missing``: any other reading made without the
    year holds for every year. Kept frozen (:meth:`ParsedTarget.frozen`)."""
    folded = unicodedata.normalize("NFKC", value)
    text, spaced = normalise_value(folded), bool(SPLIT_NUMBER_RE.search(folded))
    reading = _read_folded_cached(text, spaced, None)
    if fiscal_year is not None and "year_missing" in reading[-1]:
        reading = _read_folded_cached(text, spaced, fiscal_year)
    return reading


@text_cache(maxsize=100_000)
def _read_folded_cached(text: str, spaced: bool, fiscal_year: int | None) -> tuple:
    try:
        target = read_folded(text, spaced, fiscal_year, None)
    except Exception:  # noqa: BLE001 - the contract is to never raise; the flag sends the value to review
        target = ParsedTarget(kind="qualitative", flags=["parse_error"])
    return target.frozen()
