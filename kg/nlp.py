"""The spaCy pipeline: a French model plus four small components that fit it to news text.

- kg_compounds (first): "Poutine-Macron", "russo-américains", "Maison-Blanche" stay one token; the French
  tokenizer splits them, and the parser then cuts sentences at the hyphen.
- kg_block_bounds (before the parser): a blank line (a block end in the cleaned text) starts a sentence,
  so headlines and captions without a full stop stand alone.
- kg_participles (after the lemmatizer): "a téléphoné" tagged as a noun is a verb.
- kg_norms (last): token.norm_ becomes the lowercase, accent-free form, the attribute the data-built
  matchers compare on ("Elysée" = "Élysée").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable, Iterator

from kg.text import fold

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from kg.model import Document

# spaCy is imported where it is used, and the components registered on loading: commands that never
# parse (query, export, eval) start without spaCy's second and a half of imports.

DEFAULT_MODEL = "fr_core_news_md"
# Texts longer than this are analysed in pieces cut at block boundaries (spaCy's own limit is 1,000,000).
CHUNK_CHARS = 100_000
# Pieces of text spaCy analyses together.
BATCH_SIZE = 32


def merge_hyphen_compounds(doc: Doc) -> Doc:
    spans = []
    i = 0
    while i < len(doc) - 2:
        j = i
        # word-word(-word…) written without spaces
        while (
            j + 2 < len(doc)
            and doc[j + 1].text == "-"
            and not doc[j].whitespace_
            and not doc[j + 1].whitespace_
            and doc[j].is_alpha
            and doc[j + 2].is_alpha
        ):
            j += 2
        if j > i:
            spans.append(doc[i : j + 1])
            i = j + 1
        else:
            i += 1
    with doc.retokenize() as retokenizer:
        for span in spans:
            retokenizer.merge(span)
    return doc


# A sentence starts only after one of these (or a line break): the parser otherwise cuts "Donald | Trump".
CLOSERS = {"»", '"', "”", ")"}
SENTENCE_ENDS = {".", "!", "?", "…", ":", ";", "»", '"', "”", ")", "...", "?!", "!?"}


# What a token says of whether the next one starts a sentence, by its text.
BLOCK_END, NO_END, CLOSER, OTHER_END = range(4)


@lru_cache(maxsize=65_536)
def boundary_kind(text: str) -> int:
    if "\n" in text:
        return BLOCK_END
    if text not in SENTENCE_ENDS and not text.endswith("."):
        return NO_END
    return CLOSER if text in CLOSERS else OTHER_END


def block_bounds(doc: Doc) -> Doc:
    from spacy.attrs import SENT_START

    # Set as one array: token by token, the is_sent_start setter cost more than the parser's own work on it.
    if len(doc) < 2:
        return doc
    texts = [token.text for token in doc]
    starts = doc.to_array(SENT_START).astype("int64")
    for i in range(1, len(doc)):
        kind = boundary_kind(texts[i - 1])
        opening = i == 1 or boundary_kind(texts[i - 2]) == BLOCK_END  # '"On doit…", a déclaré X' opens a block
        if kind == BLOCK_END:
            starts[i] = 1
        elif kind == NO_END or kind == CLOSER and (opening or not texts[i][:1].isupper()):
            starts[i] = -1  # a closer without a capital after it: "« constructif et utile », le Premier ministre…"
    return doc.from_array([SENT_START], starts.astype("uint64"))


PARTICIPLE = re.compile(r"^(?P<stem>\w+?)(?:é|ée|és|ées)$")


def participles_as_verbs(doc: Doc) -> Doc:
    """ "a téléphoné" tagged as a noun: a word with a tense auxiliary and a past-participle ending is a verb."""
    for token in doc:
        if token.pos_ in ("NOUN", "ADJ", "PROPN") and any(c.dep_ in ("aux:tense", "aux:pass") for c in token.children):
            m = PARTICIPLE.match(token.text.lower())
            if m:
                token.pos_ = "VERB"
                token.lemma_ = m["stem"] + "er"
    return doc


def folded_norms(doc: Doc) -> Doc:
    import numpy
    from spacy.attrs import NORM, ORTH

    if not len(doc):
        return doc
    strings = doc.vocab.strings
    orths = doc.to_array(ORTH)
    norm_of = {orth: strings.add(fold(strings[orth])) for orth in numpy.unique(orths).tolist()}
    return doc.from_array([NORM], numpy.array([norm_of[orth] for orth in orths.tolist()], dtype="uint64"))


COMPONENTS = {
    "kg_compounds": merge_hyphen_compounds,
    "kg_block_bounds": block_bounds,
    "kg_participles": participles_as_verbs,
    "kg_norms": folded_norms,
}


def register_components() -> None:
    from spacy.language import Language

    for name, function in COMPONENTS.items():
        if not Language.has_factory(name):
            Language.component(name, func=function)


@lru_cache(maxsize=2)
def load(model: str = DEFAULT_MODEL) -> Language:
    import spacy
    from thinc.api import NumpyOps, set_current_ops

    register_components()
    try:
        # numpy's BLAS for matrix products: the kernels blis bundles are chosen by CPU model, and on models
        # it does not know (AMD family 19h: Zen 3 and 4) it falls back to a generic one, 3-6 times slower
        set_current_ops(NumpyOps(use_blis=False))
        nlp = spacy.load(model, exclude=["senter"])
    except OSError as exc:
        raise RuntimeError(
            f"the spaCy model '{model}' is not installed (pip install {model.replace('_', '-')})"
        ) from exc
    index_lemma_tables(nlp)
    nlp.add_pipe("kg_compounds", first=True)
    nlp.add_pipe("kg_block_bounds", before="parser")
    nlp.add_pipe("kg_participles", after="lemmatizer")
    nlp.add_pipe("kg_norms", last=True)
    return nlp


def index_lemma_tables(nlp: Language) -> None:
    """spaCy's rule lemmatizer asks whether a word is a known lemma of its part of speech in a list, a scan
    of thousands of words per token (a fifth of the analysis); sets give the same answers at once."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    lookups = nlp.get_pipe("lemmatizer").lookups
    if "lemma_index" in lookups:
        table = lookups.get_table("lemma_index")
        for key in list(table.keys()):
            table[key] = frozenset(table[key])


