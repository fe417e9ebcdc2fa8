"""Synthetic layouts: a parsed document written out again as text in one of the layout families.

SYNTHETIC — used by the tests to check that the same tables read the same whatever their layout (and by
``python -m bench.render FILE FAMILY`` to look at one). The content is the real content of the sample documents;
only the layout is generated. Nothing here is ever loaded into the default database.

``line_cells`` puts every filled cell on a line of its own with nothing between rows, optionally broken at a
column width (``wrap``) as PDF extractions break a narrow column's text.

Each project becomes one form: title, name, department, total and funding, goal, then the indicator table
(一级指标 | 二级指标 | 三级指标 | 指标值) with the level cells merged (left blank) on continuation rows. A form SHAPE
(``SHAPES``) varies the columns as real forms do: 序号 and 分值 columns, operator | number | unit in three columns,
a basis or remarks column, fewer level columns, 中期 beside 年度 values, other header words, a header over two rows,
funding laid out in columns or on one line, amounts in 元. ``expected`` says what a reading must give back.

``python -m bench.render --measure [FAMILY ...]`` prints recall and precision per shape × family on the samples and
the corpus tables.
"""

from __future__ import annotations

import re
import sys

from ingest.model import DepartmentOverall, Document, Indicator, Project
from ingest.values import TABLES

FAMILIES = ("tab_rows", "cell_per_line", "pipe_rows", "markdown", "pipe_cells", "paragraph_cells", "space_columns",
            "run_together", "indent_tree", "line_cells", "labelled_fields", "numbered_outline")
# tables printed at a fixed width, every cell wrapped inside its column at ``wrap`` (a Chinese character two
# columns, as a screen shows them): a text grid table with a rule line between rows (``+----+``, ``+====+`` under
# the first row, as a converter writes a Word table), ``|cell |cell |`` rows without rules (an old Word-to-text
# converter), a simple table with ``=====`` rules (columns set apart by two spaces). Read by the pipe families and
# ``positioned``; not parser families of their own.
FIXED_WIDTH = ("grid_table", "fixed_pipes", "simple_table")
# cells one space apart, as a PDF text extraction that keeps no columns writes them (pdfplumber, a viewer's copy of
# a selection): each row on its line (``spaced_rows``), or a form's rows run on into one line after its title
# (``spaced_paragraph``). Read by ``space_columns``; a space inside a cell cannot be told from one between cells.
SINGLE_SPACED = ("spaced_rows", "spaced_paragraph")
# a form printed with narrow columns (six Chinese characters, as Word lays out a government form; a long field a
# wide cell) whose cells wrap at the top of their boxes, its text taken from the PDF: row by row in the order the
# cells were drawn, a word joining the line before where it stands at the same height (``row_stream``: pdftotext
# -raw, a viewer's copy), or by lines of one height across the page (``row_lines``: pdfplumber). Read by
# ``cell_stream``.
NARROW_PRINTS = ("row_stream", "row_lines")
NARROW_COLUMN = 12  # display width: six Chinese characters
WIDE_FIELD = 60  # a field's long content (年度绩效目标) spans the form's width
# the outline's headings and items marked otherwise than by numbers, as a list pasted from a web page or a
# document (Markdown, a bulleted list in Word) or typed with indentation: ``bullet_list`` (- 产出指标 / ⎵⎵- 数量指标 /
# ⎵⎵⎵⎵- name：value), ``indent_list`` (indentation only, the value after two spaces), ``indent_values`` (indentation
# only, the value on the next line indented deeper). Read by ``numbered_outline``; not parser families of their own.
LISTS = ("bullet_list", "indent_list", "indent_values")
# the tree (``indent_tree``) indented with tabs, or printed without the blank lines between its items (as a PDF
# extraction or a paste drops them): read by ``indent_tree``
TREE_FORMS = ("tree_tabs", "tree_lines")
# labelled fields one pair per line (项目名称：… / 一级指标：… / 二级指标：… each on a line of its own): read by
# ``labelled_fields``
LABELLED_PAIRS = "labelled_pairs"


