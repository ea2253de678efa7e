use super::votes_panel::Row;
use crate::i18n::Text;
use crate::model::{LaneKind, Part};
use crate::ui::editor::vote_buttons::VoteButtons;
use crate::ui::session::open_map::use_open_map;
use crate::ui::use_lang;
use leptos::prelude::*;

/// One card of the ranking: its votes without a round (to change here) or its dots in the
/// round ranked by, its text, lane and phase, and who gave them in a named round.
#[component]
pub fn RankedRow(row: Row, named: Signal<bool>) -> impl IntoView {
    let map = use_open_map();
    let lang = use_lang();
    let card = row.card.clone();
    let votes = Signal::derive(move || {
        map.with(Part::Item(card.clone()), |m| {
            m.card(&card).map_or(0, |c| c.votes)
        })
        .unwrap_or_default()
    });
    let (lane, severity) = (row.lane.clone(), row.severity);
    let kind = move || {
        let lang = lang.get();
        let severity = severity
            .filter(|_| lane.kind == LaneKind::PainPoints)
            .map(|s| {
                format!(
                    " · {}",
                    lang.fill(Text::SeverityShort, &[("n", &s.to_string())])
                )
            });
        format!("{}{}", lane.name_in(lang), severity.unwrap_or_default())
    };
    let votes_cell = match row.dots {
        None => view! { <VoteButtons card=row.card.clone() votes /> }.into_any(),
        Some(dots) => view! { <span class="vote-count">{dots}</span> }.into_any(),
    };
    let who = row.who.clone();
    view! {
        <tr>
            <td>{votes_cell}</td>
            <td>{row.text.clone()}</td>
            <td>{kind}</td>
            <td>{row.phase.clone()}</td>
            <Show when=move || named.get()>
                <td>{who.clone()}</td>
            </Show>
        </tr>
    }
}
