"""Reading the input: every kind of article, and one clear problem per bad document.

Each case is built in a temporary folder; the rest of the corpus is always read.
"""

from __future__ import annotations

import gzip
import json
import random
import subprocess
import sys
import unicodedata
from datetime import date
from pathlib import Path

import pytest

from kg.errors import UsageError
from kg.model import Document, Problem
from kg.read.document import MAX_ANALYSED_CHARS
from kg.read.inputs import MAX_ARTICLE_BYTES, read_documents

ROOT = Path(__file__).resolve().parent.parent

CALL = "Emmanuel Macron s'est entretenu avec Angela Merkel à Berlin."
ARTICLE = (
    "Emmanuel Macron s'est entretenu mardi par téléphone avec Vladimir Poutine pendant près de deux heures. "
    "Les deux présidents ont évoqué la situation en Ukraine et les garanties de sécurité réclamées par Moscou. "
    "Selon l'Élysée, le chef de l'État français a insisté sur la nécessité d'une désescalade rapide, "
    "tandis que le Kremlin a dénoncé l'élargissement de l'Otan vers l'est."
)
ENGLISH = (
    "The British prime minister spoke with the American president on Tuesday about the war in Ukraine. "
    "Both leaders agreed that sanctions should be tightened, and they discussed further military support "
    "for Kyiv as well as the energy crisis that is weighing on households across Europe this winter."
)


# --- helpers ---------------------------------------------------------------------------------


def read(*inputs) -> tuple[list[Document], list[Problem]]:
    records = list(read_documents(inputs))
    return ([r for r in records if isinstance(r, Document)], [r for r in records if isinstance(r, Problem)])


def folder_of(tmp_path: Path, files: dict[str, str | bytes], name: str = "articles") -> Path:
    folder = tmp_path / name
    folder.mkdir()
    for file_name, content in files.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        (folder / file_name).write_bytes(data)
    return folder


def jsonl_of(tmp_path: Path, lines: list[str | dict], name: str = "corpus.jsonl") -> Path:
    path = tmp_path / name
    text = "".join((line if isinstance(line, str) else json.dumps(line, ensure_ascii=False)) + "\n" for line in lines)
    if name.endswith(".gz"):
        path.write_bytes(gzip.compress(text.encode("utf-8")))
    else:
        path.write_text(text, encoding="utf-8")
    return path


def only_document(*inputs) -> Document:
    documents, problems = read(*inputs)
    assert problems == [] and len(documents) == 1, (documents, problems)
    return documents[0]


def ids(documents: list[Document]) -> list[str]:
    return [d.id for d in documents]


# --- folders and metadata ----------------------------------------------------------------------


def test_a_folder_gives_its_articles_in_file_name_order_with_their_metadata(tmp_path):
    folder = folder_of(
        tmp_path,
        {
            "b.txt": CALL,
            "a.txt": ARTICLE,
            "metadata.json": json.dumps(
                {
                    "a.txt": {
                        "published": "2022-02-03",
                        "url": "https://example.org/a",
                        "outlet": "Le Monde",
                        "title": "Nouvel entretien",
                    }
                }
            ),
        },
    )
    documents, problems = read(folder)
    assert problems == []
    assert ids(documents) == ["a", "b"]
    first = documents[0]
    assert (first.text, first.published, first.url, first.outlet, first.title) == (
        ARTICLE,
        date(2022, 2, 3),
        "https://example.org/a",
        "Le Monde",
        "Nouvel entretien",
    )
    assert documents[1].published is None and documents[1].title is None


def test_a_single_article_file_is_an_input(tmp_path):
    folder = folder_of(tmp_path, {"appel.txt": CALL, "metadata.json": '{"appel.txt": {"published": "2022-01-28"}}'})
    document = only_document(folder / "appel.txt")
    assert (document.id, document.text, document.published) == ("appel", CALL, date(2022, 1, 28))