def form_rows(project: Project, year: int | None, shape: str = "standard") -> list[list[str]]:
    """The rows of one form in ``shape``, blank cells where the printed form has merged or empty cells."""
    spec = SHAPES[shape]
    yuan = spec.get("yuan", False)
    unit = "元" if yuan else "万元"
    rows: list[list[str]] = [["项目支出绩效目标表"], [f"({year}年度)" if year else ""]]
    if yuan:
        rows.append(["单位:元"])
    rows.append(["项目名称", project.name, "", ""])
    if project.department or project.implementing_unit:
        rows.append(["主管部门", project.department or "—", "实施单位", project.implementing_unit or "—"])
    rows.extend(_funding_rows(project, spec.get("funding", "rows"), unit))
    if project.goal:
        rows.append(["年度绩效目标", project.goal.replace("\n", ""), "", ""])
    rows.extend(_indicator_rows(project, spec))
    return rows


def overall_rows(overall: DepartmentOverall, year: int | None) -> list[list[str]]:
    """The rows of a 部门整体支出绩效目标表 (Yuanjiang's and corpus 03's forms): the department, its total with the
    sources and the 基本支出 / 项目支出 split, its functions and goal, then its indicator table."""
    rows: list[list[str]] = [["部门整体支出绩效目标表"], [f"({year}年度)" if year else ""]]
    rows.append(["部门名称", overall.department or "—", "", ""])
    if overall.total_wan is not None:
        rows.append(["年度预算申请(万元)", "资金总额", f"{overall.total_wan:g}", ""])
        rows += [["", f"其中:{s.source}", f"{s.amount_wan:g}", ""] for s in overall.funding]
        for label, amount in (("基本支出", overall.basic_wan), ("项目支出", overall.project_wan)):
            if amount is not None:
                rows.append(["", label, f"{amount:g}", ""])
    if overall.functions:
        rows.append(["部门职能职责概述", overall.functions.replace("\n", ""), "", ""])
    if overall.goal:
        rows.append(["整体绩效目标", overall.goal.replace("\n", ""), "", ""])
    holder = Project(sequence=0, name="", total_wan=None)
    holder.indicators = overall.indicators
    return rows + _indicator_rows(holder, SHAPES["standard"])


def _amount(amount_wan: float, unit: str) -> str:
    """An amount as a form prints it: in 万元 as read, in 元 to the fen, without a trailing zero."""
    if unit == "万元":
        return f"{amount_wan:g}"
    return f"{amount_wan * 10000:.2f}".rstrip("0").rstrip(".")


def _funding_rows(project: Project, style: str, unit: str) -> list[list[str]]:
    """Total and sources: one source per row (其中:…), a row of source columns over a row of amounts, or every
    source on the total's line."""
    if project.total_wan is None:
        return []
    total = _amount(project.total_wan, unit)
    sources = [(s.source, _amount(s.amount_wan, unit)) for s in project.funding]
    if style == "columns":
        return [["资金来源", "年度资金总额"] + [name for name, _ in sources],
                [f"项目资金({unit})", total] + [amount for _, amount in sources]]
    if style == "one_line":
        row = [f"项目资金({unit})", "资金总额", total]
        for k, (name, amount) in enumerate(sources):
            row += [f"其中:{name}" if k == 0 else name, amount]
        return [row]
    return ([[f"项目资金({unit})", "年度资金总额", total, ""]]
            + [["", f"其中:{name}", amount, ""] for name, amount in sources])


# what real 指标值确定依据 / 绩效标准 / 备注 columns print (a fixed cycle, so a shape always renders the same)
_BASES = ("计划标准", "历史标准", "行业标准", "", "根据年度工作计划确定", "参考上年度完成情况")
_REMARKS = ("", "", "核心指标", "", "")
_REASONS = ("", "无", "", "", "")
_WEIGHTS = ("10", "5", "10", "20", "5", "15")
# a column whose header the alias table does not know (数据来源): where each target's figure comes from
_SOURCES = ("工作台账", "统计报表", "问卷调查", "", "财务资料")
_SPLIT = re.compile(r"^(?P<op>[≥≤=<>≧≦＝]?)\s*(?P<number>\d+(?:\.\d+)?)\s*(?P<unit>[^\d\s]{0,6})$")


