import pytest
from hypothesis import given
from hypothesis import strategies as st

from nuit_tui.domain.case_numbers import (
    CaseNumber,
    CaseSlot,
    MeetingNumbering,
    next_case_seq,
    parse_case_ref,
    parse_meeting_ref,
    renumber_year,
)
from nuit_tui.domain.norwegian import ParseError


def test_case_numbers_are_written_seq_slash_two_digit_year():
    assert str(CaseNumber(2023, 18)) == "18/23"
    assert str(CaseNumber(2009, 3)) == "3/09"
    assert CaseNumber(2022, 8).cite("NUIT") == "NUIT 8/22"


@pytest.mark.parametrize(
    ("text", "body", "year", "seq"),
    [("18/23", None, 2023, 18), ("NUIT 8/22", "NUIT", 2022, 8), ("nehs 36/21", "NEHS", 2021, 36), ("12 / 2023", None, 2023, 12)],
)
def test_case_refs_are_read(text, body, year, seq):
    ref = parse_case_ref(text)
    assert (ref.body, ref.number.year, ref.number.seq) == (body, year, seq)


@pytest.mark.parametrize("text", ["", "18", "0/23", "18/", "NUIT", "18/2a"])
def test_bad_case_refs_are_refused(text):
    with pytest.raises(ParseError):
        parse_case_ref(text)


def test_meeting_refs_are_read():
    assert parse_meeting_ref("2/2023") == (2023, 2)
    for bad in ["2/23", "0/2023", "to/2023"]:
        with pytest.raises(ParseError):
            parse_meeting_ref(bad)


def test_next_case_seq_follows_the_highest():
    assert next_case_seq([]) == 1
    assert next_case_seq([1, 2, 12]) == 13


def test_numbers_continue_across_the_years_meetings():
    first = MeetingNumbering(frozen=True, items=[CaseSlot(f"a{i}", i) for i in range(1, 13)])
    second = MeetingNumbering(frozen=False, items=[CaseSlot("b1", None), CaseSlot("b2", None), CaseSlot("b3", 99)])
    numbers = renumber_year([first, second])
    assert [numbers[k] for k in ("b1", "b2", "b3")] == [13, 14, 15]
    assert numbers["a12"] == 12


def test_an_open_meeting_is_numbered_in_agenda_order():
    reordered = MeetingNumbering(frozen=False, items=[CaseSlot("c", 3), CaseSlot("a", 1), CaseSlot("b", 2)])
    assert renumber_year([reordered]) == {"c": 1, "a": 2, "b": 3}


def test_a_frozen_meeting_keeps_its_numbers_when_reordered():
    frozen = MeetingNumbering(frozen=True, items=[CaseSlot("c", 3), CaseSlot("a", 1), CaseSlot("b", 2)])
    assert renumber_year([frozen]) == {"c": 3, "a": 1, "b": 2}


def test_an_item_added_after_the_notice_gets_the_next_free_number():
    first = MeetingNumbering(frozen=True, items=[CaseSlot("a1", 1), CaseSlot("a2", 2)])
    second = MeetingNumbering(frozen=True, items=[CaseSlot("b1", 3), CaseSlot("new", None), CaseSlot("b2", 4)])
    assert renumber_year([first, second])["new"] == 5


def test_open_meetings_skip_numbers_a_frozen_meeting_holds():
    # Meeting 2's notice went out before meeting 1's agenda was final.
    first = MeetingNumbering(frozen=False, items=[CaseSlot("a1", None), CaseSlot("a2", None), CaseSlot("a3", None)])
    second = MeetingNumbering(frozen=True, items=[CaseSlot("b1", 3), CaseSlot("b2", 4)])
    numbers = renumber_year([first, second])
    assert [numbers["a1"], numbers["a2"], numbers["a3"]] == [1, 2, 5]


def test_a_locked_number_moves_with_its_item_and_stays_taken():
    # 2/23 was published, then its meeting was cancelled and the item moved on.
    first = MeetingNumbering(frozen=True, items=[CaseSlot("a1", 1)])
    second = MeetingNumbering(frozen=False, items=[CaseSlot("b1", None), CaseSlot("moved", 2, locked=True), CaseSlot("b2", 7)])
    numbers = renumber_year([first, second])
    assert numbers["moved"] == 2
    assert (numbers["b1"], numbers["b2"]) == (3, 4)


meeting_lists = st.lists(
    st.tuples(st.booleans(), st.lists(st.one_of(st.none(), st.integers(1, 40)), max_size=8)),
    max_size=5,
)


@given(meeting_lists)
def test_numbers_are_unique_and_open_meetings_ascend(spec):
    meetings = []
    used_frozen: set[int] = set()
    for m_index, (frozen, seqs) in enumerate(spec):
        items = []
        for i_index, seq in enumerate(seqs):
            if frozen and seq is not None:
                if seq in used_frozen:
                    seq = None  # a valid archive never holds a frozen number twice
                else:
                    used_frozen.add(seq)
            items.append(CaseSlot((m_index, i_index), seq))
        meetings.append(MeetingNumbering(frozen=frozen, items=items))
    numbers = renumber_year(meetings)
    assert len(set(numbers.values())) == len(numbers)
    assert all(n >= 1 for n in numbers.values())
    for meeting in meetings:
        if meeting.frozen:
            for slot in meeting.items:
                if slot.seq is not None:
                    assert numbers[slot.key] == slot.seq
        else:
            values = [numbers[slot.key] for slot in meeting.items]
            assert values == sorted(values)
