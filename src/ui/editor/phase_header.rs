use crate::i18n::Text;
use crate::model::{Color, Edit, Id, TextField};
use crate::ui::browser::drag::Kind;
use crate::ui::browser::focus;
use crate::ui::browser::on_screen::use_on_screen;
use crate::ui::comments::comment_count::CommentCount;
use crate::ui::comments::comments_on::CommentsOn;
use crate::ui::editor::color_pick::ColorPick;
use crate::ui::editor::contact_limit_input::ContactLimitInput;
use crate::ui::editor::drag_handle::DragHandle;
use crate::ui::editor::fold::Fold;
use crate::ui::editor::phase_kpi_summary::PhaseKpiSummary;
use crate::ui::editor::phase_plan::PhasePlan;
use crate::ui::editor::text_input::TextInput;
use crate::ui::session::open_map::{use_open_map, OpenMap};
use crate::ui::{field, tr, tr_signal};
use leptos::prelude::*;

/// What a phase's heading shows.
#[derive(Clone, PartialEq)]
pub struct PhaseHead {
    pub index: usize,
    pub count: usize,
    pub name: String,
    pub goal: String,
    pub description: String,
    pub color: Color,
}

/// Moves phase `id` one place to the left or right, if there is one; the keyboard focus stays
/// where it was (the buttons, or Alt + arrow keys anywhere in the phase).
pub fn shift(map: OpenMap, id: &Id, left: bool) {
    let Some((index, count)) = map
        .with_untracked(|m| Some((m.phases.iter().position(|p| p.id == *id)?, m.phases.len())))
        .flatten()
    else {
        return;
    };
    let to = match left {
        true => index.checked_sub(1),
        false => Some(index + 1).filter(|&i| i < count),
    };
    let Some(to) = to else {
        return;
    };
    let active = focus::focused();
    let phase = id.clone();
    if map.apply(Edit::MovePhase { phase, to }).is_ok() {
        focus::restore(active, format!("ph-{id}"));
    }
}

/// A phase's heading: its name, goal and colour, its tools (move, delete), and in its fold its
/// description, contact limit and comments; under it, its KPIs' summary and its plan.
#[component]
pub fn PhaseHeader(
    id: Id,
    head: Memo<Option<PhaseHead>>,
    touchpoint_ids: Memo<Vec<Id>>,
    kpi_ids: Memo<Vec<Id>>,
) -> impl IntoView {
    let map = use_open_map();
    let screen = use_on_screen();
    let id = StoredValue::new(id);
    let text = move |read| field(head, read);
    let name = text(|h| &h.name);
    let color = move || head.with(|h| h.as_ref().map(|h| h.color.to_string()).unwrap_or_default());
    let position = move || head.with(|h| h.as_ref().map_or((0, 0), |h| (h.index, h.count)));
    let delete = move |_| {
        map.delete(
            Edit::RemovePhase {
                phase: id.get_value(),
            },
            name.get_untracked(),
        )
    };
    view! {
        <div class="phase-header" style:content-visibility=move || screen.content_visibility()>
        <div class="phase-head">
            <DragHandle kind=Kind::Phase id=id.get_value() />
            <TextInput field=TextField::PhaseName(id.get_value()) value=name label=tr_signal(Text::PhaseName) class="phase-name" />
        </div>
        <div class="phase-tools">
            <button type="button" class="icon" aria-label=tr(Text::MoveLeft) title=tr(Text::MoveLeft)
                disabled=move || position().0 == 0 on:click=move |_| shift(map, &id.read_value(), true)>"←"</button>
            <button type="button" class="icon" aria-label=tr(Text::MoveRight) title=tr(Text::MoveRight)
                disabled=move || { let (i, n) = position(); i + 1 >= n } on:click=move |_| shift(map, &id.read_value(), false)>"→"</button>
            <ColorPick label=Text::PhaseColor value=color edit=move |color| Edit::SetColor { phase: id.get_value(), color } />
            <button type="button" class="icon danger" aria-label=tr(Text::DeletePhase) title=tr(Text::DeletePhase) on:click=delete>"✕"</button>
        </div>
        <TextInput field=TextField::PhaseGoal(id.get_value()) value=text(|h| &h.goal) label=tr_signal(Text::PhaseGoal) class="phase-goal" multiline=true />
        // The phase's comments in its fold too, their open count on the fold's name: the
        // sticky header keeps its height and its one stop for the Tab key.
        <Fold class="more" summary=move || view! { {tr(Text::DescriptionAndPlan)} <CommentCount on=id.get_value() /> }>
            <TextInput field=TextField::PhaseDescription(id.get_value()) value=text(|h| &h.description) label=tr_signal(Text::Description) multiline=true />
            <ContactLimitInput phase=id.get_value() />
            <CommentsOn on=id.get_value() name />
        </Fold>
        <PhaseKpiSummary kpi_ids />
        <PhasePlan phase=id.get_value() touchpoint_ids />
        </div>
    }
}
