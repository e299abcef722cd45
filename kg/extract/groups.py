"""Collectives as actors (kg:Group): "les syndicats", "des représentants des gilets jaunes", "les associations
d'élus", "plusieurs élus locaux", "les ONG environnementales".

A group is a noun phrase headed by a collective noun of ontology/gazetteer/groups.json, or naming one of its
named groups; "des porte-parole des gilets jaunes" and "six membres du mouvement des Gilets jaunes" stand for
the group they speak for. Its label is the phrase the text writes, without determiners and numbers, so that
the same collective gets the same node across articles ("élus locaux").

Some words are a group only where the text says whose or which: "les familles des victimes" (a head that needs
its complement), "les responsables du mouvement" once the article has named the gilets jaunes and no other group
that word could stand for, "une délégation" sent by the one collective the same or the previous sentence names."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from kg import knowledge
from kg.nlp import make_pattern_doc
from kg.text import fold, slug

# What a group's phrase may carry after its head: adjectives, "de"-complements, names.
PHRASE_DEPS = {"amod", "nmod", "flat", "flat:name", "compound", "fixed", "nummod"}
OF = {"de", "d'", "du", "des"}
LEADING = {
    "le",
    "la",
    "les",
    "l'",
    "des",
    "de",
    "du",
    "d'",
    "ces",
    "ce",
    "cet",
    "cette",
    "ses",
    "leurs",
    "leur",
    "son",
    "sa",
    "nos",
    "vos",
    "plusieurs",
    "quelques",
    "certains",
    "certaines",
    "tous",
    "toutes",
    "divers",
    "diverses",
    "nombreux",
    "nombreuses",
    "une",
    "un",
    "autres",
    "dizaine",
    "douzaine",
    "quinzaine",
    "vingtaine",
    "trentaine",
    "quarantaine",
    "cinquantaine",
    "soixantaine",
    "centaine",
    "dizaines",
    "centaines",
    "millier",
    "milliers",
}
QUOTES = {"«", "»", '"', "“", "”"}
MAX_PHRASE_TOKENS = 8
# "les groupes siégeant au Congrès", "les partis représentés au Parlement": where they sit says which they are
SEAT_PARTICIPLES = {"siegeant", "representes", "representees"}
OWN_DEPS = {"amod", "flat", "flat:name", "fixed", "compound"}
# what makes "le mouvement social", "une délégation chinoise", "la délégation de l'UE" some other one
OWN_COMPLEMENTS = OWN_DEPS | {"nmod", "appos", "acl", "acl:relcl", "nummod"}
DEFINITE = {"le", "la", "l'", "les", "ce", "cet", "cette", "ces", "du", "au", "des", "aux"}


@dataclass(frozen=True)
class GroupMention:
    start: int
    end: int
    key: str  # "group:<slug of the label>"
    label: str  # the group's phrase without determiners ("élus locaux")
    text: str  # what the text wrote, representatives included ("six membres du mouvement des Gilets jaunes")
    aliases: tuple[
        str, ...
    ] = ()  # shorter names of the same phrase ("chefs des partis" for "chefs des principaux partis")


class GroupFinder:
    def __init__(self, nlp: Language):
        data = knowledge.data("gazetteer/groups.json")
        self.named = PhraseMatcher(nlp.vocab, attr="NORM")
        self.named_labels: dict[str, str] = {}
        for group in data["named"]:
            self.named_labels[group["id"]] = group["label"]
            self.named.add(group["id"], [make_pattern_doc(nlp, n) for n in group["names"]])
        self.heads = PhraseMatcher(nlp.vocab, attr="NORM")
        self.heads.add("head", [make_pattern_doc(nlp, h) for h in data["heads"] + data["heads_singular"]])
        self.heads.add("of", [make_pattern_doc(nlp, h) for h in data["heads_of"]])
        self.representatives = {fold(w) for w in data["representatives"]}
        self.called: dict[str, set[str]] = {}  # "mouvement" -> the named groups it may stand for
        for group in data["named"]:
            for word in group.get("called", ()):
                self.called.setdefault(fold(word), set()).add(group["id"])
        self.delegations = {fold(w) for w in data["delegations"]}
        self.colours = {fold(w) for w in data["colours"]}

    def find(
        self, doc: Doc, taken: set[int], met: Collection[str] = (), others: Collection[str] = ()
    ) -> list[GroupMention]:
        """The groups of DOC outside the tokens TAKEN. MET are the named groups the article named before DOC,
        OTHERS the names of its other actors ("le Mouvement réformateur" is another "mouvement")."""
        found: list[GroupMention] = []
        used: set[int] = set(taken)
        for match_id, start, end in sorted(self.named(doc), key=lambda m: (m[1], -m[2])):
            if used & set(range(start, end)):
                continue
            key = doc.vocab.strings[match_id]
            first = self.representative_start(doc, doc[start], start)
            found.append(
                GroupMention(
                    first,
                    end,
                    f"group:{key}",
                    self.named_labels[key],
                    doc[first:end].text,
                    aliases(doc, first, start, end, end),
                )
            )
            used.update(range(first, end))
        for match_id, start, end in sorted(self.heads(doc), key=lambda m: (m[1], -m[2])):
            if used & set(range(start, end)) or not self.is_noun_phrase(doc[start:end]):
                continue
            head = doc[start:end].root
            if doc.vocab.strings[match_id] == "of" and not whose(head):
                continue  # "des familles": whose families?
            last = self.colours_end(head, self.phrase_end(head, end, used), used)
            if any(i in taken for t in head.children if t.dep_ in ("nmod", "appos") for i in (t.i, t.left_edge.i)):
                continue  # "des militants de son parti, La République en marche": the party's, read as the party
            label = doc[start:last].text.strip(" ,").replace("’", "'")  # one spelling across articles
            if not label:
                continue
            first = self.representative_start(doc, head, start)
            found.append(
                GroupMention(
                    first,
                    last,
                    f"group:{slug(label)}",
                    label,
                    doc[first:last].text,
                    aliases(doc, first, start, end, last),
                )
            )
            used.update(range(first, last))
        rivals = {w for name in others for w in fold(name).replace("'", " ").split() if w in self.called}
        found += self.anaphors(doc, used, set(met), rivals, sorted(found, key=lambda g: g.start))
        return sorted(found, key=lambda g: g.start)

    def anaphors(
        self, doc: Doc, used: set[int], met: set[str], rivals: set[str], found: list[GroupMention]
    ) -> list[GroupMention]:
        """ "ce mouvement", "les responsables du mouvement": the one named group the article named before that the
        word may stand for; "une délégation" alone: the one collective the same or the previous sentence names."""
        more: list[GroupMention] = []
        for token in doc:
            word = fold(token.text)
            if token.i in used or token.pos_ != "NOUN" or any(c.dep_ in OWN_COMPLEMENTS for c in token.children):
                continue
            if word in self.called and definite(token) and word not in rivals:
                meant = self.called[word] & (met | {g.key.removeprefix("group:") for g in found if g.end <= token.i})
                if len(meant) != 1:
                    continue
                key = meant.pop()
                label = self.named_labels[key]
            elif word in self.delegations and not definite(token):
                sent = token.sent
                since = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
                named = {g.key: g.label for g in found if since <= g.start < token.i}
                if len(named) != 1:
                    continue
                key, label = next(iter(named.items()))
                key = key.removeprefix("group:")
            else:
                continue
            first = self.representative_start(doc, token, token.i)
            words = [t.norm_ for t in doc[first : token.i]]
            pairs = {f"{a} {b}" for a, b in zip(words, words[1:])}
            if word in self.called and not self.representatives & (set(words) | pairs):
                continue  # "le mouvement ne s'essouffle pas": the protest, not people who speak for it
            more.append(GroupMention(first, token.i + 1, f"group:{key}", label, label))
            used.update(range(first, token.i + 1))
        return more

    @staticmethod
    def is_noun_phrase(span: Span) -> bool:
        """ "les élus", not "élus" as a participle ("ont été élus") nor a head of something else's name."""
        root = span.root
        return root.pos_ in ("NOUN", "PROPN", "ADJ", "X") and not (root.pos_ == "ADJ" and root.dep_ == "amod")

    @staticmethod
    def phrase_end(head: Token, end: int, used: set[int]) -> int:
        """Where the group's phrase ends: after the adjectives and "de"-complements of its head."""
        last = end
        for child in head.children:
            seat = child.dep_ == "acl" and fold(child.text) in SEAT_PARTICIPLES  # "les groupes siégeant au Congrès"
            if child.i < end or child.dep_ not in PHRASE_DEPS and not seat:
                continue
            if child.dep_ == "nmod" and not any(fold(c.text) in OF for c in child.children if c.dep_ == "case"):
                continue  # "les élus à Paris": where, not who
            right = max(t.i for t in child.subtree if t.dep_ not in ("acl", "acl:relcl", "punct") or t is child) + 1
            if right - head.i > MAX_PHRASE_TOKENS and child.dep_ == "nmod":
                # "les magistrats du parquet en charge des gardes-à-vue des personnes…": the complement's own words
                right = max(t.i for t in child.subtree if t is child or t.head is child and t.dep_ in OWN_DEPS) + 1
            free = seat or not used & set(range(last, right))  # "siégeant au Congrès de la Nouvelle-Calédonie"
            if right - head.i <= MAX_PHRASE_TOKENS and child.left_edge.i == last and free:  # keeps the body's name
                last = right
        return last

    def colours_end(self, head: Token, last: int, used: set[int]) -> int:
        """Where a list of political colours after the head's own one ends: "des élus communistes, Verts et
        socialistes" is one group (the model makes "Verts" and "socialistes" conjuncts of "élus")."""
        if not any(c.dep_ == "amod" and fold(c.text) in self.colours and c.i == last - 1 for c in head.children):
            return last
        for conj in (c for c in head.subtree if c.dep_ == "conj" and c.i >= last and c.head.i in (head.i, last - 1)):
            if fold(conj.text) not in self.colours or conj.i > last + 1 or conj.i in used:
                break
            last = conj.i + 1
        return last

    def representative_start(self, doc: Doc, head: Token, start: int) -> int:
        """Where "des représentants des", "six membres du mouvement des" begins before a group's phrase."""
        first = start
        i = start - 1
        while i >= 0 and i >= start - 7:
            word = doc[i].norm_
            if (
                word in OF
                or word in LEADING
                or word in QUOTES
                or doc[i].like_num
                or doc[i].pos_ == "ADJ"
                and i == start - 1
            ):
                i -= 1
                continue
            if word in self.representatives:
                first = i
                i -= 1
                continue
            if i > 0 and f"{doc[i - 1].norm_} {word}" in self.representatives:  # "quelques têtes pensantes de"
                first = i - 1
                i -= 2
                continue
            break
        while first > 0 and (doc[first - 1].norm_ in LEADING or doc[first - 1].like_num):
            first -= 1
        return first


