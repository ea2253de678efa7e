//! Comments on cards and phases: a thread in every open card and in every phase's Description
//! and plan fold, the
//! open ones counted on the compact card, and listed across the map in the Workshop fold.

pub mod comment_count;
pub mod comment_form;
pub mod comment_item;
pub mod comments_on;
pub mod open_threads;

use crate::i18n::Text;
use crate::model::comments::{mentions_in, unknown_mentions, Comment};
use crate::model::{mixed, CommentEdit, Edit, Id};
use crate::ui::live::{use_live, Live};
use crate::ui::session::clock;
use crate::ui::session::open_map::{use_open_map, OpenMap};
use crate::ui::votes::refusal;

/// What writing a comment needs from the page, taken while the component is made (an event
/// handler has no context to look them up in).
pub fn contexts() -> (OpenMap, Live) {
    (use_open_map(), use_live())
}

/// This browser's mark on its comments: its random mark, mixed so that it cannot be matched
/// with its ballots' ids. The same on every map, so that a copy of a map (imported, or saved
/// from a share link) keeps this browser's comments its own.
pub fn my_mark(map: OpenMap) -> String {
    format!("{:016x}", mixed(&map.session.settings.voter(), "comments"))
}

/// The names a comment may mention here: the map's personas, and the people in the live
/// session if there is one.
pub fn mentionable(map: OpenMap, live: Live) -> Vec<String> {
    let people = live.names();
    map.with_untracked(|m| {
        m.mentionable(&people)
            .into_iter()
            .map(String::from)
            .collect()
    })
    .unwrap_or_default()
}

/// `text`'s mentions, or why it mentions no one, in the user's words; `also` may be mentioned
/// too (those an edited comment mentioned already).
pub fn mentions(
    map: OpenMap,
    live: Live,
    text: &str,
    also: &[String],
) -> Result<Vec<String>, String> {
    let names = mentionable(map, live);
    let names: Vec<&str> = names.iter().chain(also).map(String::as_str).collect();
    let lang = map.session.settings.lang_untracked();
    match unknown_mentions(text, &names).first() {
        Some(name) => Err(lang.fill(Text::RefusedMention, &[("name", name)])),
        None => Ok(mentions_in(text, &names)),
    }
}

/// Writes a new comment on `on` (a reply when `reply_to` is given), signed with this browser's
/// writer name; says why not if it was refused.
pub fn post(
    (map, live): (OpenMap, Live),
    on: &str,
    reply_to: Option<Id>,
    text: String,
) -> Result<(), String> {
    let lang = map.session.settings.lang_untracked();
    let mentions = mentions(map, live, &text, &[])?;
    let Some((id, index)) =
        map.with_untracked(|m| (m.fresh_id(&clock::id_prefix("comment")), m.comments.len()))
    else {
        return Ok(());
    };
    let comment = Comment {
        id,
        on: on.into(),
        reply_to,
        author: map.session.settings.writer(),
        by: my_mark(map),
        text,
        at: clock::now(),
        edited_at: None,
        resolved: false,
        mentions,
    };
    map.apply(Edit::Comment(CommentEdit::Insert { index, comment }))
        .map(|_| ())
        .map_err(|e| refusal(&e, lang))
}
