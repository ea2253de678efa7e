use super::column_mapping::ColumnMapping;
use super::measured_preview::MeasuredPreview;
use crate::i18n::Text;
use crate::model::loyalty::work::{Job, Outcome};
use crate::model::loyalty::{KpiKind, Mapping, Measured, Refusal, Source};
use crate::model::{Date, Id};
use crate::ui::browser::reader::{self, ReadError};
use crate::ui::session::clock::now;
use crate::ui::session::open_map::use_open_map;
use crate::ui::{tr, use_lang};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The largest export read: a year of a busy shop's orders, line by line.
const MAX_BYTES: f64 = 50.0 * 1024.0 * 1024.0;

/// Where a file is on its way to the KPI.
#[derive(Clone, PartialEq)]
pub(super) enum Step {
    Idle,
    Reading,
    Mapping {
        header: Vec<String>,
        rows: Vec<Vec<String>>,
        mapping: Mapping,
        /// The KPI remembered other columns: say why it asks again.
        changed: bool,
    },
    Preview {
        measured: Measured,
        mapping: Mapping,
    },
    Refused(Text),
}

fn refusal(r: &Refusal) -> Text {
    match r {
        Refusal::Empty => Text::RefusedEmpty,
        Refusal::NotATable => Text::RefusedNotATable,
        Refusal::Unmapped(_) => Text::ChooseEveryColumn,
        Refusal::NothingUsable | Refusal::WrongSource => Text::RefusedNothing,
    }
}

/// Why the worker gave no outcome: a file too large for the time limit is told as such.
fn failed(error: ReadError) -> Text {
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

/// Drop or pick a survey, order or campaign export on a computed KPI: its columns are guessed
/// (or remembered from last time, so next month's export is one drop), its counts per period
/// previewed, and added only when asked.
#[component]
pub fn MeasureFromData(kpi: Id, kind: Signal<KpiKind>) -> impl IntoView {
    let map = use_open_map();
    let kpi = StoredValue::new(kpi);
    let step = RwSignal::new(Step::Idle);
    let file = StoredValue::new_local(None::<web_sys::File>);
    // The file's header and first rows, to map its columns again from the preview.
    let shown = StoredValue::new((Vec::<String>::new(), Vec::<Vec<String>>::new()));
    // Which read is the latest: a file picked while another is read replaces it.
    let reads = StoredValue::new(0u32);
    let next_read = move || {
        reads.update_value(|n| *n += 1);
        reads.get_value()
    };
    let latest = move |read: u32| reads.get_value() == read;
    // What was measured for one kind is no preview for another.
    Effect::new(move |before: Option<KpiKind>| {
        let now = kind.get();
        if before.is_some_and(|b| b != now) {
            next_read();
            step.set(Step::Idle);
        }
        now
    });
    // Focus follows the step the user moved on to (not the card's opening), so a keyboard user
    // lands on what it shows instead of the page's start.
    let panel = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |first: Option<()>| {
        let moved_on = !matches!(step.get(), Step::Reading | Step::Idle);
        if first.is_some() && moved_on {
            if let Some(panel) = panel.get_untracked() {
                let _ = panel.focus();
            }
        }
    });
    let today = move || {
        Date::parse(&now()[..10]).unwrap_or(Date {
            year: 9999,
            month: 12,
            day: 31,
        })
    };
    let measure = move |mapping: Mapping| {
        let Some(input) = file.get_value() else {
            return;
        };
        step.set(Step::Reading);
        let read = next_read();
        let job = Job::Measure {
            kind: kind.get_untracked(),
            mapping: mapping.clone(),
            today: today(),
        };
        spawn_local(async move {
            let next = match reader::analyse(&job, &input.into()).await {
                Ok(Outcome::Measured(measured)) => Step::Preview { measured, mapping },
                Ok(Outcome::Refused(r)) => Step::Refused(refusal(&r)),
                Ok(_) => Step::Refused(Text::NotText),
                Err(error) => Step::Refused(failed(error)),
            };
            if latest(read) {
                step.set(next);
            }
        });
    };
    let take = move |picked: web_sys::File| {
        let Some(source) = kind.get_untracked().source() else {
            return;
        };
        if picked.size() > MAX_BYTES {
            step.set(Step::Refused(Text::DataFileTooLarge));
            return;
        }
        file.set_value(Some(picked.clone()));
        step.set(Step::Reading);
        let read = next_read();
        let id = kpi.get_value();
        let remembered = map
            .with_untracked(|m| m.kpi(&id).and_then(|k| k.mapping.clone()))
            .flatten();
        spawn_local(async move {
            let outcome = reader::analyse(&Job::Preview { source }, &picked.into()).await;
            if !latest(read) {
                return;
            }
            match outcome {
                Ok(Outcome::Preview {
                    header,
                    rows,
                    guess,
                }) => {
                    shown.set_value((header.clone(), rows.clone()));
                    let remembered = remembered.filter(|m| m.source == source);
                    match remembered {
                        // The same columns as last time: one drop.
                        Some(m) if m.places(&header).is_ok() => measure(m),
                        other => {
                            let period = other.as_ref().map(|m| m.period).unwrap_or_default();
                            let changed = other.is_some();
                            let mapping = Mapping { period, ..guess };
                            step.set(Step::Mapping {
                                header,
                                rows,
                                mapping,
                                changed,
                            });
                        }
                    }
                }
                Ok(Outcome::Refused(r)) => step.set(Step::Refused(refusal(&r))),
                Ok(_) => step.set(Step::Refused(Text::NotText)),
                Err(error) => step.set(Step::Refused(failed(error))),
            }
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
    // Done with a file (added or cancelled): back to where the next one is picked.
    let picker = NodeRef::<leptos::html::Input>::new();
    let done = Callback::new(move |()| {
        step.set(Step::Idle);
        if let Some(input) = picker.get_untracked() {
            let _ = input.focus();
        }
    });
    let source = move || kind.get().source();
    let lang = use_lang();
    view! {
        <Show when=move || source().is_some()>
            <section
                class="measure-from-data"
                aria-label=tr(Text::MeasureFromData)
                on:dragover=move |ev| ev.prevent_default()
                on:drop=on_drop
            >
                <h4>{tr(Text::MeasureFromData)}</h4>
                <label class="button-like small">
                    {move || source().map(|s| lang.get().t(pick_text(s)))}
                     <input node_ref=picker class="visually-hidden" type="file" accept=".csv,.tsv,.txt,text/csv,text/plain" on:change=on_file />
                </label>
                <p class="hint">{tr(Text::DataStaysHere)}</p>
                <div node_ref=panel tabindex="-1" class="measure-step">
                {move || match step.get() {
                    Step::Idle => ().into_any(),
                    Step::Reading => view! { <p role="status">{tr(Text::ReadingData)}</p> }.into_any(),
                    Step::Refused(text) => view! { <p class="field-error" role="alert">{tr(text)}</p> }.into_any(),
                    Step::Mapping { header, rows, mapping, changed } => view! {
                        <ColumnMapping header rows mapping changed on_measure=Callback::new(measure) on_cancel=done />
                    }.into_any(),
                    Step::Preview { measured, mapping } => {
                        let remap = {
                            let mapping = mapping.clone();
                            Callback::new(move |()| {
                                let (header, rows) = shown.get_value();
                                step.set(Step::Mapping { header, rows, mapping: mapping.clone(), changed: false });
                            })
                        };
                        view! {
                            <MeasuredPreview kpi=kpi.get_value() kind measured mapping on_done=done on_remap=remap />
                        }.into_any()
                    }
                }}
                </div>
            </section>
        </Show>
    }
}
