"""`warta` with one more stage, `hang`, for the tests of the hard time limit (tests/test_hard_limit.py).

`hang` stops on an article whose text holds HANG as a long call into C would: the timer signal
of warta.limits blocked, then a sleep far past any test's time limit. Only a worker ended from
outside gets past it. Run as a script (`python tests/hanging_warta.py extract …`): the stage is
registered when this file is imported, so in forked workers and in those a forkserver starts
(which imports the main script first) alike.
"""
from __future__ import annotations

import signal
import time

from warta.model import Article
from warta.pipeline import register

STUCK_SECONDS = 300.0


class Hang:
    """Passes every article on, except one whose text holds HANG."""

    name = "hang"
    requires = frozenset({"text"})
    produces: frozenset[str] = frozenset()

    def __call__(self, article: Article) -> Article:
        if "HANG" in article.text:
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})  # the timer cannot stop it
            time.sleep(STUCK_SECONDS)
        return article


register("hang")(lambda settings: Hang())

if __name__ == "__main__":
    from warta.cli import main

    main()
