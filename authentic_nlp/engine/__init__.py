"""Batch runners: streaming, ordered, bounded memory."""
