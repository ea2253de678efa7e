use crate::i18n::Text;
use crate::model::backup;
use crate::ui::library::export_all_button::ExportAllButton;
use crate::ui::session::clock::now;
use crate::ui::session::Topic;
use crate::ui::{tr, use_session};
use leptos::prelude::*;

/// Reminds the user to download a copy of maps that changed and have gone unexported for some
/// days, since browsers may clear stored data; one click downloads all maps.
#[component]
pub fn BackupReminder() -> impl IntoView {
    let session = use_session();
    let due = Memo::new(move |_| {
        let now = now();
        if !session.stored.persistent()
            || session.settings.backup_snoozed_until().as_str() > now.as_str()
        {
            // A memory-only tab already says so, more urgently.
            return Vec::new();
        }
        session.library.read(Topic::AnyMap, |l| {
            session.settings.with_exported(|exported| {
                backup::unexported(&l.maps, exported, &now)
                    .into_iter()
                    .map(|m| m.title.clone())
                    .collect::<Vec<_>>()
            })
        })
    });
    view! {
        <Show when=move || due.with(|d| !d.is_empty())>
            <div class="notice info backup-reminder" role="status">
                <p>{tr(Text::BackupDue)}</p>
                <ul>{move || due.get().into_iter().map(|title| view! { <li>"“" {title} "”"</li> }).collect_view()}</ul>
                <ExportAllButton />
                <button type="button" class="secondary" on:click=move |_| session.settings.snooze_backup()>{tr(Text::RemindTomorrow)}</button>
            </div>
        </Show>
    }
}
