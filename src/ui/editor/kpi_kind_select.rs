use crate::i18n::Text;
use crate::model::loyalty::{KpiKind, Source};
use crate::model::{Edit, Id, Part};
use crate::ui::session::open_map::use_open_map;
use crate::ui::{tr, use_lang};
use leptos::prelude::*;

/// The kinds offered, grouped by where their figures come from.
const GROUPS: [(Text, Option<Source>); 4] = [
    (Text::KindGroupTyped, None),
    (Text::KindGroupSurvey, Some(Source::Survey)),
    (Text::KindGroupCampaign, Some(Source::Campaign)),
    (Text::KindGroupOrders, Some(Source::Orders)),
];

/// How a KPI is measured: typed, or computed from a survey, campaign or order export. Changing
/// it keeps every measurement the new kind can hold and says how many it could not.
#[component]
pub fn KpiKindSelect(kpi: Id) -> impl IntoView {
    let map = use_open_map();
    let lang = use_lang();
    let kpi = StoredValue::new(kpi);
    let kind = Memo::new(move |_| {
        let id = kpi.read_value();
        map.with(Part::Item(id.clone()), |m| m.kpi(&id).map(|k| k.kind))
            .flatten()
            .unwrap_or_default()
    });
    let (removed, set_removed) = signal(0usize);
    let change = move |ev| {
        let Some(new) = KpiKind::parse(&event_target_value(&ev)) else {
            return;
        };
        let id = kpi.get_value();
        let Some((old, currency)) = map
            .with_untracked(|m| m.kpi(&id).cloned().map(|k| (k, m.currency.clone())))
            .flatten()
        else {
            return;
        };
        let measurements = new.convert(&old.measurements);
        let mapping = old.mapping.filter(|m| Some(m.source) == new.source());
        let dropped = old.measurements.len() - measurements.len();
        let edit = Edit::SetKpiKind {
            kpi: id,
            kind: new,
            unit: new.unit(&currency),
            mapping,
            measurements,
        };
        if map.apply(edit).is_ok() {
            set_removed.set(dropped);
        }
    };
    let options = move || {
        let lang = lang.get();
        GROUPS
            .iter()
            .map(|&(group, source)| {
                let kinds = KpiKind::ALL
                    .into_iter()
                    .filter(move |k| k.source() == source)
                    .map(move |k| view! {
                        <option value=k.name() selected=move || kind.get() == k>{lang.t(k.label())}</option>
                    })
                    .collect_view();
                view! { <optgroup label=lang.t(group)>{kinds}</optgroup> }
            })
            .collect_view()
    };
    view! {
        <label class="inline">
            <span>{tr(Text::MeasuredAs)}</span>
            <select prop:value=move || kind.get().name() on:change=change>{options}</select>
        </label>
        <details class="how-computed">
            <summary>{tr(Text::HowComputed)}</summary>
            <p>{move || lang.get().t(kind.get().how())}</p>
        </details>
        {move || (removed.get() > 0).then(|| view! {
            <p class="notice" role="status">
                {lang.get().fill(Text::KindChangeRemoved, &[("count", &removed.get().to_string())])}
            </p>
        })}
    }
}
