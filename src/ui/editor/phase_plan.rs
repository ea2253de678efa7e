use crate::i18n::{Lang, Text};
use crate::model::numbers;
use crate::model::{Id, Part};
use crate::ui::session::open_map::use_open_map;
use crate::ui::use_lang;
use leptos::prelude::*;

/// What a phase's touchpoints cost and how often they contact a customer, a month, against the
/// limit the team set; over the limit, a warning in words. It follows each touchpoint, so a
/// figure typed in one card updates it.
#[component]
pub fn PhasePlan(phase: Id, touchpoint_ids: Memo<Vec<Id>>) -> impl IntoView {
    let map = use_open_map();
    let lang = use_lang();
    let phase = StoredValue::new(phase);
    let limit = Memo::new(move |_| {
        let id = phase.read_value();
        map.with(Part::Phase(id.clone()), |m| {
            m.phase(&id).and_then(|p| p.contact_limit)
        })
        .flatten()
    });
    let currency = Memo::new(move |_| {
        map.with(Part::MapTexts, |m| m.currency.clone())
            .unwrap_or_default()
    });
    // Cost and contacts a month, summed over the touchpoints that have them.
    let sums = Memo::new(move |_| {
        touchpoint_ids.with(|ids| {
            ids.iter().fold((0.0, 0.0), |(cost, contacts), id| {
                let (c, n) = map
                    .with(Part::Item(id.clone()), |m| {
                        m.touchpoint(id)
                            .map(|t| (t.cost_per_month, t.contacts_per_month))
                    })
                    .flatten()
                    .unwrap_or_default();
                (cost + c.unwrap_or(0.0), contacts + n.unwrap_or(0.0))
            })
        })
    });
    let over = move || limit.get().is_some_and(|l| sums.get().1 > l);
    let figures = move || {
        let (cost, contacts) = sums.get();
        currency.with(|c| plan_line(lang.get(), cost, c, contacts, limit.get()))
    };
    view! {
        <p class="phase-plan" class:over-limit=over>
            <Show when=over>
                <strong class="contact-warning">"⚠ " {move || lang.get().t(Text::OverContactLimit)} " "</strong>
            </Show>
            <span>{figures}</span>
        </p>
    }
}

/// A phase's plan in one line: "2400 EUR · 8.5 contacts a month (limit 12)".
pub fn plan_line(
    lang: Lang,
    cost: f64,
    currency: &str,
    contacts: f64,
    limit: Option<f64>,
) -> String {
    let n = |v: f64| numbers::format((v * 100.0).round() / 100.0, lang);
    let text = lang.fill(
        Text::PhasePlanFigures,
        &[
            ("cost", &n(cost)),
            ("currency", currency),
            ("contacts", &n(contacts)),
        ],
    );
    match limit {
        Some(l) => format!(
            "{text} {}",
            lang.fill(Text::PhasePlanLimit, &[("limit", &n(l))])
        ),
        None => text,
    }
}
