use crate::i18n::Text;
use crate::ui::{tr, use_settings};
use leptos::prelude::*;

/// Switches to larger type for reading on a projector from the back of the room; remembered.
#[component]
pub fn LargeTypeToggle() -> impl IntoView {
    let settings = use_settings();
    Effect::new(move |_| {
        if let Some(root) = document().document_element() {
            let _ = root
                .class_list()
                .toggle_with_force("large-type", settings.large_type());
        }
    });
    view! {
        <button
            type="button"
            class="toggle"
            aria-pressed=move || settings.large_type().to_string()
            on:click=move |_| settings.set_large_type(!settings.large_type_untracked())
        >
            "A+ " {tr(Text::LargerText)}
        </button>
    }
}
