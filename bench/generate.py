"""A synthetic archive for the benchmark: decades of meetings with Norwegian text.

    python bench/generate.py [--scale N] [--out FILE] [--seed S]

Scale 1 (the default) is 4 bodies × 30 years × 6 meetings × 20 cases (14,400
items) with a lunch break in each meeting, 5 remarks per item, a presenter per
item, attendance for the body's 20 members, a follow-up per meeting and 10,000
deadlines, a tenth of them shared by all bodies. Scale N has N times as many bodies
(so N times everything that belongs to a body; the shared deadlines stay 1,000); a
scale below 1 keeps one body and fewer years (0.01: one body, one year).

The rows go in by plain SQL (executemany, one transaction per table) through the
store's own connection, after the store has created the schema; the search
index's triggers are lifted meanwhile and the index is rebuilt once at the end.
Every row is one the app's pydantic models accept (tests/test_bench_smoke.py
validates a generated file). Text is sampled from the demo's real minutes plus
phrase lists, with a seeded RNG: the same scale and seed give the same archive.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import random
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

GENERATOR_VERSION = "5"  # 5: archives made with migration 0012 (a migration at every open would time it)
OUT_DIR = Path(__file__).resolve().parent / "out"

# --- the archive's shape ------------------------------------------------------------------


@dataclass(frozen=True)
class Shape:
    bodies: int
    years: int
    meetings_per_year: int = 6
    items_per_meeting: int = 20
    remarks_per_item: int = 5
    members: int = 20
    deadlines: int = 10_000

    @property
    def meetings(self) -> int:
        return self.bodies * self.years * self.meetings_per_year

    @property
    def items(self) -> int:
        return self.meetings * self.items_per_meeting


def shape(scale: float) -> Shape:
    """Scale ≥ 1 multiplies the bodies; below 1 it cuts bodies, then years."""
    if scale <= 0:
        raise ValueError("scale must be positive")
    bodies = max(1, round(4 * scale))
    years = max(1, min(30, round(30 * 4 * scale / bodies)))
    return Shape(bodies=bodies, years=years, deadlines=max(10, round(10_000 * scale)))


# --- words --------------------------------------------------------------------------------

FIRST_NAMES = (
    "Anne Kari Ingrid Marit Hilde Silje Ida Nora Emma Sara Tone Bente Hege Randi Liv Eli Gro Solveig "
    "Astrid Kristin Camilla Marianne Trine Heidi Ragnhild Sigrid Maren Ingeborg Tuva Åse Øydis "
    "Ole Per Jan Lars Knut Arne Bjørn Hans Tor Geir Terje Morten Espen Eirik Håkon Sindre Øyvind "
    "Jørgen Magnus Sverre Halvard Trond Rune Stig Kjetil Anders Henrik Vegard Ståle Åsmund"
).split()
LAST_NAMES = (
    "Hansen Johansen Olsen Larsen Andersen Pedersen Nilsen Kristiansen Jensen Karlsen Johnsen Pettersen "
    "Eriksen Berg Haugen Hagen Johannessen Andreassen Jacobsen Dahl Jørgensen Halvorsen Henriksen Lund "
    "Sørensen Jakobsen Moen Gundersen Iversen Strand Solberg Svendsen Eide Knutsen Martinsen Paulsen "
    "Bakken Kristoffersen Mathisen Lie Amundsen Nguyen Rasmussen Ali Lunde Solheim Berge Moe Nygård "
    "Bakke Kristensen Fredriksen Holm Lien Hauge Christensen Andresen Nielsen Knudsen Evensen Sæther "
    "Aas Myhre Hanssen Ahmed Haugland Thomassen Sivertsen Simonsen Danielsen Berntsen Sandvik Rønning "
    "Arnesen Antonsen Næss Vik Haug Ellingsen Thorsen Edvardsen Birkeland Isaksen Gulbrandsen Ruud "
    "Aasen Strøm Myklebust Tangen Ødegård Eliassen Helland Bøe Jenssen Aune Mikkelsen Tveit Brekke "
    "Abrahamsen Madsen Østby Fjeld Grøtting Åsheim"
).split()
MUNICIPALITIES = (
    "Oslo Bergen Trondheim Stavanger Bærum Kristiansand Drammen Asker Lillestrøm Fredrikstad Sandnes "
    "Tromsø Skien Sandefjord Ålesund Larvik Bodø Arendal Tønsberg Porsgrunn Haugesund Moss Hamar "
    "Lillehammer Gjøvik Molde Harstad Kongsberg Halden Steinkjer Narvik Alta Hammerfest Vadsø Elverum "
    "Kongsvinger Horten Holmestrand Notodden Førde Florø Stord Voss Levanger Namsos Mo Mosjøen Røros "
    "Tynset Oppdal Orkland Verdal Sogndal Lyngdal Mandal Flekkefjord Egersund Bryne Kopervik Odda"
).split()
BODY_NAMES = (
    ("NUIT", "Prioriteringsutvalget"),
    ("NEHS", "Nasjonalt e-helsestyre"),
    ("NEHR", "Nasjonalt e-helseråd"),
    ("NUFA", "Fagutvalget"),
)
BODY_KINDS = (
    "Arbeidsutvalg for {t}",
    "Faggruppe for {t}",
    "Styringsgruppe for {t}",
    "Referansegruppe for {t}",
    "Programråd for {t}",
)
TOPICS = (
    "digital sikkerhet", "journalløsninger", "samhandling", "helsedata", "kjernejournal", "e-resept",
    "velferdsteknologi", "digital hjemmeoppfølging", "pasientens legemiddelliste", "helseregistre",
    "standardisering", "terminologi", "arkitektur", "finansiering", "helsenorge.no", "personvern",
    "legemiddelområdet", "kommunal sektor", "spesialisthelsetjenesten", "datadeling", "kunstig intelligens",
    "helseberedskap", "folkehelse", "forskning og innovasjon", "tjenesteutvikling", "skytjenester",
    "informasjonsforvaltning", "gevinstrealisering", "porteføljestyring", "tilgangsstyring",
)
TITLE_PATTERNS = (
    "Status for {t}", "Veikart for {t} {y}", "Orientering om {t}", "Strategi for {t}",
    "Prioritering av tiltak innen {t}", "Høring: forslag til forskrift om {t}", "Målbilde for {t}",
    "Evaluering av {t} {p}", "Budsjett {y1} – {t}", "Tiltaksplan for {t}", "Innspill til stortingsmelding om {t}",
    "Erfaringer med {t} i {k} kommune", "Risikovurdering av {t}", "Felles krav til {t}",
    "Rapport fra arbeidsgruppen for {t}", "Finansieringsmodell for {t}", "Oppfølging av {t} – {q}. kvartal {y}",
)
OPENING = (
    ("Godkjenning av innkalling og saksliste", "Godkjenning", 5),
    ("Godkjenning av referat fra forrige møte", "Godkjenning", 5),
    ("Orientering fra sekretariatet", "Orientering", 15),
)
CLOSING = (("Eventuelt", "Orientering", 10),)
ITEM_TYPES = ("Orientering", "Drøfting", "Anbefaling", "Beslutning", "Drøfting", "Orientering")
LOCATIONS = (
    "Direktoratet for e-helse, Verkstedveien 1, Oslo. Møterom 4117",
    "Helsedirektoratet, Vitaminveien 4, Oslo",
    "Norsk helsenett SF, Abels gate 9, Trondheim",
    "KS-huset, Haakon VIIs gate 9, Oslo",
    "Microsoft Teams",
)
REMARK_OPENERS = (
    "støttet forslaget og", "var positiv til retningen, men", "stilte spørsmål om", "uttrykte bekymring for",
    "pekte på at", "mente at", "ba om at", "etterlyste", "understreket at", "ga skryt til arbeidet og",
    "minnet om at", "foreslo at", "viste til at", "savnet",
)
DEADLINE_TITLES = (
    "Innspill til statsbudsjettet {y}", "Rapport om måloppnåelse {y}", "Frist for høringssvar om {t}",
    "Årsrapport {y} leveres", "Risikovurdering av {t} oversendes", "Søknad om midler til {t}",
    "Tertialrapport {n}. tertial", "Oppdatert veikart for {t}", "Leveranse: tiltaksplan for {t}",
    "Saksdokumenter til møte om {t}", "Evaluering av {t} ferdigstilles", "Frist for innmelding av saker",
)
DEADLINE_CATEGORIES = ("Budsjett", "Rapportering", "Høring", "Tildelingsbrev", "Oppdrag", "")
EXEMPT_BASES = ("Offl. § 14 første ledd", "Offl. § 15 andre ledd", "Offl. § 13, jf. fvl. § 13")
PHRASES = (
    "Saken legges fram for {b} til {a}.", "Arbeidet er forankret i den nasjonale e-helsestrategien.",
    "Sekretariatet anbefaler at {b} slutter seg til forslaget.", "Det er behov for en felles tilnærming på tvers av sektoren.",
    "Kostnadene fordeles etter den vedtatte finansieringsmodellen.", "Tiltaket vil gi gevinster for pasienter og helsepersonell.",
    "Erfaringene fra {k} kommune viser at innføringen tar lengre tid enn planlagt.",
    "{o} har ledet arbeidet i samarbeid med {o2}.", "Det vises til tidligere behandling i {b}.",
    "Saken ble sist drøftet i møtet i {y}.", "Planen revideres årlig.", "Risikoen vurderes som moderat.",
)


class Text:
    """Seeded Norwegian text: sentences of the demo's minutes, phrases with blanks filled."""

    def __init__(self, rng: random.Random, orgs: list[str]):
        from nuit_tui.demo import data

        self.rng = rng
        self.orgs = orgs
        fields = ("description", "purpose", "background", "narrative")
        sentences: list[str] = []
        decisions: list[str] = []
        remarks: list[str] = []
        for meeting in data.MEETINGS:
            for item in meeting["items"]:
                for name in fields:
                    sentences += _sentences(item.get(name) or "")
                decisions += _sentences(item.get("decision") or "") + _sentences(item.get("proposed_decision") or "")
                for remark in item.get("remarks", []):
                    remarks += _sentences(remark["text"])
        self.sentences = [s for s in sentences if 20 <= len(s) <= 400] or ["Saken ble drøftet."]
        self.decisions = [s for s in decisions if 15 <= len(s) <= 300] or ["Saken tas til orientering."]
        self.remarks = [s for s in remarks if 15 <= len(s) <= 300] or ["Det er viktig å se dette i sammenheng."]

    def fill(self, pattern: str, year: int, body: str) -> str:
        r = self.rng
        return pattern.format(
            t=r.choice(TOPICS), y=year, y1=year + 1, p=f"{year - r.randint(1, 4)}–{year}", q=r.randint(1, 4),
            k=r.choice(MUNICIPALITIES), b=body, a=r.choice(("orientering", "drøfting", "beslutning")),
            o=r.choice(self.orgs), o2=r.choice(self.orgs), n=r.randint(1, 3),
        )

    def paragraph(self, n: int, year: int, body: str) -> str:
        r = self.rng
        parts = [r.choice(self.sentences) if r.random() < 0.75 else self.fill(r.choice(PHRASES), year, body) for _ in range(n)]
        return " ".join(parts)

    def paragraphs(self, count: int, sentences: int, year: int, body: str) -> str:
        return "\n\n".join(self.paragraph(sentences, year, body) for _ in range(count))

    def decision(self, body: str, year: int) -> str:
        r = self.rng
        lines = [f"1. {body} er orientert om saken."]
        for n in range(2, r.randint(2, 4) + 1):
            lines.append(f"{n}. {r.choice(self.decisions).removeprefix('NUIT ').lstrip('0123456789. ')}")
        return "\n".join(lines)

    def remark(self, year: int, body: str) -> str:
        r = self.rng
        first = f"{r.choice(REMARK_OPENERS)} {r.choice(TOPICS)} må sees i sammenheng med arbeidet i {body}."
        rest = " ".join(r.choice(self.remarks) for _ in range(r.randint(0, 2)))
        return (first + " " + rest).strip()


