use crate::i18n::Text;
use crate::model::{Edit, Id};
use crate::ui::session::open_map::use_open_map;
use crate::ui::{tr, use_lang};
use leptos::prelude::*;

/// A card's votes with a button to add one and one to take one away; each click is one step
/// to undo.
#[component]
pub fn VoteButtons(card: Id, #[prop(into)] votes: Signal<u32>) -> impl IntoView {
    let map = use_open_map();
    let lang = use_lang();
    let card = StoredValue::new(card);
    let vote = move |up: bool| {
        let now = votes.get_untracked();
        let votes = if up {
            now.saturating_add(1)
        } else {
            now.saturating_sub(1)
        };
        let _ = map.apply(Edit::SetVotes {
            card: card.get_value(),
            votes,
        });
    };
    let count = move || lang.get().votes(votes.get());
    view! {
        <div class="votes" role="group" aria-label=tr(Text::Votes)>
            <button type="button" class="icon" aria-label=tr(Text::RemoveVote) title=tr(Text::RemoveVote)
                disabled=move || votes.get() == 0 on:click=move |_| vote(false)>"−"</button>
            <span class="vote-count" aria-live="polite">{count}</span>
            <button type="button" class="icon" aria-label=tr(Text::AddVote) title=tr(Text::AddVote)
                on:click=move |_| vote(true)>"+"</button>
        </div>
    }
}
