"""The archive's records as pydantic models, one per table.

Names follow OParl 1.1 where they fit (Body, Organization, Person, Membership,
Meeting, AgendaItem, File) and DOMAIN.md's glossary elsewhere. Every model is a
row: `id` is the database identity (None before insert), foreign keys are ids.
The same models validate the JSON import, so they are the one boundary check.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
from typing import Annotated, Literal, Self

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    StringConstraints,
    ValidationInfo,
    model_validator,
)

# The enumerations live apart, so that screens can label stored values without pydantic.
from .enums import (  # noqa: F401  (re-exported: m.MeetingStatus and so on)
    AttendanceRole,
    AttendanceStatus,
    EntryKind,
    FollowUpStatus,
    ItemState,
    ItemType,
    MeetingStatus,
    MembershipRole,
    PersonRole,
    RuleAnchor,
)
from .norwegian import check_date
from .text import clean_text

# Context of a record read back from the archive's file (see `stored`): what an older
# version stored is shown and exported as it is, never refused on the way out.
STORED = {"stored": True}
# Context of a record on its way into the archive's file (the store's write seam): what
# an older version stored is kept as on reading, but a length or a range is checked as
# on every way in, so no caller (a `model_copy(update=…)` skips validation) stores a row
# that would not read back as valid.
WRITING = {"stored": True, "writing": True}


def _stored(info: ValidationInfo) -> bool:
    return bool(info.context and info.context.get("stored"))


def _read_back(info: ValidationInfo) -> bool:
    """Read from the file, not written to it: a length or a range out of bounds (stored
    by an older version, or by a bug) is kept, so the row still reads and can be put right."""
    return _stored(info) and not (info.context or {}).get("writing")


def _at_most(length: int) -> AfterValidator:
    def check(value: str, info: ValidationInfo) -> str:
        if len(value) > length and not _read_back(info):
            raise ValueError(f"Høyst {length} tegn (nå {len(value)})")
        return value

    return AfterValidator(check)


def _between(low: int, high: int, message: str) -> AfterValidator:
    def check(value: int | None, info: ValidationInfo) -> int | None:
        if value is not None and not low <= value <= high and not _read_back(info):
            raise ValueError(message)
        return value

    return AfterValidator(check)


def _clean(value: object) -> object:
    # The one input rule for text, before any other check. Every text of every row read
    # passes here: the common case (nothing to clean) costs one C call.
    if value.__class__ is str and value.isprintable():
        return value
    return clean_text(value) if isinstance(value, str) else value


def _clean_name(value: object, info: ValidationInfo) -> object:
    # The same rule for a name: one of only control characters is then empty, and
    # refused as such. Read back, a name an older version stored as nothing but
    # controls stays as it was, so that its record still reads; every way out cleans it.
    if not isinstance(value, str):
        return value
    cleaned = clean_text(value)
    if not cleaned.strip() and value.strip() and _stored(info):
        return value
    return cleaned


def _from_base64(value: object) -> object:
    """A file's bytes as the JSON export writes them: base64 text (strict)."""
    if isinstance(value, str):
        try:
            return base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError):
            raise ValueError("not valid base64") from None
    return value


def _date_in_range(value: dt.date, info: ValidationInfo) -> dt.date:
    return value if _stored(info) else check_date(value)


# Every text field of every record is one of these: cleaned by the same rule.
Clean = BeforeValidator(_clean)
CleanName = BeforeValidator(_clean_name)
Str = Annotated[str, Clean]
Text = Str
Name = Annotated[str, CleanName, StringConstraints(strip_whitespace=True, min_length=1), _at_most(300)]
ShortName = Annotated[str, CleanName, StringConstraints(strip_whitespace=True, min_length=1), _at_most(30)]
# A file's bytes: raw in the archive, base64 in JSON.
Blob = Annotated[
    bytes,
    BeforeValidator(_from_base64),
    PlainSerializer(lambda content: base64.b64encode(content).decode("ascii"), return_type=str, when_used="json"),
]
# Every date field: within the range the archive accepts (norwegian.FIRST_DAY..LAST_DAY).
Day = Annotated[dt.date, AfterValidator(_date_in_range)]


class Record(BaseModel):
    """Common config: unknown fields are errors, values are validated on assignment."""

    # defer_build: a model's validator is built when first used, not at import (the app's start).
    model_config = ConfigDict(extra="forbid", validate_assignment=True, defer_build=True)

    id: int | None = None

    @classmethod
    def stored(cls, row: dict) -> Self:
        """The record from a row of the archive's file: text cleaned like any input,
        but a date out of range (stored by an older version) kept, not refused."""
        return cls.model_validate(row, context=STORED)

    @property
    def stored_id(self) -> int:
        """The id of a record read from the archive (or just written to it), typed as an int.

        A new record has no id until the store gives it one; asking for it then is a bug."""
        if self.id is None:
            raise LookupError(f"{type(self).__name__} has no id: it is not stored yet")
        return self.id


