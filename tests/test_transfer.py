"""The whole archive as JSON: lossless round trip, bad documents refused."""

import json

import pytest

from nuit_tui.services import Archive
from nuit_tui.services.transfer import ImportRejected, export_json, import_json


def test_demo_to_json_to_import_to_json_is_the_same_document(demo, tmp_path):
    first = export_json(demo)
    target = Archive.open(tmp_path / "copy.sqlite")
    import_json(target, first)
    second = export_json(target)
    target.close()
    assert second == first
    document = json.loads(first)
    assert document["format"] == "nuit-tui-archive" and document["format_version"] == 1
    assert len(document["agenda_items"]) > 26


def test_import_refuses_a_non_empty_archive(demo):
    from nuit_tui.store import errors

    with pytest.raises(errors.Conflict):
        import_json(demo, export_json(demo))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", "ikke gyldig JSON"),
        ('{"format": "other"}', "ikke en nuit-tui-eksport"),
        ('{"format": "nuit-tui-archive", "format_version": 7}', "formatversjon"),
        ('{"format": "nuit-tui-archive", "format_version": 1, "bodies": [{"id": 1, "short_name": "", "name": "x"}]}', "bodies.0.short_name"),
        ('{"format": "nuit-tui-archive", "format_version": 1, "meetings": [{"id": 1, "body_id": 9, "year": 2023, "number": 1,'
         ' "date": "2023-02-30", "start_time": "09:00", "end_time": "10:00"}]}', "meetings.0.date"),
    ],
)
def test_a_bad_document_is_refused_with_a_clear_message_and_writes_nothing(archive, text, message):
    with pytest.raises(ImportRejected) as info:
        import_json(archive, text)
    assert message in str(info.value)
    assert archive.store.is_empty()


def test_a_document_with_dangling_references_writes_nothing(archive):
    from nuit_tui.store import errors

    text = json.dumps(
        {
            "format": "nuit-tui-archive",
            "format_version": 1,
            "meetings": [{"id": 1, "body_id": 9, "year": 2023, "number": 1, "date": "2023-02-16", "start_time": "09:00", "end_time": "10:00"}],
        }
    )
    with pytest.raises(errors.Conflict):
        import_json(archive, text)
    assert archive.store.is_empty()
