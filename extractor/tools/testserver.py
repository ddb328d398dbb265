"""An OpenAI-compatible chat server that plays the model, for tests and for trying the LLM path with no key.

It answers ``POST /v1/chat/completions`` in the shape the ``openai`` client
expects (tool calls or content, usage fields) and reports its counts at
``GET /stats``. Answers are scripted: fixed answers, or an *oracle* built from
gold files for the chunk it is sent (every figure with the gold's reading and
labels: metric_key, measure, target, period, subject), with numbers perturbed
on purpose at a given rate; faults can be injected in order (``faults``) or at random
(``fault_rate``). Only loopback addresses are served.

    python -m extractor.tools.testserver --oracle seeds/gold --perturb 0.1 --delay 0.5 --port 8765
    extractor extract seeds --backend llm --base-url http://127.0.0.1:8765/v1 --model oracle
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import math
import random
import re
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from ..backends.llm.prompting import ANY_MARK, FIGURE_MARK, PAGE_LINE, QUOTE_MARK, text_markers
from ..text.tokens import estimate_tokens
from .testbatch import BatchService

FAULTS = (
    *("429", "500", "timeout", "malformed", "truncated", "close", "html", "wrong_shape", "hang"),
    *("401", "403", "404", "drip", "nan", "huge"),  # refused key, forbidden, wrong model or URL; slow body; bad numbers; junk
)
_REFUSALS = {"401": "Incorrect API key provided", "403": "Permission denied", "404": "The model does not exist"}
TEXT_OPEN, TEXT_CLOSE = text_markers()  # the prompt's own markers, so that the server reads what the backend writes
_CANDIDATE = FIGURE_MARK
_QUOTE_CANDIDATE = QUOTE_MARK
_ANY_CANDIDATE = ANY_MARK  # figure and quote marks: out of the text before it is compared with the gold


@dataclass
class Script:
    """What the server does; tests change it between runs."""

    gold_dir: Path | None = None
    answers: list[dict] = field(default_factory=list)  # fixed answers, used in turn
    faults: list[str] = field(default_factory=list)  # consumed one per request, in order
    fault_rate: float = 0.0
    fault_kinds: tuple[str, ...] = ("429", "500", "malformed", "truncated")
    perturb_rate: float = 0.0
    delay: float = 0.0  # seconds before every answer
    timeout_delay: float = 5.0  # the 'timeout' fault: longer than the client's timeout
    retry_after: str = "1"
    seed: int = 7
    obey_injection: bool = False  # multiply every number by ten when the text asks for it
    drip_interval: float = 0.2  # the 'drip' fault: seconds between the bytes of an answer
    drip_bytes: int = 0  # how many bytes drip (then the rest at once); 0: all of them
    huge_items: int = 20_000  # the 'huge' fault: this many junk figures in one answer
    echo_key: bool = False  # error bodies repeat the Authorization header, as some proxies do
    context_tokens: int | None = None  # like a local server's --n_ctx: a prompt plus max_tokens over it gets HTTP 400
    honour_max_tokens: bool = True  # an answer longer than the request's max_tokens is cut there (finish_reason length)
    noise: tuple[str, ...] = ()  # NOISE profiles applied to every oracle answer: what real small models were seen to write
    batch_hold: bool = False  # a created batch stays in_progress (a batch that takes hours) until this is False again


@dataclass
class Stats:
    calls: int = 0
    answered: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    faults: Counter = field(default_factory=Counter)
    perturbed: list[dict] = field(default_factory=list)
    last_prompt: str = ""  # the user message of the latest request, to check what the client sends
    last_system: str = ""  # and its system message
    in_flight: int = 0  # chat requests being answered now
    max_in_flight: int = 0  # the most at once: what a client's bound on concurrent calls let through
    cut_at_max_tokens: int = 0  # answers cut at the request's max_tokens (finish_reason length)
    requests: list[dict] = field(default_factory=list)  # per chat request: max_tokens, temperature, prompt_tokens, user message
    hits: int = 0  # HTTP requests of any kind but /stats: a dry run makes none
    files_uploaded: int = 0  # Batch API
    batches_created: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "calls": self.calls,
            "answered": self.answered,
            "prompt_tokens": self.prompt_tokens,
            "completion_tokens": self.completion_tokens,
            "faults": dict(self.faults),
            "perturbed": self.perturbed,
            "max_in_flight": self.max_in_flight,
            "hits": self.hits,
            "batches_created": self.batches_created,
        }


class FakeModelServer:
    """The server, runnable in a thread (tests) or in the foreground (command line)."""

    def __init__(self, script: Script | None = None, host: str = "127.0.0.1", port: int = 0) -> None:
        if host not in ("127.0.0.1", "localhost", "::1"):
            raise ValueError("the test server only listens on loopback")
        self.script = script or Script()
        self.stats = Stats()
        self._lock = threading.Lock()
        self._random = random.Random(self.script.seed)
        self._gold_cache: tuple[Path | None, list[dict]] = (None, [])
        handler = type("Handler", (_Handler,), {"server_state": self})
        self.httpd = _QuietServer((host, port), handler)
        self.httpd.daemon_threads = True
        self._thread: threading.Thread | None = None
        self.batch = BatchService(self)

    @property
    def base_url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}/v1"

    def start(self) -> FakeModelServer:
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def reset(self, script: Script | None = None) -> None:
        with self._lock:
            if script is not None:
                self.script = script
                self._random = random.Random(script.seed)
            self.stats = Stats()

    def __enter__(self) -> FakeModelServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- deciding an answer -------------------------------------------------

    def next_fault(self) -> str | None:
        with self._lock:
            self.stats.calls += 1
            if self.script.faults:
                fault = self.script.faults.pop(0)
                return None if fault == "ok" else fault
            if self.script.fault_rate and self._random.random() < self.script.fault_rate:
                return self._random.choice(self.script.fault_kinds)
            return None

    def answer(self, request: dict) -> dict:
        with self._lock:
            if self.script.answers:
                return self.script.answers.pop(0)
        return self._oracle_answer(request)

    def answer_request(self, request: dict) -> tuple[int, dict]:
        """A batch line's answer, as the request would be answered live (without transport faults: a fault fails the line)."""
        with self._lock:
            self.stats.requests.append({"max_tokens": request.get("max_tokens"), "temperature": request.get("temperature")})
        prompt_tokens = _prompt_tokens(request)
        wanted = request.get("max_tokens") or 0
        if self.script.context_tokens and prompt_tokens + wanted > self.script.context_tokens:
            return 400, {"error": {"message": f"This model's maximum context length is {self.script.context_tokens} tokens."}}
        fault = self.next_fault()
        if fault:
            with self._lock:
                self.stats.faults[fault] += 1
            return 500, {"error": {"message": f"the request failed ({fault})"}}
        content, finish = json.dumps(self.answer(request), ensure_ascii=False), "stop"
        limit = request.get("max_tokens") if self.script.honour_max_tokens else None
        if isinstance(limit, int) and estimate_tokens(content) > limit:
            content, finish = _cut_to_tokens(content, limit), "length"
        completion_tokens = estimate_tokens(content)
        with self._lock:
            self.stats.answered += 1
            self.stats.prompt_tokens += prompt_tokens
            self.stats.completion_tokens += completion_tokens
        return 200, _completion(request, content, finish, prompt_tokens, completion_tokens)

    def _gold(self) -> list[dict]:
        gold_dir = self.script.gold_dir
        if gold_dir is None:
            return []
        if self._gold_cache[0] != gold_dir:
            self._gold_cache = (gold_dir, [json.loads(p.read_text(encoding="utf-8")) for p in sorted(gold_dir.glob("*.json"))])
        return self._gold_cache[1]

    def _oracle_answer(self, request: dict) -> dict:
        """The gold's answer for each page of the call (a call may carry several: each page its own gold file)."""
        prompt = "\n".join(str(m.get("content", "")) for m in request.get("messages", []) if m.get("role") == "user")
        answer: dict[str, list] = {"labels": [], "quote_labels": [], "figures": [], "quotes": [], "parks": [], "initiatives": []}
        for number, page in _pages(prompt):
            for name, items in self._page_answer(page).items():
                on_page = name in ("figures", "quotes", "parks", "initiatives")  # labels name their candidate by its id
                answer[name] += [{**item, "page": number} if on_page else item for item in items]
        flat = _ANY_CANDIDATE.sub("", "\n".join(_blocks(prompt, TEXT_OPEN, TEXT_CLOSE))).replace("\n", "")
        for profile in self.script.noise:
            answer = NOISE[profile](answer, flat)
        if self.script.obey_injection and re.search(r"乘以十|multiply", flat, re.IGNORECASE):
            answer["figures"] = [_times_ten(f) for f in answer["figures"]]
            answer["labels"] = [dict(label, value_text=_times_ten_text(label.get("value_text", ""))) for label in answer["labels"]]
        return answer

    def _page_answer(self, prompt: str) -> dict[str, list]:
        marked = "\n".join(_blocks(prompt, TEXT_OPEN, TEXT_CLOSE))
        text = _ANY_CANDIDATE.sub("", marked)
        flat = text.replace("\n", "")
        anchored = bool(_CANDIDATE.search(marked))
        answer: dict[str, list] = {"labels": [], "quote_labels": [], "figures": [], "quotes": [], "parks": [], "initiatives": []}
        gold = self._best_gold(flat)
        if gold is None:  # nothing of the gold here: every candidate is no figure of the gold's
            answer["labels"] = [{"id": mark, "is_figure": False} for mark in _CANDIDATE.findall(marked)]
            return answer
        figures = [f for f in gold.get("figures", []) if f["context"].replace("\n", "") in flat]
        if anchored:
            answer["labels"], figures = _label_candidates(marked, figures)
        answer["labels"] = [self._maybe_perturbed_label(label, flat[:40]) for label in answer["labels"]]
        answer["figures"] = [self._maybe_perturbed(_figure_item(f), f["context"]) for f in figures]
        quotes = [q for q in gold.get("quotes", []) if q["text_start"] in flat]
        if anchored:
            answer["quote_labels"], quotes = _label_quotes(prompt, quotes)
        answer["quotes"] = [_quote_item(q, flat) for q in quotes]
        answer["parks"] = [{"name": p["name"], "aliases": p.get("aliases", [])} for p in gold.get("parks", []) if p["name"] in flat]
        answer["initiatives"] = [
            {"name": i["name"], "kind": i.get("kind", "other"), "park": i.get("park", "")}
            for i in gold.get("initiatives", [])
            if i["name"] in flat
        ]
        return answer

    def _best_gold(self, flat: str) -> dict | None:
        """The gold file this chunk comes from: the one with most of its contexts in it."""
        best, best_score = None, 0
        for gold in self._gold():
            score = sum(f["context"].replace("\n", "") in flat for f in gold.get("figures", []))
            score += sum(q["text_start"] in flat for q in gold.get("quotes", []))
            score += sum(p["name"] in flat for p in gold.get("parks", [])) * 0.1
            if score > best_score:
                best, best_score = gold, score
        return best

    def _chosen(self, *key: str) -> bool:
        """Whether to perturb this number: decided by its own content, not by the order requests arrive in."""
        if not self.script.perturb_rate:
            return False
        digest = hashlib.sha256("|".join((str(self.script.seed), *key)).encode()).digest()
        return int.from_bytes(digest[:4], "big") / 2**32 < self.script.perturb_rate

    def _maybe_perturbed(self, item: dict, context: str) -> dict:
        if not self._chosen(item["value_text"], context):
            return item
        changed = perturb_number(item["value_text"])
        if changed == item["value_text"]:
            return item
        ratio = _ratio(item["value_text"], changed)
        perturbed = dict(item, value_text=changed, value=item["value"] * ratio)
        if item.get("amount") is not None:
            perturbed["amount"] = item["amount"] * ratio
        with self._lock:
            self.stats.perturbed.append({"value_text": item["value_text"], "perturbed": changed, "context": context})
        return perturbed

    def _maybe_perturbed_label(self, label: dict, context: str) -> dict:
        if not label.get("is_figure") or not self._chosen(label["value_text"], context):
            return label
        changed = perturb_number(label["value_text"])
        if changed == label["value_text"]:
            return label
        with self._lock:
            self.stats.perturbed.append({"value_text": label["value_text"], "perturbed": changed, "context": label["id"]})
        ratio = _ratio(label["value_text"], changed)
        scaled = {"amount": label["amount"] * ratio} if label.get("amount") is not None else {}
        return dict(label, value_text=changed, **scaled)


