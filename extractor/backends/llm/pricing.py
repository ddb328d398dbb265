"""What a run's calls would cost (``--dry-run``): tokens counted on the very requests, priced from a data file.

The requests are the ones the run would send (``batch.RequestRecorder``:
system and user messages, the answer schema as tools or response format, and
max_tokens). Prompt tokens are counted with tiktoken when it is installed and
has its vocabulary (the model's encoding, else o200k_base), otherwise with the
project's own tokenizer-free estimate (``extractor/text/tokens.py``); the report says
which. Output tokens are the requests' ``max_tokens``: the answer budget each call
is given, sized from its candidates, so an upper bound of what it is charged.
Prices come from ``extractor/data/prices.toml`` (per model: input and output
price per million tokens, and the Batch API's discount, with the table's source and date).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ... import knowledge
from ...text.tokens import estimate_tokens

PRICES = Path(__file__).resolve().parents[2] / "data" / "prices.toml"
PER_MESSAGE = 4  # tokens of a message's frame in the chat format (role, separators), as OpenAI counts them
ESTIMATE = "estimate (extractor/text/tokens.py; tiktoken is not installed or has no vocabulary here)"


@dataclass(frozen=True)
class Price:
    model: str  # the table's entry
    input: float  # per million prompt tokens
    output: float  # per million completion tokens
    batch_discount: float  # share taken off by the Batch API (0.5: half price)

    def cost(self, prompt_tokens: int, output_tokens: int, batch: bool = False) -> float:
        live = (prompt_tokens * self.input + output_tokens * self.output) / 1_000_000
        return live * (1 - self.batch_discount) if batch else live


@dataclass(frozen=True)
class PriceTable:
    models: dict[str, Price]
    source: str
    as_of: str
    currency: str

    @classmethod
    def load(cls) -> PriceTable:
        """The shipped table, read through the one loader of extractor/data/."""
        return cls.parse(knowledge.data(PRICES.name))

    @classmethod
    def parse(cls, data: dict[str, Any]) -> PriceTable:
        """A table from a parsed prices file (a test's, or the shipped one)."""
        source = data.get("source", {})
        models = {
            name: Price(name, float(entry["input"]), float(entry["output"]), float(entry.get("batch_discount", 0.0)))
            for name, entry in data.get("models", {}).items()
        }
        where = " ".join(part for part in (source.get("name", ""), source.get("url", "")) if part)
        return cls(models, where or str(PRICES), str(source.get("as_of", "")), str(source.get("currency", "USD")))

    def price(self, model: str) -> Price | None:
        """The model's entry: its exact name, else the longest entry that starts it (a dated version of a model)."""
        if model in self.models:
            return self.models[model]
        starts = [name for name in self.models if model.startswith(name)]
        return self.models[max(starts, key=len)] if starts else None


def token_counter(model: str) -> tuple[Callable[[str], int], str]:
    """A token count for this model's text, and its name: tiktoken's where it works offline, else the estimate."""
    try:
        import tiktoken

        try:
            encoding = tiktoken.encoding_for_model(model)
        except KeyError:  # not an OpenAI model: the encoding of current ones
            encoding = tiktoken.get_encoding("o200k_base")
        encoding.encode("开发区")  # loads the vocabulary: fails here, not later, where it cannot be had
    except Exception:  # not installed, or no vocabulary file and no network
        return estimate_tokens, ESTIMATE
    return (lambda text: len(encoding.encode(text, disallowed_special=()))), f"tiktoken {encoding.name}"


def prompt_tokens(body: dict[str, Any], count: Callable[[str], int]) -> int:
    """A request's prompt tokens: its messages, and the answer schema it carries (tools or response format)."""
    tokens = 0
    for message in body.get("messages", []):
        content = message.get("content", "")
        tokens += PER_MESSAGE + count(content if isinstance(content, str) else json.dumps(content, ensure_ascii=False))
    schema = body.get("tools") or body.get("response_format")
    if schema:
        tokens += count(json.dumps(schema, ensure_ascii=False, separators=(",", ":")))
    return tokens


@dataclass(frozen=True)
class Estimate:
    model: str
    calls: int  # requests the run would send (re-asks not counted)
    cached: int  # calls the response cache answers: they cost nothing
    prompt_tokens: int
    output_tokens: int  # the requests' max_tokens: at most
    tokenizer: str
    price: Price | None
    table: PriceTable

    @property
    def live(self) -> float | None:
        return self.price.cost(self.prompt_tokens, self.output_tokens) if self.price else None

    @property
    def batch(self) -> float | None:
        return self.price.cost(self.prompt_tokens, self.output_tokens, batch=True) if self.price else None

    def as_dict(self) -> dict[str, Any]:
        return {
            "model": self.model,
            "calls": self.calls,
            "cached": self.cached,
            "prompt_tokens": self.prompt_tokens,
            "output_tokens": self.output_tokens,
            "tokenizer": self.tokenizer,
            "price_entry": self.price.model if self.price else None,
            "cost_live": self.live,
            "cost_batch": self.batch,
            "currency": self.table.currency,
            "prices": f"{self.table.source} ({self.table.as_of})",
        }

    def lines(self) -> list[str]:
        """The report, for the console."""
        out = [
            f"dry run: nothing was sent. model {self.model}",
            f"calls: {self.calls} to send ({self.cached} more answered by the response cache; re-asks not counted)",
            f"prompt tokens: {self.prompt_tokens:,}  (counted with {self.tokenizer})",
            f"output tokens: at most {self.output_tokens:,}  (the calls' max_tokens)",
        ]
        if self.price is None:
            out.append(f"cost: no price for {self.model!r} in extractor/data/prices.toml")
            return out
        currency = self.table.currency
        discount = f"{self.price.batch_discount:.0%} off" if self.price.batch_discount else "no Batch API discount"
        out.append(f"cost, live: at most {self.live:.4f} {currency}")
        out.append(f"cost, --batch: at most {self.batch:.4f} {currency} ({discount})")
        out.append(
            f"prices of {self.price.model}: {self.price.input:g} in / {self.price.output:g} out per million tokens, "
            f"from {self.table.source}, as of {self.table.as_of}"
        )
        return out


def estimate(model: str, requests: Iterable[dict[str, Any]], cached: int, table: PriceTable | None = None) -> Estimate:
    """What sending these requests would cost on this model."""
    table = table or PriceTable.load()
    count, tokenizer = token_counter(model)
    bodies = list(requests)
    prompt = sum(prompt_tokens(body, count) for body in bodies)
    output = sum(int(body.get("max_tokens") or body.get("max_completion_tokens") or 0) for body in bodies)
    return Estimate(model, len(bodies), cached, prompt, output, tokenizer, table.price(model), table)
