"""The notice ready to send (issue 15.6): an .eml draft Outlook opens as unsent, to the
members and substitutes with an address, with the notice and the files; the same for
approved minutes. Read back with Python's `email` package."""

from __future__ import annotations

import email
import io
from email import policy

import pypdf
import pytest

from conftest import digest
from nuit_tui.cli import main
from nuit_tui.domain import models as m
from nuit_tui.services import Archive

PDF = b"%PDF-1.4\n%\xe6\xf8\xe5 stand-in\n%%EOF\n"
SECRET = "Budsjettnotat Kvasar"


def parse(path):
    return email.message_from_bytes(path.read_bytes(), policy=policy.default)


def give_addresses(archive: Archive) -> dict[str, str]:
    """Addresses for every NUIT member and the substitute but two members; one of those
    has an address that cannot be one. The secretariat gets one too (it is not mailed)."""
    meeting = archive.meetings.find("NUIT", "2/2023")
    given = {}
    memberships = archive.members.members_on(meeting.body_id, meeting.date)
    without = [ms.person_id for ms in memberships if ms.role is m.MembershipRole.MEMBER][:2]
    for n, membership in enumerate(memberships):
        person = archive.members.person(membership.person_id)
        if membership.person_id == without[0]:
            continue
        address = "ikke en adresse" if membership.person_id == without[1] else f"person{n}@example.no"
        archive.store.update(person.model_copy(update={"email": address}))
        if membership.role in (m.MembershipRole.MEMBER, m.MembershipRole.SUBSTITUTE) and "@" in address:
            given[address] = person.name
    return given


def test_the_notice_draft_goes_to_members_and_substitutes_with_an_address_and_carries_the_notice_and_files(demo_path, tmp_path, capsys):
    archive = Archive.open(demo_path)
    given = give_addresses(archive)
    item = archive.agenda.find_item("17/23", body_short_name="NUIT")
    archive.files.attach_bytes(item.stored_id, PDF, "Forslag til måleindikatorer.pdf")
    meeting = archive.meetings.find("NUIT", "2/2023")
    substitute = next(ms for ms in archive.members.members_on(meeting.body_id, meeting.date) if ms.role is m.MembershipRole.SUBSTITUTE)
    substitute_name = archive.members.person(substitute.person_id).name
    archive.close()
    out = tmp_path / "innkalling.eml"
    assert main(["mail", "notice", "--db", str(demo_path), "--body", "NUIT", "--meeting", "2/2023", "--out", str(out)]) == 0
    streams = capsys.readouterr()
    assert streams.out.strip() == str(out)
    assert streams.err.startswith("Uten e-postadresse (ikke med i utkastet): ") and streams.err.count(",") == 1

    message = parse(out)
    assert message["X-Unsent"] == "1"
    assert message["Subject"] == "Innkalling til NUIT møte 2/2023 – 25. mai 2023"
    to = {address.addr_spec: address.display_name for address in message["To"].addresses}
    assert to == given and substitute_name in to.values()
    text = message.get_body(("plain",)).get_content()
    assert "Dato: torsdag 25. mai 2023" in text and "Tid: kl. 09.00–15.45" in text
    assert "Sted: Direktoratet for e-helse, Verkstedveien 1, Oslo. Møterom 4117" in text
    assert "Vedlegg 4A: Notat_Oppdrag om indikatorer TB 2023 (https://www.ehelse.no/" in text  # a link, named
    # The package as separate files: the notice, then per item its cover note and its files.
    parts = {part.get_filename(): part for part in message.iter_attachments()}
    names = list(parts)
    assert names[0] == "Innkalling_NUIT møte 2-2023.pdf"
    seventeen = [name for name in names if "Sak 17-23" in name]
    assert seventeen == [
        "Vedlegg 4_Sak 17-23_Toppnotat Forslag til måleindikatorer til Nasjonal helse- og samhandlingsplan.pdf",
        "Vedlegg 4B_Sak 17-23_Forslag til måleindikatorer.pdf",
    ]
    assert parts["Vedlegg 4B_Sak 17-23_Forslag til måleindikatorer.pdf"].get_content() == PDF
    assert parts["Vedlegg 4B_Sak 17-23_Forslag til måleindikatorer.pdf"]["Content-Transfer-Encoding"] == "base64"
    notice = pypdf.PdfReader(io.BytesIO(parts["Innkalling_NUIT møte 2-2023.pdf"].get_content()))
    assert "Godkjenning av innkalling og dagsorden" in "".join(page.extract_text() for page in notice.pages)


