"""Warming a worker: the rules' modules, compiled patterns and the zone registry, and what a task imports, once.

``warm_up`` runs on every worker at the start of a cluster run; the forkserver that a local cluster's workers are
forked from (``--workers``: ``cluster.dask_client``) runs it once by preloading ``extractor.run.warmed``, so every
worker, and every worker restarted after a crash, starts with all of it done instead of paying a second or two of
imports and compiling each (issue 22).
"""

from __future__ import annotations

from . import engines  # noqa: F401 -- what a task calls (extract_batch) and the writers it imports: 0.2 s a worker
from .pipeline import extract_text

WARM_UP_TEXT = "本报讯 南昌高新区生产总值739.4亿元，同比增长8.0%。"


def warm_up(backend: str = "rules") -> None:
    """One small page through the whole pipeline: what the first document of a run would otherwise pay for."""
    extract_text(WARM_UP_TEXT, "warm-up")
    if backend == "llm":
        import extractor.backends.llm.backend  # noqa: F401 -- openai and instructor take a second to import