def test_file_names_with_spaces_and_accents_keep_them_in_the_id(tmp_path):
    name = "Été à Moscou – entretien.txt"
    metadata = json.dumps({name: {"outlet": "Libération"}}, ensure_ascii=False)
    folder = folder_of(tmp_path, {name: CALL, "metadata.json": metadata})
    document = only_document(folder)
    assert (document.id, document.outlet) == ("Été à Moscou – entretien", "Libération")


def test_malformed_metadata_is_one_problem_and_the_articles_are_read_without_it(tmp_path):
    folder = folder_of(tmp_path, {"a.txt": ARTICLE, "b.txt": CALL, "metadata.json": '{"a.txt": {"published": '})
    documents, problems = read(folder)
    assert ids(documents) == ["a", "b"] and all(d.published is None for d in documents)
    assert len(problems) == 1 and problems[0].document.endswith("metadata.json")
    assert "malformed" in problems[0].reason


def test_an_impossible_date_is_reported_and_the_document_read_without_it(tmp_path):
    folder = folder_of(
        tmp_path,
        {"a.txt": ARTICLE, "metadata.json": json.dumps({"a.txt": {"published": "2022-02-31", "outlet": "AFP"}})},
    )
    documents, problems = read(folder)
    assert [(d.id, d.published, d.outlet) for d in documents] == [("a", None, "AFP")]
    assert len(problems) == 1 and problems[0].document.endswith("a.txt")
    assert "'2022-02-31' is not a valid date" in problems[0].reason


def test_files_that_are_not_articles_are_reported_and_hidden_files_ignored(tmp_path):
    folder = folder_of(tmp_path, {"a.txt": CALL, "photo.jpg": b"\xff\xd8\xff\xe0", ".DS_Store": b"\x00\x01"})
    documents, problems = read(folder)
    assert ids(documents) == ["a"]
    assert [p.document for p in problems] == [str(folder / "photo.jpg")]


def test_a_path_that_is_no_input_kind_is_a_problem(tmp_path):
    other = tmp_path / "notes.pdf"
    other.write_bytes(b"%PDF-1.4")
    documents, problems = read(other)
    assert documents == [] and [p.document for p in problems] == [str(other)]
    assert "not an input" in problems[0].reason


def test_a_missing_path_is_a_usage_error_before_anything_is_read(tmp_path):
    good = folder_of(tmp_path, {"a.txt": CALL})
    with pytest.raises(UsageError, match="nowhere"):
        read_documents([good, tmp_path / "nowhere"])


# --- bad files -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [b"", b"   \n\t\r\n  \n", "\u00a0\u202f\n".encode("utf-8")],
    ids=["empty", "whitespace", "non-breaking spaces"],
)
def test_an_empty_file_is_one_problem_and_the_rest_is_read(tmp_path, content):
    folder = folder_of(tmp_path, {"a.txt": ARTICLE, "vide.txt": content, "z.txt": CALL})
    documents, problems = read(folder)
    assert ids(documents) == ["a", "z"]
    assert [p.document for p in problems] == [str(folder / "vide.txt")]
    assert "empty" in problems[0].reason


@pytest.mark.parametrize(
    "content",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + random.Random(0).randbytes(2000),
        random.Random(1).randbytes(4000),
        bytes(range(1, 9)) * 200,
    ],
    ids=["image", "random bytes", "control bytes"],
)
def test_a_binary_file_is_one_problem(tmp_path, content):
    folder = folder_of(tmp_path, {"a.txt": ARTICLE, "image.txt": content})
    documents, problems = read(folder)
    assert ids(documents) == ["a"]
    assert [str(p) for p in problems] == [f"{folder / 'image.txt'}: binary file, not text"]


