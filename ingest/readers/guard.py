"""Checks made before a binary file is opened: size, what the bytes really are, archives that unpack too large.

Every refusal is an :class:`ingest.errors.IngestError` with a Chinese message that says what to do instead. The
checks look at the bytes, never trust the file name: an image renamed ``.pdf``, a ZIP archive renamed ``.xlsx``, a
workbook protected by a password (an OLE container holding an ``EncryptedPackage``) are each named as what they are;
an old binary Word file under another suffix is read as the ``.doc`` it is.
"""

from __future__ import annotations

import io
import os
import zipfile
from typing import Optional

from ingest.errors import IngestError

MB = 1024 * 1024
DEFAULT_MAX_MB = 20
# An Office file unpacks to far more than its size; beyond these it is refused as a "zip bomb".
MAX_UNPACKED_BYTES = 200 * MB
MAX_RATIO = 200  # uncompressed / compressed size of one member (a normal sheet XML is 5–20)
MAX_MEMBERS = 10_000

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAGIC = {
    b"%PDF-": "pdf",
    b"\x89PNG\r\n\x1a\n": "png",
    b"\xff\xd8\xff": "jpeg",
    b"GIF8": "gif",
    b"BM": "bmp",
    b"II*\x00": "tiff",
    b"MM\x00*": "tiff",
    b"PK\x03\x04": "zip",
    b"PK\x05\x06": "zip",
    OLE: "ole",
    b"Rar!": "rar",
    b"7z\xbc\xaf\x27\x1c": "7z",
}
KIND_ZH = {"pdf": "PDF 文件", "png": "PNG 图片", "jpeg": "JPEG 图片", "gif": "GIF 图片", "bmp": "BMP 图片",
           "tiff": "TIFF 图片", "zip": "ZIP 压缩包", "ole": "旧版 Office 文件", "rar": "RAR 压缩包", "7z": "7z 压缩包"}


def max_upload_mb() -> float:
    """The size limit per file in MB: ``TARGETBOARD_MAX_UPLOAD_MB`` (default 20)."""
    try:
        return float(os.environ.get("TARGETBOARD_MAX_UPLOAD_MB") or DEFAULT_MAX_MB)
    except ValueError:
        return float(DEFAULT_MAX_MB)


def check_size(source: str, size: int, limit_mb: Optional[float] = None) -> None:
    limit = max_upload_mb() if limit_mb is None else limit_mb
    if size > limit * MB:
        raise IngestError(source, f"文件过大（{size / MB:.1f} MB），超过每个文件 {limit:g} MB 的上限。"
                                  "请只保留绩效目标表所在的工作表或页面后再导入，或请管理员调高上限"
                                  "（环境变量 TARGETBOARD_MAX_UPLOAD_MB）。")


def sniff(data: bytes) -> Optional[str]:
    """What the bytes are by their signature: pdf, png, jpeg, zip, ole … or None (text or unknown)."""
    head = data[:1024]
    for magic, kind in MAGIC.items():
        if head.startswith(magic):
            return kind
    if b"%PDF-" in head:
        return "pdf"
    return None


def ole_streams(data: bytes) -> set[str]:
    """Names found in an OLE (compound file) container, read from its directory entries (UTF-16 names)."""
    names = set()
    for name in ("EncryptedPackage", "EncryptionInfo", "WordDocument", "Workbook", "Book", "PowerPoint Document"):
        if name.encode("utf-16-le") in data:
            names.add(name)
    return names


def old_word(data: bytes) -> bool:
    """An OLE container holding a Word 97–2003 document (read by ``ingest.readers.doc`` whatever its suffix)."""
    return "WordDocument" in ole_streams(data)


def check_ole(source: str, data: bytes, expected: str) -> None:
    """Refuse an OLE container that is not what ``expected`` ("xls") can read, with the right message."""
    streams = ole_streams(data)
    if "EncryptedPackage" in streams or "EncryptionInfo" in streams:
        raise IngestError(source, "文件设有打开密码（已加密），无法读取。请在 Excel/WPS 中打开后取消密码"
                                  "（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码），另存后再导入。")
    if expected == "xls" and not ({"Workbook", "Book"} & streams):
        raise IngestError(source, "这是旧版 Office 文件，但不是 Excel 工作簿。请另存为 .xlsx 后再导入。")
    if expected != "xls":
        raise IngestError(source, "这是旧版 Office 文件（.xls/.doc 等），与扩展名不符。"
                                  "请在 Office/WPS 中打开后另存为 .xlsx、.docx 或 PDF 再导入。")


def open_zip(source: str, data: bytes, what: str) -> zipfile.ZipFile:
    """The archive of an Office file, checked: not corrupt, and no member (nor the whole) unpacking too large."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, EOFError, ValueError, OSError) as exc:
        raise IngestError(source, f"{what}已损坏（压缩结构无法打开：{exc}）。请重新下载或从原系统重新导出后再导入；"
                                  "也可在 Excel/WPS 中打开后另存一份。") from exc
    total = sum(i.file_size for i in infos)
    worst = max((i.file_size / max(1, i.compress_size) for i in infos if i.file_size > MB), default=0)
    if len(infos) > MAX_MEMBERS or total > MAX_UNPACKED_BYTES or worst > MAX_RATIO:
        raise IngestError(source, f"{what}解压后异常巨大（约 {total / MB:,.0f} MB，压缩比 {worst:,.0f} 倍），"
                                  "疑似“压缩炸弹”，为保护系统已拒绝读取。请确认文件来源，"
                                  "或在 Excel/WPS 中打开后只复制绩效目标表另存为新文件再导入。")
    return archive


def office_kind(archive: zipfile.ZipFile) -> Optional[str]:
    """xlsx, docx or None: what an Office Open XML archive holds (by its parts, not its name)."""
    names = set(archive.namelist())
    if "xl/workbook.xml" in names or any(n.startswith("xl/") and n.endswith("workbook.xml") for n in names):
        return "xlsx"
    if "word/document.xml" in names:
        return "docx"
    return None


def wrong_kind(source: str, kind: Optional[str], expected_zh: str) -> IngestError:
    """The error for a file whose bytes are not what its suffix says."""
    if kind in ("png", "jpeg", "gif", "bmp", "tiff"):
        ext = {"jpeg": ".jpg"}.get(kind, "." + kind)
        return IngestError(source, f"这是一张{KIND_ZH[kind]}，不是{expected_zh}（扩展名被改过）。"
                                   f"请把扩展名改回 {ext} 后再导入（图片将用 OCR 识别文字），"
                                   "或使用原始的文件。")
    if kind in ("zip", "rar", "7z"):
        return IngestError(source, f"这是一个{KIND_ZH[kind]}，不是{expected_zh}（扩展名被改过）。"
                                   "请先解压，再导入其中的 .xlsx/.docx/PDF 等文件。")
    if kind == "pdf":
        return IngestError(source, f"这是 PDF 文件，不是{expected_zh}。请把扩展名改为 .pdf 后再导入。")
    return IngestError(source, f"文件内容不是{expected_zh}（可能已损坏或扩展名不符）。"
                               "请从原系统重新导出，或在 Office/WPS 中打开后另存再导入。")
