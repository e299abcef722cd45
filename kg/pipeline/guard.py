"""Analysing documents so that one bad document never stops the others: a time budget per document, and
every failure, whatever its kind, caught and charged to the document that caused it.

A batch of documents is analysed together (spaCy is fastest on batches) within the sum of their budgets.
If the batch fails or runs out of time, its documents are analysed again one at a time, each within its
own budget, so that the one at fault is found: it becomes a problem, the others are kept.

The budget is a timer (SIGALRM) of the process that analyses: it is kept where analysis runs in a
process's main thread (kg's worker processes), and not enforced where it runs in other threads (dask
workers); there, the caps on text length and on runs without spaces still bound the work.
"""

from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from typing import Callable, Iterator, Sequence, TypeVar

from kg.model import Document

# A document's budget: a base plus a time per character, about a dozen times what analysis takes on a
# loaded machine (a 500,000-character article, the longest analysed, gets over four minutes).
BUDGET_BASE_SECONDS = 10.0
BUDGET_SECONDS_PER_CHAR = 0.0005

Result = TypeVar("Result")


class OverBudget(Exception):
    """A document's analysis took longer than its budget."""


def budget_of(document: Document) -> float:
    return BUDGET_BASE_SECONDS + BUDGET_SECONDS_PER_CHAR * len(document.text)


def can_time() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise OverBudget in this thread once SECONDS have passed (where a timer can be set; else no limit)."""
    if not can_time():
        yield
        return

    def expired(signum, frame):
        raise OverBudget(f"{seconds:.0f} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def reason(exc: BaseException, document: Document) -> str:
    if isinstance(exc, OverBudget):
        return (
            f"its analysis took longer than its budget ({budget_of(document):.0f} s for "
            f"{len(document.text):,} characters); skipped"
        )
    message = " ".join(str(exc).split())[:200]
    return f"analysis failed ({type(exc).__name__}{': ' + message if message else ''}); skipped"


def each_within_budget(
    documents: Sequence[Document], analyse: Callable[[list[Document]], list[Result]]
) -> tuple[list[Result | None], list[tuple[int, str]]]:
    """ANALYSE(documents) gives one result per document; here the results, None for each document that
    failed or ran out of time, and (index, reason) for each of those."""
    try:
        with time_limit(sum(map(budget_of, documents))):
            return list(analyse(list(documents))), []
    except Exception as exc:  # noqa: BLE001 - which document? one at a time, to find out
        if len(documents) == 1:
            return [None], [(0, reason(exc, documents[0]))]
    results: list[Result | None] = []
    problems: list[tuple[int, str]] = []
    for index, document in enumerate(documents):
        try:
            with time_limit(budget_of(document)):
                [result] = analyse([document])
            results.append(result)
        except Exception as exc:  # noqa: BLE001 - any failure of one document is that document's problem
            results.append(None)
            problems.append((index, reason(exc, document)))
    return results, problems
