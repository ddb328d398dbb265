"""The LLM backend (extra ``llm``): ``backend.LLMBackend``, configured by ``settings.LLMSettings``.

Nothing heavy is imported here, so the settings and their errors are available
without openai and instructor installed.
"""
