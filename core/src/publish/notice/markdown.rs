//! The notice in CommonMark, written so that the Markdown readers it is published with (MDX,
//! kramdown, Python-Markdown, Liquid and Hugo before them) show it as text: declaration strings
//! are escaped by [`escape`], which the record's Markdown uses too; line breaks and runs of
//! spaces become one space, and a block that would start like a list item, a heading or a
//! JavaScript module gets its first character escaped. Links inside the notice (`#…`) have no
//! target in plain CommonMark and are written as their text.

use std::fmt::Write;

use super::{Block, Document, Inline, Later, Section};

pub fn write(document: &Document, later: Later) -> String {
    let mut out = String::with_capacity(16 * 1024);
    out.push_str(&format!("# {}\n\n", line(&document.title)));
    if let Some(banner) = &document.banner {
        out.push_str(&format!(
            "> **{}**\n\n",
            line(&[Inline::Fixed(banner.clone())])
        ));
    }
    for block in &document.intro {
        write_block(&mut out, block);
    }
    for section in &document.sections {
        write_section(&mut out, section, 2, later);
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn write_section(out: &mut String, section: &Section, level: usize, later: Later) {
    out.push_str(&format!(
        "{} {}\n\n",
        "#".repeat(level),
        line(&section.heading)
    ));
    for block in &section.blocks {
        write_block(out, block);
    }
    for sub in &section.subsections {
        write_section(out, sub, level + 1, later);
    }
    later(section, &mut |sub| {
        write_section(out, sub, level + 1, later)
    });
}

fn write_block(out: &mut String, block: &Block) {
    match block {
        Block::Paragraph(content) => out.push_str(&format!("{}\n\n", line(content))),
        Block::List(items) => {
            for item in items {
                out.push_str(&format!("- {}\n", line(item)));
            }
            out.push('\n');
        }
        // No folding in Markdown: the line is a paragraph, its body follows.
        Block::Folded {
            line: summary,
            body,
        } => {
            out.push_str(&format!("{}\n\n", line(summary)));
            for block in body {
                write_block(out, block);
            }
        }
        Block::Facts(facts) => {
            for fact in facts {
                out.push_str(&format!("**{}**\n\n", escape(&fact.term)));
                for block in &fact.body {
                    write_block(out, block);
                }
            }
        }
    }
}

/// Inlines as one line of Markdown, safe at the start of a block.
fn line(content: &[Inline]) -> String {
    let mut out = String::new();
    inlines(&mut out, content);
    let out = out.trim().to_string();
    guard_block_start(out)
}

fn inlines(out: &mut String, content: &[Inline]) {
    for inline in content {
        match inline {
            Inline::Fixed(text) | Inline::Declared { text, .. } => out.push_str(&escape(text)),
            Inline::Strong(content) => {
                let mut inner = String::new();
                inlines(&mut inner, content);
                out.push_str(&format!("**{}**", inner.trim()));
            }
            Inline::Link { href, content } => {
                let mut inner = String::new();
                inlines(&mut inner, content);
                // A brace in the target would reach Liquid and Hugo unescaped (see `escape`).
                if href.starts_with('#')
                    || href.contains(|c: char| c.is_whitespace() || "<>()\\{}".contains(c))
                {
                    out.push_str(&inner);
                } else {
                    out.push_str(&format!("[{inner}]({href})"));
                }
            }
        }
    }
}

/// Escapes a text for inline Markdown, so that every Markdown reader privlint's output is
/// published with shows it as the text it is: CommonMark and GitHub, MDX (Docusaurus), kramdown
/// (Jekyll), Python-Markdown (MkDocs), and the template languages that read the raw file first.
/// - `` ` `` `*` `_` `[` `]` `#` `!` (markup) get a backslash, which all of them read alike.
/// - The other characters they act on become character references, which all of them show as
///   the character: `{` `}` (MDX runs `{…}` as JavaScript; kramdown and Python-Markdown's
///   `attr_list` make `{: onmouseover=…}` an HTML attribute; Liquid's `{{ }}` `{% %}`, Hugo's
///   shortcodes and Jinja's `{# #}` are expanded before any Markdown is read, and `\{%` is
///   still `{%` to them); `<` `>` `&` (HTML, and JSX in MDX); `\` (kramdown reads `\\` at the
///   end of a line as a line break); `|` `~` `$` (tables, strikethrough and fences, kramdown's
///   math, where Python-Markdown would show a backslash).
/// - Whitespace, line breaks included, becomes single spaces; a control character U+FFFD.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        match c {
            '`' | '*' | '_' | '[' | ']' | '#' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '{' | '}' | '\\' | '|' | '~' | '$' => {
                write!(out, "&#{};", u32::from(c)).expect("writing to a String")
            }
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    if space {
        out.push(' ');
    }
    out
}

/// A line that would start another block than a paragraph gets its telling character escaped:
/// a list item (`-`, `+`, `1.`, `1)`) a backslash; a setext underline (`=`), a kramdown
/// definition (`:`) and a JavaScript module in MDX (`import`, `export`) a character reference
/// (Python-Markdown would show a backslash before `=` and `:`, and a letter has none).
fn guard_block_start(line: String) -> String {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    match line.as_bytes() {
        [b'-' | b'+', ..] => format!("\\{line}"),
        [c @ (b'=' | b':'), ..] => format!("&#{c};{}", &line[1..]),
        [_, ..] if digits > 0 && matches!(line.as_bytes().get(digits), Some(b'.' | b')')) => {
            format!("{}\\{}", &line[..digits], &line[digits..])
        }
        _ if line.starts_with("import") || line.starts_with("export") => {
            format!("&#{};{}", line.as_bytes()[0], &line[1..])
        }
        _ => line,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn block_starts_are_guarded() {
        assert_eq!(guard_block_start("- a".into()), "\\- a");
        assert_eq!(guard_block_start("+47".into()), "\\+47");
        assert_eq!(guard_block_start("12. a".into()), "12\\. a");
        assert_eq!(guard_block_start("1) a".into()), "1\\) a");
        assert_eq!(guard_block_start("=".into()), "&#61;");
        assert_eq!(guard_block_start(": a".into()), "&#58; a");
        assert_eq!(guard_block_start("import x".into()), "&#105;mport x");
        assert_eq!(
            guard_block_start("export const".into()),
            "&#101;xport const"
        );
        assert_eq!(guard_block_start("Kunder".into()), "Kunder");
        assert_eq!(guard_block_start("12 a".into()), "12 a");
        assert_eq!(guard_block_start(String::new()), "");
        assert_eq!(escape("a\n# b  *c*"), "a \\# b \\*c\\*");
        assert_eq!(escape(" er "), " er ");
    }

    #[test]
    fn escape_leaves_nothing_for_mdx_kramdown_liquid_or_hugo() {
        // MDX expression, kramdown and attr_list attributes, Liquid, Hugo shortcodes, JSX.
        assert_eq!(
            escape(r#"{require("child_process").execSync("id")}"#),
            r#"&#123;require("child\_process").execSync("id")&#125;"#
        );
        assert_eq!(
            escape(r#"{: onmouseover="alert(1)"}"#),
            r#"&#123;: onmouseover="alert(1)"&#125;"#
        );
        let templates = escape("{{ site.x }} {% raw %} {{< s >}} {{% s %}} {# c #}");
        assert!(!templates.contains(['{', '}']), "{templates}");
        assert_eq!(escape("<Foo/> & &amp;"), "&lt;Foo/&gt; &amp; &amp;amp;");
        // Characters some of the readers do not take a backslash before.
        assert_eq!(
            escape(r"a | b ~~c~~ $$d$$ e\"),
            "a &#124; b &#126;&#126;c&#126;&#126; &#36;&#36;d&#36;&#36; e&#92;"
        );
        // A carriage return, as any line break, is a space; a control character is replaced.
        assert_eq!(escape("a\rb\r\nc\u{7}"), "a b c\u{FFFD}");
        assert_eq!(
            escape("Blåbær AS, 1-2 (3): «4»."),
            "Blåbær AS, 1-2 (3): «4»."
        );
    }
}
