"""Reading input files safely: regular files only, sizes checked while reading, file names that are not UTF-8.

kg.read.inputs turns what these functions read into Documents; nothing here knows about articles. Whatever a
file is (a FIFO, a device, a file that grows while it is read, a gzip bomb, a name in Latin-1), reading it
either gives bounded bytes or raises Refused with the reason, in one line.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from typing import BinaryIO

# Pieces in which an over-long line is read and dropped.
SKIP_PIECE = 1024 * 1024
# A few NUL bytes in a text file are dropped (with a note); more make it binary.
NUL_BYTES_PER_KILOBYTE = 1
# Partly invalid UTF-8: read as UTF-8, invalid bytes replaced, when its valid multi-byte sequences are at least
# this many times as many as its invalid bytes (French text in cp1252 has almost none of the former).
UTF8_VALID_PER_INVALID = 2


class Refused(Exception):
    """A file that is not read: the reason, in one line."""


def file_kind(mode: int) -> str:
    for test, name in (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a named pipe"),
        (stat.S_ISCHR, "a device"),
        (stat.S_ISBLK, "a device"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return name
    return "not a regular file"


def open_regular(path: str | os.PathLike) -> BinaryIO:
    """PATH opened for reading if it is a regular file (symbolic links followed); else Refused. Opening never
    blocks: a named pipe is opened without waiting for a writer, then refused."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise Refused(f"{file_kind(mode)}, not a file: skipped")
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB"


def too_large(size: int | str, limit: int) -> Refused:
    shown = size if isinstance(size, str) else megabytes(size)
    return Refused(f"too large: {shown} (the limit is {megabytes(limit)})")


def read_regular(path: str | os.PathLike, limit: int) -> bytes:
    """The bytes of the regular file PATH, at most LIMIT of them (checked before and while reading); else Refused."""
    with open_regular(path) as stream:
        size = os.fstat(stream.fileno()).st_size
        if size > limit:
            raise too_large(size, limit)
        data = stream.read(limit + 1)  # the file may have grown since: never more than the limit is held
    if len(data) > limit:
        raise too_large(f"more than {megabytes(limit)}", limit)
    return data


class LongLine(int):
    """The length of a line longer than the limit, which was read in pieces and dropped."""


def bounded_lines(stream: BinaryIO, limit: int) -> Iterator[bytes | LongLine]:
    """The lines of STREAM (compressed or not: the limit is on the bytes read out of it); a line longer than
    LIMIT bytes is never held whole but read in pieces and given as its LongLine length."""
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) <= limit or line.endswith(b"\n") and len(line) == limit + 1:
            yield line
            continue
        length = len(line)
        while not line.endswith(b"\n"):
            line = stream.readline(SKIP_PIECE)
            if not line:
                break
            length += len(line)
        yield LongLine(length)


def count_lines(stream: BinaryIO) -> int:
    """About how many lines STREAM holds, counted in pieces (a line of gigabytes is never held)."""
    count, last = 0, b"\n"
    while piece := stream.read(SKIP_PIECE):
        count, last = count + piece.count(b"\n"), piece[-1:]
    return count + (last != b"\n")


def file_name(name: str) -> tuple[str, str | None]:
    """The text of a file name as the folder listing gave it, and a note when its bytes were not UTF-8.

    Python lists such names with stand-ins for the bytes it could not decode; French archives often name
    files in Latin-1 or cp1252, so those bytes are read as cp1252 (or Latin-1 where cp1252 has no character)."""
    raw = os.fsencode(name)
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    return text, f"the file name is not UTF-8; read as cp1252: {text!r}"


def shown_path(path: str | os.PathLike) -> str:
    """A path for messages: bytes that are not UTF-8 shown as \\xNN escapes."""
    return os.fsencode(os.fspath(path)).decode("utf-8", "backslashreplace")


def without_nuls(data: bytes) -> tuple[bytes, int]:
    """DATA without its NUL bytes, and how many there were, when they are few enough for a text file
    (else DATA unchanged and -1: binary)."""
    count = data.count(0)
    if count == 0:
        return data, 0
    if count > max(1, len(data) // 1024 * NUL_BYTES_PER_KILOBYTE):
        return data, -1
    return data.replace(b"\x00", b""), count


def partly_utf8(data: bytes) -> tuple[str, int] | None:
    """(text, count of invalid sequences) for UTF-8 with a few invalid bytes, decoded with U+FFFD for them; None when
    the bytes do not look like UTF-8 (valid multi-byte sequences are what tells UTF-8 from cp1252)."""
    text = data.decode("utf-8", "replace")
    invalid = text.count("\ufffd") - data.count("\ufffd".encode("utf-8"))
    valid_multibyte = sum(1 for char in text if ord(char) > 0x7F and char != "\ufffd")
    if invalid > 0 and valid_multibyte >= UTF8_VALID_PER_INVALID * invalid:
        return text, invalid
    return None
