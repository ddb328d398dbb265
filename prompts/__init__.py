"""Prompt templates of the LLM backend, plain text (``string.Template``: $name placeholders).

This folder is the package ``extractor.prompts`` in the wheel (see pyproject.toml).
"""
