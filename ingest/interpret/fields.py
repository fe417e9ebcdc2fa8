"""The label/value zone above the indicator table: project name, department, total, funding sources, goal, plan.

Labels are recognised through the alias tables wherever they stand; a label's value is the cells that follow it up
to the next label (a ``label:value`` cell is split first). Amounts are read in 万元: a zone that says its unit is
元 (``项目资金(元)``, ``单位:元``) has its amounts converted. In self-evaluation tables, where every funding row holds
several numbers under 年初预算数 / 全年预算数 / 全年执行数 …, the number under the budget column is taken.
"""

from __future__ import annotations

import re
from decimal import Decimal
from dataclasses import dataclass, field
from typing import Optional

from ingest import taxonomy as tx
from ingest.caches import text_cache
from ingest.grid import Cell, ParseWarning
from ingest.interpret.tokens import Token, content_class
from ingest.model import FundingSource, SpendingPlan
from ingest.textnorm import clean_text, join_fragments, normalise_label

_AMOUNT = re.compile(r"^[-+]?\d[\d,，]*(?:\.\d+)?\s*(万元|万|元|亿元)?$")
_EMBEDDED = re.compile(r"^(?P<label>[^:：]{2,40})[:：]\s*(?P<value>.*)$")
_SECOND_FIELD = re.compile(r"(?P<space>\s{2,}|\u3000+)(?P<label>[^\s:：]{2,12})[:：]")
_LAST_COLON = re.compile(r"^(?P<label>.{2,40})[:：]\s*(?P<value>[^:：]*)$")
_SPACED = re.compile(r"^(?P<label>\S{2,20})\s+(?P<value>\S.*)$", re.S)
_PERIOD = re.compile(r"(\d{0,2})月(底|末)")
_YUAN_UNIT = re.compile(r"(单位|金额单位)[:：]?\s*元|[(（]\s*元\s*[)）]")
_WAN_UNIT = re.compile(r"(单位|金额单位)[:：]?\s*万元|[(（]\s*万元\s*[)）]")
TEXT_FIELDS = ("name", "code", "department", "implementing_unit", "attribute", "period", "purpose", "goal",
               "goal_long_term", "functions", "department_name")


@dataclass
class Label:
    kind: str  # field | funding | overall | budget | other | ignored
    key: str  # field name, funding level, overall split or budget column
    label: str  # the label as normalised
    token: Token
    values: list[Token] = field(default_factory=list)


@dataclass
class Zone:
    fields: dict[str, str] = field(default_factory=dict)
    field_tokens: dict[str, list[Token]] = field(default_factory=dict)
    totals: list[tuple[str, float, Token]] = field(default_factory=list)  # (label, amount 万元, token)
    funding: list[FundingSource] = field(default_factory=list)
    overall: dict[str, float] = field(default_factory=dict)
    plan: Optional[SpendingPlan] = None
    plan_rows: tuple[int, int] | None = None
    unit: str = "万元"
    unit_stated: bool = False  # the zone says its unit (万元 or 元)
    warnings: list[ParseWarning] = field(default_factory=list)
    self_evaluation: bool = False
    mid_first: bool = False  # the zone names the mid-term (中期) column before the annual (年度) one


@text_cache(maxsize=100_000)
def leading_label(text: str) -> Optional[tuple[str, str, str]]:
    """The label a cell starts with: the whole cell, or its part before a colon or a space."""
    return classify(text) or classify(re.split(r"[:：]", text)[0]) or classify(text.split()[0] if text.split() else "")


@text_cache(maxsize=100_000)
def classify(text: str) -> Optional[tuple[str, str, str]]:
    """(kind, key, normalised label) when ``text`` is a label of the form."""
    norm = normalise_label(text)
    if not norm or len(norm) > 40:
        return None
    key = tx.field_of(norm)
    if key:
        return "field", key, norm
    level = tx.funding_level_of(norm)
    if level:
        return "funding", level, norm
    split = tx.overall_split_of(norm)
    if split:
        return "overall", split, norm
    column = tx.budget_column_of(norm)
    if column:
        return "budget", column, norm
    if tx.is_other_label(norm):
        return "other", "", norm
    if tx.is_plan_label(norm):
        return "plan", "", norm
    if tx.is_ignored_label(norm):
        return "ignored", "", norm
    return None