def split_value(value: str) -> tuple[str, str, str]:
    """A target value as a form with 指标性质 | 指标值 | 度量单位 columns prints it: (operator, number, unit).
    A number without an operator gets ``=``; a value without a number is 定性 (qualitative) with the whole text in
    the value column; a value that is not operator + number + unit (a deadline, a range) stays whole."""
    if value.strip() in TABLES.unit_kind:
        return "", "", value.strip()  # a unit with no number: the form printed only the 度量单位 cell
    match = _SPLIT.match(value.strip())
    if match:
        return match.group("op") or "=", match.group("number"), match.group("unit")
    if value and not re.search(r"\d", value):
        return "定性", value, ""
    return "", value, ""


def _mid_value(value: str) -> str:
    """A mid-term (中期) target beside the annual one: counts and amounts over three years; shares and
    qualitative targets the same."""
    if "%" in value or not re.search(r"\d", value) or re.search(r"[年月日]", value):
        return value
    return re.sub(r"\d+(?:\.\d+)?", lambda m: f"{float(m.group()) * 3:g}", value, count=1)


def _graded_values(value: str) -> list[str]:
    """The graded standards 优 | 良 | 中 | 差 of a target (corpus 17): a share lower by 10, 15 and 15 points (as
    100% 90% 85% 85%) where the target is a percentage, else the same text in every grade."""
    match = re.fullmatch(r"(?P<op>[≥≤>＜<=]?)(?P<number>\d+(?:\.\d+)?)%", value.strip())
    if not match:
        return [value] * 4
    top = float(match.group("number"))
    return [value] + [f"{match.group('op')}{max(top - d, 0):g}%" for d in (10, 15, 15)]


def _value_cells(ind: Indicator, k: int, spec: dict) -> list[str]:
    cells: list[str] = []
    for column in spec.get("after_levels", ()):  # columns between the name and the value
        cells.append(_extra(column, ind, k))
    style = spec.get("value", "one")
    if style == "split":
        cells.extend(split_value(ind.value))
    elif style == "mid_annual":
        cells.extend([_mid_value(ind.value), ind.value])
    elif style == "annual_mid":
        cells.extend([ind.value, _mid_value(ind.value)])
    elif style == "graded":
        cells.extend(_graded_values(ind.value))
    elif style == "kind":  # 定量 / 定性 before the value
        cells.extend(["定量" if re.search(r"\d", ind.value) else "定性", ind.value])
    elif style == "value_unit":
        op, number, unit = split_value(ind.value)
        cells.extend([(op if op != "=" or ind.value.strip().startswith("=") else "") + number, unit]
                     if number and op != "定性" else [ind.value, ""])
    else:
        cells.append(ind.value)
    for column in spec.get("after", ()):
        cells.append(_extra(column, ind, k))
    return cells


def _extra(column: str, ind: Indicator, k: int) -> str:
    if column == "weight":
        return f"{ind.weight:g}" if ind.weight is not None else _WEIGHTS[k % len(_WEIGHTS)]
    if column == "actual":  # what a self-evaluation reports done: a number met (its operator dropped), or words
        match = _SPLIT.match(ind.value.strip())
        return match.group("number") + match.group("unit") if match else (ind.value and "达成预期指标")  # corpus 30
    if column == "score":
        return _extra("weight", ind, k)
    if column == "reason":
        return _REASONS[k % len(_REASONS)]
    if column == "basis":
        return _BASES[k % len(_BASES)]
    if column == "remarks":
        return _REMARKS[k % len(_REMARKS)]
    if column == "source":
        return _SOURCES[k % len(_SOURCES)]
    raise ValueError(column)


