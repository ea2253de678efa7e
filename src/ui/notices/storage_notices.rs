use crate::i18n::Text;
use crate::ui::browser::download::download;
use crate::ui::library::export_all_button::ExportAllButton;
use crate::ui::notices::map_titles_notice::MapTitlesNotice;
use crate::ui::notices::reload_button::ReloadButton;
use crate::ui::notices::technical_details::TechnicalDetails;
use crate::ui::session::clock::local_time;
use crate::ui::{tr, use_session, SaveState};
use leptos::prelude::*;

/// Banners about storage faults. Each stays until its cause is gone and says what to do.
#[component]
pub fn StorageNotices() -> impl IntoView {
    let session = use_session();
    let save_problem = move || match session.autosave.state() {
        SaveState::Full => Some((Text::QuotaFull, None)),
        SaveState::Failed(detail) => Some((Text::SaveFailed, Some(detail))),
        SaveState::Blocked => Some((Text::BlockedMap, None)),
        SaveState::NewerApp => Some((Text::NewerAppRunning, None)),
        SaveState::Saved | SaveState::Pending => None,
    };
    // Only a reload brings the newer version that blocks saving.
    let reload_helps = |text| matches!(text, Text::BlockedMap | Text::NewerAppRunning);
    let reasons = move || session.stored.with_report(|r| r.reasons.clone());
    let damaged = move || session.stored.with_report(|r| r.set_aside.clone());
    view! {
        <Show when=move || !session.stored.persistent()>
            <div class="notice warning" role="status">
                <p>{tr(Text::MemoryOnly)}</p>
                <ExportAllButton />
            </div>
        </Show>
        {move || save_problem().map(|(text, detail)| view! {
            <div class="notice error" role="alert">
                <p>{move || session.settings.lang().t(text)}</p>
                <ExportAllButton />
                {reload_helps(text).then(|| view! {
                    <ReloadButton reload=|()| { let _ = window().location().reload(); } />
                })}
                {detail.map(|detail| view! { <TechnicalDetails lines=vec![detail] /> })}
            </div>
        })}
        <MapTitlesNotice text=Text::KeptAsCopy titles=session.tab_sync.kept_copies() />
        <MapTitlesNotice text=Text::WrittenBack titles=session.tab_sync.written_back() />
        <Show when=move || session.stored.with_report(|r| r.newer > 0)>
            <div class="notice warning" role="status"><p>{tr(Text::NewerData)}</p></div>
        </Show>
        <Show when=move || !damaged().is_empty()>
            <div class="notice error" role="alert">
                <p>{tr(Text::DamagedEntries)}</p>
                <ul class="damaged">
                    <For each=damaged key=|entry| entry.key.clone() let(entry)>
                        <li>
                            <span>{
                                let (id, when) = entry.origin();
                                let id = id.to_owned();
                                move || {
                                    let lang = session.settings.lang();
                                    match when {
                                        Some(ms) => {
                                            let when = local_time(&(ms as f64).into(), lang);
                                            format!("“{id}” · {} {when}", lang.t(Text::SetAsideOn))
                                        }
                                        None => format!("“{id}”"),
                                    }
                                }
                            }</span>
                            <button type="button" on:click={
                                let (key, raw) = (entry.key.clone(), entry.raw.clone());
                                move |_| {
                                    let name = format!("{}.txt", key.replace('/', "_"));
                                    let _ = download(&name, &raw, "text/plain");
                                }
                            }>{tr(Text::DownloadRaw)}</button>
                        </li>
                    </For>
                </ul>
                <Show when=move || !reasons().is_empty()>
                    <TechnicalDetails lines=reasons() />
                </Show>
            </div>
        </Show>
    }
}
