use crate::i18n::Text;
use crate::ui::browser::route::Route;
use crate::ui::live::keys::Keys;
use crate::ui::live::{use_live, Joining};
use crate::ui::{tr, use_lang};
use leptos::prelude::*;

/// How long joining waits for the room's map before saying that no answer has come (the
/// script keeps trying meanwhile).
const NO_ANSWER_MS: u64 = 8_000;

/// Where a join or watch link leads: a name asked for, then the room's map, opened when it has
/// come.
#[component]
pub fn JoinPage(room: String, key: String, server: String, watch: bool) -> impl IntoView {
    let live = use_live();
    let lang = use_lang();
    let (name, set_name) = signal(String::new());
    // Joined from here: not a session this tab was already in.
    let (asked, set_asked) = signal(false);
    // Joined, and the room's map has not come for a while.
    let (slow, set_slow) = signal(false);
    let room = StoredValue::new(room);
    let key = StoredValue::new(key);
    // In this room by this link: a session in another room, or in this one by another link (a
    // watcher given the join link), is left behind by joining here.
    let here = move || live.joined() && live.in_room(&room.get_value(), &key.get_value());
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
        set_slow.set(false);
        set_timeout(
            move || set_slow.set(true),
            std::time::Duration::from_millis(NO_ANSWER_MS),
        );
    };
    // Into the map as soon as the room has given it.
    Effect::new(move |_| {
        if let Some(id) = live.map().filter(|_| asked.get() && here()) {
            let _ = window().location().set_hash(&Route::Map(id).href());
        }
    });
    view! {
        <section class="join-live" aria-labelledby="join-heading">
            <h1 id="join-heading">{tr(if watch { Text::LiveWatchHeading } else { Text::LiveJoinHeading })}</h1>
            <p>{tr(Text::LiveExplain)}</p>
            <p class="live-server">{tr(Text::LiveServer)} ": " <code>{server.get_value()}</code></p>
            {move || live.problem().map(|p| view! { <p class="field-error" role="alert">{p}</p> })}
            <Show when=here fallback=move || view! {
                <form on:submit=join>
                    <label>{tr(Text::LiveYourName)}
                        <input type="text" required maxlength="60" prop:value=name on:input=move |ev| set_name.set(event_target_value(&ev)) />
                    </label>
                    <button type="submit">{tr(if watch { Text::LiveWatch } else { Text::LiveJoin })}</button>
                </form>
            }>
                <p role="status">
                    {move || tr(if slow.get() { Text::LiveNoAnswer } else { Text::LiveWaiting })}
                </p>
            </Show>
        </section>
    }
}
