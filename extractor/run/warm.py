"""Warms the process that imports it: the rules' modules, compiled patterns and the zone registry, once.

The forkserver that a local cluster's workers are forked from (``--workers``: ``cluster.dask_client``) preloads this
module, so every worker, and every worker restarted after a crash, starts with all of it done instead of paying a
second or two of imports and compiling each (issue 22). Nothing else imports it: importing it does the work.
"""

from __future__ import annotations

from .pipeline import extract_text

WARM_UP_TEXT = "本报讯 南昌高新区生产总值739.4亿元，同比增长8.0%。"


def warm_up(backend: str = "rules") -> None:
    """One small page through the whole pipeline: what the first document of a run would otherwise pay for."""
    extract_text(WARM_UP_TEXT, "warm-up")
    if backend == "llm":
        import extractor.backends.llm.backend  # noqa: F401 -- openai and instructor take a second to import


warm_up()
