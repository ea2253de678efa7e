use super::{CustomerBasePanel, LoyaltyScorecard};
use crate::i18n::Text;
use crate::ui::browser::near::watch_near;
use crate::ui::page_part::{self, later, LoyaltyView};
use crate::ui::session::open_map::use_open_map;
use crate::ui::tr;
use leptos::prelude::*;

/// The map's Loyalty section: its heading at once, its scorecard and customer base from a part
/// of the wasm of their own, fetched when the section first comes near the screen, or when the
/// page is idle on a map with loyalty figures. A workshop participant opening a map without
/// them to add cards and vote never downloads it.
#[component]
pub fn LoyaltySection() -> impl IntoView {
    let place = NodeRef::<leptos::html::Section>::new();
    let near = RwSignal::new(false);
    watch_near(place, move |is_near| {
        if is_near && !near.get_untracked() {
            near.set(true);
        }
    });
    // A map with loyalty figures to show has them ready for the poster too (printing cannot
    // wait for a part): fetched once the page is idle, after the map is usable.
    let map = use_open_map();
    request_idle_callback(move || {
        // The page may have been left meanwhile: then the section and its map are gone.
        if near.try_get_untracked().is_none() {
            return;
        }
        let figures = map
            .with_untracked(|m| {
                m.customer_base.is_some()
                    || m.phases
                        .iter()
                        .flat_map(|p| &p.kpis)
                        .any(|k| k.kind.is_computed() && !k.measurements.is_empty())
            })
            .unwrap_or(false);
        if figures {
            near.try_set(true);
        }
    });
    view! {
        <section class="loyalty" aria-labelledby="loyalty-heading" node_ref=place>
            <h2 id="loyalty-heading">{tr(Text::LoyaltyHeading)}</h2>
            <Show when=move || near.get()>
                {later(|| page_part::loyalty(LoyaltyView::Section))}
            </Show>
        </section>
    }
}

/// What the Loyalty part shows on a map's page.
#[component]
pub fn LoyaltyContent() -> impl IntoView {
    view! {
        <LoyaltyScorecard />
        <CustomerBasePanel />
    }
}
