use crate::i18n::Text;
use crate::model::numbers;
use crate::model::{Direction, Edit, Id, Kpi, NumberField, Part, Status, TextField};
use crate::ui::browser::drag::Kind;
use crate::ui::editor::card_face::kpi_face;
use crate::ui::editor::cards::{add_after, CardKind};
use crate::ui::editor::drag_handle::DragHandle;
use crate::ui::editor::item_card::ItemCard;
use crate::ui::editor::item_toolbar::ItemToolbar;
use crate::ui::editor::kpi_kind_select::KpiKindSelect;
use crate::ui::editor::measurements_editor::MeasurementsEditor;
use crate::ui::editor::number_input::NumberInput;
use crate::ui::editor::text_input::TextInput;
use crate::ui::loyalty::MeasureFromData;
use crate::ui::session::open_map::use_open_map;
use crate::ui::{field, tr_signal, use_lang, LangScope};
use leptos::prelude::*;

/// One KPI: what is measured, which way is better, baseline, target and how far it has come.
#[component]
pub fn KpiCard(
    id: Id,
    /// Its measurements are open; kept by its list while the card is away from the screen.
    fold_open: RwSignal<bool>,
) -> impl IntoView {
    let map = use_open_map();
    LangScope::provide();
    let lang = use_lang();
    let kpi = {
        let id = id.clone();
        Memo::new(move |_| {
            map.with(Part::Item(id.clone()), |m| m.kpi(&id).cloned())
                .flatten()
        })
    };
    let text = move |read| field(kpi, read);
    let name = text(|k| &k.name);
    let element_id = CardKind::Kpi.element_id(&id);
    let direction = move || kpi.with(|k| k.as_ref().map_or(Direction::Increase, |k| k.direction));
    let set_direction = {
        let id = StoredValue::new(id.clone());
        move |ev| {
            let direction = if event_target_value(&ev) == "decrease" {
                Direction::Decrease
            } else {
                Direction::Increase
            };
            let _ = map.apply(Edit::SetDirection {
                kpi: id.get_value(),
                direction,
            });
        }
    };
    let number = move |field: NumberField| {
        let read = field.clone();
        let value = Signal::derive(move || {
            kpi.with(|k| {
                k.as_ref().and_then(|k| match read {
                    NumberField::Baseline(_) => k.baseline,
                    _ => k.target,
                })
            })
        });
        let field = StoredValue::new(field);
        let commit = move |value| {
            let _ = map.apply(Edit::SetNumber {
                field: field.get_value(),
                value,
            });
        };
        (value, commit)
    };
    let (baseline, set_baseline) = number(NumberField::Baseline(id.clone()));
    let (target, set_target) = number(NumberField::Target(id.clone()));
    let progress = move || kpi.with(|k| k.as_ref().and_then(Kpi::progress));
    let kind = Signal::derive(move || kpi.with(|k| k.as_ref().map(|k| k.kind).unwrap_or_default()));
    // "NPS 28 · 150 answers": a computed value is never shown without what it rests on.
    let sample = move || kpi.with(|k| k.as_ref().and_then(Kpi::latest_sample));
    let unit = text(|k| &k.unit);
    let progress_view = move || {
        let lang = lang.get();
        match progress() {
            None => view! { <p class="progress-none">{lang.t(Text::NoProgressYet)}</p> }.into_any(),
            Some(p) => {
                let (class, symbol, status) = match p.status {
                    Status::OnTrack => ("progress on-track", "✓", Text::OnTrack),
                    Status::Behind => ("progress behind", "!", Text::Behind),
                };
                let percent = (p.share * 100.0).round();
                let width = format!("{}%", percent.clamp(0.0, 100.0));
                let unit = unit.get();
                view! {
                    <div class=class>
                        <p>
                            {lang.t(Text::Latest)} ": " <strong>{numbers::format(p.latest, lang)} " " {unit.clone()}</strong>
                            " · " {lang.t(Text::Target)} ": " {numbers::format(p.target, lang)} " " {unit}
                            {sample().map(|s| format!(" · {}", s.words(lang)))}
                        </p>
                        <div class="bar" aria-hidden="true"><div class="fill" style:width=width></div></div>
                        <p class="status"><span class="symbol" aria-hidden="true">{symbol}</span> {lang.t(status)}
                            " (" {format!("{percent}%")} " " {lang.t(Text::OfTheWay)} ")"</p>
                    </div>
                }
                .into_any()
            }
        }
    };
    let next = {
        let id = id.clone();
        Callback::new(move |()| add_after(map, &id, lang.get_untracked()))
    };
    let measurements_open = fold_open;
    let card_label = move || format!("{}: {}", lang.get().t(Text::Kpi), name.get());
    // Drawn as one piece, like a touchpoint's.
    let summary = ViewFn::from(move || {
        let lang = lang.get();
        kpi.with(|k| k.as_ref().map(|k| kpi_face(k, lang)))
    });
    view! {
        <ItemCard id=id.clone() class="kpi" element_id=element_id.clone() label=card_label summary>
                <div class="card-head">
                    <DragHandle kind=Kind::Item id=id.clone() />
                    <TextInput field=TextField::KpiName(id.clone()) value=name label=tr_signal(Text::KpiName) class="item-name" on_enter=next />
                </div>
                <div class="card-fields">
                    <TextInput field=TextField::KpiUnit(id.clone()) value=unit label=tr_signal(Text::Unit) list="units" />
                    <label class="inline">
                        <span>{move || lang.get().t(Text::Direction)}</span>
                        <select
                            prop:value=move || if direction() == Direction::Decrease { "decrease" } else { "increase" }
                            on:change=set_direction
                        >
                            <option value="increase">{move || lang.get().t(Text::HigherIsBetter)}</option>
                            <option value="decrease">{move || lang.get().t(Text::LowerIsBetter)}</option>
                        </select>
                    </label>
                    <label class="inline">
                        <span>{move || lang.get().t(Text::Baseline)}</span>
                        <NumberInput value=baseline label=tr_signal(Text::Baseline) optional=true on_commit=set_baseline />
                    </label>
                    <label class="inline">
                        <span>{move || lang.get().t(Text::Target)}</span>
                        <NumberInput value=target label=tr_signal(Text::Target) optional=true on_commit=set_target />
                    </label>
                </div>
                <KpiKindSelect kpi=id.clone() />
                {progress_view}
                <MeasureFromData kpi=id.clone() kind />
                <MeasurementsEditor kpi=id.clone() open=measurements_open />
                <ItemToolbar id=id.clone() element_id=element_id.clone() delete_label=Text::DeleteKpi name />
            </ItemCard>
    }
}