def _indicator_rows(project: Project, spec: dict) -> list[list[str]]:
    levels = spec.get("levels", 2)
    rows = [list(r) for r in spec.get("header", (("一级指标", "二级指标", "三级指标", "指标值"),))]
    last1 = last2 = None
    for k, ind in enumerate(project.indicators):
        level1 = ind.level1_raw or ind.level1 or ""
        level2 = ind.level2_raw or ind.level2 or ""
        row = [str(k + 1)] if spec.get("seq") else []
        repeat = spec.get("repeat_levels", False)
        if spec.get("section_rows"):  # level-1 on a row of its own above its block
            if level1 != last1:
                rows.append([level1])
            levels = 1.5
        if levels == 1.5:
            row.append(level2 if (level2 != last2 or level1 != last1 or repeat) else "")
        elif levels >= 1:
            row.append(level1 if level1 != last1 or repeat else "")
        if levels >= 2:
            row.append(level2 if (level2 != last2 or level1 != last1 or repeat) else "")
        row.append(ind.name)
        row.extend(_value_cells(ind, k, spec))
        last1, last2 = level1, level2
        rows.append(row)
    return rows


_H = ("一级指标", "二级指标", "三级指标")
# Form shapes, each modelled on a variant real forms print (corpus excerpts and published tables): the header
# rows, what stands around the value, how funding is laid out, the unit of amounts, and which parts of an
# indicator's reading a shape can give back (``compare``: the level columns a shape leaves out cannot be read).
SHAPES: dict[str, dict] = {
    # 一级指标 | 二级指标 | 三级指标 | 指标值, funding one source per row (the shape every family was built on)
    "standard": {},
    # 序号 first, 分值 after the value (审批表 and 自评表 forms, corpus 07 and 08)
    "seq_weight": {"header": (("序号",) + _H + ("指标值", "分值"),), "seq": True, "after": ("weight",)},
    # 指标性质 | 指标值 | 度量单位 (corpus 02, 24; Beijing's and Guangdong's templates)
    "split_value": {"header": (_H + ("指标性质", "指标值", "度量单位"),), "value": "split"},
    # 指标值确定依据 after the value (corpus 09 prints 指标解释; many provinces print the basis)
    "basis_after": {"header": (_H + ("指标值", "指标值确定依据"),), "after": ("basis",)},
    # 指标解释-like 绩效标准 before the value, 备注 after it (corpus 03, 04, 24)
    "standard_remarks": {"header": (_H + ("绩效标准", "指标值", "备注"),), "after_levels": ("basis",),
                         "after": ("remarks",)},
    # level-1 only: 一级指标 | 指标内容 | 指标值 (the 二级 column dropped)
    "level1_only": {"header": (("一级指标", "指标内容", "指标值"),), "levels": 1, "compare": "level1"},
    # no level columns: 序号 | 指标名称 | 指标值 (corpus 23)
    "no_levels": {"header": (("序号", "指标名称", "指标值"),), "levels": 0, "seq": True, "compare": "none"},
    # 中期指标值 | 年度指标值: the annual one is the value (corpus 14, 16 print whole mid/annual groups)
    "mid_annual": {"header": (_H + ("中期指标值", "年度指标值"),), "value": "mid_annual"},
    # 年度指标值 | 中期指标值
    "annual_mid": {"header": (_H + ("年度指标值", "中期指标值"),), "value": "annual_mid"},
    # the same columns in other words (绩效指标分类 | 评价内容 | 具体指标 | 目标值: corpus 17, 22, and templates)
    "other_words": {"header": (("绩效指标分类", "评价内容", "具体指标", "目标值"),)},
    # graded standards in place of one value: 评价标准 over 优 | 良 | 中 | 差, the best grade the target (corpus 17)
    "graded": {"header": (_H + ("评价标准", "", "", ""), ("", "", "", "优", "良", "中", "差")), "value": "graded"},
    # a column the alias table does not name after the value (数据来源: the header words of other templates)
    "unnamed_column": {"header": (_H + ("指标值", "数据来源"),), "after": ("source",)},
    # 计量单位 beside the value (no operator column): ≥95 | % (Zhejiang's and Jiangsu's templates)
    "value_unit": {"header": (_H + ("指标值", "计量单位"),), "value": "value_unit"},
    # 指标类型 (定量 / 定性) before the value beside the level columns (templates where 指标类型 is no level)
    "kind_column": {"header": (_H + ("指标类型", "指标值"),), "value": "kind"},
    # level-1 on a row of its own (a merged row across the table) over 二级指标 | 三级指标 | 指标值 rows
    "section_rows": {"header": (("二级指标", "三级指标", "指标值"),), "section_rows": True},
    # a two-row header: 绩效指标 over 一级指标 | 二级指标 | 三级指标, 指标值 merged down
    "group_header": {"header": (("绩效指标", "", "", "指标值"), _H + ("",))},
    # a header whose cells wrap: 一级 | 二级 | 三级 | 指标值 over 指标 | 指标 | 指标 (corpus 14, 21)
    # (not run together: wrapping is drawn by the page, a text that runs cells together has each cell's words whole)
    "wrapped_header": {"header": (("一级", "二级", "三级", "指标值"), ("指标", "指标", "指标", "")),
                       "not_in": ("run_together",)},
    # a self-evaluation table (自评表) that states the year's targets: 实际完成值 | 分值 | 得分 | 偏差原因 after the
    # value (corpus 02, 21, 29)
    "self_eval": {"header": (_H + ("年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"),),
                  "after": ("actual", "weight", "score", "reason")},
    # every level cell printed on every row (a spreadsheet whose merged cells were unmerged and filled)
    "repeated_levels": {"repeat_levels": True},
    # funding as a row of source columns over a row of amounts
    "funding_columns": {"funding": "columns"},
    # every source on the total's line: 资金总额 | 100 | 其中:中央 | 20 | 省级 | 30 …
    "funding_one_line": {"funding": "one_line"},
    # amounts in 元, 单位:元 above the form (must come back in 万元)
    "yuan": {"yuan": True},
}


