"""How to read inputs whose layout varies from one user to the next (CSV columns, delimiter)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..errors import UsageError

__all__ = ["ReadOptions", "TEXT_COLUMNS", "ID_COLUMNS", "DATE_COLUMNS", "TITLE_COLUMNS", "URL_COLUMNS",
           "PUBLISHER_COLUMNS"]

# The header names looked for, in order, when a column is not named (matched case-insensitively).
TEXT_COLUMNS = ("text", "body", "content", "article")
ID_COLUMNS = ("id",)
DATE_COLUMNS = ("pub_date", "date", "published")
TITLE_COLUMNS = ("title", "headline")
URL_COLUMNS = ("url", "link")
PUBLISHER_COLUMNS = ("publisher",)


@dataclass(frozen=True)
class ReadOptions:
    """Column names for tabular inputs; None means the first of the defaults above that is present.

    A column named here that the file's header lacks makes the whole file a RecordError, so a
    typo is reported rather than silently coding the wrong column.
    """

    text_column: str | None = None
    id_column: str | None = None
    date_column: str | None = None
    title_column: str | None = None
    url_column: str | None = None
    publisher_column: str | None = None
    delimiter: str | None = None  # None: tab for .tsv, else sniffed from the header line
    pub_date: date | None = None  # the publication date of documents that carry none (plain text)

    def __post_init__(self) -> None:
        if self.delimiter is not None and len(self.delimiter) != 1:
            raise UsageError(f"CSV delimiter must be one character, not {self.delimiter!r}")
