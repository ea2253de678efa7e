use crate::i18n::Text;
use crate::model::{Id, Part};
use crate::ui::session::open_map::use_open_map;
use crate::ui::use_lang;
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Which phase fills the grid now: the one whose start is nearest the grid's. On a phone a
/// phase fills the screen and the grid snaps from one to the next as it is swiped.
pub fn track(grid: NodeRef<Div>, current: RwSignal<usize>) {
    let Some(grid) = grid.get_untracked() else {
        return;
    };
    let left = grid.get_bounding_client_rect().left();
    let Ok(phases) = grid.query_selector_all(":scope > .phases > .phase") else {
        return;
    };
    let nearest = (0..phases.length())
        .filter_map(|i| phases.item(i)?.dyn_into::<web_sys::Element>().ok())
        .map(|p| (p.get_bounding_client_rect().left() - left).abs())
        .enumerate()
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i);
    if let Some(i) = nearest.filter(|i| *i != current.get_untracked()) {
        current.set(i);
    }
}

/// A phone's way through the map a phase at a time, under the grid and kept in view: the
/// previous and next phase by name, and where this one is. Swiping does the same; on a wider
/// screen, where the phases stand side by side, it is not shown.
#[component]
pub fn PhaseSteps(phases: Memo<Vec<Id>>, current: RwSignal<usize>) -> impl IntoView {
    let map = use_open_map();
    let lang = use_lang();
    let name = move |i: usize| {
        let id = phases.with(|p| p.get(i).cloned())?;
        map.with(Part::Phase(id.clone()), |m| {
            m.phase(&id).map(|p| p.name.clone())
        })
        .flatten()
    };
    let go = move |i: usize| {
        let Some(id) = phases.with_untracked(|p| p.get(i).cloned()) else {
            return;
        };
        if let Some(phase) = document().get_element_by_id(&format!("ph-{id}")) {
            let start = web_sys::ScrollIntoViewOptions::new();
            start.set_block(web_sys::ScrollLogicalPosition::Nearest);
            start.set_inline(web_sys::ScrollLogicalPosition::Start);
            phase.scroll_into_view_with_scroll_into_view_options(&start);
        }
        current.set(i);
    };
    let at = move || current.get().min(phases.with(Vec::len).saturating_sub(1));
    let step = move |back: bool| {
        let lang = lang.get();
        let i = at();
        let to = if back { i.checked_sub(1) } else { Some(i + 1) };
        let to_name = to.and_then(name);
        let label = match &to_name {
            Some(n) => lang.fill(
                if back {
                    Text::PreviousPhase
                } else {
                    Text::NextPhase
                },
                &[("name", n)],
            ),
            None => lang
                .t(if back {
                    Text::PreviousSlide
                } else {
                    Text::NextSlide
                })
                .to_owned(),
        };
        let shown = if back { "‹" } else { "›" };
        view! {
            <button type="button" class="secondary" disabled=to_name.is_none() aria-label=label
                on:click=move |_| if let Some(to) = to { go(to) }>
                {back.then_some(shown)} <span class="step-name">{to_name.clone()}</span> {(!back).then_some(shown)}
            </button>
        }
    };
    let here = move || {
        let i = at();
        lang.get().fill(
            Text::PhaseOf,
            &[
                ("n", &(i + 1).to_string()),
                ("count", &phases.with(Vec::len).to_string()),
                ("name", &name(i).unwrap_or_default()),
            ],
        )
    };
    view! {
        <nav class="phase-steps" aria-label=move || lang.get().t(Text::PhasesHeading)>
            {move || step(true)}
            <p class="step-here" aria-live="polite"><bdi>{here}</bdi></p>
            {move || step(false)}
        </nav>
    }
}
