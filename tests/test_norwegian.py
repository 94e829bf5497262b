import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nuit_tui.domain.norwegian import (
    ParseError,
    citation_date,
    clock,
    kl,
    long_date,
    numeric_date,
    parse_date,
    parse_time,
    time_span,
)


def test_dates_are_written_as_the_secretariat_writes_them():
    day = dt.date(2023, 5, 25)
    assert long_date(day) == "25. mai 2023"
    assert numeric_date(day) == "25.05.2023"
    assert citation_date(dt.date(2022, 2, 17)) == "17.2.22"
    assert kl(dt.time(9, 0)) == "kl. 09.00"
    assert clock(dt.time(15, 45)) == "15.45"
    assert time_span(dt.time(9), dt.time(15, 45)) == "kl. 09.00–15.45"


@pytest.mark.parametrize(
    "text",
    ["25.5.2023", "25.05.2023", "25.05.23", "25. mai 2023", "25 mai 2023", "2023-05-25", " 25. Mai 2023 "],
)
def test_typed_dates_are_read(text):
    assert parse_date(text) == dt.date(2023, 5, 25)


@pytest.mark.parametrize("text", ["30.2.2023", "30. februar 2023", "32.1.2023", "tirsdag", "", "25/5-2023", "5/25"])
def test_impossible_or_unreadable_dates_are_refused_in_norwegian(text):
    with pytest.raises(ParseError) as info:
        parse_date(text)
    assert "dato" in str(info.value) or "finnes ikke" in str(info.value)


@pytest.mark.parametrize(("text", "expected"), [("9", dt.time(9)), ("09.00", dt.time(9)), ("13:20", dt.time(13, 20)), ("kl. 13.30", dt.time(13, 30))])
def test_typed_times_are_read(text, expected):
    assert parse_time(text) == expected


@pytest.mark.parametrize("text", ["24.00", "12.60", "ni", "9.5"])
def test_bad_times_are_refused(text):
    with pytest.raises(ParseError):
        parse_time(text)


@given(st.text(max_size=30))
def test_date_parser_never_crashes_and_never_invents(text):
    try:
        day = parse_date(text)
    except ParseError:
        return
    # Whatever it accepts is a real date whose day number was typed.
    assert str(day.day) in text


@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_every_written_date_reads_back(day):
    assert parse_date(long_date(day)) == day
    assert parse_date(numeric_date(day)) == day


def test_times_and_dates_are_read_as_people_type_them():
    import datetime as dt

    import pytest

    from nuit_tui.domain.norwegian import ParseError, parse_date, parse_time

    for typed in ("1430", "14.30", "14:30", "kl. 14.30"):
        assert parse_time(typed) == dt.time(14, 30)
    assert parse_time("930") == dt.time(9, 30)
    for typed in ("23/11/2023", "23.11.23", "23.11", "23.11.", "23. november"):
        assert parse_date(typed, 2023) == dt.date(2023, 11, 23)
    assert parse_date("23.11", 2031) == dt.date(2031, 11, 23)
    for bad in ("1.1.1899", "1.1.2201", "0001-01-01", "23/11-2023", "2460", "1490"):
        with pytest.raises(ParseError):
            parse_date(bad) if not bad.isdigit() else parse_time(bad)