_LAST_HEADER_ROWS = {spec.get("header", ((*_H, "指标值"),))[-1] for spec in SHAPES.values()}
_UPPER_HEADER_ROWS = {row for spec in SHAPES.values() for row in spec.get("header", ())[:-1]}


# an outline prints no columns: of the shapes, only those that change no column of the table (and the outline's
# own funding lines) apply
_OUTLINE_SHAPES = ("standard",)


def applies(shape: str, family: str) -> bool:
    """Whether a real text could show ``shape`` in ``family``."""
    if family == "numbered_outline":
        return shape in _OUTLINE_SHAPES
    return family not in SHAPES[shape].get("not_in", ())


def expected(document: Document, shape: str) -> list[list[tuple]]:
    """Per project, the indicators a reading of ``document`` rendered in ``shape`` must give back: (level1,
    level2, name, value) with the levels the shape leaves out as None, whitespace squeezed out, "—" as empty."""
    out = []
    for project in document.projects:
        rows, level1 = [], None
        for i in project.indicators:
            # a blank level-1 cell reads as merged with the one above: with no level-2 column to say otherwise, an
            # indicator the original reading left without a level-1 takes the one printed above it
            level1 = i.level1 or (level1 if SHAPES[shape].get("compare") == "level1" else None)
            rows.append(indicator_key(level1, i.level2, i.name, shaped_value(i.value, shape), shape))
        out.append(rows)
    return out


def shaped_value(value: str, shape: str) -> str:
    """The value as the shape's form prints it, joined back (operator, number and unit in one)."""
    if SHAPES[shape].get("value") == "split":
        op, number, unit = split_value(value)
        return value if op in ("", "定性") and number else op + number + unit
    return value


def indicator_key(level1, level2, name, value, shape: str) -> tuple:
    compare = SHAPES[shape].get("compare", "both")
    value = re.sub(r"\s+", "", value or "")
    return (level1 if compare != "none" else None, level2 if compare == "both" else None,
            re.sub(r"\s+", "", name or ""), "" if value == "—" else value)


