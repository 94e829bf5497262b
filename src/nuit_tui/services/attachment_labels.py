"""The numbering of a meeting's documents («Vedlegg 4A», `domain.attachments`) applied
to the archive: derived while the meeting is planned, stored when the notice is sent."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from ..domain import models as m
from ..domain.attachments import ItemDocuments, Labels, number_documents
from ..store import ArchiveStore
from ..store.attachment_files import meeting_attachments


def has_cover_note(item: m.AgendaItem, attachments: Sequence[m.Attachment] = ()) -> bool:
    """HOOK for cover notes (toppnotat): whether the item has one, which is then its first
    document («Vedlegg 4», its attachments «4A», «4B» …). Connect this to the cover notes
    when they are records of their own; nothing else decides it.

    Until then: an item has one when its cover note's sections (purpose or background)
    are written, unless the cover note is already one of its attachments, as the
    secretariat attaches it today (a title starting «Toppnotat», as in the demo)."""
    if not (item.purpose.strip() or item.background.strip()):
        return False
    return not any(a.title.strip().lower().startswith("toppnotat") for a in attachments)


def stored_cover_label(item: m.AgendaItem) -> str:
    """HOOK for cover notes: the label the item's cover note was given when the notice
    went out, "" when none is stored. Store it at `freeze_labels` once cover notes are
    records (their label is `meeting_labels(…).cover_notes[item id]`); until then a cover
    note's frozen label is re-derived, which holds while the agenda keeps its documents."""
    return ""


def meeting_labels(store: ArchiveStore, meeting: m.Meeting, *, frozen: bool | None = None) -> Labels:
    """The labels of the meeting's attachments and cover notes by the rule; `frozen`
    as the meeting's status says unless given."""
    by_item: dict[int, list[m.Attachment]] = defaultdict(list)
    for attachment in meeting_attachments(store, meeting.stored_id):
        by_item[attachment.item_id].append(attachment)
    items = [
        ItemDocuments(
            item.stored_id,
            has_cover_note(item, by_item[item.stored_id]),
            [(a.stored_id, a.label) for a in by_item[item.stored_id]],
            stored_cover_label(item),
        )
        for item in store.agenda(meeting.stored_id)
        if not item.is_break
    ]
    return number_documents(items, frozen=meeting.status.numbers_frozen if frozen is None else frozen)


def freeze_labels(store: ArchiveStore, meeting: m.Meeting) -> None:
    """The notice goes out: store the labels it shows, so that they never change again
    (inside the caller's transaction)."""
    labels = meeting_labels(store, meeting, frozen=False)
    with store.write():
        for attachment in meeting_attachments(store, meeting.stored_id):
            wanted = labels.attachments.get(attachment.stored_id, attachment.label)
            if attachment.label != wanted:
                store.update(attachment.model_copy(update={"label": wanted}))


def label_new_attachment(store: ArchiveStore, meeting: m.Meeting, attachment: m.Attachment) -> m.Attachment:
    """A document added after the notice: its label now (the next letter of its item),
    stored, so that it stays when others come or go."""
    if not meeting.status.numbers_frozen or attachment.label.strip():
        return attachment
    wanted = meeting_labels(store, meeting).attachments.get(attachment.stored_id, "")
    return store.update(attachment.model_copy(update={"label": wanted})) if wanted else attachment
