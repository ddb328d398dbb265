"""Secrets out of everything the backend prints or writes: the API key and credentials in the endpoint URL.

A server may echo the key in an error body, and a URL may carry a user and
password (``https://user:pass@host/v1``) or a key in its query
(``?api-key=…``); messages, run.json and the response cache's key only ever
see the public form.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

HIDDEN = "***"
# A shorter "secret" is too likely to be ordinary text: a local server's placeholder key ("x") would otherwise be
# masked in every answer and name the model returns. Such a key protects nothing.
SHORTEST_SECRET = 4
_USERINFO = re.compile(r"(?<=//)[^/@\s]*@")
_QUERY_VALUE = re.compile(r"=[^&]*")


def public_url(url: str) -> str:
    """The URL without user, password and query values; unparsable URLs lose everything between // and @."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
    except ValueError:
        return _USERINFO.sub(HIDDEN + "@", url)
    netloc = parts.netloc.rpartition("@")[2]
    if parts.username is not None or parts.password is not None:
        netloc = f"{HIDDEN}@{netloc}"
    query = _QUERY_VALUE.sub("=" + HIDDEN, parts.query)
    return urlunsplit((parts.scheme, netloc or host, parts.path, query, ""))


def url_secrets(url: str | None) -> list[str]:
    """The credential parts of a URL, to be hidden wherever they turn up."""
    if not url:
        return []
    try:
        parts = urlsplit(url)
        found = [parts.username, parts.password]
        found += [value for _, _, value in (pair.partition("=") for pair in parts.query.split("&"))]
    except ValueError:
        match = _USERINFO.search(url)
        found = re.split(r"[:@]", match.group()) if match else []
    return [secret for secret in found if secret and len(secret) >= SHORTEST_SECRET]


class Redactor:
    """Replaces every known secret in a text with ***."""

    def __init__(self, secrets: list[str]) -> None:
        unique = sorted({s for s in secrets if s and len(s) >= SHORTEST_SECRET}, key=len, reverse=True)
        self._pattern = re.compile("|".join(map(re.escape, unique))) if unique else None

    def __call__(self, text: str) -> str:
        text = _USERINFO.sub(HIDDEN + "@", text)
        return self._pattern.sub(HIDDEN, text) if self._pattern else text