def _ids_as_small_models_write_them(answer: dict, flat: str) -> dict:
    """Label ids as 1, 001, <N1>, n1 in turn; one label in five with its id left out, one in seven with a quote's id."""
    forms = (lambda n: n, lambda n: f"00{n}", lambda n: f"<N{n}>", lambda n: f"n{n}")
    labels = []
    for index, label in enumerate(answer.get("labels", [])):
        number = label["id"][1:]
        if index % 5 == 4:
            labels.append({k: v for k, v in label.items() if k != "id"})
        elif index % 7 == 6:
            labels.append(dict(label, id=f"Q{number}"))
        else:
            labels.append(dict(label, id=forms[index % 4](number)))
    return dict(answer, labels=labels)


def _labels_keyed(answer: dict, flat: str) -> dict:
    """The labels as an object keyed by their candidates' marks, written N1, 1, <N1>, n1 in turn."""
    forms = (lambda n: f"N{n}", lambda n: n, lambda n: f"<N{n}>", lambda n: f"n{n}")
    labels = enumerate(answer.get("labels", []))
    return dict(answer, labels={forms[i % 4](label["id"][1:]): {k: v for k, v in label.items() if k != "id"} for i, label in labels})


def _labels_unnumbered(answer: dict, flat: str) -> dict:
    """Every label without its id, one per candidate in the order the prompt marks them: what a 1.5B model wrote when
    the schema showed the id after the labels."""
    return dict(answer, labels=[{k: v for k, v in label.items() if k != "id"} for label in answer.get("labels", [])])


