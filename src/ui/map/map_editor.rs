use crate::charts::{data, Chart};
use crate::i18n::Text;
use crate::model::templates::{channels, units};
use crate::model::{Edit, Id, Part, Phase, TextField, PHASE_PALETTE};
use crate::ui::browser::on_screen::OnScreen;
use crate::ui::browser::route::Route;
use crate::ui::charts::charts_panel::{chart_data, ChartsPanel};
use crate::ui::charts::curve_lane::CurveLane;
use crate::ui::comments::comment_count::OpenCounts;
use crate::ui::editor::lane_names::{grid_rows, use_shown_lanes, LaneNames};
use crate::ui::editor::phase_column::PhaseColumn;
use crate::ui::editor::text_input::TextInput;
use crate::ui::lanes::lanes_panel::LanesPanel;
use crate::ui::live::live_panel::LivePanel;
use crate::ui::live::session_bar::SessionBar;
use crate::ui::loyalty::LoyaltySection;
use crate::ui::map::fit_to_screen::{fit_grid, FitToScreenToggle};
use crate::ui::map::map_exports::MapExports;
use crate::ui::map::phase_steps::{track, PhaseSteps};
use crate::ui::map::share_link::ShareLink;
use crate::ui::map::workshop_panel::WorkshopPanel;
use crate::ui::map::workshop_timer::WorkshopTimer;
use crate::ui::personas::personas_panel::PersonasPanel;
use crate::ui::session::clock;
use crate::ui::session::open_map::OpenMap;
use crate::ui::votes::voting::Voting;
use crate::ui::{tr, tr_signal, use_session};
use leptos::ev::SubmitEvent;
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn MapEditor(id: Id) -> impl IntoView {
    let session = use_session();
    let map = OpenMap::provide(id, session);
    Voting::provide();
    OpenCounts::provide();
    let screen = OnScreen::provide(session.settings.fit_to_screen_untracked());
    let title = Signal::derive(move || {
        map.with(Part::MapTexts, |m| m.title.clone())
            .unwrap_or_default()
    });
    // Only the order of phases: renaming one does not rebuild the list.
    let phase_ids = Memo::new(move |_| {
        map.with(Part::PhaseOrder, |m| {
            m.phases.iter().map(|p| p.id.clone()).collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    // A click anywhere outside the open card closes it: a click, not a press, so that the field
    // left has committed its value (a number commits when it loses focus) before it goes. A
    // click that opened a card itself (adding one) leaves that card open.
    let open_at_press = StoredValue::new(None::<Id>);
    let press = window_event_listener(leptos::ev::pointerdown, move |_| {
        map.set_pressing(true);
        open_at_press.set_value(map.open_card());
    });
    // A press that ends in no click (a drag) ends once its click would have come.
    let release = window_event_listener(leptos::ev::pointerup, move |_| {
        set_timeout(move || map.set_pressing(false), std::time::Duration::ZERO);
    });
    let outside = window_event_listener(leptos::ev::click, move |ev| {
        map.set_pressing(false);
        if map.open_card() != open_at_press.get_value() {
            return;
        }
        // The path the click took, as it was: the button clicked may have gone by now (a card
        // moved, a measurement removed), and with it the way up to its card.
        let card = ev.composed_path().iter().find_map(|node| {
            node.dyn_into::<web_sys::Element>()
                .ok()?
                .get_attribute("data-card")
        });
        map.close_unless(card.as_deref());
    });
    on_cleanup(move || {
        press.remove();
        release.remove();
        outside.remove();
    });
    let experience = chart_data(
        Chart::Experience,
        "journey-mapper:chart-data:experience",
        |m| Some(data::experience(m)),
    );
    let grid = NodeRef::<Div>::new();
    // The phase a phone shows (one at a time), as the grid is swiped or stepped through.
    let current = RwSignal::new(0usize);
    let shown_lanes = use_shown_lanes();
    fit_grid(grid);
    // The other charts, one step from the map.
    let to_charts = move |_| {
        if let Some(heading) = document()
            .get_element_by_id("charts-heading")
            .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok())
        {
            heading.scroll_into_view();
            let _ = heading.focus();
        }
    };
    let (new_phase, set_new_phase) = signal(String::new());
    let add_phase = move |ev: SubmitEvent| {
        ev.prevent_default();
        let name = new_phase.get_untracked().trim().to_owned();
        if name.is_empty() {
            return;
        }
        let Some((phase_id, index)) =
            map.with_untracked(|m| (m.fresh_id(&clock::id_prefix("phase")), m.phases.len()))
        else {
            return;
        };
        let phase = Phase::new(phase_id, name, PHASE_PALETTE[index % PHASE_PALETTE.len()]);
        if map.apply(Edit::InsertPhase { index, phase }).is_ok() {
            set_new_phase.set(String::new());
        }
    };
    view! {
        <section class="map" aria-labelledby="map-heading">
            <h1 id="map-heading" class="visually-hidden">{title}</h1>
            // Title and description, and the tools beside them in one row: the map gets the screen.
            <div class="map-head">
                <div class="map-title-cell">
                    <TextInput field=TextField::MapTitle value=title label=tr_signal(Text::MapTitle) class="map-title-field" refused=Text::TitleNeeded />
                    <TextInput
                        field=TextField::MapDescription
                        value=Signal::derive(move || map.with(Part::MapTexts, |m| m.description.clone()).unwrap_or_default())
                        label=tr_signal(Text::Description)
                        class="map-description"
                        multiline=true
                    />
                    <div class="map-panels">
                        <PersonasPanel />
                        <LanesPanel />
                        <WorkshopPanel />
                    </div>
                </div>
                <div class="map-toolbar">
                    <a class="button" href=move || Route::Present(map.id.get_value()).href()>{tr(Text::Present)}</a>
                    <MapExports />
                    <ShareLink />
                    <LivePanel />
                    <a class="button secondary" href=move || Route::Versions(map.id.get_value()).href()>{tr(Text::Versions)}</a>
                    <button type="button" class="secondary" on:click=to_charts>{tr(Text::ChartsHeading)} <span aria-hidden="true">" ↓"</span></button>
                    <FitToScreenToggle />
                    <WorkshopTimer />
                </div>
            </div>
            <SessionBar />
            <h2 class="visually-hidden">{tr(Text::PhasesHeading)}</h2>
            <Show
                when=move || phase_ids.with(|ids| !ids.is_empty())
                fallback=|| view! { <p class="empty">{tr(Text::NoPhasesYet)}</p> }
            >
                // Phases as columns, lanes as rows; the lanes' names stay in view on the left
                // (each cell also names its lane for screen readers).
                <div class="journey-grid" class:fitted=move || session.settings.fit_to_screen() node_ref=grid on:scroll=move |_| {
                        screen.schedule();
                        track(grid, current);
                    }
                    style:grid-template-rows=move || grid_rows(shown_lanes.with(Vec::len))>
                    <LaneNames lanes=shown_lanes />
                    <ol class="phases">
                        <For each=move || phase_ids.get() key=|id| id.clone() let(id)>
                            <PhaseColumn id />
                        </For>
                    </ol>
                    <CurveLane experience />
                </div>
                <PhaseSteps phases=phase_ids current />
            </Show>
            <p class="hint">{tr(Text::KeyboardHint)}</p>
            <form class="add-phase" on:submit=add_phase>
                <label for="new-phase-name">{tr(Text::NewPhaseName)}</label>
                <input
                    id="new-phase-name"
                    type="text"
                    prop:value=new_phase
                    on:input=move |ev| set_new_phase.set(event_target_value(&ev))
                />
                <button type="submit">{tr(Text::AddPhase)}</button>
            </form>
            <ChartsPanel experience />
            <LoyaltySection />
            <datalist id="channels">
                {move || channels(session.settings.lang()).map(|c| view! { <option value=c></option> }).collect_view()}
            </datalist>
            <datalist id="units">
                {move || units(session.settings.lang()).map(|u| view! { <option value=u></option> }).collect_view()}
            </datalist>
        </section>
    }
}
