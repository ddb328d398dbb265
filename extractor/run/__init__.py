"""Running: one document through the pipeline, a run over many files, the local and Dask engines, batch runs."""
