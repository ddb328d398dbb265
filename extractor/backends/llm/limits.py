"""The run's bounds on model calls: how many are in flight at once, and the token budget.

The LLM backend asks a ``CallLimits`` for both. ``LocalLimits`` (the default)
keeps them in this process, on the backend's event loop. A cluster engine
passes its own implementation (``extractor.run.cluster.ClusterLimits``), so that the
bounds hold for the whole run across every worker, not per worker.

The budget is a reservation: a call sets its estimated tokens aside before it
is sent (``reserve``), its reservation is given back when it ends
(``release``), and the tokens it really used are added (``spend``). Calls in
flight therefore see each other's reservations and cannot overspend together.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from typing import Protocol


class CallLimits(Protocol):
    """What a backend needs to bound its calls; every method runs on the backend's event loop."""

    def slot(self) -> contextlib.AbstractAsyncContextManager[None]:
        """Held while one call is in flight."""
        ...

    async def reserve(self, tokens: int) -> bool:
        """Set ``tokens`` aside for a call about to be sent; False (nothing set aside) when they do not fit the budget."""
        ...

    async def release(self, tokens: int) -> None:
        """Give back a reservation: the call ended."""
        ...

    async def spend(self, tokens: int) -> None:
        """Count tokens a call used."""
        ...

    def close(self) -> None: ...


class LocalLimits:
    """Both bounds in this process: an asyncio semaphore and two counters (no await between check and reservation)."""

    def __init__(self, concurrency: int, max_tokens: int | None) -> None:
        self.concurrency = concurrency
        self.max_tokens = max_tokens
        self.spent = 0
        self.reserved = 0
        self._slots: asyncio.Semaphore | None = None  # made on first use, on the loop that uses it

    @contextlib.asynccontextmanager
    async def slot(self) -> AsyncIterator[None]:
        if self._slots is None:
            self._slots = asyncio.Semaphore(self.concurrency)
        async with self._slots:
            yield

    async def reserve(self, tokens: int) -> bool:
        if self.max_tokens is not None and self.spent + self.reserved + tokens > self.max_tokens:
            return False
        self.reserved += tokens
        return True

    async def release(self, tokens: int) -> None:
        self.reserved -= tokens

    async def spend(self, tokens: int) -> None:
        self.spent += tokens

    def close(self) -> None:
        return None
