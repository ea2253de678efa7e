use super::open_round::OpenRound;
use super::past_rounds::PastRounds;
use super::start_round::StartRound;
use super::voting::use_voting;
use crate::i18n::Text;
use crate::ui::session::open_map::use_open_map;
use crate::ui::{tr, use_lang};
use leptos::html::Details;
use leptos::prelude::*;

/// The workshop's voting rounds: the open one, with the cards to vote on and its end, or a new
/// one to start; and the rounds so far. Opens by itself when a round starts, also one started
/// in another browser of a live session.
#[component]
pub fn RoundPanel() -> impl IntoView {
    let voting = use_voting();
    let lang = use_lang();
    let map = use_open_map();
    // In a live session only the facilitator starts and ends rounds.
    let runs = move || map.session.guard.runs_rounds(&map.id.get_value());
    let open = Memo::new(move |_| voting.round.with(Option::is_some));
    let panel = NodeRef::<Details>::new();
    let summary = NodeRef::<leptos::html::Summary>::new();
    Effect::new(move |before: Option<bool>| {
        let now = open.get();
        if now {
            if let Some(panel) = panel.get() {
                panel.set_open(true);
            }
        }
        // Started or ended here, the button pressed is gone: focus goes to the panel's name,
        // which says the round's state, not to the start of the page.
        if before.is_some_and(|b| b != now) {
            leptos::task::spawn_local(async move {
                leptos::task::tick().await;
                let lost = document()
                    .active_element()
                    .is_none_or(|e| e.tag_name() == "BODY");
                if let Some(summary) = summary.get_untracked().filter(|_| lost) {
                    let _ = summary.focus();
                }
            });
        }
        now
    });
    let state = move || {
        lang.get().t(if open.get() {
            Text::RoundOpenState
        } else {
            Text::RoundNoneOpen
        })
    };
    view! {
        <details class="map-panel round-panel" node_ref=panel>
            <summary node_ref=summary>
                <span class="panel-name">{tr(Text::VotingRound)}</span>
                <span class="panel-state">{state}</span>
            </summary>
            {move || match (open.get(), runs()) {
                (true, _) => view! { <OpenRound /> }.into_any(),
                (false, true) => view! { <StartRound /> }.into_any(),
                (false, false) => view! { <p class="hint">{tr(Text::RoundsByFacilitator)}</p> }.into_any(),
            }}
            <PastRounds />
        </details>
    }
}
