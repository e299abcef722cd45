"""Reading: the articles of the inputs (folders, JSON Lines files, single articles) as Documents, and a Problem
for each one that cannot be (fully) used.

- inputs.py: folders, metadata.json, JSON Lines, single articles; document ids; read_documents.
- intake.py: reading files safely (regular files only, bounded reads, file names that are not UTF-8).
- decoding.py: bytes to text (encodings told or guessed), normalised text, the language check.
- markup.py: the prose of HTML and Markdown articles.
- metadata.py: an article's metadata fields, and its publication day from its URL or a dateline.
"""
