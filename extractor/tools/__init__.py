"""Tooling kept apart from what a run imports: the evaluator, and the loopback model server with its Batch API."""
