use super::dot_buttons::DotButtons;
use super::gone_dots::GoneDots;
use super::voters::Voters;
use super::voting::{closes_at, use_voting};
use super::{round_name, settings_line};
use crate::i18n::Text;
use crate::model::timer::clock;
use crate::model::{limits, Id, Part};
use crate::ui::session::open_map::use_open_map;
use crate::ui::{tr, use_lang};
use leptos::prelude::*;

/// A card to vote on, as the list shows it.
#[derive(Clone, PartialEq)]
struct Row {
    card: Id,
    place: String,
}

/// The open round: its settings and time left, this device's dots left, every card of its
/// lanes with this device's dots, who has voted, and its end.
#[component]
pub fn OpenRound() -> impl IntoView {
    let map = use_open_map();
    let voting = use_voting();
    let lang = use_lang();
    let round = voting.round;
    let rows = Memo::new(move |_| {
        let lanes = round.with(|r| r.as_ref().map(|r| r.voted_lanes.clone()));
        let phases = map.with(Part::PhaseOrder, |m| {
            m.phases.iter().map(|p| p.id.clone()).collect::<Vec<_>>()
        });
        let lang = lang.get();
        let mut rows = Vec::new();
        for lane in lanes.unwrap_or_default() {
            let name = map.with(Part::Lanes, |m| m.lane(&lane).map(|l| l.name_in(lang)));
            let Some(Some(lane_name)) = name else {
                continue;
            };
            for phase in phases.iter().flatten() {
                map.with(Part::Phase(phase.clone()), |m| {
                    let Some(p) = m.phase(phase) else { return };
                    rows.extend(p.lane_cards(&lane).iter().map(|c| Row {
                        card: c.id.clone(),
                        place: format!("{} · {lane_name}", p.name),
                    }));
                });
            }
        }
        rows
    });
    let heading = move || round.with(|r| r.as_ref().map(|r| round_name(r, lang.get())));
    let settings = move || round.with(|r| r.as_ref().map(|r| settings_line(r, lang.get())));
    let time = move || {
        let lang = lang.get();
        let ends = round.with(|r| r.as_ref().and_then(closes_at));
        match ends {
            None => lang.t(Text::RoundNoTimeLimit).to_owned(),
            Some(_) if voting.time_up() => lang.t(Text::RoundTimeUp).to_owned(),
            Some(ends) => {
                let left = clock(ends - voting.now.get());
                lang.fill(Text::RoundTimeLeft, &[("time", &left)])
            }
        }
    };
    let left = move || {
        let people = voting.people.get();
        round.with(|r| {
            let r = r.as_ref()?;
            let used = voting.mine(r).map_or(0, |b| b.used());
            let budget = r.dots * people;
            let left = budget.saturating_sub(used).to_string();
            Some(lang.get().fill(
                Text::DotsLeft,
                &[("left", &left), ("dots", &budget.to_string())],
            ))
        })
    };
    let named = move || round.with(|r| r.as_ref().is_some_and(|r| r.named));
    let end = move |_| {
        if let Some(id) = round.with_untracked(|r| r.as_ref().map(|r| r.id.clone())) {
            voting.end(&id);
        }
    };
    view! {
        <div class="open-round">
            <h2>{heading}</h2>
            <p class="round-settings">{settings}</p>
            <p class="round-time" role="timer">{time}</p>
            <p class="dots-left" aria-live="polite">{left}</p>
            <div class="round-numbers">
                <label class="field">
                    <span>{tr(Text::PeopleOnDevice)}</span>
                    <input type="number" min="1" max=limits::PEOPLE_PER_BALLOT step="1" inputmode="numeric"
                        prop:value=move || voting.people.get().to_string()
                        on:change=move |ev| {
                            let people = event_target_value(&ev).trim().parse::<u32>().unwrap_or(1);
                            voting.people.set(people.clamp(1, limits::PEOPLE_PER_BALLOT));
                        } />
                </label>
                <p class="hint">{tr(Text::PeopleOnDeviceHint)}</p>
                <Show when=named>
                    <label class="field">
                        <span>{tr(Text::VotingAs)}</span>
                        <input type="text" prop:value=voting.name on:input=move |ev| voting.name.set(event_target_value(&ev)) />
                    </label>
                </Show>
            </div>
            <h3>{tr(Text::CardsToVoteOn)}</h3>
            <ul class="round-cards">
                <For each=move || rows.get() key=|r| r.card.clone() let(row)>
                    {
                        let card = row.card.clone();
                        let text = Signal::derive(move || {
                            map.with(Part::Item(card.clone()), |m| m.card(&card).map(|c| c.text.clone()))
                                .flatten()
                                .unwrap_or_default()
                        });
                        view! {
                            <li>
                                <span class="round-card-text">{text}<span class="card-meta">{row.place.clone()}</span></span>
                                <DotButtons card=row.card.clone() label=text />
                            </li>
                        }
                    }
                </For>
            </ul>
            <GoneDots shown=Signal::derive(move || rows.with(|r| r.iter().map(|r| r.card.clone()).collect())) />
            <Show when=move || rows.with(Vec::is_empty)>
                <p class="empty">{tr(Text::NoCardsToVoteOn)}</p>
            </Show>
            <h3>{tr(Text::WhoVoted)}</h3>
            <Voters />
            <Show when=move || map.session.guard.runs_rounds(&map.id.get_value()) fallback=|| view! { <p class="hint">{tr(Text::RoundsByFacilitator)}</p> }>
                <button type="button" on:click=end>{tr(Text::EndRound)}</button>
            </Show>
        </div>
    }
}
