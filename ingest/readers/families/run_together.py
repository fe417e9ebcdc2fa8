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
from ingest.caches import text_cache
from ingest.grid import INVISIBLE, Cell, ParseWarning, Row, match_key
from ingest.readers.families.common import NAME_MARK, content_lines, has_form_words, has_text
from ingest.qualitative import is_qualitative_value, qualitative_patterns as _qualitative
from ingest.values import TABLES, match_unit, read_value

_MIN_ANCHOR = 4
_SEPARATORS = re.compile(r"[\t|]|\s{2,}")
_CJK = "\u3400-\u9fff"
_WRAP_GAP = re.compile(rf"(?<=[{_CJK}（）()])\s+(?=[{_CJK}（）()])")
_DOUBLED = re.compile(rf"([{_CJK}]{{2,10}}?|[是否高低优良])\1+"
                      r"|(?<![\d.])(\d+\.\d+)\2+(?![.])|(?<![\d.])(0|100)\3+(?![\d年月.])")
# a category label the vocabulary does not know, at the start of a cell or after a bracket: ``(定量指标)制度指标规章…``
_CATEGORY = re.compile(rf"(?:(?<=^)|(?<=[)）]))([{_CJK}]{{2,4}}指标)(?=[{_CJK}]{{2}})")
# a label's bracketed alternative (数量指标(或建筑规模指标), 预算(或投资规模)控制指标, 时效指标(工期指标)): not
# a cell of its own, and the label is known without it
_QUALIFIER = re.compile(r"[(（]或[^()（）]{1,12}[)）]|(?<=指标)\s*[(（][^()（）\d]{1,20}指标[)）]")
# a numbered name (指标1: / 指标2. …) begins where its number is printed, whatever came before
_ENUMERATED_NAME = re.compile(r"(?<=.)(?=指标\s*\d{1,2}\s*[.:：、．])")
_NUMBERED = re.compile(r"指标\s*\d{1,2}\s*[.:：、．]")
# the word of a 指标性质 column (定性 / 定量) run in between a name and its value
_KIND_WORDS = ("定性", "定量")
_KIND_WORD = re.compile(r"(?<=[\u4e00-\u9fff)）%％])(定性|定量)(?=[\u4e00-\u9fff≥≤=<>≧≦＝±\d])"
                        # …处置率 | 定性 at a text's end (a row cut off), not 稳定性, 确定性 …
                        r"|(?<=[\u4e00-\u9fff)）”\"])(?<![稳确鉴认界判规决制核测评约法特固肯一指设限预待既])(定性|定量)$")
_OPERATOR_START = re.compile(r"\s*(?:>=|<=|[≥≤≧≦<>=＝═])")
_PINYIN = re.compile(r"(?<=[\u3400-\u9fff])\([a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńň]{1,7}\)")
_TRAILING_ELLIPSIS = re.compile(r"(?<=\S)(?:…+|\.{3,}|·{3,})$")
_NOTES = ("总分", "注:", "注：", "说明:", "说明：", "填表人", "联系电话")


@lru_cache(maxsize=2)
def _anchor_pattern(table_only: bool = False) -> re.Pattern:
    """The form's labels, longest first. ``table_only``: the words of an indicator table alone (header and level
    words), for rows under an indicator header, where a field label inside a cell (``项目年度绩效目标``) is text."""
    data = tx.load_aliases()
    words: set[str] = set()
    if not table_only:
        for aliases in data["fields"].values():
            words.update(aliases)
        for aliases in data["funding_sources"].values():
            words.update(aliases)
        for aliases in data["budget_columns"].values():
            words.update(aliases)
        words.update(data["other_labels"])
        words.update(data["title_suffixes"])
    for aliases in data["indicator_header"].values():
        words.update(aliases)
    for aliases in data["level1"].values():
        words.update(aliases)
    for entry in data["level2"].values():
        words.update(entry["aliases"])
    words.update(data["basis_phrases"]["exact"])  # 计划标准, 核心指标: a 绩效标准 / 备注 column's cell
    # a label with a bracket inside (主管部门(单位)名称) matches either bracket; one that ends in a bracket is left
    # out (项目资金(万元): its bracket is a unit the text may print otherwise)
    long_words = sorted((w for w in words if len(w) >= _MIN_ANCHOR and not w.endswith(")")), key=len, reverse=True)
    score = r"(?:[(（]\s*\d+(?:\.\d+)?(?:\s*-\s*\d+)?\s*分\s*[)）]|[(（]\s*必填[^()（）]*[)）])?"
    notes = "|".join(re.escape(w) for w in _NOTES)
    # a department's 基本支出 / 项目支出 split only before its amount (项目支出 also begins a table's title)
    splits = "" if table_only else "|".join(
        re.escape(w) for aliases in data["overall_split"].values() for w in aliases)
    split_words = rf"|(?:其中[:：]?)?(?:{splits})(?=[:：]?\s*\d)" if splits else ""
    # a short source word after a list number (二、自有资金 … 三、其他3683.3970万元): a label there
    short = sorted({w for aliases in data["funding_sources"].values() for w in aliases if len(w) < _MIN_ANCHOR},
                   key=len, reverse=True)
    numbered = "" if table_only or not short else (
        r"|(?<=[一二三四五六七八九十]、)(?:" + "|".join(re.escape(w) for w in short) + r")(?=[:：]?\s*\d)")
    return re.compile(r"(?:其中[:：]?)?(?:" + "|".join(_bracketed_word(w) for w in long_words) + ")" + score
                      + split_words + numbered + "|" + notes)


def _bracketed_word(word: str) -> str:
    return re.escape(word).replace(r"\(", "[(（]").replace(r"\)", "[)）]")


@lru_cache(maxsize=1)
def _description_start() -> re.Pattern:
    """Where an indicator's explanation begins inside a name (``享受资助人数`` | ``达到预计值``): the words of
    ``description_starts`` in the alias tables, after a CJK character or a closing bracket."""
    data = tx.load_aliases()
    # and where a basis begins (根据年度工作计划确定, 参考上年度完成情况: a 指标值确定依据 column's cell)
    words = sorted({*data["description_starts"], *data["basis_phrases"]["starts"]}, key=len, reverse=True)
    return re.compile(r"(?<=[\u3400-\u9fff)）])(?=(?:" + "|".join(re.escape(w) for w in words) + "))")


@lru_cache(maxsize=1)
def _answer_type() -> re.Pattern:
    """The kind of answer a yes/no indicator asks for (是/否), a cell of its own wherever it is printed."""
    words = sorted(tx.load_aliases()["answer_types"], key=len, reverse=True)
    return re.compile("(" + "|".join(re.escape(w) for w in words) + ")")


@lru_cache(maxsize=1)
def _place_pattern() -> re.Pattern:
    suffixes = "|".join(re.escape(w) for w in sorted(tx.load_aliases()["place_suffixes"], key=len, reverse=True))
    return re.compile(rf"[{_CJK}]{{1,6}}?(?:{suffixes})")


def _places(text: str) -> list[str] | None:
    """``笏石街道办埭头镇``: the names of two places or more run together (header cells of a value column per
    place), each ending as places are named; None when the text is anything else. Each name the longest that leaves
    a text made of names (笏石街道办 before 笏石街道 | 办…); which tails are made of names is worked out once per
    position, from the end."""
    text = text.strip()
    n = len(text)
    if n > 40 or n < 4:
        return None
    ends: dict[int, list[int]] = {}  # position → the ends of the names that begin there, longest first
    made = [False] * (n + 1)  # made[i]: text[i:] is one name or more
    made[n] = True
    for i in range(n - 1, -1, -1):
        ends[i] = [e for e in range(n, i + 1, -1) if made[e] and _place_pattern().fullmatch(text, i, e)]
        made[i] = bool(ends[i])
    out: list[str] = []
    pos = 0
    while pos < n:
        choices = [e for e in ends[pos] if pos or e <= n - 2]  # two names at least
        if not choices:
            return None
        out.append(text[pos:choices[0]])
        pos = choices[0]
    return out if len(out) >= 2 else None


_OP_AND_NUMBER = re.compile(r"(?P<op>>=|<=|[≥≤≧≦<>=＝]?)(?P<number>\d+(?:\.\d+)?[%％]?)")


