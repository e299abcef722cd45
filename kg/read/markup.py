"""The prose of marked-up articles: HTML pages (their article, one paragraph per block, and their <title>)
and Markdown (without its markup, and its first level-1 heading)."""

from __future__ import annotations

import html
import re
from typing import Any

# --- HTML ------------------------------------------------------------------------------------

_HTML_NOISE = (
    "script",
    "style",
    "noscript",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "template",
    "iframe",
    "svg",
    "button",
    "select",
)
_HTML_BLOCKS = frozenset(
    {
        "address",
        "article",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "li",
        "main",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "td",
        "th",
        "tr",
        "ul",
    }
)


def html_text(page: str) -> tuple[str, str | None]:
    """The article text of an HTML page, one paragraph per block, and its <title>."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(page, "html.parser")
    title = " ".join(soup.title.get_text(" ").split()) if soup.title else ""
    for tag in soup.find_all(_HTML_NOISE):
        tag.decompose()
    root = soup.find("article") or soup.find("main") or soup.body or soup
    return _html_paragraphs(root), title or None


def _html_paragraphs(root: Any) -> str:
    """Text of a tree with a paragraph break at each block element (iterative: pages nest deep)."""
    from bs4 import NavigableString
    from bs4.element import Comment, Declaration, Doctype, ProcessingInstruction

    markup_strings = (Comment, Declaration, Doctype, ProcessingInstruction)
    paragraphs: list[str] = []
    current: list[str] = []

    def end_paragraph() -> None:
        paragraph = " ".join("".join(current).split())
        if paragraph:
            paragraphs.append(paragraph)
        current.clear()

    pending: list[Any] = [root]
    while pending:
        node = pending.pop()
        if node is end_paragraph:
            end_paragraph()
        elif isinstance(node, NavigableString):
            if not isinstance(node, markup_strings):
                current.append(str(node))
        elif node is not None and node.name is not None:
            block = node.name in _HTML_BLOCKS
            if block:
                end_paragraph()
                pending.append(end_paragraph)
            pending.extend(reversed(list(node.children)))
    end_paragraph()
    return "\n\n".join(paragraphs)


# --- Markdown --------------------------------------------------------------------------------

_MD_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_MD_LINE_RULES = (
    (re.compile(r"^ {0,3}(?:[-*_] *){3,}$"), ""),  # horizontal rule, setext underline
    (re.compile(r"^ {0,3}=+ *$"), ""),  # setext underline
    (re.compile(r"^ {0,3}\[[^\]]+\]:\s*\S+.*$"), ""),  # link reference definition
    (re.compile(r"^ {0,3}\|?(?: *:?-+:? *\|)+ *:?-*:? *$"), ""),  # table separator row
    (re.compile(r"^ {0,3}#{1,6}(?:\s+|$)(.*?)(?:\s+#+)?\s*$"), r"\1"),  # ATX heading
    (re.compile(r"^(?: {0,3}>\s?)+"), ""),  # blockquote
    (re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+"), ""),  # list item
)
_MD_INLINE_RULES = (
    (re.compile(r"<!--.*?-->", re.S), ""),  # HTML comment
    # Brackets are not allowed inside brackets, which keeps these linear on hostile text.
    (re.compile(r"!\[[^\[\]]*\](?:\([^()\n]*\)|\[[^\[\]]*\])"), ""),  # image
    (re.compile(r"\[([^\[\]]*)\]\((?:[^()\n]|\([^()\n]*\))*\)"), r"\1"),  # inline link
    (re.compile(r"\[([^\[\]]*)\]\[[^\[\]]*\]"), r"\1"),  # reference link
    (re.compile(r"<(?:https?|mailto|ftp):[^>\s]*>"), ""),  # autolink
    (re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>"), ""),  # HTML tag
    (re.compile(r"(`+)(.+?)\1"), r"\2"),  # inline code
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # strong
    (re.compile(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])"), r"\1"),  # emphasis *
    (re.compile(r"(?<![\w_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w_])"), r"\1"),  # emphasis _
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),  # strikethrough
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])"), r"\1"),  # backslash escape
)
_MD_FIRST_HEADING = re.compile(r"^ {0,3}# +(.+?)(?:\s+#+)?\s*$", re.M)


def markdown_text(source: str) -> tuple[str, str | None]:
    """The prose of a Markdown article without its markup, and its first level-1 heading."""
    lines = _without_front_matter(source.replace("\r\n", "\n").split("\n"))
    kept: list[str] = []
    in_fence = False
    for line in lines:
        if _MD_FENCE.match(line):
            in_fence = not in_fence  # code is not prose: fenced blocks are dropped
            continue
        if in_fence:
            continue
        for pattern, replacement in _MD_LINE_RULES:
            line = pattern.sub(replacement, line)
        kept.append(line.replace("|", " ") if line.lstrip().startswith("|") else line)
    text = "\n".join(kept)
    for pattern, replacement in _MD_INLINE_RULES:
        text = pattern.sub(replacement, text)
    text = re.sub(r"\n{3,}", "\n\n", html.unescape(text))
    heading = _MD_FIRST_HEADING.search("\n".join(lines))
    title = markdown_text(heading.group(1))[0] if heading and heading.group(1).strip("# ") else None
    return text, title or None


def _without_front_matter(lines: list[str]) -> list[str]:
    if lines and lines[0].strip() == "---":
        for number, line in enumerate(lines[1:], start=1):
            if line.strip() in ("---", "..."):
                return lines[number + 1 :]
    return lines
