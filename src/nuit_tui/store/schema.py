"""The schema as ordered migrations (sqlite-utils' Migrations).

Never edit a migration that has shipped: add a new one. Each runs in a
transaction with the record of it having run. Open databases made by an older
nuit-tui are migrated at open, after a verified backup (see connection.py).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import sqlite_utils


class LazyMigrations:
    """sqlite-utils' Migrations, made when first used (applying, listing what is applied).

    Importing sqlite-utils (and click with it) is a large part of the app's start, and
    an archive that is up to date never needs it: its names are known without it.
    """

    def __init__(self, name: str):
        self.name = name
        self._steps: list[tuple[str, Callable, bool]] = []
        self._made: Any = None

    def __call__(self, *, name: str, transactional: bool = True) -> Callable:
        def register(fn: Callable) -> Callable:
            self._steps.append((name, fn, transactional))
            self._made = None
            return fn

        return register

    @property
    def names(self) -> list[str]:
        return [name for name, _, _ in self._steps]

    def __getattr__(self, attribute: str) -> Any:
        if self._made is None:
            from sqlite_utils import Migrations

            made = Migrations(self.name)
            for name, fn, transactional in self._steps:
                made(name=name, transactional=transactional)(fn)
            self._made = made
        return getattr(self._made, attribute)


def _script(db: sqlite_utils.Database, sql: str) -> None:
    """`db.executescript(sql)`, split into statements at each «;» that ends one (a
    trigger's body holds several): sqlite-utils splits a script in a transaction one
    character at a time, joining the statement so far at each, half of a new archive's
    110 ms, paid by the app's first start and by every test's archive."""
    if not db.conn.in_transaction:
        db.conn.executescript(sql)
        return
    cursor, pending = db.conn.cursor(), ""
    for piece in sql.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \t\n;"):
                cursor.execute(pending)
            pending = ""


MIGRATION_SET = "nuit_tui"
migrations = LazyMigrations(MIGRATION_SET)

# 'NUIT' as a 32-bit integer in the file header: tells our files from others.
APPLICATION_ID = 0x4E554954

_VERSIONED = """
    row_version INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT
"""


@migrations(name="0001_core")
def _core(db: sqlite_utils.Database) -> None:
    _script(db, f"""
        CREATE TABLE meta (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        CREATE TABLE bodies (
            id INTEGER PRIMARY KEY,
            short_name TEXT NOT NULL UNIQUE COLLATE NOCASE,
            name TEXT NOT NULL,
            position INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE organizations (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            short_name TEXT
        );
        CREATE TABLE people (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            organization_id INTEGER REFERENCES organizations(id) ON DELETE SET NULL,
            email TEXT
        );
        CREATE INDEX people_name ON people(name);
        CREATE TABLE memberships (
            id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            body_id INTEGER NOT NULL REFERENCES bodies(id) ON DELETE CASCADE,
            role TEXT NOT NULL CHECK (role IN ('member','substitute','secretariat','observer')),
            organization_id INTEGER REFERENCES organizations(id) ON DELETE SET NULL,
            substitute_for_person_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
            valid_from TEXT,
            valid_to TEXT,
            position INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX memberships_body ON memberships(body_id, position);
        CREATE TABLE meetings (
            id INTEGER PRIMARY KEY,
            body_id INTEGER NOT NULL REFERENCES bodies(id) ON DELETE RESTRICT,
            year INTEGER NOT NULL,
            number INTEGER NOT NULL,
            date TEXT NOT NULL,
            start_time TEXT NOT NULL,
            end_time TEXT NOT NULL,
            location TEXT,
            video_link TEXT,
            status TEXT NOT NULL DEFAULT 'planned'
                CHECK (status IN ('planned','notice_sent','held','minutes_approved','cancelled')),
            {_VERSIONED},
            UNIQUE (body_id, year, number)
        );
        CREATE INDEX meetings_by_date ON meetings(body_id, date DESC, id DESC);
        CREATE INDEX meetings_all_by_date ON meetings(date DESC, id DESC);
        CREATE TABLE agenda_items (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
            kind TEXT NOT NULL DEFAULT 'item' CHECK (kind IN ('item','break')),
            position INTEGER NOT NULL DEFAULT 0,
            case_year INTEGER,
            case_seq INTEGER,
            number_locked INTEGER NOT NULL DEFAULT 0,
            title TEXT NOT NULL DEFAULT '',
            item_type TEXT CHECK (item_type IN
                ('Godkjenning','Orientering','Drøfting','Anbefaling','Beslutning')),
            duration_minutes INTEGER NOT NULL DEFAULT 0,
            fixed_start TEXT,
            description TEXT NOT NULL DEFAULT '',
            purpose TEXT NOT NULL DEFAULT '',
            background TEXT NOT NULL DEFAULT '',
            proposed_decision TEXT NOT NULL DEFAULT '',
            decision TEXT NOT NULL DEFAULT '',
            narrative TEXT NOT NULL DEFAULT '',
            state TEXT NOT NULL DEFAULT 'planned'
                CHECK (state IN ('planned','handled','deferred','withdrawn')),
            exempt INTEGER NOT NULL DEFAULT 0,
            exempt_basis TEXT,
            title_exempt INTEGER NOT NULL DEFAULT 0,
            deferred_from_id INTEGER REFERENCES agenda_items(id) ON DELETE SET NULL,
            started_at TEXT,
            ended_at TEXT,
            {_VERSIONED}
        );
        CREATE INDEX agenda_items_meeting ON agenda_items(meeting_id, position);
        CREATE INDEX agenda_items_case ON agenda_items(case_year, case_seq);
        CREATE TABLE item_people (
            id INTEGER PRIMARY KEY,
            item_id INTEGER NOT NULL REFERENCES agenda_items(id) ON DELETE CASCADE,
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            role TEXT NOT NULL CHECK (role IN ('presenter','case_officer')),
            position INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX item_people_item ON item_people(item_id, role, position);
        CREATE TABLE attachments (
            id INTEGER PRIMARY KEY,
            item_id INTEGER NOT NULL REFERENCES agenda_items(id) ON DELETE CASCADE,
            label TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL DEFAULT '',
            location TEXT,
            position INTEGER NOT NULL DEFAULT 0,
            exempt INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX attachments_item ON attachments(item_id, position);
        CREATE TABLE item_links (
            id INTEGER PRIMARY KEY,
            item_id INTEGER NOT NULL REFERENCES agenda_items(id) ON DELETE CASCADE,
            earlier_item_id INTEGER NOT NULL REFERENCES agenda_items(id) ON DELETE CASCADE,
            position INTEGER NOT NULL DEFAULT 0,
            UNIQUE (item_id, earlier_item_id)
        );
        """
    )


@migrations(name="0002_minutes")
def _minutes(db: sqlite_utils.Database) -> None:
    """What happens in the meeting room: attendance, remarks, follow-ups."""
    _script(db, f"""
        CREATE TABLE attendance (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE RESTRICT,
            role TEXT NOT NULL CHECK (role IN ('member','substitute','secretariat','guest','observer')),
            status TEXT NOT NULL CHECK (status IN
                ('present','absent_with_notice','absent_without_notice')),
            remote INTEGER NOT NULL DEFAULT 0,
            organization_id INTEGER REFERENCES organizations(id) ON DELETE SET NULL,
            substitute_for_person_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
            arrived_at TEXT,
            left_at TEXT,
            position INTEGER NOT NULL DEFAULT 0,
            note TEXT NOT NULL DEFAULT '',
            {_VERSIONED},
            UNIQUE (meeting_id, person_id)
        );
        CREATE TABLE remarks (
            id INTEGER PRIMARY KEY,
            item_id INTEGER NOT NULL REFERENCES agenda_items(id) ON DELETE CASCADE,
            speaker TEXT NOT NULL DEFAULT '',
            organization_id INTEGER REFERENCES organizations(id) ON DELETE SET NULL,
            person_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
            text TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL DEFAULT 0,
            made_at TEXT,
            {_VERSIONED}
        );
        CREATE INDEX remarks_item ON remarks(item_id, position);
        CREATE TABLE follow_ups (
            id INTEGER PRIMARY KEY,
            item_id INTEGER REFERENCES agenda_items(id) ON DELETE SET NULL,
            description TEXT NOT NULL,
            responsible TEXT NOT NULL DEFAULT '',
            responsible_organization_id INTEGER REFERENCES organizations(id) ON DELETE SET NULL,
            responsible_person_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
            due_date TEXT,
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','done')),
            closed_on TEXT,
            closing_note TEXT NOT NULL DEFAULT '',
            {_VERSIONED}
        );
        CREATE INDEX follow_ups_item ON follow_ups(item_id);
        CREATE TABLE minutes_unlocks (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
            unlocked_at TEXT NOT NULL,
            reason TEXT NOT NULL DEFAULT '',
            relocked_at TEXT
        );
        CREATE INDEX follow_ups_open ON follow_ups(status, due_date);
        """
    )


@migrations(name="0003_year_plan")
def _year_plan(db: sqlite_utils.Database) -> None:
    """The årshjul's deadlines."""
    _script(db, f"""
        CREATE TABLE deadlines (
            id INTEGER PRIMARY KEY,
            body_id INTEGER REFERENCES bodies(id) ON DELETE CASCADE,
            date TEXT NOT NULL,
            title TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            category TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT '',
            responsible TEXT NOT NULL DEFAULT '',
            reminder_days INTEGER,
            exempt INTEGER NOT NULL DEFAULT 0,
            original_text TEXT NOT NULL DEFAULT '',
            {_VERSIONED}
        );
        CREATE INDEX deadlines_by_date ON deadlines(date, id);
        CREATE INDEX deadlines_body ON deadlines(body_id, date);
        """
    )


@migrations(name="0008_deadline_rules")
def _deadline_rules(db: sqlite_utils.Database) -> None:
    """Deadlines relative to meetings or other deadlines; their dates are derived."""
    _script(db, f"""
        CREATE TABLE deadline_rules (
            id INTEGER PRIMARY KEY,
            body_id INTEGER REFERENCES bodies(id) ON DELETE CASCADE,
            title TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            category TEXT NOT NULL DEFAULT '',
            responsible TEXT NOT NULL DEFAULT '',
            offset_days INTEGER NOT NULL,
            anchor TEXT NOT NULL CHECK (anchor IN ('meetings','deadlines')),
            anchor_body_id INTEGER REFERENCES bodies(id) ON DELETE CASCADE,
            anchor_text TEXT NOT NULL DEFAULT '',
            exempt INTEGER NOT NULL DEFAULT 0,
            {_VERSIONED}
        );
        """
    )


@migrations(name="0004_calendar_events")
def _calendar_events(db: sqlite_utils.Database) -> None:
    """What each event of an exported calendar looked like last time, per version
    (internal or public): its SEQUENCE and LAST-MODIFIED move only when it changes."""
    _script(db, """
        CREATE TABLE calendar_events (
            uid TEXT NOT NULL,
            variant TEXT NOT NULL CHECK (variant IN ('internal','public')),
            content_hash TEXT NOT NULL,
            sequence INTEGER NOT NULL DEFAULT 0,
            last_modified TEXT NOT NULL,
            PRIMARY KEY (uid, variant)
        ) WITHOUT ROWID;
        """
    )


@migrations(name="0006_search")
def _search(db: sqlite_utils.Database) -> None:
    """Full-text search (FTS5, trigram) over items, remarks and follow-ups, kept in
    step by triggers; created after any table rebuild above, and filled from the tables."""
    from .search import install

    install(db.conn)


@migrations(name="0007_attachment_files")
def _attachment_files(db: sqlite_utils.Database) -> None:
    """Attachments as files kept inside the archive: the bytes once per content (by
    SHA-256), the attachment row pointing at them with its own file name and media type,
    so that backups, restore and the JSON export carry them."""
    _script(db, """
        CREATE TABLE attachment_files (
            id INTEGER PRIMARY KEY,
            sha256 TEXT NOT NULL UNIQUE,
            size INTEGER NOT NULL,
            content BLOB NOT NULL
        );
        ALTER TABLE attachments ADD COLUMN file_id INTEGER REFERENCES attachment_files(id) ON DELETE RESTRICT;
        ALTER TABLE attachments ADD COLUMN file_name TEXT;
        ALTER TABLE attachments ADD COLUMN media_type TEXT;
        CREATE INDEX attachments_file ON attachments(file_id);
        """
    )


@migrations(name="0008_cover_notes")
def _cover_notes(db: sqlite_utils.Database) -> None:
    """The cover note (toppnotat) of an item: its «Fra», its own sections, the earlier
    decisions the archive does not hold, and «Ingen»/«N/A» for an empty table.
    Columns added, never a table rebuilt: the search triggers of 0006 hang on agenda_items."""
    _script(db, f"""
        ALTER TABLE agenda_items ADD COLUMN submitted_by TEXT NOT NULL DEFAULT '';
        ALTER TABLE agenda_items ADD COLUMN earlier_intro TEXT NOT NULL DEFAULT '';
        ALTER TABLE agenda_items ADD COLUMN earlier_none TEXT NOT NULL DEFAULT ''
            CHECK (earlier_none IN ('', 'Ingen', 'N/A'));
        CREATE TABLE cover_sections (
            id INTEGER PRIMARY KEY,
            item_id INTEGER NOT NULL REFERENCES agenda_items(id) ON DELETE CASCADE,
            heading TEXT NOT NULL,
            text TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL DEFAULT 0,
            {_VERSIONED}
        );
        CREATE INDEX cover_sections_item ON cover_sections(item_id, position);
        CREATE TABLE external_decisions (
            id INTEGER PRIMARY KEY,
            item_id INTEGER NOT NULL REFERENCES agenda_items(id) ON DELETE CASCADE,
            citation TEXT NOT NULL,
            decided_on TEXT,
            topic TEXT NOT NULL DEFAULT '',
            decision TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL DEFAULT 0,
            exempt INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX external_decisions_item ON external_decisions(item_id, position);
        """
    )


@migrations(name="0009_body_templates")
def _body_templates(db: sqlite_utils.Database) -> None:
    """A body's Word template (letterhead, logo, styles, header, footer), kept in the archive
    so that backups and every secretary's exports carry it; at most one per body."""
    _script(db, """
        CREATE TABLE body_templates (
            body_id INTEGER PRIMARY KEY REFERENCES bodies(id) ON DELETE CASCADE,
            file_name TEXT NOT NULL,
            content BLOB NOT NULL,
            updated_at TEXT NOT NULL
        );
        """
    )


def migration_names() -> list[str]:
    """Every migration this version of nuit-tui knows, in order."""
    return migrations.names


@migrations(name="0011_checkouts")
def _checkouts(db: sqlite_utils.Database) -> None:
    """Meetings taken out to a laptop and brought back (store/checkout_log.py, checkin.py).

    `checkouts`: on the shared archive, who took which meeting out, when, and whether
    it is back. `checkout_base`: in a laptop's copy only, the checkout it was made for.
    `checkout_rows`: in a laptop's copy only, the base — each row the laptop changed,
    as it was at checkout (JSON; NULL for a row made on the laptop), written by the
    triggers the checkout puts in the copy. `checkin_ids`: the id a row made on the
    laptop got on the shared archive, so a second checkin of the same file finds it.
    `checkin_conflicts`: fields both sides changed since the checkout, kept until
    someone chooses (values untyped: stored as they were)."""
    _script(db, """
        CREATE TABLE checkouts (
            id INTEGER PRIMARY KEY,
            token TEXT NOT NULL UNIQUE,
            meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
            taken_by TEXT NOT NULL,
            host TEXT NOT NULL DEFAULT '',
            taken_at TEXT NOT NULL,
            file TEXT NOT NULL DEFAULT '',
            checked_in_at TEXT
        );
        CREATE INDEX checkouts_meeting ON checkouts(meeting_id, checked_in_at);
        CREATE TABLE checkout_base (
            token TEXT PRIMARY KEY,
            meeting_id INTEGER NOT NULL,
            taken_at TEXT NOT NULL
        );
        CREATE TABLE checkout_rows (
            table_name TEXT NOT NULL,
            row_id INTEGER NOT NULL,
            image TEXT,
            PRIMARY KEY (table_name, row_id)
        ) WITHOUT ROWID;
        CREATE TABLE checkin_ids (
            token TEXT NOT NULL,
            table_name TEXT NOT NULL,
            laptop_id INTEGER NOT NULL,
            shared_id INTEGER NOT NULL,
            PRIMARY KEY (token, table_name, laptop_id)
        ) WITHOUT ROWID;
        CREATE TABLE checkin_conflicts (
            id INTEGER PRIMARY KEY,
            token TEXT NOT NULL,
            meeting_id INTEGER REFERENCES meetings(id) ON DELETE CASCADE,
            table_name TEXT NOT NULL,
            row_id INTEGER NOT NULL,
            field TEXT NOT NULL,
            base_value,
            shared_value,
            laptop_value,
            found_at TEXT NOT NULL,
            resolved_at TEXT,
            resolution TEXT CHECK (resolution IN ('laptop','shared')),
            UNIQUE (token, table_name, row_id, field)
        );
        CREATE INDEX checkin_conflicts_meeting ON checkin_conflicts(meeting_id, resolved_at);
        """
    )


@migrations(name="0012_search_hits")
def _search_hits(db: sqlite_utils.Database) -> None:
    """What a search hit shows of its item, in an index of its own (store/search_query.py):
    the item's state and exemption come after its long texts in the row, so reading them
    from the table read each long row's overflow pages, a fifth of a search's time."""
    _script(db, """
        CREATE INDEX agenda_items_search_hit
            ON agenda_items(id, meeting_id, position, title, case_year, case_seq, exempt, title_exempt, state);
        """
    )


@migrations(name="0013_meeting_positions")
def _meeting_positions(db: sqlite_utils.Database) -> None:
    """Where meeting mode is in a meeting being held: the item taken up last and when (to
    the second), so that a restart after a crash comes back to it with its clock running.
    One row per meeting; the file's own bookkeeping, not minutes (a checkin leaves it)."""
    _script(db, """
        CREATE TABLE meeting_positions (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL UNIQUE REFERENCES meetings(id) ON DELETE CASCADE,
            item_id INTEGER REFERENCES agenda_items(id) ON DELETE SET NULL,
            taken_up_at TEXT NOT NULL
        );
        """
    )
