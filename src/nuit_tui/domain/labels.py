"""Norwegian words for the stored values, shared by screens and documents."""

from __future__ import annotations

from .enums import AttendanceRole, AttendanceStatus, ItemState, MeetingStatus, MembershipRole

MEETING_STATUS = {
    MeetingStatus.PLANNED: "Planlagt",
    MeetingStatus.NOTICE_SENT: "Innkalling sendt",
    MeetingStatus.HELD: "Avholdt",
    MeetingStatus.MINUTES_APPROVED: "Referat godkjent",
    MeetingStatus.CANCELLED: "Avlyst",
}

ITEM_STATE = {
    ItemState.PLANNED: "Planlagt",
    ItemState.HANDLED: "Behandlet",
    ItemState.DEFERRED: "Utsatt",
    ItemState.WITHDRAWN: "Trukket",
}

# One glyph per state and one for exempt, in the agenda and meeting mode; never colour alone.
ITEM_STATE_MARK = {
    ItemState.PLANNED: " ",
    ItemState.HANDLED: "✓",
    ItemState.DEFERRED: "»",
    ItemState.WITHDRAWN: "✗",
}
EXEMPT_MARK = "§"
ITEM_MARKS_LEGEND = (
    ("✓", "behandlet"),
    ("»", "utsatt"),
    ("✗", "trukket"),
    (EXEMPT_MARK, "unntatt offentlighet"),
)


def item_marks(state: ItemState, exempt: bool) -> str:
    """Two characters: the item's state and «§» when it is exempt ("✓§", "» ", "  ")."""
    return ITEM_STATE_MARK[state] + (EXEMPT_MARK if exempt else " ")


def item_marks_legend() -> str:
    """"✓ behandlet · » utsatt · ✗ trukket · § unntatt offentlighet"."""
    return " · ".join(f"{mark} {text}" for mark, text in ITEM_MARKS_LEGEND)


MEMBERSHIP_ROLE = {
    MembershipRole.MEMBER: "Medlem",
    MembershipRole.SUBSTITUTE: "Stedfortreder",
    MembershipRole.SECRETARIAT: "Sekretariat",
    MembershipRole.OBSERVER: "Observatør",
}

ATTENDANCE_STATUS = {
    AttendanceStatus.PRESENT: "Til stede",
    AttendanceStatus.ABSENT_WITH_NOTICE: "Forfall",
    AttendanceStatus.ABSENT_WITHOUT_NOTICE: "Ikke til stede",
}

ATTENDANCE_ROLE = {
    AttendanceRole.MEMBER: "Medlem",
    AttendanceRole.SUBSTITUTE: "Stedfortreder",
    AttendanceRole.SECRETARIAT: "Sekretariat",
    AttendanceRole.GUEST: "Gjest",
    AttendanceRole.OBSERVER: "Observatør",
}

# What a field is called where a message names it (a checkin's or an import's conflicts, the
# import screen): a stored record's column, or a field of an import's plan (services/import_plan.py).
FIELD_LABELS = {
    # an item
    "title": "Tittel",
    "type": "Sakstype",
    "item_type": "Sakstype",
    "description": "Beskrivelse",
    "purpose": "Hensikt med saken",
    "background": "Bakgrunn",
    "proposed_decision": "Forslag til vedtak",
    "decision": "Vedtak",
    "narrative": "Referat",
    "state": "Behandling",
    "duration_minutes": "Varighet",
    "fixed_start": "Fast starttid",
    "started_at": "Startet",
    "ended_at": "Avsluttet",
    "exempt": "Unntatt offentlighet",
    "exempt_basis": "Hjemmel",
    "title_exempt": "Også tittelen er unntatt",
    "submitted_by": "Fra i toppnotatet",
    "earlier_intro": "Tekst om tidligere behandlinger",
    "earlier_none": "Ingen tidligere vedtak",
    "position": "Plass i rekkefølgen",
    "kind": "Sak eller pause",
    # a remark
    "speaker": "Hvem",
    "text": "Innspill",
    "made_at": "Klokkeslett",
    # a meeting
    "date": "Dato",
    "start": "Start",
    "start_time": "Start",
    "end": "Slutt",
    "end_time": "Slutt",
    "location": "Sted",
    "video_link": "Videolenke",
    "status": "Status",
    # attendance
    "role": "Rolle",
    "organization": "Organisasjon",
    "organization_id": "Organisasjon",
    "person_id": "Person",
    "arrived": "Kom",
    "arrived_at": "Kom",
    "left": "Gikk",
    "left_at": "Gikk",
    "substitute_for": "Stedfortreder for",
    "substitute_for_person_id": "Stedfortreder for",
    "remote": "Video",
    "note": "Merknad",
    # a follow-up, an attachment, a cover note's section
    "responsible": "Ansvarlig",
    "due_date": "Frist",
    "closed_on": "Utført",
    "closing_note": "Merknad ved utført",
    "label": "Vedleggsnummer",
    "file_name": "Filnavn",
    "heading": "Overskrift",
    "citation": "Sak",
    "topic": "Tema",
    "decided_on": "Vedtatt",
    # a deadline, a rule of the year plan
    "category": "Kategori",
    "reminder_days": "Påminnelse",
    "offset_days": "Når",
    "anchor_text": "Tittelen inneholder",
}

# The words of the stored values a field may hold (status, state, role), for messages.
_VALUE_LABELS: dict[str, str] = {
    **{k.value: v for k, v in MEETING_STATUS.items()},
    **{k.value: v for k, v in ITEM_STATE.items()},
    **{k.value: v for k, v in ATTENDANCE_STATUS.items()},
    **{k.value: v for k, v in ATTENDANCE_ROLE.items()},
}


def field_label(name: str) -> str:
    """«Vedtak» for `decision`; a name this map does not know, as it is."""
    return FIELD_LABELS.get(name, name)


def value_label(name: str, value: str) -> str:
    """A status, state or role as the app words it («held» → «Avholdt»); other values as they are."""
    if name in ("status", "state", "role"):
        return _VALUE_LABELS.get(value, value)
    return value
