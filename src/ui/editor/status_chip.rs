//! How a KPI's status looks wherever it is shown: colour (a class), a symbol and words.

use crate::i18n::Text;
use crate::model::Status;

/// The chip's class, symbol and words for a status (`None`: no data yet).
pub fn status_chip(status: Option<Status>) -> (&'static str, &'static str, Text) {
    match status {
        Some(Status::OnTrack) => ("status-chip on-track", "✓", Text::OnTrackShort),
        Some(Status::Behind) => ("status-chip behind", "!", Text::BehindShort),
        None => ("status-chip no-data", "–", Text::NoData),
    }
}
