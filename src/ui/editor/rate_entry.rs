use crate::i18n::Text;
use crate::model::loyalty::{cells, Counts, KpiKind, Ratio};
use crate::model::{Date, Edit, Id, Measurement};
use crate::ui::session::clock::now;
use crate::ui::session::open_map::use_open_map;
use crate::ui::tr;
use leptos::prelude::*;

/// Adds a measurement to a rate of two counts (conversions of visits, reviews of orders): the
/// two counts are typed, the rate follows from them.
#[component]
pub fn RateEntry(kpi: Id) -> impl IntoView {
    let map = use_open_map();
    let kpi = StoredValue::new(kpi);
    let (date, set_date) = signal(now().chars().take(10).collect::<String>());
    let (part, set_part) = signal(String::new());
    let (whole, set_whole) = signal(String::new());
    let (invalid, set_invalid) = signal(false);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let counts = cells::count(&part.get_untracked())
            .ok()
            .zip(cells::count(&whole.get_untracked()).ok())
            .filter(|(p, w)| p <= w)
            .map(|(part, whole)| Counts::Ratio(Ratio { part, whole }));
        let measurement =
            Date::parse(&date.get_untracked())
                .zip(counts)
                .and_then(|(date, counts)| {
                    let value = KpiKind::Rate.value(&counts)?;
                    Some(Measurement {
                        date,
                        value,
                        counts: Some(counts),
                    })
                });
        let Some(measurement) = measurement else {
            set_invalid.set(true);
            return;
        };
        let id = kpi.get_value();
        let index = map
            .with_untracked(|m| {
                m.kpi(&id).map(|k| {
                    k.measurements
                        .partition_point(|m| m.date <= measurement.date)
                })
            })
            .flatten()
            .unwrap_or(0);
        let added = map.apply(Edit::InsertMeasurement {
            kpi: id,
            index,
            measurement,
        });
        set_invalid.set(added.is_err());
        if added.is_ok() {
            set_part.set(String::new());
            set_whole.set(String::new());
        }
    };
    view! {
        <form class="add-measurement" on:submit=add>
            <input type="date" aria-label=tr(Text::Date) prop:value=date on:input=move |ev| set_date.set(event_target_value(&ev)) />
            <input type="text" inputmode="numeric" aria-label=tr(Text::RatePart) placeholder=tr(Text::RatePart)
                aria-invalid=move || invalid.get().to_string()
                prop:value=part on:input=move |ev| set_part.set(event_target_value(&ev)) />
            <input type="text" inputmode="numeric" aria-label=tr(Text::RateWhole) placeholder=tr(Text::RateWhole)
                aria-invalid=move || invalid.get().to_string()
                prop:value=whole on:input=move |ev| set_whole.set(event_target_value(&ev)) />
            <button type="submit">{tr(Text::AddMeasurement)}</button>
        </form>
        <Show when=move || invalid.get()>
            <p class="field-error" role="alert">{tr(Text::RateCountsInvalid)}</p>
        </Show>
    }
}
