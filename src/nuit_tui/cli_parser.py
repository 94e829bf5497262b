"""argparse in Norwegian: its headings, its -h and its errors (one line, exit 2)."""

from __future__ import annotations

import argparse
import re
from typing import Any, NoReturn

from .cli_common import UsageError

_ARGPARSE_NORWEGIAN = [
    (re.compile(r"argument (?:command|kind): invalid choice: '([^']*)' \(choose from (.*)\)"), r"ukjent kommando «\1» (velg blant \2)"),
    (re.compile(r"argument ([^:]+): invalid choice: '([^']*)' \(choose from (.*)\)"), r"ugyldig verdi «\2» for \1 (velg blant \3)"),
    (re.compile(r"the following arguments are required: (.*)"), r"mangler \1"),
    (re.compile(r"unrecognized arguments: (.*)"), r"ukjent valg: \1"),
    (re.compile(r"argument ([^:]+): expected one argument"), r"\1 mangler en verdi"),
]


class _NorwegianHelp(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None) -> None:
        super().add_usage(usage, actions, groups, "bruk: " if prefix is None else prefix)


class NorwegianParser(argparse.ArgumentParser):
    """argparse in Norwegian: its headings, its -h and its errors (one line, exit 2)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _NorwegianHelp)
        add_help = kwargs.get("add_help", True)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "argumenter"
        self._optionals.title = "valg"
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help="vis denne hjelpen og avslutt")

    def error(self, message: str) -> NoReturn:  # one Norwegian line, not argparse's usage block
        for pattern, norwegian in _ARGPARSE_NORWEGIAN:
            if pattern.fullmatch(message):
                message = pattern.sub(norwegian, message)
                break
        raise UsageError(f"{message} (se «nuit-tui --help»)")
