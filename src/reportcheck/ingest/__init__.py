"""Ingest: bytes of a submitted report -> one normalized Document (see document.py)."""

from reportcheck.ingest.document import Block, Document, Table
from reportcheck.ingest.reader import REPORT_SUFFIXES, load_bytes, read_bytes, read_path

__all__ = ["REPORT_SUFFIXES", "Block", "Document", "Table", "load_bytes", "read_bytes", "read_path"]
