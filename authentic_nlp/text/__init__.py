"""Text handling shared by every analyzer: normalization, language identification, spaCy pipelines."""
