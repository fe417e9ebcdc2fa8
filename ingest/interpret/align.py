"""Reading indicator rows: the tokens after a header, aligned to the header's columns by dynamic programming.

Every token gets a column role (level-1, level-2, name, value, operator, unit, score, description …), or is read as
the continuation of the previous cell of the same column (a cell split in two), as the wrapped end of the
indicator name (a line of its own after the row), or as noise (``—``, ``……``, a repeated 绩效指标). A *record*
(one indicator row of the form) is a run of tokens whose roles follow the header's column order; a new record
starts where the order starts again.

The best reading maximises the sum of three kinds of evidence:

- content: how well the token's text fits the role (a level-1 label fits only level-1; ``≥95%`` fits a target
  value far better than a name; a bare ``10`` fits a score) — :data:`CONTENT`;
- columns: whether the token stands in the header column of the role, weighted by how reliable the columns of
  this table are (measured on the tokens whose role is clear from their text);
- rows: a record rarely continues across a row break and rarely starts in the middle of a row, weighted by how
  reliable the row breaks of this table are (a stream of one cell per line has none).

Missing cells are allowed (merged level cells cost nothing, a missing value or name costs something). Nothing in
here knows which layout family produced the tokens.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter
from typing import Optional


from ingest.interpret.header import Header, Slot
from ingest.interpret.tokens import (BASIS, DESC, GROUP, L1, L2, L12, LX, NOISE, NUM, OP, PH, SHORT, TARGET, TEXT,
                                     UNIT, Token)

NEG = -1e9
_KINDS = (L1, L2, L12, NUM, TARGET, SHORT, TEXT, DESC, OP, UNIT, NOISE, GROUP, PH, LX, BASIS)
# Content fit of a token class (columns) to a column role (rows): log-odds-like scores, tuned on the real
# documents in sample_data/ and shared/corpus/.
CONTENT: dict[str, tuple[float, ...]] = {
    #              L1    L2    L12   NUM   TARGET SHORT TEXT  DESC  OP    UNIT  NOISE GROUP PH    LX  BASIS
    "level1":    (5.0, -9.0, 4.0, -9.0, -9.0, -9.0, -9.0, -9.0, -9.0, -9.0, -9.0, -9.0, -9.0, 0.5, -9.0),
    "level2":    (-9.0, 5.0, 4.5, -9.0, -9.0, -9.0, -9.0, -9.0, -9.0, -9.0, -9.0, -9.0, -9.0, 0.8, -9.0),
    "name":      (-4.0, -3.0, -3.0, -3.0, -2.0, 0.5, 2.0, 1.0, -6.0, -6.0, -4.0, -3.0, -1.0, -3.0, -3.0),
    "description": (-4.0, -3.0, -3.0, -3.0, -1.0, 0.5, 2.0, 4.0, -6.0, -6.0, -2.0, -4.0, 0.0, -1.0, 0.5),
    "op":        (-9.0, -9.0, -9.0, -9.0, -6.0, -6.0, -9.0, -9.0, 5.0, -9.0, -9.0, -9.0, -9.0, -9.0, -9.0),
    "value":     (-6.0, -5.0, -5.0, 1.0, 4.0, 1.5, 0.0, -2.0, 0.0, -3.0, -1.0, -6.0, 0.5, -3.0, -3.0),
    "unit":      (-9.0, -9.0, -9.0, -9.0, -9.0, -9.0, -9.0, -9.0, -9.0, 5.0, -9.0, -9.0, -9.0, -9.0, -9.0),
    "actual":    (-6.0, -5.0, -5.0, 1.0, 3.0, 1.0, -0.5, -2.0, -9.0, -9.0, -0.5, -6.0, 0.5, -3.0, -3.0),
    "weight":    (-9.0, -9.0, -9.0, 2.5, -4.0, -6.0, -9.0, -9.0, -9.0, -9.0, -1.0, -9.0, -9.0, -9.0, -9.0),
    "score":     (-9.0, -9.0, -9.0, 2.5, -4.0, -6.0, -9.0, -9.0, -9.0, -9.0, -1.0, -9.0, -9.0, -9.0, -9.0),
    "standard":  (-6.0, -6.0, -6.0, 1.5, -1.0, 0.5, 1.0, 1.0, -9.0, -9.0, -1.0, -6.0, 0.5, -2.0, 4.0),
    "basis":     (-6.0, -6.0, -6.0, -2.0, -1.0, 0.5, 1.5, 1.0, -9.0, -9.0, -1.0, -6.0, 0.5, -2.0, 4.0),
    "direction": (-9.0, -9.0, -9.0, -9.0, -9.0, 0.0, -9.0, -9.0, 3.0, -9.0, -9.0, -9.0, -9.0, -9.0, -9.0),
    "remarks":   (-6.0, -6.0, -6.0, -2.0, -2.0, 0.5, 1.0, 0.5, -9.0, -9.0, 0.0, -6.0, 0.5, -2.0, 3.0),
    "grade":     (-6.0, -5.0, -5.0, 1.0, 3.0, 1.0, -0.5, -2.0, -9.0, -9.0, -0.5, -6.0, 0.5, -3.0, -3.0),
    "extra":     (-6.0, -5.0, -5.0, 1.0, 4.0, 1.5, 0.0, -2.0, 0.0, -3.0, -1.0, -6.0, 0.5, -3.0, -3.0),
    # a column the alias table does not name (数据来源, 评价方法): any text, read by its column
    "other":     (-6.0, -6.0, -6.0, -0.5, -1.0, 0.5, 1.0, 0.5, -3.0, -3.0, 0.0, -6.0, 0.5, -2.0, 1.0),
    "seq":       (-9.0, -9.0, -9.0, 2.0, -9.0, -9.0, -9.0, -9.0, -9.0, -9.0, -9.0, -9.0, -9.0, -9.0, -9.0),
}
SKIP = {"name": 5.0, "value": 2.5}  # a record without these costs this much; other columns are often blank
SKIP_OPTIONAL = 0.3
SKIP_SECOND_GROUP = 1.0
# A column continued in the next token (one cell's text split in two). Cheap where the boundary before the token
# may cut through a cell (a single space, a broken PDF grid), dear where it is a real cell boundary.
REPEAT_SOFT = {"extra": 1.0, "name": 0.8, "description": 0.4, "basis": 0.8, "remarks": 0.4, "value": 1.0,
               "standard": 0.8, "actual": 1.0, "other": 0.4}
REPEAT_HARD = 3.5
REPEAT_FRAGMENT = 0.3  # an operator cell followed by its number, a number followed by its unit
REPEAT_TWO_TARGETS = 8.0  # two complete target values are two cells
EMPTY_ROW = 1.0  # a record of level labels only: a row of the form left empty
TAIL = 1.0  # the wrapped end of a name on a line of its own after the row
TAIL_STREAM = 3.0  # ... less likely where rows carry no information (every cell a row of its own)
ENUMERATED = re.compile(r"^(指标\s*\d|\d+\s*[.、:．)）]|[(（]\d+[)）]|[★☆●◆])")
ROW_CONTINUE = 3.0  # a record continuing across a row break, times the row reliability
ROW_SPLIT = 4.0  # a record starting in the middle of a row, times the row reliability
UNIT_IN_COLUMN = -2.0  # a short word in a 计量单位 column, before the column's weight is added
COLUMN = 2.0  # standing in (or out of) the role's column, times the column reliability
LEVEL_COLUMN = 0.3  # level labels name themselves: their column counts for less
HINT = 6.0  # the layout itself says what the cell is (an indentation tree, bracket headings)
HABIT = 2.0  # a text the table's first reading put in one column again and again
NOISE_COST = {NOISE: 0.0, GROUP: 0.0, NUM: -4.0, SHORT: -4.0, PH: -4.0}
NOISE_DEFAULT = -6.0
_KIND_INDEX = {kind: i for i, kind in enumerate(_KINDS)}
_BY_INDEX = attrgetter("index")
_ANCHOR_ROLES = {TARGET: "value", L1: "level1", L2: "level2"}  # the classes whose column tells column reliability
_NOT_ENUMERATED = ("value", "actual", "op", "unit", "weight", "score", "seq")  # an enumerated text is rarely these


@dataclass
class Record:
    """One indicator row: the tokens of each slot (by slot index), the wrapped name tail, the noise."""

    parts: dict[int, list[Token]] = field(default_factory=dict)
    tail: list[Token] = field(default_factory=list)
    noise: list[Token] = field(default_factory=list)

    def tokens(self) -> list[Token]:
        out = [t for ts in self.parts.values() for t in ts] + self.tail
        return sorted(out, key=_BY_INDEX)


def row_reliability(tokens: list[Token], width: int) -> float:
    """How far row breaks can be trusted: the share of rows holding between 2 and ``width + 3`` tokens (a row
    holding only a level label, an empty row of the form, counts for neither side)."""
    counts: dict[int, int] = {}
    labels: dict[int, bool] = {}
    for t in tokens:
        counts[t.row] = counts.get(t.row, 0) + 1
        labels[t.row] = t.kind in (L1, L2, L12)
    rows = [r for r, n in counts.items() if not (n == 1 and labels[r])]
    if not rows:
        return 0.0
    good = sum(1 for r in rows if 2 <= counts[r] <= width + 3)
    return good / len(rows)


def column_anchors(tokens: list[Token], slots: list[Slot]) -> tuple[int, int, int, int]:
    """(target values with a known column, those standing in a value column, level labels with a known column,
    those standing in their level column) — the evidence for :func:`column_reliability`."""
    by_role: dict[str, list[Slot]] = {}
    for s in slots:
        by_role.setdefault(s.role, []).append(s)
    counts = [0, 0, 0, 0]
    for t in tokens:
        role = _ANCHOR_ROLES.get(t.kind)
        if role is None or role not in by_role or t.col is None:
            continue
        checks = [s.covers(t.col) for s in by_role[role]]
        if all(c is None for c in checks):
            continue
        at = 0 if t.kind == TARGET else 2
        counts[at] += 1
        counts[at + 1] += any(checks)
    return counts[0], counts[1], counts[2], counts[3]


def column_reliability(anchors: tuple[int, int, int, int]) -> float:
    """How far columns can be trusted: the share of target values (or, lacking enough of those, level labels)
    that stand in the column of their role."""
    values, in_value, levels, in_level = anchors
    if values >= 4:
        return in_value / values
    if values + levels >= 4:
        return (in_value + in_level) / (values + levels)
    return 0.5 if values + levels else 0.0


_LEVEL_KINDS = frozenset({L1, L2, L12})
HABIT_SEEN, HABIT_SAME, HABIT_SHARE = 3, 2, 0.6  # a habit: seen 3 times or more, 2 of them and 60% in one column


def align(tokens: list[Token], header: Header, cr: Optional[float] = None) -> list[Record]:
    """The best reading of ``tokens`` as records under ``header``; ``cr`` is the column reliability measured on
    the whole document (a document keeps its layout), else on these tokens.

    A second pass reads the table again knowing what its columns hold: a text that the first pass put in the same
    column in most of its places (two of three, ``达成预期指标`` in 实际完成值, ``20`` in 分值; not a level label,
    which the vocabulary reads), is read there again: where a blank cell vanished, the weight after an empty
    value is the weight still (corpus 22's 规章制度建立与否 | 20)."""
    slots = [s for s in header.slots if s.role != "group"]
    if not tokens or not slots:
        return []
    records = _align(tokens, slots, cr, {})
    seen: dict[str, dict[int, int]] = {}  # text → slot → times the first pass put it there
    for record in records:
        for slot, ts in record.parts.items():
            for t in ts:
                if t.kind in _LEVEL_KINDS:
                    continue  # a level label is read by the vocabulary (a name 数量指标 stays a name)
                counts = seen.setdefault(t.key, {})
                counts[slot] = counts.get(slot, 0) + 1
    habits = {}
    for key, counts in seen.items():
        total = sum(counts.values())
        if total < HABIT_SEEN:
            continue  # too rare to be a habit
        slot = max(counts, key=counts.__getitem__)  # the first of the most frequent, as Counter.most_common
        n = counts[slot]
        if n >= HABIT_SAME and n >= HABIT_SHARE * total:
            habits[key] = slot
    if not habits:
        return records
    unsettled = {t.key for t in tokens if t.key in habits and t.key in seen and len(seen[t.key]) > 1}
    unsettled |= {t.key for r in records for t in r.noise + r.tail if t.key in habits}
    # read again only where it can change something: a habitual text somewhere else than its column
    return _align(tokens, slots, cr, habits) if unsettled else records


def _align(tokens: list[Token], slots: list[Slot], cr: Optional[float], habits: dict[str, int]) -> list[Record]:
    """Viterbi over the tokens (plain Python: the tables have few columns, the loops are short)."""
    k = len(slots)
    rr = row_reliability(tokens, k)
    if cr is None:
        cr = column_reliability(column_anchors(tokens, slots))
    col_w = COLUMN * min(1.0, max(0.0, (cr - 0.3) / 0.6))
    skip = [_skip(s) for s in slots]
    cum = [0.0]
    for value in skip:
        cum.append(cum[-1] + value)  # cum[i] = sum(skip[:i])
    end = [_end_cost(slots, a) for a in range(k)]
    start = cum[:k]
    # Moving from slot a to slot b: staying in the record (b > a: the slots between are skipped; b == a: the same
    # column continued, priced per token by repeat_cost) or ending the record at a and starting one at b.
    # stay_into[b] lists (a, cost) for a < b. Going back to an earlier slot within a record (a > b), or continuing
    # a column that cannot continue, is not scored: at a cost of 1e9 it always loses to starting a new record at
    # b, whose costs are all small (and so are the scores, which change by a few points per token).
    stay_into = [[(a, cum[b] - cum[a + 1]) for a in range(b)] for b in range(k)]
    # Starting a record at b costs end[a] + start[b]. The slots with the same start (the level columns and the
    # name all start at 0) have the same costs: the best slot to come from is found once per distinct list.
    new_costs: list[list[float]] = []
    new_group: list[int] = []  # per slot b: its index in new_costs
    for b in range(k):
        costs = [end[a] + start[b] for a in range(k)]
        if costs not in new_costs:
            new_costs.append(costs)
        new_group.append(new_costs.index(costs))
    name_slot = next((i for i, s in enumerate(slots) if s.role == "name"), None)
    roles = tuple(s.role for s in slots)
    columns = tuple((s.role, s.cols) for s in slots)
    slot_range = range(k)
    other_slots = range(1, k)
    no_tail = [NEG] * k
    # The emission and repeat costs depend on a few features of a token only: each is looked up once per
    # distinct combination in the table (most tokens share theirs with an earlier token), in caches shared by
    # the tables with the same header.
    emissions: dict[tuple, tuple[float, ...]] = {}
    repeats: dict[tuple, tuple[Optional[float], ...]] = {}

    n = len(tokens)
    # Per state kind (0 normal: the token has slot a; 1 tail: it continues the name of the record at a; 2 noise:
    # the record stays at a) and slot: the best score of a reading ending at the last token read. Per token, the
    # back pointers: those of the normal states (previous kind, previous slot, new record) and the previous kind
    # of each slot, from which the tail and noise states come without changing slot.
    normal_scores: list[float] = []
    tail_scores: list[float] = []
    noise_scores: list[float] = []
    backs: list[tuple[list[tuple[int, int, int]], list[int]]] = []
    for t, token in enumerate(tokens):
        cell = token.cell
        key = cell.key
        enumerated = ENUMERATED.match(key) is not None
        features = (token.kind, enumerated, cell.hint, habits.get(key), len(key) <= 2, cell.col)
        emit = emissions.get(features)
        if emit is None:
            emit = emissions[features] = _emission(columns, col_w, features)
        noise = NOISE_COST.get(token.kind, NOISE_DEFAULT)
        if t == 0:
            normal_scores = [emit[b] - start[b] for b in slot_range]
            tail_scores = no_tail
            noise_scores = [NEG] * (k - 1) + [noise]
            backs.append(([(0, 0, 1)] * k, [0] * k))
            continue
        # the best state per slot before this token (the first of equal scores, in the order normal, tail, noise)
        prev: list[float] = []
        prev_kind: list[int] = []
        for normal_score, tail_score, noise_score in zip(normal_scores, tail_scores, noise_scores):
            if normal_score >= tail_score and normal_score >= noise_score:
                prev.append(normal_score)
                prev_kind.append(0)
            elif tail_score >= noise_score:
                prev.append(tail_score)
                prev_kind.append(1)
            else:
                prev.append(noise_score)
                prev_kind.append(2)
        cont_pen = ROW_CONTINUE * rr if token.first_in_row else 0.0
        split_pen = 0.0 if token.first_in_row else ROW_SPLIT * rr
        before = tokens[t - 1]
        context = (before.kind, token.kind, token.cell.soft and token.row == before.row, enumerated)
        repeat = repeats.get(context)
        if repeat is None:
            repeat = repeats[context] = _repeat_costs(roles, *context)
        # the best slot to end a record at, per distinct cost list (the first of equal candidates)
        new_best: list[tuple[float, int]] = []
        for costs in new_costs:
            best_new = prev[0] - costs[0] - split_pen
            arg_new = 0
            for a in other_slots:
                candidate = prev[a] - costs[a] - split_pen
                if candidate > best_new:
                    best_new, arg_new = candidate, a
            new_best.append((best_new, arg_new))
        normal_scores = []
        back_normal: list[tuple[int, int, int]] = []
        for b in slot_range:
            best_new, arg_new = new_best[new_group[b]]
            best_same = None
            arg_same = 0
            for a, cost in stay_into[b]:
                candidate = prev[a] - cost - cont_pen
                if best_same is None or candidate > best_same:
                    best_same, arg_same = candidate, a
            if repeat[b] is not None:
                candidate = prev[b] - repeat[b] - cont_pen
                if best_same is None or candidate > best_same:
                    best_same, arg_same = candidate, b
            if best_same is None or best_new > best_same:
                normal_scores.append(best_new + emit[b])
                back_normal.append((prev_kind[arg_new], arg_new, 1))
            else:
                normal_scores.append(best_same + emit[b])
                back_normal.append((prev_kind[arg_same], arg_same, 0))
        tail_scores = no_tail
        if name_slot is not None and token.alone and token.first_in_row and token.kind in (TEXT, SHORT, DESC, PH) \
                and not enumerated and not token.at_end:
            tail_score = CONTENT["name"][_KIND_INDEX[token.kind]] - TAIL - TAIL_STREAM * (1.0 - rr)
            covered = slots[name_slot].covers(token.col) if col_w and token.col is not None else None
            if covered is not None:
                tail_score += col_w * (1.0 if covered else -1.0)
            tail_scores = [prev[a] + tail_score if a > name_slot else NEG for a in slot_range]
        noise_scores = [p + noise for p in prev]
        backs.append((back_normal, prev_kind))
    best = None
    kind = slot = 0
    for state, state_scores in enumerate((normal_scores, tail_scores, noise_scores)):
        for a in slot_range:
            value = state_scores[a] - end[a]
            if best is None or value > best:
                best, kind, slot = value, state, a
    path: list[tuple[int, int, int]] = []  # (kind, slot, new record) per token
    for t in range(n - 1, -1, -1):
        back_normal, prev_kind = backs[t]
        if kind == 0:
            pk, ps, is_new = back_normal[slot]
        else:
            pk, ps, is_new = prev_kind[slot], slot, 0
        path.append((kind, slot, is_new))
        kind, slot = pk, ps
    path.reverse()
    return _records(tokens, path)


@lru_cache(maxsize=16384)
def _emission(columns: tuple[tuple[str, tuple[int, ...]], ...], col_w: float, features: tuple) -> tuple[float, ...]:
    """How well a token fits each slot (``columns``: the role and header columns of each slot), from the token's
    features (content class, enumerated text, layout hint, habitual slot, one or two characters long, column) and
    the weight of the columns."""
    kind, enumerated, hint, habit, very_short, col = features
    ki = _KIND_INDEX[kind]
    roles = [role for role, _ in columns]
    emit = [CONTENT.get(role, CONTENT["remarks"])[ki] for role in roles]
    if enumerated:
        emit = [e + (1.0 if role == "name" else (-4.0 if role in _NOT_ENUMERATED else 0.0))
                for e, role in zip(emit, roles)]
    if hint:
        # a value hint fits the further value columns too (the lower grades of a graded standard)
        emit = [e + (HINT if role == hint or (hint == "value" and role == "extra") else -HINT)
                for e, role in zip(emit, roles)]
    if habit is not None:
        emit[habit] += HABIT
    if very_short and "name" in roles:
        emit[roles.index("name")] -= 1.0  # a name of one or two characters is rare (有效 is a value)
    if col_w and col is not None:
        for b, (role, cols) in enumerate(columns):
            if role == "unit" and kind == SHORT and col in cols:
                emit[b] = UNIT_IN_COLUMN  # a unit the vocabulary does not know (厘米, %百分率) in its column
            if cols:  # a slot without header columns says nothing (Slot.covers)
                factor = LEVEL_COLUMN if role in ("level1", "level2") else 1.0
                emit[b] += col_w * (1.0 if col in cols else -1.0) * factor
    return tuple(emit)


@lru_cache(maxsize=4096)
def _repeat_costs(roles: tuple[str, ...], prev_kind: str, kind: str, soft_same_row: bool,
                  enumerated: bool = False) -> tuple[Optional[float], ...]:
    """repeat_cost per slot; None where the column cannot continue (not scored: see stay_into in _align)."""
    return tuple(repeat_cost(role, prev_kind, kind, soft_same_row, enumerated) if role in REPEAT_SOFT else None
                 for role in roles)


def repeat_cost(role: str, prev_kind: str, kind: str, soft_same_row: bool, enumerated: bool = False) -> float:
    """The cost of reading a token of class ``kind`` as the continuation of one of class ``prev_kind`` in the
    same column; ``soft_same_row``: the boundary between them may cut through a cell, on the same row;
    ``enumerated``: the token begins with a numbering (指标5:, 2、), which begins a cell — it goes on no other."""
    if enumerated and kind not in (TARGET, NUM, UNIT):
        return REPEAT_HARD
    if role in ("value", "actual", "extra"):
        if prev_kind == OP or kind == UNIT:
            return REPEAT_FRAGMENT
        if prev_kind == TARGET:
            return REPEAT_TWO_TARGETS  # a complete target value: what follows is another cell
    elif kind in (TARGET, NUM):
        return REPEAT_HARD  # a text does not go on with a number
    if soft_same_row:
        return REPEAT_SOFT[role]
    return REPEAT_HARD


def _skip(slot: Slot) -> float:
    if slot.role in ("level1", "level2"):
        return 0.0
    if slot.group > 0:
        return SKIP_SECOND_GROUP if slot.role in SKIP else SKIP_OPTIONAL
    return SKIP.get(slot.role, SKIP_OPTIONAL)


def _end_cost(slots: list[Slot], a: int) -> float:
    """The cost of ending a record at slot ``a``: the required slots after it were left out (a record of level
    labels only is a row of the form left empty, which is common)."""
    if slots[a].role in ("level1", "level2"):
        return EMPTY_ROW
    return sum(SKIP[s.role] for s in slots[a + 1:] if s.group == 0 and s.role in SKIP)


def _records(tokens: list[Token], path: list[tuple[int, int, int]]) -> list[Record]:
    records: list[Record] = []
    current: Optional[Record] = None
    for token, (kind, slot, is_new) in zip(tokens, path):
        if kind == 2:
            if current is None:
                current = Record()
                records.append(current)
            current.noise.append(token)
        elif kind == 1 and current is not None:
            current.tail.append(token)
        else:
            if current is None or is_new or (not current.parts and not current.tail):
                if current is None or current.parts or current.tail:
                    current = Record()
                    records.append(current)
            current.parts.setdefault(slot, []).append(token)
    return records


def first_line(record: Record) -> Optional[int]:
    tokens = record.tokens()
    return tokens[0].line if tokens else None


def slot_roles(header: Header) -> list[Slot]:
    return [s for s in header.slots if s.role != "group"]
