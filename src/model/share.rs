//! A whole map in a link, so it can be shared with no server: the exchange-format file,
//! deflated and base64url-encoded, in the address's fragment (which browsers never send).

use super::exchange::{self, Problem};
use super::JourneyMap;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

/// Links longer than this are refused: browsers take far more, but mail and chat programs
/// that carry links cut or break them well before.
pub const MAX_LINK_CHARS: usize = 32_000;

/// A link can hold no more than this once inflated; a crafted link inflating to gigabytes is
/// refused instead of taking the tab down.
const MAX_INFLATED_BYTES: usize = 10 * 1024 * 1024;

#[derive(Debug, PartialEq)]
pub enum ShareError {
    /// Not base64url: cut off, retyped or altered.
    Damaged,
    /// Valid base64 whose content does not inflate.
    NotAMap,
    /// It inflates beyond [`MAX_INFLATED_BYTES`]: no map is that large.
    TooLarge,
    /// Inflates to a file the importer refuses.
    Invalid(Vec<Problem>),
}

/// The fragment payload for `map`; `None` when the link would be longer than [`MAX_LINK_CHARS`]
/// allows for a link starting with `prefix` (the app's address and route). Its comments go with
/// it only when `comments` says so: what was said about a card is not for everyone with the link.
pub fn encode(map: &JourneyMap, prefix_len: usize, comments: bool) -> Option<String> {
    let payload = if comments || map.comments.is_empty() {
        pack(map)
    } else {
        pack(&JourneyMap {
            comments: Vec::new(),
            ..map.clone()
        })
    };
    (prefix_len + payload.len() <= MAX_LINK_CHARS).then_some(payload)
}

/// `map` as small text: its exchange-format file, deflated and base64url-encoded. What a link
/// carries, and how a stored version keeps it; [`decode`] reads it back.
pub fn pack(map: &JourneyMap) -> String {
    pack_file(&exchange::export_map(map, None), Packing::Smallest)
}

/// How hard to pack. On the large map (1 MB of JSON, measured natively) the smallest takes
/// 27 ms for 58 KB; quick takes 9 ms for 68 KB.
#[derive(Clone, Copy)]
pub enum Packing {
    /// For a link, whose length is what counts.
    Smallest,
    /// For a version kept while a map is saved, where time counts more.
    Quick,
}

/// An exchange-format file's text, packed as [`pack`] packs a map's; [`decode`] reads either.
pub fn pack_file(text: &str, packing: Packing) -> String {
    let level = match packing {
        Packing::Smallest => 9,
        Packing::Quick => 3,
    };
    URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(
        text.as_bytes(),
        level,
    ))
}

pub fn decode(payload: &str) -> Result<JourneyMap, ShareError> {
    let packed = URL_SAFE_NO_PAD
        .decode(payload.trim())
        .map_err(|_| ShareError::Damaged)?;
    let bytes = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_INFLATED_BYTES)
        .map_err(|e| match e.status {
            miniz_oxide::inflate::TINFLStatus::HasMoreOutput => ShareError::TooLarge,
            _ => ShareError::NotAMap,
        })?;
    let text = String::from_utf8(bytes).map_err(|_| ShareError::NotAMap)?;
    let mut imported = exchange::import(&text).map_err(ShareError::Invalid)?;
    // A link carries one map; a bundle in a link is somebody's mistake.
    match imported.maps.len() {
        1 => Ok(imported.maps.remove(0)),
        _ => Err(ShareError::NotAMap),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::generate::{self, Size};

    #[test]
    fn a_map_goes_through_a_link_unchanged() {
        let map = generate::map(3, Size::WORKSHOP);
        let payload = encode(&map, 40, true).expect("a workshop map fits in a link");
        assert!(payload
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
        assert_eq!(decode(&payload), Ok(map));
    }

    #[test]
    fn maps_too_large_for_a_link_are_refused() {
        assert_eq!(encode(&generate::map(1, Size::LARGE), 40, true), None);
    }

    #[test]
    fn damaged_or_tampered_links_are_errors() {
        let payload = encode(&generate::map(3, Size::SMALL), 40, false).unwrap();
        assert_eq!(decode("not base64!"), Err(ShareError::Damaged));
        // Cut where the base64 is still valid: the deflate stream is then incomplete.
        assert_eq!(
            decode(&payload[..payload.len() / 8 * 4]),
            Err(ShareError::NotAMap)
        );
        let mut tampered = payload.into_bytes();
        tampered[30] = if tampered[30] == b'A' { b'B' } else { b'A' };
        assert!(decode(&String::from_utf8(tampered).unwrap()).is_err());
        let other = URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(
            b"{\"format\":\"x\"}",
            6,
        ));
        assert!(matches!(decode(&other), Err(ShareError::Invalid(_))));
    }

    #[test]
    fn a_link_that_inflates_beyond_the_limit_is_refused() {
        let bomb = URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(
            &vec![b' '; MAX_INFLATED_BYTES + 1],
            9,
        ));
        assert!(bomb.len() < 20_000, "a small link");
        assert_eq!(decode(&bomb), Err(ShareError::TooLarge));
    }
}
