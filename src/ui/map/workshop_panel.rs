use crate::i18n::Text;
use crate::ui::comments::open_threads::OpenThreads;
use crate::ui::decisions::priorities_panel::PrioritiesPanel;
use crate::ui::editor::fold::is_open;
use crate::ui::page_part::{self, later};
use crate::ui::votes::round_panel::RoundPanel;
use crate::ui::votes::votes_panel::VotesPanel;
use crate::ui::votes::voting::use_voting;
use crate::ui::{tr, use_lang};
use leptos::html::Details;
use leptos::prelude::*;

/// The workshop's decisions in one fold above the map, so the map keeps the screen: the voting
/// round, the ranking by votes and the priorities. Opens by itself when a round starts, also one
/// started in another browser of a live session. What it holds is a part of the wasm of its own,
/// fetched when it is first opened: a participant who only adds cards never downloads it.
#[component]
pub fn WorkshopPanel() -> impl IntoView {
    let voting = use_voting();
    let lang = use_lang();
    let open = Memo::new(move |_| voting.round.with(Option::is_some));
    let panel = NodeRef::<Details>::new();
    Effect::new(move |_| {
        if let Some(panel) = panel.get().filter(|_| open.get()) {
            panel.set_open(true);
        }
    });
    let state = move || open.get().then(|| lang.get().t(Text::VotingOpenState));
    let opened = RwSignal::new(false);
    let on_toggle = move |ev: leptos::ev::Event| {
        if is_open(&ev) && !opened.get_untracked() {
            opened.set(true);
        }
    };
    view! {
        <details class="map-panel workshop-panel" node_ref=panel on:toggle=on_toggle>
            <summary>
                <span class="panel-name">{tr(Text::WorkshopPanel)}</span>
                <span class="panel-state">{state}</span>
            </summary>
            <Show when=move || opened.get()>
                {later(page_part::workshop)}
            </Show>
        </details>
    }
}

/// What the Workshop part shows.
#[component]
pub fn WorkshopTools() -> impl IntoView {
    view! {
        <div class="workshop-tools">
            <RoundPanel />
            <VotesPanel />
            <PrioritiesPanel />
            <OpenThreads />
        </div>
    }
}
