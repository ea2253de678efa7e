//! Outside input — a picked or dropped file, a share link, a measurements file, a live room's
//! map — read in one call, so that the app can run it in a Web Worker (`src/bin/reader.rs`) and
//! stop it when it takes too long: no file or link, however it was made, can then freeze the page. What goes in
//! is a [`Job`] and the input's bytes; what comes back is an [`Outcome`], both plain values the
//! worker and the page pass each other as JSON.

use super::csv::{self, RowProblem};
use super::exchange::{self, Problem};
use super::share::{self, ShareError};
use super::{JourneyMap, Measurement};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// Which reader the input is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Job {
    /// A journey-map file or bundle.
    MapFile,
    /// A share link's payload (the text after `#/share/`).
    ShareLink,
    /// A KPI's measurements, as a spreadsheet file.
    MeasurementsFile,
    /// The map of a live session's room, as its script reads it out of the room (a bare map
    /// object): whatever a client of the room wrote into it.
    LiveRoom,
}

/// What the reader made of the input.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Outcome {
    /// The maps read, as the exchange format's writer writes them: the page reads its own
    /// writer's output back, which has passed every check and keeps every limit.
    Maps {
        bundle: String,
        warnings: Vec<Problem>,
    },
    /// The file or link is refused for these problems.
    Refused(Vec<Problem>),
    /// Not UTF-8 text (an image, a document, an archive), or text holding NUL characters.
    NotText,
    /// A share link that is cut off, altered, or holds no single map.
    LinkDamaged,
    /// A share link that unpacks to more than 10 MB.
    LinkTooLarge,
    Measurements {
        found: Vec<Measurement>,
        problems: Vec<RowProblem>,
    },
}

impl Outcome {
    /// The maps of a [`Outcome::Maps`] as the page needs them.
    pub fn maps(bundle: &str) -> Vec<JourneyMap> {
        exchange::import(bundle).map_or_else(|_| Vec::new(), |imported| imported.maps)
    }
}

/// How far a file's start is searched for NUL characters: binary files have them early, and a
/// JSON or CSV text never holds one unescaped.
const BINARY_PROBE: usize = 4096;

/// The text of a file's bytes, or `None` for what is no text file. UTF-8 is decoded strictly: a
/// file with bytes that are not UTF-8 is refused, while a text that holds U+FFFD (the
/// replacement character) itself is text like any other. A byte-order mark is dropped, and one
/// of UTF-16 (what spreadsheets write as "Unicode text") says the rest is UTF-16.
pub fn text(bytes: &[u8]) -> Option<Cow<'_, str>> {
    let utf16 = match bytes {
        [0xFF, 0xFE, rest @ ..] => Some((rest, u16::from_le_bytes as fn([u8; 2]) -> u16)),
        [0xFE, 0xFF, rest @ ..] => Some((rest, u16::from_be_bytes as fn([u8; 2]) -> u16)),
        _ => None,
    };
    let text = match utf16 {
        Some((rest, unit)) if rest.len() % 2 == 0 => {
            let units = rest.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
            Cow::Owned(
                char::decode_utf16(units)
                    .collect::<Result<String, _>>()
                    .ok()?,
            )
        }
        Some(_) => return None,
        None => {
            let text = std::str::from_utf8(bytes).ok()?;
            Cow::Borrowed(text.strip_prefix('\u{feff}').unwrap_or(text))
        }
    };
    let probe = &text.as_bytes()[..text.len().min(BINARY_PROBE)];
    (!probe.contains(&0)).then_some(text)
}

pub fn read(job: Job, bytes: &[u8]) -> Outcome {
    let Some(text) = text(bytes) else {
        return match job {
            Job::ShareLink => Outcome::LinkDamaged,
            _ => Outcome::NotText,
        };
    };
    let text: &str = &text;
    match job {
        Job::MapFile => match exchange::import(text) {
            Ok(imported) => Outcome::Maps {
                bundle: exchange::bundle_unindented(&imported.maps),
                warnings: imported.warnings,
            },
            Err(problems) => Outcome::Refused(problems),
        },
        Job::ShareLink => match share::decode(text) {
            Ok(map) => Outcome::Maps {
                bundle: exchange::bundle_unindented(&[map]),
                warnings: Vec::new(),
            },
            Err(ShareError::Invalid(problems)) => Outcome::Refused(problems),
            Err(ShareError::Damaged | ShareError::NotAMap) => Outcome::LinkDamaged,
            Err(ShareError::TooLarge) => Outcome::LinkTooLarge,
        },
        Job::MeasurementsFile => {
            let (found, problems) = csv::measurements(text);
            Outcome::Measurements { found, problems }
        }
        Job::LiveRoom => match exchange::map_from_text(text, "map") {
            Ok((map, warnings)) => Outcome::Maps {
                bundle: exchange::bundle_unindented(&[map]),
                warnings,
            },
            Err(problems) => Outcome::Refused(problems),
        },
    }
}

