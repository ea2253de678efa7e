use crate::i18n::{Lang, Text};
use crate::model::exchange::{Problem, ProblemKind};
use crate::model::outside::{Job, Outcome};
use crate::model::{numbers, JourneyMap};
use crate::storage::NoRoom;
use crate::ui::browser::route::Route;
use crate::ui::browser::{download, reader};
use crate::ui::session::Joining;
use crate::ui::shared_map::read_only_map::ReadOnlyMap;
use crate::ui::{tr, use_session};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// What became of the link: read off the page's thread, so a hostile link cannot stop the page.
enum Reading {
    Busy,
    /// The map, and the reader's text of it, read again only if the user saves a copy: a copy
    /// of a map at the limits kept for that would cost the page as long as reading it.
    Map(Box<JourneyMap>, String),
    Refused(Text, Vec<Problem>),
}

/// A map opened from a share link: shown read-only, kept only if the user saves a copy.
#[component]
pub fn SharedMapPage(payload: String) -> impl IntoView {
    let session = use_session();
    let reading = RwSignal::new(Reading::Busy);
    spawn_local(async move {
        let outcome = reader::read(Job::ShareLink, &payload.into()).await;
        let damaged = || Reading::Refused(Text::LinkDamaged, Vec::new());
        reading.set(match outcome {
            Ok(Outcome::Maps { bundle, .. }) => match <[_; 1]>::try_from(Outcome::maps(&bundle)) {
                Ok([map]) => Reading::Map(Box::new(map), bundle),
                Err(_) => damaged(),
            },
            // Not damaged, only newer: the headline says so, as the file importer's does.
            Ok(Outcome::Refused(problems))
                if problems
                    .iter()
                    .any(|p| matches!(p.kind, ProblemKind::NewerVersion { .. })) =>
            {
                Reading::Refused(Text::LinkNewer, problems)
            }
            Ok(Outcome::Refused(problems)) => Reading::Refused(Text::LinkDamaged, problems),
            Ok(Outcome::LinkTooLarge) => Reading::Refused(Text::LinkTooLarge, Vec::new()),
            Ok(_) => damaged(),
            Err(error) => Reading::Refused(error.reason(), Vec::new()),
        });
    });
    move || {
        reading.track();
        // Taken, not copied (it is set once): a map at the limits takes as long to copy as to read.
        let now = reading.try_update_untracked(|r| std::mem::replace(r, Reading::Busy));
        match now.unwrap_or(Reading::Busy) {
        Reading::Busy => view! { <p class="shared-banner" role="status">{tr(Text::ReadingLink)}</p> }.into_any(),
        Reading::Map(map, bundle) => {
            let bundle = StoredValue::new(bundle);
            let title = StoredValue::new(map.title.clone());
            let no_room = RwSignal::new(None);
            let save = move |_| {
                // A map larger than what is left is said at once: reading it again and writing
                // it only to find the store full stopped the page for up to 2.6 s.
                if let Some(Err(room)) = session.stored.with(|s| s.room_for(&bundle.read_value())) {
                    return no_room.set(Some(room));
                }
                let Some(map) = Outcome::maps(&bundle.read_value()).pop() else { return };
                if let Ok(id) = session.add_map(map, Joining::Shared) {
                    let _ = window().location().set_hash(&Route::Map(id).href());
                }
            };
            let keep_as_file = move |_| {
                let name = download::file_name(&title.read_value(), "json");
                let _ = download::download(&name, &bundle.read_value(), "application/json");
            };
            view! {
                <p class="shared-banner" role="status">
                    <span>{tr(Text::SharedMap)}</span>
                    <button type="button" on:click=save>{tr(Text::SaveCopy)}</button>
                </p>
                <Show when=move || no_room.with(Option::is_some)>
                    <div class="notice error" role="alert">
                        <p>{move || no_room.get().map(|room| no_room_said(room, session.settings.lang()))}</p>
                        <button type="button" on:click=keep_as_file>{tr(Text::DownloadAsFile)}</button>
                    </div>
                </Show>
                <ReadOnlyMap map=*map />
            }
            .into_any()
        }
        Reading::Refused(reason, details) => view! {
            <div class="notice error" role="alert">
                <p>{tr(reason)}</p>
                <ul class="problems">
                    {details.into_iter().map(|p| view! { <li>{move || p.message(session.settings.lang())}</li> }).collect_view()}
                </ul>
                <a href=Route::Library.href()>{tr(Text::BackToMaps)}</a>
            </div>
        }
        .into_any(),
    }
    }
}

/// What a copy needs and what the browser's storage has left, in plain words.
fn no_room_said(room: NoRoom, lang: Lang) -> String {
    let needed = numbers::bytes(room.needed, lang);
    let free = numbers::bytes(room.free, lang);
    lang.fill(Text::NoRoomForCopy, &[("needed", &needed), ("free", &free)])
}
