use crate::charts::draw::Look;
use crate::charts::tables::Table;
use crate::i18n::Text;
use crate::ui::browser::download::{download_href, file_name};
use crate::ui::browser::timing::measure;
use crate::ui::editor::measurements_editor::is_open;
use crate::ui::{tr, use_session};
use leptos::prelude::*;
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, IntoDrawingArea};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::prelude::*;

/// One chart on a `<canvas>`: sharp on high-density screens (drawn at CSS size × device pixel
/// ratio), redrawn when its box is resized or what `draw` reads changes, downloadable as PNG,
/// and followed by its data as a table for screen readers and for reading the numbers.
#[component]
pub fn ChartCanvas(
    title: Text,
    /// The name the PNG file starts with.
    file: Signal<String>,
    draw: impl Fn(&DrawingArea<CanvasBackend, Shift>, Look) + 'static,
    table: Signal<Table>,
) -> impl IntoView {
    let session = use_session();
    let canvas = NodeRef::<leptos::html::Canvas>::new();
    let size = RwSignal::new((0.0_f64, 0.0_f64));

    // Follow the box's size; the observer is dropped with the chart.
    let observer = StoredValue::new_local(
        None::<(web_sys::ResizeObserver, Closure<dyn FnMut(js_sys::Array)>)>,
    );
    Effect::new(move |_| {
        let Some(element) = canvas.get() else { return };
        let on_resize = Closure::<dyn FnMut(js_sys::Array)>::new(move |_| {
            if let Some(el) = canvas.get_untracked() {
                let rect = el.get_bounding_client_rect();
                size.set((rect.width(), rect.height()));
            }
        });
        if let Ok(watch) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
            watch.observe(&element);
            observer.set_value(Some((watch, on_resize)));
        }
    });
    on_cleanup(move || {
        if let Some((watch, _)) = observer.try_update_value(Option::take).flatten() {
            watch.disconnect();
        }
    });

    Effect::new(move |_| {
        let (width, height) = size.get();
        let lang = session.settings.lang();
        let Some(element) = canvas.get() else { return };
        if width < 1.0 || height < 1.0 {
            return;
        }
        let scale = window().device_pixel_ratio().max(1.0);
        element.set_width((width * scale).round() as u32);
        element.set_height((height * scale).round() as u32);
        let el: &web_sys::HtmlCanvasElement = &element;
        if let Some(backend) = CanvasBackend::with_canvas_object(el.clone()) {
            let root = backend.into_drawing_area();
            measure(&format!("journey-mapper:chart:{title:?}"), || {
                draw(&root, Look { lang, scale });
                let _ = root.present();
            });
        }
    });

    let save_png = move |_| {
        let Some(element) = canvas.get_untracked() else {
            return;
        };
        if let Ok(png) = element.to_data_url() {
            let _ = download_href(&file_name(&file.get_untracked(), "png"), &png);
        }
    };
    let (open, set_open) = signal(false);
    let summary = move || {
        table.with(|(_, rows)| {
            format!(
                "{}: {} {}",
                session.settings.lang().t(title),
                rows.len(),
                session.settings.lang().t(Text::Rows)
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
