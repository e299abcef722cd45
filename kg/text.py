"""Small text helpers shared by every stage (no spaCy here, so that light commands start fast)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache


@lru_cache(maxsize=262_144)  # called on every token's text and lemma; words repeat
def fold(text: str) -> str:
    """Lowercase, accent-free, typographic apostrophes and hyphens made plain."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'").replace("‑", "-"))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def fold_in_place(text: str) -> str:
    """fold(), one character for one: "…" folds to "...", which would move every offset after it."""
    return "".join((fold(c) or " ")[0] for c in text)


def slug(text: str) -> str:
    """A readable identifier: "Vladimir Poutine" -> "vladimir-poutine"."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")
