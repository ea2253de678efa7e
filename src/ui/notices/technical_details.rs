use crate::i18n::Text;
use crate::ui::tr;
use leptos::prelude::*;

/// What went wrong in a developer's words, folded away for whoever needs it.
#[component]
pub fn TechnicalDetails(lines: Vec<String>) -> impl IntoView {
    view! {
        <details class="technical">
            <summary>{tr(Text::TechnicalDetails)}</summary>
            <ul>{lines.into_iter().map(|line| view! { <li><code>{line}</code></li> }).collect_view()}</ul>
        </details>
    }
}