def test_a_public_draft_has_nothing_exempt_in_its_subject_text_or_parts(demo):
    from nuit_tui.exporters import registry
    from nuit_tui.services.mail import build_mail

    open_item = demo.agenda.find_item("16/23", body_short_name="NUIT")
    exempt_item = demo.agenda.find_item("23/23", body_short_name="NUIT")
    demo.agenda.update_item(exempt_item.model_copy(update={"exempt": True, "exempt_basis": "offl. § 14", "title_exempt": True}))
    demo.files.attach_bytes(open_item.stored_id, b"open", "Offentlig.pdf")
    demo.files.attach_bytes(open_item.stored_id, b"exempt-bytes", f"{SECRET}.pdf", exempt=True)
    demo.files.attach_bytes(exempt_item.stored_id, b"exempt-item-bytes", "NAV-avtale.pdf")
    demo.agenda.add_attachment(m.Attachment(item_id=open_item.stored_id, title="Lenket hemmelighet", location="https://intern.example/x", exempt=True))
    meeting = demo.meetings.find("NUIT", "2/2023")

    public = email.message_from_bytes(registry.render(build_mail(demo, meeting.stored_id, "notice", public=True), "eml"), policy=policy.default)
    names = [part.get_filename() for part in public.iter_attachments()]
    assert names[0] == "Innkalling_NUIT møte 2-2023.pdf" and "Vedlegg 3A_Sak 16-23_Offentlig.pdf" in names
    assert not [name for name in names if "23-23" in name]  # the exempt item brings nothing
    raw = public.as_bytes()
    for secret in (SECRET.encode(), b"exempt-bytes", b"exempt-item-bytes", b"NAV-avtale", b"Lenket hemmelighet", b"intern.example"):
        assert secret not in raw
    notice = public.get_payload()[1].get_content()
    notice_text = "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(notice)).pages)
    assert "Informasjonsutveksling mellom NAV" not in notice_text

    # The internal draft carries it (its files as the package has them: the whole draft again,
    # every cover note laid out as PDF once more, took five seconds of the suite).
    from nuit_tui.services.package import package_items

    internal = [f.file_name for entry in package_items(demo, meeting.stored_id, public=False) for f in entry.files]
    assert f"Vedlegg 3B_Sak 16-23_{SECRET}.pdf" in internal


def test_minutes_are_mailed_only_once_approved(demo_path, tmp_path, capsys):
    out = tmp_path / "referat.eml"
    before = digest(demo_path)
    assert main(["mail", "minutes", "--db", str(demo_path), "--body", "NUIT", "--meeting", "1/2023", "--out", str(out)]) == 2
    assert "er ikke godkjent ennå" in capsys.readouterr().err and not out.exists()
    assert digest(demo_path) == before
    archive = Archive.open(demo_path)
    meeting = archive.meetings.find("NUIT", "1/2023")
    archive.meetings.set_status(meeting.stored_id, m.MeetingStatus.MINUTES_APPROVED)
    archive.close()
    assert main(["mail", "minutes", "--db", str(demo_path), "--body", "NUIT", "--meeting", "1/2023", "--out", str(out)]) == 0
    message = parse(out)
    assert message["Subject"] == "Referat fra NUIT møte 1/2023 – 16. februar 2023" and message["X-Unsent"] == "1"
    assert [part.get_filename() for part in message.iter_attachments()] == ["NUIT-2023-1-referat.docx"]
    assert "Vedlagt følger godkjent referat fra NUIT møte 1/2023." in message.get_body(("plain",)).get_content()


@pytest.mark.parametrize("args", [["--body", "NUIT", "--meeting", "9/2023"], ["--body", "NUIX", "--meeting", "2/2023"]])
def test_a_draft_of_a_meeting_that_is_not_there_is_one_line_and_exit_2(demo_path, tmp_path, capsys, args):
    assert main(["mail", "notice", "--db", str(demo_path), *args, "--out", str(tmp_path / "x.eml")]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1 and not (tmp_path / "x.eml").exists()
