"""Zip packages (.docx, .ofd) read within limits, and their XML parsed without entities or DTDs."""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass

from lxml import etree

from reportcheck.errors import input_error
from reportcheck.limits import LIMITS

# what zipfile and zlib raise for damaged archives (a flipped byte in a deflate stream is zlib.error)
_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, struct.error, OSError, ValueError, EOFError, NotImplementedError, RuntimeError, UnicodeDecodeError)
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False, huge_tree=False, remove_comments=True)
_DTD = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.I)


@dataclass
class Package:
    zf: zipfile.ZipFile
    kind: str  # the format name used in error messages
    corrupt_reason: str
    _budget: int = 0
    rewrite: tuple[tuple[bytes, bytes], ...] = ()  # byte replacements applied before parsing (namespace aliases)

    @classmethod
    def open(cls, data: bytes, kind: str, corrupt_reason: str) -> Package:
        try:
            zf = zipfile.ZipFile(io.BytesIO(data))
            infos = zf.infolist()
        except _ZIP_ERRORS as e:
            raise input_error(corrupt_reason) from e
        if len(infos) > LIMITS.zip_entries:
            raise input_error("zip_bomb", limit=f"{LIMITS.zip_entries} 个条目")
        declared = sum(i.file_size for i in infos)
        if declared > LIMITS.unzipped_bytes:
            raise input_error("zip_bomb", limit=_mb(LIMITS.unzipped_bytes))
        return cls(zf, kind, corrupt_reason, LIMITS.unzipped_bytes)

    def names(self) -> list[str]:
        return self.zf.namelist()

    def has(self, name: str) -> bool:
        try:
            self.zf.getinfo(name)
        except KeyError:
            return False
        return True

    def read(self, name: str) -> bytes:
        """Read one member, never more than the remaining budget (declared sizes can lie)."""
        try:
            with self.zf.open(name) as f:
                data = f.read(self._budget + 1)
        except KeyError as e:  # a part the package says it has is missing: the zip is damaged
            raise input_error(self.corrupt_reason) from e
        except _ZIP_ERRORS as e:
            if "encrypted" in str(e).lower() or "password" in str(e).lower():
                raise input_error("encrypted_office") from e
            raise input_error(self.corrupt_reason) from e
        if len(data) > self._budget:
            raise input_error("zip_bomb", limit=_mb(LIMITS.unzipped_bytes))
        self._budget -= len(data)
        return data

    def xml(self, name: str) -> etree._Element:
        data = self.read(name)
        for old, new in self.rewrite:
            data = data.replace(old, new)
        return parse_xml(data, self.corrupt_reason)


def parse_xml(data: bytes, corrupt_reason: str) -> etree._Element:
    """Parse XML with no DTD, no entity expansion, no network; a document declaring entities is refused."""
    if _DTD.search(data):
        raise input_error("xml_entities")
    try:
        return etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as e:
        raise input_error(corrupt_reason) from e


def _mb(n: int) -> str:
    return f"{n // (1024 * 1024)} MB"
