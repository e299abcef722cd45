"""Bytes to text: the encoding of a file told or guessed, text normalised, and its language checked.

kg.read.inputs reads files and JSON Lines; what it reads becomes text here."""

from __future__ import annotations

import codecs
import re
import unicodedata

from kg.read.intake import partly_utf8, without_nuls

# Language check: only a confident verdict on enough text rejects a document, so that short
# French texts and texts full of foreign names are kept.
LANGUAGE = "fr"
LANGUAGE_SAMPLE_CHARS = 3000
LANGUAGE_MIN_CHARS = 200
LANGUAGE_MIN_PROBABILITY = 0.9


# --- bytes to text ---------------------------------------------------------------------------

# Longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_FRENCH_LETTERS = frozenset("éèêëàâäîïôöùûüçœæÉÈÊËÀÂÎÏÔÙÛÜÇŒÆ")


def decode(data: bytes, notes: list[str] | None = None) -> str | None:
    """The text of some bytes, or None when they are not text; NOTES gets a line for what was repaired.

    A byte-order mark says the encoding; else valid UTF-8 is UTF-8 (a few NUL bytes dropped); else UTF-8
    with a few invalid bytes is read as UTF-8 with them replaced; else cp1252 (a superset of latin-1 for
    French) when it decodes and reads as French; else charset-normalizer's best guess, which alone can
    mistake short French cp1252 texts for other code pages.
    """
    notes = [] if notes is None else notes
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    unmarked_utf16 = _unmarked_utf16(data)
    if unmarked_utf16:
        try:
            return data.decode(unmarked_utf16)
        except UnicodeDecodeError:
            return None
    data, nuls = without_nuls(data)
    if nuls < 0:
        return None
    if nuls:
        notes.append(f"{nuls} NUL byte{'s' if nuls > 1 else ''} dropped")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    repaired = partly_utf8(data)
    if repaired is not None:
        text, invalid = repaired
        notes.append(f"not valid UTF-8: {invalid} invalid byte sequence{'s' if invalid > 1 else ''} replaced with �")
        return text
    try:
        text = data.decode("cp1252")
        if _reads_as_french(text):
            return text
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return str(best) if best is not None else None


def _unmarked_utf16(data: bytes) -> str | None:
    """utf-16-le/-be for UTF-16 without a byte-order mark (mostly ASCII, so every other byte is NUL)."""
    sample = data[:4096]
    if len(sample) < 8:
        return None
    if sample[1::2].count(0) > 0.9 * len(sample[1::2]) and sample[0::2].count(0) == 0:
        return "utf-16-le"
    if sample[0::2].count(0) > 0.9 * len(sample[0::2]) and sample[1::2].count(0) == 0:
        return "utf-16-be"
    return None


def _reads_as_french(text: str) -> bool:
    """Has French accented letters, and hardly any others: not another code page misread as cp1252."""
    letters = [char for char in text if char.isalpha()]
    accented = [char for char in letters if not char.isascii()]
    french = sum(1 for char in accented if char in _FRENCH_LETTERS)
    foreign = len(accented) - french
    few_enough = len(letters) < 20 or len(accented) <= 0.3 * len(letters)
    return french > 0 and foreign <= 0.05 * french and few_enough


def looks_binary(text: str) -> bool:
    sample = text[:65536]
    junk = sum(
        1
        for char in sample
        if (unicodedata.category(char) in ("Cc", "Co", "Cn") and char not in "\n\r\t\f") or char == "\ufffd"
    )
    return junk > 0.1 * len(sample)


# --- normalising text ------------------------------------------------------------------------

# Control characters but \t and \n, lone surrogates (unwritable), stray byte-order marks.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufeff]")
# Replaced one by one (str.replace): str.translate with a table goes character by character in Python's slow path.
SPACE_RUNS = re.compile(r" {2,}")
_SPACES = (
    *((chr(c), " ") for c in (0x00A0, 0x202F, 0x2007, 0x2009, 0x200A, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2008)),
    ("\u2028", "\n"),
    ("\u2029", "\n\n"),
)  # no-break, thin and other typographic spaces ("«\u00a0\u2009Après"); line and paragraph separators


def normalise(text: str) -> str:
    """NFC, \\n line ends, plain single spaces for non-breaking ones and runs of them, no control characters;
    content kept."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for space, plain in _SPACES:
        if space in text:
            text = text.replace(space, plain)
    text = CONTROL.sub("", text)
    # One space where there were several: "«\u00a0 Après discussion" would leave a space token inside the sentence,
    # and the parser hangs the clause on it.
    text = SPACE_RUNS.sub(" ", text)
    return unicodedata.normalize("NFC", text).strip()


def foreign_language(text: str) -> str | None:
    """The language code of a text confidently not French, else None (unsure, short, or French)."""
    from langdetect import DetectorFactory, detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    sample = text[:LANGUAGE_SAMPLE_CHARS]
    if len("".join(sample.split())) < LANGUAGE_MIN_CHARS or plainly_french(sample):
        return None
    DetectorFactory.seed = 0  # langdetect is random without a seed
    try:
        best = detect_langs(sample)[0]
    except LangDetectException:
        return None
    if best.lang != LANGUAGE and best.prob > LANGUAGE_MIN_PROBABILITY:
        return best.lang
    return None


def plainly_french(text: str) -> bool:
    """Whether French words that other languages lack ("les", "des", "et", "dans"…) make up a good share of
    TEXT: language detection would take longer than parsing the text's first sentences."""
    words = _WORDS.findall(text.lower())
    return len(words) > 0 and sum(map(_FRENCH_WORDS.__contains__, words)) >= FRENCH_WORDS_MIN_SHARE * len(words)


_WORDS = re.compile(r"[^\W\d_]+")
# Frequent in French, rare or absent in its neighbours (English, Spanish, Italian, Portuguese, Catalan, German).
_FRENCH_WORDS = frozenset(
    "les des du et est une dans pour qui pas sur au aux avec elle ils ont été cette ses leur plus par".split()
)
# Their share of the words of French news is above 0.10 in 99.4 % of articles; it is near 0 in other languages.
FRENCH_WORDS_MIN_SHARE = 0.10
