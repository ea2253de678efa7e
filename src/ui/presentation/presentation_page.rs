use crate::i18n::Text;
use crate::model::{Edit, Id, JourneyMap, LibraryEdit, Part};
use crate::ui::browser::focus;
use crate::ui::browser::route::Route;
use crate::ui::map::workshop_timer::WorkshopTimer;
use crate::ui::presentation::slide_charts::SlideCharts;
use crate::ui::session::Topic;
use crate::ui::shared_map::read_only_phase::{card_id, PhaseContext, ReadOnlyPhase, Votes};
use crate::ui::shared_map::read_only_phases::ReadOnlyPhases;
use crate::ui::{tr, use_session};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// Presentation mode: the map full screen in large type, first whole and then phase by phase
/// with that phase's touchpoints, KPIs and charts. Arrow keys, Page Up/Down (what presenter
/// remotes send), Home/End and the buttons move between slides; Escape leaves. It reads the map
/// and changes only votes (buttons on pain points and opportunities, or + and − on a focused
/// card's buttons); the editor's shortcuts are not mounted.
#[component]
pub fn PresentationPage(id: Id) -> impl IntoView {
    let session = use_session();
    let map = {
        let id = id.clone();
        Memo::new(move |_| {
            session
                .library
                .read(Topic::Map(id.clone()), |l| l.map(&id).cloned())
        })
    };
    let phases = Memo::new(move |_| map.with(|m| m.as_ref().map_or(0, |m| m.phases.len())));
    // 0 is the whole journey, n is phase n. Kept within bounds when another tab removes phases.
    let slide = RwSignal::new(0_usize);
    let shown = Memo::new(move |_| slide.get().min(phases.get()));
    let go = move |to: usize| slide.set(to.min(phases.get_untracked()));
    let step = move |forward: bool| {
        let now = shown.get_untracked();
        go(if forward {
            now + 1
        } else {
            now.saturating_sub(1)
        });
    };

    // The one change presentation mode makes: a vote on a pain point or an idea, each a step of
    // its own to undo. The card follows it (`Votes`), not the slide, which is built again for
    // any other change; should that come at once, focus goes back to the card voted on.
    let cast = {
        let id = id.clone();
        Callback::new(move |(card, up): (Id, bool)| {
            let now =
                map.with_untracked(|m| m.as_ref().and_then(|m| m.card(&card)).map(|c| c.votes));
            let Some(now) = now else { return };
            let votes = if up {
                now.saturating_add(1)
            } else {
                now.saturating_sub(1)
            };
            let edit = LibraryEdit::Map {
                id: id.clone(),
                edit: Edit::SetVotes {
                    card: card.clone(),
                    votes,
                },
            };
            if session.apply(edit).is_ok() {
                focus::restore(focus::focused(), card_id(&card));
            }
        })
    };
    let vote = Votes {
        cast,
        card: {
            let id = id.clone();
            Callback::new(move |card: Id| {
                let part = Topic::Part(id.clone(), Part::Item(card.clone()));
                session
                    .library
                    .read(part, |l| l.map(&id)?.card(&card).cloned())
            })
        },
    };
    let unvoted = Memo::new(move |_| map.get().map(JourneyMap::without_votes));
    let editor = Route::Map(id).href();
    let leave = move || {
        leave_full_screen();
        let _ = window().location().set_hash(&editor);
    };
    let leave = StoredValue::new(leave);

    if let Some(root) = document().document_element() {
        quietly(root.into(), "requestFullscreen");
    }
    let was_full = StoredValue::new(false);
    // The browser itself ends full screen on Escape (pages do not get that key then): leave with it.
    let screen = window_event_listener_untyped("fullscreenchange", move |_| {
        if document().fullscreen_element().is_some() {
            was_full.set_value(true);
        } else if was_full.get_value() {
            leave.with_value(|leave| leave());
        }
    });
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        let typing = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA"));
        if typing || ev.alt_key() || ev.ctrl_key() || ev.meta_key() {
            return;
        }
        match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" | "PageDown" => step(true),
            "ArrowLeft" | "ArrowUp" | "PageUp" => step(false),
            "Home" => go(0),
            "End" => go(phases.get_untracked()),
            "Escape" => leave.with_value(|leave| leave()),
            _ => return,
        }
        ev.prevent_default();
    });
    on_cleanup(move || {
        screen.remove();
        keys.remove();
        leave_full_screen();
    });

    let lang = move || session.settings.lang();
    let title = move || map.with(|m| m.as_ref().map(|m| m.title.clone()).unwrap_or_default());
    let names = Memo::new(move |_| {
        map.with(|m| {
            m.as_ref()
                .map(|m| m.phases.iter().map(|p| p.name.clone()).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    let where_now = move || match shown.get() {
        0 => lang().t(Text::WholeJourney).to_owned(),
        n => format!(
            "{} {n} / {}: {}",
            lang().t(Text::Phase),
            phases.get(),
            names.with(|names| names.get(n - 1).cloned().unwrap_or_default())
        ),
    };
    // What the charts of the shown slide draw: the whole map, or the map cut down to one phase
    // (whose slide has no customer base: that is the whole journey's). A memo: the slide's
    // charts read it several times.
    let charted = Memo::new(move |_| {
        let n = shown.get();
        map.get().map(|mut m| {
            if n > 0 {
                m.phases = m.phases.into_iter().skip(n - 1).take(1).collect();
                m.customer_base = None;
            }
            m
        })
    });

    view! {
        <Show when=move || map.with(Option::is_some) fallback=|| view! { <p class="empty" role="alert">{tr(Text::MapNotFound)}</p> }>
            <section class="presentation" aria-labelledby="presentation-title">
                <header class="presentation-bar">
                    <h1 id="presentation-title">{title}</h1>
                    <WorkshopTimer large=true />
                    <button type="button" class="secondary" on:click=move |_| leave.with_value(|leave| leave())>
                        {tr(Text::LeavePresentation)}
                    </button>
                </header>
                <nav class="slide-list" aria-label=move || lang().t(Text::Slides)>
                    <ol>
                        <li>
                            <button type="button" aria-current=move || (shown.get() == 0).then_some("step") on:click=move |_| go(0)>
                                {tr(Text::WholeJourney)}
                            </button>
                        </li>
                        {move || names.get().into_iter().enumerate().map(|(i, name)| view! {
                            <li>
                                <button type="button" aria-current=move || (shown.get() == i + 1).then_some("step") on:click=move |_| go(i + 1)>
                                    {format!("{}. {name}", i + 1)}
                                </button>
                            </li>
                        }).collect_view()}
                    </ol>
                </nav>
                <p class="visually-hidden" role="status">{where_now}</p>
                <div class="slide" class:phase-view=move || { shown.get() > 0 }>
                    {move || {
                        // Read, not only tracked: a memo tracked unread is first worked out at the
                        // next change, which then counts as one.
                        unvoted.with(|_| ());
                        let m = map.get_untracked()?;
                        Some(match shown.get() {
                            0 => view! {
                                <h2 class="visually-hidden">{tr(Text::WholeJourney)}</h2>
                                <p class="presentation-description">{m.description.clone()}</p>
                                <ReadOnlyPhases map=m vote />
                            }.into_any(),
                            n => {
                                let context = PhaseContext::of(&m, Some(vote));
                                let phase = m.phases.into_iter().nth(n - 1)?;
                                let color = phase.color.to_string();
                                view! {
                                    <div class="phase-slide" style:border-top-color=color>
                                        <ReadOnlyPhase phase context />
                                    </div>
                                }.into_any()
                            }
                        })
                    }}
                    <SlideCharts map=charted.into() />
                </div>
                <footer class="slide-steps">
                    <button type="button" disabled=move || shown.get() == 0 on:click=move |_| step(false)>
                        "← " {tr(Text::PreviousSlide)}
                    </button>
                    <span aria-hidden="true">{move || format!("{} / {}", shown.get() + 1, phases.get() + 1)}</span>
                    <button type="button" disabled=move || { shown.get() >= phases.get() } on:click=move |_| step(true)>
                        {tr(Text::NextSlide)} " →"
                    </button>
                </footer>
            </section>
        </Show>
    }
}

fn leave_full_screen() {
    if document().fullscreen_element().is_some() {
        quietly(document().into(), "exitFullscreen");
    }
}

/// Calls a browser method that answers with a promise (full screen may be refused, for example
/// outside a click or by policy) and lets a refusal pass: presenting works without it.
fn quietly(target: JsValue, method: &str) {
    let call = js_sys::Reflect::get(&target, &method.into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call0(&target).ok())
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
    if let Some(promise) = call {
        leptos::task::spawn_local(async move {
            let _ = JsFuture::from(promise).await;
        });
    }
}