/// [`read`] with its job and outcome as JSON text, as the worker passes them.
pub fn read_json(job: &str, bytes: &[u8]) -> String {
    let outcome = match serde_json::from_str(job) {
        Ok(job) => read(job, bytes),
        Err(_) => Outcome::NotText,
    };
    serde_json::to_string(&outcome).expect("an outcome is plain data")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::generate::{self, Size};

    fn through_json(job: Job, bytes: &[u8]) -> Outcome {
        let job = serde_json::to_string(&job).unwrap();
        serde_json::from_str(&read_json(&job, bytes)).expect("the page reads what the worker wrote")
    }

    #[test]
    fn a_map_file_comes_back_as_the_maps_it_holds() {
        let maps = vec![
            generate::map(1, Size::SMALL),
            generate::map(2, Size::WORKSHOP),
        ];
        let file = exchange::export_bundle(&maps, Some("2026-12-05T10:00:00Z"));
        let Outcome::Maps { bundle, warnings } = through_json(Job::MapFile, file.as_bytes()) else {
            panic!("the file reads");
        };
        assert_eq!(Outcome::maps(&bundle), maps);
        assert!(warnings.is_empty());
    }

    #[test]
    fn text_holding_the_replacement_character_is_text() {
        let mut map = generate::map(1, Size::SMALL);
        map.title = "Caf\u{fffd} \u{200f}\u{0} end".into();
        let file = exchange::export_map(&map, None);
        let Outcome::Maps { bundle, .. } = through_json(Job::MapFile, file.as_bytes()) else {
            panic!("a file the app wrote reads again");
        };
        assert_eq!(Outcome::maps(&bundle), vec![map]);
    }

    #[test]
    fn bytes_that_are_not_utf8_or_hold_nul_are_no_text() {
        for bytes in [&b"\x89PNG\r\n\x1a\n\0\0"[..], b"{\"a\": \"\xff\"}", b"{}\0"] {
            assert_eq!(through_json(Job::MapFile, bytes), Outcome::NotText);
            assert_eq!(through_json(Job::ShareLink, bytes), Outcome::LinkDamaged);
        }
        // Spreadsheets' "Unicode text": UTF-16 with its byte-order mark, tab-separated.
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(
                "date\tvalue\r\n2026-01-31\t4"
                    .encode_utf16()
                    .flat_map(u16::to_le_bytes),
            )
            .collect();
        let Outcome::Measurements { found, .. } = through_json(Job::MeasurementsFile, &utf16)
        else {
            panic!("a UTF-16 file reads");
        };
        assert_eq!(found.len(), 1);
        assert_eq!(
            through_json(Job::MapFile, &[0xFF, 0xFE, 0x41]),
            Outcome::NotText
        );
        let with_bom = "\u{feff}date;value\n2026-01-31;4";
        let Outcome::Measurements { found, problems } =
            through_json(Job::MeasurementsFile, with_bom.as_bytes())
        else {
            panic!("a spreadsheet's file with its byte-order mark reads");
        };
        assert_eq!((found.len(), problems), (1, Vec::new()));
    }

    #[test]
    fn a_live_room_s_map_comes_back_or_is_refused_for_what_is_wrong() {
        let map = generate::map(4, Size::WORKSHOP);
        let object = exchange::map_to_value(&map).to_string();
        let Outcome::Maps { bundle, .. } = through_json(Job::LiveRoom, object.as_bytes()) else {
            panic!("the room's map reads");
        };
        assert_eq!(Outcome::maps(&bundle), vec![map.clone()]);
        let mut hostile = exchange::map_to_value(&map);
        hostile["phases"][0]["name"] = 5.into();
        hostile["phases"][1]["touchpoints"] = vec![serde_json::json!({}); 100_000].into();
        let Outcome::Refused(problems) =
            through_json(Job::LiveRoom, hostile.to_string().as_bytes())
        else {
            panic!("a number for a name and 100,000 cards are refused");
        };
        let messages: Vec<String> = problems
            .iter()
            .map(|p| p.message(crate::i18n::Lang::En))
            .collect();
        assert!(
            messages[0].contains("more than 10000 entries"),
            "{messages:?}"
        );
    }

    #[test]
    fn a_share_link_comes_back_as_its_map_or_damaged() {
        let map = generate::map(3, Size::SMALL);
        let payload = share::pack(&map);
        let Outcome::Maps { bundle, .. } = through_json(Job::ShareLink, payload.as_bytes()) else {
            panic!("the link reads");
        };
        assert_eq!(Outcome::maps(&bundle), vec![map]);
        assert_eq!(
            through_json(Job::ShareLink, b"not base64!"),
            Outcome::LinkDamaged
        );
    }
}
