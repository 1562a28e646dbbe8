"""Language-neutral cue data (spaCy's code for multi-language): links, emoji, handles."""
