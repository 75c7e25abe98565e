import pytest

from files import webvtt
from files.webvtt import WebVTTError


def parse_error(source) -> WebVTTError:
    with pytest.raises(WebVTTError) as error:
        webvtt.parse(source)
    return error.value


def test_a_valid_file_gives_its_cues_with_start_end_and_plain_text():
    source = (
        "WEBVTT - Additive manufacturing\n"
        "Kind: captions\n"
        "\n"
        "NOTE This block is for editors\n"
        "and is never shown.\n"
        "\n"
        "intro\n"
        "00:00:00.000 --> 00:00:03.250 align:start position:10%\n"
        "<v Ana>Additive manufacturing</v> builds <i>parts</i>\n"
        "layer by layer.\n"
        "\n"
        "2\n"
        "00:03.250 --> 00:07.000\n"
        "R&amp;D teams &lt;love&gt; it &mdash; <c.yellow>really</c>.\n"
        "\n"
        "NOTE Another note, after a cue.\n"
        "\n"
        "01:02:03.500 --> 01:02:04.000\n"
        "One hour in.\n"
    )
    cues = webvtt.parse(source)
    assert [(cue.start, cue.end) for cue in cues] == [(0.0, 3.25), (3.25, 7.0), (3723.5, 3724.0)]
    assert [cue.text for cue in cues] == [
        "Additive manufacturing builds parts layer by layer.",
        "R&D teams <love> it \u2014 really.",
        "One hour in.",
    ]
    assert [cue.start_label for cue in cues] == ["0:00", "0:03", "1:02:03"]


def test_bytes_with_a_byte_order_mark_and_windows_line_endings_are_read():
    source = "\ufeffWEBVTT\r\n\r\n00:00:01.000 --> 00:00:02.000\r\nCaf\u00e9 cr\u00e8me\r\n".encode()
    [cue] = webvtt.parse(source)
    assert (cue.start, cue.end, cue.text) == (1.0, 2.0, "Caf\u00e9 cr\u00e8me")


def test_a_cue_identifier_is_not_taken_for_cue_text():
    cues = webvtt.parse(
        "WEBVTT\n\nchapter-one\n00:00.000 --> 00:01.000\nHello.\n\n7\n00:01.000 --> 00:02.000\nAgain.\n"
    )
    assert [cue.text for cue in cues] == ["Hello.", "Again."]


@pytest.mark.parametrize(
    "source",
    [
        "Hello\n\n00:00.000 --> 00:01.000\nHi\n",
        "\n\nWEBVTT\n\n00:00.000 --> 00:01.000\nHi\n",
        "WEBVTTX\n\n00:00.000 --> 00:01.000\nHi\n",
    ],
)
def test_a_file_without_the_webvtt_header_is_refused_at_line_1(source):
    error = parse_error(source)
    assert error.line == 1
    assert str(error) == "line 1: a WebVTT file must start with the line 'WEBVTT'"


@pytest.mark.parametrize(
    ("timing", "line"),
    [
        ("00:00:03.000 --> 00:00:7.000", 6),  # one-digit seconds
        ("00:00:03,000 --> 00:00:07.000", 6),  # a comma, as in SubRip
        ("00:00:03.000 -->00:00:07.000", 6),  # no space after the arrow
        ("00:61.000 --> 00:62.000", 6),  # 61 seconds
    ],
)
def test_a_malformed_timing_is_refused_at_its_exact_line(timing, line):
    source = f"WEBVTT\n\n00:00:00.000 --> 00:00:03.000\nFirst.\n\n{timing}\nSecond.\n"
    error = parse_error(source)
    assert error.line == line
    assert str(error) == f"line {line}: malformed cue timing {timing!r}"


def test_a_timing_after_a_cue_identifier_is_refused_at_the_timing_line():
    error = parse_error(
        "WEBVTT\n\n1\n00:00:00.000 --> 00:00:03.000\nFirst.\n\n2\n00:00:03 --> 00:00:07.000\nSecond.\n"
    )
    assert error.line == 8 and "malformed cue timing" in error.message


def test_a_cue_that_ends_before_it_starts_is_refused_at_its_timing_line():
    error = parse_error(
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nOne.\n\n00:00:05.000 --> 00:00:04.000\nTwo.\n"
    )
    assert error.line == 6
    assert str(error) == "line 6: the cue ends before it starts"


def test_a_cue_that_ends_when_it_starts_is_refused():
    error = parse_error("WEBVTT\n\n00:00:02.000 --> 00:00:02.000\nNo time at all.\n")
    assert (error.line, error.message) == (3, "the cue ends before it starts")


def test_cues_out_of_order_are_refused_at_the_late_cue():
    error = parse_error(
        "WEBVTT\n\n00:00:05.000 --> 00:00:06.000\nLater.\n\n00:00:01.000 --> 00:00:02.000\nEarlier.\n"
    )
    assert error.line == 6
    assert str(error) == "line 6: cues must be in order of their start time"


def test_a_file_without_cues_is_refused():
    error = parse_error("WEBVTT\n\nNOTE only a note here")
    assert (error.line, error.message) == (3, "the file has no cues")


def test_a_file_without_cues_ending_in_a_newline_is_refused_at_its_last_line():
    error = parse_error("WEBVTT\n\nNOTE only a note here\n")
    assert (error.line, error.message) == (3, "the file has no cues")


def test_a_file_that_is_not_utf8_is_refused_with_a_message():
    error = parse_error("WEBVTT\n\n00:00.000 --> 00:01.000\nCaf\u00e9\n".encode("latin-1"))
    assert error.message == "the file is not UTF-8 text"
    assert str(error).startswith("line ")


def test_a_file_that_is_not_utf8_is_refused_at_the_line_of_the_first_bad_byte():
    source = "WEBVTT\n\n00:00.000 --> 00:01.000\nPlain.\n\n00:01.000 --> 00:02.000\nCaf\u00e9\n".encode(
        "latin-1"
    )
    error = parse_error(source)
    assert error.line == 7 and error.message == "the file is not UTF-8 text"


def test_a_stray_line_of_text_is_refused_at_its_own_line():
    error = parse_error("WEBVTT\n\n00:00.000 --> 00:01.000\nhi\n\nhello there\n")
    assert (error.line, str(error)) == (
        6,
        "line 6: expected a cue timing such as '00:00:01.000 --> 00:00:04.000'",
    )


def test_a_cue_identifier_without_a_timing_is_refused_at_the_line_after_it():
    error = parse_error("WEBVTT\n\n00:00.000 --> 00:01.000\nhi\n\nintro\nhello there\n")
    assert error.line == 7 and error.message.startswith("expected a cue timing")


def test_a_cue_right_under_the_header_without_a_blank_line_is_refused_at_its_timing():
    error = parse_error("WEBVTT\n00:00.000 --> 00:01.000\nhi\n")
    assert str(error) == "line 2: a blank line must separate the 'WEBVTT' header from the first cue"


def test_a_cue_after_header_metadata_without_a_blank_line_is_refused_at_its_timing():
    error = parse_error("WEBVTT\nKind: captions\n00:00.000 --> 00:01.000\nhi\n")
    assert error.line == 3 and "blank line" in error.message
