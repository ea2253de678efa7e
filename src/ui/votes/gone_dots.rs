use super::voting::use_voting;
use crate::i18n::Text;
use crate::model::Id;
use crate::ui::{tr, use_lang};
use leptos::prelude::*;

/// This device's dots on cards that are no longer in the round's lanes (deleted, or moved to
/// another lane), with a button that takes them all back, so that a card removed mid-round
/// does not hold on to anyone's dots.
#[component]
pub fn GoneDots(#[prop(into)] shown: Signal<Vec<Id>>) -> impl IntoView {
    let voting = use_voting();
    let lang = use_lang();
    let gone = Memo::new(move |_| {
        let shown = shown.get();
        voting.round.with(|r| {
            let Some(mine) = r.as_ref().and_then(|r| voting.mine(r)) else {
                return Vec::new();
            };
            mine.dots
                .iter()
                .filter(|(card, _)| !shown.contains(card))
                .map(|(card, &dots)| (card.clone(), dots))
                .collect::<Vec<(Id, u32)>>()
        })
    });
    let take_back = move |_| {
        for (card, _) in gone.get_untracked() {
            voting.set_dots(&card, 0, lang.get_untracked());
        }
    };
    move || {
        let dots: u32 = gone.with(|g| g.iter().map(|(_, d)| d).sum());
        (dots > 0).then(|| {
            let n = dots.to_string();
            view! {
                <p class="gone-dots">
                    {move || lang.get().fill(Text::DotsOnGoneCards, &[("n", &n)])}
                    " "
                    <button type="button" class="secondary" on:click=take_back>{tr(Text::TakeBackGoneDots)}</button>
                </p>
            }
        })
    }
}
