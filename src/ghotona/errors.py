"""The exception hierarchy.  Every error says what went wrong and what to do.

Per-page problems are not exceptions: they become ``records.Rejection``
values so that one bad page never stops a batch.  These exceptions are for
problems the user must fix before anything can run (bad configuration,
broken language data, an unusable store).
"""

from __future__ import annotations


class GhotonaError(Exception):
    """Base class: catch this to handle any ghotona error."""


class ConfigError(GhotonaError):
    """A configuration file or option is wrong."""


class LanguageDataError(GhotonaError):
    """A shipped or user language-data file failed validation on load.

    The message names the file and, where it can, the entry at fault.
    """

    def __init__(self, path: str, where: str, problem: str) -> None:
        self.path, self.where, self.problem = path, where, problem
        super().__init__(f"{path}: {where}: {problem}")


class InputError(GhotonaError):
    """An input path cannot be read at all (not one bad page in a batch)."""


class StoreError(GhotonaError):
    """The store cannot be opened, migrated or written."""


class NotFound(GhotonaError):
    """A requested id does not exist in the store."""
