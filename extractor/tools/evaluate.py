"""The scoreboard: precision and recall of records.jsonl against gold annotations.

Rules (see seeds/gold/GUIDE.md):
- Optional gold items neither reward nor penalize: a prediction that matches
  only an optional item is not counted at all.
- Figures match one to one within a document on amount and base unit; among
  equal candidates the one whose context shares most with the evidence wins.
- Quotes match when the gold text_start occurs in the quote text (both simplified); parks when
  any spelling (name or alias) is shared; initiatives by name overlap.
- Subject and speaker accuracy are measured over matched pairs; a name
  counts as right when one of the two contains the other (兆驰晶显 / 江西兆驰晶显有限公司),
  after traditional characters become simplified ones (the text is read simplified), when both are
  spellings of one zone in that document (经开区 for 长春经开区: the parks of the gold and of the run
  say which spellings belong together), or when both name one collective once its count and 级 are
  dropped (32个国家级经济技术开发区 / 国家经济技术开发区), or when one is a group named relative to its
  place and the other that group with a place of the level (全省高新区 / 四川省高新区).
- A figure's labels (metric_key, measure, target, period_start, period_end,
  published) are each measured over the matched pairs whose gold item has that
  field, by equality; ``published`` may sit on the gold item or on the gold file.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..text.normalize import to_simplified, without_pinyin_glosses  # as the normalizer reads the run's text

KINDS = ("figures", "quotes", "parks", "initiatives")
FIGURE_LABELS = ("metric_key", "measure", "target", "period_start", "period_end", "published")
_BAND_LABELS = ("metric_key", "period_end")  # with the subject: what a row of the analyst's table needs right
BANDS = ("high", "medium", "low")
_MARKS = re.compile(r"[“”‘’《》\"'\s]")
_COUNTED = re.compile(r"^(?:全国|我国|中国)?(?:\d+|[一二两三四五六七八九十百]+)(?:个|家|处)")


@dataclass
class Score:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    attribute_right: int = 0  # subject (figures) or speaker (quotes) on matched pairs
    label_right: dict[str, int] = field(default_factory=dict)  # per label: matched pairs that agree
    label_judged: dict[str, int] = field(default_factory=dict)  # per label: matched pairs whose gold has it
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)
    # per confidence band: [matched figures, matched with subject, metric_key and period_end all right, extras]
    bands: dict[str, list[int]] = field(default_factory=dict)

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 0.0

    @property
    def recall(self) -> float:
        wanted = self.true_positives + self.false_negatives
        return self.true_positives / wanted if wanted else 0.0

    @property
    def attribute_accuracy(self) -> float:
        return self.attribute_right / self.true_positives if self.true_positives else 0.0

    def label_accuracy(self, label: str) -> float | None:
        """Share of judged pairs that agree on ``label``; None when no gold item has it."""
        judged = self.label_judged.get(label, 0)
        return self.label_right.get(label, 0) / judged if judged else None

    def judge_labels(self, prediction: dict, gold: dict) -> None:
        for label in FIGURE_LABELS:
            if label in gold:
                self.label_judged[label] = self.label_judged.get(label, 0) + 1
                self.label_right[label] = self.label_right.get(label, 0) + (_label(prediction, label) == gold[label])

    def judge_band(self, prediction: dict, gold: dict | None, subject_right: bool = False) -> None:
        """Count a figure in its confidence band: matched and all labels right, or an extra (gold is None)."""
        counts = self.bands.setdefault(prediction.get("confidence") or "unrated", [0, 0, 0])
        if gold is None:
            counts[2] += 1
            return
        counts[0] += 1
        labels_right = all(_label(prediction, label) == gold[label] for label in _BAND_LABELS if label in gold)
        counts[1] += subject_right and labels_right

    def add(self, other: Score) -> None:
        self.true_positives += other.true_positives
        self.false_positives += other.false_positives
        self.false_negatives += other.false_negatives
        self.attribute_right += other.attribute_right
        for label in other.label_judged:
            self.label_judged[label] = self.label_judged.get(label, 0) + other.label_judged[label]
            self.label_right[label] = self.label_right.get(label, 0) + other.label_right.get(label, 0)
        self.misses += other.misses
        self.extras += other.extras
        for name, counts in other.bands.items():
            mine = self.bands.setdefault(name, [0, 0, 0])
            for index, count in enumerate(counts):
                mine[index] += count


def evaluate(records: list[dict], gold_dir: Path) -> dict[str, Score]:
    totals = {kind: Score() for kind in KINDS}
    by_doc: dict[str, list[dict]] = {}
    for record in records:
        by_doc.setdefault(record["doc"], []).append(record)
    gold_files = sorted(gold_dir.glob("*.json"))
    if not gold_files:
        raise FileNotFoundError(f"no gold *.json files in {gold_dir}")
    for gold_file in gold_files:
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        predicted = by_doc.get(gold["doc"], [])
        if "published" in gold:  # a document-level answer applies to each of its figures
            gold["figures"] = [{"published": gold["published"], **item} for item in gold.get("figures", [])]
        zones = _zone_spellings([*(r for r in predicted if r["kind"] == "park"), *gold.get("parks", [])])
        for kind in KINDS:
            mine = [r for r in predicted if r["kind"] == kind[:-1]]
            golds = gold.get(kind, [])
            score = _score_figures(mine, golds, gold["doc"], zones) if kind == "figures" else _SCORERS[kind](mine, golds, gold["doc"])
            totals[kind].add(score)
    return totals


def _plain(name: str) -> str:
    """A name as compared: without quotation marks, spaces and pinyin glosses (地區(qū)), in simplified characters."""
    return to_simplified(_MARKS.sub("", without_pinyin_glosses(name)))


def _zone_spellings(parks: list[dict]) -> list[set[str]]:
    """The spellings of each zone of a document, from the run's parks and the gold's (merged where they share one)."""
    zones: list[set[str]] = []
    for park in parks:
        spellings = {_plain(s) for s in (park.get("name", ""), *park.get("aliases", [])) if s}
        joined = [zone for zone in zones if zone & spellings]
        for zone in joined:
            spellings |= zone
            zones.remove(zone)
        zones.append(spellings)
    return zones


# The official short names of the two national kinds: 商务部 writes 国家级经济技术开发区（以下简称国家级经开区）, 科技部
# 国家高新技术产业开发区（国家高新区）, so the long and the short one are spellings of one collective.
_KIND_SHORT = (("经济技术开发区", "经开区"), ("高新技术产业开发区", "高新区"))


def _collective(name: str) -> str:
    """32个国家级经济技术开发区 → 国家经开区: a collective without its count, the 级 of 国家级 and its long kind word."""
    bare = _COUNTED.sub("", name).replace("国家级", "国家") or name  # 省级 stays: provincial-level zones are not 全省 (all the province's)
    for long, short in _KIND_SHORT:
        bare = bare.replace(long, short)
    return bare


_PLACE_RELATIVE = re.compile(r"^全(?P<level>[省市县州区])(?P<rest>.+)$")


def _grounded_alike(a: str, b: str) -> bool:
    """全省高新区 and 四川省高新区: a group named relative to its place and the same group named with a place of
    that level (the run grounds the relative name in the one place its article names)."""
    for relative, placed in ((a, b), (b, a)):
        match = _PLACE_RELATIVE.match(relative)
        if match and placed.endswith(match["rest"]):
            place = placed[: -len(match["rest"])]
            if len(place) > 1 and place.endswith(match["level"]) and not place.startswith("全"):
                return True
    return False


def _subjects_agree(mine: str, gold: str, zones: list[set[str]]) -> bool:
    mine, gold = _plain(mine), _plain(gold)
    if not mine and not gold:
        return True  # a text that never names what its figures are about: no subject is the right answer
    if _names_agree(mine, gold) or _names_agree(_collective(mine), _collective(gold)) or _grounded_alike(mine, gold):
        return True
    return any(mine in zone and gold in zone for zone in zones)


def _match(
    predictions: list[dict],
    golds: list[dict],
    matches: Callable[[dict, dict], bool],
    affinity: Callable[[dict, dict], float],
    right: Callable[[dict, dict], bool],
    label: Callable[[dict], str],
    doc: str,
) -> Score:
    """One-to-one matching: required gold first, then optional gold absorbs what is left."""
    score = Score()
    required = [g for g in golds if not g.get("optional")]
    optional = [g for g in golds if g.get("optional")]
    unmatched = list(predictions)
    for pool, counts in ((required, True), (optional, False)):
        paired = _pairs(unmatched, pool, matches, affinity)
        still = [p for i, p in enumerate(unmatched) if i not in paired]
        taken = set(paired.values())
        free = [g for j, g in enumerate(pool) if j not in taken]
        for i, j in sorted(paired.items()):
            prediction, best = unmatched[i], pool[j]
            if counts:
                score.true_positives += 1
                subject_right = right(prediction, best)
                score.attribute_right += subject_right
                score.judge_labels(prediction, best)
                if prediction.get("kind") == "figure":
                    score.judge_band(prediction, best, subject_right)
        unmatched = still
        if counts:
            score.false_negatives += len(free)
            score.misses += [f"{doc}: {label(g)}" for g in free]
    score.false_positives += len(unmatched)
    for prediction in unmatched:
        if prediction.get("kind") == "figure":
            score.judge_band(prediction, None)
    score.extras += [f"{doc}: {label(p)}" for p in unmatched]
    return score


def _pairs(
    predictions: list[dict], golds: list[dict], matches: Callable[[dict, dict], bool], affinity: Callable[[dict, dict], float]
) -> dict[int, int]:
    """Prediction index → gold index, the closest pairs first: two 2% of one report (2025's, and 2026's target) each
    meet the gold whose context is theirs, whichever the text prints first (not the first prediction's best pick)."""
    scored = sorted(
        ((-affinity(p, g), i, j) for i, p in enumerate(predictions) for j, g in enumerate(golds) if matches(p, g)),
    )
    paired: dict[int, int] = {}
    taken: set[int] = set()
    for _, i, j in scored:
        if i not in paired and j not in taken:
            paired[i] = j
            taken.add(j)
    return paired


def _close(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and math.isclose(a, b, rel_tol=1e-3, abs_tol=1e-3)


def _names_agree(a: str, b: str) -> bool:
    a, b = _plain(a), _plain(b)
    return bool(a and b) and (a in b or b in a)


def _label(record: dict, label: str) -> object:
    """A record's label; ``published`` may also sit in the record's document meta."""
    if label == "published" and label not in record:
        return (record.get("meta") or {}).get("published", "")
    return record.get(label, "" if label != "target" else False)


def _bigrams(text: str) -> set[str]:
    text = _plain(text)
    return {text[i : i + 2] for i in range(len(text) - 1)} or {text}


def _overlap(a: str, b: str) -> float:
    x, y = _bigrams(a), _bigrams(b)
    return 2 * len(x & y) / (len(x) + len(y)) if x and y else 0.0


def _evidence_text(record: dict) -> str:
    return (record.get("evidence") or {}).get("text", "")


def _same_figure(prediction: dict, gold: dict) -> bool:
    """A run's figure and a gold one can be the same: one base unit, one amount."""
    same_unit = _plain(prediction.get("base_unit", "")) == _plain(gold.get("base_unit", ""))
    return same_unit and _close(prediction.get("amount"), gold.get("amount"))


def _figure_affinity(prediction: dict, gold: dict) -> float:
    return _overlap(_evidence_text(prediction), gold.get("context", ""))


def required_figure_pairs(predictions: list[dict], golds: list[dict]) -> list[tuple[dict, dict]]:
    """The run's figures paired with the required gold figures, as the score pairs them (for listing what differs)."""
    required = [g for g in golds if not g.get("optional")]
    return [(predictions[i], required[j]) for i, j in sorted(_pairs(predictions, required, _same_figure, _figure_affinity).items())]


def _score_figures(predictions: list[dict], golds: list[dict], doc: str, zones: list[set[str]] | None = None) -> Score:
    return _match(
        predictions,
        golds,
        matches=_same_figure,
        affinity=_figure_affinity,
        right=lambda p, g: _subjects_agree(p.get("subject", ""), g.get("subject", ""), zones or []),
        label=lambda r: f"{r.get('value_text')} [{r.get('context') or _evidence_text(r)}]",
        doc=doc,
    )


def _score_quotes(predictions: list[dict], golds: list[dict], doc: str) -> Score:
    return _match(
        predictions,
        golds,
        matches=lambda p, g: _plain(g["text_start"])[:10] in _plain(p.get("text", "")),
        affinity=lambda p, g: _overlap(_plain(p.get("text", ""))[:20], _plain(g["text_start"])),
        right=lambda p, g: _names_agree(p.get("speaker", ""), g.get("speaker", "")),
        label=lambda r: f"{r.get('speaker', '')}: {r.get('text_start') or r.get('text', '')[:20]}",
        doc=doc,
    )


def _spellings(record: dict) -> set[str]:
    return {_plain(s) for s in (record.get("name", ""), *record.get("aliases", [])) if s}


def _one_per_document(predictions: list[dict]) -> list[dict]:
    """Parks and initiatives are annotated once per document; articles may repeat them."""
    merged: list[dict] = []
    for prediction in predictions:
        same = next((m for m in merged if _spellings(m) & _spellings(prediction)), None)
        if same is None:
            merged.append(dict(prediction, aliases=list(prediction.get("aliases", []))))
        else:
            same["aliases"] = sorted(_spellings(same) | _spellings(prediction) - {same.get("name", "")})
    return merged


def _score_parks(predictions: list[dict], golds: list[dict], doc: str) -> Score:
    return _match(
        _one_per_document(predictions),
        golds,
        matches=lambda p, g: bool(_spellings(p) & _spellings(g)),
        affinity=lambda p, g: len(_spellings(p) & _spellings(g)),
        right=lambda p, g: True,
        label=lambda r: r.get("name", ""),
        doc=doc,
    )


def _score_initiatives(predictions: list[dict], golds: list[dict], doc: str) -> Score:
    return _match(
        _one_per_document(predictions),
        golds,
        matches=lambda p, g: _names_agree(p.get("name", ""), g["name"]) or _overlap(p.get("name", ""), g["name"]) >= 0.5,
        affinity=lambda p, g: _overlap(p.get("name", ""), g["name"]),
        right=lambda p, g: True,
        label=lambda r: r.get("name", ""),
        doc=doc,
    )


_SCORERS = {
    "figures": _score_figures,
    "quotes": _score_quotes,
    "parks": _score_parks,
    "initiatives": _score_initiatives,
}


def scoreboard(scores: dict[str, Score]) -> dict:
    """The scores as plain numbers, for JSON and for the table."""
    board = {
        kind: {
            "precision": round(s.precision, 4),
            "recall": round(s.recall, 4),
            "true_positives": s.true_positives,
            "false_positives": s.false_positives,
            "false_negatives": s.false_negatives,
        }
        for kind, s in scores.items()
    }
    board["figures"]["subject_accuracy"] = round(scores["figures"].attribute_accuracy, 4)
    for label in FIGURE_LABELS:
        accuracy = scores["figures"].label_accuracy(label)
        if accuracy is not None:
            board["figures"][f"{label}_accuracy"] = round(accuracy, 4)
            board["figures"][f"{label}_judged"] = scores["figures"].label_judged[label]
    board["quotes"]["speaker_accuracy"] = round(scores["quotes"].attribute_accuracy, 4)
    board["figures"]["confidence"] = confidence_table(scores["figures"])
    return board


def confidence_table(score: Score) -> dict[str, dict[str, float | int]]:
    """Per confidence band: its share of the figures found, and how often a figure in it is right.

    ``coverage`` is the band's share of all figures the run reported (matched or not); ``accuracy`` the share of the
    band's figures that match a gold figure and have subject, metric_key and period_end all right (an extra, a
    figure the gold does not have, counts as wrong).
    """
    total = sum(matched + extra for matched, _right, extra in score.bands.values())
    table = {}
    for name in (*BANDS, *sorted(set(score.bands) - set(BANDS))):
        matched, right, extra = score.bands.get(name, [0, 0, 0])
        found = matched + extra
        table[name] = {
            "figures": found,
            "coverage": round(found / total, 4) if total else 0.0,
            "accuracy": round(right / found, 4) if found else 0.0,
            "matched": matched,
            "all_right": right,
        }
    return table
