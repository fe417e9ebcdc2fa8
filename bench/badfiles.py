"""Bad files made on the spot, shared by ``tests/test_bad_files.py`` and ``python -m bench.reliability`` (synthetic:
nothing here is a real document; the damaged workbooks and PDFs start from the committed fixtures)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the signature of an OLE compound file (.doc, .xls, encrypted .xlsx)


def zip_bytes(members: dict[str, bytes]) -> bytes:
    """A ZIP archive holding ``members``."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def zip_bomb(megabytes: int = 300) -> bytes:
    """An .xlsx-shaped archive of a few hundred KB whose sheet unpacks to ``megabytes`` MB of XML."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            chunk = b"<row>" + b"0" * (1024 * 1024) + b"</row>"
            for _ in range(megabytes):
                member.write(chunk)
    return buffer.getvalue()


def locked_xlsx(workbook: Path, password: str = "Mima2024") -> bytes:
    """``workbook`` encrypted with an opening password, as Excel writes it."""
    from msoffcrypto.format.ooxml import OOXMLFile

    out = io.BytesIO()
    OOXMLFile(io.BytesIO(workbook.read_bytes())).encrypt(password, out)
    return out.getvalue()


def locked_pdf(pdf: Path, password: str = "Mima2024") -> bytes:
    """``pdf`` encrypted with a user password."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(pdf))
    writer.encrypt(user_password=password, owner_password="Owner2024")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def png_bytes() -> bytes:
    """A small blank PNG image."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("L", (200, 100), 255).save(buffer, "PNG")
    return buffer.getvalue()


def old_doc_bytes() -> bytes:
    """An OLE signature and a WordDocument stream name, nothing else: a Word 97–2003 file broken beyond reading."""
    return OLE + b"\x00" * 504 + "WordDocument".encode("utf-16-le") + b"\x00" * 1024


def no_table_workbook() -> bytes:
    """A workbook with a phone list and no target table."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["姓名", "科室", "电话"])
    ws.append(["张三", "办公室", "0311-1234567"])
    ws.append(["李四", "财务科", "0311-7654321"])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