def render(document: Document, family: str, shape: str = "standard", wrap: int | None = None) -> str:
    """``document`` written out in ``family`` and ``shape``; ``wrap``: every line broken at that display width (a
    Chinese character counts two), as a PDF extraction breaks the text of a narrow column (used with
    ``line_cells``)."""
    forms = [form_rows(p, document.fiscal_year, shape) for p in document.projects]
    if document.department_overall is not None:  # the department's own form first, as the documents print it
        forms.insert(0, overall_rows(document.department_overall, document.fiscal_year))
    if family in FIXED_WIDTH:
        out = []
        for rows in forms:
            out += [row[0] for row in rows if len(row) == 1]
            out += _fixed_width([row for row in rows if len(row) > 1], family, wrap or 400)
            out.append("")
        return "\n".join(out) + "\n"
    if family in SINGLE_SPACED:
        out = []
        for rows in forms:
            lines = [" ".join(c for c in row if c) for row in rows]
            out += lines if family == "spaced_rows" else [lines[0], " ".join(line for line in lines[1:] if line)]
            out.append("")
        return "\n".join(out) + "\n"
    if family in NARROW_PRINTS:
        out = []
        for rows in forms:
            out += _narrow_print(rows, family)
        return "\n".join(out) + "\n"
    if family == "indent_tree":
        return _tree(document)
    if family in TREE_FORMS:
        text = _tree(document)
        if family == "tree_tabs":
            return re.sub(r"(?m)^ +", lambda m: "\t" * len(m.group()), text)
        return "\n".join(line for line in text.splitlines() if line.strip()) + "\n"
    if family == "numbered_outline" or family in LISTS:
        return _outline(document, family)
    out: list[str] = []
    for rows in forms:
        out.extend(_table(rows, family))
        out.append("")
    if wrap:
        out = [piece for line in out for piece in _wrapped(line, wrap)]
    return "\n".join(out) + "\n"


def _fixed_width(rows: list[list[str]], family: str, wrap: int) -> list[str]:
    from ingest.readers.families.common import display_width

    n = max(len(r) for r in rows)
    cells = [[_wrapped(c, wrap) if c else [""] for c in r + [""] * (n - len(r))] for r in rows]
    widths = [max(display_width(piece) for r in cells for piece in r[j]) for j in range(n)]

    def pad(text: str, width: int) -> str:
        return text + " " * (width - display_width(text))

    def rule(ch: str) -> str:
        return "+" + "+".join(ch * (w + 2) for w in widths) + "+"

    def lines_of(row: list[list[str]], join) -> list[str]:
        return [join([pad(c[t] if t < len(c) else "", w) for c, w in zip(row, widths)]).rstrip()
                for t in range(max(len(c) for c in row))]

    if family == "simple_table":
        bar = "  ".join("=" * w for w in widths)
        out = [bar]
        for k, row in enumerate(cells):
            out += lines_of(row, "  ".join)
            if k == 0:
                out.append(bar)
        return out + [bar]
    framed = lambda parts: "| " + " | ".join(parts) + " |"  # noqa: E731
    if family == "fixed_pipes":
        return [line for row in cells for line in lines_of(row, lambda parts: "|" + "|".join(parts) + "|")]
    out = [rule("-")]
    for k, row in enumerate(cells):
        out += [line if line.endswith("|") else line + " |" for line in lines_of(row, framed)]
        out.append(rule("=" if k == 0 else "-"))
    return out


def _narrow_print(rows: list[list[str]], family: str) -> list[str]:
    """A form's rows as the text of a print with narrow columns: every filled cell wrapped in its column (a long
    field's content in a wide one), its lines at the top of its box."""
    out: list[str] = []
    for row in rows:
        filled = [c for c in row if c]
        if len(filled) <= 1:
            out += filled
            continue
        cells = [_typeset(c, WIDE_FIELD if len(c) > 30 and len(filled) == 2 else NARROW_COLUMN) for c in filled]
        if family == "row_lines":  # each line the words at one height
            out += [" ".join(c[k] for c in cells if k < len(c)) for k in range(max(len(c) for c in cells))]
            continue
        line, height = [], -1  # drawn cell by cell: a word joins the line where it stands at the same height
        for cell in cells:
            for k, piece in enumerate(cell):
                if line and k != height:
                    out.append(" ".join(line))
                    line = []
                line.append(piece)
                height = k
        out.append(" ".join(line))
    return out


_NO_LINE_START = "，。、；：？！）》」』】”’%,.;:?!)"


