"""Ingest: bytes of a submitted report -> one normalized Document (see document.py)."""

from reportcheck.ingest.document import Block, Document, Table
from reportcheck.ingest.reader import load_bytes, read_bytes, read_path

__all__ = ["Block", "Document", "Table", "load_bytes", "read_bytes", "read_path"]