def split_embedded(tokens: list[Token]) -> list[Token]:
    """``label:value`` cells become a label token and a value token (same cell provenance); a cell holding two
    fields (``主管部门：天津市西青区司法局    实施单位：天津市西青区司法局``) is cut before the second label first."""
    fields = [piece for token in tokens for piece in _two_fields(token)]
    # funding written as a sentence is cut at its amounts first: 年度资金总额：100万元（其中财政拨款80万元，其他资金
    # 20万元）is no label and one value, its total a sentence
    return _split_embedded([piece for token in fields for piece in _prose_amounts(token)])


_PROSE_AMOUNT = re.compile(r"(?P<amount>\d[\d,，]*(?:\.\d+)?)\s*(?P<unit>万元|元|万)")
_BEFORE_AMOUNT = re.compile(r"([\u4e00-\u9fff（）()]{2,16})\s*(?:为|是|:|：)?\s*$")


def _prose_amounts(token: Token) -> list[Token]:
    """Funding written as a sentence (``年度资金总额18.47万元，其中中央补助0万元、区级资金18.47万元。``): a label
    token and an amount token for each amount, when every amount in the cell follows a total or funding label and
    there are two or more; else the token as it is."""
    raw = token.cell.text
    matches = list(_PROSE_AMOUNT.finditer(raw)) if "元" in raw or "万" in raw else []
    if len(matches) < 2:
        return [token]
    pairs: list[tuple[str, str]] = []
    start = 0
    for m in matches:
        before = _BEFORE_AMOUNT.search(raw[start:m.start()])
        label = _amount_label(before.group(1)) if before else None
        if label is None:
            return [token]
        pairs.append((label, m.group("amount") + m.group("unit")))
        start = m.end()
    out: list[Token] = []
    for k, (label, amount) in enumerate(pairs):
        out.append(_piece(token, label, first=token.first_in_row and k == 0, last=False))
        out.append(_piece(token, amount, first=False, last=token.last_in_row and k == len(pairs) - 1))
    return out


def _amount_label(text: str) -> Optional[str]:
    """The longest end of ``text`` that is a total or funding label (其中中央补助, 年度资金总额)."""
    for k in range(len(text) - 1):
        found = classify(text[k:])
        if found and (found[0] == "funding" or found[:2] == ("field", "total")):
            return text[k:]
    return None


def _two_fields(token: Token) -> list[Token]:
    """``label：value  label：value`` in one cell: two tokens, cut where spaces are followed by a field label and a
    colon."""
    raw = token.cell.text  # as printed: the displayed text has the spaces between the fields squeezed out
    for match in _SECOND_FIELD.finditer(raw):
        found = classify(match.group("label"))
        if found and found[0] in ("field", "funding") and _EMBEDDED.match(raw[:match.start()].strip()):
            first, rest = raw[:match.start()].strip(), raw[match.end("space"):]
            return [_piece(token, first, last=False), *_two_fields(_piece(token, rest, first=False))]
    return [token]


def _piece(token: Token, raw: str, first: Optional[bool] = None, last: Optional[bool] = None) -> Token:
    cell = Cell(raw, token.cell.line_start, token.cell.line_end, col=token.col)
    return Token(cell=cell, index=token.index, row=token.row,
                 first_in_row=token.first_in_row if first is None else first,
                 last_in_row=token.last_in_row if last is None else last, alone=False,
                 kind=content_class(cell.key), text=clean_text(raw))


