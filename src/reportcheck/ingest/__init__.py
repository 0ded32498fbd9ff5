"""Ingest: bytes of a submitted report -> one normalized Document (see document.py)."""

from reportcheck.ingest.document import Block, Document, Table
from reportcheck.ingest.reader import read_bytes, read_path

__all__ = ["Block", "Document", "Table", "read_bytes", "read_path"]
