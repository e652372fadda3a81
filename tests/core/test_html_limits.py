"""Saved pages under every size limit that would still take minutes or gigabytes, and
page archives the MIME parser cannot read, end in a one-line reason (or are read in
part) within seconds: ``article-reader show`` as the reader runs it."""

from __future__ import annotations

import base64
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.cli import main
from reader.core import limits
from reader.core.articles.formats import parse_bytes

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = b"<p>" + b"The harbour woke slowly under a grey and patient sky. " * 8 + b"</p>"
HTML = b"<html><head><title>Harbour</title></head><body><article>" + ARTICLE + b"</article>"
ARCHIVE = b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="B"\r\n\r\n'


def html_part(body: bytes = HTML, encoding: bytes = b"8bit") -> bytes:
    return (
        b"--B\r\nContent-Type: text/html; charset=utf-8\r\n"
        b"Content-Transfer-Encoding: " + encoding + b"\r\n\r\n" + body + b"\r\n"
    )


IMAGE_PART = b"--B\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\nAAAA\r\n"


def show(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str, float]:
    start = time.monotonic()
    code = main(["show", str(path)])
    elapsed = time.monotonic() - start
    out, err = capsys.readouterr()
    return code, out, err, elapsed


def test_an_archive_of_a_hundred_thousand_parts_shows_its_page_within_seconds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "heavy.mhtml"
    path.write_bytes(ARCHIVE + html_part() + IMAGE_PART * 100_000 + b"--B--\r\n")
    code, out, err, elapsed = show(path, capsys)
    assert (code, err) == (0, "")
    assert "The harbour woke slowly" in out
    assert elapsed < 12  # every part's headers parsed: over 20 s


def test_a_page_past_the_parts_read_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("reader.core.articles.html_source.MAX_PAGE_PARTS", 3)
    late = ARCHIVE + IMAGE_PART * 3 + html_part() + b"--B--\r\n"
    assert (
        parse_bytes("late.mhtml", late).error
        == "no web page in the first 3 parts of this MHTML file"
    )
    early = ARCHIVE + IMAGE_PART * 2 + html_part() + IMAGE_PART * 5 + b"--B--\r\n"
    assert parse_bytes("early.mhtml", early).error is None
    assert limits.MAX_PAGE_PARTS >= 1_000  # a heavy page has a few hundred


def test_a_page_of_150_000_paragraphs_is_refused_within_seconds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "huge.html"
    paragraphs = b"".join(b"<p>Paragraph %d has a few words.</p>" % i for i in range(150_000))
    path.write_bytes(b"<html><body><article>" + paragraphs + b"</article></body></html>")
    code, _, err, elapsed = show(path, capsys)
    assert (
        code == 1 and "page too complex (150,000 runs of text in paragraphs; limit 20,000)" in err
    )
    assert err.count("\n") == 1
    assert elapsed < 25  # extracted to the end: about a minute


def test_a_huge_page_is_refused_within_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "huge.html"
    paragraphs = b"".join(b"<p>Paragraph %d has a few words.</p>" % i for i in range(150_000))
    path.write_bytes(b"<html><body><article>" + paragraphs + b"</article></body></html>")
    script = (
        "import resource, sys\nfrom reader.cli import main\n"
        f"code = main(['show', {str(path)!r}])\n"
        "print(code, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,  # this tree's reader
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    code, peak_kb = map(int, done.stdout.split())
    assert code == 1
    assert peak_kb < 500 * 1024  # extracted to the end: about 700 MB


@pytest.mark.parametrize("encoded", [b"@@@@", b"!!!!not*base64@@@", b"PGh0b Ww+PHA+a==="])
def test_a_page_whose_base64_cannot_be_decoded_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], encoded: bytes
) -> None:
    path = tmp_path / "broken.mhtml"
    path.write_bytes(ARCHIVE + html_part(encoded, b"base64") + b"--B--\r\n")
    code, _, err, _ = show(path, capsys)
    assert code == 1
    assert "the web page in this archive could not be decoded (bad base64)" in err


def test_base64_without_its_padding_is_still_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    encoded = base64.b64encode(HTML + b" ").rstrip(b"=")  # browsers' padding is optional
    assert len(encoded) % 4
    path = tmp_path / "unpadded.mhtml"
    path.write_bytes(ARCHIVE + html_part(encoded, b"base64") + b"--B--\r\n")
    code, out, _, _ = show(path, capsys)
    assert code == 0 and "The harbour woke slowly" in out


def nested(depth: int) -> bytes:
    data = b"MIME-Version: 1.0\r\n"
    for level in range(depth):
        data += b'Content-Type: multipart/mixed; boundary="b%d"\r\n\r\n--b%d\r\n' % (level, level)
    return data + b"Content-Type: text/html\r\n\r\n" + HTML + b"\r\n"


def test_an_archive_nested_thousands_deep_gives_a_one_line_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "deep.mhtml"
    path.write_bytes(nested(3_000))
    code, _, err, _ = show(path, capsys)
    assert code == 1 and "Recursion" not in err and err.count("\n") == 1
    assert "too many nested sections in this page archive (3,000; limit 32)" in err
    path.write_bytes(nested(3))  # a browser's archive nests a section or two
    code, out, _, _ = show(path, capsys)
    assert code == 0 and "The harbour woke slowly" in out


def test_a_page_under_every_size_limit_stops_extracting_after_its_budget(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "blocks.html"
    blocks = b"<div><span>a b</span></div>" * 80_000  # 160,002 elements, no paragraph
    path.write_bytes(b"<html><body><article>" + ARTICLE + blocks + b"</article></body></html>")
    code, _, err, elapsed = show(path, capsys)
    assert code == 1 and "page too complex (over 5 s of extraction)" in err
    assert err.count("\n") == 1
    assert elapsed < 25  # extracted to the end: over half a minute
