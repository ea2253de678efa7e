use super::plot::plot;
use crate::charts::draw::Look;
use crate::charts::tables::Table;
use crate::i18n::Text;
use crate::ui::browser::download::{download_href, file_name};
use crate::ui::editor::fold::is_open;
use crate::ui::{tr, use_session};
use leptos::prelude::*;
use plotters::coord::Shift;
use plotters::prelude::DrawingArea;
use plotters_canvas::CanvasBackend;

/// The name of a chart's PNG: the map's (or slide's) `name` and what the chart is.
pub fn png_name(name: Signal<String>, suffix: &'static str) -> Signal<String> {
    Signal::derive(move || format!("{} {suffix}", name.get()))
}

/// One chart on a `<canvas>` (drawn by `plot`), downloadable as PNG, and followed by its data as
/// a table for screen readers and for reading the numbers.
#[component]
pub fn ChartCanvas<D: Send + Sync + 'static>(
    title: Text,
    /// The name the PNG file starts with.
    file: Signal<String>,
    /// What the chart shows.
    #[prop(into)]
    data: Signal<D>,
    /// Draws `data`, reading nothing reactive besides.
    draw: impl Fn(&DrawingArea<CanvasBackend, Shift>, &D, Look) + 'static,
    table: Signal<Table>,
) -> impl IntoView {
    let session = use_session();
    let canvas = NodeRef::<leptos::html::Canvas>::new();
    let draw_now = plot(
        canvas,
        format!("journey-mapper:chart:{title:?}"),
        data,
        draw,
    );

    let save_png = move |_| {
        let Some(element) = canvas.get_untracked() else {
            return;
        };
        draw_now();
        if let Ok(png) = element.to_data_url() {
            let _ = download_href(&file_name(&file.get_untracked(), "png"), &png);
        }
    };
    let (open, set_open) = signal(false);
    let summary = move || {
        table.with(|(_, rows)| {
            let lang = session.settings.lang();
            format!(
                "{}: {}",
                lang.t(title),
                lang.count(rows.len(), Text::RowOne, Text::Rows)
            )
        })
    };
    view! {
        <figure class="chart">
            <figcaption>
                <h3>{tr(title)}</h3>
                <button
                    type="button"
                    class="secondary"
                    aria-label=move || format!("{}: {}", session.settings.lang().t(Text::DownloadPng), session.settings.lang().t(title))
                    on:click=save_png
                >
                    {tr(Text::DownloadPng)}
                </button>
            </figcaption>
            <canvas node_ref=canvas role="img" aria-label=summary></canvas>
            <details class="chart-data" on:toggle=move |ev| set_open.set(is_open(&ev))>
                <summary>{tr(Text::ShowData)}</summary>
                // A folded table renders nothing: on a large map it has a thousand rows.
                <Show when=move || open.get()>
                <table>
                    <thead><tr>{move || table.with(|(head, _)| head.iter().map(|h| view! { <th scope="col">{h.clone()}</th> }).collect_view())}</tr></thead>
                    <tbody>
                        {move || table.with(|(_, rows)| rows.iter().map(|row| view! {
                            <tr>{row.iter().map(|cell| view! { <td>{cell.clone()}</td> }).collect_view()}</tr>
                        }).collect_view())}
                    </tbody>
                </table>
                </Show>
            </details>
        </figure>
    }
}
