"""Saved web pages (.html/.htm, and .mhtml single-file archives) → grid, with BeautifulSoup and lxml.

The page is read in document order: text blocks outside tables (titles, ``单位：元``) become one-cell rows, every
table its rows with ``rowspan``/``colspan`` honoured by the standard HTML table algorithm. A table used for page
layout (one that holds other tables) is not a table of the form: its content is read in order instead. A page
whose tables hold no indicator header is read as text by the text layouts (a page's line a line, full-width spaces
kept). Scripts, styles and hidden elements are skipped. The encoding comes from the page (BOM,
``<meta charset>``), else it is detected.
"""

from __future__ import annotations

import email
import email.policy
import re
from typing import Optional

from ingest.errors import IngestError
from ingest.grid import Grid
from ingest.readers import guard
from ingest.readers.sheet import GridBuilder, TCell, place

SKIP = {"script", "style", "head", "noscript", "template", "svg", "button", "select", "option", "iframe"}
BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "section", "article", "header", "footer", "center",
          "blockquote", "pre", "dd", "dt", "caption", "form", "ul", "ol", "dl", "main", "nav", "aside", "body"}


def _html_of_mhtml(source: str, data: bytes) -> bytes:
    message = email.message_from_bytes(data, policy=email.policy.default)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            charset = part.get_content_charset()
            if charset and payload is not None:
                try:
                    return payload.decode(charset).encode("utf-8")
                except (LookupError, UnicodeDecodeError):
                    return payload
            return payload or b""
    raise IngestError(source, "MHTML 文件中没有网页内容（text/html）。请在浏览器中重新“另存为网页”后再导入。")


def read_html(source: str, data: bytes) -> Grid:
    kind = guard.sniff(data)
    if kind is not None:
        raise guard.wrong_kind(source, kind, "网页文件（.html）")
    if not data.strip():
        raise IngestError(source, "文件为空，没有可读取的内容。", line=1 if data else None)
    if source.lower().endswith(".mhtml") or source.lower().endswith(".mht") or re.match(
            rb"(?is)\s*(from:|mime-version:|content-type:\s*multipart)", data[:400]):
        data = _html_of_mhtml(source, data)
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(data, "lxml")
    builder = GridBuilder(source)
    reader = _Walker(builder)
    reader.walk(soup.body or soup)
    reader.flush()
    if reader.tables == 0 and not any(line.strip() for line in builder.lines):
        raise IngestError(source, "网页中没有文字或表格。请确认保存的是包含绩效目标表的页面。")
    grid = builder.grid("html")
    grid.text_lines = list(builder.lines)
    return grid


def _hidden(tag) -> bool:
    style = (tag.get("style") or "").replace(" ", "").lower()
    return "display:none" in style or tag.has_attr("hidden")


class _Walker:
    def __init__(self, builder: GridBuilder):
        self.builder = builder
        self.buffer: list[str] = []
        self.tables = 0

    def flush(self) -> None:
        text = "".join(self.buffer)
        self.buffer = []
        for line in text.split("\n"):
            if line.strip():
                self.builder.paragraph(_COLLAPSIBLE.sub(" ", line).strip())

    def walk(self, node) -> None:
        from bs4 import NavigableString, Tag
        from bs4.element import Comment, Doctype

        for child in node.children:
            if isinstance(child, (Comment, Doctype)):
                continue
            if isinstance(child, NavigableString):
                # the white space a browser collapses (not a full-width space or &nbsp;: labelled fields keep them)
                self.buffer.append(_COLLAPSIBLE.sub(" ", str(child)))
                continue
            if not isinstance(child, Tag) or child.name in SKIP or _hidden(child):
                continue
            if child.name == "br":
                self.buffer.append("\n")
            elif child.name == "table" and child.find("table") is None:
                self.flush()
                self.table(child)
            elif child.name in BLOCKS or child.name in ("table", "tbody", "thead", "tfoot", "tr", "td", "th"):
                self.flush()
                self.walk(child)
                self.flush()
            else:
                self.walk(child)

    def table(self, table) -> None:
        self.tables += 1
        number = self.tables
        anchors: list[tuple[int, int, TCell]] = []
        taken: set[tuple[int, int]] = set()
        rows = [tr for tr in table.find_all("tr") if not _hidden(tr)]
        for r, tr in enumerate(rows):
            col = 0
            for td in tr.find_all(["td", "th"], recursive=False):
                if _hidden(td):
                    continue
                while (r, col) in taken:
                    col += 1
                rowspan = _span(td.get("rowspan"))
                colspan = _span(td.get("colspan"))
                rowspan = min(rowspan, len(rows) - r) if rowspan > 0 else len(rows) - r  # rowspan=0: to the end
                cell = TCell(_cell_text(td), max(1, rowspan), colspan, f"表{number} 第{r + 1}行")
                anchors.append((r, col, cell))
                for dr in range(cell.rowspan):
                    for dc in range(colspan):
                        taken.add((r + dr, col + dc))
                col += colspan
        if anchors:
            self.builder.table(place(anchors))


_COLLAPSIBLE = re.compile(r"[ \t\n\r\f]+")


def _span(value: Optional[str]) -> int:
    try:
        return max(0, min(1000, int(str(value).strip()))) if value is not None else 1
    except ValueError:
        return 1


def _cell_text(td) -> str:
    parts: list[str] = []
    for br in td.find_all("br"):
        br.replace_with("\n")
    for block in td.find_all(["p", "div", "li"]):
        block.insert_after("\n")
    parts.append(td.get_text())
    text = "".join(parts)
    lines = [re.sub(r"[ \t\r\f\v\u00a0]+", " ", line).strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line)
