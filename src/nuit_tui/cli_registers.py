"""The command line's registers: `nuit-tui search` and `nuit-tui followups`,
printed as lines or as JSON; registered by cli.build_parser."""

from __future__ import annotations

import argparse

from .cli_common import EXIT_OK, UsageError, db_path, open_archive, say, year_arg


def cmd_search(args: argparse.Namespace) -> int:
    import json

    from .domain.text import shortened
    from .services.search import is_query, stopped_note

    if not is_query(args.query):
        raise UsageError("skriv minst ett ord å søke etter")
    year = year_arg(args.year)
    if args.limit < 1:
        raise UsageError("--limit må være minst 1")
    archive = open_archive(db_path(args), create=False)
    try:
        body_id = archive.members.body(args.body).id if args.body else None
        hits = archive.search.hits(args.query, body_id=body_id, year=year, limit=args.limit)
    finally:
        archive.close()
    if args.json:
        document = {"query": args.query, "count": len(hits), "results": [hit.as_json() for hit in hits]}
        if hits.stopped_after:
            document["stopped_after"] = hits.stopped_after
        say(json.dumps(document, ensure_ascii=False, indent=2))
        return EXIT_OK
    stopped = stopped_note(args.query, hits.stopped_after)
    if stopped:  # first: the hits below may be all there is to see of the search
        say(f"merk: {stopped}", err=True)
    if not hits:
        say(f"Ingen treff på «{shortened(args.query)}»", err=True)
        return EXIT_OK
    for hit in hits:
        exempt = "  [unntatt]" if hit.exempt else ""
        say(f"{hit.case or hit.body}  {hit.meeting_date:%d.%m.%Y}  møte {hit.meeting_ref}  {hit.title}{exempt}")
        if hit.snippet:
            # «…» marks the match: plain text, as it would be quoted in a letter (no Markdown).
            say(f"    {hit.field}: {hit.marked('«', '»')}")
    return EXIT_OK


def cmd_followups(args: argparse.Namespace) -> int:
    import datetime as dt
    import json

    from .domain.norwegian import parse_date
    from .services.follow_ups import closing_line

    today = parse_date(args.today) if args.today else dt.date.today()
    archive = open_archive(db_path(args), create=False)
    try:
        body_id = archive.members.body(args.body).id if args.body else None
        rows = archive.follow_ups.register(
            today=today, body_id=body_id, responsible=args.responsible, status=args.status, limit=args.limit
        )
    finally:
        archive.close()
    if args.json:
        document = {"today": today.isoformat(), "count": len(rows), "follow_ups": [row.as_json() for row in rows]}
        say(json.dumps(document, ensure_ascii=False, indent=2))
        return EXIT_OK
    if not rows:
        say("Ingen oppfølginger med dette filteret", err=True)
        return EXIT_OK
    for row in rows:
        f = row.follow_up
        due = f"frist {f.due_date:%d.%m.%Y}" if f.due_date else "ingen frist"
        closing = closing_line(f)  # an open one's earlier closings, kept when it was reopened
        done = (f"  utført {closing}" if f.closed_on else f"  {closing}") if closing else ""
        source = f"  ({row.case or row.body}, møte {row.meeting_ref})" if row.meeting_ref else ""
        who = f"  [{row.responsible}]" if row.responsible else ""
        say(f"{row.status_label:<8} {due:<17} {f.description}{who}{source}{done}")
    return EXIT_OK
