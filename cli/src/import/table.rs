//! Reading a record into a table of text cells: CSV (RFC 4180, `,` or `;`), the
//! Behandlingsoversikt export (bare headings, every value written by `JSON.stringify`), and the
//! first sheet of an XLSX workbook (through calamine: cached values only, so no formula is
//! evaluated; no external link is followed; quick-xml expands no entity beyond XML's own five).

/// The header row and the rows under it; `first_row` is the 1-based row number of the header
/// in the file (a workbook may have a title above it), so that the loss report names real rows.
#[derive(Debug)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub first_row: usize,
}

/// CSV as RFC 4180 has it (quotes doubled inside a quoted field), with `delimiter`.
pub fn csv(text: &str, delimiter: char) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    let mut any = false;
    while let Some(c) = chars.next() {
        any = true;
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                c => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.is_empty() => quoted = true,
            c if c == delimiter => row.push(std::mem::take(&mut field)),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
                any = false;
            }
            c => field.push(c),
        }
    }
    if any {
        row.push(field);
        rows.push(row);
    }
    rows.retain(|r| r.iter().any(|c| !c.trim().is_empty()));
    rows
}

/// The Behandlingsoversikt export: a header line of bare headings joined with `;`, then one
/// line per record of `JSON.stringify`d values joined with `;` (so a line break inside a value
/// is `\n`, never a real one). `None` when a value line is not such a list of JSON values.
pub fn behandlingsoversikt(text: &str) -> Option<Vec<Vec<String>>> {
    let mut lines = text.split("\r\n").flat_map(|l| l.split('\n'));
    let headers: Vec<String> = lines.next()?.split(';').map(str::to_string).collect();
    let mut rows = vec![headers];
    for line in lines {
        if line.trim().is_empty() {
            continue;
        }
        rows.push(json_values(line)?);
    }
    Some(rows)
}

/// `"a";"b \"c\"";3;null` → the values as text (a number as written, null as empty).
fn json_values(line: &str) -> Option<Vec<String>> {
    let mut values = Vec::new();
    let mut rest = line;
    loop {
        let end = if rest.starts_with('"') {
            let mut escaped = false;
            let mut end = None;
            for (i, c) in rest.char_indices().skip(1) {
                match c {
                    _ if escaped => escaped = false,
                    '\\' => escaped = true,
                    '"' => {
                        end = Some(i + 1);
                        break;
                    }
                    _ => {}
                }
            }
            end?
        } else {
            rest.find(';').unwrap_or(rest.len())
        };
        let value: serde_json::Value = serde_json::from_str(&rest[..end]).ok()?;
        values.push(match value {
            serde_json::Value::String(s) => s,
            serde_json::Value::Null => String::new(),
            other => other.to_string(),
        });
        rest = &rest[end..];
        match rest.strip_prefix(';') {
            Some(next) => rest = next,
            None if rest.is_empty() => return Some(values),
            None => return None,
        }
    }
}

/// The first sheet of a workbook, every cell as text (a date as ISO 8601); `Err` is the reason
/// it could not be read.
pub fn xlsx(bytes: &[u8]) -> Result<Vec<Vec<String>>, String> {
    use calamine::{Data, Reader, Xlsx};
    let mut workbook = Xlsx::new(std::io::Cursor::new(bytes)).map_err(|e| e.to_string())?;
    let range = workbook
        .worksheet_range_at(0)
        .ok_or("the workbook has no sheet")?
        .map_err(|e| e.to_string())?;
    Ok(range
        .rows()
        .map(|row| {
            row.iter()
                .map(|cell| match cell {
                    Data::Empty => String::new(),
                    Data::String(s) => s.clone(),
                    Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => {
                        format!("{}", *f as i64)
                    }
                    Data::Float(f) => f.to_string(),
                    Data::Int(i) => i.to_string(),
                    Data::Bool(b) => b.to_string(),
                    Data::DateTime(d) => {
                        let (y, m, day, ..) = d.to_ymd_hms_milli();
                        format!("{y:04}-{m:02}-{day:02}")
                    }
                    Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
                    Data::Error(_) => String::new(),
                })
                .collect()
        })
        .collect())
}