def _typeset(text: str, width: int) -> list[str]:
    """``text`` broken into lines of ``width`` as a word processor breaks them: a run of digits or Latin letters
    is not broken, a sign that cannot begin a line takes the character before it down with it, no line begins
    with a space."""
    from ingest.readers.families.common import display_width

    units = re.findall(r"[0-9A-Za-z.%‰]+|.", text)
    lines, line = [], ""
    for unit in units:
        if line and display_width(line + unit) > width:
            if unit[0] in _NO_LINE_START and len(line) > 1:
                line, carried = line[:-1], line[-1]
                lines.append(line.rstrip())
                line = carried
            else:
                lines.append(line.rstrip())
                line = ""
        if not line and unit == " ":
            continue
        line += unit
    return [piece for piece in lines + [line.rstrip()] if piece]


def _wrapped(line: str, width: int) -> list[str]:
    from ingest.readers.families.common import display_width

    pieces, piece = [], ""
    for ch in line:
        if piece and display_width(piece + ch) > width:
            pieces.append(piece)
            piece = ""
        piece += ch
    return pieces + [piece]


def _table(rows: list[list[str]], family: str) -> list[str]:
    lines: list[str] = []
    if family == "run_together":
        return ["".join(c for row in rows for c in row if c)]
    if family == "line_cells":  # every filled cell on a line of its own, nothing between rows
        return [c for row in rows for c in row if c]
    if family == "labelled_fields":
        return _labelled(rows)
    if family == LABELLED_PAIRS:
        return [pair for line in _labelled(rows) for pair in line.split("\u3000")]
    for row in rows:
        filled = [c for c in row if c]
        if len(row) == 1 or len(filled) == 0:
            lines.append(row[0] if row else "")
            if family in ("paragraph_cells", "cell_per_line"):
                lines.append("")
            continue
        if family == "tab_rows":
            lines.append("\t".join(row))
        elif family == "cell_per_line":
            lines.extend("\t" + c for c in row)
            lines.append("")
        elif family == "pipe_rows":
            lines.append(" | ".join(row) + " |")
        elif family == "markdown":
            lines.append("| " + " | ".join(row) + " |")
            if tuple(row) in _LAST_HEADER_ROWS:
                lines.append("|" + "---|" * len(row))
        elif family == "pipe_cells":
            lines.extend(f"{c} |" for c in filled)
            lines.append("|" * len(row))
        elif family == "paragraph_cells":
            for c in filled:
                lines.extend([c, ""])
        elif family == "space_columns":
            lines.append("  ".join(filled))
    return lines


def _labelled(rows: list[list[str]]) -> list[str]:
    """Every cell after its label and a colon: the form's fields as ``label：content`` pairs, each indicator as a
    record of its columns (levels repeated on every record), no header row. The labels are the shape's header
    words: a header over two rows gives each column its lower cell (二级指标 under 绩效指标), or both joined when the
    upper is a wrapped word's start (一级 over 指标)."""
    lines: list[str] = []
    header: list[str] = []
    upper: list[str] = []
    carried: dict[int, str] = {}
    sources: list[str] = []
    for row in rows:
        filled = [c for c in row if c]
        if tuple(row) in _LAST_HEADER_ROWS:
            header = [u + c if len(u) <= 2 and c else (c or u) for u, c in zip(upper or [""] * len(row), row)]
            continue
        if header and len(row) == len(header) and not row[0].startswith("项目"):
            cells = []
            for k, (label, cell) in enumerate(zip(header, row)):
                if _is_level_label(label):  # a merged (blank) level cell repeats the one above on every record
                    cell = carried[k] = cell or carried.get(k, "")
                cells.append((label, cell))
            lines.append("\u3000".join(f"{label}：{cell}" for label, cell in cells))
            continue
        if tuple(row) in _UPPER_HEADER_ROWS:
            upper = row
            continue
        if row[0] == "资金来源":  # funding in columns: each source's name before its amount in the row below
            sources = filled[1:]
            continue
        if sources and row[0].startswith("项目资金"):
            lines.append("\u3000".join(f"{a}：{b}" for a, b in zip(sources, filled[1:])))
            sources = []
        elif len(filled) % 2 and len(filled) >= 3:  # 项目资金(万元) | 资金总额 | amount …: the group label left out
            lines.append("\u3000".join(f"{a}：{b}" for a, b in zip(filled[1::2], filled[2::2])))
        elif len(filled) in (2, 4):
            lines.append("\u3000".join(f"{a}：{b}" for a, b in zip(filled[::2], filled[1::2])))
        else:
            lines.append("".join(filled))
    return lines


