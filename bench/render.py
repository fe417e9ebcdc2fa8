"""Synthetic layouts: a parsed document written out again as text in one of the layout families.

SYNTHETIC — used by the tests to check that the same tables read the same whatever their layout (and by
``python -m bench.render FILE FAMILY`` to look at one). The content is the real content of the sample documents;
only the layout is generated. Nothing here is ever loaded into the default database.

``line_cells`` puts every filled cell on a line of its own with nothing between rows, optionally broken at a
column width (``wrap``) as PDF extractions break a narrow column's text.

Each project becomes one form: title, name, department, total and funding, goal, then the indicator table
(一级指标 | 二级指标 | 三级指标 | 指标值) with the level cells merged (left blank) on continuation rows.
"""

from __future__ import annotations

import sys

from ingest.model import Document, Project

FAMILIES = ("tab_rows", "cell_per_line", "pipe_rows", "markdown", "pipe_cells", "paragraph_cells", "space_columns",
            "run_together", "indent_tree", "line_cells", "labelled_fields", "numbered_outline")


def form_rows(project: Project, year: int | None) -> list[list[str]]:
    """The rows of one form, blank cells where the printed form has merged or empty cells."""
    rows: list[list[str]] = [["项目支出绩效目标表"], [f"({year}年度)" if year else ""]]
    rows.append(["项目名称", project.name, "", ""])
    if project.department or project.implementing_unit:
        rows.append(["主管部门", project.department or "—", "实施单位", project.implementing_unit or "—"])
    if project.total_wan is not None:
        rows.append(["项目资金(万元)", "年度资金总额", f"{project.total_wan:g}", ""])
    for source in project.funding:
        rows.append(["", f"其中:{source.source}", f"{source.amount_wan:g}", ""])
    if project.goal:
        rows.append(["年度绩效目标", project.goal.replace("\n", ""), "", ""])
    rows.append(["一级指标", "二级指标", "三级指标", "指标值"])
    last1 = last2 = None
    for ind in project.indicators:
        level1 = ind.level1_raw or ind.level1 or ""
        level2 = ind.level2_raw or ind.level2 or ""
        row = [level1 if level1 != last1 else "", level2 if (level2 != last2 or level1 != last1) else "",
               ind.name, ind.value]
        last1, last2 = level1, level2
        rows.append(row)
    return rows


def render(document: Document, family: str, wrap: int | None = None) -> str:
    """``document`` written out in ``family``; ``wrap``: every line broken at that display width (a Chinese
    character counts two), as a PDF extraction breaks the text of a narrow column (used with ``line_cells``)."""
    forms = [form_rows(p, document.fiscal_year) for p in document.projects]
    if family == "indent_tree":
        return _tree(document)
    if family == "numbered_outline":
        return _outline(document)
    out: list[str] = []
    for rows in forms:
        out.extend(_table(rows, family))
        out.append("")
    if wrap:
        out = [piece for line in out for piece in _wrapped(line, wrap)]
    return "\n".join(out) + "\n"


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
            if row[:2] == ["一级指标", "二级指标"]:
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
    record of its four columns (levels repeated on every record), no header row."""
    lines: list[str] = []
    header: list[str] = []
    levels = ["", ""]
    for row in rows:
        filled = [c for c in row if c]
        if row[:2] == ["一级指标", "二级指标"]:
            header = row
            continue
        if header:
            levels = [row[0] or levels[0], row[1] or levels[1]]
            cells = levels + row[2:]
            lines.append("\u3000".join(f"{label}：{cell}" for label, cell in zip(header, cells)))
        elif len(filled) == 3:  # 项目资金(万元) | 年度资金总额 | amount: the group label left out
            lines.append(f"{filled[1]}：{filled[2]}")
        elif len(filled) in (2, 4):
            lines.append("\u3000".join(f"{a}：{b}" for a, b in zip(filled[::2], filled[1::2])))
        else:
            lines.append("".join(filled))
    return lines


_CN = "一二三四五六七八九十"


def _outline(document: Document) -> str:
    """The indicators as a document's numbered headings and items (一、level-1 / （一）level-2 / 1.name：value), the
    form's fields as ``label：content`` lines."""
    out = ["项目支出绩效目标表"]
    for project in document.projects:
        out.append(f"项目名称：{project.name}")
        if project.total_wan is not None:
            out.append(f"年度资金总额：{project.total_wan:g}万元")
        if project.goal:
            out.append("年度绩效目标：" + project.goal.replace("\n", ""))
        tree: dict[str, dict[str, list]] = {}
        for ind in project.indicators:
            level1 = ind.level1_raw or ind.level1 or ""
            tree.setdefault(level1, {}).setdefault(ind.level2_raw or ind.level2 or "", []).append(ind)
        for a, (level1, groups) in enumerate(tree.items()):
            out.append(f"{_CN[a % 10]}、{level1}")
            for b, (level2, indicators) in enumerate(groups.items()):
                out.append(f"（{_CN[b % 10]}）{level2}")
                out += [f"{n}.{ind.name}：{ind.value or ''}" for n, ind in enumerate(indicators, 1)]
        out.append("")
    return "\n".join(out) + "\n"


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
    from ingest.parse import parse_file

    sys.stdout.write(render(parse_file(sys.argv[1]), sys.argv[2]))