def _split_embedded(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    for token in tokens:
        match = _EMBEDDED.match(token.text)
        found = classify(match.group("label")) if match else None
        if not match:
            spaced = _SPACED.match(token.cell.text.strip())  # 项目名称 抚恤金: a tab lost between label and value
            found = classify(spaced.group("label")) if spaced else None
            if spaced and found and found[0] in ("field", "funding"):
                match = spaced
            else:
                found = None
        if match and (found is None or found[0] == "ignored"):
            last = _LAST_COLON.match(token.text)  # 其中： 基本支出：958.494
            if last and classify(last.group("label")) not in (None,) and classify(last.group("label"))[0] != "ignored":
                match, found = last, classify(last.group("label"))
        if match and found and found[0] != "ignored":
            label_cell = Cell(match.group("label"), token.cell.line_start, token.cell.line_end, col=token.col)
            out.append(Token(cell=label_cell, index=token.index, row=token.row, first_in_row=token.first_in_row,
                             last_in_row=False, alone=False, kind="TEXT", text=match.group("label")))
            value = match.group("value").strip()
            if value:
                value_cell = Cell(value, token.cell.line_start, token.cell.line_end, col=token.col)
                out.append(Token(cell=value_cell, index=token.index, row=token.row, first_in_row=False,
                                 last_in_row=token.last_in_row, alone=False, kind=content_class(value_cell.key),
                                 text=value))
            continue
        out.append(token)
    return out


@text_cache(maxsize=65536)
def amount_of(text: str, unit: str) -> Optional[float]:
    """The amount in 万元 printed in ``text`` (``2279.048 万元``, ``5.8万``, ``387664.62`` in a 元 zone)."""
    compact = re.sub(r"\s+", "", text or "").replace("，", ",")
    match = _AMOUNT.match(compact)
    if not match:
        return None
    number = float(re.sub(r"[^\d.+-]", "", compact.replace(match.group(1) or "", "")))
    printed = match.group(1)
    if printed in ("万元", "万"):
        return number
    if printed == "元" or (printed is None and unit == "元"):
        return round(number / 10000, 10)
    if printed == "亿元":
        return number * 10000
    return number


def zone_unit(tokens: list[Token]) -> tuple[str, bool]:
    """(unit, whether the zone states it): 元 when the zone says its amounts are in 元 (and never says 万元)."""
    text = " ".join(t.key for t in tokens)
    if _YUAN_UNIT.search(text) and not _WAN_UNIT.search(text):
        return "元", True
    return "万元", bool(_WAN_UNIT.search(text) or "万元" in text)


def read_zone(tokens: list[Token], rows_of) -> Zone:
    """Read the label/value zone ``tokens``; ``rows_of(row index)`` gives a grid row (for the spending plan)."""
    zone = Zone()
    tokens = split_embedded(tokens)
    zone.unit, zone.unit_stated = zone_unit(tokens)
    labels: list[Label] = []
    current: Optional[Label] = None
    for token in tokens:
        if token.cell.hint == "project":
            zone.fields.setdefault("name", token.text)
            zone.field_tokens.setdefault("name", [token])
            current = None
            continue
        if token.cell.hint == "total":
            amount = amount_of(token.text, zone.unit)
            if amount is not None and not zone.totals:
                zone.totals.append(("年度预算安排", amount, token))
            continue
        found = classify(token.text)
        if found is not None:
            current = Label(*found, token=token)
            labels.append(current)
        elif current is not None and _other_label(current, token):
            current = None  # 评价机构：… after 项目单位：…: a field of another form, not the content going on
        elif current is not None and _beside(current, token):
            current = None  # 项目支出名称 | 基本…专项 | 部门预算 | 70.00: the cells beside a name are not the name
        elif current is not None and not current.values and tx.is_list_header(token.text):
            labels.remove(current)  # 项目名称 | 金额 | 备注: the header of a list of projects, not a form's field
            current = None
        elif current is not None:
            current.values.append(token)
    zone.warnings.extend(_label_row_over_amounts(labels, zone.unit))
    budget_columns = [lab.key for lab in labels if lab.kind == "budget"]
    zone.self_evaluation = "executed" in budget_columns or "rate" in budget_columns
    budget_at = _budget_index(budget_columns)
    columns = _columns(labels) if zone.self_evaluation else []
    fused = False  # a row of this zone had its numbers run together (split by the rate printed in it)
    _read_mid_order(zone, labels)
    pending: list[str] = []  # text fields still waiting for a value
    mid_cols = [lab.token.col for lab in labels if lab.kind == "field" and lab.key == "total_mid"
                and lab.token.col is not None]
    annual_cols = [lab.token.col for lab in labels if lab.kind == "field" and lab.key == "total"
                   and lab.token.col is not None]
    for lab in labels:
        numbers = _leading_numbers(lab.values, zone.unit)
        texts = [v for v in lab.values if v not in numbers]
        if lab.kind == "field" and lab.key in TEXT_FIELDS:
            if lab.values:
                value = join_fragments([v.text for v in _unrepeated(lab.values)])
                if lab.key in zone.fields and lab.key in ("purpose", "goal"):
                    zone.fields[lab.key] += value
                else:
                    zone.fields.setdefault(lab.key, value)
                    zone.field_tokens.setdefault(lab.key, lab.values)
            elif lab.key not in zone.fields:
                pending.append(lab.key)
            continue
        if lab.kind == "field" and lab.key == "total":
            amount = _split_fused(lab.values, columns, zone.unit, None, fused)
            fused = fused or amount is not None
            amount = _pick(numbers, budget_at, zone.unit) if amount is None else amount
            if amount is not None:
                zone.totals.append((lab.label, amount, lab.token))
                implied = tx.total_implied_source(lab.label)
                if implied:
                    zone.funding.append(FundingSource(source=implied, level="county", amount_wan=amount))
        elif lab.kind == "funding":
            if _closer_to(lab.token.col, mid_cols, annual_cols):
                continue  # a source of the mid-term (中期) column
            cap = zone.totals[0][1] if zone.totals else None
            amount = _split_fused(lab.values, columns, zone.unit, cap, fused)
            fused = fused or amount is not None
            amount = _pick(numbers, budget_at, zone.unit) if amount is None else amount
            if amount is not None:
                zone.funding.append(FundingSource(source=lab.label, level=lab.key, amount_wan=amount))
        elif lab.kind == "overall":
            amount = _pick(numbers, None, zone.unit)
            if amount is not None:
                zone.overall.setdefault(lab.key, amount)
        if texts and pending:
            key = pending.pop(0)
            zone.fields.setdefault(key, join_fragments([v.text for v in texts]))
            zone.field_tokens.setdefault(key, texts)
    zone.plan, zone.plan_rows = read_plan(tokens, rows_of)
    _guess_yuan(zone)
    return zone


# words and a colon beginning a text (评价机构：, 联系电话:): a label, known to the form or not
_SOME_LABEL = re.compile(r"^[^\s:：\d,，。；;、()（）《》“”]{2,8}\s*[:：]")


def _other_label(lab: Label, token: Token) -> bool:
    """``token`` begins with a label of its own, after the content of a short text field (a name, a unit, a
    department — not a goal, whose text may go on with 具体目标：…)."""
    return (lab.kind == "field" and lab.key in TEXT_FIELDS and lab.key not in _LONG_FIELDS and bool(lab.values)
            and _SOME_LABEL.match(token.text.strip()) is not None)


_LONG_FIELDS = ("purpose", "goal", "goal_long_term", "functions")


def _beside(lab: Label, token: Token) -> bool:
    """``token`` is another cell on the row of a short text field's content, past a boundary the source is sure of
    (a tab, a bar, a spreadsheet's column — not a space nor a broken PDF grid's cut, which may split one cell)."""
    return (lab.kind == "field" and lab.key in TEXT_FIELDS and lab.key not in _LONG_FIELDS and bool(lab.values)
            and token.row == lab.values[-1].row and not token.cell.soft and not lab.values[-1].cell.soft
            and token.cell.col is not None)


def _unrepeated(values: list[Token]) -> list[Token]:
    """A text field's content without the copies of a merged cell: a cell spanning columns that the extraction
    wrote once per column (python-docx, some web-to-text converters: 项目名称 | 抚恤金 | 抚恤金 | 抚恤金) — the same
    text again on the same row."""
    out: list[Token] = []
    for token in values:
        if out and token.row == out[-1].row and token.cell.key == out[-1].cell.key:
            continue
        out.append(token)
    return out


def _is_amount_label(lab: Label) -> bool:
    return lab.kind == "funding" or (lab.kind == "field" and lab.key == "total")


def _label_row_over_amounts(labels: list[Label], unit: str) -> list[ParseWarning]:
    """A row of amount labels over a row of amounts (资金来源 | 年度资金总额 | 财政拨款 | 其他资金 over
    100 | 80 | 20, the amounts row perhaps headed by 项目资金(万元)): each label takes the amount in its place.

    Read label by label, the amounts all follow the last label of the row (or the label heading the amounts row);
    where their number is that of the labels in the row above, they are dealt out in order; where their digits ran
    together, they are cut as :func:`_fused_amounts` finds (a warning where it cannot be sure)."""
    warnings: list[ParseWarning] = []
    k = 0
    while k < len(labels):
        run = [labels[k]]
        while k + len(run) < len(labels) and not run[-1].values and _is_amount_label(labels[k + len(run)]):
            run.append(labels[k + len(run)])
        if len(run) < 2 or not all(_is_amount_label(lab) for lab in run):
            k += 1
            continue
        holder = run[-1]
        amounts = holder.values
        while amounts and _UNIT_CELL.match(amounts[0].text):
            amounts = amounts[1:]  # 项目资金 | (万元) | 100 | 80 | 20: the row label's unit in a cell of its own
        if amounts and all(amount_of(v.text, unit) is not None for v in amounts) \
                and len(amounts) in (len(run), len(run) - 1):
            dealt: list[Optional[Token]] = list(amounts)
        else:
            dealt, warning = _fused_amounts(run, amounts)
            warnings.extend([warning] if warning else [])
        if dealt and len(dealt) == len(run):
            for lab, amount in zip(run, dealt):
                lab.values = [amount] if amount else []
        elif dealt and len(dealt) == len(run) - 1 and len(run) > 2:
            # the last label heads the amounts row (项目资金(万元) | 100 | 80 | 20)
            for lab, amount in zip(run, dealt):
                lab.values = [amount] if amount else []
            holder.values = []
        k += len(run)
    return warnings


_UNIT_CELL = re.compile(r"^\s*[(（]\s*(?:万元|元|万)\s*[)）]\s*$")
_FUSED_DIGITS = re.compile(r"^(?P<unit>[(（]\s*(?:万元|元|万)\s*[)）])?\s*(?P<digits>[\d.]+)$")


def _fused_amounts(run: list[Label], amounts: list[Token]) -> tuple[list[Optional[Token]], Optional[ParseWarning]]:
    """Amounts under a row of amount labels whose digits ran together (年度资金总额 | 财政资金 over ``1616``;
    年度资金总额 | 中央补助 | 市级资金 | 区级资金 | 其他资金 over ``18.470018.470``): the one way to cut them into one
    number per label (or per label but the last, which heads the amounts row) with the total the sum of the
    sources. Only where the row starts with a total and goes on with sources, and only cells the source cut
    softly (text run together or set apart by spaces) are joined. Where several cuts add up, the numbers they all
    agree on (the total at least) and a warning; none where no cut adds up."""
    if not (run[0].kind == "field" and run[0].key == "total") \
            or not all(lab.kind == "funding" for lab in run[1:-1]):
        return [], None
    texts: list[str] = []
    for i, token in enumerate(amounts):
        found = _FUSED_DIGITS.match(token.text.strip())
        if not found or (i and (not token.cell.soft or found.group("unit"))):
            break
        texts.append(found.group("digits"))
    n = len(run) if run[-1].kind == "funding" else len(run) - 1  # else the last label heads the amounts row
    digits = "".join(texts)
    if n < 2 or not digits or not digits[0].isdigit() or len(digits) > 60:
        return [], None
    cuts = list(_adding_up(digits, n))
    if not cuts:
        return [], None
    printed = [parts[0] if all(c[k] == parts[0] for c in cuts) else None for k, parts in enumerate(zip(*cuts))]
    dealt = [_piece(amounts[0], p, first=False, last=False) if p is not None else None for p in printed]
    if len(cuts) == 1:
        return dealt, None
    return dealt, ParseWarning("amounts_run_together", f"资金金额连在一起（{digits}），有 {len(cuts)} 种拆法都与总额"
                               f"相符，只读取了能确定的金额，请核对原表。", amounts[0].line)


def _adding_up(digits: str, n: int, most: int = 8):
    """The cuts of ``digits`` into ``n`` numbers (no leading zeros) whose first is the sum of the others (at most
    ``most`` of them)."""
    def rest(text: str, parts: int, left: Decimal):
        if parts == 1:
            if _NUMBER.match(text) and Decimal(text) == left:
                yield [text]
            return
        for k in range(1, len(text) - parts + 2):
            head = text[:k]
            if not _NUMBER.match(head) or head.endswith("%"):
                continue
            value = Decimal(head)
            if value > left:
                break
            for tail in rest(text[k:], parts - 1, left - value):
                yield [head, *tail]

    found = 0
    for k in range(1, len(digits) - n + 2):
        head = digits[:k]
        if not _NUMBER.match(head) or head.endswith("%"):
            continue
        for tail in rest(digits[k:], n - 1, Decimal(head)):
            yield [head, *tail]
            found += 1
            if found >= most:
                return


YUAN_GUESS_MIN = 100_000  # a bare total of 10 亿元 or more in 万元 is far less likely than an amount in 元


def _guess_yuan(zone: Zone) -> None:
    """A zone that states no unit and prints its total as a whole number ≥ 100000 is in 元."""
    if zone.unit_stated or not zone.totals:
        return
    label, amount, token = zone.totals[0]
    if amount < YUAN_GUESS_MIN or amount != int(amount) or re.search(r"万", token.text):
        return
    zone.unit = "元"
    zone.totals = [(lab, a / 10000, t) for lab, a, t in zone.totals]
    zone.funding = [FundingSource(f.source, f.level, f.amount_wan / 10000) for f in zone.funding]
    zone.warnings.append(ParseWarning("amount_unit_guessed", f"金额未注明单位，{amount:g} 按元读取"
                                      f"（{amount / 10000:g} 万元），请核对。", token.line))


def _leading_numbers(values: list[Token], unit: str) -> list[Token]:
    """The amounts (and dashes standing for blank amounts) right after a label, up to the first text."""
    out: list[Token] = []
    for v in values:
        if amount_of(v.text, unit) is not None or v.kind == "NOISE":
            out.append(v)
        else:
            break
    return out


def _read_mid_order(zone: Zone, labels: list[Label]) -> None:
    mid = next((lab.token.index for lab in labels if lab.kind == "field" and lab.key in ("total_mid",
                "goal_long_term")), None)
    annual = next((lab.token.index for lab in labels if lab.kind == "field" and lab.key in ("total", "goal")
                   and "年度" in lab.label), None)
    zone.mid_first = mid is not None and (annual is None or mid < annual)


def _closer_to(col: Optional[int], mid_cols: list[int], annual_cols: list[int]) -> bool:
    if col is None or not mid_cols:
        return False
    if not annual_cols:
        return False
    return min(abs(col - c) for c in mid_cols) < min(abs(col - c) for c in annual_cols)


def _budget_index(columns: list[str]) -> Optional[int]:
    """Position of the budget column among the self-evaluation columns (全年预算数, else 年初预算数)."""
    if not columns:
        return None
    order = list(dict.fromkeys(columns))
    for wanted in ("budget", "initial"):
        if wanted in order:
            return order.index(wanted)
    return None


def _columns(labels: list[Label]) -> list[str]:
    """The self-evaluation columns in the order the header prints them (全年预算数 among them, though it also reads
    as a total label)."""
    return list(dict.fromkeys(c for lab in labels if (c := tx.budget_column_of(lab.label))))


_NUMBERS = re.compile(r"^\d[\d.]*%?$")
_NUMBER = re.compile(r"^(?:0|[1-9]\d*)(?:\.\d+)?%?$")  # one cell's number: no leading zero


def _split_fused(values: list[Token], columns: list[str], unit: str, cap: Optional[float],
                 fused: bool) -> Optional[float]:
    """The budget of a self-evaluation row whose numbers ran together (``202010100.00%`` ``10`` under
    全年预算数 | 全年执行数 | 分值 | 执行率 | 得分): the one way to cut the digits into the columns' numbers that
    agrees with the rate printed among them (执行数 / 预算数), 分值 ≤ 100, 得分 ≤ 分值 and no score for a rate of 0.
    A row that prints no rate (``2020`` under 其中:本年财政拨款) is cut only in a zone where another row was, and
    only if one cut keeps its budget within the total's (``cap``). None when the numbers read as printed, or cut in
    no single way."""
    texts: list[str] = []
    for v in values:
        text = re.sub(r"\s+", "", v.text).replace("％", "%")
        if not _NUMBERS.match(text):
            break
        texts.append(text)
    if not texts or "rate" not in columns or len(texts) >= len(columns) + 1:
        return None
    if _reading(texts, columns, cap) is not None:
        return None  # read as printed
    found = []
    for parts in _cuts(texts, len(columns)):
        read = _reading(parts, columns, cap)
        if read is not None and parts != texts and (read[1] or (fused and cap is not None)):
            found.append(read[0])
            if len(found) > 1:
                return None
    return amount_of(found[0], unit) if found else None


def _cuts(texts: list[str], most: int):
    """Every way to cut each of ``texts`` into numbers, at most ``most`` numbers in all."""
    if not texts:
        yield []
        return
    for head in _cut(texts[0], most - len(texts) + 1):
        for tail in _cuts(texts[1:], most - len(head)):
            yield head + tail


def _cut(text: str, most: int):
    if most < 1:
        return
    if _NUMBER.match(text):
        yield [text]
    for k in range(1, len(text)):
        if _NUMBER.match(text[:k]) and not text[:k].endswith("%"):
            for rest in _cut(text[k:], most - 1):
                yield [text[:k], *rest]


def _reading(parts: list[str], columns: list[str], cap: Optional[float]) -> Optional[tuple[str, bool]]:
    """(the budget as printed, whether the rate confirms it) when ``parts`` read under ``columns`` make sense."""
    if len(parts) > len(columns):
        return None
    got: dict[str, float] = {}
    for part, column in zip(parts, columns):
        if part.endswith("%") != (column == "rate"):
            return None
        got[column] = float(part.rstrip("%"))
    printed = dict(zip(columns, parts))
    base = "budget" if "budget" in got else "initial"
    weight = got.get("weight", 100.0)
    if base not in got or weight > 100 or got.get("score", 0.0) > weight or (cap is not None and got[base] > cap):
        return None
    if "rate" not in got:  # a row without a rate prints amounts only (a source's row: no 分值, no 得分)
        return (printed[base], False) if set(got) <= {"initial", "budget", "executed"} else None
    if "executed" not in got or got[base] <= 0 or (got["rate"] == 0 and got.get("score", 0.0) > 0):
        return None  # nothing executed scores nothing
    decimals = len(printed["rate"].rstrip("%").partition(".")[2])
    if abs(got["executed"] / got[base] * 100 - got["rate"]) > 10 ** -decimals + 1e-9:
        return None
    return printed[base], True


def _pick(numbers: list[Token], at: Optional[int], unit: str) -> Optional[float]:
    """The amount among the numbers that follow a label (the budget column's in a self-evaluation table)."""
    if not numbers:
        return None
    if at is not None and at < len(numbers) and numbers[at].kind != "NOISE":
        return amount_of(numbers[at].text, unit)
    for token in numbers:
        amount = amount_of(token.text, unit)
        if amount is not None:
            return amount
    return None


def read_plan(tokens: list[Token], rows_of) -> tuple[Optional[SpendingPlan], Optional[tuple[int, int]]]:
    """The spending plan (资金支出计划): a label row with period labels, the cumulative numbers in the next row."""
    seen_rows: set[int] = set()
    for token in tokens:
        if token.row in seen_rows or not tx.is_plan_label(token.text):
            continue
        seen_rows.add(token.row)
        row = rows_of(token.row)
        period_cells = [c for c in row.filled() if c is not token.cell and _PERIOD.search(c.key)]
        if not period_cells:
            continue
        periods = []
        for cell in period_cells:
            match = _PERIOD.search(cell.key.replace(" ", ""))
            periods.append(f"{match.group(1)}月{match.group(2)}" if match and match.group(1) else None)
        months = [int(p[:-2]) for p in periods if p]
        if len(months) != len(periods) or months != sorted(set(months)) or any(m > 12 for m in months):
            periods = [None] * len(periods)
        value_row = rows_of(token.row + 1)
        if value_row is None:
            continue
        header_text = "".join(c.key for c in row.filled()) + "".join(c.key for c in value_row.filled()[:1])
        printed = "%" if "%" in header_text else ("万元" if "万元" in header_text else None)
        value_cells = [c for c in value_row.cells if not re.search(r"[\u4e00-\u9fff]", c.key)]
        if all(c.col is not None for c in period_cells + value_cells):
            by_col = {c.col: amount_of(c.key, "万元") for c in value_cells if c.key}
            values = [by_col.get(c.col) for c in period_cells]
            if not any(v is not None for v in values):
                values = _right_aligned(value_cells, len(periods))
        else:
            values = _right_aligned(value_cells, len(periods))
        plan = SpendingPlan(periods=periods, values=values, unit=printed or "%", unit_as_printed=printed)
        return plan, (row.line_start, value_row.line_end)
    return None, None


def _right_aligned(cells: list[Cell], n: int) -> list[Optional[float]]:
    numbers = [amount_of(c.key, "万元") for c in cells if c.key]
    numbers = numbers[-n:]
    return [None] * (n - len(numbers)) + numbers
