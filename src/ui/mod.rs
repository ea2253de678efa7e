//! The interface: Leptos components, one per file, named after what the user sees.

mod app;
mod backup_reminder;
mod chart_canvas;
mod charts_panel;
mod download;
mod drag;
mod emotion_select;
mod export_all_button;
mod focus;
mod import_button;
mod import_panel;
mod importer;
mod item_card;
mod item_moves;
mod item_toolbar;
mod kpi_card;
mod language_switch;
mod large_type_toggle;
mod library_page;
mod map_context;
mod map_exports;
mod map_page;
mod map_row;
mod measurements_editor;
mod measurements_import;
mod number_input;
mod on_screen;
mod phase_column;
mod presentation_page;
mod read_only_map;
mod route;
mod save_status;
mod session;
mod share_link;
mod shared_map_page;
mod storage_notices;
mod storage_usage;
mod text_input;
mod timing;
mod touchpoint_card;
mod undo_buttons;
mod undo_notice;
mod update_notice;
mod workshop_timer;

pub use session::{SaveState, Session};

use crate::i18n::{Lang, Text};
use leptos::prelude::*;

pub fn start() {
    leptos::mount::mount_to_body(app::App);
}

fn use_session() -> Session {
    expect_context::<Session>()
}

/// The interface language for one card or phase column and everything inside it.
///
/// Each text that follows the language subscribes to it, and a large map has tens of thousands of
/// them. Leptos' reactive graph unsubscribes a re-running subscriber in time linear in the
/// source's subscriber count, so one signal with 20,000 subscribers made a language switch take
/// 2.6 s (a profile: 85 % in `IndexMap::shift_remove`). A memo per card keeps every source's
/// subscriber list short.
#[derive(Clone, Copy)]
struct LangScope(Memo<Lang>);

impl LangScope {
    fn provide() {
        let lang = use_lang();
        provide_context(LangScope(Memo::new(move |_| lang.get())));
    }
}

/// The interface language, from the nearest [`LangScope`] or else the session.
fn use_lang() -> Signal<Lang> {
    use_context::<LangScope>()
        .map(|scope| scope.0.into())
        .unwrap_or_else(|| use_session().lang.into())
}

/// A text in the current interface language as a signal, for components that take one.
fn tr_signal(text: Text) -> Signal<String> {
    let lang = use_lang();
    Signal::derive(move || lang.get().t(text).to_owned())
}

/// One text field of what `item` holds (a touchpoint, a KPI, a phase's heading), as a signal;
/// empty once the item is gone.
fn field<T: Send + Sync + 'static>(item: Memo<Option<T>>, read: fn(&T) -> &str) -> Signal<String> {
    Signal::derive(move || {
        item.with(|t| t.as_ref().map(|t| read(t).to_owned()).unwrap_or_default())
    })
}

/// A text in the current interface language, following language switches.
fn tr(text: Text) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = use_lang();
    move || lang.get().t(text)
}
