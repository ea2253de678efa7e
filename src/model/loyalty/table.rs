//! A shop's export as a table: the header row, then rows streamed one at a time so that a file
//! of a million rows is never held as a million lists of strings. Fields are split by
//! `csv-core`, so quoted separators and quoted line breaks (an address, a note) stay in their cell.

use super::cells;
use crate::model::csv;
use csv_core::{ReadRecordResult, Reader, ReaderBuilder};
use std::ops::ControlFlow;

/// Rows read from one file. An order export of 100,000 orders with three lines each fits.
pub const MAX_ROWS: usize = 500_000;
/// Columns of one file: a shop's order export has about seventy.
pub const MAX_COLUMNS: usize = 500;
/// Characters of a header: a survey's question fits.
pub const MAX_HEADER_CHARS: usize = 1000;
/// Characters of a cell shown in the mapping step: enough to recognise what a column holds.
pub const SHOWN_CELL_CHARS: usize = 100;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableError {
    /// No row with anything in it.
    Empty,
    /// The first row has fewer than two columns, more than [`MAX_COLUMNS`], or one longer than
    /// [`MAX_HEADER_CHARS`]; or the text is JSON (whose commas would make it a table of sorts).
    NotATable,
    /// The first row holds data, not column names: an e-mail address, or numbers and dates in
    /// half its cells. Its cells would be column names, remembered in the map.
    NoHeader,
}

/// Whether `cell` names a person as exports do: an e-mail address, with or without its
/// domain's ending (`anna@example`). A column name has no `@` between two words.
pub fn is_personal(cell: &str) -> bool {
    cell.as_bytes()
        .windows(3)
        .any(|w| w[1] == b'@' && !w[0].is_ascii_whitespace() && !w[2].is_ascii_whitespace())
}

/// Whether a first row is data rather than column names: it names a person, or half its
/// filled cells or more are numbers or dates (no export names its columns `1001` or
/// `05-01-2026`).
fn is_data(first: &[String]) -> bool {
    let filled: Vec<&str> = first
        .iter()
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .collect();
    let values = filled
        .iter()
        .filter(|c| {
            cells::amount(c, cells::Decimals::Point).is_ok()
                || cells::date(c, cells::DayMonth::DayFirst).is_some()
        })
        .count();
    filled.iter().any(|c| is_personal(c)) || (!filled.is_empty() && 2 * values >= filled.len())
}

/// A file's separator and header; its rows are read by [`Table::rows`].
pub struct Table<'t> {
    text: &'t [u8],
    /// The line of `text`'s first byte in the file: blank lines before the header are skipped.
    first_line: usize,
    pub separator: u8,
    pub header: Vec<String>,
}

/// One row: its line in the file (from 1) and its cells.
pub struct Row<'a> {
    pub line: usize,
    fields: &'a [u8],
    ends: &'a [usize],
}

impl Row<'_> {
    /// The cell in `column`, trimmed; empty past the row's end.
    pub fn get(&self, column: usize) -> &str {
        let Some(&end) = self.ends.get(column) else {
            return "";
        };
        let start = if column == 0 {
            0
        } else {
            self.ends[column - 1]
        };
        // csv-core splits on ASCII bytes only, so each cell of UTF-8 text is UTF-8.
        std::str::from_utf8(&self.fields[start..end])
            .unwrap_or("")
            .trim()
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        (0..self.len()).all(|c| self.get(c).is_empty())
    }
}

/// The separator the header row uses most outside quotes: comma, semicolon or tab.
fn separator(text: &[u8]) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for &b in text {
        match b {
            b'\n' if !quoted => break,
            b'"' => quoted = !quoted,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], 3 - i)).unwrap_or(0);
    [b',', b';', b'\t'][best]
}

fn reader(separator: u8) -> Reader {
    ReaderBuilder::new().delimiter(separator).build()
}

