use crate::i18n::Text;
use crate::ui::live::facilitator_tools::FacilitatorTools;
use crate::ui::live::{use_live, Status, DEFAULT_SERVER};
use crate::ui::session::open_map::use_open_map;
use crate::ui::{tr, use_lang};
use leptos::prelude::*;

/// The map's live session, in a popover under its button: started here with a name and a
/// server; running, its join link and QR code for the projector (and for the one who started
/// it, the watch link's), who is there and in which card, and leaving.
#[component]
pub fn LivePanel() -> impl IntoView {
    let map = use_open_map();
    let live = use_live();
    let lang = use_lang();
    let (name, set_name) = signal(String::new());
    let (server, set_server) = signal(DEFAULT_SERVER.to_string());
    let here = move || live.map().is_some_and(|id| id == map.id.get_value());
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        live.start(
            map.id.get_value(),
            server.get_untracked().trim().to_string(),
            name.get_untracked().trim().to_string(),
            lang.get_untracked(),
        );
    };
    // Which card I have open, for the others to see.
    Effect::new(move |_| {
        if here() {
            live.focus(map.opened());
        }
    });
    let card_name = move |id: &str| {
        map.with_untracked(|m| {
            m.touchpoint(id)
                .map(|t| t.name.clone())
                .or_else(|| m.kpi(id).map(|k| k.name.clone()))
                .or_else(|| m.card(id).map(|c| c.text.clone()))
        })
        .flatten()
    };
    let status = move || {
        tr(match live.status() {
            Status::Connecting => Text::LiveConnecting,
            Status::Connected => Text::LiveConnected,
            Status::Watching => Text::LiveWatching,
            Status::Disconnected => Text::LiveDisconnected,
        })
    };
    let select_all =
        |ev: leptos::ev::FocusEvent| event_target::<web_sys::HtmlInputElement>(&ev).select();
    let link = move |link: String, label: Text, alt: Text| {
        let qr = live.qr(&link);
        view! {
            <label>{tr(label)}
                <input type="text" readonly prop:value=link on:focus=select_all />
            </label>
            {qr.map(|src| view! { <img class="live-qr" src=src alt=tr(alt) width="240" height="240" /> })}
        }
    };
    let running = move || {
        let (edit, watch) = live.links().unzip();
        view! {
            <p class="live-status" role="status">{status}</p>
            {edit.map(|l| link(l, Text::LiveJoinLink, Text::LiveQrAlt))}
            {watch.flatten().map(|l| link(l, Text::LiveWatchLink, Text::LiveWatchQrAlt))}
            <h2>{tr(Text::LivePeople)}</h2>
            <ul class="live-people">
                <For each=move || live.people() key=|p| (p.name.clone(), p.color.clone(), p.card.clone(), p.me) let(person)>
                    <li>
                        <span class="live-dot" style:background=person.color.clone() aria-hidden="true"></span>
                        {person.name.clone()}
                        {person.me.then(|| view! { " (" {tr(Text::LiveMe)} ")" })}
                        {person.card.as_deref().and_then(card_name).map(|card| view! { " — " {tr(Text::LiveInCard)} " " <q>{card}</q> })}
                    </li>
                </For>
            </ul>
            {move || live.leads().then(|| view! { <FacilitatorTools /> })}
            <button type="button" class="secondary" on:click=move |_| live.leave()>{tr(Text::LiveLeave)}</button>
        }
    };
    view! {
        <button type="button" class="secondary" class:live-on=here popovertarget="live-panel">{tr(Text::LiveSession)}</button>
        // Beside the button, not in its popover: seen when they come, the popover open or not.
        {move || (here() && live.status() == Status::Disconnected).then(|| view! {
            <p class="field-error live-problem" role="status">{tr(Text::LiveDisconnected)}</p>
        })}
        {move || live.problem().map(|p| view! { <p class="field-error live-problem" role="alert">{p}</p> })}
        <div id="live-panel" class="toolbar-popover live-panel" popover="auto">
            <p>{tr(Text::LiveExplain)}</p>
            <Show when=here fallback=move || view! {
                <form on:submit=start>
                    <label>{tr(Text::LiveYourName)}
                        <input type="text" required maxlength="60" prop:value=name on:input=move |ev| set_name.set(event_target_value(&ev)) />
                    </label>
                    <label>{tr(Text::LiveServer)}
                        // Not type="url": several addresses are one value.
                        <input type="text" inputmode="url" required spellcheck="false" prop:value=server on:input=move |ev| set_server.set(event_target_value(&ev)) />
                    </label>
                    <button type="submit">{tr(Text::LiveStart)}</button>
                </form>
            }>
                {running}
            </Show>
        </div>
    }
}
