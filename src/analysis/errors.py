"""Errors a user can cause, reported in one line with exit status 2.

Bugs are not wrapped in these: only what a user can fix (a file, a parameter,
a data row) is a ``UserError``.
"""

from __future__ import annotations


class UserError(Exception):
    """Something the user can fix. ``str(err)`` is the one-line message."""

    exit_status = 2

    def __init__(self, message: str, *, file: str | None = None, row: int | str | None = None,
                 field: str | None = None, line: int | None = None):
        self.file, self.row, self.field, self.line = file, row, field, line
        where = []
        if file is not None:
            where.append(str(file))
        if row is not None:
            where.append(f"row {row}")
        if line is not None:  # a YAML file's line, where a CSV has rows
            where.append(f"line {line}")
        if field is not None:
            where.append(f"field '{field}'")
        self.message = message
        super().__init__(f"{', '.join(where)}: {message}" if where else message)


class DataError(UserError):
    """A data file or a row of one is wrong (missing, bad checksum, bad value)."""


class ParameterError(UserError):
    """A parameter given on the command line or to a notebook is not allowed."""
