"""The one base of the project's own errors, so that a caller can catch them all and nothing else."""

from __future__ import annotations


class ExtractorError(Exception):
    """An error the extractor raises on purpose, with a message that says what to do.

    ``ends_run``: the run cannot go on (every document would fail alike), and the
    CLI exits with ``exit_code``. Every other error is one document's or one input's.
    """

    ends_run = False
    exit_code = 1


class BackendAborted(ExtractorError):
    """The backend cannot go on (an endpoint refused the key, or does not answer): the run stops.

    Every other failure is one document's or one chunk's, reported and stood in
    for; this one ends the run with ``exit_code`` (2 configuration, 1 run failed).
    """

    exit_code = 1
    ends_run = True  # the outputs undo the current document and let it through, instead of failing that document only


def interrupted(exc: BaseException) -> bool:
    """A Ctrl-C that a library wrapped in an error of its own: pydantic's serializer turns a KeyboardInterrupt that
    arrives while it runs into ``PydanticSerializationError: … KeyboardInterrupt``. The run was interrupted; the
    document did not fail (caught as one document's error, the run went on and exited 0)."""
    chain = [exc, exc.__cause__, exc.__context__]
    return any(isinstance(e, KeyboardInterrupt) for e in chain) or (
        type(exc).__name__ == "PydanticSerializationError" and "KeyboardInterrupt" in str(exc)
    )


def reraise_interrupt(exc: BaseException) -> None:
    """Raise KeyboardInterrupt (from ``exc``) where ``exc`` is a wrapped Ctrl-C (``interrupted``): the handlers that
    turn an error into one document's failure call it first, so that a Ctrl-C stops the run wherever it arrives."""
    if interrupted(exc):
        raise KeyboardInterrupt from exc
