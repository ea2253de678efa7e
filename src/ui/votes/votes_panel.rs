use crate::i18n::Text;
use crate::model::{Id, LaneKind, Part};
use crate::ui::editor::fold::is_open;
use crate::ui::editor::vote_buttons::VoteButtons;
use crate::ui::session::open_map::use_open_map;
use crate::ui::{tr, use_lang};
use leptos::prelude::*;

/// One row of the ranking, as read when it was ranked.
#[derive(Clone, PartialEq)]
struct Row {
    card: Id,
    text: String,
    phase: String,
    pain: bool,
    severity: Option<u8>,
}

/// After a round of dot voting: the whole map's pain points and opportunities, most votes first,
/// each with its votes to change. Ranked when opened and when asked: a row that moved while its
/// button is being clicked would take the click elsewhere.
#[component]
pub fn VotesPanel() -> impl IntoView {
    let map = use_open_map();
    let lang = use_lang();
    let (rows, set_rows) = signal(Vec::<Row>::new());
    let rank = move || {
        let ranked = map.with_untracked(|m| {
            m.by_votes()
                .into_iter()
                .map(|v| Row {
                    card: v.card.id.clone(),
                    text: v.card.text.clone(),
                    phase: v.phase.name.clone(),
                    pain: v.lane.kind == LaneKind::PainPoints,
                    severity: v.card.severity.map(|s| s.level()),
                })
                .collect()
        });
        set_rows.set(ranked.unwrap_or_default());
    };
    let on_toggle = move |ev: leptos::ev::Event| {
        if is_open(&ev) {
            rank();
        } else {
            set_rows.set(Vec::new());
        }
    };
    view! {
        <details class="map-panel votes-panel" on:toggle=on_toggle>
            <summary><span class="panel-name">{tr(Text::ByVotes)}</span></summary>
            <table class="ranking">
                <caption class="visually-hidden">{tr(Text::ByVotesCaption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{tr(Text::Votes)}</th>
                        <th scope="col">{tr(Text::CardText)}</th>
                        <th scope="col">{tr(Text::Kind)}</th>
                        <th scope="col">{tr(Text::Phase)}</th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || rows.get() key=|r| r.card.clone() let(row)>
                        {
                            let card = row.card.clone();
                            let votes = Signal::derive(move || {
                                map.with(Part::Item(card.clone()), |m| m.card(&card).map_or(0, |c| c.votes))
                                    .unwrap_or_default()
                            });
                            let kind = move || {
                                let lang = lang.get();
                                if row.pain {
                                    let severity = row.severity.map(|s| format!(" · {}", lang.fill(Text::SeverityShort, &[("n", &s.to_string())])));
                                    format!("{}{}", lang.t(Text::LanePainPoints), severity.unwrap_or_default())
                                } else {
                                    lang.t(Text::LaneOpportunities).to_owned()
                                }
                            };
                            view! {
                                <tr>
                                    <td><VoteButtons card=row.card.clone() votes /></td>
                                    <td>{row.text.clone()}</td>
                                    <td>{kind}</td>
                                    <td>{row.phase.clone()}</td>
                                </tr>
                            }
                        }
                    </For>
                </tbody>
            </table>
            <Show when=move || rows.with(Vec::is_empty)>
                <p class="empty">{tr(Text::NothingToVoteOn)}</p>
            </Show>
            <button type="button" class="secondary" on:click=move |_| rank()>{tr(Text::SortAgain)}</button>
        </details>
    }
}
