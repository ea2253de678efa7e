use super::column_mapping::ColumnMapping;
use crate::i18n::Text;
use crate::model::loyalty::work::{Job, Outcome};
use crate::model::loyalty::{Mapping, Refusal, Source};
use crate::model::Date;
use crate::ui::browser::reader::{self, ReadError};
use crate::ui::session::clock::now;
use crate::ui::{tr, use_lang};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The largest export read: a year of a busy shop's orders, line by line.
const MAX_BYTES: f64 = 50.0 * 1024.0 * 1024.0;

/// Where a file is on its way.
#[derive(Clone)]
enum Step {
    Idle,
    Reading,
    Mapping {
        header: Vec<String>,
        rows: Vec<Vec<String>>,
        mapping: Mapping,
        /// Other columns were remembered: say why it asks again.
        changed: bool,
    },
    Read {
        outcome: Outcome,
        mapping: Mapping,
    },
    Refused(Text),
}

fn refusal(r: &Refusal) -> Text {
    match r {
        Refusal::Empty => Text::RefusedEmpty,
        Refusal::NotATable => Text::RefusedNotATable,
        Refusal::NoHeader => Text::RefusedNoHeader,
        Refusal::Unmapped(_) => Text::ChooseEveryColumn,
        Refusal::NothingUsable | Refusal::WrongSource => Text::RefusedNothing,
    }
}

/// Why the worker gave no outcome: a file too large for the time limit is told as such.
pub(super) fn failed(error: ReadError) -> Text {
    match error {
        ReadError::TooSlow => Text::DataTooSlow,
        ReadError::Unavailable => error.reason(),
    }
}

fn pick_text(source: Source) -> Text {
    match source {
        Source::Survey => Text::PickSurvey,
        Source::Orders => Text::PickOrders,
        Source::Campaign => Text::PickCampaign,
    }
}

/// Today, which no row of an export may be dated after.
pub(super) fn today() -> Date {
    Date::parse(&now()[..10]).unwrap_or(Date {
        year: 9999,
        month: 12,
        day: 31,
    })
}

/// What a file read shows, and the way back from it.
#[derive(Clone, Copy)]
pub struct Done {
    /// Finished with the file (kept or cancelled): back to where the next is picked.
    pub close: Callback<()>,
    /// Back to the mapping step, to change the columns or the period.
    pub remap: Callback<()>,
    /// The file read, to ask more of it.
    pub file: StoredValue<Option<web_sys::File>, LocalStorage>,
}