def _per_place(cell: str, places: int) -> list[str]:
    """Under a value column per place, a target whose number is printed once per place with nothing between
    (``≥11``: ≥ | 1 | 1 under two places) is that many cells, the operator on the first."""
    m = _OP_AND_NUMBER.fullmatch(cell.strip())
    if not m:
        return [cell]
    number = m.group("number")
    if len(number) % places or number[:len(number) // places] * places != number:
        return [cell]
    one = number[:len(number) // places]
    if one.startswith("0") and one != "0" and not one.startswith("0."):
        return [cell]
    return [m.group("op") + one] + [one] * (places - 1)


@lru_cache(maxsize=1)
def _header_anchors() -> frozenset[str]:
    data = tx.load_aliases()
    return frozenset(w for role, aliases in data["indicator_header"].items() if role != "grade" for w in aliases)


@lru_cache(maxsize=1)
def _form_starts() -> frozenset[str]:
    return frozenset(tx.load_aliases()["fields"]["name"])


def _starts_form(word: str) -> bool:
    """The label a new form begins with (项目名称), as matched (possibly with a score or 其中)."""
    return any(word.endswith(w) for w in _form_starts())


@lru_cache(maxsize=1)
def _short_header_words() -> tuple[str, ...]:
    data = tx.load_aliases()
    words = {w for aliases in data["indicator_header"].values() for w in aliases if len(w) < _MIN_ANCHOR}
    words.update(data["indicator_header"]["grade"])
    words.update(w for aliases in data["budget_columns"].values() for w in aliases if len(w) < _MIN_ANCHOR)
    return tuple(sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _op_word() -> re.Pattern:
    """An operator word of the value grammar (不少于, 不低于, 超过 …) at a text's start."""
    return re.compile("|".join(re.escape(w) for w, _ in TABLES.prefix_ops if re.search(r"[\u4e00-\u9fff]", w)))


@lru_cache(maxsize=1)
def value_pattern() -> re.Pattern:
    units = sorted(set(TABLES.unit_kind) | {"%", "％", "厘米", "毫米", "平方米", "㎡", "km", "公里", "万人", "次/年"},
                   key=len, reverse=True)
    # 元/人/月, 元/人*月: a unit per one or two others
    known = "|".join(re.escape(u) for u in units)
    # ... and 元/人、天 (per person and day): a second "per" after 、, a duration or 次
    per_time = "|".join(re.escape(u) for u in sorted(
        [u for u, kind in TABLES.unit_kind.items() if kind == "duration"] + ["次"], key=len, reverse=True))
    unit = f"(?:{known})" + rf"(?:(?:[/·*](?:{known}|[\u4e00-\u9fff]|[a-zA-Z]{{1,3}})){{1,2}}(?:、(?:{per_time}))?)?"
    number = r"\d+(?:\.\d+)?"
    # an operator: a sign, or a word of the value grammar's (不少于, 不低于, 超过) right before the number
    op = rf"(?:>=|<=|[≥≤≧≦<>=＝═±]|(?:{_op_word().pattern})(?=\s*\d))"
    date = (r"(?:\d{4}\s*年(?:\s*\d{1,2}\s*月)?(?:\s*\d{1,2}\s*日)?|\d{1,2}\s*月\s*\d{1,2}\s*日|\d{1,2}\s*月)"
            r"(?:(?:底|末)?(?:前|以前|之前)|底|末)?")
    done = "|".join(TABLES.completion_words)
    amount = rf"{number}\s*(?:{unit})?(?:\s*[-~～至]\s*{number}\s*(?:{unit})?)?"  # 400元-3000元, 5-10万元
    per = r"(?:每[人次年月天日户件场个项]\s*){0,2}"  # 每人每年250元
    # (≥95%完成时间: 完成 begins the next name, 完成时间 / 完成率, not the end of the value)
    done = rf"(?:{done})(?!时间|时限|率|情况|进度|比例|数|量)"
    return re.compile(rf"(?:{op}\s*)?{per}(?:{date}|{amount})(?:以上|以下|以内|左右)?(?:内?{done})?")


def segment(text: str, table_only: bool = False) -> list[str]:
    return list(_segment(text, table_only))


@text_cache(maxsize=8192)
def _segment(text: str, table_only: bool) -> tuple[str, ...]:
    """The cells of one run-together piece of text, in order (``table_only``: a row under an indicator header,
    cut at the table's words only, and at a category label of its own such as ``制度指标``)."""
    text = _WRAP_GAP.sub("", text)
    pieces: list[tuple[str, bool]] = []  # (text, is_anchor)
    pos = 0
    titles = set(tx.load_aliases()["title_suffixes"])
    in_table = False  # after an indicator header: a field label (单位负责人) is a part of a name, not a label
    for match in _anchor_pattern(table_only).finditer(text):
        word = match.group()
        if word in _header_anchors():
            in_table = True
        elif word in titles or _starts_form(word):
            in_table = False
        elif in_table and not _anchor_pattern(True).fullmatch(word) and word not in _NOTES:
            continue
        if _bracketed(text, pos, match):
            continue  # (未注明项目名称): a label's words inside brackets are a part of a text
        if text[match.end():match.end() + 1] in _PROSE_AFTER and not word.startswith(("注", "说明")):
            continue  # …落实到具体项目单位,并严格按照…: a label is followed by its content, not by a comma
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
    pieces = _split_short_headers(_names_ending_in_labels(pieces))
    op_column = any(is_anchor and (tx.header_role_of(piece) == "op" or tx.is_kind_header(piece))
                    for piece, is_anchor in pieces)
    # 绩效标准 before 指标值 (a standard column before the value): what follows a standard's words is the value
    roles_in_order = [tx.header_role_of(piece) for piece, is_anchor in pieces if is_anchor]
    standard_first = any(r in ("standard", "basis") for r in roles_in_order[:roles_in_order.index("value")]) \
        if "value" in roles_in_order else False
    # 评价标准优良中差: a value in each grade's column, so a value printed that many times is that many cells
    grades = sum(1 for piece, is_anchor in pieces if is_anchor and tx.header_role_of(piece) == "grade")
    cells: list[str] = []
    after_basis = False
    per_place = 0  # the number of value columns named after places
    for k, (piece, is_anchor) in enumerate(pieces):
        if is_anchor:
            cells.append(piece)
            after_basis = tx.is_basis_phrase(piece)
            continue
        places = _places(piece) if k and pieces[k - 1][0] in _header_anchors() else None
        if places:  # 指标方向 | 笏石街道办埭头镇: a column per place after the header's words
            cells.extend(places)
            per_place = len(places)
            continue
        value_first, after_basis = after_basis, False
        # 成本指标88100…效益指标: an ellipsis closing a piece stands for a row left empty, not a part of its cells
        trail = _TRAILING_ELLIPSIS.search(piece)
        if trail:
            piece = piece[:trail.start()]
        parts = _CATEGORY.split(piece) if table_only else [piece]
        parts = [e for p in parts for e in _ENUMERATED_NAME.split(p)]
        if op_column:  # 安抚家属情绪定性安抚: the 指标性质 column's word between a name and its value
            parts = [e for p in parts for e in _KIND_WORD.split(p) if e]
            # 定性 | 逐步健全健全区政府…: the value the word announces first (before a word printed twice is read
            # as a value printed twice)
            parts = [e for k, p in enumerate(parts) for e in (
                _lead_apart(p) if k and parts[k - 1] in _KIND_WORDS else [p])]
        parts = [e for p in parts for e in _answer_type().split(p) if e]  # …质量问题 | 是/否 | 否否
        whole: set[str] = set()  # targets printed once per grade: cells as they are
        if grades > 1:  # a target printed once per grade (≤国家部署和工作计划规定时间 four times)
            parts = [e for p in parts for e in _graded_repeats(p, grades, whole)]
        split = _split_doubled([d for p in parts for d in _description_start().split(p)], grades)
        for k, part in enumerate(split):
            if part in whole:
                cells.append(part)
                continue
            announced = bool(k) and split[k - 1] in _KIND_WORDS  # the part after 定量 / 定性 begins with a value
            # 定性 | 有效提升提高案件办理效率: the value the word announces, then the next name; 定量 |
            # ≤5维持中心运行维修维护成本小于5万元: a target and its explanation
            # (a basis column before the value: 计划标准 | ≥140全年发放…140万元, 行业标准 | 有效提升提高案件…)
            lead = (_leading_value(part) or _explained_head(part)) \
                if announced or (value_first and k == 0 and standard_first) else None
            if lead:
                cells.append(lead)
                part = part[len(lead):]
                announced = False
            if k + 1 < len(split) and split[k + 1] in _KIND_WORDS:
                # 促进社会和谐稳定 | 定性: the 指标性质 word follows the name, so nothing at its end is the value
                # (定量 | 100%宣传区域覆盖率 | 定量: the value it announced, then the name)
                explained = _explained_head(part) if announced else None
                found = [explained, part[len(explained):]] if explained else _split_values(part, announced, announced)
                found = [f for f in found if f]
                # (当年结案案件补贴发放达60% | 定量: the name's own number stays in it)
                head = 1 if announced and found and value_pattern().fullmatch(found[0].strip()) else 0
                rest = found[head:]
                if len(rest) > 1 and not any(_OPERATOR_START.match(c) for c in rest):
                    found = found[:head] + ["".join(rest)]
                cells.extend(found)
                continue
            first = (value_first and k == 0) or announced
            cells.extend(_split_qualitative(_split_values(part, first, announced or (first and standard_first))))
        if trail:
            cells.append(trail.group())
    cells = [c for c in (c.strip(" :：,，;；、") for c in cells) if c]
    if per_place:
        cells = [e for c in cells for e in _per_place(c, per_place)]
    cells = _bases_apart(cells)
    if sum(1 for c in cells if tx.header_role_of(c) == "value") >= 2:  # 中期指标值 beside 年度指标值
        cells = _doubled_apart([e for c in cells for e in _twice_at_end(c)])
    roles = {tx.header_role_of(c) for c in cells}
    if "weight" in roles:
        cells = _scores_apart(cells, "score" in roles, "remarks" in roles, "actual" in roles)
    return tuple(_numbered_rows(cells))


def _weights_before_values(rows: list[Row]) -> None:
    """Under 分值 before 年度指标值, the weight most rows print alone between the name and the target (``…原原种`` |
    ``8`` | ``550万粒``), fused to a target elsewhere (``880%``, ``8250%``): cut off it, where what is left is a
    target with a unit. The weight is learned from two rows at least."""
    cells = [c for row in rows for c in row.cells]
    order = [tx.header_role_of(c.key) for c in cells if tx.header_role_of(c.key) in ("weight", "value")]
    if order[:1] != ["weight"]:
        return
    texts = [normalized(c.text.strip())[0] for c in cells]
    seen: dict[str, int] = {}
    for before, cell, after in zip(texts, texts[1:], texts[2:]):
        if cell.isdigit() and len(cell) <= 2 and _starts_name(before) and value_pattern().fullmatch(after):
            seen[cell] = seen.get(cell, 0) + 1
    weight = max(seen, key=seen.get) if seen and max(seen.values()) >= 2 else None
    if weight is None:
        return
    for row in rows:
        out: list[Cell] = []
        for k, cell in enumerate(row.cells):
            text = normalized(cell.text.strip())[0]
            rest = text[len(weight):]
            before = normalized(row.cells[k - 1].text.strip())[0] if k else ""
            if k and text.startswith(weight) and len(rest) >= 2 and _starts_name(before) \
                    and value_pattern().fullmatch(rest) and not rest.startswith(("0", ".")) \
                    and not rest.isdigit():
                head, tail = _cut_raw(cell.text.strip(), len(weight))
                out += [Cell(head, cell.line_start, cell.line_end, soft=cell.soft, hint="weight"),
                        Cell(tail, cell.line_start, cell.line_end, soft=True)]
            else:
                out.append(cell)
        row.cells = out


_SCORES_IN_TEXT = re.compile(r"^(?P<before>.+?)(?P<digits>\d{1,4})(?P<after>[\u3400-\u9fff].*)$")


def _amount_label(text: str) -> bool:
    """A label of the form's amounts (年度资金总额, 其中:区级资金): the number after it is an amount, not scores."""
    key = match_key(re.sub(r"^其中[:：]?", "", text))
    return bool(tx.field_of(key) or tx.funding_level_of(key) or tx.budget_column_of(key))


@lru_cache(maxsize=1)
def _completion_phrases() -> frozenset[str]:
    """What a self-evaluation's 实际完成值 column prints in words (达成预期指标 …: aliases.json)."""
    return frozenset(tx.load_aliases()["completion_phrases"])


_FUSED_TARGET = re.compile(r"(?P<op>[≥≤><=≧≦＝]*)(?P<digits>[1-9]\d{3,}|00[1-9]\d?[1-9]\d?)")  # (0055: 0, 0, 5, 5)


def _target_actual_weight_score(digits: str) -> tuple[str, str, str, str] | None:
    """``331010`` → (3, 3, 10, 10): a target met (the actual the same number) and a weight scored in full (the score
    the same number), fused; None unless exactly one such reading exists."""
    found = []
    for k in range(1, len(digits) // 2):
        target, rest = digits[:k], digits[k:]
        if not rest.startswith(target):
            continue
        scores = rest[k:]
        half = len(scores) // 2
        if scores and len(scores) % 2 == 0 and scores[:half] == scores[half:] and not scores.startswith("0") \
                and 0 < int(scores[:half]) <= 100:
            found.append((target, target, scores[:half], scores[half:]))
    return found[0] if len(found) == 1 else None


def _scores_apart(cells: list[str], scored: bool, remarked: bool, actual: bool = False) -> list[str]:
    """Under a header with a 分值 column (a self-evaluation's 分值 | 得分 too): a completion in words, its weight
    and score, and the next name run together (达成预期指标1010普法培训讲座时间) are cut apart; a weight and a
    score that are equal and fused (1010, 55) are two numbers; with a 实际完成值 column, a target without a unit met
    and scored in full fuses all four (``≥331010``: ≥3, 3, 10, 10); and a remark 无 between them and the next name
    is a cell of its own."""
    out: list[str] = []
    for cell in (_completions_apart(cells) if actual else cells):
        found = _SCORES_IN_TEXT.match(cell)
        before = found.group("before") if found else ""
        lead = _SCORES_FIRST.match(cell) if scored and out and value_pattern().fullmatch(out[-1]) else None
        if found and (is_qualitative_value(before) or before in _completion_phrases()) \
                and _starts_name(found.group("after")):
            pieces = [found.group("before"), found.group("digits"), found.group("after")]
        elif lead and lead.group("digits")[:len(lead.group("digits")) // 2] * 2 == lead.group("digits"):
            pieces = [lead.group("digits"), lead.group("after")]  # 95% | 1010家长满意度: 分值, 得分, the next name
        else:
            pieces = [cell]
        for piece in pieces:
            half = len(piece) // 2
            fused = _FUSED_TARGET.fullmatch(piece) if actual and scored else None
            four = _target_actual_weight_score(fused.group("digits")) if fused else None
            met = _met_in_full(out[-1], piece) if actual and scored and out and piece.isdigit() else None
            if four and not (out and _amount_label(out[-1])):
                out.extend([fused.group("op") + four[0], *four[1:]])
            elif met:
                out.extend(met)
            elif scored and piece.isdigit() and len(piece) % 2 == 0 and piece[:half] == piece[half:] \
                    and not piece.startswith("0") and not (out and _amount_label(out[-1])):
                out.extend([piece[:half], piece[half:]])
            elif remarked and piece.startswith("无") and len(piece) > 3 and out and out[-1].isdigit() \
                    and (_starts_name(piece[1:]) or NAME_MARK.match(piece, 1)):
                out.extend(["无", piece[1:]])
            else:
                out.append(piece)
    return out


_SCORES_FIRST = re.compile(rf"^(?P<digits>[1-9]\d?[1-9]\d?)(?P<after>[{_CJK}]{{2}}.*)$")


def _met_in_full(target: str, digits: str) -> tuple[str, str, str] | None:
    """After a target with its unit (=8个), its number met, then 分值 and 得分 equal, fused (888): the three."""
    if not value_pattern().fullmatch(target) or not re.search(r"\d\D+$", target):
        return None
    number = _FIRST_NUMBER.search(target)
    rest = digits[len(number.group()):] if number and digits.startswith(number.group()) else ""
    half = len(rest) // 2
    if rest and len(rest) % 2 == 0 and rest[:half] == rest[half:] and not rest.startswith("0"):
        return number.group(), rest[:half], rest[half:]
    return None


def _completions_apart(cells: list[str]) -> list[str]:
    """In a self-evaluation run together, a completion in words (达成预期指标) inside a text is a cell of its own:
    before it the name and its target (实施项目对社会产生的不利影响减少: cut as at a piece's end), after it the
    分值 and 得分 and what follows (55无)."""
    phrases = sorted((p for p in _completion_phrases() if len(p) >= 5), key=len, reverse=True)
    out: list[str] = []
    for cell in cells:
        at = next(((cell.find(p), p) for p in phrases if cell.find(p) > 0), None)
        if at is None or value_pattern().fullmatch(cell):
            out.append(cell)
            continue
        start, phrase = at
        rest = cell[start + len(phrase):]
        digits = re.match(r"\d{1,4}", rest)
        # (…护岸长度公里 | 达成预期指标: the name and its target before the completion, a unit-only value too)
        out.extend(_split_qualitative(_split_values(cell[:start])) + [phrase])
        out.extend(p for p in ((digits.group(), rest[digits.end():]) if digits else (rest,)) if p)
    return out


_PROSE_AFTER = tuple(",，。、;；")
# where a basis stated in words ends (根据年度工作计划确定, 参考上年度完成情况): the words that close it
_BASIS_END = re.compile(r"确定|情况|测算|制定|核定|计算|要求|规定")


def _bases_apart(parts: list[str]) -> list[str]:
    """A basis in words (a part beginning 根据 / 参考 / 依据 / 参照) runs to the word that closes it (确定, 情况 …):
    the name after it (根据年度工作计划确定宣传区域覆盖率) is cut off, and what the description words cut inside it
    (参考上年度 | 完成情况) joined again. The closing word is the last of a run of them (根据实际情况确定)."""
    starts = tuple(tx.load_aliases()["basis_phrases"]["starts"])
    out: list[str] = []
    k = 0
    while k < len(parts):
        part = parts[k]
        k += 1
        if not part.startswith(starts):
            out.append(part)
            continue
        while not _BASIS_END.search(part) and k < len(parts) and not value_pattern().search(parts[k]):
            part += parts[k]  # 参考上年度 | 完成情况: one basis
            k += 1
        end = None
        for match in _BASIS_END.finditer(part):
            if not _BASIS_END.match(part, match.end()):
                end = match.end()
                break
        if end is not None and end < len(part) and _CJK_CHAR.match(part[end]):
            out.extend([part[:end], part[end:]])
        else:
            out.append(part)
    return out
_SEQUENCE_HEADERS = ("序号", "编号")
_CJK_CHAR = re.compile(rf"[{_CJK}]")


def _numbered_rows(cells: list[str]) -> list[str]:
    """Under a 序号 header, each row's number where it stands fused to the text around it (``1发放人数``,
    ``安抚6家属满意度``): a number that is the next one in the sequence, between a character and the next name,
    is a cell of its own."""
    if not any(c in _SEQUENCE_HEADERS for c in cells):
        return cells
    weighted = any(tx.header_role_of(c) == "weight" for c in cells)
    out: list[str] = []
    expected = None
    for k, cell in enumerate(cells):
        if cell in _SEQUENCE_HEADERS:
            expected = _first_number(cells[k + 1:])
            out.append(cell)
            continue
        if expected is None:
            out.append(cell)
            continue
        digits = str(expected)
        if weighted and cell.isdigit() and cell.endswith(digits) and 1 <= len(cell) - len(digits) <= 2 \
                and not cell.startswith("0"):
            out.extend([cell[:-len(digits)], digits])  # 102: the row's 分值 10, then the next row's number 2
            expected += 1
            continue
        following = cells[k + 1] if k + 1 < len(cells) else ""
        if cell.isdigit() and expected < int(cell) <= expected + 2 and _starts_name(following):
            # the number of a row after one whose number was not found (15000吨稻谷…: 1 or 15000?): the sequence
            # goes on from it
            out.append(cell)
            expected = int(cell) + 1
            continue
        target = cell[:-len(digits)]
        if cell.endswith(digits) and re.search(r"\d$", target) and value_pattern().fullmatch(target) \
                and _starts_name(following) and not following.startswith(digits):
            # ≥32 | 指标2.化妆品抽验批次: a value without a unit, then the next row's number, then its name
            out.extend([target, digits])
            expected += 1
            continue
        if cell.endswith(digits) and len(target) >= 2 and _CJK_CHAR.match(target[-1]) \
                and not target.endswith(("第", "指标")) and NAME_MARK.match(following):
            # 指标1:新建堤防、护岸长度公里2 | 指标2:灌区…: the next row's number before a numbered name (and a value
            # left without its number before it, 公里)
            out.extend(_split_numberless(target) + [digits])
            expected += 1
            continue
        pieces = [cell]
        while True:
            last = pieces[-1]
            at = _sequence_at(last, expected, weighted)
            if at is None:
                break
            start, end = at
            before = last[:start]
            weight = _WEIGHT_END.search(before) if weighted else None
            if weight and weight.start() > 0:  # 安抚5|6: the row's 分值 before the next row's number
                before_parts = [before[:weight.start()], weight.group()]
            else:
                before_parts = [before]
            pieces[-1:] = [p for p in (*before_parts, last[start:end], last[end:]) if p]
            expected += 1
        if pieces == [str(expected)]:
            expected += 1
        out.extend(pieces)
    # 指标1:新建堤防、护岸长度公里 | 2: a value left without its number (公里) before the next row's number
    out = [e for k, c in enumerate(out) for e in (
        _split_numberless(c) if k + 1 < len(out) and out[k + 1].isdigit() and _starts_name(c) else [c])]
    out = _values_before_numbers(out, weighted)
    return _unit_less_weights(out) if weighted else out


def _first_number(cells: list[str]) -> int:
    """The number the rows under a 序号 header begin with: 1, or where a table goes on under its header printed
    again on the next page, the number its first row shows (16全省…)."""
    headers = _header_anchors() | set(_short_header_words())
    first = next((c for c in cells if c not in headers), "")
    lead = re.match(rf"([1-9]\d{{0,2}})(?=[{_CJK}]|$)", first)
    return int(lead.group(1)) if lead else 1


_UNITLESS = re.compile(r"^(?:>=|<=|[≥≤=<>≧≦＝])\d+(?:\.\d+)?$")  # an operator and a number, no unit


def _unit_less_weights(cells: list[str]) -> list[str]:
    """Under 序号 and 分值: a value without a unit fused with its row's weight (≥310: ≥3 and 10) is cut at the end
    where a weight the other rows print alone (after a value with its unit: 100% | 5) stands, the longest first."""
    weights = {c for k, c in enumerate(cells) if k and re.fullmatch(r"[1-9]\d?", c)
               and re.search(r"[%％\u3400-\u9fff]$", cells[k - 1]) and value_pattern().fullmatch(cells[k - 1])}
    if len(weights) < 2:
        return cells
    out: list[str] = []
    for k, cell in enumerate(cells):
        cut = None
        if _UNITLESS.match(cell):
            for weight in sorted(weights, key=len, reverse=True):
                head = cell[:-len(weight)]
                if cell.endswith(weight) and re.search(r"\d$", head) and not head.endswith("."):
                    cut = (head, weight)
                    break
        fused = _NAME_NUMBERS.match(cell) if cut is None and k + 1 < len(cells) and cells[k + 1].isdigit() else None
        if fused:  # 开展残疾人文化活动110 | 8: the name, its value 1 (no unit) and its weight 10, before a row number
            for weight in sorted(weights, key=len, reverse=True):
                digits = fused.group("digits")
                if digits.endswith(weight) and len(digits) > len(weight) and not digits.startswith("0"):
                    cut = (fused.group("name"), digits[:-len(weight)], weight)
                    break
        out.extend(cut if cut else [cell])
    return out


_NAME_NUMBERS = re.compile(rf"^(?P<name>.*[{_CJK}])(?P<digits>\d{{2,3}})$")


def _values_before_numbers(cells: list[str], weighted: bool = False) -> list[str]:
    """In a numbered table, a text right before a bare number — the next row's number, or its row's 分值 — ends
    its row as a text at the end of a piece does: a name and a qualitative value run together (提升群众法治意识提升
    | 12) are cut as there."""
    out: list[str] = []
    for k, cell in enumerate(cells):
        following = cells[k + 1] if k + 1 < len(cells) else ""
        value = None
        if re.fullmatch(r"\d{1,2}", following) and not value_pattern().fullmatch(cell):
            value = end_value(cell) or _row_end_value(cell, weighted)
        if value and len(value) < len(cell):
            out.extend([cell[:-len(value)], value])
        else:
            out.append(cell)
    return out


_NAME_THEN_NUMBER = re.compile(rf"^.{{3,}}[{_CJK})）](?P<number>[1-9]\d{{0,3}}(?:\.\d+)?)$")


def _row_end_value(cell: str, weighted: bool) -> str | None:
    """A numbered row's whole text before the next row's number (or its 分值) holds its name and its value: a
    number without a unit at its end (开展残疾人文化活动1), or a change after the last word a name ends with
    (残疾人文化活动参与率 | 推动全省提高). Under 分值 a number there may be the value and its weight fused
    (``_unit_less_weights``)."""
    number = None if weighted else _NAME_THEN_NUMBER.match(cell)
    if number and not cell[:number.start("number")].endswith(("第", "指标")):
        return number.group("number")
    changes = _qualitative()[3]
    if not cell.endswith(changes):
        return None
    cuts = [m.end() for m in re.finditer("|".join(map(re.escape, ANY_ENDING)), cell)]
    cut = next((c for c in reversed(cuts) if 2 <= len(cell) - c <= 8 and c >= 4), None)
    return cell[cut:] if cut is not None and _CJK_CHAR.match(cell[cut]) else None


# a row's 分值 at the end of its text, before the next row's number: one or two digits after a value's last
# character (安抚5, ≥50人次10, =100%5), not after a digit or a sign
_WEIGHT_END = re.compile(r"(?<=[^\d.\s≥≤=<>＝≧≦+-])\d{1,2}$")


_NAME_END = re.compile(rf"[{_CJK})）]")


def _sequence_at(text: str, number: int, weighted: bool = False) -> tuple[int, int] | None:
    """Where ``number`` stands in ``text`` as a row number: at its start or after a character, followed by a
    character (the next name), not part of a longer number — or, in a table with a 分值 column (``weighted``),
    right after the row's weight (``安抚56家属满意度``: 5 the weight, 6 the next row)."""
    digits = str(number)
    for m in re.finditer(re.escape(digits), text):
        start, end = m.span()
        if weighted and start and text[start - 1].isdigit() and _WEIGHT_END.search(text[:start]) \
                and _CJK_CHAR.match(text[end:end + 1] or " "):
            return start, end
        run = re.search(r"\d+$", text[:start]) if weighted and start else None
        if run and 2 <= len(run.group()) <= 3 and run.start() and _CJK_CHAR.match(text[run.start() - 1]) \
                and _starts_name(text[end:]) and match_unit(text, end) is None:
            # 开展残疾人文化活动1|10|8残疾人…: a value without a unit and its 分值 fused before the next row's number
            return start, end
        run = re.search(r"\d+$", text[:start]) if not weighted and start else None
        if run and len(run.group()) <= 4 and run.start() and _NAME_END.match(text[run.start() - 1]) \
                and (run.group() == "0" or not run.group().startswith("0")) and _starts_name(text[end:]) \
                and match_unit(text, end) is None and not text[:run.start()].endswith(("第", "指标")):
            # 开展残疾人文化活动1|8残疾人…: a value without a unit right before the next row's number
            return start, end
        before = text[start - 1] if start else ""
        after = text[end:end + 1]
        # not an ordinal (第3季度) nor a name's own number (指标2企业自行采购); a count inside a name (开展2次培训) is
        # taken only where it is the next row's number, its row's text not yet ended: rare enough against every
        # row's number fused to its name
        # the next row's number after a value's unit (2km | 3 | 项目(工程)验收合格率, 100% | 4 | …)
        if after and (_CJK_CHAR.match(after) or NAME_MARK.match(text, end)) and (
                not before or _CJK_CHAR.match(before) or (
                before in "%％" or before.isascii() and before.isalpha()) and _starts_name(text[end:])) \
                and not text[:start].endswith(("第", "指标")):
            return start, end
    return None


def _bracketed(text: str, pos: int, match: re.Match) -> bool:
    """The label ``match`` stands inside brackets opened after the last cut (``pos``) and closed right after it."""
    opened = max(text.rfind("(", pos, match.start()), text.rfind("（", pos, match.start()))
    return opened >= 0 and not re.search(r"[)）]", text[opened:match.start()]) and text.startswith(
        (")", "）"), match.end())


def _names_ending_in_labels(pieces: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """``考试考核服务对象满意度≥90%``: a category label between a text and a target value is the end of the
    text's name (a label is followed by a name, never by a value)."""
    out: list[tuple[str, bool]] = []
    for k, (piece, is_anchor) in enumerate(pieces):
        following = pieces[k + 1] if k + 1 < len(pieces) else None
        # (考试考核服务对象满意度 | 计划标准: a basis after the name, the value after it)
        if is_anchor and out and not out[-1][1] and following \
                and ((not following[1] and re.match(r"\s*[≥≤≧≦<>=＝═]|\s*\d+(?:\.\d+)?\s*[%％]", following[0]))
                     or (following[1] and tx.is_basis_phrase(following[0]))) \
                and piece not in _header_anchors() and (tx.level1_of(piece) or tx.level2_of(piece)):
            out[-1] = (out[-1][0] + piece, False)
            continue
        out.append((piece, is_anchor))
    return out


def _split_doubled(parts: list[str], grades: int = 0) -> list[str]:
    """``显著提升显著提升``: a value printed twice (target and actual) is two cells; under ``grades`` graded
    standards (优 良 中 差), a value printed that many times is that many cells, and a copy more begins the next
    name."""
    out: list[str] = []
    for part in parts:
        pos = 0
        for match in _DOUBLED.finditer(part):
            word = match.group(1) or match.group(2) or match.group(3)
            following = value_pattern().match(part, match.end()) if match.group(1) else None
            if match.start() < pos or (following and not re.fullmatch(r"[\d.\s]+", following.group())):
                continue  # 项目完成周期周期|4个月: a word printed twice right before a target is the end of a name
            copies = (match.end() - match.start()) // len(word)
            if grades > 1 and copies >= grades:
                out.extend([part[pos:match.start()]] + [word] * grades)
                pos = match.start() + grades * len(word)
                continue
            if match.group(1) and _starts_name(part[match.end():]) and _split_qualitative([word + part[
                    match.end():]])[-1] != word + part[match.end():]:
                # 水平提升|提升司法所规范化程度提升: the last word begins the next name (which ends in a value)
                if copies == 2:
                    out.append(part[pos:match.start()] + word)
                else:
                    out.extend([part[pos:match.start()]] + [word] * (copies - 1))
                pos = match.end() - len(word)
                continue
            out.extend([part[pos:match.start()]] + [word] * copies)
            pos = match.end()
        out.append(part[pos:])
    return [p for p in out if p]


def _graded_repeats(text: str, grades: int, whole: set[str]) -> list[str]:
    """Under graded standards (优 | 良 | 中 | 差), a target printed the same in every grade, inside a text: the text
    before it, the target once per grade, and the text after it (the next name), each a piece of its own. Only a
    target of two characters or more printed exactly ``grades`` times; the earliest, longest such run."""
    n = len(text)
    for start in range(n):
        for size in range((n - start) // grades, 1, -1):
            word = text[start:start + size]
            if text.startswith(word * grades, start) and not text.startswith(word, start + size * grades):
                # the latest turn of the same run (≤0.2百分率 four times, not 率≤0.2百分 after 再犯罪)
                while start + 1 + size * grades <= n and text.startswith(text[start + 1:start + 1 + size] * grades,
                                                                            start + 1):
                    start += 1
                word = text[start:start + size]
                end = start + size * grades
                if value_pattern().fullmatch(word) is None:
                    whole.add(word)  # (a target in words or with its explanation: not cut again)
                return [p for p in [text[:start]] + [word] * grades + [text[end:]] if p]
    return [text]


def _starts_name(text: str) -> bool:
    return bool(re.match(rf"[{_CJK}]{{2}}", text))


# a name does not begin with these: what follows a phrase inside a name (按时完成率, 年度计划完成情况) is its end
NAME_ENDINGS = ("率", "情况", "时间", "数", "比例", "度", "量", "性", "进度", "任务", "水平", "能力", "意识",
                 "环境", "效果", "机制", "影响")


def _split_qualitative(cells: list[str]) -> list[str]:
    """``提升群众法治意识提升``: a text left at the end of a piece (no target value after it) that ends in a
    qualitative value is a name and its value: a phrase of the vocabulary (长效, 年度内完成, 年度计划), a degree and
    a change (有效提升), a limit (支出金额控制在预算额度内, 严格执行相关财经法规制度), a judgement after a word
    asking for one (安全性高), or a change word repeating the one the name begins with (提高群众法治观念提高) or after
    the way names end (对社会产生的不利影响减少).

    Inside any text of the piece, more names and values may be run together (提升依法行政能力有效提升提高案件办理
    效率): a degree and a change followed by a name that begins with a change word (or after a name that ends as
    names do), or a phrase followed by a name, is cut too; of two phrases side by side (按时完成年度内完成) the
    second is the value."""
    out: list[str] = []
    for k, cell in enumerate(cells):
        if value_pattern().fullmatch(cell.strip()):
            out.append(cell)
            continue
        twice = _doubled_end(cell) if k == len(cells) - 1 else None
        if twice:  # 促进社会和谐稳定促进促进: the value printed twice (中期 beside 年度) ends the text
            out.extend(_split_inside(cell[:-2 * len(twice)]) + [twice, twice])
            continue
        value = end_value(cell) if k == len(cells) - 1 else None
        out.extend(_split_inside(cell[:-len(value)] if value else cell))
        if value:
            out.append(value)
    return out


def _lead_apart(text: str) -> list[str]:
    lead = _leading_value(text)
    return [lead, text[len(lead):]] if lead else [text]


def _leading_value(text: str) -> str | None:
    """The qualitative value a text begins with when a name follows it (有效提升 | 提高案件办理效率), the longest."""
    if is_qualitative_value(text):
        return None  # the value alone (有效提高)
    for size in range(min(12, len(text) - 4), 1, -1):
        rest = text[size:]
        if is_qualitative_value(text[:size]) and _starts_name(rest) and not is_qualitative_value(rest):
            lead = text[:size]
            # 逐步健全健全区政府…: a change word printed twice begins the next name with its second copy
            for cut in (2, 3):
                if len(lead) > 2 * cut and lead[-cut:] == lead[-2 * cut:-cut] and is_qualitative_value(lead[:-cut]):
                    return lead[:-cut]
            return lead
    return None


def _doubled_end(text: str) -> str | None:
    """The qualitative value a text ends with twice over (…稳定促进促进, …有效提高有效提高), if any."""
    for size in range(min(8, len(text) // 3), 1, -1):
        word = text[-size:]
        if text.endswith(word * 2) and is_qualitative_value(word):
            return word
    return None


def _doubled_apart(cells: list[str]) -> list[str]:
    """Under a header with two value columns, values printed twice (中期 beside 年度): a copy whose second half
    runs into the next name (有效提升 | 有效提升提高案件办理效率) is a cell of its own; and a name whose end was cut
    as a value right before the value printed twice (促进社会和谐 | 稳定 | 促进 | 促进: three values for two
    columns) is one name again."""
    out: list[str] = []
    for cell in cells:
        before = out[-1] if out else ""
        if before and len(cell) > len(before) + 1 and cell.startswith(before) and is_qualitative_value(before) \
                and _starts_name(cell[len(before):]) and not (len(out) > 1 and out[-2] == before):
            # (提升 | 提升 | 提升司法所规范化程度: both copies stand apart already, the name begins with the word)
            out.extend([before, cell[len(before):]])
        else:
            out.append(cell)
    joined: list[str] = []
    k = 0
    while k < len(out):
        if k + 3 < len(out) and out[k + 2] == out[k + 3] != out[k + 1] and is_qualitative_value(out[k + 2]) \
                and is_qualitative_value(out[k + 1]) and not is_qualitative_value(out[k]) \
                and not value_pattern().fullmatch(out[k]) and _starts_name(out[k]):
            joined.append(out[k] + out[k + 1])
            k += 2
            continue
        joined.append(out[k])
        k += 1
    return joined


_BARE_DIGITS = re.compile(r"[1-9]\d{0,5}")
_NUMBERLESS = re.compile(r"(?:>=|<=|[≥≤≧≦<>=＝])?\s*[%％]?")


def _twice_at_end(cell: str) -> list[str]:
    """Under two value columns (中期 | 年度), a value printed twice at a text's end or alone, the same both times:
    ``补助标准`` | ``1515`` → 15, 15; ``工程验收合格率≧%≧%`` (a value left without its number), ``…资金<<``,
    ``…影响减减``, ``…总体质量一次性通过省文物局验收一次性通过省文物局验收`` (a value in words of four characters or
    more) → the name and the value twice. A bare number is cut in two halves only when it stands alone."""
    text = cell.strip()
    if len(text) % 2 == 0 and _BARE_DIGITS.fullmatch(text[:len(text) // 2]) and text[:len(text) // 2] * 2 == text:
        half = text[:len(text) // 2]
        return [half, half]
    for size in range(min(20, len(text) // 2), 0, -1):
        word = text[-size:]
        if not text.endswith(word * 2):
            continue
        name = text[:-2 * size]
        if len(re.findall(rf"[{_CJK}]", name)) < 2:
            continue
        if value_pattern().fullmatch(word) or (_NUMBERLESS.fullmatch(word) and word.strip()) \
                or is_qualitative_value(word) or word in ("增", "减", "升", "降", "是", "否", "高", "低") \
                or (size >= 4 and re.fullmatch(rf"[{_CJK}]+", word) and not word.endswith(tuple(ANY_ENDING))):
            return [name, word, word]
    return [cell]


def end_value(text: str) -> str | None:
    end, _, _, changes = _qualitative()
    match = end.search(text)
    value = match.group() if match else None
    if value is None and text.endswith(("是", "否")) and "是否" in text[:-1] and not text.endswith("是否"):
        value = text[-1]  # 已建工程是否存在质量问题 | 否: a yes/no question's answer
    if value is None:
        value = next((c for c in changes if text.endswith(c) and (text.startswith(c) or text[:-len(c)].endswith(
            NAME_ENDINGS))), None)
    return value if value is not None and len(text) - len(value) >= 3 else None


@lru_cache(maxsize=1)
def _change_word() -> re.Pattern:
    return re.compile("|".join(re.escape(w) for w in _qualitative()[3]))


_ANSWER_INSIDE = re.compile(r"(?<=[\u4e00-\u9fff])[是否](?![否则认定])")


def _split_inside(name: str) -> list[str]:
    _, graded, fixed, changes = _qualitative()
    # 有效提升|提高案件办理效率, 执法规范性|显著提升|营造良好法治环境: the change begins the next name, or the
    # name before ends as names do
    cuts = [m for m in graded.finditer(name) if name[m.end():].startswith(changes)
            or name[:m.start()].endswith(NAME_ENDINGS)]
    # 宣传覆盖面 | 拓宽 | 残疾人文化活动参与率: a change word alone right after a name's last word, a name after it
    cuts += [m for m in _change_word().finditer(name)
             if m.start() >= 4 and name[:m.start()].endswith(ANY_ENDING) and len(name) - m.end() >= 5
             and not name[m.end():].startswith(ANY_ENDING) and not name[m.end():].startswith(changes)
             and not fixed.match(name, m.end())]  # (业务能力提升 | 年度计划: the change ends the name)
    phrases = list(fixed.finditer(name))
    cuts += [m for k, m in enumerate(phrases) if not (k + 1 < len(phrases) and phrases[k + 1].start() == m.end())
             and len(name) - m.end() >= 5 and not name[m.end():].startswith(NAME_ENDINGS)]
    # 已建工程是否存在质量问题 | 否 | 截至…: a yes/no question's answer, the next name after it
    cuts += [m for m in _ANSWER_INSIDE.finditer(name) if "是否" in name[:m.start()]
             and name[m.start() - 1:m.end()] != "是否" and len(name) - m.end() >= 5]
    out = []
    pos = 0
    for m in sorted(cuts, key=lambda m: m.start()):
        if m.start() - pos >= 4 and _starts_name(name[m.end():]) and not re.search(r"[,，、;；:：]$", name[:m.start()]):
            out.extend([name[pos:m.start()], m.group()])
            pos = m.end()
    out.extend(_echoes_apart(name[pos:], changes))
    return out


def _echoes_apart(text: str, changes: tuple[str, ...]) -> list[str]:
    """``提升群众法治意识提升完善法治宣传工作制度``: a name that begins with a change word and a value that repeats it
    (as at the end of a text), then the next name — cut after the echo, where a name of two characters or more
    follows."""
    first = next((c for c in changes if text.startswith(c)), None)
    if first is None:
        return [text]
    at = text.find(first, len(first) + 3)
    while at >= 0:
        rest = text[at + len(first):]
        if len(rest) >= 4 and _starts_name(rest) and not rest.startswith(NAME_ENDINGS) \
                and _CJK_CHAR.match(text[at - 1]) and not re.search(r"[\d,，;；。]", text[:at]):
            # one name: no row number, weight or sentence break between its change word and the echo
            return [text[:at], first] + _echoes_apart(rest, changes)
        at = text.find(first, at + 1)
    return [text]


def _split_short_headers(pieces: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """A gap between two anchors, or after the last one, that is made only of short header words (目标值 / 分值 /
    得分 / 备注) is split into them."""
    out: list[tuple[str, bool]] = []
    for k, (piece, is_anchor) in enumerate(pieces):
        between = 0 < k and pieces[k - 1][1] and (k == len(pieces) - 1 or pieces[k + 1][1])
        if is_anchor or not between:
            out.append((piece, is_anchor))
            continue
        words = cover(piece.strip(), _short_header_words())
        if words:
            out.extend((w, True) for w in words)
        else:
            out.append((piece, is_anchor))
    return _peel_short_headers(out)


def _peel_short_headers(pieces: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """``三级指标指标值全国助残日活动次数1次``: short header words (指标值, 分值) that begin the text right after a
    header word are the header's last words; the text after them is the table's first cell."""
    out: list[tuple[str, bool]] = []
    for piece, is_anchor in pieces:
        if not is_anchor and out and out[-1][1] and out[-1][0] in _header_anchors():
            while True:
                word = next((w for w in _short_header_words() if piece.startswith(w) and len(piece) > len(w)), None)
                if word is None:
                    break
                out.append((word, True))
                piece = piece[len(word):]
        out.append((piece, is_anchor))
    return _peel_trailing_headers(out)


def _peel_trailing_headers(pieces: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """``…安抚家属情绪。序号`` before ``指标名称``: short header words that end a text right before a header word are
    the header's first words (序号, 编号)."""
    out: list[tuple[str, bool]] = []
    for k, (piece, is_anchor) in enumerate(pieces):
        if is_anchor or k + 1 == len(pieces) or pieces[k + 1][0] not in _header_anchors():
            out.append((piece, is_anchor))
            continue
        peeled: list[str] = []
        while True:
            word = next((w for w in _short_header_words() if piece.endswith(w) and len(piece) > len(w)
                         and tx.header_role_of(w) == "seq"), None)
            if word is None:
                break
            peeled.insert(0, word)
            piece = piece[:-len(word)]
        out.append((piece, False))
        out.extend((w, True) for w in peeled)
    return out


# a column's formula after its header word: 全年预算数(A), 执行率(B/A)
_FORMULA = re.compile(r"\s*[(（][A-Z](?:\s*/\s*[A-Z])?[)）]")


def cover(text: str, words: tuple[str, ...]) -> list[str] | None:
    """``text`` as a run of ``words`` (each possibly followed by its formula, ``执行率(B/A)``), else None."""
    out: list[str] = []
    pos = 0
    while pos < len(text):
        word = next((w for w in words if text.startswith(w, pos)), None)
        if word is None:
            return None
        formula = _FORMULA.match(text, pos + len(word))
        out.append(word + formula.group() if formula else word)
        pos = formula.end() if formula else pos + len(word)
    return out or None


# the end of a name that asks for a quantity (培训人次, 覆盖率, 建设面积, 补助标准)
MEASURE_ENDINGS = ("数", "率", "量", "面积", "长度", "里程", "规模", "金额", "时间", "期限", "周期", "标准", "成本",
                    "比例", "费用", "价格", "单价", "产量", "容量", "人次", "覆盖面")
# the ends of a whole name, of either kind (for the families that join a name wrapped over lines)
ANY_ENDING = tuple(sorted({*NAME_ENDINGS, *MEASURE_ENDINGS}, key=len, reverse=True))


def _split_values(piece: str, value_first: bool = False, announced: bool = False) -> list[str]:
    """Cut free-standing target values out of a piece of text between anchors. ``value_first``: the piece follows
    a cell that stands between a name and its value (计划标准 in a 绩效标准 column), so a value that closes
    (5月31日前, 100%) at its very start is the row's; ``announced``: the piece follows the word 定量 / 定性 that
    announces the value, so a value with its unit (1次) at its very start is the row's too."""
    matches = [m for m in value_pattern().finditer(piece) if m.group().strip()]
    free: list[re.Match] = []
    # 反映大楼保卫巡检情况200次大楼…: a description ends where its row's value comes, the next name follows
    described = any(piece.startswith(w) for w in tx.load_aliases()["description_starts"])
    counted = _counts_ending_names(piece, matches)
    named = _numbers_ending_names(piece, matches)
    for k, m in enumerate(matches):
        if m in named:
            continue
        if _op_word().match(m.group()) and m.start() > 0 and not piece[:m.start()].rstrip().endswith(ANY_ENDING):
            continue  # an operator word opens a target after a name that ends as names do (培训人次 | 不少于200人次),
            # not inside a text (机房驻场工作人员大于3名专业工程师驻场)
        if piece[m.end():m.end() + 1] in _PROSE_AFTER and re.match(rf"[{_CJK}]", piece[m.end() + 1:m.end() + 2]):
            continue  # 截至2026年12月底,项目开展率: a cell does not end in a comma, so words go on after the value
        before = matches[k - 1] if k > 0 else None
        after = matches[k + 1] if k + 1 < len(matches) else None
        touches_next = after is not None and after.start() == m.end()
        touches_prev = before is not None and before.end() == m.start()
        at_end = m.end() == len(piece.rstrip())
        # an operator (a sign or a word: 不少于) or 每 (每人400元) opens a value
        has_op = bool(re.match(r"[≥≤≧≦<>=＝═±每]", m.group())) or _CJK_CHAR.match(m.group()) is not None
        # 100%, 5月31日前, 1年内完成: a value's end
        closed = bool(re.search(r"(%|％|前|底|末|完成|完工|办结|%以上|％以上|%以下|％以下)$", m.group())) \
            and (m.start() > 0 or value_first)
        # 开展活动次数达到5次以上 | 覆盖人数: a count with its bound ends too, unless it runs on from a value before
        # it (≧90% | 7岁以下儿童健康管理率: the start of the next name)
        closed = closed or bool(re.search(r"\D(以上|以下|以内)$", m.group())) and m.start() > 0 and not (
            before is not None and before.end() == m.start())
        with_unit = not re.fullmatch(r"[\d.\s]+", m.group())
        # ≧90%7岁以下儿童健康管理率: a number and unit right after a value, running on into words, begins a name
        # (0起0起市民满意度: a value printed again is the actual)
        leads_name = touches_prev and with_unit and not (has_op or closed or touches_next) \
            and before.group() != m.group() and _starts_name(piece[m.end():])
        ends_description = described and m.start() > 0 and with_unit and _starts_name(piece[m.end():])
        # 办公大楼日常维修维护次数2280次大楼安检巡察次数: a name that asks for a quantity, its value, the next name
        # (新建农村公路50公里建设任务完成率: the number is inside the name)
        after_measure = (with_unit or len(m.group().strip()) >= 2) and piece[:m.start()].rstrip().endswith(
            MEASURE_ENDINGS) and _starts_name(piece[m.end():])
        # 县级储备粮库存粮食明显变质比例 | 0 | 县级储备粮…: none of what a name asks the share or count of
        after_measure = after_measure or (m.group().strip() == "0" and piece[:m.start()].rstrip().endswith(
            ANY_ENDING) and _starts_name(piece[m.end():]))
        # 其中露天蔬菜20亩其中大棚蔬菜3亩★补助鱼塘面积: a value before the mark a name begins with
        before_mark = m.start() > 0 and bool(NAME_MARK.match(piece, m.end()))
        # 定量 | 1次报纸杂志专版专栏: a value with its unit where the piece must begin with one
        leads_piece = announced and m.start() == 0 and with_unit
        if leads_piece or touches_next or (touches_prev and not leads_name) or at_end or has_op or closed \
                or ends_description or after_measure or before_mark or m in counted or before in named:
            free.append(m)
    spans = _explained_values(piece, matches, free)
    cells: list[str] = []
    pos = 0
    for start, end in spans:
        if start > pos:
            cells.append(piece[pos:start])
        cells.append(piece[start:end])
        pos = end
    if pos < len(piece):
        cells.extend(_split_numberless(piece[pos:]))
    return _split_fused(_qualifiers_to_values(cells))


_LEAD_WORDS = ("达到", "控制在")  # words of the value grammar that begin a target in words (达到5次以上)


def _qualifiers_to_values(cells: list[str]) -> list[str]:
    """A name that ends in a word leading a target (开展活动次数达到 | 5次以上) gives the word to the value after it,
    where the value has no operator of its own."""
    out = list(cells)
    for k in range(len(out) - 1):
        name, value = out[k], out[k + 1]
        word = next((w for w in _LEAD_WORDS if name.endswith(w) and len(name) > len(w) + 1), None)
        if word and value[:1].isdigit() and value_pattern().fullmatch(value.strip()):
            out[k], out[k + 1] = name[:-len(word)], word + value
    return out


def _numbers_ending_names(piece: str, matches: list[re.Match]) -> set[re.Match]:
    """A number and its unit right after a name's words and right before another value, that is the end of the name
    rather than a target followed by its actual (``一户年最高5300元`` | ``<=5300元/户``, ``新建水泥路1条`` | ``2km``):
    the value after it has an operator it lacks (an actual does not add one), or it counts a thing (a count or a
    measure) and the value after it is of another kind (an actual has the target's unit). Not after a name that asks
    for a quantity (培训人数50人 | 100%: the number is its value)."""
    out: set[re.Match] = set()
    for m, after in zip(matches, matches[1:]):
        first, second = m.group().strip(), after.group().strip()
        before = piece[:m.start()]
        if after.start() != m.end() or m.start() == 0 or not re.search(rf"[{_CJK})）]$", before) \
                or before.endswith(MEASURE_ENDINGS) \
                or re.match(r"[≥≤≧≦<>=＝═±每]", first) or re.fullmatch(r"[\d.]+", first) \
                or re.fullmatch(r"[\d.]+", second):
            continue
        kinds = read_value(first, None, None).kind, read_value(second, None, None).kind
        if re.match(r"[≥≤≧≦<>=＝═]", second) or (kinds[0] in ("count", "number") and kinds[0] != kinds[1]):
            out.add(m)
    return out


_BARE_TARGET = re.compile(r"(?:>=|<=|[≥≤≧≦<>=＝])\s*(\d+(?:\.\d+)?)")
_FIRST_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def _echoes(number: str, value: str) -> bool:
    """``value`` states ``number`` again: the same number, or a share (0.85) as a percentage (85%)."""
    found = _FIRST_NUMBER.search(value)
    if not found:
        return False
    a, b = float(number), float(found.group())
    return a == b or (a < 1 and "%" in value.replace("％", "%") and abs(a * 100 - b) < 1e-6)


def _restates(name: str, words: str) -> bool:
    """The explanation ``words`` speaks of what ``name`` names: three characters in a row of the name, or at least
    half its characters (全年接待咨询大于 | 接待来访咨询全年大于500人次)."""
    chars = [c for c in words if re.match(rf"[{_CJK}]", c)]
    if not chars:
        return False
    if any(words[i:i + 3] in name for i in range(len(words) - 2) if re.fullmatch(rf"[{_CJK}]{{3}}", words[i:i + 3])):
        return True
    return sum(c in name for c in chars) / len(chars) >= 0.5


def _explained_head(text: str) -> str | None:
    """The target and its explanation a text begins with (``≥0.6当年结案案件补贴发放率达到60%`` | ``援助案件…``), the
    shortest, where the text begins with an operator and a bare number; None otherwise."""
    if not _BARE_TARGET.match(text):
        return None
    for m in value_pattern().finditer(text, _BARE_TARGET.match(text).end()):
        if m.group().strip() and explained_value(text[:m.end()]):
            return text[:m.end()]
    return None


def explained_value(text: str) -> bool:
    """``≥100化解纠纷挽回损失大于100万元``: a target (an operator and a bare number), then words that explain it and
    end in a value stating the number again."""
    text = normalized(text.strip())[0]
    bare = _BARE_TARGET.match(text)
    if not bare or not _starts_name(text[bare.end():]):
        return False
    tail = [m for m in value_pattern().finditer(text, bare.end()) if m.group().strip()]
    return bool(tail) and tail[-1].end() == len(text) and _echoes(bare.group(1), tail[-1].group())


def _explained_values(piece: str, matches: list[re.Match], free: list[re.Match]) -> list[tuple[int, int]]:
    """The spans of the free values, where a target printed as an operator and a bare number is followed by its
    explanation in the same cell, the explanation stating the number again (``≥0.85援助案件完成率达85%以上``,
    ``≥100化解纠纷挽回损失大于100万元``): the target, the words and the value they end with are one cell. A value
    right before such a target that states its number too (``当年结案案件补贴发放达60%≥0.6…``) is the end of the
    name, not a cell."""
    spans: list[tuple[int, int]] = []
    skip_to = -1
    for m in free:
        if m.start() < skip_to:
            continue
        bare = _BARE_TARGET.fullmatch(m.group().strip())
        if bare:
            # the name: from the cell before (a value touching the target may be the name's end)
            ends = [0] + [end for _, end in spans if end < m.start()]
            name = piece[ends[-1]:m.start()]
            echo = next((e for e in matches if e.start() > m.end() and _starts_name(piece[m.end():])
                         and _echoes(bare.group(1), e.group())
                         and not _BARE_TARGET.search(piece, m.end(), e.start())), None)
            if echo is not None and not (_echoes(bare.group(1), f"{float(bare.group(1)) * 100:g}%")
                                         or _restates(name, piece[m.end():echo.start()])):
                echo = None
            if echo is not None:
                if spans and spans[-1][1] == m.start() and _echoes(bare.group(1), piece[spans[-1][0]:spans[-1][1]]):
                    spans.pop()
                spans.append((m.start(), echo.end()))
                skip_to = echo.end()
                continue
        spans.append((m.start(), m.end()))
    return spans


@lru_cache(maxsize=1)
def _numberless_pattern() -> re.Pattern:
    units = "|".join(re.escape(u) for u in sorted({*TABLES.unit_kind, "%", "％", "km"}, key=len, reverse=True))
    marks = "|".join(re.escape(m) for m in TABLES.placeholder_markers)
    return re.compile(rf"(?<=[{_CJK})）])(?P<op>(?:>=|<=|[≥≤≧≦<>=＝])\s*)?(?P<mark>(?:{marks})\s*)?(?P<unit>{units})?$")


def _split_numberless(text: str) -> list[str]:
    """A value printed without its number at the end of a text (the form's value left to fill in): an operator
    alone (``检查覆盖率≧``), an operator and a unit (``合格率≧ %``), a placeholder mark and a unit
    (``取暖面积**平米``), or a unit alone after a name that asks for a quantity (``护岸长度公里``)."""
    match = _numberless_pattern().search(text)
    if not match or not match.group() or len(text) - len(match.group()) < 2:
        return [text]
    if not (match.group("op") or match.group("mark")) and not text[:match.start()].endswith(MEASURE_ENDINGS):
        return [text]
    return [text[:match.start()], match.group()]


_COUNT = re.compile(r"(\d+(?:\.\d+)?)\s*([^\d\s]+)")
# what a name that goes on never ends with before a number (新建道路及2座桥梁, 覆盖3个乡镇、5个村)
_JOINING = ("及", "和", "与", "或", "、", ",", "，", "共", "约", "第", "其中")


def _counts_ending_names(piece: str, matches: list[re.Match]) -> set[re.Match]:
    """A count (a number and a unit of the ``count`` kind: 16场次, 1个, 24期) inside a text, followed by a name,
    that ends the name before it: ``开展警示教育、培训16场次开展慰问及帮扶``, ``报纸杂志专版专栏1个电视专栏节目24期``.
    A number and a unit often begins the noun it counts inside a name (新建水泥路1条, 500吨成品粮), so the count
    ends a name only where a careful reader sees it does:

    - its unit counts occurrences and never a thing (人次, 场次: ``count_units_of_occurrences``), or the next name
      begins with a verb names begin with (开展, 举办: ``name_verbs``);
    - or two counts or more follow each other, each after a text of four characters or more and before another
      (名称1个名称24期名称104期…: a list of names and their counts)."""
    data = tx.load_aliases()
    occurrences = tuple(data["count_units_of_occurrences"])
    verbs = tuple(data["name_verbs"])
    inner: list[re.Match] = []
    for m in matches:
        count = _COUNT.fullmatch(m.group().strip())
        if not count or TABLES.unit_kind.get(count.group(2)) != "count" or m.start() == 0:
            continue
        before, after = piece[:m.start()].rstrip(), piece[m.end():]
        if not re.search(rf"[{_CJK}）)]$", before) or before.endswith(_JOINING) or not _starts_name(after):
            continue
        inner.append(m)
    out = {m for m in inner if _COUNT.fullmatch(m.group().strip()).group(2) in occurrences
           or piece[m.end():].startswith(verbs)}
    if len(inner) >= 2:
        gaps = [inner[0].start()] + [b.start() - a.end() for a, b in zip(inner, inner[1:])]
        if min(gaps) >= 4:
            out.update(inner)
    return out


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


@text_cache(maxsize=8192)
def normalized(raw: str) -> tuple[str, tuple[int, ...]]:
    """``raw`` as the vocabulary reads it (invisible marks, pinyin annotations, a label's bracketed alternative and
    wrap gaps between CJK characters dropped, look-alikes and traditional characters mapped), with the index in
    ``raw`` of every character kept."""
    visible = [(i, ch) for i, ch in enumerate(raw) if ch not in INVISIBLE]
    text = "".join(ch for _, ch in visible)
    dropped = {i for m in _PINYIN.finditer(text) for i in range(m.start(), m.end())}
    dropped |= {i for m in _WRAP_GAP.finditer(text) for i in range(m.start(), m.end())}
    dropped |= {i for m in _QUALIFIER.finditer(text) for i in range(m.start(), m.end())}
    chars: list[str] = []
    index: list[int] = []
    for k, (i, ch) in enumerate(visible):
        if k in dropped:
            continue
        for c in match_key(ch) or (" " if ch.isspace() else ""):
            chars.append(c)
            index.append(i)
    return "".join(chars), tuple(index)


def segment_raw(raw: str, table_only: bool = False) -> list[str]:
    """The cells of a run-together line as printed: cut where :func:`segment` cuts the normalised text."""
    text, index = normalized(raw)
    out: list[str] = []
    pos = 0
    for cell in segment(text, table_only):
        at = text.find(cell, pos)
        if at < 0:
            continue
        end = at + len(cell)
        out.append(raw[index[at]:index[end - 1] + 1])
        pos = end
    return out


_REPEATED_TITLE = 12  # characters of an earlier title a line must end with to be its repeat


def build(lines: list[str]) -> tuple[list[Row], list[ParseWarning]]:
    rows: list[Row] = []
    warnings: list[ParseWarning] = []
    short = _fused_rows(lines)
    pages = _page_numbers(lines)
    titles: list[str] = []  # the normalised text of the lines holding a table title
    for number, line in enumerate(lines, 1):
        if not match_key(line):
            continue
        if number - 1 in pages:
            line = line.strip()[pages[number - 1]:]
        repeat = _repeated_title(line.strip(), titles) if titles and number - 1 in pages else None
        if repeat is not None:
            # a page's running head: the table's title printed again (cut off) after the page's first words
            line, dropped = _cut_raw(line.strip(), repeat)
            shown = dropped.strip() if len(dropped.strip()) <= 60 else dropped.strip()[:60] + "…"
            warnings.append(ParseWarning("repeated_title", f"「{shown}」重复了前面的表题，不作表格内容读取。",
                                         number, number))
            if not match_key(line):
                continue
        texts = short.get(number - 1) or (segment_raw(line.strip()) if _is_run_together(line) else [line.strip()])
        if pages:
            text = normalized(line.strip())[0]
            titles.extend(text[max(0, m.end() - 60):m.end()] for m in _title_end().finditer(text))
        # a target with its explanation (≥0.85援助案件完成率达85%以上) reads as a long text: the layout says what it is
        # a numbered name (指标2.) begins a cell wherever it is printed: the boundary before it is certain
        # a text printed again right beside itself is a value printed once per column (graded standards, 中期 and
        # 年度): ≤国家部署和工作计划规定时间 four times
        cells = [Cell(t, number, number, soft=i > 0 and not _NUMBERED.match(normalized(t)[0]),
                      hint="value" if explained_value(t) or _qualitative()[0].fullmatch(t.strip())
                      or _printed_again(texts, i) else None)
                 for i, t in enumerate(texts)]
        if cells and number - 1 in pages and rows and _goes_on(rows[-1].cells[-1], cells[0]):
            # the page's text goes on in the middle of the last page's cell (按服务对象满 / 2、意度评价)
            last = rows[-1].cells[-1]
            rows[-1].cells[-1] = Cell(last.text + cells[0].text, last.line_start, number, soft=last.soft,
                                      hint=last.hint)
            rows[-1].line_end = number
            cells = cells[1:]
        if cells:
            rows.append(Row(cells=cells, line_start=number, line_end=number))
    _split_common_suffix(rows)
    _split_column_words(rows)
    _split_descriptions(rows)
    _weights_before_values(rows)
    return rows, warnings


def _printed_again(texts: list[str], i: int) -> bool:
    """The text is one of three copies or more side by side (a target printed once per grade; a target and its
    actual, two copies, are not told apart so)."""
    text = texts[i].strip()
    if len(text) < 4 or tx.header_role_of(text) or _anchor_pattern().fullmatch(normalized(text)[0]):
        return False
    start = i
    while start and texts[start - 1].strip() == text:
        start -= 1
    end = i
    while end + 1 < len(texts) and texts[end + 1].strip() == text:
        end += 1
    # three copies: not the first (a name printed as its own value, 节约成本 | 节约成本 | 节约成本 under 中期 | 年度);
    # four or more: every one (a target under 优 | 良 | 中 | 差)
    return end - start + 1 >= 4 or (end - start + 1 == 3 and i > start)


def _goes_on(last: Cell, first: Cell) -> bool:
    """The first cell of a page goes on with the last cell of the page before: both text, neither a label nor a
    value (one word at least: a page beginning with 高 | 高 | 满意度… begins with a value after a name)."""
    keys = [normalized(c.text.strip())[0] for c in (last, first)]
    return len(keys[1]) >= 3 and all(
        _CJK_START.match(key) and not _is_value_cell(c.text) and not _is_level_cell(c) and not tx.header_role_of(c.key)
        and not _anchor_pattern().fullmatch(key) for c, key in zip((last, first), keys))


@lru_cache(maxsize=1)
def _title_end() -> re.Pattern:
    words = sorted(tx.load_aliases()["title_suffixes"], key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in words))


def _repeated_title(line: str, titles: list[str]) -> int | None:
    """Where in ``line`` (its normalised text) an earlier table title begins again and runs to the line's end,
    cut off or whole (``意度评价`` | ``邯财社2018126号提前下达2019年中央财政困难群众救助补``), if it does."""
    text = re.sub(r"[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]*$", "", normalized(line)[0])  # a pinyin note cut off: 补(b
    for at in range(len(text) - _REPEATED_TITLE + 1):
        if any(text[at:] in title for title in titles):
            return at
    return None


def _cut_raw(raw: str, at: int) -> tuple[str, str]:
    """``raw`` cut after the first ``at`` characters of its normalised text (annotations dropped by
    :func:`normalized` go with the character before them)."""
    _, index = normalized(raw)
    if at >= len(index):
        return raw, ""
    return raw[:index[at]], raw[index[at]:]


def _split_descriptions(rows: list[Row]) -> None:
    """Under a header whose indicator name is followed by its explanation (三级指标 | 指标解释), run together, a
    row's name and explanation are one text (``已建工程是否存在质量问题当年已完工项目是否在检查中发现质量问题``): cut
    where :func:`name_and_description` finds the name's end. Only a text that stands alone between the row's
    labels (or the row before's value) and its value is cut; one already followed by another text is left."""
    roles = [tx.header_role_of(c.key) for row in rows for c in row.cells]
    known = [r for r in roles if r]
    # (绩效指标分类 | 绩效指标 | 绩效指标描述: the group word names the indicator column)
    if not any(r in ("name", "group") and known[k + 1:k + 2] == ["description"] for k, r in enumerate(known)):
        return
    started = False
    for row in rows:
        out: list[Cell] = []
        cells = row.cells
        for k, cell in enumerate(cells):
            role = tx.header_role_of(cell.key)
            if role == "description":
                started = True
            before = cells[k - 1] if k else (out[-1] if out else None)
            after = cells[k + 1] if k + 1 < len(cells) else None
            parts = None
            if started and not role and before is not None and not _is_value_cell(cell.text) \
                    and not _is_level_cell(cell) and (_is_level_cell(before) or _is_value_cell(before.text)
                                                      or before.hint in ("basis", "remarks", "other")) \
                    and (after is None or _is_value_cell(after.text) or _answer_type().fullmatch(after.key)):
                parts = name_and_description(normalized(cell.text.strip())[0])
            if parts:
                name, description = _cut_raw(cell.text.strip(), len(parts[0]))
                out += [Cell(name, cell.line_start, cell.line_end, soft=cell.soft),
                        Cell(description, cell.line_start, cell.line_end, soft=True, hint="description")]
            else:
                out.append(cell)
        row.cells = out


_UNIT_BRACKET = re.compile(r"[(（](?:%|％|[^()（）\d]{1,4})[)）]")


def name_and_description(text: str) -> tuple[str, str] | None:
    """An indicator's name and the explanation printed after it, run together, cut where the name ends: where the
    explanation closes by restating the name's end (``农村低保救助资金按标准发放的比率`` | ``救助标准与…救助资金按标准
    发放的比率``; ``已建工程是否存在质量问题`` | ``当年已完工项目…质量问题``), after a bracketed unit that closes a name
    (``满意度(%)`` | ``问卷调查中…``), or after the 率 a rate's name ends in (``救助覆盖率`` | ``困难群众…``). None
    when no such cut leaves a name of three characters and an explanation of six."""
    text = text.strip()
    n = len(text)
    for size in range(min(12, n // 2), 2, -1):
        end = text[-size:]
        if not re.fullmatch(rf"[{_CJK}]+", end):
            continue
        at = text.find(end)
        cut = at + size
        if at >= 0 and cut >= 3 and n - cut >= max(6, size + 1):
            return text[:cut], text[cut:]
    for m in _UNIT_BRACKET.finditer(text):
        inner = m.group()[1:-1]
        if (inner in ("%", "％") or match_unit(inner, 0) == inner) and m.end() >= 4 and n - m.end() >= 6 \
                and re.match(rf"[{_CJK}]", text[m.end():]):
            return text[:m.end()], text[m.end():]
    at = text.find("率")
    if 3 <= at + 1 and n - at - 1 >= 6 and re.match(rf"[{_CJK}]{{2}}", text[at + 1:]):
        return text[:at + 1], text[at + 1:]
    return None


_CJK_START = re.compile(r"[\u4e00-\u9fff]")


def _is_value_cell(text: str) -> bool:
    key = normalized(text)[0]
    return bool(value_pattern().fullmatch(key) or is_qualitative_value(key))


def _is_level_cell(cell: Cell) -> bool:
    return bool(tx.level1_of(cell.key) or tx.level2_of(cell.key))


def _split_column_words(rows: list[Row]) -> None:
    """A column after the value that the form fills from a few words (数据来源: 工作台账, 统计报表; 指标值确定依据:
    计划标准, 行业标准): run together, its word and the next row's name fuse (``=2场`` | ``工作台账开展专项法治宣传
    活动次数``). Where the header prints a column after the value's, the words that stand alone after a value (before a
    level label or at the end of a row) are that column's; a cell after a value that begins with one of them is
    the word and the name, and a cell that ends with one at the end of a row, or a value that does (安抚财务资料), is
    what comes before and the word. Each such word is hinted with the column's role (the header's word, else
    other), for the interpreter to weigh."""
    role = None  # the role of the column after the value's (other: a column the alias table does not name)
    for row in rows:
        for k, cell in enumerate(row.cells):
            after = k + 1
            if tx.header_role_of(cell.key) in ("value", "grade"):
                # 评价标准 优 | 良 | 中 | 差 | 评价标准确定依据: the column after the grades'
                while after < len(row.cells) and tx.header_role_of(row.cells[after].key) == "grade":
                    after += 1
            nxt = row.cells[after] if after < len(row.cells) else None
            if role is None and nxt and tx.header_role_of(cell.key) in ("value", "grade") \
                    and not _is_level_cell(nxt) and not _is_value_cell(nxt.text) and len(nxt.key) <= 8 \
                    and tx.header_role_of(nxt.key) in (None, "basis", "remarks", "standard"):
                role = tx.header_role_of(nxt.key) or "other"
            elif role is None and nxt and tx.header_role_of(cell.key) == "standard" \
                    and tx.header_role_of(nxt.key) in ("basis", "remarks"):
                role = tx.header_role_of(nxt.key)  # 评价标准 (over its grades) | 评价标准确定依据
    if role is None:
        return
    words: set[str] = set()
    for row in rows:
        cells = row.cells
        for k in range(1, len(cells)):
            text = normalized(cells[k].text.strip())[0]
            ends_row = k + 1 == len(cells) or _is_level_cell(cells[k + 1])
            if ends_row and 2 <= len(text) <= 10 and _is_value_cell(cells[k - 1].text) and _CJK_START.match(text) \
                    and match_unit(text, 0) != text and not _is_value_cell(text) and not _is_level_cell(cells[k]) \
                    and not tx.header_role_of(cells[k].key):
                words.add(text)
    if role == "other":  # (a basis column's words are the basis vocabulary's: 计划标准, 根据…)
        words |= _repeated_starts(rows, words)
    if not words:
        return
    for row in rows:
        out: list[Cell] = []
        for k, cell in enumerate(row.cells):
            raw = cell.text.strip()
            text = normalized(raw)[0]
            word = next((w for w in sorted(words, key=len, reverse=True) if text.startswith(w) and len(text) > len(w)
                         + 1), None) if k and _is_value_cell(row.cells[k - 1].text) else None
            ends_row = k + 1 == len(row.cells) or _is_level_cell(row.cells[k + 1])
            tail = next((w for w in words if text.endswith(w) and len(text) > len(w) + 1
                         and (ends_row or _is_value_cell(text[:-len(w)]))), None) if not word else None
            # what the word leaves is cut again (…稳定。长效 | 统计报表: the name and its value)
            if word:
                head, left = _cut_raw(raw, len(word))
                rest = segment_raw(left, True) or [left]
                out += [Cell(head, cell.line_start, cell.line_end, soft=cell.soft, hint=role)]
                out += [Cell(t, cell.line_start, cell.line_end, soft=True) for t in rest]
            elif tail:  # 安抚财务资料: a value in words and the column's word after it
                left, end = _cut_raw(raw, len(text) - len(tail))
                rest = segment_raw(left, True) or [left]
                out += [Cell(t, cell.line_start, cell.line_end, soft=cell.soft if not i else True)
                        for i, t in enumerate(rest)]
                out += [Cell(end, cell.line_start, cell.line_end, soft=True, hint=role)]
            elif text in words and k and _is_value_cell(row.cells[k - 1].text):
                cell.hint = role
                out.append(cell)
            else:
                out.append(cell)
        row.cells = out


def _repeated_starts(rows: list[Row], known: set[str]) -> set[str]:
    """The column's words that never stand alone, in an indicator table: a word that begins a text after a value
    (``≥266米`` | ``工作台账水标尺宽度``) and also ends a text right after a value in it (``项目计划总投资20万元工作
    台账``, before a label); or, where such words begin most texts after a value, those that begin two of them or more
    (问卷调查购买标准试剂, 问卷调查检测及时率), three characters at least and as long as their texts share. Texts
    already beginning with a word seen alone do not count."""
    starts: dict[str, int] = {}
    ends: list[str] = []
    after_values: list[str] = []
    in_table = False
    for row in rows:
        for k, cell in enumerate(row.cells):
            text = normalized(cell.text.strip())[0]
            if _is_level_cell(cell):
                in_table = True
            elif _anchor_pattern().fullmatch(text) and not _anchor_pattern(True).fullmatch(text):
                in_table = False  # a field of the form (项目名称, 其中:财政资金): out of the table
            if not in_table or not _CJK_START.match(text) or _is_value_cell(text) or _is_level_cell(cell) \
                    or tx.header_role_of(cell.key) or text.startswith(tuple(known)):
                continue
            if k and _is_value_cell(row.cells[k - 1].text):
                after_values.append(text)
                for n in range(2, min(8, len(text) - 2) + 1):
                    starts[text[:n]] = starts.get(text[:n], 0) + 1
            ends_row = k + 1 == len(row.cells) or _is_level_cell(row.cells[k + 1])
            if ends_row:
                ends.append(text)
    out = {word for word in starts if any(
        end.endswith(word) and len(end) > len(word) + 1 and _is_value_cell(_value_before(end[:-len(word)]))
        for end in ends)}
    shared = {w for w, n in starts.items() if n >= 2 and 3 <= len(w) < 8}
    longer: dict[str, list[str]] = {}  # each prefix's one-character-longer prefixes
    for word in starts:
        longer.setdefault(word[:-1], []).append(word)
    # as long as their texts share: no one character longer prefix begins as many texts
    shared = {w for w in shared if not any(starts[o] == starts[w] for o in longer.get(w, ()))}
    # (工作台账其中 of 工作台账其中桃树… and 工作台账其中鱼塘…: a sub-item's 其中 begins the name)
    shared = {next((w[:i] for t in after_values if t.startswith(w) for i in range(3, len(w) + 1)
                    if NAME_MARK.match(t, i)), w) for w in shared}
    if shared and sum(1 for t in after_values if t.startswith(tuple(shared))) * 2 >= len(after_values):
        out |= shared
    # the longest word a text begins with (工作台账, not 工作)
    return {w for w in out if not any(o != w and o.startswith(w) for o in out)}


def _value_before(text: str) -> str:
    """The target value a text ends with (项目计划总投资20万元 → 20万元), or ''."""
    found = [m for m in value_pattern().finditer(text) if m.group().strip() and m.end() == len(text)]
    return found[-1].group() if found else ""


_DIGIT_RUN = re.compile(r"\d{4,8}")


def _split_common_suffix(rows: list[Row]) -> None:
    """``数量指标88100质量指标88100…社会效益指标68100``: where the digits of two cells run together in every row,
    three digit-only cells or more (of four to eight digits), each right after a level label (where a name should
    come), end in the same number while what comes before it varies (88, 68, 20 | 100): each is the two cells, cut
    before the shared end (the longest end of two or three digits that does so)."""
    runs = [(row, k) for row in rows for k, cell in enumerate(row.cells) if _DIGIT_RUN.fullmatch(cell.text.strip())
            and k > 0 and (tx.level1_of(row.cells[k - 1].key) or tx.level2_of(row.cells[k - 1].key))]
    for size in (3, 2):
        by_end: dict[str, list[tuple[Row, int]]] = {}
        for row, k in runs:
            by_end.setdefault(row.cells[k].text.strip()[-size:], []).append((row, k))
        for end, found in by_end.items():
            heads = {row.cells[k].text.strip()[:-size] for row, k in found}
            if len(found) < 3 or len(heads) < 2 or end.startswith("0") \
                    or any(len(h) > 3 or h.startswith("0") for h in heads):
                continue
            for row, k in sorted(found, key=lambda rk: -rk[1]):
                cell = row.cells[k]
                row.cells[k:k + 1] = [Cell(cell.text.strip()[:-size], cell.line_start, cell.line_end, soft=cell.soft),
                                      Cell(end, cell.line_start, cell.line_end, soft=True)]
            return


_PAGE_NUMBER = re.compile(r"\s*(\d{1,3})、")


def _page_numbers(lines: list[str]) -> dict[int, int]:
    """Document sites print the text of each page as one long run-together line numbered ``1、`` ``2、`` ``3、``;
    the page's text goes on from the last page's, in the middle of a cell (``…维护及安全性`` / ``3、高高满意度…``).
    The long run-together lines that start with 1、 2、 3、 … in order: their index and the length of the number."""
    found: dict[int, int] = {}
    expected = 1
    for k, line in enumerate(lines):
        match = _PAGE_NUMBER.match(line)
        if match and int(match.group(1)) == expected and (found or len(line) >= 60) and _is_run_together(line):
            found[k] = len(match.group().strip()) + len(line) - len(line.lstrip())
            expected += 1
    return found if len(found) >= 2 else {}


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
    return _score(tuple(lines))


@lru_cache(maxsize=2)  # the paragraph family asks for this score too, on the same lines
def _score(lines: tuple[str, ...]) -> float:
    """Share of the text (by characters) in long lines without separators that hold the form's words, and in the
    rows under a run-together indicator header (``评价指标评价内容指标名称…``) that are themselves run together."""
    content = content_lines(lines)
    if not content or not has_form_words(lines):
        return 0.0
    total = sum(len(line) for line in content)
    fused = sum(len(lines[k]) for k in _fused_rows(lines))
    for line in content:
        stripped = normalized(line.strip())[0] if "(" in line and _PINYIN.search(line) else line.strip()
        if len(stripped) >= 60 and not _SEPARATORS.search(stripped) and (
                len(stripped) / len(stripped.split() or [""]) > 14 or wrap_gapped(stripped)):
            if _anchor_count(_WRAP_GAP.sub("", stripped)) >= 4:
                fused += len(line)
    return min(1.0, fused / total)


def _anchor_count(text: str) -> int:
    """The form's labels in ``text``, with the short header words set right beside one (序号 | 指标名称 | 指标值:
    a table with no levels and no funding prints few long labels)."""
    matches = list(_anchor_pattern().finditer(text))
    short = _short_header_words()
    beside = sum(text.startswith(short, m.end()) for m in matches) + sum(
        text[:m.start()].endswith(short) for m in matches)
    return len(matches) + beside


@text_cache(maxsize=65536)  # asked of every line of every text, by the run-together score
def _fused_header(line: str) -> bool:
    """A line without separators that is an indicator header run together: three header words or more, and
    nothing but header and level words."""
    if re.search(r"\s", line.strip()) or any(line.count(sep) >= 2 for sep in ",，;；"):
        return False  # cells set apart by spaces, commas or semicolons are not run together
    if "指标" not in line and "值" not in line:
        return False  # every indicator header names its indicator or its value column so
    stripped = normalized(line.strip())[0]
    headers = _header_anchors()
    if len(stripped) < 3 * min(map(len, headers)):
        return False  # too short to hold three header words (the cells are apart in the text)
    cells = segment(stripped)
    return len(cells) >= 3 and sum(c in headers for c in cells) >= 3 and all(
        c in headers or _anchor_pattern().fullmatch(c) for c in cells)


def _fused_rows(lines: list[str]) -> dict[int, list[str]]:
    """Short run-together rows: the lines after a run-together indicator header that have no separator and fall
    into two cells or more (shorter than the long-line test of :func:`_is_run_together`), by index, with their
    cells. A line that starts with a field label (the next project) or a closing note ends the block."""
    out: dict[int, list[str]] = {}
    under_header = False
    notes = tuple(_NOTES)
    for k, (line, text) in enumerate(zip(lines, has_text(lines))):
        if not text:
            continue
        if _fused_header(line):
            under_header = True
            out[k] = segment_raw(line.strip())
            continue
        if not under_header:
            continue
        stripped = normalized(line.strip())[0]
        starts_field = _anchor_pattern().match(stripped)
        if _SEPARATORS.search(stripped) or stripped.startswith(notes) or (
                starts_field and not _anchor_pattern(True).match(stripped)):
            under_header = False
            continue
        cells = segment_raw(line.strip(), table_only=True)
        if len(cells) >= 2:
            out[k] = cells
    _split_fused_weights(out)
    return out


def _split_fused_weights(rows: dict[int, list[str]]) -> None:
    """``达到预计值210010`` where the other rows end in a weight (10, 20): a last cell of four digits or more that
    ends in one of the weights the other rows print alone is a value fused with its weight (2100 | 10)."""
    weights = {cells[-1] for cells in rows.values() if re.fullmatch(r"\d{1,2}", cells[-1])}
    if len(weights) < 1 or sum(bool(re.fullmatch(r"\d{1,2}", c[-1])) for c in rows.values()) < 3:
        return
    for k, cells in rows.items():
        last = cells[-1]
        if not re.fullmatch(r"\d{4,}", last):
            continue
        for weight in sorted(weights, key=len, reverse=True):
            if last.endswith(weight) and last[:-len(weight)]:
                rows[k] = cells[:-1] + [last[:-len(weight)], weight]
                break
