"""The extraction cache: what extraction read from each article, so that a rebuild only parses what changed.

An entry is keyed by the document (id, text and metadata) and stored under a fingerprint of everything
else that decides what extraction reads from it: the spaCy model and its version, spaCy's version,
the source of the extraction code (kg.extract.EXTRACTOR_VERSION with it) and exactly the knowledge files
extraction reads (kg.knowledge.FILES).
Change any of them and the old entries are simply never found again (and removed when the cache opens).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import pickle
import shutil
import tempfile
from datetime import date
from pathlib import Path

from kg import knowledge
from kg import model as records
from kg.model import Document, Extraction
from kg.paths import ROOT

CACHE_FOLDER = ".cache"
# The code whose behaviour decides an article's extraction, besides the knowledge files.
EXTRACTION_SOURCES = ("kg/extract", "kg/nlp.py", "kg/knowledge", "kg/model.py", "kg/text.py")
FINGERPRINT_CHARS = 16


def fingerprint(model: str) -> str:
    """A short hash of the model, the extractor and the data: entries from any other combination do not apply.
    (kg.extract.EXTRACTOR_VERSION is part of the extraction code hashed here.) Versions are read from the
    installed packages' metadata: the main process of a build never imports spaCy."""
    digest = hashlib.sha256()
    for part in (model, model_version(model), package_version("spacy") or "unknown"):
        digest.update(part.encode("utf-8") + b"\0")
    for name in knowledge.FILES:
        data = (knowledge.text(name) or "").encode("utf-8")
        digest.update(f"ontology/{name}".encode("utf-8") + b"\0" + data + b"\0")
    for path in [ROOT / source for source in EXTRACTION_SOURCES]:
        for file in files_under(path):
            digest.update(str(file.relative_to(ROOT)).encode("utf-8") + b"\0" + file.read_bytes() + b"\0")
    return digest.hexdigest()[:FINGERPRINT_CHARS]


def package_version(name: str) -> str | None:
    from importlib import metadata

    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def model_version(model: str) -> str:
    """The installed version of a model package (without loading it), or the meta.json version of a model folder."""
    version = package_version(model)
    meta = Path(model, "meta.json")
    if version is None and meta.is_file():
        try:
            version = json.loads(meta.read_text(encoding="utf-8")).get("version")
        except (OSError, ValueError):
            version = None
    return version or "unknown"


def files_under(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    return sorted(f for f in path.rglob("*") if f.is_file() and "__pycache__" not in f.parts)


def document_key(document: Document) -> str:
    """What extraction reads of a document, hashed: its id, text and metadata (not where it was read from)."""
    fields = (document.id, document.text, str(document.published), document.url, document.outlet, document.title)
    digest = hashlib.sha256()
    for value in fields:
        digest.update(b"\1" if value is None else b"\0" + value.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


class ExtractionCache:
    """Extractions stored one file per document under FOLDER/<fingerprint>/."""

    def __init__(self, folder: str | os.PathLike, fingerprint: str):
        self.root = Path(folder)
        self.folder = self.root / fingerprint
        self.hits = 0

    def open(self) -> "ExtractionCache":
        """Create the folder and remove the entries of other fingerprints, which can never be used again."""
        self.folder.mkdir(parents=True, exist_ok=True)
        for other in self.root.iterdir():
            if other.is_dir() and other != self.folder and len(other.name) == FINGERPRINT_CHARS:
                shutil.rmtree(other, ignore_errors=True)
        return self

    @property
    def checked_nodes(self) -> Path:
        """Where the build keeps the node digests of the last graph that passed the SHACL check."""
        return self.folder / "checked-nodes.txt"

    def path(self, document: Document) -> Path:
        key = document_key(document)
        return self.folder / key[:2] / f"{key}.pickle"

    def get(self, document: Document) -> Extraction | None:
        try:
            data = self.path(document).read_bytes()
            extraction = RecordUnpickler(io.BytesIO(data)).load()
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError, ValueError):
            extraction = None  # absent, or unreadable: extracted again and overwritten
        if isinstance(extraction, Extraction) and extraction.article.id == document.id:
            self.hits += 1
            return extraction
        return None

    def put(self, document: Document, extraction: Extraction) -> None:
        path = self.path(document)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as out:
                pickle.dump(extraction, out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


class RecordUnpickler(pickle.Unpickler):
    """Loads kg.model records and dates only: a cache file can never run code."""

    ALLOWED = {("datetime", "date"): date}

    def find_class(self, module: str, name: str):
        if module == records.__name__ and isinstance(getattr(records, name, None), type):
            return getattr(records, name)
        if (module, name) in self.ALLOWED:
            return self.ALLOWED[(module, name)]
        raise pickle.UnpicklingError(f"{module}.{name} is not a kg record")
