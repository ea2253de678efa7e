use super::voting::use_voting;
use crate::i18n::Text;
use crate::model::{Id, Part};
use crate::ui::session::open_map::use_open_map;
use crate::ui::use_lang;
use leptos::prelude::*;

/// What a closed card shows of the rounds: this device's dots while a round on its lane is
/// open, else its dots in the last round on its lane, once that has ended.
#[component]
pub fn RoundChip(card: Id) -> impl IntoView {
    let map = use_open_map();
    let voting = use_voting();
    let lang = use_lang();
    move || {
        let lang = lang.get();
        let chip = map.with(Part::Rounds, |m| {
            let lane = m.find_card(&card)?.1;
            if m.open_round().is_some_and(|r| r.votes_on(lane)) {
                let n = voting.dots_on(&card).0;
                return (n > 0).then(|| lang.fill(Text::MyDotsChip, &[("n", &n.to_string())]));
            }
            let last = m.rounds.iter().rev().find(|r| r.votes_on(lane))?;
            let n = *last.totals().get(card.as_str())?;
            Some(lang.fill(Text::RoundDotsChip, &[("dots", &super::dots(n, lang))]))
        });
        chip.flatten()
            .map(|text| view! { <span class="card-meta round-chip">{text}</span> })
    }
}
