"""The numbering of a meeting's documents («Vedlegg 4A», `domain.attachments`) applied
to the archive: derived while the meeting is planned, stored when the notice is sent."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from ..domain import cover_note as cover_rule
from ..domain import models as m
from ..domain.attachments import ItemDocuments, Labels, number_documents
from ..store import ArchiveStore
from ..store.attachment_files import meeting_attachments


def has_cover_note(store: ArchiveStore, item: m.AgendaItem, attachments: Sequence[m.Attachment]) -> bool:
    """Whether the item has a cover note made from its record (`domain.cover_note`), which
    is then its first document («Vedlegg 4», its attachments «4A», «4B» …)."""
    item_id = item.stored_id
    sections = store.count_by(m.CoverSection, item_id=item_id)
    earlier = store.count_by(m.ItemLink, item_id=item_id) + store.count_by(m.ExternalDecision, item_id=item_id)
    return cover_rule.has_cover_note(item, sections=sections, earlier=earlier, attachment_titles=[a.title for a in attachments])


def stored_cover_label(item: m.AgendaItem) -> str:
    """The label the item's cover note was given when the notice went out: not stored
    (a cover note is no row of its own), so re-derived by the rule, which holds while the
    frozen agenda keeps its documents."""
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
            has_cover_note(store, item, by_item[item.stored_id]),
            [(a.stored_id, a.label) for a in by_item[item.stored_id]],
            stored_cover_label(item),
        )
        for item in store.agenda(meeting.stored_id)
        if not item.is_break
    ]
    return number_documents(items, frozen=meeting.status.numbers_frozen if frozen is None else frozen)


def cover_label(store: ArchiveStore, item: m.AgendaItem, labels: Labels) -> str:
    """The item's cover note's «Vedlegg N» by its meeting's `labels`: the one made from
    its record, or else the «Toppnotat …» row that lists it, as the rule numbers that row
    on the meeting the item is on now (never the label stored for another meeting's
    notice); "" when it has none."""
    label = labels.cover_notes.get(item.stored_id, "")
    if label:
        return label
    listed = [a for a in store.find_by(m.Attachment, item_id=item.stored_id, order_by="position, id") if cover_rule.attached_as_file([a.title])]
    return labels.attachments.get(listed[0].stored_id, listed[0].label) if listed else ""


def move_labels(store: ArchiveStore, item: m.AgendaItem, meeting: m.Meeting) -> None:
    """The item has moved to `meeting`: the labels its attachments were given when its old
    meeting's notice went out are that notice's, so they go, and this meeting's rule
    numbers them (stored at once when its notice is out, as for a document added after it;
    inside the caller's transaction)."""
    with store.write():
        for attachment in store.find_by(m.Attachment, item_id=item.stored_id):
            if attachment.label:
                store.update(attachment.model_copy(update={"label": ""}))
        if not meeting.status.numbers_frozen:
            return
        labels = meeting_labels(store, meeting).attachments
        for attachment in store.find_by(m.Attachment, item_id=item.stored_id):
            if labels.get(attachment.stored_id):
                store.update(attachment.model_copy(update={"label": labels[attachment.stored_id]}))


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
