"""extractor review: an editor accepts, rejects or corrects records, and every later run keeps it.

    decisions.py  what a decision is, how it is keyed, what it does to a record (no SQL)
    queue.py      the order an editor sees the records in
    server.py     the local app (127.0.0.1, a token, keyboard-first)
    export.py     reviewed documents as gold answers for ``extractor eval``

The decisions live in OUT_DIR/records.sqlite (``extractor/outputs/decisions.py``).
"""
