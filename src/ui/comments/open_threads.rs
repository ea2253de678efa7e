use crate::charts::data::shorten;
use crate::i18n::Text;
use crate::model::{CommentEdit, Edit, Part};
use crate::ui::editor::cards::go_to;
use crate::ui::session::open_map::use_open_map;
use crate::ui::{tr, use_lang};
use leptos::prelude::*;

/// An open thread, as the list across the map shows it.
#[derive(Clone, PartialEq)]
struct Open {
    /// The thread's first comment.
    id: String,
    on: String,
    /// Where it is: the phase, and the card's text; none where its card was deleted.
    place: Option<String>,
    text: String,
    author: String,
    replies: usize,
}

/// Every open comment thread on the map, where it is, with a button that goes to its card; a
/// panel of the Workshop fold.
#[component]
pub fn OpenThreads() -> impl IntoView {
    let map = use_open_map();
    let lang = use_lang();
    let open = Memo::new(move |_| {
        // Where each thread is comes from its card or phase, which the comments do not follow:
        // read again when one of those is renamed, moved or deleted.
        map.with(Part::PhaseOrder, |_| ());
        let places: Vec<String> = map
            .with(Part::Comments, |m| {
                m.open_threads().into_keys().map(String::from).collect()
            })
            .unwrap_or_default();
        for on in places {
            map.with(Part::Item(on.clone()), |_| ());
            map.with(Part::Phase(on), |_| ());
        }
        map.with(Part::Comments, |m| {
            m.comments
                .iter()
                .filter(|c| m.is_open_thread(c))
                .map(|c| {
                    let place = m.place_of(&c.on).map(|(phase, card)| match card {
                        Some(card) => format!("{phase} · {card}"),
                        None => phase.to_owned(),
                    });
                    Open {
                        id: c.id.clone(),
                        on: c.on.clone(),
                        place,
                        text: shorten(&c.text, 140),
                        author: c.author.clone(),
                        replies: m.replies(&c.id).len(),
                    }
                })
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    let go = move |on: String| go_to(map, &on, true);
    let resolve = move |comment: String| {
        let _ = map.apply(Edit::Comment(CommentEdit::Resolve {
            comment,
            resolved: true,
        }));
    };
    view! {
        <details class="map-panel open-threads">
            <summary>
                <span class="panel-name">{tr(Text::OpenThreads)}</span>
                <span class="panel-state">{move || open.with(Vec::len).to_string()}</span>
            </summary>
            <Show when=move || open.with(Vec::is_empty)>
                <p class="empty">{tr(Text::NoOpenThreads)}</p>
            </Show>
            <ul>
                {move || open.get().into_iter().map(|t| {
                    let lang = lang.get();
                    let place = t.place.clone().unwrap_or_else(|| lang.t(Text::OnGoneCard).into());
                    let replies = lang.count(t.replies, Text::ThreadReplyOne, Text::ThreadReplies);
                    let gone = t.place.is_none();
                    let (on, first) = (t.on.clone(), t.id.clone());
                    view! {
                        <li>
                            <p class="card-meta">{place}</p>
                            <p class="comment-text">{t.text.clone()}</p>
                            <p class="card-meta">{t.author.clone()} " · " {replies}</p>
                            <div class="comment-actions">
                                {(!gone).then(|| view! {
                                    <button type="button" class="secondary" on:click=move |_| go(on.clone())>{tr(Text::GoToCard)}</button>
                                })}
                                // Here too, so that a thread whose card has gone can be settled.
                                <button type="button" class="secondary" on:click=move |_| resolve(first.clone())>{tr(Text::ResolveThread)}</button>
                            </div>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </details>
    }
}
