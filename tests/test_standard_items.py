import datetime as dt

from nuit_tui.domain.models import ItemType
from nuit_tui.domain.standard_items import standard_items


def test_an_agenda_opens_with_approvals_and_ends_with_eventuelt():
    drafts = standard_items("NUIT", dt.date(2023, 2, 16))
    assert [d.title for d in drafts] == [
        "Godkjenning av innkalling og dagsorden",
        "Godkjenning av referat fra NUIT 16. februar 2023",
        "Eventuelt",
    ]
    assert drafts[0].proposed_decision == "NUIT godkjenner innkalling og dagsorden."
    assert drafts[1].proposed_decision == "NUIT godkjenner referatet fra NUIT 16. februar 2023."
    assert drafts[0].item_type is ItemType.GODKJENNING and drafts[1].item_type is ItemType.GODKJENNING
    assert drafts[2].item_type is None


def test_a_bodys_first_meeting_has_no_minutes_to_approve():
    assert [d.title for d in standard_items("NEHR", None)] == ["Godkjenning av innkalling og dagsorden", "Eventuelt"]
