"""Scanned PDFs and images (.png/.jpg) → grid, with the Tesseract command line (Simplified Chinese model).

A scan has no text layer, so the table is found in the picture first: long horizontal and vertical strokes are
the ruling lines; the rectangles they close are the cells, and two neighbouring rectangles without a line between
them are one merged cell (row/column span). Each cell is cut out inside its borders and all cells of a page are
read in one Tesseract run (``chi_sim``, a list of images); the text outside the tables (titles, ``（2024年度）``)
is read from the page with the tables blanked out.

The document is marked OCR (``Grid.is_ocr``) with a warning to check it against the original, and every cell whose
reading Tesseract is unsure of (a word below :data:`LOW_CONFIDENCE`) is named in a warning with its page and line.
Where Tesseract or its Chinese model is missing, the message says how to install them.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from typing import Optional

import numpy as np

from ingest.errors import IngestError
from ingest.grid import Grid, ParseWarning
from ingest.readers import guard
from ingest.readers.sheet import GridBuilder, TCell, place

INSTALL = "apt-get install tesseract-ocr tesseract-ocr-chi-sim"
LANG = "chi_sim"
DPI = 300  # scanned PDF pages are rendered at this resolution (Tesseract reads Chinese best at ~300 dpi)
LOW_CONFIDENCE = 80.0  # a word Tesseract gives less than this (0–100) marks its cell as unsure
DARK = 150  # grey level below which a pixel is ink
MAX_PIXELS = 60_000_000  # a page larger than this (e.g. 7000 x 8500) is scaled down first
TIMEOUT = 300


@dataclass
class Word:
    text: str
    conf: float
    left: int
    top: int
    width: int
    height: int
    line: tuple[int, int, int]


@dataclass
class OcrCell:
    box: tuple[int, int, int, int]  # x0, y0, x1, y1 in pixels
    row: int
    col: int
    rowspan: int
    colspan: int
    text: str = ""
    conf: float = 100.0
    words: list[Word] = field(default_factory=list)


def tesseract_path() -> str:
    """The tesseract program, checked to have the Chinese model; IngestError (with how to install) otherwise."""
    exe = shutil.which("tesseract")
    if exe is None:
        raise IngestError("OCR", "这是扫描件或图片，需要文字识别（OCR），但本机没有安装 Tesseract。"
                                 f"请安装后再导入：{INSTALL}（Debian/Ubuntu）。")
    try:
        langs = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError) as exc:
        raise IngestError("OCR", f"无法运行 Tesseract（{exc}）。请重新安装：{INSTALL}。") from exc
    if LANG not in langs.split():
        raise IngestError("OCR", "本机的 Tesseract 缺少简体中文识别模型（chi_sim）。"
                                 f"请安装后再导入：{INSTALL}。")
    return exe


# --------------------------------------------------------------------------------------------------- entry points
def read_image(source: str, data: bytes) -> Grid:
    kind = guard.sniff(data)
    if kind not in ("png", "jpeg", "bmp", "tiff", "gif"):
        raise guard.wrong_kind(source, kind, "图片（.png/.jpg）")
    from PIL import Image

    try:
        image = Image.open(io.BytesIO(data))
        if image.width * image.height > 200_000_000:
            raise IngestError(source, "图片尺寸过大，无法识别。请缩小后（或只截取表格部分）再导入。")
        image.load()
        if image.width < 1600:  # a screenshot: enlarged so that characters are about as tall as in a 300 dpi scan
            factor = 2400 / image.width
            image = image.resize((int(image.width * factor), int(image.height * factor)), Image.LANCZOS)
    except IngestError:
        raise
    except Exception as exc:  # noqa: BLE001 - PIL raises many kinds
        raise IngestError(source, f"图片已损坏，无法打开（{type(exc).__name__}）。请重新截图或扫描后再导入。") from exc
    return read_pages(source, [image])


def read_scanned_pdf(source: str, data: bytes) -> Grid:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except Exception as exc:  # noqa: BLE001
        raise IngestError(source, f"PDF 文件已损坏，无法打开（{exc}）。请重新下载后再导入。") from exc
    try:
        images = [pdf[i].render(scale=DPI / 72, grayscale=True).to_pil() for i in range(len(pdf))]
    finally:
        pdf.close()
    return read_pages(source, images, pdf=True)


def read_pages(source: str, images: list, pdf: bool = False) -> Grid:
    try:
        exe = tesseract_path()
    except IngestError as exc:
        raise IngestError(source, exc.message_zh) from None
    builder = GridBuilder(source)
    unsure: list[ParseWarning] = []
    for number, image in enumerate(images, 1):
        _read_page(builder, exe, image, number, unsure, pdf or len(images) > 1)
    notice = ParseWarning("ocr", "本文件是扫描件或图片，文字由 OCR 自动识别，可能有错字：请与原件逐项核对"
                                 f"（识别不确定的 {len(unsure)} 个单元格已逐一列出）。", 1)
    return builder.grid("pdf_ocr" if pdf else "image_ocr", is_ocr=True, warnings=[notice] + unsure)


# --------------------------------------------------------------------------------------------------- the page
def _gray(image) -> np.ndarray:
    image = image.convert("L")
    if image.width * image.height > MAX_PIXELS:
        scale = (MAX_PIXELS / (image.width * image.height)) ** 0.5
        image = image.resize((int(image.width * scale), int(image.height * scale)))
    return np.asarray(image)


def _line_mask(ink: np.ndarray, length: int) -> np.ndarray:
    """Pixels on a horizontal run of ink at least ``length`` long."""
    h, w = ink.shape
    if w <= length:
        return np.zeros_like(ink)
    cs = np.concatenate([np.zeros((h, 1), dtype=np.int32), np.cumsum(ink, axis=1, dtype=np.int32)], axis=1)
    full = (cs[:, length:] - cs[:, :-length]) == length  # window starting at x is all ink
    mask = np.zeros_like(ink)
    # a pixel is on the line when some full window covers it: spread each window start over its length
    starts = np.concatenate([np.zeros((h, 1), dtype=np.int32), np.cumsum(full, axis=1, dtype=np.int32)], axis=1)
    for x in range(w):
        a, b = max(0, x - length + 1), min(full.shape[1], x + 1)
        if b > a:
            mask[:, x] = (starts[:, b] - starts[:, a]) > 0
    return mask


def _positions(mask: np.ndarray) -> list[int]:
    """Centres of the bands of rows holding line pixels."""
    rows = np.where(mask.any(axis=1))[0]
    out: list[int] = []
    band: list[int] = []
    for y in rows:
        if band and y - band[-1] > 2:
            out.append(int(np.mean(band)))
            band = []
        band.append(int(y))
    if band:
        out.append(int(np.mean(band)))
    return out


def _covered(mask: np.ndarray, at: int, a: int, b: int, horizontal: bool) -> float:
    """Share of the segment a..b of the line at ``at`` that is drawn."""
    if b <= a:
        return 0.0
    lo, hi = max(0, at - 3), at + 4
    seg = mask[lo:hi, a:b] if horizontal else mask[a:b, lo:hi]
    return float(seg.any(axis=0 if horizontal else 1).mean()) if seg.size else 0.0


def find_cells(gray: np.ndarray) -> list[list[OcrCell]]:
    """The tables of a page: lists of cells (positions in elementary rows/columns of each table)."""
    ink = (gray < DARK).astype(np.uint8)
    length = max(60, gray.shape[1] // 25)
    hmask = _line_mask(ink, length)
    ys = _positions(hmask)
    # vertical rules are as short as a row: longer than 3/4 of the narrowest row, which no stroke of text is
    gaps = [b - a for a, b in zip(ys, ys[1:]) if b - a > 15]
    vlength = max(30, int(min(gaps) * 0.75)) if gaps else length
    vmask = _line_mask(np.ascontiguousarray(ink.T), min(length, vlength)).T
    xs = _positions(vmask.T)
    if len(ys) < 2 or len(xs) < 2:
        return []
    ny, nx = len(ys) - 1, len(xs) - 1
    parent = list(range(ny * nx))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(ny):
        for j in range(nx):
            if j + 1 < nx and _covered(vmask, xs[j + 1], ys[i], ys[i + 1], False) < 0.5:
                parent[find(i * nx + j + 1)] = find(i * nx + j)
            if i + 1 < ny and _covered(hmask, ys[i + 1], xs[j], xs[j + 1], True) < 0.5:
                parent[find((i + 1) * nx + j)] = find(i * nx + j)
    regions: dict[int, list[tuple[int, int]]] = {}
    for i in range(ny):
        for j in range(nx):
            regions.setdefault(find(i * nx + j), []).append((i, j))
    cells: list[OcrCell] = []
    for members in regions.values():
        i0, i1 = min(m[0] for m in members), max(m[0] for m in members)
        j0, j1 = min(m[1] for m in members), max(m[1] for m in members)
        if len(members) != (i1 - i0 + 1) * (j1 - j0 + 1):
            continue  # not a rectangle: the space around or between tables
        x0, x1, y0, y1 = xs[j0], xs[j1 + 1], ys[i0], ys[i1 + 1]
        closed = min(_covered(hmask, y0, x0, x1, True), _covered(hmask, y1, x0, x1, True),
                     _covered(vmask, x0, y0, y1, False), _covered(vmask, x1, y0, y1, False))
        if closed < 0.8:
            continue
        cells.append(OcrCell((x0, y0, x1, y1), i0, j0, i1 - i0 + 1, j1 - j0 + 1))
    # tables: runs of elementary rows that hold cells
    by_row: dict[int, list[OcrCell]] = {}
    for cell in cells:
        by_row.setdefault(cell.row, []).append(cell)
    tables: list[list[OcrCell]] = []
    current: list[OcrCell] = []
    covered_rows: set[int] = set()
    for cell in cells:
        covered_rows.update(range(cell.row, cell.row + cell.rowspan))
    for i in range(ny):
        if i not in covered_rows:
            if current:
                tables.append(current)
                current = []
            continue
        current.extend(by_row.get(i, []))
    if current:
        tables.append(current)
    return [t for t in tables if len(t) >= 2]


def _read_page(builder: GridBuilder, exe: str, image, number: int, unsure: list[ParseWarning],
               headings: bool) -> None:
    from PIL import Image

    gray = _gray(image)
    tables = find_cells(gray)
    rest = gray.copy()
    bands: list[tuple[OcrCell, np.ndarray]] = []  # every text line of every cell, in order
    for table in tables:
        for cell in table:
            x0, y0, x1, y1 = cell.box
            rest[max(0, y0 - 4):y1 + 5, max(0, x0 - 4):x1 + 5] = 255
            inner = gray[y0 + 5:y1 - 4, x0 + 5:x1 - 4]
            if inner.size == 0 or (inner < DARK).mean() < 0.001:
                continue
            bands.extend((cell, _pad(band)) for band in _text_bands(inner))
    # The page outside the tables is read as a block; each line of a cell as one line (psm 7), which keeps
    # short wrapped lines (a last character alone) that block reading drops.
    outside = _tesseract(exe, [Image.fromarray(rest)], psm=6).get(0, [])
    first = _tesseract(exe, [Image.fromarray(b) for _, b in bands], psm=7) if bands else {}
    empty = [n for n in range(len(bands)) if not first.get(n) or _one_char(bands[n][1])]
    if empty:  # a line of one or two characters that line mode misses: read again as a raw line (psm 13)
        retry = _tesseract(exe, [Image.fromarray(bands[n][1]) for n in empty], psm=13)
        for m, n in enumerate(empty):
            first[n] = retry.get(m, [])
    readings = [correct(_join(first.get(n, []))) for n in range(len(bands))]
    # Percentages are read a second time with the English model, which reads digits and % reliably where the
    # Chinese one slips (``≥909%``, ``100%6``); its number replaces the Chinese reading's (the cell is flagged).
    percent = [n for n, (text, _) in enumerate(readings) if "%" in text]
    if percent:
        english = _tesseract(exe, [Image.fromarray(bands[n][1]) for n in percent], psm=7, lang="eng")
        for m, n in enumerate(percent):
            fixed = fix_percent(readings[n][0], _join(english.get(m, [])))
            if fixed != readings[n][0]:
                readings[n] = (fixed, True)
    texts: dict[int, list[str]] = {}
    for n, (cell, _) in enumerate(bands):
        text, corrected = readings[n]
        words = first.get(n, [])
        conf = min((w.conf for w in words), default=100.0)
        if corrected:
            conf = min(conf, LOW_CONFIDENCE - 1)  # a corrected or disputed reading is to be checked
        cell.conf = min(cell.conf, conf) if text else cell.conf
        texts.setdefault(id(cell), []).append(text)
    for table in tables:
        for cell in table:
            cell.text, corrected = correct("\n".join(t for t in texts.get(id(cell), []) if t))
            if corrected:
                cell.conf = min(cell.conf, LOW_CONFIDENCE - 1)
    if headings:
        builder.heading(f"【第 {number} 页】")
    blocks: list[tuple[int, str, object]] = []
    for line_words in _lines(outside):
        blocks.append((min(w.top for w in line_words), "text", correct(_join(line_words))[0]))
    for table in tables:
        blocks.append((min(c.box[1] for c in table), "table", table))
    blocks.sort(key=lambda b: b[0])
    ref = f"第{number}页"
    for _, kind, item in blocks:
        if kind == "text":
            builder.paragraph(item, ref=ref)
            continue
        table = item
        top = min(c.row for c in table)
        left = min(c.col for c in table)
        anchors = [(c.row - top, c.col - left, TCell(c.text, c.rowspan, c.colspan, ref)) for c in table]
        first = builder.table(place(anchors))
        for c in table:
            if c.text and c.conf < LOW_CONFIDENCE:
                line = first + c.row - top
                unsure.append(ParseWarning(
                    "ocr_unsure", f"第 {number} 页：OCR 对单元格「{c.text[:40]}」没有把握（置信度 {c.conf:.0f}%），"
                                  "请与原件核对。", line, line + c.rowspan - 1))


# Misreadings of Tesseract's Chinese model that are certain from their context, corrected (and the cell flagged):
# ≥ before a number is read as 之/艺/乏/全; a bracket opened as 〈 or { and closed as ) is a round bracket.
_CORRECTIONS = [
    (re.compile(r"^[之艺全芝](?=\s*\d)"), "≥"),
    (re.compile(r"^(?:[么厶]|和开?)(?=\s*\d)"), "≤"),
    (re.compile(r"[〈{<《(（]\s*必\s*填\s*[)）/|」]?"), "(必填)"),
    (re.compile(r"[〈{<《“「](?=[^()（）〈{<》>“」]{1,12}[)）])"), "("),
    (re.compile(r"(?<=[\u4e00-\u9fff])/$"), ")"),
]


def correct(text: str) -> tuple[str, bool]:
    """(corrected text, whether anything was corrected)."""
    out = text
    for pattern, replacement in _CORRECTIONS:
        out = pattern.sub(replacement, out)
    return out, out != text


def _pad(inner: np.ndarray, margin: int = 12) -> np.ndarray:
    return np.pad(inner, margin, constant_values=255)


_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*%\S*")
_ENGLISH_PERCENT = re.compile(r"^[2>]?(\d+(?:\.\d+)?)%$")


def _distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


def fix_percent(chinese: str, english: str) -> str:
    """The Chinese reading of a percentage with its number taken from the English reading (``≥909%`` and
    ``290%`` → ``≥90%``): the English model reads ``≥`` as a leading ``2`` or ``>``, which is dropped when that
    brings its number closer to the Chinese one."""
    found = _PERCENT.search(chinese)
    whole = english.replace(" ", "")
    if found is None or not re.fullmatch(r"[2>]?\d+(?:\.\d+)?%", whole):
        return chinese
    candidates = [whole[:-1]]
    if whole[0] in "2>" and len(whole) > 2:
        candidates.append(whole[1:-1])
    best = min(candidates, key=lambda c: (_distance(c, found.group(1)), len(c)))
    return chinese[:found.start()] + best + "%" + chinese[found.end():].lstrip("0123456789")


def _one_char(band: np.ndarray) -> bool:
    """A line holding one character (about as wide as it is tall)."""
    return band.shape[1] - 24 < band.shape[0] * 1.3


def _text_bands(crop: np.ndarray) -> list[np.ndarray]:
    """The lines of text in a cell: bands of rows with ink, split at blank gaps (gaps inside a character, far
    shorter than a line, are bridged)."""
    rows = (crop < DARK).any(axis=1)
    spans: list[list[int]] = []
    for y, has_ink in enumerate(rows):
        if has_ink:
            if spans and y - spans[-1][1] <= 1:
                spans[-1][1] = y
            else:
                spans.append([y, y])
    if not spans:
        return []
    height = max(b - a + 1 for a, b in spans)
    merged: list[list[int]] = []
    for a, b in spans:
        if merged and (a - merged[-1][1] < max(3, height * 0.3) or b - a + 1 < height * 0.25):
            merged[-1][1] = b
        else:
            merged.append([a, b])
    out = []
    for a, b in merged:
        band = crop[max(0, a - 4):b + 5]
        cols = np.where((band < DARK).any(axis=0))[0]  # trimmed to its ink: Tesseract loses short lines in wide
        out.append(band[:, max(0, cols[0] - 12):cols[-1] + 13] if cols.size else band)  # blank bands
    return out


def _tesseract(exe: str, images: list, psm: int = 6, lang: str = LANG) -> dict[int, list[Word]]:
    """Words per image (index in ``images``), from one Tesseract run over the list."""
    with tempfile.TemporaryDirectory(prefix="targetboard-ocr-") as tmp:
        names = []
        for i, image in enumerate(images):
            path = os.path.join(tmp, f"{i:05d}.png")
            image.save(path)
            names.append(path)
        listing = os.path.join(tmp, "images.txt")
        with open(listing, "w", encoding="utf-8") as f:
            f.write("\n".join(names) + "\n")
        env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
        try:
            result = subprocess.run([exe, listing, "stdout", "-l", lang, "--psm", str(psm), "--dpi", str(DPI),
                                     "-c", "preserve_interword_spaces=1", "tsv"],
                                    capture_output=True, timeout=TIMEOUT, env=env)
        except subprocess.TimeoutExpired as exc:
            raise IngestError("OCR", "文字识别超时：页面过多或图片过大。请分成几个文件再导入。") from exc
        if result.returncode != 0:
            raise IngestError("OCR", "文字识别（Tesseract）出错：" + result.stderr.decode("utf-8", "replace")[-200:])
    out: dict[int, list[Word]] = {}
    for line in result.stdout.decode("utf-8", "replace").splitlines()[1:]:
        parts = line.split("\t")
        if len(parts) < 12 or parts[0] != "5":
            continue
        text = parts[11].strip()
        if not text:
            continue
        page = int(parts[1]) - 1
        out.setdefault(page, []).append(Word(text, float(parts[10]), int(parts[6]), int(parts[7]), int(parts[8]),
                                             int(parts[9]), (int(parts[2]), int(parts[3]), int(parts[4]))))
    return out


def _lines(words: list[Word]) -> list[list[Word]]:
    lines: dict[tuple[int, int, int], list[Word]] = {}
    for w in words:
        lines.setdefault(w.line, []).append(w)
    return [sorted(ws, key=lambda w: w.left) for _, ws in sorted(lines.items(), key=lambda kv: min(
        w.top for w in kv[1]))]


_ASCII = re.compile(r"[A-Za-z0-9]$")


def _join(words: list[Word]) -> str:
    """Words of a cell: lines in order; inside a line no space except between two Latin/number words."""
    out_lines = []
    for line in _lines(words):
        text = ""
        for w in line:
            if text and _ASCII.search(text) and re.match(r"[A-Za-z0-9]", w.text):
                text += " "
            text += w.text
        out_lines.append(text)
    return "\n".join(out_lines)


__all__ = ["read_image", "read_scanned_pdf", "tesseract_path", "find_cells", "correct", "Optional"]
