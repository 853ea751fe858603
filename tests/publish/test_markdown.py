"""`privlint notice --format md` and `privlint record --format md`, read by the Markdown renderers
that publish them: MDX (`@mdx-js/mdx` with GitHub Flavored Markdown, as Docusaurus 3 reads `.md`),
kramdown (Jekyll, GitHub Pages) and Python-Markdown with `attr_list` and `tables` (MkDocs).

One hostile declaration (hostile_declaration.py) is rendered to Markdown once, as notice and as
record, and each renderer reads both once. For every renderer: nothing runs or becomes markup —
no MDX expression, JSX element (but the `<br />` privlint writes between the lines of a record
cell) or ESM, no HTML attribute named `on…`, no element the Markdown did not ask for — and every
declared string that privlint shows (in the HTML notice or the CSV record, which are plain text
once parsed) is there as text. The raw Markdown has no `{{`/`{%` for Liquid or Hugo to expand.

The renderers, pinned: `@mdx-js/mdx` and `remark-gfm` in tests/publish/mdx/package-lock.json
(installed into tests/publish/mdx/node_modules by this test with `npm ci --ignore-scripts`);
kramdown from Debian's `ruby-kramdown` (installed by scripts/publish-oracles.sh, which
scripts/test.sh runs before pytest); Python-Markdown from tests/requirements.txt. A missing
renderer fails the test under CI=true and skips it elsewhere, saying which.

The binary is target/release/privlint, or $PRIVLINT.
"""

import csv
import hashlib
import html.parser
import io
import json
import os
import pathlib
import re
import shutil
import subprocess

import pytest

from hostile_declaration import declaration
from oracle import BINARY, missing

HERE = pathlib.Path(__file__).resolve().parent
MDX = HERE / "mdx"


