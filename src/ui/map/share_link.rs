use crate::i18n::Text;
use crate::model::{share, Part};
use crate::ui::browser::route::Route;
use crate::ui::session::open_map::use_open_map;
use crate::ui::tr;
use leptos::prelude::*;

/// Makes a link that carries the whole map, or says why it cannot, in a popover under its
/// button.
#[component]
pub fn ShareLink() -> impl IntoView {
    let map = use_open_map();
    // `None` until asked; then the link, or `Err` when the map is too large for one.
    let (link, set_link) = signal(None::<Result<String, ()>>);
    // Comments stay out of a link unless ticked: what was said about a card is not meant for
    // everyone the link reaches.
    let with_comments = RwSignal::new(false);
    let has_comments = move || map.with(Part::Comments, |m| !m.comments.is_empty()) == Some(true);
    let make = move || {
        let location = window().location();
        let base = format!(
            "{}{}",
            location.origin().unwrap_or_default(),
            location.pathname().unwrap_or_default()
        );
        let prefix_len = base.len() + Route::Shared(String::new()).href().len();
        let made = map
            .with_untracked(|m| share::encode(m, prefix_len, with_comments.get_untracked()))
            .flatten()
            .map(|payload| format!("{base}{}", Route::Shared(payload).href()))
            .ok_or(());
        set_link.set(Some(made));
    };
    let copy = move |_| {
        if let Some(Ok(link)) = link.get_untracked() {
            // Where the clipboard is not allowed the link is still there to select by hand.
            let _ = window().navigator().clipboard().write_text(&link);
        }
    };
    let select_all =
        |ev: leptos::ev::FocusEvent| event_target::<web_sys::HtmlInputElement>(&ev).select();
    view! {
        <button type="button" class="secondary" popovertarget="share-panel" on:click=move |_| {
            // Asked again for each link: comments written since are not sent along unasked.
            with_comments.set(false);
            make();
        }>{tr(Text::ShareLink)}</button>
        <div id="share-panel" class="toolbar-popover" popover="auto">
            <Show when=has_comments>
                <label class="check">
                    <input type="checkbox" prop:checked=with_comments on:change=move |ev| {
                        with_comments.set(event_target_checked(&ev));
                        make();
                    } />
                    {tr(Text::IncludeComments)}
                </label>
            </Show>
            {move || link.get().map(|made| match made {
                Ok(link) => view! {
                    <div class="share-link">
                        <p>{tr(Text::ShareExplain)}</p>
                        <input type="text" readonly aria-label=tr(Text::ShareLink) prop:value=link on:focus=select_all />
                        <button type="button" on:click=copy>{tr(Text::Copy)}</button>
                    </div>
                }.into_any(),
                Err(()) => view! { <p class="field-error" role="alert">{tr(Text::TooLargeForLink)}</p> }.into_any(),
            })}
        </div>
    }
}