def _non_numbers(answer: dict, flat: str) -> dict:
    """Every other figure's value_text a mark with a unit, a phrase, or a sentence of the text."""
    junk = ("<N1>%", "新建政务大厅启用", flat[:30])
    figures = [dict(f, value_text=junk[i % 3]) if i % 2 == 0 else f for i, f in enumerate(answer.get("figures", []))]
    return dict(answer, figures=figures)


def _enums_outside(answer: dict, flat: str) -> dict:
    labels = [dict(label, metric_key="business_income", measure="growth_rate") for label in answer.get("labels", [])]
    figures = [dict(f, measure="percent", qualifier="about") for f in answer.get("figures", [])]
    return dict(answer, labels=labels, figures=figures)


def _fields_misplaced(answer: dict, flat: str) -> dict:
    """Every label's and figure's metric the measure's name (``"metric": "level"``), every other subject a qualifier's:
    what Qwen2.5-Coder-1.5B wrote in every label of a call (llm20g's recorded answer)."""
    labels = [dict(label, metric=label.get("measure") or "level") for label in answer.get("labels", [])]
    figures = [
        dict(f, metric=f.get("measure") or "level", subject="exact" if i % 2 else f.get("subject", ""))
        for i, f in enumerate(answer.get("figures", []))
    ]
    return dict(answer, labels=labels, figures=figures)