def make_pattern_doc(nlp: Language, text: str) -> Doc:
    """A phrase as the pipeline would tokenise and normalise it, for building matchers from data."""
    return folded_norms(merge_hyphen_compounds(nlp.make_doc(text)))


# spaCy's tokenizer takes time quadratic in the length of a run of characters without spaces (25,000
# punctuation marks: about a minute). No word or web address of a news article is this long.
MAX_RUN_CHARS = 100
LONG_RUN = re.compile(r"\S{%d,}" % (MAX_RUN_CHARS + 1))


def capped_runs(text: str) -> str:
    """TEXT with each run of characters without spaces cut to its first MAX_RUN_CHARS characters."""
    return LONG_RUN.sub(lambda run: run.group()[:MAX_RUN_CHARS], text)


def chunks(text: str, limit: int = CHUNK_CHARS) -> list[str]:
    """TEXT cut at block boundaries into pieces of at most LIMIT characters (a block longer than that is cut hard)."""
    pieces: list[str] = []
    current = ""
    for block in text.split("\n\n"):
        while len(block) > limit:
            cut = block.rfind(" ", 0, limit)
            cut = cut if cut > 0 else limit
            pieces.append(block[:cut])
            block = block[cut:].lstrip()
        if current and len(current) + len(block) + 2 > limit:
            pieces.append(current)
            current = ""
        current = f"{current}\n\n{block}" if current else block
    if current:
        pieces.append(current)
    return pieces


def analysed(documents: Iterable[Document], nlp: Language) -> Iterator[tuple[Document, list[Doc]]]:
    """Each document with the spaCy docs of its cleaned text (long texts in several pieces), in input order:
    the pieces of consecutive documents go through nlp.pipe together, BATCH_SIZE at a time."""
    from kg.extract.clean import clean_text

    pending: dict[int, tuple[Document, int]] = {}

    def pieces() -> Iterator[tuple[str, int]]:
        for index, document in enumerate(documents):
            texts = chunks(capped_runs(clean_text(document.text))) or [""]
            pending[index] = (document, len(texts))
            for text in texts:
                yield text, index

    current: int | None = None
    docs: list = []
    for doc, index in nlp.pipe(pieces(), as_tuples=True, batch_size=BATCH_SIZE):
        if current is not None and index != current:
            yield pending.pop(current)[0], docs
            docs = []
        current = index
        docs.append(doc)
    if current is not None:
        yield pending.pop(current)[0], docs
