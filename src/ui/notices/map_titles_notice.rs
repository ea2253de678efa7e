use crate::i18n::Text;
use crate::ui::tr;
use leptos::prelude::*;

/// A warning about maps, naming each by its title, shown until the user closes it.
#[component]
pub fn MapTitlesNotice(text: Text, titles: RwSignal<Vec<String>>) -> impl IntoView {
    view! {
        <Show when=move || titles.with(|t| !t.is_empty())>
            <div class="notice warning" role="alert">
                <p>{tr(text)}</p>
                <ul>{move || titles.get().into_iter().map(|t| view! { <li>"“" {t} "”"</li> }).collect_view()}</ul>
                <button type="button" class="secondary" on:click=move |_| titles.set(Vec::new())>{tr(Text::Close)}</button>
            </div>
        </Show>
    }
}