/// Drop or pick a shop's export of `source`: its columns guessed (or `remembered` from last
/// time, so next month's export is one drop), mapped, and read by the analytics worker with
/// the `job` for them; `read` shows what came back. The file stays in the worker: the page sees
/// its first rows while mapping, then counts. A file picked while another is read replaces it.
#[component]
pub fn DataFile<R>(
    #[prop(into)] source: Signal<Option<Source>>,
    /// The heading over the drop zone, also its accessible name.
    title: Text,
    remembered: Callback<(), Option<Mapping>>,
    job: Callback<(Mapping, Date), Job>,
    read: R,
) -> impl IntoView
where
    R: Fn(Outcome, Mapping, Done) -> AnyView + Send + Sync + 'static,
{
    let step = RwSignal::new(Step::Idle);
    let file = StoredValue::new_local(None::<web_sys::File>);
    // The file's header and first rows, to map its columns again from what was read.
    let shown = StoredValue::new((Vec::<String>::new(), Vec::<Vec<String>>::new()));
    let reads = StoredValue::new(0u32);
    let next_read = move || {
        reads.update_value(|n| *n += 1);
        reads.get_value()
    };
    // A read that ends after the page was left is no one's: the section is gone.
    let latest = move |read: u32| reads.try_get_value() == Some(read);
    // Focus follows the step the user moved on to, so a keyboard user lands on what it shows.
    let panel = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |first: Option<()>| {
        let moved_on = !matches!(step.get(), Step::Reading | Step::Idle);
        if first.is_some() && moved_on {
            if let Some(panel) = panel.get_untracked() {
                let _ = panel.focus();
            }
        }
    });
    let run = move |mapping: Mapping| {
        let Some(input) = file.get_value() else {
            return;
        };
        step.set(Step::Reading);
        let read = next_read();
        let job = job.run((mapping.clone(), today()));
        spawn_local(async move {
            let next = match reader::analyse(&job, &input.into()).await {
                Ok(Outcome::Refused(r)) => Step::Refused(refusal(&r)),
                Ok(Outcome::NotText) => Step::Refused(Text::NotText),
                Ok(outcome) => Step::Read { outcome, mapping },
                Err(error) => Step::Refused(failed(error)),
            };
            if latest(read) {
                step.set(next);
            }
        });
    };
    let take = move |picked: web_sys::File| {
        let Some(source) = source.get_untracked() else {
            return;
        };
        if picked.size() > MAX_BYTES {
            step.set(Step::Refused(Text::DataFileTooLarge));
            return;
        }
        file.set_value(Some(picked.clone()));
        step.set(Step::Reading);
        let read = next_read();
        let remembered = remembered.run(()).filter(|m| m.source == source);
        spawn_local(async move {
            let outcome = reader::analyse(&Job::Preview { source }, &picked.into()).await;
            if !latest(read) {
                return;
            }
            let next = match outcome {
                Ok(Outcome::Preview {
                    header,
                    rows,
                    guess,
                }) => {
                    shown.set_value((header.clone(), rows.clone()));
                    match remembered {
                        // The same columns as last time: one drop.
                        Some(m) if m.places(&header).is_ok() => return run(m),
                        other => Step::Mapping {
                            header,
                            rows,
                            mapping: Mapping {
                                period: other.as_ref().map(|m| m.period).unwrap_or_default(),
                                ..guess
                            },
                            changed: other.is_some(),
                        },
                    }
                }
                Ok(Outcome::Refused(r)) => Step::Refused(refusal(&r)),
                Ok(_) => Step::Refused(Text::NotText),
                Err(error) => Step::Refused(failed(error)),
            };
            step.set(next);
        });
    };
    let on_file = move |ev: leptos::ev::Event| {
        let input = event_target::<web_sys::HtmlInputElement>(&ev);
        let picked = input.files().and_then(|f| f.get(0));
        input.set_value("");
        if let Some(picked) = picked {
            take(picked);
        }
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        let picked = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0));
        if let Some(picked) = picked {
            // The page's own drop zone (a map file) is not meant.
            ev.prevent_default();
            ev.stop_propagation();
            take(picked);
        }
    };
    let picker = NodeRef::<leptos::html::Input>::new();
    let close = Callback::new(move |()| {
        step.set(Step::Idle);
        if let Some(input) = picker.get_untracked() {
            let _ = input.focus();
        }
    });
    let done = Done {
        close,
        file,
        remap: Callback::new(move |()| {
            let Step::Read { mapping, .. } = step.get_untracked() else {
                return;
            };
            let (header, rows) = shown.get_value();
            step.set(Step::Mapping {
                header,
                rows,
                mapping,
                changed: false,
            });
        }),
    };
    let lang = use_lang();
    view! {
        <section
            class="measure-from-data"
            aria-label=tr(title)
            on:dragover=move |ev| ev.prevent_default()
            on:drop=on_drop
        >
            <h4>{tr(title)}</h4>
            <label class="button-like small">
                {move || source.get().map(|s| lang.get().t(pick_text(s)))}
                <input node_ref=picker class="visually-hidden" type="file" accept=".csv,.tsv,.txt,text/csv,text/plain" on:change=on_file />
            </label>
            <p class="hint">{tr(Text::DataStaysHere)}</p>
            <div node_ref=panel tabindex="-1" class="measure-step">
            {move || match step.get() {
                Step::Idle => ().into_any(),
                Step::Reading => view! { <p role="status">{tr(Text::ReadingData)}</p> }.into_any(),
                Step::Refused(text) => view! { <p class="field-error" role="alert">{tr(text)}</p> }.into_any(),
                Step::Mapping { header, rows, mapping, changed } => view! {
                    <ColumnMapping header rows mapping changed on_measure=Callback::new(run) on_cancel=close />
                }.into_any(),
                Step::Read { outcome, mapping } => read(outcome, mapping, done),
            }}
            </div>
        </section>
    }
}
