"""The two steering documents of 2023 whose deadlines the demo's year plan holds.

The files under seeds/ are verbatim copies of the documents (package data, so the
demo builds without the project's shared folder); their "Frist | Beskrivelse"
tables are read by the same import the command line uses.
"""

from __future__ import annotations

from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..services import Archive
    from ..services.deadline_import import ImportReport

# (file under seeds/, the source its deadlines are stored with)
STEERING_DOCUMENTS = (
    ("tildelingsbrev-ehelse-2023.txt", "Tildelingsbrev 2023 Direktoratet for e-helse"),
    ("oppdragsdokument-nhn-2023.txt", "Oppdragsdokument 2023 Norsk helsenett SF"),
)


def document_text(name: str) -> str:
    return resources.files(__package__).joinpath("seeds", name).read_text(encoding="utf-8")


def import_steering_deadlines(archive: Archive) -> list[ImportReport]:
    """The documents' deadlines, for every body (they steer the whole council model)."""
    from ..services.deadline_import import import_deadlines

    return [import_deadlines(archive, document_text(name), source=source) for name, source in STEERING_DOCUMENTS]
