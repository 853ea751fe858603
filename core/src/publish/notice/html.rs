//! The notice as one self-contained HTML file: no script, no external resource, inline CSS;
//! `lang`, a skip link, h1 → h2 → h3, readable on a phone, printable. There is no table of
//! contents: the first part links every purpose, the rights and the contact part, and a list
//! of the headings above it would fill a phone screen with the same lines twice. Every string from the declaration is escaped.

use super::{Block, Document, Inline, Later, Section};

const STYLE: &str = "\
:root{color-scheme:light}
*{box-sizing:border-box}
body{margin:0;background:#fff;color:#1b1b1b;font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,\"Helvetica Neue\",Arial,sans-serif;font-size:1.0625rem;line-height:1.6}
header,main{max-width:46rem;margin:0 auto;padding:0 1rem}
header{padding-top:1.5rem}
h1{font-size:1.9rem;line-height:1.2;margin:0 0 1rem}
h2{font-size:1.45rem;line-height:1.3;margin:2.5rem 0 .75rem;padding-top:1rem;border-top:.125rem solid #d0d5dd}
h3{font-size:1.2rem;line-height:1.35;margin:1.75rem 0 .5rem}
h1,h2,h3,p,li,dt,dd{overflow-wrap:anywhere}
a{color:#0a4f8f;text-decoration-thickness:.08em;text-underline-offset:.15em}
a:hover{color:#06345f}
a:focus-visible{outline:.2rem solid #0a4f8f;outline-offset:.15rem}
.skip{position:absolute;left:-100vw;top:0}
.skip:focus{left:1rem;top:1rem;z-index:1;background:#fff;color:#0a4f8f;padding:.5rem .75rem;border:.15rem solid #0a4f8f}
.draft{margin:0 0 1rem;padding:.75rem 1rem;border:.2rem solid #a4161a;border-radius:.25rem;background:#fdeceb;color:#5c0b0e;font-weight:700}
dl{margin:.5rem 0 1rem}
dt{font-weight:700;margin-top:1rem}
dd{margin:.25rem 0 0}
dd>p:first-child{margin-top:0}
ul{padding-left:1.5rem}
li{margin:.3rem 0}
main{padding-bottom:3rem}
header>p{margin:.25rem 0 .75rem}
details{border-top:.0625rem solid #d0d5dd}
details:not(:has(+details)){border-bottom:.0625rem solid #d0d5dd}
summary{cursor:pointer;padding:.4rem 0}
summary>h3{display:inline;margin:0}
summary:focus-visible{outline:.2rem solid #0a4f8f;outline-offset:.15rem}
details>p{margin:.25rem 0 .75rem}
#summary h3{font-size:1.1rem;margin:1rem 0 .25rem}
#summary p{margin:.25rem 0 .5rem}
#summary ul{margin:.25rem 0 .5rem}
#summary li{margin:0}
#summary li+li{margin-top:.2rem}
#contact dt{float:left;clear:left;margin:0 .5rem 0 0}
#contact dd,#contact dd>p{margin:0 0 .15rem}
#contact dl::after{content:\"\";display:block;clear:both}
@media (max-width:30rem){body{font-size:1rem;line-height:1.5}header{padding-top:1rem}h1{font-size:1.5rem;margin-bottom:.5rem}h2{font-size:1.25rem;margin-top:1.5rem;padding-top:.75rem}h3{font-size:1.1rem;margin-top:1.25rem}#summary h3{margin-top:.75rem}main{padding-bottom:1.5rem}}
@media print{
body{font-size:11pt;color:#000}
header,main{max-width:none;padding:0}
.skip{display:none}
a{color:#000}
a[href^=\"http\"]::after{content:\" (\" attr(href) \")\";font-size:.9em}
h2,h3,dt{break-after:avoid}
li,dd{break-inside:avoid}
.draft{border:2pt solid #000;background:none;color:#000}
details::details-content{content-visibility:visible;display:block}
summary{list-style:none}
}
";

pub fn write(document: &Document, later: Later) -> String {
    let mut out = String::with_capacity(16 * 1024);
    let lang = escape(document.language.tag());
    out.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n",
        escape(&plain(&document.title))
    ));
    out.push_str(&format!(
        "<a class=\"skip\" href=\"#main\">{}</a>\n",
        escape(&document.skip)
    ));
    out.push_str("<header>\n<h1>");
    inlines(&mut out, &document.title);
    out.push_str("</h1>\n");
    if let Some(banner) = &document.banner {
        out.push_str(&format!(
            "<p class=\"draft\" role=\"note\">{}</p>\n",
            escape(banner)
        ));
    }
    for block in &document.intro {
        write_block(&mut out, block);
    }
    out.push_str("</header>\n<main id=\"main\">\n");
    for section in &document.sections {
        write_section(&mut out, section, 2, later);
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// A section; a folded one is a `<details>` whose `<summary>` holds the heading, so that the
/// outline keeps it and a phone reader opens only the purpose they care about.
fn write_section(out: &mut String, section: &Section, level: usize, later: Later) {
    let id = escape(&section.id);
    if section.folded {
        out.push_str(&format!("<details id=\"{id}\">\n<summary><h{level}>"));
    } else {
        out.push_str(&format!("<section id=\"{id}\">\n<h{level}>"));
    }
    inlines(out, &section.heading);
    out.push_str(&format!("</h{level}>"));
    out.push_str(if section.folded { "</summary>\n" } else { "\n" });
    for block in &section.blocks {
        write_block(out, block);
    }
    for sub in &section.subsections {
        write_section(out, sub, level + 1, later);
    }
    later(section, &mut |sub| {
        write_section(out, sub, level + 1, later)
    });
    out.push_str(if section.folded {
        "</details>\n"
    } else {
        "</section>\n"
    });
}

fn write_block(out: &mut String, block: &Block) {
    match block {
        Block::Folded { line, body } => {
            out.push_str("<details>\n<summary>");
            inlines(out, line);
            out.push_str("</summary>\n");
            for block in body {
                write_block(out, block);
            }
            out.push_str("</details>\n");
        }
        Block::Paragraph(content) => {
            out.push_str("<p>");
            inlines(out, content);
            out.push_str("</p>\n");
        }
        Block::List(items) => {
            out.push_str("<ul>\n");
            for item in items {
                out.push_str("<li>");
                inlines(out, item);
                out.push_str("</li>\n");
            }
            out.push_str("</ul>\n");
        }
        Block::Facts(facts) => {
            out.push_str("<dl>\n");
            for fact in facts {
                out.push_str(&format!("<dt>{}</dt>\n<dd>\n", escape(&fact.term)));
                for block in &fact.body {
                    write_block(out, block);
                }
                out.push_str("</dd>\n");
            }
            out.push_str("</dl>\n");
        }
    }
}

fn inlines(out: &mut String, content: &[Inline]) {
    for inline in content {
        match inline {
            Inline::Fixed(text) => out.push_str(&escape(text)),
            Inline::Declared { text, lang: None } => out.push_str(&escape(text)),
            Inline::Declared {
                text,
                lang: Some(lang),
            } => out.push_str(&format!(
                "<span lang=\"{}\">{}</span>",
                escape(lang),
                escape(text)
            )),
            Inline::Strong(content) => {
                out.push_str("<strong>");
                inlines(out, content);
                out.push_str("</strong>");
            }
            Inline::Link { href, content } => {
                out.push_str(&format!("<a href=\"{}\">", escape(href)));
                inlines(out, content);
                out.push_str("</a>");
            }
        }
    }
}

/// The text of inlines, for `<title>`.
pub fn plain(content: &[Inline]) -> String {
    let mut out = String::new();
    for inline in content {
        match inline {
            Inline::Fixed(text) | Inline::Declared { text, .. } => out.push_str(text),
            Inline::Strong(content) | Inline::Link { content, .. } => out.push_str(&plain(content)),
        }
    }
    out
}

/// Escapes text for element content and quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters other than tab and line breaks are not allowed in HTML.
            c if c.is_control() && !matches!(c, '\t' | '\n' | '\r') => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}
