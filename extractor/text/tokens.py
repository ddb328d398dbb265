"""A tokenizer-free token estimate, the same for prompts, answers and source text.

Real tokenizers need vocabulary files (no downloads here), and they differ by
model anyway. For Chinese news the count is dominated by Chinese characters,
which most current tokenizers encode at about one token each; other text runs
at about four characters a token. Ratios between two estimates (prompt tokens
to source tokens) are what the benchmark reports, and those hold up well.
"""

from __future__ import annotations

import re

_CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’《》]")


def estimate_tokens(text: str) -> int:
    cjk = len(_CJK.findall(text))
    other = len(text) - cjk
    return cjk + (other + 3) // 4
