//! The notice in CommonMark. Declaration strings are escaped: Markdown metacharacters get a
//! backslash, line breaks and runs of spaces become one space, and a block that would start
//! like a list item or a heading gets its first character escaped. Links inside the notice
//! (`#…`) have no target in plain CommonMark and are written as their text.

use super::{Block, Document, Inline, Section};

pub fn write(document: &Document) -> String {
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
        write_section(&mut out, section, 2);
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn write_section(out: &mut String, section: &Section, level: usize) {
    out.push_str(&format!(
        "{} {}\n\n",
        "#".repeat(level),
        line(&section.heading)
    ));
    for block in &section.blocks {
        write_block(out, block);
    }
    for sub in &section.subsections {
        write_section(out, sub, level + 1);
    }
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
                if href.starts_with('#')
                    || href.contains(|c: char| c.is_whitespace() || "<>()\\".contains(c))
                {
                    out.push_str(&inner);
                } else {
                    out.push_str(&format!("[{inner}]({href})"));
                }
            }
        }
    }
}

/// Escapes a text for inline Markdown: metacharacters get a backslash; whitespace, line breaks
/// included, becomes single spaces.
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
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '!' | '|' | '~' | '&' => {
                out.push('\\');
                out.push(c);
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

/// A line that would start a list item, a thematic break or a setext underline gets a
/// backslash before its first character.
fn guard_block_start(line: String) -> String {
    let first = line.chars().next();
    let ordered = {
        let digits = line.chars().take_while(char::is_ascii_digit).count();
        digits > 0 && matches!(line[digits..].chars().next(), Some('.' | ')'))
    };
    if matches!(first, Some('-' | '+' | '=')) {
        format!("\\{line}")
    } else if ordered {
        let digits = line.chars().take_while(char::is_ascii_digit).count();
        format!("{}\\{}", &line[..digits], &line[digits..])
    } else {
        line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn block_starts_are_guarded() {
        assert_eq!(guard_block_start("- a".into()), "\\- a");
        assert_eq!(guard_block_start("12. a".into()), "12\\. a");
        assert_eq!(guard_block_start("=".into()), "\\=");
        assert_eq!(guard_block_start("Kunder".into()), "Kunder");
        assert_eq!(escape("a\n# b  *c*"), "a \\# b \\*c\\*");
        assert_eq!(escape(" er "), " er ");
    }
}