def _is_level_label(label: str) -> bool:
    return label in ("一级指标", "二级指标", "绩效指标分类", "评价内容")


_CN = "一二三四五六七八九十"


def _outline(document: Document, style: str = "numbered_outline") -> str:
    """The indicators as a document's numbered headings and items (一、level-1 / （一）level-2 / 1.name：value), or
    in one of the ``LISTS`` styles; the form's fields as ``label：content`` lines."""
    out = ["项目支出绩效目标表"]
    for project in document.projects:
        out.append(f"项目名称：{project.name}")
        if project.total_wan is not None:
            out.append(f"年度资金总额：{project.total_wan:g}万元")
            out += [("其中：" if k == 0 else "") + f"{s.source}：{s.amount_wan:g}万元"
                    for k, s in enumerate(project.funding)]
        if project.goal:
            out.append("年度绩效目标：" + project.goal.replace("\n", ""))
        tree: dict[str, dict[str, list]] = {}
        for ind in project.indicators:
            level1 = ind.level1_raw or ind.level1 or ""
            tree.setdefault(level1, {}).setdefault(ind.level2_raw or ind.level2 or "", []).append(ind)
        for a, (level1, groups) in enumerate(tree.items()):
            if level1:  # a level the reading lacks has no heading
                out.append(_list_line(style, 0, f"{_CN[a % 10]}、", level1))
            for b, (level2, indicators) in enumerate(groups.items()):
                if level2:
                    out.append(_list_line(style, 1, f"（{_CN[b % 10]}）", level2))
                for n, ind in enumerate(indicators, 1):
                    out.extend(_list_item(style, f"{n}.", ind.name, ind.value or ""))
        out.append("")
    return "\n".join(out) + "\n"


def _list_line(style: str, depth: int, number: str, text: str) -> str:
    if style == "numbered_outline":
        return number + text
    return "  " * depth + ("- " if style == "bullet_list" else "") + text


def _list_item(style: str, number: str, name: str, value: str) -> list[str]:
    if style == "numbered_outline":
        return [f"{number}{name}：{value}"]
    if style == "bullet_list":
        return [f"    - {name}：{value}"]
    if style == "indent_list":
        return [f"    {name}  {value}".rstrip()]
    return [f"    {name}"] + ([f"      {value}"] if value else [])  # indent_values


def _tree(document: Document) -> str:
    """Hierarchy by indentation only: department, project (amount below), level-1, level-2, indicator (value)."""
    out = ["单位:万元", "", "项目", "", "指标值", ""]
    out += [" " + (document.department or "单位"), ""]
    for project in document.projects:
        out += ["  " + project.name, "", f"{project.total_wan:g}" if project.total_wan is not None else "0", ""]
        last1 = last2 = None
        for ind in project.indicators:
            # only the levels the reading has: a level it lacks has no item of its own (the indicator sits at its
            # depth under the items above)
            level1 = ind.level1_raw or ind.level1 or ""
            level2 = ind.level2_raw or ind.level2 or ""
            if level1 != last1:
                if level1:
                    out += ["   " + level1, ""]
                last2 = None
            if level2 != last2 and level2:
                out += ["    " + level2, ""]
            out += ["     " + ind.name, ""] + ([ind.value, ""] if ind.value else [])  # an empty value: no paragraph
            last1, last2 = level1, level2
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    if sys.argv[1:2] == ["--measure"]:
        from bench.shapes import main

        main(sys.argv[2:])
    else:
        from ingest.parse import parse_file

        sys.stdout.write(render(parse_file(sys.argv[1]), sys.argv[2], *sys.argv[3:4]))
