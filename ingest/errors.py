"""Errors raised while reading a document. Messages are Chinese and name the file and the line."""

from __future__ import annotations

import errno
from typing import Optional


class IngestError(Exception):
    """A file could not be read or interpreted. ``message_zh`` is shown to the user as is."""

    def __init__(self, source: str, message_zh: str, line: Optional[int] = None):
        self.source = source
        self.line = line
        self.message_zh = message_zh
        where = f"{source} 第 {line} 行" if line else source
        super().__init__(f"{where}：{message_zh}")

    def __str__(self) -> str:  # the Chinese message with file and line
        return self.args[0]


_ERRNO_ZH = {
    errno.ENOENT: "文件或文件夹不存在",
    errno.EACCES: "没有读写权限",
    errno.EPERM: "没有读写权限",
    errno.EROFS: "所在位置是只读的，不能写入",
    errno.EISDIR: "这是一个文件夹，不是文件",
    errno.ENOTDIR: "路径中有一段不是文件夹",
    errno.ENOSPC: "磁盘空间不足",
    errno.EMFILE: "同时打开的文件太多",
    errno.ENAMETOOLONG: "文件名太长",
    errno.EBUSY: "文件正被占用",
    errno.EEXIST: "路径中有一段是已有的文件，不能当作文件夹",
}


def os_error_zh(exc: BaseException) -> str:
    """An operating-system error in plain Chinese (never the English text of the system)."""
    number = getattr(exc, "errno", None)
    if number in _ERRNO_ZH:
        return _ERRNO_ZH[number]
    return f"系统错误（{type(exc).__name__}{'，错误码 ' + str(number) if number else ''}）"
