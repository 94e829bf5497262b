"""Attachments are files or links (issue 15.3): files kept inside the archive, numbered
«Vedlegg 4A» in agenda order and frozen with the notice, exported under the seed's names,
carried by backups and the JSON export, never public when exempt."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import digest
from nuit_tui.cli import main
from nuit_tui.documents.names import attachment_file_name
from nuit_tui.domain import models as m
from nuit_tui.domain.attachments import ItemDocuments, letters, number_documents, parse_label
from nuit_tui.services import Archive
from nuit_tui.services.attachment_labels import meeting_labels
from nuit_tui.services.transfer import ImportRejected, export_json, import_json

PDF = b"%PDF-1.4\n% a tiny stand-in for a PDF \xe6\xf8\xe5\n%%EOF\n"


def seed_labels(archive: Archive, ref: str = "2/2023") -> list[tuple[str, str]]:
    meeting = archive.meetings.find("NUIT", ref)
    return [
        (row.case_number, a.label)
        for row in archive.agenda.for_meeting(meeting.stored_id).rows
        if not row.item.is_break
        for a in archive.agenda.attachments(row.item.stored_id)
    ]


# --- the numbering rule (pure) -------------------------------------------------------------


def test_numbering_follows_the_agenda_and_a_cover_note_is_its_items_first_document():
    items = [
        ItemDocuments("13/23"),
        ItemDocuments("14/23", attachments=[("referat", "")]),
        ItemDocuments("15/23", has_cover_note=True),
        ItemDocuments("17/23", has_cover_note=True, attachments=[("notat", ""), ("lenke", "")]),
    ]
    labels = number_documents(items, frozen=False)
    assert labels.attachments == {"referat": "Vedlegg 1", "notat": "Vedlegg 3A", "lenke": "Vedlegg 3B"}
    assert labels.cover_notes == {"15/23": "Vedlegg 2", "17/23": "Vedlegg 3"}
    assert [letters(i) for i in (0, 1, 26, 27)] == ["", "A", "Z", "AA"]
    assert parse_label("Vedlegg 4A") == (4, 1) and parse_label("Toppnotat") is None


agendas = st.lists(
    st.tuples(st.booleans(), st.integers(min_value=0, max_value=4)), min_size=0, max_size=8
)


def _items(shape, prefix="a"):
    return [
        ItemDocuments(i, cover, [(f"{prefix}{i}.{j}", "") for j in range(count)]) for i, (cover, count) in enumerate(shape)
    ]


@settings(max_examples=40, deadline=None)
@given(agendas)
def test_labels_are_unique_numbered_in_agenda_order_with_letters_after_each_items_first(shape):
    items = _items(shape)
    labels = number_documents(items, frozen=False)
    expected_number = 0
    for item in items:
        documents = ([labels.cover_notes[item.key]] if item.has_cover_note else []) + [labels.attachments[k] for k, _ in item.attachments]
        if not documents:
            continue
        expected_number += 1
        parsed = [parse_label(label) for label in documents]
        assert parsed == [(expected_number, index) for index in range(len(documents))]
    every = list(labels.attachments.values()) + list(labels.cover_notes.values())
    assert len(every) == len(set(every))


@settings(max_examples=40, deadline=None)
@given(agendas, st.lists(st.integers(min_value=0, max_value=7), max_size=5))
def test_frozen_labels_stay_and_documents_added_later_take_new_letters(shape, added_to):
    items = _items(shape)
    sent = number_documents(items, frozen=False)  # what the notice showed, stored
    stored = [
        ItemDocuments(
            item.key, item.has_cover_note, [(k, sent.attachments[k]) for k, _ in item.attachments], sent.cover_notes.get(item.key, "")
        )
        for item in items
    ]
    later = list(stored)
    for n, index in enumerate(added_to):
        if index < len(later):
            item = later[index]
            later[index] = ItemDocuments(item.key, item.has_cover_note, [*item.attachments, (f"new{n}", "")], item.cover_label)
    labels = number_documents(later, frozen=True)
    for key, label in sent.attachments.items():
        assert labels.attachments[key] == label
    for key, label in sent.cover_notes.items():
        assert labels.cover_notes[key] == label
    every = list(labels.attachments.values()) + list(labels.cover_notes.values())
    assert len(every) == len(set(every))
    for item in later:  # a later document has its item's number, after its letters
        new = [labels.attachments[k] for k, _ in item.attachments if str(k).startswith("new")]
        old = [parse_label(sent.attachments[k]) for k, _ in item.attachments if k in sent.attachments]
        if old and new:
            assert all(parse_label(label)[0] == old[0][0] for label in new)
            assert min(parse_label(label)[1] for label in new) > max(index for _, index in old)


def test_the_demo_keeps_the_seeds_labels(demo):
    labels = [label for _, label in seed_labels(demo)]
    assert labels == [f"Vedlegg {n}" for n in range(1, 4)] + ["Vedlegg 4", "Vedlegg 4A", "Vedlegg 5", "Vedlegg 5A"] + [
        f"Vedlegg {n}" for n in range(6, 13)
    ]


def test_labels_follow_the_agenda_until_the_notice_and_then_are_frozen(archive, tmp_path):
    body = archive.members.add_body("NUIT", "Prioriteringsutvalget")
    meeting = archive.meetings.create(body.stored_id, dt.date(2024, 3, 7), dt.time(9), dt.time(15), standard_items=False)
    first = archive.agenda.add_item(meeting.stored_id, m.AgendaItem(meeting_id=meeting.stored_id, title="Første"))
    second = archive.agenda.add_item(meeting.stored_id, m.AgendaItem(meeting_id=meeting.stored_id, title="Andre"))
    for name in ("a.pdf", "b.pdf"):
        archive.files.attach_bytes(second.stored_id, PDF + name.encode(), name)
    memo = archive.files.attach_bytes(first.stored_id, PDF, "notat.docx")
    assert [a.label for a in archive.agenda.attachments(first.stored_id)] == ["Vedlegg 1"]
    assert [a.label for a in archive.agenda.attachments(second.stored_id)] == ["Vedlegg 2", "Vedlegg 2A"]
    archive.agenda.move_item(second.stored_id, -1)  # before the notice, numbers follow the order
    assert [a.label for a in archive.agenda.attachments(second.stored_id)] == ["Vedlegg 1", "Vedlegg 1A"]
    archive.meetings.set_status(meeting.stored_id, m.MeetingStatus.NOTICE_SENT)
    stored = archive.store.find_by(m.Attachment, item_id=second.stored_id, order_by="position")
    assert [a.label for a in stored] == ["Vedlegg 1", "Vedlegg 1A"]  # written down as sent
    archive.agenda.move_item(second.stored_id, 1)
    archive.agenda.delete_attachment(stored[0].stored_id)
    late = archive.files.attach_bytes(second.stored_id, b"late", "sent.pdf")
    third = archive.agenda.add_item(meeting.stored_id, m.AgendaItem(meeting_id=meeting.stored_id, title="Tredje"))
    newest = archive.files.attach_bytes(third.stored_id, b"newest", "ny.pdf")
    assert [a.label for a in archive.agenda.attachments(second.stored_id)] == ["Vedlegg 1A", "Vedlegg 1B"]
    assert late.label == "Vedlegg 1B" and newest.label == "Vedlegg 3"
    assert [a.label for a in archive.agenda.attachments(memo.item_id)] == ["Vedlegg 2"]


def test_an_item_with_a_cover_note_numbers_its_files_after_it(archive):
    body = archive.members.add_body("NUIT", "Prioriteringsutvalget")
    meeting = archive.meetings.create(body.stored_id, dt.date(2024, 3, 7), dt.time(9), dt.time(15), standard_items=False)
    plain = archive.agenda.add_item(meeting.stored_id, m.AgendaItem(meeting_id=meeting.stored_id, title="Uten toppnotat"))
    covered = archive.agenda.add_item(
        meeting.stored_id, m.AgendaItem(meeting_id=meeting.stored_id, title="Med toppnotat", purpose="Hensikten er å drøfte.")
    )
    archive.files.attach_bytes(plain.stored_id, b"x", "x.pdf")
    archive.files.attach_bytes(covered.stored_id, b"y", "y.pdf")
    assert [a.label for a in archive.agenda.attachments(covered.stored_id)] == ["Vedlegg 2A"]  # «Vedlegg 2» is the cover note
    labels = meeting_labels(archive.store, archive.meetings.get(meeting.stored_id))
    assert labels.cover_notes == {covered.stored_id: "Vedlegg 2"}


# --- file names --------------------------------------------------------------------------


def test_file_names_are_the_seeds_and_safe_on_windows_and_onedrive():
    assert (
        attachment_file_name("Vedlegg 4A", "17/23", "Notat_Oppdrag om indikatorer TB 2023", "pdf")
        == "Vedlegg 4A_Sak 17-23_Notat_Oppdrag om indikatorer TB 2023.pdf"
    )
    name = attachment_file_name("Vedlegg 5", "18/23", 'Status: «veien» videre? <ja>|nei*/\\ "x". ', "docx")
    assert name == "Vedlegg 5_Sak 18-23_Status «veien» videre ja nei x.docx"
    assert len(attachment_file_name("Vedlegg 1", "1/24", "langt " * 100, "pdf")) <= 120
    assert attachment_file_name("CON", "", "", "") == "_CON"
    assert not set('<>:"/\\|?*') & set(attachment_file_name("Vedlegg 1", "1/24", "".join(map(chr, range(32))) + string.punctuation, "pdf"))


# --- keeping, exporting, carrying files -----------------------------------------------------


def test_a_file_attached_by_the_cli_is_kept_in_the_archive_and_exported_under_the_seeds_name(demo_path, tmp_path, capsys):
    source = tmp_path / "Forslag til måleindikatorer.pdf"
    source.write_bytes(PDF)
    assert main(["attach", "--db", str(demo_path), "--body", "NUIT", "--item", "17/23", str(source)]) == 0
    said = capsys.readouterr().out
    assert "Vedlegg 4B «Forslag til måleindikatorer»" in said and "NUIT 17/23" in said
    out = tmp_path / "pakke"
    assert main(["export", "attachments", "--db", str(demo_path), "--body", "NUIT", "--meeting", "2/2023", "--out", str(out)]) == 0
    written = out / "Vedlegg 4B_Sak 17-23_Forslag til måleindikatorer.pdf"
    assert written.read_bytes() == PDF
    archive = Archive.open(demo_path)
    try:
        stored = archive.store.conn.execute("SELECT sha256, size, content FROM attachment_files").fetchall()
        assert stored == [(hashlib.sha256(PDF).hexdigest(), len(PDF), PDF)]
    finally:
        archive.close()


@pytest.mark.parametrize(
    "args, message",
    [
        (["--body", "NUIT", "--item", "99/23", "FILE"], "Fant ikke sak 99/23"),
        (["--body", "NUIX", "--item", "17/23", "FILE"], "Fant ikke utvalget «NUIX»"),
        (["--body", "NUIT", "--item", "17/23", "MISSING"], "finnes ikke"),
        (["--body", "NUIT", "--item", "17/23", "FOLDER"], "er en mappe"),
        (["--body", "NUIT", "--item", "17/23", "EMPTY"], "er tom"),
    ],
)
def test_a_bad_item_body_or_file_is_one_line_exit_2_and_changes_nothing(demo_path, tmp_path, capsys, args, message):
    (tmp_path / "f.pdf").write_bytes(PDF)
    (tmp_path / "empty.pdf").write_bytes(b"")
    where = {"FILE": tmp_path / "f.pdf", "MISSING": tmp_path / "nope.pdf", "FOLDER": tmp_path, "EMPTY": tmp_path / "empty.pdf"}
    args = [str(where.get(a, a)) for a in args]
    before = digest(demo_path)
    capsys.readouterr()
    assert main(["attach", "--db", str(demo_path), *args]) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1
    assert digest(demo_path) == before


def test_a_file_over_the_limit_is_refused_and_nothing_is_stored(demo, tmp_path, monkeypatch):
    from nuit_tui.importers.bounded import InputRefused
    from nuit_tui.services import attachments

    monkeypatch.setattr(attachments, "FILE_MAX_BYTES", 10)
    big = tmp_path / "stor.pdf"
    big.write_bytes(PDF)
    item = demo.agenda.find_item("17/23", body_short_name="NUIT")
    with pytest.raises(InputRefused, match="større enn grensen.*ingenting ble lagt ved"):
        demo.files.attach_file(item.stored_id, big)
    assert demo.store.count(m.AttachmentFile) == 0
    assert len(demo.agenda.attachments(item.stored_id)) == 2


def test_the_same_content_is_kept_once_and_goes_when_its_last_attachment_goes(demo):
    items = [demo.agenda.find_item(ref, body_short_name="NUIT") for ref in ("16/23", "17/23")]
    first, second = (demo.files.attach_bytes(item.stored_id, PDF, "samme.pdf") for item in items)
    assert first.file_id == second.file_id and demo.store.count(m.AttachmentFile) == 1
    demo.agenda.delete_attachment(first.stored_id)
    assert demo.files.content(demo.files.labelled(second.stored_id)) == PDF
    demo.agenda.delete_attachment(second.stored_id)
    assert demo.store.count(m.AttachmentFile) == 0


def test_exempt_files_and_the_files_of_exempt_items_never_leave_in_a_public_package(demo, tmp_path):
    open_item = demo.agenda.find_item("16/23", body_short_name="NUIT")
    exempt_item = demo.agenda.find_item("23/23", body_short_name="NUIT")
    demo.agenda.update_item(exempt_item.model_copy(update={"exempt": True, "exempt_basis": "offl. § 14"}))
    demo.files.attach_bytes(open_item.stored_id, b"open", "Offentlig notat.pdf")
    demo.files.attach_bytes(open_item.stored_id, b"secret", "Budsjett Kvasar.pdf", exempt=True)
    demo.files.attach_bytes(exempt_item.stored_id, b"secret item", "NAV-avtale.docx")
    meeting = demo.meetings.find("NUIT", "2/2023")
    public = demo.files.meeting_files(meeting.stored_id, public=True)
    internal = demo.files.meeting_files(meeting.stored_id, public=False)
    assert [f.file_name for f in public] == ["Vedlegg 3A_Sak 16-23_Offentlig notat.pdf"]
    assert [(f.file_name, f.exempt) for f in internal] == [
        ("Vedlegg 3A_Sak 16-23_Offentlig notat.pdf", False),
        ("Vedlegg 3B_Sak 16-23_Budsjett Kvasar.pdf", True),
        ("Vedlegg 10A_Sak 23-23_NAV-avtale.docx", True),
    ]
    assert internal[2].media_type == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    written = demo.files.export_meeting_files(meeting.stored_id, tmp_path / "web", public=True)
    assert [p.name for p in written] == ["Vedlegg 3A_Sak 16-23_Offentlig notat.pdf"]
    assert sorted(p.name for p in (tmp_path / "web").iterdir()) == ["Vedlegg 3A_Sak 16-23_Offentlig notat.pdf"]


def test_a_backup_and_its_restore_carry_the_files(demo_path, tmp_path):
    from nuit_tui.services.backup import backup, restore

    archive = Archive.open(demo_path)
    item = archive.agenda.find_item("17/23", body_short_name="NUIT")
    archive.files.attach_bytes(item.stored_id, PDF, "notat.pdf")
    archive.close()
    copy = backup(demo_path, tmp_path / "kopi.sqlite")
    restored = tmp_path / "restored.sqlite"
    restore(copy, restored)
    archive = Archive.open(restored)
    try:
        attachment = next(a for a in archive.agenda.attachments(item.stored_id) if a.file_id is not None)
        assert archive.files.content(attachment) == PDF and attachment.file_name == "notat.pdf"
    finally:
        archive.close()


def test_the_json_export_carries_files_as_base64_checked_by_sha256_on_import(demo, tmp_path):
    item = demo.agenda.find_item("17/23", body_short_name="NUIT")
    demo.files.attach_bytes(item.stored_id, PDF, "notat.pdf", title="Notat")
    document = json.loads(export_json(demo))
    [stored] = document["attachment_files"]
    assert base64.b64decode(stored["content"]) == PDF
    assert stored["sha256"] == hashlib.sha256(PDF).hexdigest() and stored["size"] == len(PDF)

    target = Archive.open(tmp_path / "kopi.sqlite")
    try:
        import_json(target, json.dumps(document))
        attachment = next(a for a in target.agenda.attachments(item.stored_id) if a.file_id is not None)
        assert target.files.content(attachment) == PDF and attachment.title == "Notat"
    finally:
        target.close()

    damaged = json.loads(json.dumps(document))
    damaged["attachment_files"][0]["content"] = base64.b64encode(PDF + b"!").decode()
    for broken, message in ((damaged, "sha256|size"), ({**document, "attachment_files": [{**stored, "content": "ikke base64!"}]}, "base64")):
        target = Archive.open(tmp_path / f"ny-{message[:4]}.sqlite")
        try:
            with pytest.raises(ImportRejected, match=message):
                import_json(target, json.dumps(broken))
            assert target.store.is_empty()
        finally:
            target.close()


def test_an_item_deleted_and_put_back_by_undo_has_its_file_again(demo):
    item = demo.agenda.find_item("17/23", body_short_name="NUIT")
    attached = demo.files.attach_bytes(item.stored_id, PDF, "notat.pdf")
    deletion = demo.undo.delete_item(item.stored_id, "sak 17/23")
    assert demo.store.count(m.Attachment, "item_id = ?", [item.stored_id]) == 0
    demo.undo.restore(deletion)
    assert demo.files.content(demo.files.labelled(attached.stored_id)) == PDF