def test_a_20_mb_article_is_read_and_analysed_up_to_the_limit(tmp_path):
    paragraph = ARTICLE + "\n\n"
    big = paragraph * (20 * 1024 * 1024 // len(paragraph.encode("utf-8")))
    folder = folder_of(tmp_path, {"long.txt": big})
    documents, problems = read(folder)
    [document] = documents
    assert [str(p) for p in problems] == [
        f"{folder / 'long.txt'}: {len(big.strip()):,} characters long: only the first {MAX_ANALYSED_CHARS:,} are analysed"
    ]
    assert big.startswith(document.text) and MAX_ANALYSED_CHARS // 2 < len(document.text) <= MAX_ANALYSED_CHARS
    assert document.text.endswith(ARTICLE)  # cut at a paragraph boundary


def test_an_article_above_the_size_limit_is_refused(tmp_path):
    folder = folder_of(tmp_path, {"a.txt": CALL})
    with open(folder / "enorme.txt", "wb") as huge:
        huge.truncate(MAX_ARTICLE_BYTES + 1)  # sparse: the size is refused before anything is read
    documents, problems = read(folder)
    assert ids(documents) == ["a"]
    assert [p.document for p in problems] == [str(folder / "enorme.txt")]
    assert problems[0].reason.startswith("too large")


# --- encodings -------------------------------------------------------------------------------

FRENCH_ACCENTS = "Noël à l'Élysée : « Où est passée la tête de l'État ? » demande Françoise, œil aguerri."


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le-bom", "utf-16-be-bom", "utf-16-le", "cp1252", "latin-1"]
)
@pytest.mark.parametrize("text", [FRENCH_ACCENTS.replace("œ", "oe"), ARTICLE, "Été."], ids=["short", "article", "tiny"])
def test_french_text_is_decoded_right_in_every_encoding(tmp_path, encoding, text):
    boms = {"utf-16-le-bom": ("utf-16-le", b"\xff\xfe"), "utf-16-be-bom": ("utf-16-be", b"\xfe\xff")}
    codec, bom = boms.get(encoding, (encoding, b""))
    document = only_document(folder_of(tmp_path, {"texte.txt": bom + text.encode(codec)}))
    assert document.text == text


def test_cp1252_typography_is_decoded_right(tmp_path):
    text = "L’Élysée a confirmé l’entretien « franc et direct » — c’est le cinquième depuis janvier…"
    document = only_document(folder_of(tmp_path, {"texte.txt": text.encode("cp1252")}))
    assert document.text == text


# --- HTML and Markdown -----------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head><title>Entretien Macron–Poutine | Le Journal</title>
<style>p { color: red; }</style><script>var tracking = "Poutine";</script></head>
<body>
<header><nav><a href="/">Accueil</a> <a href="/monde">Monde</a></nav></header>
<div class="pub">Publicité : abonnez-vous</div>
<article>
  <h1>Nouvel entretien entre Macron et Poutine</h1>
  <p>Emmanuel Macron s'est entretenu avec
     Vladimir Poutine <em>mardi</em>.</p>
  <p>Les deux présidents ont évoqué l'Ukraine.<br>Ils se reparleront.</p>
  <script>console.log("caché");</script>
  <aside>À lire aussi : nos autres articles</aside>
  <form><input name="q"> Rechercher</form>
