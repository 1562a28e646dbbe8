"""Readers and writers for the contract formats (JSON Lines, CSV, Parquet) and platform adapters."""

from .base import ReadItem
from .readers import read_records
from .writers import open_writer, quarantine_path_for, read_scored

__all__ = ["ReadItem", "read_records", "open_writer", "quarantine_path_for", "read_scored"]