class Versioned(Record):
    """Rows a person edits carry a version, so a stale write can be detected."""

    row_version: int = Field(default=1, ge=1)
    updated_at: Str | None = None


# --- records ------------------------------------------------------------------------


class Body(Record):
    short_name: ShortName
    name: Name
    position: int = 0


class BodyTemplate(BaseModel):
    """A body's Word template as the JSON export carries it (table body_templates; the
    file is checked as a Word template on import, services/transfer.py)."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    body_id: int
    file_name: Name
    content: Blob
    updated_at: Str


class Organization(Record):
    name: Name
    short_name: Str | None = None


class Person(Record):
    name: Name
    organization_id: int | None = None
    email: Str | None = None


class Membership(Record):
    person_id: int
    body_id: int
    role: MembershipRole = MembershipRole.MEMBER
    organization_id: int | None = None
    substitute_for_person_id: int | None = None
    valid_from: Day | None = None
    valid_to: Day | None = None
    position: int = 0

    @model_validator(mode="after")
    def _dates_in_order(self) -> Membership:
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ValueError("valid_to is before valid_from")
        return self


class Meeting(Versioned):
    body_id: int
    year: int = Field(ge=1900, le=2200)
    number: int = Field(ge=1, le=999)
    date: Day
    start_time: dt.time
    end_time: dt.time
    location: Str | None = None
    video_link: Str | None = None
    status: MeetingStatus = MeetingStatus.PLANNED

    @model_validator(mode="after")
    def _consistent(self) -> Meeting:
        if self.date.year != self.year:
            raise ValueError("the meeting's date is not in its year")
        if self.end_time <= self.start_time:
            raise ValueError("the meeting ends before it starts")
        return self

    @property
    def ref(self) -> str:
        """The meeting's number as written: "2/2023"."""
        return f"{self.number}/{self.year}"


# What a cover note says when no earlier decision is cited: nothing (the section is left
# out), or the seed's «Ingen» or «N/A».
EarlierNone = Literal["", "Ingen", "N/A"]
EARLIER_NONE_CHOICES: tuple[str, ...] = ("Ingen", "N/A")


class AgendaItem(Versioned):
    """An entry of a meeting's agenda: a case (kind=item) or a break (kind=break)."""

    meeting_id: int
    kind: EntryKind = EntryKind.ITEM
    position: int = 0
    case_year: int | None = None
    case_seq: int | None = Field(default=None, ge=1)
    # Published (or carried along when deferred or moved): the number never changes.
    number_locked: bool = False
    title: Text = ""
    item_type: ItemType | None = None
    duration_minutes: int = Field(default=0, ge=0, le=24 * 60)
    fixed_start: dt.time | None = None
    description: Text = ""
    purpose: Text = ""
    background: Text = ""
    proposed_decision: Text = ""
    decision: Text = ""
    narrative: Text = ""
    state: ItemState = ItemState.PLANNED
    exempt: bool = False
    exempt_basis: Str | None = None
    title_exempt: bool = False
    # The cover note's own fields (toppnotat): «Fra» when it is not the presenters, the
    # words above (or instead of) the earlier-decisions table, and «Ingen»/«N/A» for none.
    submitted_by: Text = ""
    earlier_intro: Text = ""
    earlier_none: EarlierNone = ""
    deferred_from_id: int | None = None
    # When the item was actually taken up and left in the meeting (minute-taking).
    started_at: dt.time | None = None
    ended_at: dt.time | None = None

    @model_validator(mode="after")
    def _consistent(self) -> AgendaItem:
        if self.kind is EntryKind.BREAK and self.case_seq is not None:
            raise ValueError("a break has no case number")
        if (self.case_seq is None) != (self.case_year is None):
            raise ValueError("a case number needs both its number and its year")
        if self.title_exempt and not self.exempt:
            raise ValueError("an exempt title needs the item to be exempt")
        return self

    @property
    def is_break(self) -> bool:
        return self.kind is EntryKind.BREAK


class ItemPerson(Record):
    item_id: int
    person_id: int
    role: PersonRole
    position: int = 0