</article>
<footer>© Le Journal</footer>
</body></html>"""


def test_html_keeps_the_article_text_in_paragraphs_and_its_title(tmp_path):
    document = only_document(folder_of(tmp_path, {"page.html": PAGE}))
    assert document.id == "page"
    assert document.text == (
        "Nouvel entretien entre Macron et Poutine\n\n"
        "Emmanuel Macron s'est entretenu avec Vladimir Poutine mardi.\n\n"
        "Les deux présidents ont évoqué l'Ukraine.\n\nIls se reparleront."
    )
    assert document.title == "Entretien Macron–Poutine | Le Journal"


def test_html_without_article_keeps_the_body_without_scripts_styles_or_navigation(tmp_path):
    page = (
        "<html><head><title>T</title><style>body{}</style></head><body><nav>Menu</nav>"
        f"<p>{CALL}</p><noscript>Activez JavaScript</noscript><script>x=1</script></body></html>"
    )
    document = only_document(folder_of(tmp_path, {"page.htm": page}))
    assert document.text == CALL


def test_html_metadata_title_wins_over_the_page_title(tmp_path):
    folder = folder_of(tmp_path, {"page.html": PAGE, "metadata.json": '{"page.html": {"title": "Le titre"}}'})
    assert only_document(folder).title == "Le titre"


def test_html_entities_and_cp1252_pages_are_decoded(tmp_path):
    page = "<html><body><p>L&rsquo;Élysée &amp; le Kremlin&nbsp;: accord à Genève.</p></body></html>"
    document = only_document(folder_of(tmp_path, {"page.html": page.encode("cp1252")}))
    assert document.text == "L’Élysée & le Kremlin : accord à Genève."


def test_html_with_only_scripts_has_no_text(tmp_path):
    folder = folder_of(tmp_path, {"vide.html": "<html><script>var a = 1;</script></html>"})
    documents, problems = read(folder)
    assert documents == [] and [p.document for p in problems] == [str(folder / "vide.html")]


def test_html_the_parser_rejects_is_one_problem(tmp_path):
    folder = folder_of(tmp_path, {"a.txt": CALL, "cassé.html": f"<p>{CALL}</p><![_`)#-\n/#|!-_/"})
    documents, problems = read(folder)
    assert ids(documents) == ["a"]
    assert [p.document for p in problems] == [str(folder / "cassé.html")]
    assert problems[0].reason.startswith("unreadable HTML")


def test_deeply_nested_html_is_read(tmp_path):
    page = "<div>" * 20000 + CALL + "</div>" * 20000
    assert only_document(folder_of(tmp_path, {"page.html": page})).text == CALL


MARKDOWN = """---
auteur: AFP
---
# Entretien *Macron*–Poutine

Emmanuel Macron s'est **entretenu** avec [Vladimir Poutine](https://kremlin.ru/ "site") à _Moscou_.
![Photo des deux présidents](photo.jpg)

> Les deux présidents ont évoqué l'`Ukraine`.

- la sécurité en Europe ;
- les accords de Minsk.

```python
print("code")
```

