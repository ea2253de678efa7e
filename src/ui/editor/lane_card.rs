use crate::i18n::Text;
use crate::model::{Edit, Id, LaneKind, Part, Severity, TextField};
use crate::ui::browser::drag::Kind;
use crate::ui::decisions::card_decision::CardDecision;
use crate::ui::editor::card_face::lane_card_face;
use crate::ui::editor::cards::{add_after, CardKind};
use crate::ui::editor::drag_handle::DragHandle;
use crate::ui::editor::item_card::ItemCard;
use crate::ui::editor::item_toolbar::ItemToolbar;
use crate::ui::editor::text_input::TextInput;
use crate::ui::editor::vote_buttons::VoteButtons;
use crate::ui::session::open_map::use_open_map;
use crate::ui::votes::dot_buttons::DotButtons;
use crate::ui::votes::round_chip::RoundChip;
use crate::ui::votes::voting::use_voting;
use crate::ui::{tr, tr_signal, use_lang, LangScope};
use leptos::prelude::*;

/// One card in a lane: what the customer does or thinks, a pain point with its severity, an
/// idea, or who works behind the scenes; pain points and ideas carry votes.
#[component]
pub fn LaneCardView(id: Id) -> impl IntoView {
    let map = use_open_map();
    LangScope::provide();
    let lang = use_lang();
    // The card, and the lane it is in (which moves between lanes change).
    let card = {
        let id = id.clone();
        Memo::new(move |_| {
            map.with(Part::Item(id.clone()), |m| {
                let (_, lane, _) = m.find_card(&id)?;
                Some((m.card(&id)?.clone(), lane.clone()))
            })
            .flatten()
        })
    };
    let id = StoredValue::new(id);
    // Every lane, for the choice of lane, and this card's lane's kind.
    let lanes = Memo::new(move |_| {
        map.with(Part::Lanes, |m| m.lanes.clone())
            .unwrap_or_default()
    });
    let kind = Memo::new(move |_| {
        let lane = card.with(|c| c.as_ref().map(|(_, lane)| lane.clone()))?;
        lanes.with(|l| l.iter().find(|l| l.id == lane).map(|l| l.kind))
    });
    let text = Signal::derive(move || {
        card.with(|c| c.as_ref().map(|(c, _)| c.text.clone()).unwrap_or_default())
    });
    let votes = Signal::derive(move || card.with(|c| c.as_ref().map_or(0, |(c, _)| c.votes)));
    // Whether the open round votes on this card's lane.
    let voting = use_voting();
    let in_round = Memo::new(move |_| {
        let lane = card.with(|c| c.as_ref().map(|(_, lane)| lane.clone()));
        voting.round.with(|r| {
            r.as_ref()
                .zip(lane)
                .is_some_and(|(r, lane)| r.votes_on(&lane))
        })
    });
    let element_id = CardKind::Card.element_id(&id.read_value());
    let card_label = move || {
        let lang = lang.get();
        let lane = card
            .with(|c| c.as_ref().map(|(_, lane)| lane.clone()))
            .and_then(|lane| {
                lanes.with(|l| l.iter().find(|l| l.id == lane).map(|l| l.name_in(lang)))
            })
            .unwrap_or_default();
        format!("{lane}: {}", text.get())
    };
    let next = Callback::new(move |()| add_after(map, &id.read_value(), lang.get_untracked()));
    // Its own reactive piece: a vote cast elsewhere (the ranking, presentation mode) redraws
    // the face of a card that stays closed.
    let summary = ViewFn::from(move || {
        let face = move || {
            let lang = lang.get();
            let kind = kind.get();
            card.with(|c| c.as_ref().map(|(c, _)| lane_card_face(c, kind, lang)))
        };
        view! { {face} <RoundChip card=id.get_value() /> }
    });
    let set_severity = move |ev| {
        let severity = event_target_value(&ev)
            .parse::<i64>()
            .ok()
            .and_then(Severity::new);
        let _ = map.apply(Edit::SetSeverity {
            card: id.get_value(),
            severity,
        });
    };
    let severity = move || {
        card.with(|c| c.as_ref().and_then(|(c, _)| c.severity))
            .map(|s| s.level().to_string())
            .unwrap_or_default()
    };
    let move_to_lane = move |ev| {
        let lane = event_target_value(&ev);
        let place = map
            .with_untracked(|m| {
                let (p, _, _) = m.find_card(&id.read_value())?;
                let phase = &m.phases[p];
                Some((phase.id.clone(), phase.lane_cards(&lane).len()))
            })
            .flatten();
        if let Some((phase, index)) = place {
            let _ = map.apply(Edit::MoveCard {
                id: id.get_value(),
                phase,
                lane,
                index,
            });
        }
    };
    let lane_options = move || {
        let lang = lang.get();
        let current = card
            .with(|c| c.as_ref().map(|(_, lane)| lane.clone()))
            .unwrap_or_default();
        lanes.with(|lanes| {
            lanes
                .iter()
                .map(|l| {
                    let selected = l.id == current;
                    view! { <option value=l.id.clone() selected=selected>{l.name_in(lang)}</option> }
                })
                .collect_view()
        })
    };
    view! {
        <ItemCard id=id.get_value() class="lane-card" element_id=element_id.clone() label=Signal::derive(card_label) summary>
            <div class="card-head">
                <DragHandle kind=Kind::Item id=id.get_value() />
                <TextInput field=TextField::CardText(id.get_value()) value=text label=tr_signal(Text::CardText) class="item-name" on_enter=next />
            </div>
            <div class="card-fields">
                <Show when=move || kind.get() == Some(LaneKind::PainPoints)>
                    <label class="field">
                        <span>{tr(Text::Severity)}</span>
                        <select prop:value=severity on:change=set_severity>
                            <option value="">{tr(Text::SeverityNone)}</option>
                            <option value="1">{tr(Text::Severity1)}</option>
                            <option value="2">{tr(Text::Severity2)}</option>
                            <option value="3">{tr(Text::Severity3)}</option>
                        </select>
                    </label>
                </Show>
                <Show when=move || kind.get().is_some_and(LaneKind::has_votes)>
                    <VoteButtons card=id.get_value() votes />
                </Show>
                <Show when=move || in_round.get()>
                    <DotButtons card=id.get_value() label=text />
                </Show>
                <label class="field">
                    <span>{tr(Text::MoveToLane)}</span>
                    <select on:change=move_to_lane>{lane_options}</select>
                </label>
            </div>
            <CardDecision card=id.get_value() />
            <ItemToolbar id=id.get_value() element_id=element_id.clone() delete_label=Text::DeleteCard name=text />
        </ItemCard>
    }
}
