use leptos::leptos_dom::helpers::request_idle_callback;
use leptos::prelude::*;

/// A fold (`<details>`) whose contents are built when it is first opened or when the page is
/// next idle, whichever comes first.
///
/// A map's folds start closed, and what they hold is work the opening of the map does not need:
/// on the first screen of the large map the phases' "Description and plan" fields were some 15
/// ms of the 120 it took to open, the personas and lanes panels a few more (BENCHMARKS.md).
/// Built a moment later, a search in the page still finds what they hold; a closed fold is not
/// printed.
#[component]
pub fn Fold(
    class: &'static str,
    /// What the fold's summary shows, open or closed.
    #[prop(into)]
    summary: ViewFn,
    children: ChildrenFn,
) -> impl IntoView {
    let ready = RwSignal::new(false);
    request_idle_callback(move || {
        ready.try_set(true);
    });
    // Once built, never taken down when the fold closes: the keyboard focus may be in it.
    let toggle = move |ev| {
        if is_open(&ev) {
            ready.set(true);
        }
    };
    view! {
        <details class=class on:toggle=toggle>
            <summary>{summary.run()}</summary>
            <Show when=move || ready.get()>{children()}</Show>
        </details>
    }
}

/// Whether the `<details>` a toggle event came from is now open.
pub fn is_open(ev: &leptos::ev::Event) -> bool {
    ev.target()
        .and_then(|t| js_sys::Reflect::get(&t, &"open".into()).ok())
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}