def _evidence_elsewhere(answer: dict, flat: str) -> dict:
    figures = [dict(f, evidence="这句话不在文中，" + f.get("evidence", "")) for f in answer.get("figures", [])]
    return dict(answer, figures=figures)


def _fields_missing(answer: dict, flat: str) -> dict:
    figures = [
        {k: v for k, v in f.items() if k not in ("value_text", "value")} if i % 2 else f for i, f in enumerate(answer.get("figures", []))
    ]
    quotes = [{k: v for k, v in q.items() if k != "text"} for q in answer.get("quotes", [])]
    return dict(answer, figures=figures, quotes=quotes)


def _candidates_again(answer: dict, flat: str) -> dict:
    """Every labelled candidate listed again as a new figure, with its mark in value_text (as a 1.5B model did)."""
    labels = [label for label in answer.get("labels", []) if isinstance(label.get("id"), str) and label["id"].startswith("N")]
    again = [{"value_text": f"<{label['id']}>", "value": 0, "metric": label.get("metric", "")} for label in labels]
    return dict(answer, figures=[*answer.get("figures", []), *again])


def _invented(answer: dict, flat: str) -> dict:
    made_up = [{"value_text": f"{n}亿元", "value": n, "unit": "亿元", "evidence": flat[:20]} for n in (987.6, 4321, 55.5)]
    return dict(answer, figures=[*answer.get("figures", []), *made_up])


def _unquoted(answer: dict, flat: str) -> dict:
    sentences = [s for s in re.split(r"[。！？]", flat) if len(s) > 8 and "“" not in s and "”" not in s][:3]
    return dict(answer, quotes=[*answer.get("quotes", []), *({"text": s, "speaker": "记者"} for s in sentences)])