def privlint(*args: str) -> str:
    if not BINARY.exists():
        missing(f"{BINARY} is not built (cargo build --release)")
    out = subprocess.run([str(BINARY), *args], capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stderr
    return out.stdout


# Elements that are part of the running text: a string stays whole across them.
INLINE = {"a", "strong", "em", "b", "i", "code", "span", "del", "s", "sub", "sup", "mark"}


class Text(html.parser.HTMLParser):
    """The text of an HTML document (each element but an inline one a space), and every element
    with its attributes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.elements: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, attrs))
        self.handle_endtag(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag not in INLINE:
            self.parts.append(" ")

    def handle_data(self, data):
        self.parts.append(data)


def html_text(document: str) -> Text:
    parser = Text()
    parser.feed(document)
    parser.close()
    return parser


# kramdown sets quotes, dashes and ellipses typographically; the text is the same to a reader.
TYPOGRAPHY = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "…": "...", "–": "--", "—": "---"})


def normal(text: str) -> str:
    """Whitespace (line breaks included) as single spaces, typographic punctuation as typed."""
    return " ".join(text.translate(TYPOGRAPHY).split())


def csv_text(data: str) -> str:
    """The cells of the record CSV as text, without the `'` that keeps a spreadsheet from reading a
    formula where a cell may start (test_csv_libreoffice.py)."""
    rows = csv.reader(io.StringIO(data.removeprefix("\ufeff"), newline=""))
    cells = (re.sub(r"(^|[;\t\n\r])'(?=[=+\-@\t\r])", r"\1", cell) for row in rows for cell in row)
    return " ".join(cells)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    """The hostile declaration's notice and record, in Markdown, and as privlint shows them."""
    folder = tmp_path_factory.mktemp("markdown")
    text, strings = declaration()
    source = folder / "hostile.privacy"
    source.write_text(text, encoding="utf-8")
    notice = folder / "notice.md"
    record = folder / "record.md"
    notice.write_text(privlint("notice", str(source), "--format", "md"), encoding="utf-8")
    record.write_text(privlint("record", str(source), "--format", "md"), encoding="utf-8")
    shown = {
        "notice": normal("".join(html_text(privlint("notice", str(source))).parts)),
        "record": normal(csv_text(privlint("record", str(source), "--format", "csv"))),
    }
    return {"notice": notice, "record": record}, [normal(s) for s in strings], shown


def assert_all_shown(texts: dict[str, str], strings: list[str], shown: dict[str, str]):
    """Every declared string privlint shows in a document is in that document's rendering."""
    lost = []
    for string in strings:
        places = [doc for doc in ("notice", "record") if string in shown[doc]]
        assert places, f"the test's declaration has a string privlint shows nowhere: {string!r}"
        lost += [f"{doc}: {string!r}" for doc in places if string not in normal(texts[doc])]
    assert not lost, "declared strings missing from the rendered text:\n" + "\n".join(lost)


def test_the_markdown_has_nothing_for_liquid_or_hugo_to_expand(rendered):
    files, _, _ = rendered
    for name, path in files.items():
        markdown = path.read_text(encoding="utf-8")
        # No brace at all: `\\{%` would still be `{%` to Liquid.
        braces = [line for line in markdown.splitlines() if "{" in line or "}" in line]
        assert not braces, f"{name}: lines with a brace: {braces}"


@pytest.fixture(scope="module")
def mdx_check():
    if shutil.which("node") is None or shutil.which("npm") is None:
        missing("node and npm are needed to run @mdx-js/mdx")
    lock = MDX / "package-lock.json"
    node = subprocess.check_output(["node", "--version"], text=True).strip()
    stamp = f"{hashlib.sha256(lock.read_bytes()).hexdigest()} node-{node}"
    marker = MDX / "node_modules" / ".privlint-installed"
    if not marker.exists() or marker.read_text() != stamp:
        subprocess.run(
            ["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"],
            cwd=MDX,
            check=True,
            env={**os.environ, "npm_config_update_notifier": "false"},
        )
        marker.write_text(stamp)

    def run(paths):
        out = subprocess.run(
            ["node", str(MDX / "check.mjs"), *map(str, paths)],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert out.returncode == 0, out.stderr
        return json.loads(out.stdout)

    return run


def test_mdx_runs_no_expression_jsx_or_esm_and_shows_every_string(rendered, mdx_check):
    files, strings, shown = rendered
    result = mdx_check(files.values())
    texts = {}
    for name, path in files.items():
        entry = result[str(path)]
        assert entry["error"] is None, f"{name} does not compile as MDX: {entry['error']}"
        # The one JSX element privlint writes itself: the line break between a cell's lines.
        code = [
            node
            for node in entry["mdx"]
            if not (
                node["type"] == "mdxJsxTextElement"
                and node["name"] == "br"
                and not node["attributes"]
                and not node["children"]
            )
        ]
        assert not code, f"{name} has MDX that runs code or renders a component: {code}"
        texts[name] = entry["text"]
    assert_all_shown(texts, strings, shown)


# What the page may contain: the elements the Markdown of a notice and a record is made of.
ELEMENTS = {"h1", "h2", "h3", "h4", "p", "ul", "li", "strong", "a", "table", "thead", "tbody",
            "tr", "th", "td", "br", "blockquote"}


def assert_plain_html(name: str, page: str):
    parsed = html_text(page)
    handlers = [(tag, a) for tag, attrs in parsed.elements for a, _ in attrs if a.lower().startswith("on")]
    assert not handlers, f"{name}: event-handler attributes {handlers}"
    unexpected = sorted({tag for tag, _ in parsed.elements} - ELEMENTS)
    assert not unexpected, f"{name}: elements the Markdown did not ask for: {unexpected}"
    # Links only where privlint writes them: mail, telephone, the controller's web site.
    hrefs = [dict(attrs).get("href") or "" for tag, attrs in parsed.elements if tag == "a"]
    bad = [h for h in hrefs if not re.match(r"(mailto:|tel:|https://c\.example/$)", h)]
    assert not bad, f"{name}: links privlint did not write: {bad}"
    return "".join(parsed.parts)


def test_kramdown_makes_no_attribute_or_markup_and_shows_every_string(rendered):
    files, strings, shown = rendered
    if shutil.which("ruby") is None:
        missing("ruby is needed for kramdown (scripts/publish-oracles.sh installs ruby-kramdown)")
    program = 'require "kramdown"; print Kramdown::Document.new($stdin.read).to_html'
    texts = {}
    for name, path in files.items():
        out = subprocess.run(
            ["ruby", "-e", program],
            input=path.read_text(encoding="utf-8"),
            capture_output=True,
            text=True,
            check=False,
        )
        if "cannot load such file -- kramdown" in out.stderr:
            missing("kramdown is not installed (scripts/publish-oracles.sh installs ruby-kramdown)")
        assert out.returncode == 0, out.stderr
        texts[name] = assert_plain_html(name, out.stdout)
    assert_all_shown(texts, strings, shown)


def test_python_markdown_with_attr_list_makes_no_attribute_and_shows_every_string(rendered):
    files, strings, shown = rendered
    try:
        import markdown
    except ImportError:
        missing("Python-Markdown is not installed (scripts/setup.sh installs tests/requirements.txt)")
    texts = {}
    for name, path in files.items():
        page = markdown.markdown(
            path.read_text(encoding="utf-8"), extensions=["attr_list", "tables", "toc"]
        )
        texts[name] = assert_plain_html(name, page)
    assert_all_shown(texts, strings, shown)
