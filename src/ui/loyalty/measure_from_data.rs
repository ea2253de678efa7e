use super::data_file::{DataFile, Done};
use super::measured_preview::MeasuredPreview;
use crate::i18n::Text;
use crate::model::loyalty::work::{Job, Outcome};
use crate::model::loyalty::{KpiKind, Mapping};
use crate::model::Id;
use crate::ui::session::open_map::use_open_map;
use leptos::prelude::*;

/// Drop or pick a survey, order or campaign export on a computed KPI: its counts per period
/// previewed, and added only when asked. The columns are remembered on the KPI.
#[component]
pub fn MeasureFromData(kpi: Id, kind: Signal<KpiKind>) -> impl IntoView {
    let map = use_open_map();
    let kpi = StoredValue::new(kpi);
    let remembered = Callback::new(move |()| {
        let id = kpi.get_value();
        map.with_untracked(|m| m.kpi(&id).and_then(|k| k.mapping.clone()))
            .flatten()
    });
    let job = Callback::new(move |(mapping, today): (Mapping, _)| Job::Measure {
        kind: kind.get_untracked(),
        mapping,
        today,
    });
    let read = move |outcome: Outcome, mapping: Mapping, done: Done| {
        match outcome {
        Outcome::Measured(measured) => view! {
            <MeasuredPreview kpi=kpi.get_value() kind measured mapping on_done=done.close on_remap=done.remap />
        }
        .into_any(),
        _ => view! { <p class="field-error" role="alert">{crate::ui::tr(Text::NotText)}</p> }.into_any(),
    }
    };
    // What was read for one kind is nothing for another: a new kind starts afresh.
    move || {
        let source = kind.get().source()?;
        Some(view! {
            <DataFile source=Signal::stored(Some(source)) title=Text::MeasureFromData remembered job read />
        })
    }
}
