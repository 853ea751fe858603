//! The record as an XLSX workbook (the `xlsx` feature: the command line and the playground
//! write it; the language server does not need the spreadsheet writer).

use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format as CellFormat, FormatAlign, FormatBorder, Workbook,
};

pub use rust_xlsxwriter::XlsxError;

use std::borrow::Cow;

use super::record::{Column, Record};

/// A cell the workbook shows cut: the purpose of its row (`None` on the controller's row), its
/// column's header and how many characters were left out.
#[derive(Debug, PartialEq, Eq)]
pub struct CutCell {
    pub purpose: Option<String>,
    pub column: &'static str,
    pub left_out: usize,
}

/// Widest and narrowest column, in characters of the default font.
const MAX_WIDTH: usize = 60;
const MIN_WIDTH: usize = 10;

impl Record {
    /// The record as an XLSX workbook: one sheet, a bold header row that stays in view and has
    /// filters, columns as wide as their content (within limits), text wrapped and at the top.
    /// A cell longer than a spreadsheet cell holds is cut with a mark ([`Record::fit_cell`]);
    /// the cells cut are returned for the caller to say so.
    pub fn to_xlsx(&self) -> Result<(Vec<u8>, Vec<CutCell>), XlsxError> {
        let mut workbook = Workbook::new();
        // The workbook is dated with the record's latest date, not the clock, so that the same
        // declaration gives the same bytes (published records do not change on every run).
        let date = Column::ALL.iter().position(|&c| c == Column::Date);
        let latest = date.and_then(|d| self.rows.iter().map(|r| r[d].as_str()).max());
        if let Some(created) = latest.and_then(|d| ExcelDateTime::parse_from_str(d).ok()) {
            workbook.set_properties(&DocProperties::new().set_creation_datetime(&created));
        }
        let sheet = workbook.add_worksheet();
        sheet.set_name(self.language.pick("Protokoll", "Protokoll", "Record"))?;
        let header = CellFormat::new()
            .set_bold()
            .set_text_wrap()
            .set_align(FormatAlign::Top)
            .set_background_color(Color::RGB(0xDDE6F0))
            .set_border_bottom(FormatBorder::Thin);
        let body = CellFormat::new()
            .set_text_wrap()
            .set_align(FormatAlign::Top);
        for (col, title) in self.headers.iter().enumerate() {
            sheet.write_string_with_format(0, col as u16, *title, &header)?;
        }
        let id = Column::ALL.iter().position(|&c| c == Column::Id);
        let mut cut_cells = Vec::new();
        for (row, cells) in self.rows.iter().enumerate() {
            for (col, cell) in cells.iter().enumerate() {
                if cell.is_empty() {
                    continue;
                }
                let text = match self.fit_cell(cell) {
                    None => Cow::Borrowed(cell.as_str()),
                    Some((cut, left_out)) => {
                        cut_cells.push(CutCell {
                            purpose: id
                                .map(|i| cells[i].clone())
                                .filter(|purpose| !purpose.is_empty()),
                            column: self.headers[col],
                            left_out,
                        });
                        Cow::Owned(cut)
                    }
                };
                sheet.write_string_with_format(row as u32 + 1, col as u16, text, &body)?;
            }
        }
        for (col, title) in self.headers.iter().enumerate() {
            // The header wraps at its spaces; the longest line of a cell sets the width.
            let header_width = title
                .split(' ')
                .map(|w| w.chars().count())
                .max()
                .unwrap_or(0);
            let content = self
                .rows
                .iter()
                .flat_map(|r| r[col].lines())
                .map(|l| l.chars().count())
                .max()
                .unwrap_or(0);
            let width = header_width.max(content).clamp(MIN_WIDTH, MAX_WIDTH) + 2;
            sheet.set_column_width(col as u16, width as f64)?;
        }
        sheet.set_freeze_panes(1, 0)?;
        let last_col = self.headers.len().saturating_sub(1) as u16;
        sheet.autofilter(0, 0, self.rows.len() as u32, last_col)?;
        Ok((workbook.save_to_buffer()?, cut_cells))
    }
}