class AttachmentFile(Record):
    """The bytes of an attached file, kept in the archive once per content (SHA-256).

    In the JSON export `content` is base64; on the way in it must match `sha256` and
    `size`, so a damaged or edited file is refused, not stored."""

    sha256: Annotated[str, Clean, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
    size: int = Field(ge=0)
    content: Blob

    @model_validator(mode="after")
    def _content_matches(self, info: ValidationInfo) -> AttachmentFile:
        # Read back from the file the check is SQLite's; on every way in it is ours.
        if _stored(info):
            return self
        if len(self.content) != self.size:
            raise ValueError(f"size is {self.size}, but the content has {len(self.content)} bytes")
        if hashlib.sha256(self.content).hexdigest() != self.sha256:
            raise ValueError("the content does not match its sha256")
        return self

    @classmethod
    def of(cls, content: bytes) -> AttachmentFile:
        return cls(sha256=hashlib.sha256(content).hexdigest(), size=len(content), content=bytes(content))


class Attachment(Record):
    """A document attached to an item ("Vedlegg 4A"); OParl's File. Either a link
    (`location`) or a file kept in the archive (`file_id`, with its name and type)."""

    item_id: int
    label: Str = ""
    title: Text = ""
    location: Str | None = None
    position: int = 0
    exempt: bool = False
    file_id: int | None = None
    file_name: Str | None = None
    media_type: Str | None = None

    @model_validator(mode="after")
    def _file_or_link(self) -> Attachment:
        if self.file_id is not None and not (self.file_name or "").strip():
            raise ValueError("a file needs its file name")
        if self.file_id is not None and self.location:
            raise ValueError("an attachment is a file or a link, not both")
        return self


class ItemLink(Record):
    """An earlier handling of the same topic, cited in the item's cover note."""

    item_id: int
    earlier_item_id: int
    position: int = 0

    @model_validator(mode="after")
    def _not_self(self) -> ItemLink:
        if self.item_id == self.earlier_item_id:
            raise ValueError("an item cannot cite itself")
        return self


class CoverSection(Versioned):
    """A section of an item's cover note with its own heading, after Bakgrunn:
    «Til drøfting», «Videre saksprosess», «Drøftingsspørsmål»."""

    item_id: int
    heading: Name
    text: Text = ""
    position: int = 0


class ExternalDecision(Record):
    """An earlier decision cited in a cover note that the archive does not hold:
    «Nasjonalt e-helseråd 3/23», with its date, theme and wording, typed in."""

    item_id: int
    citation: Name  # "Nasjonalt e-helseråd 3/23", "NUFA 14/23"
    decided_on: Day | None = None
    topic: Text = ""
    decision: Text = ""
    position: int = 0
    exempt: bool = False


class Attendance(Versioned):
    meeting_id: int
    person_id: int
    role: AttendanceRole = AttendanceRole.MEMBER
    status: AttendanceStatus = AttendanceStatus.PRESENT
    remote: bool = False
    organization_id: int | None = None
    substitute_for_person_id: int | None = None
    arrived_at: dt.time | None = None
    left_at: dt.time | None = None
    position: int = 0
    note: Text = ""


class Remark(Versioned):
    item_id: int
    speaker: Text = ""
    organization_id: int | None = None
    person_id: int | None = None
    text: Text = ""
    position: int = 0
    made_at: dt.time | None = None


class FollowUp(Versioned):
    item_id: int | None = None
    description: Text
    responsible: Text = ""
    responsible_organization_id: int | None = None
    responsible_person_id: int | None = None
    due_date: Day | None = None
    status: FollowUpStatus = FollowUpStatus.OPEN
    closed_on: Day | None = None
    closing_note: Text = ""


class MinutesUnlock(Record):
    """Approved minutes are locked; every unlock is recorded with its reason."""

    meeting_id: int
    unlocked_at: Str
    reason: Text = ""
    relocked_at: Str | None = None


MAX_OFFSET_DAYS = 366


class DeadlineRule(Versioned):
    """A deadline relative to other dates: "documents out 12 days before each NUIT
    meeting", "report two weeks before each follow-up meeting". Its dates are
    derived, so they follow when a meeting moves or is added."""

    body_id: int | None = None  # whose year plan it belongs to (None: all bodies)
    title: Name
    description: Text = ""
    category: Str = ""
    responsible: Str = ""
    # negative: before the anchor
    offset_days: Annotated[int, _between(-MAX_OFFSET_DAYS, MAX_OFFSET_DAYS, f"Høyst {MAX_OFFSET_DAYS} dager før eller etter")]
    anchor: RuleAnchor = RuleAnchor.MEETINGS
    anchor_body_id: int | None = None  # with MEETINGS: whose meetings (None: every body's)
    anchor_text: Str = ""  # with DEADLINES: matched in the deadline's title, case-insensitive
    exempt: bool = False


class Deadline(Versioned):
    """An entry of the year plan (årshjul)."""

    body_id: int | None = None
    date: Day
    title: Name
    description: Text = ""
    category: Str = ""
    source: Str = ""
    responsible: Str = ""
    reminder_days: Annotated[int | None, _between(0, 365, "Påminnelsen må være et antall dager (0–365)")] = None
    exempt: bool = False
    original_text: Text = ""


def record_models() -> list[type[BaseModel]]:
    """Every model of the archive's records (their validators are built on first use)."""
    return [value for value in globals().values()
            if isinstance(value, type) and issubclass(value, BaseModel) and value.__module__ == __name__]
