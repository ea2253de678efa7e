//! The workshop's votes: voting rounds with a budget of dots, the dots on the cards, the rounds
//! so far compared, and the ranking by votes.

pub mod dot_buttons;
pub mod gone_dots;
pub mod open_round;
pub mod past_rounds;
pub mod ranked_row;
pub mod round_chip;
pub mod round_panel;
pub mod start_round;
pub mod voters;
pub mod votes_panel;
pub mod voting;

use crate::i18n::{Lang, Text};
use crate::model::workshop::{Refusal, Round};
use crate::model::EditError;

/// Why an edit of a round, a dot or a score was refused, in the user's words.
pub fn refusal(error: &EditError, lang: Lang) -> String {
    let fill = |text, n: u32| lang.fill(text, &[("dots", &dots(n, lang))]);
    match error {
        EditError::Workshop(refusal) => match *refusal {
            Refusal::Settings => lang.t(Text::RefusedRoundSettings).into(),
            Refusal::AnotherOpen => lang.t(Text::RefusedAnotherOpen).into(),
            Refusal::Ended => lang.t(Text::RefusedRoundEnded).into(),
            Refusal::NotVotedOn => lang.t(Text::RefusedNotVotedOn).into(),
            Refusal::NoDotsLeft { dots } => fill(Text::RefusedNoDotsLeft, dots),
            Refusal::PerCard { per_card } => fill(Text::RefusedPerCard, per_card),
            Refusal::Anonymous => lang.t(Text::RefusedAnonymousName).into(),
            Refusal::Score => lang.t(Text::RefusedScore).into(),
            Refusal::CommentEmpty => lang.t(Text::RefusedCommentEmpty).into(),
            Refusal::CommentLength => lang.t(Text::RefusedCommentLength).into(),
            Refusal::Mention => lang.t(Text::RefusedMentionAny).into(),
            Refusal::Thread => lang.t(Text::RefusedThread).into(),
            Refusal::HasReplies => lang.t(Text::RefusedHasReplies).into(),
            Refusal::Replaced => lang.t(Text::RefusedReplaced).into(),
            Refusal::Comment => lang.t(Text::RefusedCommentMeta).into(),
            Refusal::FacilitatorOnly => lang.t(Text::RefusedFacilitatorOnly).into(),
            Refusal::Locked => lang.t(Text::RefusedLocked).into(),
            Refusal::Watching => lang.t(Text::RefusedWatching).into(),
        },
        EditError::TooMany { max, .. } => {
            lang.fill(Text::RefusedLimit, &[("max", &max.to_string())])
        }
        EditError::TextLength(_) => lang.t(Text::RefusedNameLength).into(),
        _ => lang.t(Text::RefusedGone).into(),
    }
}

/// "1 dot", "3 dots".
pub fn dots(n: u32, lang: Lang) -> String {
    lang.count(n, Text::DotOne, Text::DotsOnCard)
}

/// A round's name, or when it started where it has none.
pub fn round_name(round: &Round, lang: Lang) -> String {
    if round.name.is_empty() {
        let time = crate::ui::session::clock::local_time(&round.started_at.as_str().into(), lang);
        lang.fill(Text::UntitledRound, &[("time", &time)])
    } else {
        round.name.clone()
    }
}

/// "5 dots per person, at most 3 per card · Totals hidden until the end · Anonymous".
pub fn settings_line(round: &Round, lang: Lang) -> String {
    let numbers = lang.fill(
        Text::RoundSettings,
        &[
            ("dots", &round.dots.to_string()),
            ("per_card", &round.per_card.to_string()),
        ],
    );
    let shown = lang.t(if round.hidden {
        Text::RoundBlind
    } else {
        Text::RoundLive
    });
    let named = lang.t(if round.named {
        Text::RoundNamedShort
    } else {
        Text::RoundAnonymous
    });
    format!("{numbers} · {shown} · {named}")
}
