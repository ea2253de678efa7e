use crate::i18n::Text;
use crate::model::Part;
use crate::ui::session::open_map::use_open_map;
use crate::ui::{tr, use_lang};
use leptos::prelude::*;

/// An action as the list shows it: the card, its phase, its owner and due date.
#[derive(Clone, PartialEq)]
struct Action {
    text: String,
    phase: String,
    owner: String,
    due: Option<String>,
}

/// The cards chosen as actions, soonest due first, with their owners; they go out with the
/// backlog's CSV.
#[component]
pub fn ActionList(open: ReadSignal<bool>) -> impl IntoView {
    let map = use_open_map();
    let lang = use_lang();
    // While the panel is open: every lane card followed, as being chosen is a card's own
    // field; the list itself is the model's.
    let actions = Memo::new(move |_| {
        if !open.get() {
            return Vec::new();
        }
        let phases = map
            .with(Part::PhaseOrder, |m| {
                m.phases.iter().map(|p| p.id.clone()).collect::<Vec<_>>()
            })
            .unwrap_or_default();
        for phase in phases {
            let cards = map.with(Part::Phase(phase.clone()), |m| {
                m.phase(&phase).map(|p| {
                    p.cards
                        .values()
                        .flatten()
                        .map(|c| c.id.clone())
                        .collect::<Vec<_>>()
                })
            });
            for card in cards.flatten().unwrap_or_default() {
                map.with(Part::Item(card), |_| ());
            }
        }
        map.with_untracked(|m| {
            m.actions()
                .into_iter()
                .map(|(placed, action)| Action {
                    text: placed.card.text.clone(),
                    phase: placed.phase.name.clone(),
                    owner: action.owner.clone(),
                    due: action.due.map(|d| d.to_string()),
                })
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    view! {
        <h3>{tr(Text::ActionList)}</h3>
        <Show when=move || !actions.with(Vec::is_empty) fallback=|| view! { <p class="empty">{tr(Text::NoActionsYet)}</p> }>
            <table class="ranking action-list">
                <caption class="visually-hidden">{tr(Text::ActionList)}</caption>
                <thead><tr>
                    <th scope="col">{tr(Text::CardText)}</th>
                    <th scope="col">{tr(Text::Phase)}</th>
                    <th scope="col">{tr(Text::ActionOwner)}</th>
                    <th scope="col">{tr(Text::ActionDue)}</th>
                </tr></thead>
                <tbody>
                    {move || {
                        let lang = lang.get();
                        actions.get().into_iter().map(|a| {
                            let owner = if a.owner.is_empty() { lang.t(Text::NoOwner).to_owned() } else { a.owner };
                            let due = a.due.unwrap_or_else(|| lang.t(Text::NoDueDate).to_owned());
                            view! { <tr><td>{a.text}</td><td>{a.phase}</td><td>{owner}</td><td>{due}</td></tr> }
                        }).collect_view()
                    }}
                </tbody>
            </table>
        </Show>
        <p class="hint">{tr(Text::ActionsInBacklog)}</p>
    }
}
