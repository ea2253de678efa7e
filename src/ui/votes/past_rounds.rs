use super::{round_name, settings_line};
use crate::i18n::{Lang, Text};
use crate::model::workshop::Round;
use crate::model::{Id, JourneyMap, Part};
use crate::ui::session::open_map::use_open_map;
use crate::ui::{tr, use_lang};
use leptos::prelude::*;

/// The rounds that have ended, with their settings and turnout, and two of them side by side:
/// each card's dots in both and how that changed ("before and after the break").
#[component]
pub fn PastRounds() -> impl IntoView {
    let map = use_open_map();
    let lang = use_lang();
    let ended = Memo::new(move |_| {
        map.with(Part::Rounds, |m| {
            m.rounds
                .iter()
                .filter(|r| !r.is_open())
                .cloned()
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    // The two compared: by default the last two.
    let first = RwSignal::new(None::<Id>);
    let second = RwSignal::new(None::<Id>);
    let chosen = move |which: RwSignal<Option<Id>>, back: usize| {
        which
            .get()
            .or_else(|| ended.with(|e| e.len().checked_sub(back).map(|i| e[i].id.clone())))
    };
    let options = move |which: RwSignal<Option<Id>>, back: usize| {
        let lang = lang.get();
        let selected = chosen(which, back);
        ended.with(|e| {
            e.iter()
                .map(|r| {
                    let is = selected.as_ref() == Some(&r.id);
                    view! { <option value=r.id.clone() selected=is>{round_name(r, lang)}</option> }
                })
                .collect_view()
        })
    };
    let rows = move || {
        let (a, b) = (chosen(first, 2)?, chosen(second, 1)?);
        let lang = lang.get();
        map.with(Part::Rounds, |m| {
            Some(compared(m, m.round(&a)?, m.round(&b)?, lang))
        })
        .flatten()
    };
    view! {
        <h2>{tr(Text::RoundsSoFar)}</h2>
        <Show when=move || !ended.with(Vec::is_empty) fallback=|| view! { <p class="empty">{tr(Text::NoRoundsYet)}</p> }>
            <ul class="past-rounds">
                {move || {
                    let lang = lang.get();
                    ended.with(|e| e.iter().rev().map(|r| {
                        let used: u32 = r.ballots.iter().map(|b| b.used()).sum();
                        let turnout = lang.fill(Text::RoundVoters, &[("voters", &r.ballots.len().to_string()), ("used", &used.to_string())]);
                        view! {
                            <li><strong>{round_name(r, lang)}</strong>
                                <span class="card-meta">{settings_line(r, lang)} " · " {turnout}</span></li>
                        }
                    }).collect_view())
                }}
            </ul>
            <Show when=move || ended.with(|e| e.len() >= 2)>
                <div class="compare-rounds" role="group" aria-label=tr(Text::CompareRounds)>
                    <h3>{tr(Text::CompareRounds)}</h3>
                    <label class="field"><span>{tr(Text::CompareFirst)}</span>
                        <select on:change=move |ev| first.set(Some(event_target_value(&ev)))>{move || options(first, 2)}</select>
                    </label>
                    <label class="field"><span>{tr(Text::CompareSecond)}</span>
                        <select on:change=move |ev| second.set(Some(event_target_value(&ev)))>{move || options(second, 1)}</select>
                    </label>
                    <table class="ranking">
                        <caption class="visually-hidden">{tr(Text::CompareRounds)}</caption>
                        <thead><tr>
                            <th scope="col">{tr(Text::CardText)}</th>
                            <th scope="col">{tr(Text::CompareFirst)}</th>
                            <th scope="col">{tr(Text::CompareSecond)}</th>
                            <th scope="col">{tr(Text::Change)}</th>
                        </tr></thead>
                        <tbody>
                            {move || rows().unwrap_or_default().into_iter().map(|(text, a, b)| {
                                let change = i64::from(b) - i64::from(a);
                                let change = if change > 0 { format!("+{change}") } else { change.to_string() };
                                view! { <tr><td>{text}</td><td>{a}</td><td>{b}</td><td>{change}</td></tr> }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            </Show>
        </Show>
    }
}

/// Each card with dots in either round: its text, its dots in `a` and in `b`; most dots in `b`
/// first.
fn compared(map: &JourneyMap, a: &Round, b: &Round, lang: Lang) -> Vec<(String, u32, u32)> {
    let (before, after) = (a.totals(), b.totals());
    let mut rows: Vec<(String, u32, u32)> = before
        .keys()
        .chain(after.keys())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .map(|card| {
            let text = map
                .card(card)
                .map_or_else(|| lang.t(Text::RemovedCard).to_owned(), |c| c.text.clone());
            let dots =
                |t: &std::collections::BTreeMap<&str, u32>| t.get(card).copied().unwrap_or(0);
            (text, dots(&before), dots(&after))
        })
        .collect();
    rows.sort_by_key(|(_, a, b)| std::cmp::Reverse((*b, *a)));
    rows
}