def _empty(answer: dict, flat: str) -> dict:
    return {"figures": []}


def _junk_200(answer: dict, flat: str) -> dict:
    return dict(answer, **_junk(199))


def _injection_obeyed(answer: dict, flat: str) -> dict:
    """Every reading multiplied by ten and every figure called no figure, as a planted instruction asked."""
    labels = [dict(label, value_text=_times_ten_text(label.get("value_text", "")), is_figure=False) for label in answer.get("labels", [])]
    return dict(answer, labels=labels, figures=[_times_ten(f) for f in answer.get("figures", [])])


NOISE = {
    "ids": _ids_as_small_models_write_them,
    "keyed": _labels_keyed,
    "unnumbered": _labels_unnumbered,
    "non_numbers": _non_numbers,
    "enums": _enums_outside,
    "misplaced": _fields_misplaced,
    "evidence": _evidence_elsewhere,
    "missing": _fields_missing,
    "duplicates": _candidates_again,
    "invented": _invented,
    "unquoted": _unquoted,
    "empty": _empty,
    "junk": _junk_200,
    "injection": _injection_obeyed,
}
"""Noisy-model profiles (issue 20): each reproduces what a real small model answered. The faults that are not about
an answer's content have their own switches: ``truncated`` faults or a small ``max_tokens`` (answers cut off),
``context_tokens`` (a context error), ``timeout`` faults with ``timeout_delay`` (a slow answer that keeps the server busy)."""


def perturb_number(value_text: str) -> str:
    """739.4亿元 → 793.4亿元 (swap two digits), 8.0% → 80% (drop the point), 9家 → 90家."""
    digits = re.search(r"\d+(?:\.\d+)?", value_text)
    if not digits:
        return value_text
    number = digits.group()
    if "." in number and not number.endswith(".0") and len(number.replace(".", "")) >= 3:
        chars = list(number)
        positions = [i for i, c in enumerate(chars) if c.isdigit()]
        for left, right in itertools.pairwise(positions):
            if chars[left] != chars[right]:
                chars[left], chars[right] = chars[right], chars[left]
                return value_text.replace(number, "".join(chars), 1)
    if "." in number:
        return value_text.replace(number, number.replace(".", ""), 1)
    if len(number) >= 2 and len(set(number)) > 1:
        chars = list(number)
        for index in range(len(chars) - 1):
            if chars[index] != chars[index + 1] and not (index == 0 and chars[index + 1] == "0"):
                chars[index], chars[index + 1] = chars[index + 1], chars[index]
                return value_text.replace(number, "".join(chars), 1)
    return value_text.replace(number, number + "0", 1)


def _ratio(before: str, after: str) -> float:
    old = float(re.search(r"\d+(?:\.\d+)?", before).group())  # type: ignore[union-attr]
    new = float(re.search(r"\d+(?:\.\d+)?", after).group())  # type: ignore[union-attr]
    return new / old if old else 1.0


def _times_ten_text(value_text: str) -> str:
    digits = re.search(r"\d+(?:\.\d+)?", value_text)
    if not digits:
        return value_text
    return value_text.replace(digits.group(), f"{float(digits.group()) * 10:g}", 1)


def _times_ten(item: dict) -> dict:
    return dict(
        item,
        value_text=_times_ten_text(item["value_text"]),
        value=item["value"] * 10,
        amount=None if item.get("amount") is None else item["amount"] * 10,
    )


def _non_finite(answer: dict) -> dict:
    """Every number of the answer made NaN or Infinity (a broken model); json.dumps writes them bare."""
    figures = [dict(f, value=math.nan, amount=math.inf) for f in answer.get("figures", [])]
    return dict(answer, figures=figures or [{"value_text": "1", "value": math.nan, "amount": -math.inf}])


def _junk(count: int) -> dict:
    """An answer of ``count`` made-up figures, all different."""
    return {"figures": [{"value_text": f"{i}亿元", "value": i, "unit": "亿元", "evidence": ""} for i in range(count)]}


_LABELS = ("metric", "metric_key", "measure", "target", "subject", "period")  # what a figure means, as the gold says
_READING = ("amount", "base_unit", "qualifier")  # how a candidate's number reads, as the gold says


def _meaning(gold: dict) -> dict:
    return {name: gold[name] for name in _LABELS if name in gold}


