use crate::i18n::Text;
use crate::ui::browser::route::Route;
use crate::ui::live::keys::Keys;
use crate::ui::live::{use_live, Joining};
use crate::ui::{tr, use_lang};
use leptos::prelude::*;

/// Where a join or watch link leads: a name asked for, then the room's map, opened when it has
/// come.
#[component]
pub fn JoinPage(room: String, key: String, server: String, watch: bool) -> impl IntoView {
    let live = use_live();
    let lang = use_lang();
    let (name, set_name) = signal(String::new());
    // Joined from here: not a session this tab was already in.
    let (asked, set_asked) = signal(false);
    let room = StoredValue::new(room);
    let key = StoredValue::new(key);
    let server = StoredValue::new(server);
    let join = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        set_asked.set(true);
        let joining = Joining {
            room: room.get_value(),
            server: server.get_value(),
            keys: Keys {
                key: key.get_value(),
                ..Keys::default()
            },
            watch,
            name: name.get_untracked().trim().to_string(),
        };
        live.join(joining, lang.get_untracked());
    };
    // Into the map as soon as the room has given it.
    Effect::new(move |_| {
        if let Some(id) = live.map().filter(|_| asked.get() && live.joined()) {
            let _ = window().location().set_hash(&Route::Map(id).href());
        }
    });
    view! {
        <section class="join-live" aria-labelledby="join-heading">
            <h1 id="join-heading">{tr(if watch { Text::LiveWatchHeading } else { Text::LiveJoinHeading })}</h1>
            <p>{tr(Text::LiveExplain)}</p>
            <p class="live-server">{tr(Text::LiveServer)} ": " <code>{server.get_value()}</code></p>
            {move || live.problem().map(|p| view! { <p class="field-error" role="alert">{p}</p> })}
            <Show when=move || live.joined() fallback=move || view! {
                <form on:submit=join>
                    <label>{tr(Text::LiveYourName)}
                        <input type="text" required maxlength="60" prop:value=name on:input=move |ev| set_name.set(event_target_value(&ev)) />
                    </label>
                    <button type="submit">{tr(if watch { Text::LiveWatch } else { Text::LiveJoin })}</button>
                </form>
            }>
                <p role="status">{tr(Text::LiveWaiting)}</p>
            </Show>
        </section>
    }
}
