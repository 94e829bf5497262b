"""What the readers of past meeting documents (notices, minutes, cover notes) understood,
before anything is matched against the archive: the contract between the readers
(`importers/`) and the import service (`services/`), and the shape of
`nuit-tui import … --dry-run --json` without the merge statuses the service adds.

Values are as the document gives them, repaired where the repair is certain (each listed
in `repairs`); names are not yet matched against the body's registry. Dates are ISO days,
times `HH:MM`, case numbers «4/23», meeting numbers «1/2023».
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

DocumentKind = Literal["notice", "minutes", "cover_note"]
AttendanceStatusRead = Literal["present", "absent_with_notice", "absent_without_notice"]


class _Read(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ReadRemark(_Read):
    """One «innspill» under «Følgende innspill og spørsmål ble tatt med fra møtet:»."""

    speaker: str = ""
    text: str


class ReadAttachment(_Read):
    """«Vedlegg 4A: Notat_Oppdrag om indikatorer TB 2023»."""

    label: str  # «4A»
    title: str


class ReadEarlierDecision(_Read):
    """A row of the cover note's table «Vedtak fra tidligere behandlinger i rådsmodellen»:
    `case` is «NUIT 18/23» or «Nasjonalt e-helseråd 3/23»; «N/A» and «Ingen» give no rows."""

    case: str
    theme: str = ""
    decision: str = ""
    date: dt.date | None = None


class ReadSection(_Read):
    """A cover-note section under its own heading («Til drøfting», «Videre saksprosess»)."""

    heading: str
    text: str


class ReadItem(_Read):
    """One entry of the agenda: an item with its case number, or a break («Pause»)."""

    kind: Literal["item", "break"] = "item"
    case: str | None = None  # «4/23»; None for a break
    title: str = ""
    type: str | None = None  # «Godkjenning», «Orientering», «Drøfting», «Anbefaling», «Beslutning»
    start: dt.time | None = None
    end: dt.time | None = None
    description: str = ""
    attachments: list[ReadAttachment] = Field(default_factory=list)
    proposed_decision: str = ""
    decision: str = ""
    narrative: str = ""
    # The narrative and the remarks in the order the document has them: remarks are
    # listed in `remarks`; `narrative` is the text before the remarks list, and
    # `narrative_after` any text between the remarks and «Vedtak:».
    narrative_after: str = ""
    remarks: list[ReadRemark] = Field(default_factory=list)
    # Marked «Unntatt offentlighet, offl. § 14» under its heading (the line is not in its text).
    exempt: bool = False
    exempt_basis: str | None = None  # «offl. § 14»; None when the marker gives none


class ReadAttendance(_Read):
    """One attendance line: «Ola Nordmann, Helse Vest RHF – til kl. 13.30 - video»."""

    name: str
    organization: str = ""
    status: AttendanceStatusRead = "present"
    role: Literal["member", "substitute", "secretariat", "guest", "observer"] = "member"
    remote: bool = False
    arrived: dt.time | None = None
    left: dt.time | None = None
    substitute_for: str | None = None  # the name of the member replaced


class ReadMember(_Read):
    """A member as the notice lists them (name and organisation)."""

    name: str
    organization: str = ""


class ReadCoverNote(_Read):
    """The box (Til, Dato, Saksnummer, Type, Fra, Saksbehandler), the sections and the
    table of earlier decisions."""

    to: str = ""  # «Møte 2/23»
    date: dt.date | None = None
    case: str = ""
    type: str | None = None
    from_: str = Field(default="", alias="from")
    case_officer: str = ""
    title: str = ""
    proposed_decision: str = ""
    purpose: str = ""
    background: str = ""
    sections: list[ReadSection] = Field(default_factory=list)
    earlier_decisions: list[ReadEarlierDecision] = Field(default_factory=list)

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class ReadMeeting(_Read):
    body: str  # «NUIT»
    number: str  # «1/2023»
    date: dt.date
    start: dt.time | None = None
    end: dt.time | None = None
    location: str | None = None
    video_link: str | None = None
    members: list[ReadMember] = Field(default_factory=list)
    items: list[ReadItem] = Field(default_factory=list)
    attendance: list[ReadAttendance] = Field(default_factory=list)


class Repair(_Read):
    """One change made to the document's text: what it said, what it was read as, where."""

    original: str
    repaired: str
    where: str = ""  # «sak 4/23, tittel», «linje 112»
    reason: str = ""  # «OCR: pa → på», «kjent person i registeret»


class ReadDocument(_Read):
    """Everything read from one document."""

    kind: DocumentKind
    source: str = ""  # the file name
    meetings: list[ReadMeeting] = Field(default_factory=list)
    cover_notes: list[ReadCoverNote] = Field(default_factory=list)
    repairs: list[Repair] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