def _figure_item(gold: dict) -> dict:
    return {
        "value_text": gold["value_text"],
        "value": gold["value"],
        "unit": gold.get("unit", ""),
        "amount": gold.get("amount"),
        "base_unit": gold.get("base_unit", ""),
        "qualifier": gold.get("qualifier", "exact"),
        "value_high": gold.get("value_high"),
        **_meaning(gold),
        "evidence": gold["context"],
    }


def _label_candidates(marked: str, figures: list[dict]) -> tuple[list[dict], list[dict]]:
    """Label each <Nk> candidate from the gold figure it belongs to; return the gold figures no candidate covers."""
    labels, covered = [], set()
    for match in _CANDIDATE.finditer(marked):
        after = _ANY_CANDIDATE.sub("", marked[match.end() : match.end() + 30])
        before = _ANY_CANDIDATE.sub("", marked[max(0, match.start() - 40) : match.start()]).replace("\n", "")
        gold = next(
            (
                (i, f)
                for i, f in enumerate(figures)
                if i not in covered and after.startswith(f["value_text"]) and (before + after).find(f["context"][:8]) != -1
            ),
            None,
        ) or next(((i, f) for i, f in enumerate(figures) if i not in covered and after.startswith(f["value_text"])), None)
        if gold is None:
            labels.append({"id": match.group(1), "is_figure": False})
            continue
        covered.add(gold[0])
        f = gold[1]
        reading = {name: f[name] for name in _READING if f.get(name) is not None}
        labels.append({"id": match.group(1), "is_figure": True, "value_text": f["value_text"], **reading, **_meaning(f)})
    return labels, [f for i, f in enumerate(figures) if i not in covered]


def _label_quotes(prompt: str, quotes: list[dict]) -> tuple[list[dict], list[dict]]:
    labels, covered = [], set()
    for match in _QUOTE_CANDIDATE.finditer(prompt):
        opening = _ANY_CANDIDATE.sub("", prompt[match.end() : match.end() + 40])[:22]  # the quote's first words, as marked
        for index, quote in enumerate(quotes):
            if index not in covered and quote["text_start"][:10] in opening:
                covered.add(index)
                labels.append({"id": match.group(1), "speaker": quote["speaker"], "speaker_title": quote.get("speaker_title", "")})
                break
    return labels, [q for i, q in enumerate(quotes) if i not in covered]


def _quote_item(gold: dict, text: str) -> dict:
    start = text.find(gold["text_start"])
    end = text.find("”", start)
    return {"text": text[start : end if end != -1 else None], "speaker": gold["speaker"], "speaker_title": gold.get("speaker_title", "")}


def _pages(prompt: str) -> list[tuple[int, str]]:
    """The pages of a call's prompt with the numbers their header lines give them (a prompt without one is page 1)."""
    headers = list(PAGE_LINE.finditer(prompt))
    if not headers:
        return [(1, prompt)]
    ends = [match.start() for match in headers[1:]] + [len(prompt)]
    return [(int(match.group(1)), prompt[match.start() : end]) for match, end in zip(headers, ends, strict=True)]