/// Reads records from `text` with `reader`, calling `each` with every one that is not blank,
/// until `each` breaks.
fn records(
    text: &[u8],
    first_line: usize,
    mut reader: Reader,
    mut each: impl FnMut(Row<'_>) -> ControlFlow<()>,
) {
    let (mut fields, mut ends) = (vec![0u8; 4096], vec![0usize; 64]);
    let (mut out, mut end, mut consumed) = (0, 0, 0);
    // The line a record starts on: newlines counted up to its first byte, past blank lines.
    let (mut counted, mut line) = (0, first_line);
    let mut start_line = |start: usize| {
        let start = start
            + text[start..]
                .iter()
                .take_while(|b| matches!(b, b'\r' | b'\n'))
                .count();
        line += text[counted..start].iter().filter(|&&b| b == b'\n').count();
        counted = start;
        line
    };
    let mut record_line = start_line(0);
    loop {
        let (result, read, written, ended) =
            reader.read_record(&text[consumed..], &mut fields[out..], &mut ends[end..]);
        consumed += read;
        // csv-core counts a record's ends as if its output were one buffer, across calls.
        out += written;
        end += ended;
        match result {
            // Past the text's end csv-core is given nothing, which tells it the input has ended:
            // a last row without a line break is then a record like the others.
            ReadRecordResult::InputEmpty => {}
            ReadRecordResult::OutputFull => {
                let len = fields.len();
                fields.resize(len * 2, 0);
            }
            ReadRecordResult::OutputEndsFull => {
                let len = ends.len();
                ends.resize(len * 2, 0);
            }
            ReadRecordResult::Record => {
                let row = Row {
                    line: record_line,
                    fields: &fields[..out],
                    ends: &ends[..end],
                };
                if !row.is_empty() && each(row).is_break() {
                    return;
                }
                record_line = start_line(consumed);
                out = 0;
                end = 0;
            }
            ReadRecordResult::End => return,
        }
    }
}

impl<'t> Table<'t> {
    /// The table in `text` (already checked to be text): its separator and header row.
    pub fn open(text: &'t str) -> Result<Self, TableError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let (hint, text) = match csv::separator_hint(text) {
            Some((separator, after)) => (Some(separator), after),
            None => (None, text),
        };
        let text = text.as_bytes();
        let start = text
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .ok_or(TableError::Empty)?;
        let first_line =
            1 + usize::from(hint.is_some()) + text[..start].iter().filter(|&&b| b == b'\n').count();
        let text = &text[start..];
        if matches!(text[0], b'{' | b'[') {
            return Err(TableError::NotATable);
        }
        let separator = hint.unwrap_or_else(|| separator(text));
        let mut header = Vec::new();
        records(text, first_line, reader(separator), |row| {
            header = (0..row.len()).map(|c| row.get(c).to_string()).collect();
            ControlFlow::Break(())
        });
        let long = header
            .iter()
            .any(|h| h.len() > MAX_HEADER_CHARS && h.chars().count() > MAX_HEADER_CHARS);
        if long || !(2..=MAX_COLUMNS).contains(&header.len()) {
            return Err(TableError::NotATable);
        }
        if is_data(&header) {
            return Err(TableError::NoHeader);
        }
        Ok(Table {
            text,
            first_line,
            separator,
            header,
        })
    }

    /// Calls `each` with every row under the header, until it breaks.
    fn body(&self, mut each: impl FnMut(Row<'_>) -> ControlFlow<()>) {
        let mut header_passed = false;
        records(self.text, self.first_line, reader(self.separator), |row| {
            if header_passed {
                each(row)
            } else {
                header_passed = true;
                ControlFlow::Continue(())
            }
        });
    }

    /// Calls `each` with every row under the header, at most [`MAX_ROWS`] of them; says whether
    /// the file went on beyond that.
    pub fn rows(&self, mut each: impl FnMut(Row<'_>)) -> Rows {
        let mut count = 0;
        let mut beyond = None;
        self.body(|row| {
            if count == MAX_ROWS {
                beyond = Some(row.line);
                return ControlFlow::Break(());
            }
            count += 1;
            each(row);
            ControlFlow::Continue(())
        });
        Rows { count, beyond }
    }

    /// `take` of each of the first `n` rows under the header.
    fn first_rows<T>(&self, n: usize, take: impl Fn(&Row<'_>) -> T) -> Vec<T> {
        let mut taken = Vec::new();
        self.body(|row| {
            taken.push(take(&row));
            if taken.len() == n {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        });
        taken
    }

    /// The cells of `column` in the first `n` rows under the header, for guessing how the
    /// column writes its dates or amounts.
    pub fn sample(&self, column: usize, n: usize) -> Vec<String> {
        self.first_rows(n, |row| row.get(column).to_string())
    }

    /// The first `n` rows under the header, cell by cell, each cut to [`SHOWN_CELL_CHARS`], for
    /// the mapping step to show: a cell may hold megabytes.
    pub fn first(&self, n: usize) -> Vec<Vec<String>> {
        let shown = |cell: &str| match cell.char_indices().nth(SHOWN_CELL_CHARS) {
            Some((end, _)) => format!("{}…", &cell[..end]),
            None => cell.to_string(),
        };
        self.first_rows(n, |row| (0..row.len()).map(|c| shown(row.get(c))).collect())
    }
}

/// How many rows [`Table::rows`] read, and the line where it stopped if the file went on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rows {
    pub count: usize,
    pub beyond: Option<usize>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(table: &Table) -> Vec<(usize, Vec<String>)> {
        let mut out = Vec::new();
        table.rows(|row| {
            out.push((
                row.line,
                (0..row.len()).map(|c| row.get(c).to_string()).collect(),
            ))
        });
        out
    }

    #[test]
    fn a_file_without_its_header_row_is_refused_before_its_data_can_name_a_column() {
        for first in [
            "1001,anna@example.nl,2024-01-05,10.00\n1002,bram@example.nl,2024-01-06,5\n",
            "1001;k17;05-01-2024;10,00\n",
            "Order;E-mail: info@shop.nl\n1;a\n",
            "Order;anna@example\n1;a\n",
        ] {
            assert!(
                matches!(Table::open(first), Err(TableError::NoHeader)),
                "{first}"
            );
        }
        for header in [
            "order,customer,date,total\n",
            "Bestelnummer;Klant;Besteldatum;Totaal\n",
            "Timestamp,How likely are you to recommend us (0-10)?\n",
            "Order,2024,Customer,Total\n",
            "Order;E-mail @ sign-up;Total\n",
        ] {
            assert!(Table::open(header).is_ok(), "{header}");
        }
    }

    #[test]
    fn separators_quotes_and_line_breaks_inside_cells() {
        let text = "\u{feff}Order;Note;Total\r\n1;\"two\r\nlines; and a ;\";\"12,50\"\r\n\r\n2;plain;3\r\n";
        let table = Table::open(text).unwrap();
        assert_eq!(table.separator, b';');
        assert_eq!(table.header, ["Order", "Note", "Total"]);
        let rows = all(&table);
        assert_eq!(rows.len(), 2);
        assert_eq!(
            rows[0],
            (
                2,
                vec!["1".into(), "two\r\nlines; and a ;".into(), "12,50".into()]
            )
        );
        assert_eq!(
            rows[1].0, 5,
            "the line the row starts on, counting the quoted break"
        );
        assert_eq!(table.first(1).len(), 1);
    }

    #[test]
    fn excels_separator_line_names_the_separator_and_is_no_row() {
        let table = Table::open("sep=;\r\nOrder;Total\r\n1;12,50\r\n").unwrap();
        assert_eq!(table.separator, b';');
        assert_eq!(table.header, ["Order", "Total"]);
        assert_eq!(all(&table), [(3, vec!["1".into(), "12,50".into()])]);
    }

    #[test]
    fn a_last_row_without_a_line_break_and_tabs() {
        let table = Table::open("\n\na\tb\n1\t2\n3\t4").unwrap();
        assert_eq!(table.separator, b'\t');
        assert_eq!(
            all(&table).last().unwrap(),
            &(5, vec!["3".into(), "4".into()])
        );
    }

    #[test]
    fn not_a_table() {
        assert_eq!(Table::open("").err(), Some(TableError::Empty));
        assert_eq!(Table::open(" \n\n").err(), Some(TableError::Empty));
        assert_eq!(
            Table::open("{\"format\": 1}").err(),
            Some(TableError::NotATable)
        );
        assert_eq!(
            Table::open("just one column\n1\n2").err(),
            Some(TableError::NotATable)
        );
        assert_eq!(Table::open("[1, 2, 3]").err(), Some(TableError::NotATable));
        let long = format!("{},b\n", "a".repeat(MAX_HEADER_CHARS + 1));
        assert_eq!(Table::open(&long).err(), Some(TableError::NotATable));
        let wide = format!("a,b\n{},2\n", "x".repeat(9_000_000));
        let first = Table::open(&wide).unwrap().first(5);
        assert_eq!(first[0][0].chars().count(), SHOWN_CELL_CHARS + 1);
    }

    #[test]
    fn rows_beyond_the_limit_are_not_read_and_said() {
        let mut text = String::from("a,b\n");
        for i in 0..MAX_ROWS + 2 {
            text.push_str(&format!("{i},x\n"));
        }
        let table = Table::open(&text).unwrap();
        let rows = table.rows(|_| {});
        assert_eq!(
            rows,
            Rows {
                count: MAX_ROWS,
                beyond: Some(MAX_ROWS + 2)
            }
        );
    }
}