def _sentences(text: str) -> list[str]:
    flat = " ".join(line.lstrip("-0123456789. ") for line in text.splitlines() if line.strip())
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+(?=[A-ZÆØÅ])", flat) if s.strip()]


# --- dates --------------------------------------------------------------------------------

MEETING_MONTHS = (2, 3, 5, 6, 9, 11, 12, 1, 4, 8, 10)


def _weekday(day: dt.date) -> dt.date:
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day


def _meeting_dates(year: int, count: int, body_index: int) -> list[dt.date]:
    months = sorted(MEETING_MONTHS[:count]) if count <= len(MEETING_MONTHS) else None
    if months is None:  # more meetings than months: spread over the year
        step = 365 / count
        return sorted({_weekday(dt.date(year, 1, 2) + dt.timedelta(days=int(i * step) + body_index % 3)) for i in range(count)})
    return [_weekday(dt.date(year, month, 3 + (body_index * 5 + month) % 20)) for month in months]


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}:00"


# --- the generator ------------------------------------------------------------------------


def _stamp() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")


def generate(path: Path, scale: float = 1.0, *, seed: int = 1, today: dt.date | None = None, quiet: bool = True) -> dict:
    """Write a fresh synthetic archive to `path` (replacing one there); returns its counts."""
    from nuit_tui.demo import data
    from nuit_tui.store import open_store

    began = time.perf_counter()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.building")
    _remove(tmp)
    s = shape(scale)
    today = today or dt.date.today()
    last_year = today.year
    first_year = last_year - s.years + 1
    rng = random.Random(f"{seed}-{scale}")
    stamp = _stamp()

    store = open_store(tmp)
    conn = store.conn
    # Speed: no journal, no syncs while building (the file is renamed into place only when whole).
    conn.execute("PRAGMA journal_mode=OFF")
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("PRAGMA cache_size=-200000")
    triggers = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND sql IS NOT NULL").fetchall()
    for name, _ in triggers:
        conn.execute(f'DROP TRIGGER "{name}"')

    def insert(table: str, columns: tuple[str, ...], rows) -> int:
        sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"
        conn.execute("BEGIN")
        cursor = conn.executemany(sql, rows)
        conn.execute("COMMIT")
        return cursor.rowcount

    counts: dict[str, int] = {}

    # Organizations: the demo's, and a municipality for each further body's members.
    org_names = [o["name"] for o in data.ORGANIZATIONS]
    org_names += [f"{k} kommune" for k in MUNICIPALITIES if f"{k} kommune" not in org_names]
    org_short = {o["name"]: o.get("short_name") for o in data.ORGANIZATIONS}
    orgs = [(i, name, org_short.get(name)) for i, name in enumerate(org_names, start=1)]
    counts["organizations"] = insert("organizations", ("id", "name", "short_name"), orgs)
    text = Text(rng, org_names)

    bodies = []
    for b in range(s.bodies):
        if b < len(BODY_NAMES):
            short, name = BODY_NAMES[b]
        else:
            short = f"U{b + 1:03d}"
            name = BODY_KINDS[b % len(BODY_KINDS)].format(t=TOPICS[b % len(TOPICS)])
        bodies.append((b + 1, short, name, b + 1))
    counts["bodies"] = insert("bodies", ("id", "short_name", "name", "position"), bodies)

    # People: each body's members, each from an organization.
    people, memberships, members_of = [], [], {}
    person_id = 0
    for body_id, *_ in bodies:
        members_of[body_id] = []
        for position in range(1, s.members + 1):
            person_id += 1
            org_id = rng.randint(1, len(org_names))
            name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
            email = f"{name.lower().replace(' ', '.').replace('æ', 'ae').replace('ø', 'o').replace('å', 'a')}@example.no"
            people.append((person_id, name, org_id, email))
            role = "member" if position <= s.members - 2 else ("substitute" if position == s.members - 1 else "secretariat")
            memberships.append(
                (person_id, body_id, role, org_id, None, f"{first_year}-01-01", None, position)
            )
            members_of[body_id].append((person_id, org_id, role))
    counts["people"] = insert("people", ("id", "name", "organization_id", "email"), people)
    counts["memberships"] = insert(
        "memberships",
        ("person_id", "body_id", "role", "organization_id", "substitute_for_person_id", "valid_from", "valid_to", "position"),
        memberships,
    )

    # Meetings, their agendas, remarks, presenters, attendance and follow-ups.
    meetings, items, remarks, item_people, attendance, follow_ups = [], [], [], [], [], []
    meeting_id = item_id = 0
    for body_id, short, _, _ in bodies:
        dates = [(year, d) for year in range(first_year, last_year + 1) for d in _meeting_dates(year, s.meetings_per_year, body_id)]
        past = [d for _, d in dates if d < today]
        last_past = past[-1] if past else None
        next_future = next((d for _, d in dates if d >= today), None)
        seq_by_year: dict[int, int] = {}
        numbers: dict[int, int] = {}
        for year, day in dates:
            number = numbers[year] = numbers.get(year, 0) + 1
            meeting_id += 1
            if day == last_past:
                status = "held"
            elif day < today:
                status = "cancelled" if rng.random() < 0.01 else "minutes_approved"
            elif day == next_future:
                status = "notice_sent"
            else:
                status = "planned"
            held = status in ("held", "minutes_approved")
            start = 9 * 60 + rng.choice((0, 0, 30, 60))
            end = start + 6 * 60 + rng.choice((0, 30))
            location = rng.choice(LOCATIONS)
            video = f"https://teams.example.no/l/meetup-join/{meeting_id:08x}"
            if location == "Microsoft Teams":
                location = None
            elif rng.random() < 0.5:
                video = None
            meetings.append(
                (meeting_id, body_id, year, number, day.isoformat(), _clock(start), _clock(end),
                 location, video, status, 1, stamp)
            )
            # The agenda: opening items, cases, a lunch break in the middle, closing items.
            clock = start
            entries = list(OPENING)
            for _ in range(s.items_per_meeting - len(OPENING) - len(CLOSING)):
                entries.append((text.fill(rng.choice(TITLE_PATTERNS), year, short), rng.choice(ITEM_TYPES), rng.choice((15, 20, 25, 30, 30, 40))))
            entries += CLOSING
            lunch_at = len(entries) // 2
            for position, (title, item_type, minutes) in enumerate(entries, start=1):
                if position == lunch_at + 1:
                    item_id += 1
                    items.append(_item_row(item_id, meeting_id, "break", position, None, None, False, "Lunsj", None, 30,
                                           "", "", "", "", "", "", "planned", False, None, None, None, stamp))
                    clock += 30
                position += position > lunch_at
                item_id += 1
                seq = seq_by_year[year] = seq_by_year.get(year, 0) + 1
                standard = title in {t for t, _, _ in OPENING + CLOSING}
                exempt = not standard and rng.random() < 0.02
                state = "planned"
                if held:
                    state = rng.choices(("handled", "deferred", "withdrawn"), (96, 3, 1))[0]
                description = "" if standard else text.paragraph(rng.randint(2, 3), year, short)
                purpose = "" if standard else text.paragraph(rng.randint(1, 2), year, short)
                background = "" if standard else text.paragraphs(rng.randint(1, 3), rng.randint(2, 3), year, short)
                proposed = f"{short} tar saken til orientering." if standard else text.decision(short, year)
                decision = (proposed if rng.random() < 0.7 else text.decision(short, year)) if state == "handled" else ""
                narrative = text.paragraph(rng.randint(2, 4), year, short) if state == "handled" and not standard else ""
                started = ended = None
                if state == "handled":
                    started, ended = _clock(clock)[:5], _clock(clock + minutes)[:5]
                items.append(
                    _item_row(item_id, meeting_id, "item", position, year, seq,
                              status != "planned", title, item_type, minutes, description, purpose, background,
                              proposed, decision, narrative, state, exempt,
                              rng.choice(EXEMPT_BASES) if exempt else None, started, ended, stamp)
                )
                members = members_of[body_id]
                presenter = rng.choice(members)
                item_people.append((item_id, presenter[0], "presenter", 1))
                for r in range(1, s.remarks_per_item + 1):
                    speaker_id, speaker_org, _ = rng.choice(members)
                    made = _clock(clock + r * max(1, minutes // (s.remarks_per_item + 1)))[:5] if held else None
                    remarks.append(
                        (item_id, org_names[speaker_org - 1], speaker_org, None, text.remark(year, short), r, made, 1, stamp)
                    )
                if position == len(OPENING) + 1:
                    closed = held and day.year < last_year
                    follow_ups.append(
                        (item_id, f"Sekretariatet følger opp {rng.choice(TOPICS)} og rapporterer til neste møte.",
                         org_names[presenter[1] - 1], presenter[1], None,
                         (day + dt.timedelta(days=60)).isoformat(), "done" if closed else "open",
                         (day + dt.timedelta(days=55)).isoformat() if closed else None,
                         "Rapportert i møtet." if closed else "", 1, stamp)
                    )
                clock += minutes
            for position, (person_id, org_id, role) in enumerate(members_of[body_id], start=1):
                status_ = rng.choices(("present", "absent_with_notice", "absent_without_notice"), (85, 12, 3))[0]
                attendance.append(
                    (meeting_id, person_id, "secretariat" if role == "secretariat" else ("substitute" if role == "substitute" else "member"),
                     status_, int(rng.random() < 0.2) if status_ == "present" else 0, org_id, None, None, None, position, "", 1, stamp)
                )
    counts["meetings"] = insert(
        "meetings",
        ("id", "body_id", "year", "number", "date", "start_time", "end_time", "location", "video_link", "status", "row_version", "updated_at"),
        meetings,
    )
    del meetings
    counts["agenda_items"] = insert("agenda_items", ITEM_COLUMNS, items)
    counts["cases"] = sum(1 for row in items if row[2] == "item")
    del items
    counts["item_people"] = insert("item_people", ("item_id", "person_id", "role", "position"), item_people)
    counts["remarks"] = insert(
        "remarks",
        ("item_id", "speaker", "organization_id", "person_id", "text", "position", "made_at", "row_version", "updated_at"),
        remarks,
    )
    del remarks
    counts["attendance"] = insert(
        "attendance",
        ("meeting_id", "person_id", "role", "status", "remote", "organization_id", "substitute_for_person_id",
         "arrived_at", "left_at", "position", "note", "row_version", "updated_at"),
        attendance,
    )
    counts["follow_ups"] = insert(
        "follow_ups",
        ("item_id", "description", "responsible", "responsible_organization_id", "responsible_person_id", "due_date",
         "status", "closed_on", "closing_note", "row_version", "updated_at"),
        follow_ups,
    )

    # The year plan: deadlines over all the years, and a rule for each body's meeting papers.
    deadlines = []
    span = (dt.date(last_year, 12, 31) - dt.date(first_year, 1, 1)).days
    # A tenth are the secretariat's shared deadlines (no body). Those are the directorate's:
    # they do not multiply with the bodies, so a body's year holds as many events at every scale.
    per_body = s.deadlines - round(s.deadlines / 10)
    owners = [None] * round(s.deadlines / 10 / max(1.0, scale)) + [rng.choice(bodies) for _ in range(per_body)]
    for body in owners:
        day = dt.date(first_year, 1, 1) + dt.timedelta(days=rng.randint(0, span))
        title = text.fill(rng.choice(DEADLINE_TITLES), day.year, body[1] if body else "rådsmodellen")
        deadlines.append(
            (body[0] if body else None, day.isoformat(), title[:300], text.paragraph(1, day.year, body[1] if body else "NUIT"),
             rng.choice(DEADLINE_CATEGORIES), f"Tildelingsbrev {day.year}", rng.choice(org_names),
             rng.choice((None, None, 7, 14, 30)), int(rng.random() < 0.03), title, 1, stamp)
        )
    counts["deadlines"] = insert(
        "deadlines",
        ("body_id", "date", "title", "description", "category", "source", "responsible", "reminder_days", "exempt",
         "original_text", "row_version", "updated_at"),
        deadlines,
    )
    counts["deadline_rules"] = insert(
        "deadline_rules",
        ("body_id", "title", "description", "category", "responsible", "offset_days", "anchor", "anchor_body_id",
         "anchor_text", "exempt", "row_version", "updated_at"),
        [(body_id, "Saksdokumenter sendes ut", "Innkalling og saksdokumenter til medlemmene", "Møte", "Sekretariatet",
          -7, "meetings", body_id, "", 0, 1, stamp) for body_id, *_ in bodies],
    )

    conn.execute("BEGIN")
    for _, sql in triggers:
        conn.execute(sql)
    with contextlib.suppress(ImportError):
        from nuit_tui.store import search

        if conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", [search.INDEX]).fetchone():
            search.rebuild(conn)
    conn.execute(
        "INSERT INTO meta(key, value) VALUES ('bench_scale', ?), ('bench_generator', ?), ('bench_seed', ?)",
        [repr(scale), GENERATOR_VERSION, str(seed)],
    )
    conn.execute("COMMIT")
    problems = [row[0] for row in conn.execute("PRAGMA foreign_key_check")][:1]
    if problems:
        raise RuntimeError(f"foreign key broken in {problems[0]}")
    conn.execute("PRAGMA journal_mode=WAL")
    store.close()
    _remove(path)
    os.replace(tmp, path)
    counts["seconds"] = round(time.perf_counter() - began, 1)
    counts["bytes"] = path.stat().st_size
    if not quiet:
        print(f"{path}: {counts}", file=sys.stderr)
    return counts


ITEM_COLUMNS = (
    "id", "meeting_id", "kind", "position", "case_year", "case_seq", "number_locked", "title", "item_type",
    "duration_minutes", "description", "purpose", "background", "proposed_decision", "decision", "narrative",
    "state", "exempt", "exempt_basis", "started_at", "ended_at", "updated_at",
)


def _item_row(item_id, meeting_id, kind, position, case_year, case_seq, locked, title, item_type, minutes,
              description, purpose, background, proposed, decision, narrative, state, exempt, basis, started, ended, stamp):
    if kind == "break":
        case_year = case_seq = None
    return (item_id, meeting_id, kind, position, case_year, case_seq, int(locked), title, item_type, minutes,
            description, purpose, background, proposed, decision, narrative, state, int(exempt), basis, started, ended, stamp)


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(f"{path}{suffix}")


def archive_path(scale: float, out_dir: Path | None = None) -> Path:
    return (out_dir or OUT_DIR) / f"archive-s{scale:g}.sqlite"


def ensure(scale: float, *, seed: int = 1, quiet: bool = True, out_dir: Path | None = None) -> Path:
    """The generated archive of this scale, made when missing or made by another generator version."""
    import sqlite3

    path = archive_path(scale, out_dir)
    if path.exists():
        with contextlib.suppress(sqlite3.Error):
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            try:
                meta = dict(conn.execute("SELECT key, value FROM meta WHERE key LIKE 'bench_%'"))
            finally:
                conn.close()
            if meta.get("bench_generator") == GENERATOR_VERSION and meta.get("bench_seed") == str(seed):
                return path
    generate(path, scale, seed=seed, quiet=quiet)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, help="file (default: bench/out/archive-s<scale>.sqlite)")
    args = parser.parse_args(argv)
    out = args.out or archive_path(args.scale)
    counts = generate(out, args.scale, seed=args.seed, quiet=True)
    print(f"{out}: " + ", ".join(f"{k} {v:,}" if isinstance(v, int) else f"{k} {v}" for k, v in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
