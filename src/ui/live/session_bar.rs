use crate::i18n::Text;
use crate::model::facilitation::Follow;
use crate::model::workshop::Refusal;
use crate::ui::browser::focus;
use crate::ui::editor::cards::go_to;
use crate::ui::live::use_live;
use crate::ui::map::workshop_timer::Timer;
use crate::ui::session::open_map::use_open_map;
use crate::ui::{tr, use_lang};
use leptos::prelude::*;

/// How long after a keystroke someone still counts as typing.
const TYPING_MS: f64 = 10_000.0;

/// A live session as everyone on its map sees it, above the grid: who facilitates, whether the
/// map is locked or this user only watches, following the facilitator where they bring everyone (or not), and why an edit
/// was refused. It also keeps the timer the same for all: the facilitator's goes to the room,
/// the others show the room's.
#[component]
pub fn SessionBar() -> impl IntoView {
    let map = use_open_map();
    let live = use_live();
    let lang = use_lang();
    let timer = expect_context::<Timer>();
    let here = move || live.map().is_some_and(|id| id == map.id.get_value());
    let control = Memo::new(move |_| here().then(|| live.control()));
    let leads = move || here() && live.leads();
    // The place the facilitator last brought everyone to, once this user has been there (the
    // count starts again when the facilitator stops leading and leads again).
    let been = StoredValue::new(None::<Follow>);
    let missed = RwSignal::new(false);
    // When this user last typed anything.
    let typed = StoredValue::new(f64::NEG_INFINITY);
    let typing = window_event_listener(leptos::ev::input, move |_| {
        typed.set_value(js_sys::Date::now());
    });
    on_cleanup(move || typing.remove());
    let go = move |follow: Follow| {
        go_to(map, &follow.target, false);
        been.set_value(Some(follow));
        missed.set(false);
    };
    Effect::new(move |_| {
        let follow = control.with(|c| c.as_ref().and_then(|c| c.follow.clone()));
        let Some(follow) = follow.filter(|_| !leads() && live.following()) else {
            return;
        };
        if been.with_value(|b| b.as_ref() == Some(&follow)) {
            return;
        }
        // Someone typing is not taken away from what they type, nor from a comment they have
        // not posted yet (it would close with its card): they go when they choose.
        let busy = focus::text_field().is_some_and(|field| {
            let draft = field.closest(".comment-form").ok().flatten().is_some()
                && !js_sys::Reflect::get(&field, &"value".into())
                    .ok()
                    .and_then(|v| v.as_string())
                    .unwrap_or_default()
                    .is_empty();
            draft || js_sys::Date::now() - typed.get_value() < TYPING_MS
        });
        if busy {
            missed.set(true);
        } else {
            go(follow);
        }
    });
    Effect::new(move |_| {
        if leads() {
            live.share_timer(timer.countdown());
        } else if let Some(countdown) = control.with(|c| c.as_ref().and_then(|c| c.timer)) {
            timer.show(countdown);
        }
    });
    let refused = move || {
        map.session.guard.refused().filter(|_| here()).map(|r| {
            lang.get().t(match r {
                Refusal::FacilitatorOnly => Text::RefusedFacilitatorOnly,
                Refusal::Watching => Text::RefusedWatching,
                _ => Text::RefusedLocked,
            })
        })
    };
    let status = move || {
        let c = control.get()?;
        let lang = lang.get();
        let who = if leads() {
            lang.t(Text::YouFacilitate).to_owned()
        } else {
            lang.fill(Text::FacilitatedBy, &[("name", &c.facilitator)])
        };
        let locked = if live.watching() {
            Some(lang.t(Text::LiveWatching))
        } else {
            (c.locked && !leads()).then(|| lang.t(Text::MapLocked))
        };
        Some(view! {
            <p class="session-who"><bdi>{who}</bdi></p>
            {locked.map(|l| view! { <p class="session-locked">{l}</p> })}
        })
    };
    let following = move || {
        let c = control.get()?;
        let follow = c.follow.filter(|_| !leads())?;
        let lang = lang.get();
        let name = c.facilitator.clone();
        Some(if live.following() {
            view! {
                <p>{lang.fill(Text::Following, &[("name", &name)])}</p>
                {move || missed.get().then(|| {
                    let follow = follow.clone();
                    view! { <button type="button" on:click=move |_| go(follow.clone())>{tr(Text::GoToCard)}</button> }
                })}
                <button type="button" class="secondary" on:click=move |_| live.follow(false)>{tr(Text::StopFollowing)}</button>
            }
            .into_any()
        } else {
            view! {
                <button type="button" class="secondary" on:click=move |_| {
                    been.set_value(None);
                    live.follow(true);
                }>{lang.fill(Text::FollowAgain, &[("name", &name)])}</button>
            }
            .into_any()
        })
    };
    view! {
        <Show when=move || control.with(Option::is_some)>
            <div class="session-bar" role="group" aria-label=move || lang.get().t(Text::LiveSession)>
                {status}
                <div class="session-follow">{following}</div>
                <p class="field-error" role="alert">{refused}</p>
            </div>
        </Show>
    }
}