def whose(head: Token) -> bool:
    """ "les familles des victimes", "les proches d'Arnaud Beltrame": a complement says whose."""
    return any(
        c.dep_ == "nmod"
        and c.pos_ in ("NOUN", "PROPN")
        and any(fold(k.text) in OF for k in c.children if k.dep_ == "case")
        for c in head.children
    )


def definite(token: Token) -> bool:
    """ "ce mouvement", "le mouvement", "du mouvement": one the reader knows already."""
    return any(c.dep_ == "det" and fold(c.text) in DEFINITE for c in token.children) or (
        token.i > 0 and fold(token.doc[token.i - 1].text) in ("du", "au", "des", "aux")
    )


def aliases(doc: Doc, first: int, start: int, end: int, last: int) -> tuple[str, ...]:
    """The phrase without determiners and numbers ("représentants des gilets jaunes"), and with only the head
    nouns ("chefs des partis" for "les chefs des principaux partis politiques français")."""
    words = [t for t in doc[first:last] if t.norm_ not in LEADING or t.norm_ in OF and t.i > first]
    while words and (words[0].norm_ in OF or words[0].like_num):
        words = words[1:]
    found = ["".join(t.text_with_ws for t in words).strip(" ,")]
    heads = [t for t in doc[first:end] if t.pos_ in ("NOUN", "PROPN") or t.norm_ in OF and t.i > first]
    heads = [t for t in heads if not t.like_num and t.norm_ not in LEADING - OF]
    if first < start and heads:
        found.append(" ".join(t.text for t in heads).replace("' ", "'"))
    return tuple(dict.fromkeys(a for a in found if a))
