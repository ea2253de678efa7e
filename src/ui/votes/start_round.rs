use super::refusal;
use super::voting::use_voting;
use crate::i18n::Text;
use crate::model::workshop::Round;
use crate::model::{limits, timer::MAX_MINUTES, Id, Part};
use crate::ui::session::clock;
use crate::ui::session::open_map::use_open_map;
use crate::ui::{tr, use_lang};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

/// A new voting round's settings. The defaults are the usual ones: five dots, at most three on
/// one card, five minutes, totals hidden until the end, anonymous; on the pain points and
/// opportunities.
#[component]
pub fn StartRound() -> impl IntoView {
    let map = use_open_map();
    let voting = use_voting();
    let lang = use_lang();
    let lanes = Memo::new(move |_| {
        map.with(Part::Lanes, |m| m.lanes.clone())
            .unwrap_or_default()
    });
    let chosen = RwSignal::new(
        lanes
            .get_untracked()
            .iter()
            .filter(|l| l.kind.has_votes())
            .map(|l| l.id.clone())
            .collect::<Vec<Id>>(),
    );
    let name = RwSignal::new(String::new());
    let dots = RwSignal::new("5".to_string());
    let per_card = RwSignal::new("3".to_string());
    let minutes = RwSignal::new("5".to_string());
    let hidden = RwSignal::new(true);
    let named = RwSignal::new(false);
    let message = RwSignal::new(None::<String>);
    let start = move |ev: SubmitEvent| {
        ev.prevent_default();
        let lang = lang.get_untracked();
        let number = |s: RwSignal<String>| s.get_untracked().trim().parse::<u32>().ok();
        // The map's lanes, in the map's order, that are ticked.
        let voted: Vec<Id> = lanes.with_untracked(|l| {
            l.iter()
                .filter(|l| chosen.with_untracked(|c| c.contains(&l.id)))
                .map(|l| l.id.clone())
                .collect()
        });
        if voted.is_empty() {
            return message.set(Some(lang.t(Text::RoundNeedsLane).into()));
        }
        let minutes = match minutes.get_untracked().trim() {
            "" => Some(None),
            text => text.parse::<u32>().ok().map(Some),
        };
        let (Some(dots), Some(per_card), Some(minutes)) = (number(dots), number(per_card), minutes)
        else {
            return message.set(Some(lang.t(Text::RefusedRoundSettings).into()));
        };
        let Some((id, count, taken)) = map.with_untracked(|m| {
            let taken: Vec<String> = m.rounds.iter().map(|r| r.name.clone()).collect();
            (
                m.fresh_id(&clock::id_prefix("round")),
                m.rounds.len(),
                taken,
            )
        }) else {
            return;
        };
        // Unnamed, a round is numbered, so that two started in one minute are told apart; by
        // a number no round's name has yet.
        let name = match name.get_untracked().trim() {
            "" => (count + 1..)
                .map(|n| lang.fill(Text::NumberedRound, &[("n", &n.to_string())]))
                .find(|name| !taken.contains(name))
                .unwrap_or_default(),
            given => given.to_owned(),
        };
        if limits::text_over(&name).is_some() {
            return message.set(Some(lang.t(Text::RefusedNameLength).into()));
        }
        let round = Round {
            id,
            name,
            started_at: clock::now(),
            minutes,
            ended_at: None,
            voted_lanes: voted,
            dots,
            per_card,
            hidden: hidden.get_untracked(),
            named: named.get_untracked(),
            ballots: Vec::new(),
        };
        message.set(voting.start(round).err().map(|e| refusal(&e, lang)));
    };
    let toggle = move |id: Id, on: bool| {
        chosen.update(|c| {
            c.retain(|l| *l != id);
            if on {
                c.push(id);
            }
        });
    };
    let number = move |label: Text, value: RwSignal<String>, max: u32, required: bool| {
        view! {
            <label class="field">
                <span>{tr(label)}</span>
                <input type="number" min="1" max=max step="1" inputmode="numeric" required=required
                    prop:value=value on:input=move |ev| value.set(event_target_value(&ev)) />
            </label>
        }
    };
    view! {
        <form class="start-round" novalidate on:submit=start>
            <h2>{tr(Text::StartRoundHeading)}</h2>
            <label class="field">
                <span>{tr(Text::RoundName)}</span>
                <input type="text" placeholder=tr(Text::RoundNamePlaceholder) prop:value=name
                    on:input=move |ev| name.set(event_target_value(&ev)) />
            </label>
            <fieldset class="round-lanes">
                <legend>{tr(Text::RoundLanes)}</legend>
                <For each=move || lanes.get() key=|l| l.id.clone() let(lane)>
                    {
                        let id = lane.id.clone();
                        let checked = {
                            let id = id.clone();
                            move || chosen.with(|c| c.contains(&id))
                        };
                        view! {
                            <label class="check">
                                <input type="checkbox" prop:checked=checked
                                    on:change=move |ev| toggle(id.clone(), event_target_checked(&ev)) />
                                {move || lane.name_in(lang.get())}
                            </label>
                        }
                    }
                </For>
            </fieldset>
            <div class="round-numbers">
                {number(Text::DotsPerPerson, dots, limits::DOTS, true)}
                {number(Text::DotsPerCard, per_card, limits::DOTS, true)}
                {number(Text::RoundMinutes, minutes, MAX_MINUTES, false)}
            </div>
            <label class="check">
                <input type="checkbox" prop:checked=hidden on:change=move |ev| hidden.set(event_target_checked(&ev)) />
                {tr(Text::RoundHidden)}
            </label>
            <label class="check">
                <input type="checkbox" prop:checked=named on:change=move |ev| named.set(event_target_checked(&ev)) />
                {tr(Text::RoundNamed)}
            </label>
            <p class="form-problem" role="alert">{move || message.get()}</p>
            <button type="submit">{tr(Text::StartRound)}</button>
        </form>
    }
}
