use super::ranked_row::RankedRow;
use super::round_name;
use crate::i18n::Text;
use crate::model::{Id, JourneyMap, Lane, Part, Voted};
use crate::ui::editor::fold::is_open;
use crate::ui::session::open_map::use_open_map;
use crate::ui::{tr, use_lang};
use leptos::prelude::*;

/// One row of the ranking, as read when it was ranked.
#[derive(Clone, PartialEq)]
pub struct Row {
    pub card: Id,
    pub text: String,
    pub phase: String,
    pub lane: Lane,
    pub severity: Option<u8>,
    /// The card's dots in the round ranked by; `None`: votes without a round, to change here.
    pub dots: Option<u32>,
    /// Who gave them, in a named round.
    pub who: String,
}

impl Row {
    fn of(v: &Voted, dots: Option<u32>, who: String) -> Row {
        Row {
            card: v.card.id.clone(),
            text: v.card.text.clone(),
            phase: v.phase.name.clone(),
            lane: v.lane.clone(),
            severity: v.card.severity.map(|s| s.level()),
            dots,
            who,
        }
    }
}

/// What the ranking is by: votes given without a round, or one round's dots.
#[derive(Clone, PartialEq)]
pub enum Source {
    WithoutRound,
    Round(Id),
    /// A round whose totals stay hidden until it ends.
    Hidden,
}

/// The map ranked by `source` (a round id; empty: votes without a round); the latest round
/// that has ended where none is chosen.
pub fn ranked(m: &JourneyMap, source: Option<&str>) -> (Source, Vec<Row>) {
    let latest = || m.rounds.iter().rev().find(|r| !r.is_open());
    let round = match source {
        Some("") => None,
        Some(id) => m.round(id),
        None => latest(),
    };
    let Some(round) = round else {
        let rows = m.by_votes();
        let rows = rows.iter().map(|v| Row::of(v, None, String::new()));
        return (Source::WithoutRound, rows.collect());
    };
    if round.is_open() && round.hidden {
        return (Source::Hidden, Vec::new());
    }
    let rows = m.by_round(round).into_iter().map(|(v, dots)| {
        let who = round
            .ballots
            .iter()
            .filter(|_| round.named)
            .filter_map(|b| Some(format!("{} {}", b.name, b.dots.get(&v.card.id)?)))
            .collect::<Vec<_>>()
            .join(" · ");
        Row::of(&v, Some(dots), who)
    });
    (Source::Round(round.id.clone()), rows.collect())
}

/// After a round of dot voting: the whole map's cards voted on, most dots first, by the votes
/// given without a round (each to change here) or by one round's dots. Ranked when opened and
/// when asked: a row that moved while its button is being clicked would take the click
/// elsewhere.
#[component]
pub fn VotesPanel() -> impl IntoView {
    let map = use_open_map();
    let lang = use_lang();
    let (rows, set_rows) = signal(Vec::<Row>::new());
    let chosen = RwSignal::new(None::<String>);
    let (source, set_source) = signal(Source::WithoutRound);
    let rank = move || {
        let (by, ranked) = map
            .with_untracked(|m| ranked(m, chosen.get_untracked().as_deref()))
            .unwrap_or((Source::WithoutRound, Vec::new()));
        set_source.set(by);
        set_rows.set(ranked);
    };
    let on_toggle = move |ev: leptos::ev::Event| {
        if is_open(&ev) {
            rank();
        } else {
            set_rows.set(Vec::new());
        }
    };
    let options = move || {
        let lang = lang.get();
        let shown = source.get();
        let rounds = map
            .with(Part::Rounds, |m| {
                m.rounds
                    .iter()
                    .rev()
                    .map(|r| (r.id.clone(), round_name(r, lang)))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default();
        let without = shown == Source::WithoutRound;
        let rounds = rounds.into_iter().map(|(id, name)| {
            let selected = shown == Source::Round(id.clone());
            view! { <option value=id selected=selected>{name}</option> }
        });
        view! {
            <option value="" selected=without>{lang.t(Text::VotesWithoutRound)}</option>
            {rounds.collect_view()}
        }
    };
    let choose = move |ev| {
        chosen.set(Some(event_target_value(&ev)));
        rank();
    };
    view! {
        <details class="map-panel votes-panel" on:toggle=on_toggle>
            <summary><span class="panel-name">{tr(Text::ByVotes)}</span></summary>
            <label class="field">
                <span>{tr(Text::VotesFrom)}</span>
                <select on:change=choose>{options}</select>
            </label>
            <Show when=move || source.get() == Source::Hidden>
                <p class="empty">{tr(Text::RoundHiddenTotals)}</p>
            </Show>
            <table class="ranking">
                <caption class="visually-hidden">{tr(Text::ByVotesCaption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{tr(Text::Votes)}</th>
                        <th scope="col">{tr(Text::CardText)}</th>
                        <th scope="col">{tr(Text::Kind)}</th>
                        <th scope="col">{tr(Text::Phase)}</th>
                        <Show when=move || rows.with(|r| r.iter().any(|r| !r.who.is_empty()))>
                            <th scope="col">{tr(Text::WhoGave)}</th>
                        </Show>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || rows.get() key=|r| (r.card.clone(), r.dots, r.who.clone()) let(row)>
                        <RankedRow row named=Signal::derive(move || rows.with(|r| r.iter().any(|r| !r.who.is_empty()))) />
                    </For>
                </tbody>
            </table>
            <Show when=move || rows.with(Vec::is_empty) && source.get() != Source::Hidden>
                <p class="empty">{tr(Text::NothingToVoteOn)}</p>
            </Show>
            <button type="button" class="secondary" on:click=move |_| rank()>{tr(Text::SortAgain)}</button>
        </details>
    }
}
