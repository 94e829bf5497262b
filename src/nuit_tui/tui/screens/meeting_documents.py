"""A meeting's documents: the notice, the minutes, the e-mail draft and the meeting package,
each chosen in its dialog and written in a worker. The agenda's keys (i, r, b, a) and the
palette's «Innkalling: NUIT 2/2023 (25. mai 2023)» on the meeting list call these same
functions with the screen they are on, so that both do the same and the dialogs close back
onto that screen."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ...domain import models as m
from ...domain.norwegian import long_date
from ...errors import StoreError

if TYPE_CHECKING:
    from ...services import Archive
    from .base import ArchiveScreen


def meeting_name(archive: Archive, meeting_id: int) -> str:
    """«NUIT 2/2023 (25. mai 2023)»: which meeting, where the screen does not say it."""
    meeting = archive.meetings.get(meeting_id)
    body = archive.members.body_by_id(meeting.body_id)
    return f"{body.short_name} {meeting.ref} ({long_date(meeting.date)})"


def export_notice(screen: ArchiveScreen, meeting_id: int) -> None:
    """The notice, in the format and openness chosen."""
    from .export_form import ExportFormScreen

    def chosen(choice: tuple[str, bool] | None) -> None:
        if choice is not None:
            _export(screen, meeting_id, *choice, document="notice")

    screen.app.push_screen(ExportFormScreen("Innkalling", meeting=meeting_name(screen.archive, meeting_id)), chosen)


def export_minutes(screen: ArchiveScreen, meeting_id: int, *, open_agenda: Callable[[], object] | None = None) -> None:
    """Check the minutes first; problems are listed, and export is still possible.
    `open_agenda`: given away from the meeting's agenda (the palette), the check offers
    it (g) to put the minutes right there."""
    from ...services.minutes import check_minutes
    from .export_form import ExportFormScreen
    from .minutes_check import MinutesCheckScreen

    name = meeting_name(screen.archive, meeting_id)

    def chosen(choice: tuple[str, bool] | None) -> None:
        if choice is not None:
            _export(screen, meeting_id, *choice, document="minutes")

    def go_on(yes: bool | None) -> None:
        if yes:
            screen.app.push_screen(ExportFormScreen("Referat", meeting=name), chosen)

    problems = check_minutes(screen.archive, meeting_id)
    if problems:
        blocking, notes = [str(p) for p in problems if p.blocking], [str(p) for p in problems if not p.blocking]
        screen.app.push_screen(MinutesCheckScreen(blocking, notes, meeting=name, to_agenda=open_agenda), go_on)
    else:
        go_on(True)


PACKAGE_FORMATS = [("PDF, én fil med bokmerker (.pdf)", "pdf"), ("Zip med enkeltfiler (.zip)", "zip")]


def export_package(screen: ArchiveScreen, meeting_id: int) -> None:
    """The meeting package (the notice, then each item's cover note and files): one PDF or
    a zip of single files, public or not; what it holds is the package service's rule."""
    from .export_form import ExportFormScreen

    def chosen(choice: tuple[str, bool] | None) -> None:
        if choice is not None:
            _export(screen, meeting_id, *choice, document="package")

    name = meeting_name(screen.archive, meeting_id)
    screen.app.push_screen(ExportFormScreen("Møtepakke", formats=PACKAGE_FORMATS, meeting=name), chosen)


_WRITTEN = {"notice": "Innkallingen", "minutes": "Referatet", "package": "Møtepakken"}


def _exporter(document: str) -> Callable[..., Path]:
    # Imported on the worker's thread: the package's PDF libraries take most of a second.
    if document == "package":
        from ...services.package import export_package

        return export_package
    if document == "minutes":
        from ...services.minutes import export_minutes

        return export_minutes
    from ...services.notice import export_notice

    return export_notice


def _export(screen: ArchiveScreen, meeting_id: int, fmt: str, public: bool, document: str) -> None:
    from ...exporters import glyphs

    archive, app = screen.archive, screen.app
    what = _WRITTEN[document]

    def write() -> None:  # on a thread: a PDF takes a second or more, the package two
        try:
            export = _exporter(document)
            with glyphs.collecting() as missing:  # an emoji in a title: the PDF leaves it out
                path = export(archive, meeting_id, fmt=fmt, public=public)
        except (StoreError, ValueError, OSError) as exc:
            app.call_from_thread(app.notify, f"Eksporten feilet: {exc}", severity="error")
            return
        app.call_from_thread(app.notify, f"{what} er skrevet til {path}")
        if missing:
            app.call_from_thread(app.notify, glyphs.warning(missing), severity="warning")

    screen.run_worker(write, thread=True, exclusive=True, group="export")


def mail_draft(screen: ArchiveScreen, meeting_id: int) -> None:
    """The notice (before the meeting) or the approved minutes as an e-mail draft (.eml)
    in exports/, for Outlook; public or internal as chosen."""
    from .export_form import ExportFormScreen

    archive = screen.archive
    approved = archive.meetings.get(meeting_id).status is m.MeetingStatus.MINUTES_APPROVED
    kind = "minutes" if approved else "notice"

    def chosen(choice: tuple[str, bool] | None) -> None:
        if choice is not None:
            _write_mail(screen, meeting_id, kind, choice[1])

    what = "Referat (e-post)" if approved else "Innkalling (e-post)"
    formats = [("E-postutkast til Outlook (.eml)", "eml")]
    screen.app.push_screen(ExportFormScreen(what, formats=formats, meeting=meeting_name(archive, meeting_id)), chosen)


def _write_mail(screen: ArchiveScreen, meeting_id: int, kind: str, public: bool) -> None:
    from ...services.mail import write_mail

    archive, app = screen.archive, screen.app

    def write() -> None:
        try:
            result = write_mail(archive, meeting_id, kind, public=public)
        except (StoreError, ValueError, OSError) as exc:
            app.call_from_thread(app.notify, f"E-postutkastet ble ikke laget: {exc}", severity="error")
            return
        app.call_from_thread(
            app.notify, f"E-postutkastet ({result.recipients} mottakere, {result.parts} filer) er skrevet til {result.path}"
        )
        if result.missing:
            app.call_from_thread(
                app.notify,
                "Uten e-postadresse (ikke med i utkastet): " + ", ".join(result.missing),
                title="Mangler e-postadresse",
                severity="warning",
                timeout=15,
            )

    screen.run_worker(write, thread=True, exclusive=True, group="export")


@dataclass(frozen=True)
class Document:
    """A document action of a meeting as the palette offers it; its name and key are the
    agenda's binding for `action` (one name for the same thing in the footer and the palette)."""

    action: str
    help: str
    run: Callable[[ArchiveScreen, int], None]


DOCUMENTS = (
    Document("export_notice", "Eksporter innkallingen (Word, PDF, Markdown, HTML)", export_notice),
    Document("export_minutes", "Sjekk og eksporter referatet (Word, PDF, Markdown, HTML)", export_minutes),
    Document("mail_draft", "Innkallingen, eller det godkjente referatet, som e-postutkast til Outlook", mail_draft),
    Document("export_package", "Innkallingen og sakenes toppnotater og vedlegg, som én PDF eller en zip", export_package),
)
