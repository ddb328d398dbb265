"""Reading text in: files to normalized pages, their structure, tables, articles and token counts."""
