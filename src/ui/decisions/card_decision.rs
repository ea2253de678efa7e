use crate::i18n::Text;
use crate::model::workshop::{Action, Score};
use crate::model::{Date, Edit, Id, Part, WorkshopEdit};
use crate::ui::session::open_map::use_open_map;
use crate::ui::votes::refusal;
use crate::ui::{tr, use_lang};
use leptos::prelude::*;

/// A card's score (value to the customer, to the business, effort: 1 to 5 each) and whether it
/// is chosen as an action, by whom and by when. Choosing one score of an unscored card puts the
/// others in the middle (3), to be set next; "–" in any takes the score away.
#[component]
pub fn CardDecision(card: Id) -> impl IntoView {
    let map = use_open_map();
    let lang = use_lang();
    let card = StoredValue::new(card);
    let read = move || {
        let id = card.read_value();
        map.with(Part::Item(id.clone()), |m| {
            m.card(&id).map(|c| (c.score, c.action.clone()))
        })
        .flatten()
        .unwrap_or_default()
    };
    let current = Memo::new(move |_| read());
    let message = RwSignal::new(None::<String>);
    let apply = move |edit: WorkshopEdit| {
        let result = map.apply(Edit::Workshop(edit));
        message.set(result.err().map(|e| refusal(&e, lang.get_untracked())));
    };
    let set_score = move |which: usize, value: String| {
        let score = value.parse::<u8>().ok().map(|n| {
            let was = current.with_untracked(|(s, _)| *s).unwrap_or(Score {
                customer: 3,
                business: 3,
                effort: 3,
            });
            match which {
                0 => Score { customer: n, ..was },
                1 => Score { business: n, ..was },
                _ => Score { effort: n, ..was },
            }
        });
        apply(WorkshopEdit::SetScore {
            card: card.get_value(),
            score,
        });
    };
    let score_select = move |which: usize, label: Text| {
        let value = move || {
            current
                .with(|(s, _)| s.map(|s| [s.customer, s.business, s.effort][which].to_string()))
                .unwrap_or_default()
        };
        view! {
            <label class="field">
                <span>{tr(label)}</span>
                <select prop:value=value on:change=move |ev| set_score(which, event_target_value(&ev))>
                    <option value="">"–"</option>
                    {(1..=Score::MAX).map(|n| view! { <option value=n.to_string()>{n}</option> }).collect_view()}
                </select>
            </label>
        }
    };
    let chosen = move || current.with(|(_, a)| a.is_some());
    let set_action = move |action: Option<Action>| {
        apply(WorkshopEdit::SetAction {
            card: card.get_value(),
            action,
        })
    };
    let action = move || current.with(|(_, a)| a.clone());
    view! {
        <fieldset class="card-decision">
            <legend>{tr(Text::ScoreLegend)}</legend>
            <div class="score-fields">
                {score_select(0, Text::ScoreCustomer)}
                {score_select(1, Text::ScoreBusiness)}
                {score_select(2, Text::ScoreEffort)}
            </div>
            <label class="check">
                <input type="checkbox" prop:checked=chosen on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    set_action(on.then(|| Action { owner: String::new(), due: None }));
                } />
                {tr(Text::ChosenAsAction)}
            </label>
            <Show when=chosen>
                <div class="score-fields">
                    <label class="field">
                        <span>{tr(Text::ActionOwner)}</span>
                        <input type="text" prop:value=move || action().map(|a| a.owner).unwrap_or_default()
                            on:change=move |ev| {
                                let due = action().and_then(|a| a.due);
                                set_action(Some(Action { owner: event_target_value(&ev), due }));
                            } />
                    </label>
                    <label class="field">
                        <span>{tr(Text::ActionDue)}</span>
                        <input type="date" prop:value=move || action().and_then(|a| a.due).map(|d| d.to_string()).unwrap_or_default()
                            on:change=move |ev| {
                                let owner = action().map(|a| a.owner).unwrap_or_default();
                                let due = Date::parse(&event_target_value(&ev));
                                set_action(Some(Action { owner, due }));
                            } />
                    </label>
                </div>
            </Show>
            <p class="form-problem" role="alert">{move || message.get()}</p>
        </fieldset>
    }
}
