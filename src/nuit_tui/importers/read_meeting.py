"""A meeting put together from what a notice or minutes gives: the header, the table's
rows (times, breaks, the end) and the items read one by one. Pure."""

from __future__ import annotations

from .meeting_record import ReadItem, ReadMeeting
from .read_agenda import Row
from .read_common import Header


def merge_items(rows: list[Row], items: list[ReadItem], warnings: list[str]) -> list[ReadItem]:
    """The table's order with each item's own reading; an item's end is the next entry's
    start («Slutt» ends the last). The item's heading wins over the table's title (a table
    cell is often cut short), the table's type over none."""
    by_case = {item.case: item for item in items}
    out: list[ReadItem] = []
    used: set[str] = set()
    for row in rows:
        if row.kind == "break":
            if row.title.lower() == "slutt":
                if out and row.time:
                    out[-1] = out[-1].model_copy(update={"end": out[-1].end or row.time})
                continue
            out.append(ReadItem(kind="break", title=row.title, start=row.time))
            continue
        item = by_case.get(row.case)
        if item is None:
            warnings.append(f"sak {row.case} står i sakslisten, men ikke som egen sak i dokumentet")
            item = ReadItem(case=row.case, title=row.title, type=row.type)
        else:
            used.add(row.case or "")
            item = item.model_copy(update={"title": item.title or row.title, "type": item.type or row.type})
        out.append(item.model_copy(update={"start": row.time}))
    out += [item for item in items if item.case not in used and item.case not in {r.case for r in rows}]
    for i, item in enumerate(out[:-1]):
        following = out[i + 1].start
        if item.start and following and following > item.start and item.end is None:
            out[i] = item.model_copy(update={"end": following})
    return out


def finish_meeting(header: Header, body: str | None, items: list[ReadItem], warnings: list[str]) -> ReadMeeting | None:
    """The meeting, or None (with a warning) when the document names no meeting number or date."""
    if not header.number:
        warnings.append("fant ikke møtenummeret («Møte 1/2023») i dokumentet")
        return None
    if header.date is None:
        warnings.append("fant ikke møtedatoen («Dato 16. februar 2023») i dokumentet")
        return None
    end = header.end
    return ReadMeeting(
        body=body or header.body,
        number=header.number,
        date=header.date,
        start=header.start,
        end=end,
        location=header.location,
        video_link=header.video_link,
        items=items,
    )
