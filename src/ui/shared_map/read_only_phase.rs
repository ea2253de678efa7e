use crate::i18n::Text;
use crate::model::{Id, JourneyMap, Lane, LaneCard, Phase};
use crate::ui::browser::focus;
use crate::ui::editor::card_face::{kpi_face, lane_card_face, touchpoint_face};
use crate::ui::editor::phase_plan::plan_line;
use crate::ui::shared_map::slices::Slices;
use crate::ui::use_session;
use leptos::prelude::*;

/// What a phase read on its own needs of its map: the lanes shown, the plan's currency, and
/// where votes may be cast (presentation mode), how; and when its cards are built.
#[derive(Clone)]
pub struct PhaseContext {
    pub lanes: Vec<Lane>,
    pub currency: String,
    pub vote: Option<Votes>,
    pub slices: Slices,
}

/// Votes cast on a map being read (presentation mode). A vote changes one card, and that card
/// alone follows it: the whole slide built again for each took up to a second on a large map.
#[derive(Clone, Copy)]
pub struct Votes {
    /// Casts one: the card, and whether it is a vote more or one less.
    pub cast: Callback<(Id, bool)>,
    /// A card as the map has it now, followed where read (its own part of the map only).
    pub card: Callback<Id, Option<LaneCard>>,
}

impl PhaseContext {
    /// For one phase on its own: its cards built at once.
    pub fn of(map: &JourneyMap, vote: Option<Votes>) -> Self {
        Self::sliced(map, vote, Slices::of(0))
    }

    pub fn sliced(map: &JourneyMap, vote: Option<Votes>, slices: Slices) -> Self {
        PhaseContext {
            lanes: map.lanes.iter().filter(|l| l.shown).cloned().collect(),
            currency: map.currency.clone(),
            vote,
            slices,
        }
    }
}

/// One phase for reading: its heading (with its plan, and a warning where it contacts customers
/// more often than its limit), then its touchpoints, its KPIs and its lanes as the editor's
/// compact cards show them. Parts, so that the map's grid lines them up across the phases; on a
/// phase's own slide they stack. In presentation mode pain points and opportunities take votes.
/// `index`: its place among the map's phases, for the order its cards are built in.
#[component]
pub fn ReadOnlyPhase(
    phase: Phase,
    context: PhaseContext,
    #[prop(optional)] index: usize,
) -> impl IntoView {
    let settings = use_session().settings;
    let lang = move || settings.lang();
    let PhaseContext {
        lanes,
        currency,
        vote,
        slices,
    } = context;
    // A lane's cell: named for screen readers and headed on a phase's own slide.
    let lane = move |heading: Signal<String>, kind: Option<&'static str>, cards: AnyView| {
        view! {
            <div class="lane-cell" class:lane-cards=kind.is_some() data-kind=kind role="group" aria-label=heading>
                <h3>{heading}</h3>
                <ul class="items">{cards}</ul>
            </div>
        }
    };
    let heading = move |text: Text| Signal::derive(move || lang().t(text).to_owned());
    let lane_cells = lanes
        .into_iter()
        .enumerate()
        .map(|(n, l)| {
            let cards = phase.lane_cards(&l.id).to_vec();
            let kind = Some(l.kind);
            let votes = vote.filter(|_| l.kind.has_votes());
            let wanted = |c: &LaneCard| focus::is_wanted(&card_id(&c.id));
            let cards = slices.list((index, n + 2), cards, wanted, move |c| {
                let Some(Votes { cast, card }) = votes else {
                    return view! {
                        <li class="lane-card" id=card_id(&c.id)>
                            <div class="card-summary">{lane_card_face(c, kind, lang())}</div>
                        </li>
                    }
                    .into_any();
                };
                let id = StoredValue::new(c.id.clone());
                let built = c.clone();
                // Gone from the map meanwhile: as built, until the slide is built again.
                let now = Memo::new(move |_| card.run(id.get_value()).unwrap_or_else(|| built.clone()));
                let vote = move |up: bool| cast.run((id.get_value(), up));
                let label = move |text| now.with(|c| lang().fill(text, &[("card", &c.text)]));
                let on_key = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
                    "+" | "=" => vote(true),
                    "-" => vote(false),
                    _ => {}
                };
                view! {
                    <li class="lane-card" id=card_id(&id.get_value())>
                        <span class="vote-buttons" on:keydown=on_key>
                            <button type="button" class="icon" aria-label=move || label(Text::AddVoteTo)
                                on:click=move |_| vote(true)>"+"</button>
                            <button type="button" class="icon" aria-label=move || label(Text::RemoveVoteFrom)
                                disabled=move || now.with(|c| c.votes == 0) on:click=move |_| vote(false)>"−"</button>
                        </span>
                        <div class="card-summary">{move || now.with(|c| lane_card_face(c, kind, lang()))}</div>
                    </li>
                }
                .into_any()
            });
            let name = l.kind.name();
            lane(Signal::derive(move || l.name_in(lang())), Some(name), cards)
        })
        .collect_view();
    let over = phase.over_contact_limit();
    let plan = (phase.contact_limit.is_some()
        || phase.touchpoints.iter().any(|t| t.cost_per_month.is_some()))
    .then(|| {
        let (cost, contacts, limit) = (
            phase.cost_per_month(),
            phase.contacts_per_month(),
            phase.contact_limit,
        );
        move || plan_line(lang(), cost, &currency, contacts, limit)
    });
    let touchpoints = slices.list((index, 0), phase.touchpoints, |_| false, move |t| {
        view! {
            <li class="touchpoint"><div class="card-summary">{touchpoint_face(t, lang())}</div></li>
        }
    });
    let kpis = slices.list(
        (index, 1),
        phase.kpis,
        |_| false,
        move |k| {
            view! {
                <li class="kpi"><div class="card-summary">{kpi_face(k, lang())}</div></li>
            }
        },
    );
    view! {
        <div class="phase-header">
            <h2>{phase.name}</h2>
            <p class="phase-goal">{phase.goal}</p>
            {plan.map(|line| view! {
                <p class="phase-plan" class:over-limit=over>
                    {over.then(|| view! { <strong class="contact-warning">"⚠ " {move || lang().t(Text::OverContactLimit)} " "</strong> })}
                    <span>{line}</span>
                </p>
            })}
        </div>
        {lane(heading(Text::TouchpointsHeading), None, touchpoints)}
        {lane(heading(Text::KpisHeading), None, kpis)}
        {lane_cells}
    }
}

/// A lane card's element id, where presentation mode gives focus back after a vote.
pub fn card_id(card: &str) -> String {
    format!("present-card-{card}")
}