<span class="note">Fin</span> de l'entretien\\*.
"""


def test_hostile_markdown_is_read_quickly(tmp_path):
    hostile = "[" * 50000 + "](" * 50000 + "*" * 50000 + CALL
    document = only_document(folder_of(tmp_path, {"a.md": hostile}))  # seconds, not minutes
    assert document.text.endswith(CALL)


def test_markdown_keeps_the_prose_without_its_markup(tmp_path):
    document = only_document(folder_of(tmp_path, {"article.md": MARKDOWN}))
    assert document.text == (
        "Entretien Macron–Poutine\n\n"
        "Emmanuel Macron s'est entretenu avec Vladimir Poutine à Moscou.\n\n"
        "Les deux présidents ont évoqué l'Ukraine.\n\n"
        "la sécurité en Europe ;\nles accords de Minsk.\n\n"
        "Fin de l'entretien*."
    )
    assert document.title == "Entretien Macron–Poutine"


# --- JSON Lines ------------------------------------------------------------------------------


def test_jsonl_gives_its_documents_in_line_order_with_their_meta(tmp_path):
    path = jsonl_of(
        tmp_path,
        [
            {"id": "b-1", "text": CALL, "meta": {"published": "2019-03-04T10:00:00Z", "outlet": "Le Figaro"}},
            {
                "id": "a-2",
                "text": ARTICLE,
                "meta": {"published": "2018-11-17", "url": "https://example.org/2", "title": "Appel"},
            },
        ],
        name="news.jsonl.gz",
    )
    documents, problems = read(path)
    assert problems == []
    assert [(d.id, d.published, d.outlet, d.url, d.title) for d in documents] == [
        ("b-1", date(2019, 3, 4), "Le Figaro", None, None),
        ("a-2", date(2018, 11, 17), None, "https://example.org/2", "Appel"),
    ]
    assert documents[0].origin == f"{path}:1"


def test_malformed_jsonl_lines_are_problems_naming_file_and_line(tmp_path):
    path = jsonl_of(
        tmp_path,
        [
            {"id": "a", "text": CALL},
            '{"id": "b", "text": "Emmanuel Macron',
            "",
            '["not", "an", "object"]',
            {"id": "c", "text": ARTICLE},
        ],
    )
    documents, problems = read(path)
    assert ids(documents) == ["a", "c"]
    assert [p.document for p in problems] == [f"{path}:2", f"{path}:4"]
    assert problems[0].reason.startswith("malformed JSON")


@pytest.mark.parametrize(
    "line, reason",
    [
        ({"id": "x"}, 'no "text"'),
        ({"id": "x", "text": None}, 'no "text"'),
        ({"id": "x", "text": 42}, '"text" is not a string but a number'),
        ({"id": "x", "text": ["Emmanuel Macron"]}, '"text" is not a string but a list'),
        ({"id": "x", "text": "  \n "}, "no text (empty or whitespace only)"),
        ({"text": 3}, '"text" is not a string but a number'),
    ],
)
def test_a_jsonl_line_without_usable_text_is_a_problem(tmp_path, line, reason):
    path = jsonl_of(tmp_path, [line, {"id": "ok", "text": CALL}])
    documents, problems = read(path)
    assert ids(documents) == ["ok"]
    assert [str(p) for p in problems] == [f"{path}:1: {reason}"]


def test_a_jsonl_line_without_id_is_named_after_the_file_and_line(tmp_path):
    path = jsonl_of(
        tmp_path, [{"id": "a", "text": CALL}, {"text": ARTICLE}, {"id": 7, "text": CALL}], name="dépêches.jsonl"
    )
    documents, problems = read(path)
    assert ids(documents) == ["a", "dépêches-2", "7"]
    assert [p.document for p in problems] == [f"{path}:2"] and "'dépêches-2'" in problems[0].reason


def test_duplicate_ids_keep_the_first_and_report_the_others(tmp_path):
    path = jsonl_of(tmp_path, [{"id": "a", "text": CALL}, {"id": "a", "text": ARTICLE}])
    folder = folder_of(tmp_path, {"a.txt": ARTICLE, "a.html": f"<p>{CALL}</p>"})
    documents, problems = read(path, folder)
    assert [(d.id, d.text) for d in documents] == [("a", CALL)]
    assert [str(p) for p in problems] == [
        f"{path}:2: duplicate id 'a', first seen in {path}:1",
        f"{folder / 'a.html'}: duplicate id 'a', first seen in {path}:1",
        f"{folder / 'a.txt'}: duplicate id 'a', first seen in {path}:1",
    ]


@pytest.mark.parametrize(
    "published, expected",
    [
        ("2022-02-03", date(2022, 2, 3)),
        ("2019-03-04T10:00:00Z", date(2019, 3, 4)),
        ("2019-03-04 23:15:00+01:00", date(2019, 3, 4)),
        ("2019-03-04T10:00:00.123456", date(2019, 3, 4)),
        (None, None),
    ],
)
def test_iso_dates_and_datetimes_give_the_publication_day(tmp_path, published, expected):
    path = jsonl_of(tmp_path, [{"id": "a", "text": CALL, "meta": {"published": published}}])
    assert only_document(path).published == expected


@pytest.mark.parametrize("published", ["2022-02-31", "03/04/2019", "4 mars 2019", "2019", 20190304, "2019-13-01T00:00"])
def test_other_dates_are_reported_and_the_document_kept(tmp_path, published):
    path = jsonl_of(tmp_path, [{"id": "a", "text": CALL, "meta": {"published": published, "outlet": "AFP"}}])
    documents, problems = read(path)
    assert [(d.id, d.published, d.outlet) for d in documents] == [("a", None, "AFP")]
    assert [p.document for p in problems] == [f"{path}:1"] and "not a valid date" in problems[0].reason


def test_a_truncated_gzip_corpus_keeps_what_came_before(tmp_path):
    path = jsonl_of(tmp_path, [{"id": f"n{i}", "text": f"{CALL} ({i})"} for i in range(2000)], name="news.jsonl.gz")
    whole = path.read_bytes()
    path.write_bytes(whole[: len(whole) // 2])
    documents, problems = read(path)
    assert 0 < len(documents) < 2000 and ids(documents)[:2] == ["n0", "n1"]
    assert [p.document for p in problems] == [str(path)] and "the rest is skipped" in problems[0].reason


def test_reading_streams(tmp_path):
    path = jsonl_of(tmp_path, [{"id": "a", "text": CALL}, "not json"])
    records = read_documents([path])
    assert isinstance(next(records), Document)  # the first document comes before the whole file is read
    assert isinstance(next(records), Problem)


# --- language --------------------------------------------------------------------------------


def test_non_french_text_is_skipped_with_its_language(tmp_path):
    folder = folder_of(tmp_path, {"a.txt": ARTICLE, "english.txt": ENGLISH})
    documents, problems = read(folder)
    assert ids(documents) == ["a"]
    assert [str(p) for p in problems] == [f"{folder / 'english.txt'}: language looks like 'en', not French"]


@pytest.mark.parametrize(
    "text",
    [
        CALL,
        "Joe Biden, Boris Johnson, Olaf Scholz.",
        "Vladimir Poutine, Joe Biden, Boris Johnson, Olaf Scholz, Recep Tayyip Erdogan, Volodymyr Zelensky, "
        "Xi Jinping, Narendra Modi, Jens Stoltenberg, Antony Blinken, Sergueï Lavrov, Ursula von der Leyen "
        "et Charles Michel se sont retrouvés à Bruxelles.",
        "Selon le New York Times, « the talks were productive », a déclaré le porte-parole du Pentagone, "
        "John Kirby, lors d'un point presse mardi. Le Washington Post affirme que Joe Biden et Vladimir Poutine "
        "se sont parlé pendant une heure au téléphone.",
    ],
    ids=["short", "names only", "many names", "quotes in English"],
)
def test_short_french_texts_and_texts_full_of_names_are_kept(tmp_path, text):
    assert only_document(folder_of(tmp_path, {"a.txt": text})).text == text


# --- normalising -----------------------------------------------------------------------------


def test_text_is_normalised_but_its_content_kept(tmp_path):
    decomposed = unicodedata.normalize("NFD", "Élysée")
    raw = f"{decomposed} :\u00a0le président\u202f!\r\nLe Kremlin\rconfirme.\r\n"
    document = only_document(folder_of(tmp_path, {"a.txt": raw}))
    assert document.text == "Élysée : le président !\nLe Kremlin\nconfirme."


def test_hostile_text_loses_its_control_characters(tmp_path):
    hostile = "Emmanuel\x07 Macron\x1b[31m s'est\x00 entretenu\u0085 avec\ud800 Angela\x7f Merkel\tà Berlin.\ufeff"
    line = {"id": "a\nb\x00", "text": hostile, "meta": {"title": "Titre\x00\n sur  deux lignes"}}
    path = jsonl_of(tmp_path, [json.dumps(line)])  # escaped: a lone surrogate cannot be written as UTF-8
    document = only_document(path)
    assert document.id == "a b"
    assert document.text == "Emmanuel Macron[31m s'est entretenu avec Angela Merkel\tà Berlin."
    assert document.title == "Titre sur deux lignes"


def test_hostile_text_in_a_file_is_cleaned_and_very_long_lines_are_fine(tmp_path):
    line = " ".join([CALL] * 20000)  # one line of 1.2 MB, cut at a word for analysis
    folder = folder_of(tmp_path, {"a.txt": f"\x01{line}\x08\x0b"})
    [document], problems = read(folder)
    assert [p.reason for p in problems] == [
        f"{len(line):,} characters long: only the first {MAX_ANALYSED_CHARS:,} are analysed"
    ]
    assert line.startswith(document.text) and document.text.endswith("Berlin.")
    assert not any(c in document.text for c in "\x01\x08\x0b")


# --- the whole build, through the command ------------------------------------------------------


def run_build(*inputs, out: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kg.cli", "build", *map(str, inputs), "-o", str(out)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
    )


@pytest.mark.slow
def test_the_build_reads_good_articles_and_names_each_bad_one(tmp_path):
    pytest.importorskip("kg.pipeline", reason="the build command is not there yet")
    folder = folder_of(
        tmp_path,
        {
            "appel.txt": ARTICLE,
            "Berlin à l'été.md": f"# Berlin\n\n{CALL}",
            "vide.txt": b"",
            "binaire.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200),
            "english.txt": ENGLISH,
            "metadata.json": '{"appel.txt": {"published": "2022-02-31"}}',
        },
    )
    corpus = jsonl_of(tmp_path, [{"id": "appel", "text": CALL}, "{oops", {"text": 3}])
    result = run_build(folder, corpus, out=tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    problem_lines = [line for line in result.stderr.splitlines() if line.startswith("kg: ")]
    for bad in (
        "appel.txt: published date",
        "vide.txt: ",
        "binaire.txt: ",
        "english.txt: ",
        "corpus.jsonl:1: duplicate id",
        "corpus.jsonl:2: malformed JSON",
        "corpus.jsonl:3: ",
    ):
        assert sum(bad in line for line in problem_lines) == 1, (bad, result.stderr)
    assert len(problem_lines) == 7, result.stderr
    turtle = (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")
    assert '"appel"' in turtle and "Berlin à l'été" in turtle


@pytest.mark.slow
@pytest.mark.slow
def test_the_build_of_a_20_mb_article_finishes_and_says_what_it_analysed(tmp_path):
    pytest.importorskip("kg.pipeline")
    paragraph = ARTICLE + "\n\n"
    folder = folder_of(
        tmp_path, {"long.txt": paragraph * (20 * 1024 * 1024 // len(paragraph.encode("utf-8"))), "court.txt": CALL}
    )
    result = subprocess.run(
        [sys.executable, "-m", "kg.cli", "build", str(folder), "-o", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith("kg: ")]
    assert len(lines) == 1 and "long.txt" in lines[0] and "analysed" in lines[0]
    assert "Traceback" not in result.stderr
    assert "Vladimir Poutine" in (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")


def test_the_build_of_only_bad_documents_fails(tmp_path):
    pytest.importorskip("kg.pipeline", reason="the build command is not there yet")
    folder = folder_of(tmp_path, {"vide.txt": b"", "english.txt": ENGLISH, "binaire.txt": bytes(300)})
    result = run_build(folder, out=tmp_path / "out")
    assert result.returncode not in (0, 2), result.stderr
    assert "Traceback" not in result.stderr
    assert len([line for line in result.stderr.splitlines() if line.startswith("kg: ")]) == 3, result.stderr
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_the_build_of_a_missing_path_is_a_usage_error(tmp_path):
    pytest.importorskip("kg.pipeline", reason="the build command is not there yet")
    result = run_build(folder_of(tmp_path, {"a.txt": CALL}), tmp_path / "nulle-part", out=tmp_path / "out")
    assert result.returncode == 2, result.stderr
    assert "nulle-part" in result.stderr and "Traceback" not in result.stderr
