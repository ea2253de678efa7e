use crate::i18n::Text;
use crate::model::{Id, TextField};
use crate::ui::browser::on_screen::{built_once, NearCards};
use crate::ui::editor::contact_limit_input::ContactLimitInput;
use crate::ui::editor::measurements_editor::is_open;
use crate::ui::editor::text_input::TextInput;
use crate::ui::{tr, tr_signal};
use leptos::prelude::*;

/// A phase's description and contact limit, folded away under its heading.
///
/// Its fields are built when it is first opened, or with the phase's lanes (when the page is
/// idle after the map opened, or a lane comes near): on the first screen of the large map, the
/// folds' fields were some 15 ms of the 120 it took to open (BENCHMARKS.md). Closed, the fold
/// is not printed, and built by then, a search in the page finds a description it holds.
#[component]
pub fn PhaseFold(phase: Id, #[prop(into)] description: Signal<String>) -> impl IntoView {
    let near = expect_context::<NearCards>();
    let opened = RwSignal::new(false);
    let built = built_once(move || opened.get() || near.lanes());
    let on_toggle = move |ev| {
        if is_open(&ev) {
            opened.set(true);
        }
    };
    view! {
        <details class="more" on:toggle=on_toggle>
            <summary>{tr(Text::DescriptionAndPlan)}</summary>
            <Show when=move || built.get()>
                <TextInput field=TextField::PhaseDescription(phase.clone()) value=description label=tr_signal(Text::Description) multiline=true />
                <ContactLimitInput phase=phase.clone() />
            </Show>
        </details>
    }
}
