"""What the readers of notices, minutes and cover notes share: the header block, labels
read through OCR damage, item headers, paragraphs and lists, and who made a remark.

Pure: lines in (`page_text.prepare`), values out.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field

from ..domain.norwegian import ParseError, parse_date
from .meeting_record import Repair
from .page_text import Line

CASE = r"\d{1,3}\s?/\s?\d{2}"
CASE_AT_START = re.compile(rf"^({CASE})(?=\s|$)\s*(.*)$")
TIME = re.compile(r"(?<![\d/])(\d{1,2})\s?[.:]\s?(\d{2})(?![\d/])")
ITEM_TYPES = ("Godkjenning", "Orientering", "Drøfting", "Anbefaling", "Beslutning")
BREAKS = ("Pause", "Lunsj", "Slutt")
BULLET = re.compile(r"^(?:[-•–*▪·o]|\uf0b7)\s+(.*)$")
# «15. mars 2023 overtok …» starts with a date, not a numbered point
NUMBERED = re.compile(r"^(\d{1,2})[.)]\s+(?!(?:jan|feb|mar|apr|mai|jun|jul|aug|sep|okt|nov|des)[a-z]*\.?\s)(.*)$", re.IGNORECASE)
SENTENCE_END = (".", "!", "?", ":", "»", ")")
# Words a line broken inside a phrase ends with: the next line goes on with it.
OPEN_ENDINGS = {
    "og", "i", "til", "av", "for", "på", "med", "om", "fra", "mellom", "innen", "under", "ved", "mot", "som", "en",
    "et", "de", "den", "det", "the", "–", "-", "eller", "samt", "knyttet", "etter", "over", "uten",
}


def case_key(case: str) -> str:
    return re.sub(r"\s", "", case)


def flat(text: str) -> str:
    """A table row as running text: its cells separated by single spaces."""
    return re.sub(r"\s+", " ", text.replace("\t", " ")).strip()


# --- labels -------------------------------------------------------------------------------


def _label(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


LABEL_DECISION = _label(r"^\s*v\s?e\s?d\s?t\s?a\s?k\s*:\s*(.*)$|^\s*vedtak\s*$")
LABEL_PROPOSED = _label(r"^\s*forslag\s+til\s+vedtak\s*:?\s*(.*)$")
LABEL_REMARKS = _label(r"^\s*f[øo0]lgende\s+innspill\b.*\bm[øo0]tet\s*:?\s*$|^\s*f[øo0]lgende\s+innspill\b.*:\s*$")
LABEL_ATTACHMENT = _label(r"^\s*vedlegg\s+(\d{1,2}\s?[A-Za-z]?)\s*:\s*(.*)$")
CANONICAL = {
    "decision": "Vedtak:",
    "proposed": "Forslag til vedtak:",
    "remarks": "Følgende innspill og spørsmål ble tatt med fra møtet:",
}


def match_label(line: Line, kind: str, repairs: list[Repair]) -> str | None:
    """The text after the label `kind` when the line is one (else None), read through
    damage (case, spaces, ø, a letter swapped); the damage is listed as a repair."""
    pattern = {"decision": LABEL_DECISION, "proposed": LABEL_PROPOSED, "remarks": LABEL_REMARKS}[kind]
    text = flat(line.text)
    canonical = CANONICAL[kind]
    m = pattern.match(text)
    if m is not None:
        rest = (m[1] or "") if m.lastindex else ""
        seen = text[: len(text) - len(rest)].strip()
    else:
        seen, rest = text, ""
        bare = text.rstrip(" :").lower()
        want = canonical.rstrip(":").lower()
        if not (abs(len(bare) - len(want)) <= 2 and difflib.SequenceMatcher(None, bare, want).ratio() >= 0.8):
            return None
    if seen.rstrip(" :") != canonical.rstrip(":"):
        repairs.append(Repair(original=seen, repaired=canonical, where=f"linje {line.number}", reason="etikett lest tross skade"))
    return rest.strip()


# --- header -------------------------------------------------------------------------------


@dataclass
class Header:
    body: str = ""
    number: str = ""
    date: dt.date | None = None
    start: dt.time | None = None
    end: dt.time | None = None
    location: str | None = None
    video_link: str | None = None
    end_index: int = 0  # the first line after the header fields
    warnings: list[str] = field(default_factory=list)


MEETING_TITLE = re.compile(r"^(?:referat\s+fra\s+)?m[øo0]te\s+i\s+(\S+)", re.IGNORECASE)
MEETING_NUMBER = re.compile(r"^m[øo0]te\s*(?:nr\.?)?\s*:?\s*(\d{1,2})\s*/\s*(\d{4})\b", re.IGNORECASE)
_FIELD = re.compile(r"^(dato|tid|sted|tidspunkt)\s*:?\s+(.*)$", re.IGNORECASE)
_URL = re.compile(r"https?://\S+")


def read_header(lines: list[Line], repairs: list[Repair], limit: int = 40) -> Header:
    header = Header()
    for index, line in enumerate(lines[:limit]):
        text = flat(line.text)
        if not header.body and (m := MEETING_TITLE.match(text)):
            header.body = m[1].strip(" .:")
            header.end_index = index + 1
        elif not header.number and (m := MEETING_NUMBER.match(text)):
            header.number = f"{int(m[1])}/{m[2]}"
            header.end_index = index + 1
        elif m := _FIELD.match(text):
            name, value = m[1].lower(), m[2].strip()
            if name == "dato" and header.date is None:
                header.date = _date(value, header, line)
            elif name in ("tid", "tidspunkt") and header.start is None:
                times = [dt.time(int(h), int(mm)) for h, mm in TIME.findall(value) if int(h) < 24 and int(mm) < 60]
                header.start = times[0] if times else None
                header.end = times[1] if len(times) > 1 else None
            elif name == "sted" and header.location is None:
                if url := _URL.search(value):
                    header.video_link = url[0]
                header.location = value
            header.end_index = index + 1
        elif header.number and header.date and re.match(r"^medlemmer\b|^til stede\b", text, re.IGNORECASE):
            break
    return header


def _date(value: str, header: Header, line: Line) -> dt.date | None:
    value = re.sub(r"^(mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)\s+", "", value.strip(), flags=re.IGNORECASE)
    value = re.sub(r"\s+", " ", value).rstrip(". ")
    for candidate in (value, value.split(" kl")[0]):
        try:
            return parse_date(candidate, default_year=int(header.number[-4:]) if header.number else None)
        except (ParseError, ValueError):
            continue
    header.warnings.append(f"linje {line.number}: «{value}» er ikke en dato")
    return None


# --- item types ---------------------------------------------------------------------------


def item_type(word: str) -> str | None:
    """«Drøfting» for «Drøfting», «drofting», «Dr0fting»: the type a word is, within OCR damage."""
    word = word.strip(" .:*").lower()
    if len(word) < 6:
        return None
    best = max(ITEM_TYPES, key=lambda t: difflib.SequenceMatcher(None, word, t.lower()).ratio())
    return best if difflib.SequenceMatcher(None, word, best.lower()).ratio() >= 0.8 else None


def split_type(title: str) -> tuple[str, str | None]:
    """A title with the item type cell after it: («Evaluering av prismodeller», «Drøfting»)."""
    title = title.strip()
    m = re.match(r"^(.*?)\s*\bsakstype\s*:\s*(\S+)\s*$", title, re.IGNORECASE)
    if m:
        return m[1].strip(), item_type(m[2])
    head, _, last = title.rpartition(" ")
    if head and last[:1].isupper() and (found := item_type(last)):
        return head.strip(), found
    return title, None


# --- paragraphs ---------------------------------------------------------------------------


@dataclass
class Para:
    kind: str  # "text", "bullet", "number"
    text: str
    label: str = ""  # the number of a numbered paragraph


def join_words(text: str, more: str) -> str:
    if not text:
        return more
    return f"{text} {more}"


def paragraphs(lines: list[Line]) -> list[Para]:
    """Lines as paragraphs: a break ends one, a bullet or a number starts one, any other line
    goes on with the paragraph before it."""
    out: list[Para] = []
    open_para = False
    for line in lines:
        text = flat(line.text)
        if not text:
            open_para = False
            continue
        if m := BULLET.match(text):
            out.append(Para("bullet", m[1].strip()))
            open_para = True
        elif m := NUMBERED.match(text):
            out.append(Para("number", m[2].strip(), m[1]))
            open_para = True
        elif open_para and out:
            out[-1].text = join_words(out[-1].text, text)
        else:
            out.append(Para("text", text))
            open_para = True
    return out


def render(paras: list[Para]) -> str:
    """Paragraphs as the archive keeps them: «\\n\\n» between paragraphs, «\\n» between the
    entries of a list and after the line that introduces it; «- » and «1. » in front."""
    out = ""
    previous: Para | None = None
    for para in paras:
        text = f"- {para.text}" if para.kind == "bullet" else f"{para.label}. {para.text}" if para.kind == "number" else para.text
        if previous is None:
            out = text
        elif para.kind != "text" and (previous.kind == para.kind or previous.text.endswith(":")):
            out += "\n" + text
        else:
            out += "\n\n" + text
        previous = para
    return out


# --- remarks ------------------------------------------------------------------------------

_VERBS = (
    "kommenterte|uttrykte|stilte|uttalte|sa|ga|etterlyser|etterlyste|mener|mente|påpekte|takket|nevnte|minnet|"
    "informerte|støtter|støttet|etterspurte|spilte|svarte|understreket|ønsker|ønsket|anerkjente|erkjente|viste|"
    "foreslo|pekte|trakk|lurte|spurte|presiserte|poengterte|opplyste|orienterte|fremhevet|var|er|har|hadde|ba|"
    "tok|likte|delte|advarte|savnet|savner|viser|peker|kommenterer|uttaler|sier|stiller|spør|vil|ville|kunne|"
    "redegjorde|gjorde|bemerket|problematiserte|oppfordret|løftet|etterspør|framhevet|fremholdt|anbefalte|"
    "ønsket|stiller|påpeker|understreker|takker|nevner|la"
)
_SPEAKER_FIRST = re.compile(rf"^(.{{2,80}}?)\s+({_VERBS})\b", re.IGNORECASE)
_SPEAKER_LATER = re.compile(
    rf"\b(?:{_VERBS})\s+([A-ZÆØÅ][\wæøåÆØÅ.-]*(?:\s+(?:[A-ZÆØÅ][\wæøåÆØÅ.-]*|for|og|e-helse|fra|i|sektor))*?)\s+(?:inn\s+)?at\b"
)
_NOT_SPEAKER_START = re.compile(r"^(som|på|det|i|etter|da|når|videre|dette|de|vi|hvis|om)\b", re.IGNORECASE)


def split_remark(text: str) -> tuple[str, str]:
    """(speaker, what they said): «Helse Nord RHF mener …» → («Helse Nord RHF», «mener …»);
    a remark that names its speaker later («Som svar til X kommenterte Helse Nord RHF at …»)
    keeps its whole text."""
    text = text.strip()
    m = _SPEAKER_FIRST.match(text)
    if m and not _NOT_SPEAKER_START.match(text) and len(m[1].split()) <= 7 and m[1][:1].isupper():
        return m[1].strip(" ,"), text[m.start(2):].strip()
    if later := _SPEAKER_LATER.search(text):
        return later[1].strip(), text
    return "", text
