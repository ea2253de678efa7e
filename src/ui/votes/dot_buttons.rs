use super::voting::use_voting;
use crate::i18n::Text;
use crate::model::Id;
use crate::ui::{tr, use_lang};
use leptos::prelude::*;

/// This device's dots on one card in the open round: take one back, how many, add one; and the
/// round's total where it is shown while voting. Each click is one step to undo.
#[component]
pub fn DotButtons(card: Id, #[prop(into)] label: Signal<String>) -> impl IntoView {
    let voting = use_voting();
    let lang = use_lang();
    let card = StoredValue::new(card);
    let dots = Memo::new(move |_| voting.dots_on(&card.read_value()));
    let set = move |up: bool| {
        let (mine, _) = dots.get_untracked();
        let next = if up {
            mine.saturating_add(1)
        } else {
            mine.saturating_sub(1)
        };
        voting.set_dots(&card.read_value(), next, lang.get_untracked());
    };
    let group = move || format!("{}: {}", lang.get().t(Text::YourDots), label.get());
    let count = move || super::dots(dots.get().0, lang.get());
    let refused = move || {
        voting.message.with(|m| {
            let (_, why) = m.as_ref().filter(|(on, _)| *on == *card.read_value())?;
            Some(view! { <p class="form-problem" role="alert">{why.clone()}</p> })
        })
    };
    let total = move || {
        let n = dots.get().1?.to_string();
        Some(lang.get().fill(Text::DotsInAll, &[("n", &n)]))
    };
    view! {
        <div class="dots" role="group" aria-label=group>
            <button type="button" class="icon" aria-label=tr(Text::RemoveDot) title=tr(Text::RemoveDot)
                disabled=move || dots.get().0 == 0 || voting.time_up() on:click=move |_| set(false)>"−"</button>
            <span class="dot-count" aria-live="polite">{count}</span>
            <button type="button" class="icon" aria-label=tr(Text::AddDot) title=tr(Text::AddDot)
                disabled=move || voting.time_up() on:click=move |_| set(true)>"+"</button>
            {move || total().map(|t| view! { <span class="dot-total">{t}</span> })}
        </div>
        {refused}
    }
}
