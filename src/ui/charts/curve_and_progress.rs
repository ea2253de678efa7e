use super::chart_canvas::{png_name, ChartCanvas};
use crate::charts::tables::{experience_table, progress_table};
use crate::charts::{data, draw};
use crate::i18n::Text;
use crate::ui::use_lang;
use leptos::prelude::*;

/// How the journey feels and how its KPIs are doing: the two charts the editor and presentation
/// mode both show. `file_name` starts the names of their PNG files.
#[component]
pub fn CurveAndProgress(
    experience: Memo<Option<data::Experience>>,
    progress: Memo<Vec<data::ProgressBar>>,
    file_name: Signal<String>,
) -> impl IntoView {
    let lang = use_lang();
    let lang = move || lang.get();
    // The curve does not show touchpoint names: typing one must not redraw it.
    let curve = Memo::new(move |_| experience.with(|e| e.as_ref().map(data::Experience::curve)));
    let file = move |suffix| png_name(file_name, suffix);
    view! {
        <ChartCanvas
            title=Text::ExperienceCurve
            file=file("experience")
            data=curve
            draw=|area, e, look| if let Some(e) = e { let _ = draw::experience(area, e, look); }
            table=Signal::derive(move || experience.with(|e| e.as_ref().map(|e| experience_table(e, lang())).unwrap_or_default()))
        />
        <ChartCanvas
            title=Text::KpiProgress
            file=file("kpi-progress")
            data=progress
            draw={|area, p: &Vec<data::ProgressBar>, look| { let _ = draw::progress(area, p, look); }}
            table=Signal::derive(move || progress.with(|p| progress_table(p, lang())))
        />
    }
}
