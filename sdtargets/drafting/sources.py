"""Reading a new document for `import`: UTF-8 text, an HTML page saved from a government site,
or a PDF with a text layer, as lines of plain text.

Items cite a line of a text file in `data/sources/`, so whatever the input, the drafter works on
the lines this module returns, and `import --save-text` writes exactly those lines for the
curator to keep as the source. Every way an input can be unusable (empty, binary, a PDF without
text layer) is one `SdError` sentence (exit 2). pypdf is imported only here, only for a PDF.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from ..errors import SdError


def read_source(path: Path) -> list[str]:
    """The lines of plain text in ``path`` (text, HTML or PDF, told apart by their content)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SdError(f"Cannot read {path}: {exc.strerror or exc}.") from None
    if not data.strip():
        raise SdError(f"{path} is empty.")
    if data.startswith(b"%PDF-"):
        text = pdf_text(path)
    elif _looks_html(data):
        text = html_text(_decode(data, path, html=True))
    else:
        text = _decode(data, path)
    lines = text.splitlines()
    if not any(re.search(r"[^\W\d_]", line) for line in lines):
        raise SdError(f"{path} has no text to draft from.")
    return lines


def _looks_html(data: bytes) -> bool:
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html", b"<?xml")) or (
        head.startswith(b"<") and (b"<body" in data[:65536].lower() or b"<p" in head)
    )


def _decode(data: bytes, path: Path, html: bool = False) -> str:
    """UTF-8 (a BOM allowed); an HTML page's declared charset; GB18030 for a text that is
    plainly Chinese in that encoding. Anything else is binary, and refused."""
    if b"\x00" in data:
        raise SdError(f"{path} is a binary file, not a plan text (UTF-8 text, an HTML page or a PDF).")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if html and (m := re.search(rb"charset\s*=\s*[\"']?([A-Za-z0-9_-]+)", data[:4096], re.I)):
        declared = m.group(1).decode("ascii").lower()
        try:  # the page says what it is (gb2312 pages are decoded as the superset gb18030)
            return data.decode("gb18030" if declared in ("gb2312", "gbk") else declared)
        except (UnicodeDecodeError, LookupError):
            pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        pass
    else:
        cjk = sum("\u4e00" <= ch <= "\u9fff" for ch in text)
        controls = any(ch < " " and ch not in "\t\r\n\f" for ch in text)
        if cjk >= 0.2 * len(text.strip()) and not controls:
            return text
    if html:
        raise SdError(
            f"{path} is an HTML page whose bytes are neither UTF-8 nor in a charset it declares:"
            " save it as UTF-8 and import that."
        )
    raise SdError(f"{path} is not UTF-8 text (nor an HTML page or a PDF).")


# ---------------------------------------------------------------------------------------------
# HTML

#: Elements whose content is never the document: scripts, styles, navigation, page furniture.
_SKIP = {
    "script",
    "style",
    "noscript",
    "head",
    "nav",
    "header",
    "footer",
    "iframe",
    "form",
    "button",
    "select",
    "template",
    "svg",
    "aside",
}
#: Elements that end a paragraph.
_BLOCK = {
    "p",
    "div",
    "br",
    "li",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "section",
    "article",
    "ul",
    "ol",
    "dd",
    "dt",
    "blockquote",
    "pre",
    "hr",
    "title",
    "center",
}
_VOID = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source", "wbr"}
#: class or id of page furniture on government sites (menus, breadcrumbs, share buttons).
_FURNITURE_RE = re.compile(r"\b(nav|menu|footer|breadcrumb|share|sidebar|toolbar|crumb)", re.I)


class _TextParser(HTMLParser):
    """Collects text outside hidden elements, with a line break at every block element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.open: list[tuple[str, bool]] = []  # (tag, hides its content) per open element

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK:
            self.parts.append("\n")
        elif tag in ("td", "th"):
            self.parts.append("\t")  # table cells stay apart: `研发投入强度\t2.8\t3.0`
        if tag in _VOID:
            return
        furniture = any(k in ("class", "id") and v and _FURNITURE_RE.search(v) for k, v in attrs)
        self.open.append((tag, tag in _SKIP or furniture))

    def handle_endtag(self, tag: str) -> None:
        # close up to the matching element: HTML in the wild leaves elements open
        for depth in range(len(self.open) - 1, -1, -1):
            if self.open[depth][0] == tag:
                del self.open[depth:]
                break
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not any(hidden for _, hidden in self.open):
            self.parts.append(re.sub(r"[ \t\r\n\f\v\xa0]+", " ", data))


def html_text(html: str) -> str:
    """The readable text of an HTML page: one line per paragraph (block element), scripts,
    styles, navigation and page furniture left out, entities decoded."""
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    out: list[str] = []
    for line in "".join(parser.parts).split("\n"):
        line = line.strip()
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip() + "\n"


# ---------------------------------------------------------------------------------------------
# PDF

_PAGE_NUMBER_RE = re.compile(r"^[-—–\s]*\d{1,4}[-—–\s]*$")


def pdf_text(path: Path) -> str:
    """The text layer of a PDF, page by page (page-number lines dropped). A PDF without one (a
    scan) is refused: it needs OCR first."""
    try:
        import logging

        import pypdf
    except ImportError:
        raise SdError("Reading a PDF needs the pypdf package: pip install pypdf.") from None
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = pypdf.PdfReader(str(path))
        texts = [page.extract_text() or "" for page in reader.pages]
    except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds for a broken or locked file
        raise SdError(f"{path} cannot be read as a PDF ({type(exc).__name__}).") from None
    lines = [ln for t in texts for ln in t.splitlines() if not _PAGE_NUMBER_RE.match(ln)]
    if not any(re.search(r"[^\W\d_]", ln) for ln in lines):
        raise SdError(f"{path} has no text layer (a scanned PDF?): run OCR on it and import the text.")
    return "\n".join(lines) + "\n"
