"""A party's members in a parliament: "le groupe LREM et MoDem", "les députés LREM", "les députés de La République en marche" are
a collective (kg:Group, labelled by the phrase), not the party; the heads that make one are the data's
'caucus_heads' (ontology/gazetteer/groups.json)."""

from __future__ import annotations

from spacy.tokens import Doc

from kg import knowledge
from kg.extract.mentions import Mention
from kg.knowledge.gazetteer import Gazetteer
from kg.text import fold, slug

JOINS = {"et", ","}
OF = {"de", "d'", "du"}
ARTICLES = {"la", "le", "l'"}


class Caucuses:
    def __init__(self, gaz: Gazetteer):
        self.gaz = gaz
        self.heads = {fold(w) for w in knowledge.data("gazetteer/groups.json")["caucus_heads"]}

    def party(self, mention: Mention | None) -> bool:
        entry = self.gaz.entries.get(mention.keys[0]) if mention is not None and len(mention.keys) == 1 else None
        return entry is not None and entry.sort == "party"

    def find(self, doc: Doc, names: list[Mention]) -> tuple[list[Mention], list[Mention]]:
        """(NAMES without the parties that name a parliamentary group, the groups they name)."""
        by_start = {m.start: m for m in names}
        groups: list[Mention] = []
        inside: set[int] = set()
        for m in sorted(names, key=lambda m: m.start):
            at = m.start - 1
            if at > 0 and fold(doc[at].text) in ARTICLES:  # "les députés de La République en marche"
                at -= 1
            if at > 0 and fold(doc[at].text) in OF:
                at -= 1
            head = doc[at] if at >= 0 else None
            if head is None or m.start in inside or fold(head.text) not in self.heads or not self.party(m):
                continue
            parties, end = [m], m.end
            while end + 1 < len(doc) and fold(doc[end].text) in JOINS and self.party(by_start.get(end + 1)):
                parties.append(by_start[end + 1])  # "le groupe LREM et MoDem"
                end = by_start[end + 1].end
            label = doc[head.i : end].text
            groups.append(Mention(head.i, end, (f"group:{slug(label)}",), "group", label, label=label))
            inside |= {p.start for p in parties}
        return [m for m in names if m.start not in inside], groups
