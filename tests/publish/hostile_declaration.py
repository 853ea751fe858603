"""One hostile declaration for the publishing tests (test_markdown.py, test_csv_libreoffice.py):
every kind of string a notice or a record shows carries what a Markdown site generator would run
or a spreadsheet would evaluate. `check` gives it no error, so `notice` renders it without
`--draft`, as an attacker's pull request would be rendered.

What is in the strings, and who would act on it:
- MDX (Docusaurus 3 reads `.md` as MDX): `{…}` expressions, which run as JavaScript at build
  time, JSX (`<Foo/>`), and `import`/`export` at the start of a paragraph (ESM);
- kramdown (Jekyll, GitHub Pages) and Python-Markdown's `attr_list` (MkDocs): `{: onmouseover=…}`
  attribute lists at the start of a list item and at the end of a heading, kramdown's
  `{::nomarkdown}` and `$$` math;
- Liquid (Jekyll) `{{ … }}`, `{% … %}`, and Hugo shortcodes `{{< … >}}`, `{{% … %}}`, which are
  expanded in the raw text before any Markdown is read;
- Markdown itself: emphasis, links, images, raw HTML, entities, block starts (`- `, `1. `, `# `,
  `> `, `=`), table pipes, a backslash at the end of a line, a carriage return;
- spreadsheets opening the CSV with `,` or `;` as separator (Norwegian Excel uses `;`): `=`, `+`,
  `-`, `@` at the start of a cell, of a `;`-segment, and of a line of a cell.
"""

MDX_EXPRESSION = '{globalThis.process.mainModule.require("child_process").execSync("id -un")}'
# An attribute list at the start of a list item (kramdown) and at the end of a heading or list
# item (kramdown, Python-Markdown's attr_list).
ATTRIBUTES = '{: onmouseover="alert(1)"} #N starts and ends {: onmouseover="alert(2)" }'
# JavaScript modules (MDX) and a definition (kramdown), where a paragraph starts.
ESM_EXPORT = "export const a = globalThis.process.exit(1)"
ESM_IMPORT = 'import x from "node:child_process"'
DEFINITION = ": a kramdown definition"
# Formulas after a `;`, a line break or a tab in a string (`#N` first, so that what follows is a
# whole formula: LibreOffice evaluates `=6*7` to 42 where it starts a cell).
HYPERLINK = '#N a;=HYPERLINK("http://attacker.example";"klikk")'
FORMULA_SEGMENTS = "#N x;=6*7;+6*7;-6*7;@SUM(6)"
FORMULA_LINES = "#N first line\n=6*7\n+6*7\n-6*7\n@SUM(6)"
FORMULA_CR = "#N carriage\r=6*7"
FORMULA_TAB = "#N tab\t=6*7"

# Each string's payload, with `#N` where its number goes (else at the end). The numbers make
# every string unique, so that finding a string in the output says that this string was shown.
PAYLOADS = [
    MDX_EXPRESSION,
    ATTRIBUTES,
    "{{ site.github.token }} and {% raw %}liquid{% endraw %}",
    "{{< shortcode >}} hugo {{% shortcode %}}",
    '<Foo/> and <img src=x onerror="alert(3)"> and <script>alert(4)</script>',
    ESM_EXPORT,
    ESM_IMPORT,
    "{::nomarkdown}<b onmouseover=alert(5)>x</b>{:/} and $$x^2$$",
    "- a list item",
    "1. an ordered item",
    "# a heading",
    "> a quote",
    "=",
    DEFINITION,
    "*em* _em_ **strong** `code` ~~strike~~ [link](javascript:alert(6)) ![img](x.png)",
    "a | table | pipe",
    "&amp; &lt;b&gt; &#123; &#x7B;",
    "#N ends in a backslash \\",
    "new\nline {: onmouseover=\"alert(7)\"}",
    "{ #N",
    "#N }",
    HYPERLINK,
    FORMULA_SEGMENTS,
    FORMULA_LINES,
    FORMULA_CR,
    FORMULA_TAB,
]


def string(n: int, payload: str) -> str:
    """A hostile string, made unique by its number."""
    return payload.replace("#N", f"#{n}") if "#N" in payload else f"{payload} #{n}"


# Shown as written in the record's second cell: a formula where a spreadsheet starts reading.
ORG_NUMBER = "=6*7"


def literal(text: str) -> str:
    """`text` as a string literal of the language."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    escaped = escaped.replace("\n", "\\n").replace("\r", "\\u{D}").replace("\t", "\\t")
    return f'"{escaped}"'


class Declaration:
    """Builds the declaration, numbering the strings as they are written."""

    def __init__(self):
        self.strings: list[str] = []
        self.turn = 0

    def s(self, payload: str | None = None, numbered: bool = True) -> str:
        """The next string: with `payload`, else with the next payload in turn."""
        n = len(self.strings)
        if payload is None:
            payload = PAYLOADS[self.turn % len(PAYLOADS)]
            self.turn += 1
        text = string(n, payload) if numbered else payload
        self.strings.append(text)
        return literal(text)

    def text(self) -> str:
        s = self.s
        return f"""\
notice {s(ATTRIBUTES)} {{ languages nb }}
controller c {s()} {{
  org_number {s(ORG_NUMBER, numbered=False)}
  country NO
  address {s(ESM_EXPORT)}
  email "post@c.example"
  phone "+47 22 00 00 00"
  url "https://c.example/"
  authority dt {s()}
}}
dpo {s()} {{
  email "dpo@c.example"
  address {s(ESM_IMPORT)}
}}
representative {s()} {{
  country DE
  email "rep@c.example"
  address {s(DEFINITION)}
}}
category kontakt {s(ATTRIBUTES)} {{ includes {s()}, {s()}, {s()} }}
category helse {s()} {{ special }}
subject kunder {s(ATTRIBUTES)}
source register {s()} {{
  public
  country NO
}}
source deg {s()} {{ data_subject }}
recipient politi {s()} {{
  country NO
  public_authority
}}
recipient utland {s()} {{
  country BR
  # privlint: allow derogation-transfer -- occasional
  safeguard derogation explicit_consent {s()}
}}
processor drift {s()} {{
  country NO
  agreement {s(HYPERLINK)}
}}
joint_controller felles {s()} {{
  country NO
  arrangement {s()}
}}
purpose p {s(ATTRIBUTES)} {{
  basis legitimate_interests {s()}
  basis legal_obligation {s()}
  condition explicit_consent
  data kontakt, helse
  subjects kunder
  # From the person as well, so that the notice says whether they must give the data.
  sources register, deg
  recipients politi, utland
  processors drift
  joint_controllers felles
  provision contractual {s()}
  dpia {s(FORMULA_LINES)}
  retention 2 years after {s()}
  decision {s()} {{
    logic {s()}
    safeguards human_review, express_view, contest
  }}
}}
purpose q {s(MDX_EXPRESSION)} {{
  basis contract
  data kontakt
  subjects kunder
  provision voluntary {s()}
  retention until {s(FORMULA_CR)}
}}
purpose r {s(FORMULA_SEGMENTS)} {{
  basis public_task {s(FORMULA_TAB)}
  data kontakt
  subjects kunder
  provision statutory {s()}
  # privlint: allow indefinite-retention -- archives
  retention indefinite {s()}
}}
rights {{
  access {s()}
  rectification
  erasure {s()}
  restriction
  objection
  portability
  withdraw_consent
  human_review
  complaint dt {s()}
  respond_within 30 days
}}
"""


def declaration() -> tuple[str, list[str]]:
    """The declaration's text, and every string it declares."""
    builder = Declaration()
    text = builder.text()
    return text, builder.strings
