use crate::model::{Id, Kpi, Part, Status};
use crate::ui::editor::status_chip::status_chip;
use crate::ui::session::open_map::use_open_map;
use crate::ui::use_lang;
use leptos::prelude::*;

/// How a phase's KPIs are doing, in its header: how many are on track, behind, without data.
/// It follows each of them, so a new measurement in one card updates it.
#[component]
pub fn PhaseKpiSummary(kpi_ids: Memo<Vec<Id>>) -> impl IntoView {
    let map = use_open_map();
    let lang = use_lang();
    let counts = Memo::new(move |_| {
        kpi_ids.with(|ids| {
            Status::count(ids.iter().map(|id| {
                map.with(Part::Item(id.clone()), |m| {
                    m.kpi(id).and_then(Kpi::progress).map(|p| p.status)
                })
                .flatten()
            }))
        })
    });
    let summary = move || {
        let [on_track, behind, none] = counts.get();
        (on_track + behind + none > 0).then(|| lang.get().kpi_summary([on_track, behind, none]))
    };
    // At a glance, a chip per status the phase has, as on its cards; in words for a screen reader.
    let chips = move || {
        let lang = lang.get();
        let [on_track, behind, none] = counts.get();
        [
            (on_track, Some(Status::OnTrack)),
            (behind, Some(Status::Behind)),
            (none, None),
        ]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, status)| {
            let (class, symbol, words) = status_chip(status);
            view! { <span class=class>{symbol} " " {n} " " {lang.t(words)}</span> }
        })
        .collect_view()
    };
    view! {
        <p class="kpi-summary">
            <span class="visually-hidden">{summary}</span>
            <span class="kpi-chips" aria-hidden="true">{chips}</span>
        </p>
    }
}
