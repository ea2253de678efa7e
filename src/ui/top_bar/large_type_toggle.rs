use crate::i18n::Text;
use crate::ui::{tr, use_session};
use leptos::prelude::*;

/// Switches to larger type for reading on a projector from the back of the room; remembered.
#[component]
pub fn LargeTypeToggle() -> impl IntoView {
    let session = use_session();
    Effect::new(move |_| {
        if let Some(root) = document().document_element() {
            let _ = root
                .class_list()
                .toggle_with_force("large-type", session.settings.large_type());
        }
    });
    view! {
        <button
            type="button"
            class="toggle"
            aria-pressed=move || session.settings.large_type().to_string()
            on:click=move |_| session.settings.set_large_type(!session.settings.large_type_untracked())
        >
            "A+ " {tr(Text::LargerText)}
        </button>
    }
}