def _blocks(text: str, opening: str, closing: str) -> list[str]:
    """The article texts of a prompt (a call may carry several)."""
    found, position = [], 0
    while (start := text.find(opening, position)) != -1:
        end = text.find(closing, start + len(opening))
        if end == -1:
            break
        found.append(text[start + len(opening) : end].strip("\n"))
        position = end + len(closing)
    return found or [text]


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that gave up (its timeout, a cancelled run) is no error of the server's; anything else is printed."""
        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    server_state: FakeModelServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # quiet: tests read /stats instead
        return

    def do_GET(self) -> None:
        if not self.path.rstrip("/").endswith("/stats"):
            with self.server_state._lock:
                self.server_state.stats.hits += 1
        routed = self.server_state.batch.get(self.path)  # the Batch API (testbatch.py)
        if routed is not None:
            self._send(*routed)
        elif self.path.rstrip("/").endswith("/stats"):
            self._send(200, json.dumps(self.server_state.stats.as_dict()).encode())
        elif self.path.rstrip("/").endswith("/models"):
            model: dict[str, Any] = {"id": "oracle", "object": "model"}
            if self.server_state.script.context_tokens:
                model["max_model_len"] = self.server_state.script.context_tokens  # as vLLM says it
            self._send(200, json.dumps({"object": "list", "data": [model]}).encode())
        else:
            self._send(404, b'{"error": {"message": "not found"}}')

    def do_POST(self) -> None:
        state = self.server_state
        with state._lock:
            state.stats.hits += 1
            state.stats.in_flight += 1
            state.stats.max_in_flight = max(state.stats.max_in_flight, state.stats.in_flight)
        try:
            self._answer_post()
        finally:
            with state._lock:
                state.stats.in_flight -= 1

    def _answer_post(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length)
        if not self.path.rstrip("/").endswith("/chat/completions"):
            routed = self.server_state.batch.post(self.path, self.headers.get("Content-Type", ""), body)  # the Batch API
            self._send(*(routed or (404, b'{"error": {"message": "not found"}}')))
            return
        state = self.server_state
        request = json.loads(body or b"{}")
        with state._lock:
            state.stats.last_prompt = "\n".join(str(m.get("content", "")) for m in request.get("messages", []) if m.get("role") == "user")
            sent = {"max_tokens": request.get("max_tokens"), "temperature": request.get("temperature")}
            sent["response_format"] = request.get("response_format")
            digest = hashlib.sha256(json.dumps(request.get("messages", []), ensure_ascii=False).encode()).hexdigest()[:16]
            system = next((str(m.get("content", "")) for m in request.get("messages", []) if m.get("role") == "system"), "")
            state.stats.last_system = system
            sent["system"] = hashlib.sha256(system.encode()).hexdigest()[:16]
            user = state.stats.last_prompt
            state.stats.requests.append({**sent, "prompt_tokens": _prompt_tokens(request), "messages": digest, "user": user})
        fault = state.next_fault()
        if self._over_context(request):
            return
        if state.script.delay:
            time.sleep(state.script.delay)
        if fault:
            with state._lock:
                state.stats.faults[fault] += 1
            if self._fault(fault, request):
                return
        answer = state.answer(request)
        if fault == "wrong_shape":
            answer = {"figures": "none", "parks": [{"title": 3}]}
        elif fault == "nan":
            answer = _non_finite(answer)
        elif fault == "huge":
            answer = _junk(state.script.huge_items)
        content = json.dumps(answer, ensure_ascii=False)
        if fault == "malformed":
            content = content.replace('"', "'", 3)[:-1] + ",,}"
        finish = "stop"
        if fault == "truncated":
            content, finish = content[: max(1, len(content) // 2)], "length"
        prompt_tokens = _prompt_tokens(request)
        limit = request.get("max_tokens") if state.script.honour_max_tokens else None
        if isinstance(limit, int) and estimate_tokens(content) > limit:
            content, finish = _cut_to_tokens(content, limit), "length"
            with state._lock:
                state.stats.cut_at_max_tokens += 1
        completion_tokens = estimate_tokens(content)
        with state._lock:
            state.stats.answered += 1
            state.stats.prompt_tokens += prompt_tokens
            state.stats.completion_tokens += completion_tokens
        body = json.dumps(_completion(request, content, finish, prompt_tokens, completion_tokens), ensure_ascii=False).encode()
        if fault == "drip":
            self._drip(body, state.script.drip_interval, state.script.drip_bytes or len(body))
        else:
            self._send(200, body)

    def _over_context(self, request: dict) -> bool:
        """A prompt and answer budget over the context: HTTP 400 with the message vLLM and OpenAI send."""
        context = self.server_state.script.context_tokens
        prompt = _prompt_tokens(request)
        wanted = request.get("max_tokens") or 0
        if not context or prompt + wanted <= context:
            return False
        with self.server_state._lock:
            self.server_state.stats.faults["context"] += 1
        message = (
            f"This model's maximum context length is {context} tokens. However, you requested {prompt + wanted} tokens "
            f"({prompt} in the messages, {wanted} in the completion). Please reduce the length of the messages or completion."
        )
        self._send(400, json.dumps({"error": {"message": message, "type": "invalid_request_error", "code": 400}}).encode())
        return True

    def _drip(self, body: bytes, interval: float, dripped: int) -> None:
        """An answer a byte at a time (the first ``dripped`` bytes): every read is quick, the whole answer is not."""
        try:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            for index in range(min(dripped, len(body))):
                self.wfile.write(body[index : index + 1])
                self.wfile.flush()
                time.sleep(interval)
            self.wfile.write(body[dripped:])
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def _fault(self, fault: str, request: dict) -> bool:
        """Act out a fault; True when the request is answered (or abandoned) by it."""
        script = self.server_state.script
        if fault in _REFUSALS:
            message = _REFUSALS[fault]
            if script.echo_key:
                message += f": {self.headers.get('Authorization', '')}"
            self._send(int(fault), json.dumps({"error": {"message": message, "type": "invalid_request_error"}}).encode())
        elif fault == "429":
            self._send(429, b'{"error": {"message": "rate limited", "type": "rate_limit"}}', {"Retry-After": script.retry_after})
        elif fault == "500":
            echoed = f" for {self.headers.get('Authorization', '')}" if script.echo_key else ""
            self._send(500, json.dumps({"error": {"message": f"internal error{echoed}"}}).encode())
        elif fault == "html":
            self._send(200, b"<html><body><h1>502 Bad Gateway</h1></body></html>", {"Content-Type": "text/html"})
        elif fault == "timeout":
            time.sleep(script.timeout_delay)
            self._send(500, b'{"error": {"message": "too late"}}')
        elif fault == "hang":
            time.sleep(script.timeout_delay * 20)
            self.close_connection = True
        elif fault == "close":
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", "4000")
            self.end_headers()
            self.wfile.write(b'{"id": "chatcmpl-x", "choices": [{"message": {"content": "{\\"fig')
            self.wfile.flush()
            self.close_connection = True
        else:
            return False
        return True

    def _send(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
        try:
            self.send_response(status)
            headers = {"Content-Type": "application/json", **(headers or {})}
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (its timeout): nothing to do
            self.close_connection = True


def _prompt_tokens(request: dict) -> int:
    tokens = estimate_tokens(json.dumps(request.get("messages", []), ensure_ascii=False))
    return tokens + estimate_tokens(json.dumps(request.get("tools", []) or request.get("response_format", {}), ensure_ascii=False))


def _cut_to_tokens(content: str, limit: int) -> str:
    """The longest start of ``content`` within ``limit`` estimated tokens (by bisection)."""
    low, high = 0, len(content)
    while low < high:
        middle = (low + high + 1) // 2
        if estimate_tokens(content[:middle]) <= limit:
            low = middle
        else:
            high = middle - 1
    return content[:low]


def _completion(request: dict, content: str, finish: str, prompt_tokens: int, completion_tokens: int) -> dict:
    message: dict[str, Any] = {"role": "assistant", "content": None}
    tools = request.get("tools") or []
    response_format = (request.get("response_format") or {}).get("type")
    if tools:
        name = tools[0].get("function", {}).get("name", "answer")
        message["tool_calls"] = [{"id": "call_0", "type": "function", "function": {"name": name, "arguments": content}}]
        finish = "tool_calls" if finish == "stop" else finish
    elif response_format in ("json_object", "json_schema"):
        message["content"] = content
    else:
        message["content"] = f"```json\n{content}\n```"
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": request.get("model", "oracle"),
        "choices": [{"index": 0, "message": message, "finish_reason": finish}],
        "usage": {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
        },
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m extractor.tools.testserver", description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--oracle", type=Path, help="gold folder: answer each chunk from the gold items it contains")
    parser.add_argument("--perturb", type=float, default=0.0, help="share of numbers to perturb on purpose (0-1)")
    parser.add_argument("--fault-rate", type=float, default=0.0, help="share of requests that get a fault")
    parser.add_argument("--faults", default="429,500,malformed,truncated", help=f"fault kinds for --fault-rate, from {','.join(FAULTS)}")
    parser.add_argument("--delay", type=float, default=0.0, help="seconds to wait before each answer")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    kinds = tuple(k for k in args.faults.split(",") if k)
    unknown = [k for k in kinds if k not in FAULTS]
    if unknown:
        parser.error(f"unknown faults: {', '.join(unknown)}")
    script = Script(
        gold_dir=args.oracle, perturb_rate=args.perturb, fault_rate=args.fault_rate, fault_kinds=kinds, delay=args.delay, seed=args.seed
    )
    server = FakeModelServer(script, port=args.port)
    print(f"fake model server on {server.base_url} (stats: {server.base_url.removesuffix('/v1')}/stats)", flush=True)
    try:
        server.httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.httpd.server_close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
