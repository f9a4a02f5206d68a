"""load.SourceText: the one place a file's bytes become text, lines and YAML nodes."""

from __future__ import annotations

from pathlib import Path

from generator.load import SourceText, find_node

RAW = b"\xef\xbb\xbfname: Widget\r\nfaq:\r\n  - question: Why?\r\n    answer: Because.\r\n"


def test_bytes_become_text_with_the_file_line_endings_and_bom_remembered():
    source, problems = SourceText.decode(Path("w.md"), RAW)
    assert problems == [] and source is not None
    assert source.text == "name: Widget\nfaq:\n  - question: Why?\n    answer: Because.\n"
    assert (source.newline, source.bom) == ("\r\n", True)
    assert source.encode(source.text.replace("Widget", "Gadget")) == RAW.replace(b"Widget", b"Gadget")
    bare_cr, _ = SourceText.decode(Path("w.md"), b"a: 1\rb: 2\r")
    assert bare_cr is not None and bare_cr.lines == ["a: 1", "b: 2", ""] and bare_cr.newline == "\r"


def test_a_binary_or_non_utf8_file_is_a_diagnostic_at_the_byte():
    assert SourceText.decode(Path("w.md"), b"a\x00b")[1][0].code == "binary-file"
    [problem] = SourceText.decode(Path("w.md"), b"ok\nbad \xff here\n")[1]
    assert (problem.code, problem.line, problem.column) == ("encoding", 2, 5)


def test_offsets_map_to_file_lines_and_nodes_are_found_by_path():
    source = SourceText("name: Widget\nfaq:\n  - question: Why?\n    answer: Because.\n", first_line=2)
    answer = source.node(("faq", 0, "answer"))
    assert answer is not None and answer.value == "Because."
    assert source.position(answer.start_mark.index) == (5, 13)
    assert source.node(("faq", 3)) is None and source.node(("name", "x")) is None
    assert find_node(None, ("a",)) is None
