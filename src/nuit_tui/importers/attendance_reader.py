"""The members of a notice and the attendance of minutes, as the seed writes them:

    Til stede       Asbjørn Finstad (KS) – til kl. 13.30
                    Kristin Brekke (Bergen kommune) – fra kl. 13.20
                    Bente Christensen (Norsk Sykepleierforbund) - video
    Ikke til stede  Anne-Lise Härter (Apotekforeningen)
    Stedfortreder   Maren Krogh for Anne-Lise Härter (Apotekforeningen)
    Direktoratet for e-helse   Siv Ingebrigtsen …   (the secretariat's staff)

An entry broken over lines («Morten Fronth-Andersen» + «(Helsedirektoratet)», «– til» +
«kl. 14.45») is put together; an organisation whose parentheses were lost is found by
how organisations' names begin. Names are kept as written: matching them against the
body's registry is the import service's. Pure: lines in.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re

from .meeting_record import ReadAttendance, ReadMember, Repair
from .page_text import Line

_LABELS = [
    (re.compile(r"^ikke\s+til\s+stede\b|^(meldt\s+)?forfall\b|^fraværende\b|^fravær\b", re.IGNORECASE), "absent"),
    (re.compile(r"^til\s+stede\b|^tilstede\b|^deltakere\b", re.IGNORECASE), "present"),
    (re.compile(r"^stedfortredere?\b|^vara(representanter?)?\b", re.IGNORECASE), "substitute"),
    (re.compile(r"^sekretariat(et)?\b", re.IGNORECASE), "secretariat"),
    (re.compile(r"^observatører?\b", re.IGNORECASE), "observer"),
    (re.compile(r"^(gjester|innledere|andre)\b", re.IGNORECASE), "guest"),
    (re.compile(r"^medlemmer\b", re.IGNORECASE), "members"),
]
_ORG_WORDS = re.compile(
    r"(direktoratet|departementet|sekretariat|instituttet|foreningen|forbund|tilsynet|e-helse|\bRHF\b|\bSF\b|\bHF\b|"
    r"kommune\b|\bKS\b|helsenett)",
    re.IGNORECASE,
)
_ORG_START = {
    "Helse", "Direktoratet", "Helsedirektoratet", "Folkehelseinstituttet", "KS", "Norsk", "FFO", "Apotekforeningen",
    "Legeforeningen", "Kreftforeningen", "Fastlegerepresentant", "Statens", "Nasjonalt", "Sykehusinnkjøp", "FHI", "NHN",
    "Statsforvalteren", "Pasient-", "Den",
}
_ORG_SUFFIXES = ("foreningen", "forbund", "instituttet", "direktoratet", "departementet", "tilsynet", "etaten", "rådet")
_VIDEO = re.compile(r"\s*(?:[-–,]\s*|\()\s*(?:på\s+)?(video|teams|digitalt)\)?\s*", re.IGNORECASE)
_LEFT = re.compile(r"\s*[-–,(]?\s*til\s+kl\.?\s*(\d{1,2})\s?[.:]\s?(\d{2})\)?", re.IGNORECASE)
_ARRIVED = re.compile(r"\s*[-–,(]?\s*fra\s+kl\.?\s*(\d{1,2})\s?[.:]\s?(\d{2})\)?", re.IGNORECASE)
_GOES_ON = re.compile(r"^([(a-zæøå]|[-–]\s*(video|til|fra)\b|kl\.?\s|\d{1,2}[.:]\d{2})")
_ENDS_OPEN = re.compile(r"(\bkl\.?|\btil|\bfra|[-–(]|\bfor)$", re.IGNORECASE)


_MEMBERS_END = re.compile(r"^(sak\b.*\b(agenda|tema)\b|\d{1,3}/\d{2}\s|(dagsorden|saksliste)\s*$)", re.IGNORECASE)
_FUZZY_LABELS = {"ikke til stede": "absent", "til stede": "present", "stedfortreder": "substitute", "medlemmer": "members",
                 "sekretariat": "secretariat"}


def _label(text: str) -> tuple[str | None, str]:
    for pattern, kind in _LABELS:
        if m := pattern.match(text):
            return kind, text[m.end():].strip(" :\t")
    words = text.split()
    for size in (3, 2, 1):  # «Til setde», «Stedfortrdeer»: a label with a letter swapped
        head = " ".join(words[:size]).rstrip(":").lower()
        for label, kind in _FUZZY_LABELS.items():
            if len(label.split()) == size and difflib.SequenceMatcher(None, head, label).ratio() >= 0.8:
                return kind, " ".join(words[size:])
    return None, text


def _entries(lines: list[Line]) -> list[tuple[str, str, int]]:
    """(section, entry text, line number): the label cells and lines start sections, the rest
    are entries, broken ones put together."""
    out: list[list] = []
    section = "present"
    for line in lines:
        if not line.text.strip():
            continue
        cells = line.text.split("\t")
        first, rest = cells[0].strip(), " ".join(c.strip() for c in cells[1:] if c.strip())
        if len(cells) > 1:
            if first:
                kind, after = _label(first)
                section = kind or f"org:{first}"
                if kind and after:
                    rest = f"{after} {rest}".strip()
            text = rest
        else:
            kind, text = _label(first)
            if kind:
                section = kind
            elif out and out[-1][0].startswith("org:") and not out[-1][1] and text[:1].islower():
                section = f"{out[-1][0]} {text}"  # «Direktoratet» + «for e-helse»
                out[-1][0] = section
                continue
            elif out and (_GOES_ON.match(text) or _open(out[-1][1], text) or _lone_name(out[-1][1])):
                out[-1][1] = f"{out[-1][1]} {text}"
                continue
            elif "(" not in text and _ORG_WORDS.search(text) and section in ("absent", "substitute", "secretariat") or (
                section.startswith("org:") and "(" not in text and _ORG_WORDS.search(text)
            ):
                section = f"org:{text}"
                out.append([section, "", line.number])
                continue
        if section == "members":
            section = "present"
        text = re.sub(r"^[-•*]\s+", "", text).strip()
        if text:
            out.append([section, text, line.number])
    # an organisation label broken over lines («Direktoratet» + «for e-helse») is one label
    merged: list[tuple[str, str, int]] = []
    for section, text, number in out:
        if section.startswith("org:") and not text and merged and merged[-1][0] == section:
            continue
        merged.append((section, text, number))
    return [(s, t, n) for s, t, n in merged if t]


def _lone_name(text: str) -> bool:
    """One word alone is a name broken over two lines («Kristin» + «Brekke (Bergen kommune)»)."""
    return len(text.split()) == 1 and "(" not in text and text[:1].isupper()


def _open(text: str, following: str) -> bool:
    """Whether the entry goes on on the next line: it ends inside a phrase, or inside its
    parentheses and the next line closes them («(Norsk» + «Sykepleierforbund) - video»),
    not when the next line is an entry of its own whose «(» was lost."""
    if _ENDS_OPEN.search(text.strip()):
        return True
    if "(" in following:
        return False
    if ")" in following:
        return len(following.split(")", 1)[0].split()) <= 2
    # a person is named with two words at least: one word alone ends the entry before it
    # («Bente Christensen Norsk» + «Sykepleierforbund - video», both parentheses lost)
    bare = _VIDEO.sub(" ", _ARRIVED.sub(" ", _LEFT.sub(" ", following))).strip(" -–,")
    return "(" not in text and ")" not in text and len(text.split()) >= 3 and len(bare.split()) == 1 and bare[:1].isupper()


def _time(h: str, m: str) -> dt.time | None:
    return dt.time(int(h), int(m)) if int(h) < 24 and int(m) < 60 else None


def split_name(text: str, repairs: list[Repair], where: str, expect_org: bool = True) -> tuple[str, str]:
    """(name, organisation) of «Ola Nordmann (Helse Vest RHF)», also when the parentheses
    were lost («Odd Ruud Moss kommune»)."""
    text = text.strip(" ,;")
    m = re.match(r"^(.*?)\s*\(\s*(.*?)\s*\)?\s*$", text)
    if m and m[1]:
        if not text.endswith(")"):
            repairs.append(Repair(original=text, repaired=f"{m[1]} ({m[2]})", where=where, reason="OCR: parentes manglet"))
        return m[1].strip(), m[2].strip()
    if text.endswith(")") or expect_org:
        bare = text.rstrip(")").strip()
        tokens = bare.split()
        for i in range(2, len(tokens)):
            word = tokens[i]
            following = tokens[i + 1] if i + 1 < len(tokens) else ""
            if word in _ORG_START or word.endswith(_ORG_SUFFIXES) or following in ("kommune", "fylkeskommune"):
                name, org = " ".join(tokens[:i]), " ".join(tokens[i:])
                repairs.append(Repair(original=text, repaired=f"{name} ({org})", where=where, reason="OCR: parentes manglet"))
                return name, org
        return bare, ""
    return text, ""


def read_members(lines: list[Line], repairs: list[Repair] | None = None) -> list[ReadMember]:
    """The notice's «Medlemmer»: name and organisation each."""
    repairs = repairs if repairs is not None else []
    start = next((i for i, line in enumerate(lines) if re.match(r"^\s*medlemmer\b", line.text, re.IGNORECASE)), None)
    if start is None:
        return []
    end = next((i for i in range(start, len(lines)) if _MEMBERS_END.match(lines[i].text)), len(lines))
    members = []
    for _section, text, number in _entries(lines[start:end]):
        name, org = split_name(text, repairs, f"linje {number}")
        if name:
            members.append(ReadMember(name=name, organization=org))
    return members


def read_attendance(lines: list[Line], repairs: list[Repair]) -> list[ReadAttendance]:
    """The minutes' attendance, line by line as the document has it."""
    out: list[ReadAttendance] = []
    for section, raw, number in _entries(lines):
        where = f"linje {number}"
        text = raw
        remote = False
        if m := _VIDEO.search(text):
            remote = True
            text = (text[: m.start()] + " " + text[m.end():]).strip()
        left = arrived = None
        if m := _LEFT.search(text):
            left = _time(m[1], m[2])
            text = (text[: m.start()] + text[m.end():]).strip()
        if m := _ARRIVED.search(text):
            arrived = _time(m[1], m[2])
            text = (text[: m.start()] + text[m.end():]).strip()
        text = text.strip(" -–,")
        role = "member"
        status = "present"
        substitute_for = None
        organization = ""
        if section == "substitute" and (m := re.match(r"^(.*?)\s+for\s+(.*)$", text)):
            role = "substitute"
            name, organization = split_name(m[1], repairs, where, expect_org=False)
            substitute_for, org_after = split_name(m[2], repairs, where, expect_org=False)
            organization = organization or org_after
        elif section.startswith("org:") or section == "secretariat":
            role = "secretariat"
            name, organization = split_name(text, repairs, where, expect_org=False)
            organization = organization or (section[4:] if section.startswith("org:") else "")
        else:
            name, organization = split_name(text, repairs, where)
            if section == "absent":
                status = "absent_without_notice" if "uten forfall" in raw.lower() else "absent_with_notice"
            elif section in ("observer", "guest"):
                role = section
            elif section == "substitute":
                role = "substitute"
        if name:
            out.append(
                ReadAttendance(
                    name=name,
                    organization=organization,
                    status=status,
                    role=role,
                    remote=remote,
                    arrived=arrived,
                    left=left,
                    substitute_for=substitute_for,
                )
            )
    return out
