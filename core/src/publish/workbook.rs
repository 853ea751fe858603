//! The record as an XLSX workbook (the `xlsx` feature: the command line and the playground
//! write it; the language server does not need the spreadsheet writer).

use rust_xlsxwriter::{Color, Format as CellFormat, FormatAlign, FormatBorder, Workbook};

pub use rust_xlsxwriter::XlsxError;

use super::record::Record;

/// Widest and narrowest column, in characters of the default font.
const MAX_WIDTH: usize = 60;
const MIN_WIDTH: usize = 10;

impl Record {
    /// The record as an XLSX workbook: one sheet, a bold header row that stays in view and has
    /// filters, columns as wide as their content (within limits), text wrapped and at the top.
    pub fn to_xlsx(&self) -> Result<Vec<u8>, XlsxError> {
        let mut workbook = Workbook::new();
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
        for (row, cells) in self.rows.iter().enumerate() {
            for (col, cell) in cells.iter().enumerate() {
                if !cell.is_empty() {
                    sheet.write_string_with_format(row as u32 + 1, col as u16, cell, &body)?;
                }
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
        workbook.save_to_buffer()
    }
}
