use crate::i18n::Text;
use crate::model::limits;
use crate::ui::live::use_live;
use crate::ui::session::open_map::use_open_map;
use crate::ui::{tr, use_lang};
use leptos::prelude::*;

/// A comment's text to post (a new thread, a reply, or an edit), with the writer's name where
/// this browser has none yet. `on_post` takes the text and says why it was refused, if it
/// was; posted, the field empties for the next.
#[component]
pub fn CommentForm(
    label: Text,
    submit: Text,
    #[prop(optional)] initial: String,
    on_post: Callback<String, Result<(), String>>,
    #[prop(optional)] on_cancel: Option<Callback<()>>,
) -> impl IntoView {
    let map = use_open_map();
    let settings = map.session.settings;
    let lang = use_lang();
    let text = RwSignal::new(initial);
    // The name a live session knows this person by, until they type another.
    let known = Some(settings.writer())
        .filter(|w| !w.is_empty())
        .or_else(|| use_live().my_name());
    let name = RwSignal::new(known.unwrap_or_default());
    // Asked until this browser has a name to sign with.
    let asking = RwSignal::new(settings.writer().is_empty());
    let message = RwSignal::new(None::<String>);
    let send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let body = text.get_untracked();
        if body.trim().is_empty() {
            return message.set(Some(
                lang.get_untracked().t(Text::RefusedCommentEmpty).into(),
            ));
        }
        // Typed here, the name is kept for the next; left empty, the one kept is used (it may
        // have been given in another form since this one was made).
        let typed: String = name
            .get_untracked()
            .trim()
            .chars()
            .take(limits::NAME_CHARS)
            .collect();
        if !typed.is_empty() && typed != settings.writer() {
            settings.set_writer(&typed);
        }
        match on_post.run(body) {
            Ok(()) => {
                text.set(String::new());
                message.set(None);
                asking.set(settings.writer().is_empty());
            }
            Err(why) => message.set(Some(why)),
        }
    };
    view! {
        // A draft is not the map's: Ctrl+Z here undoes its typing (the field's own undo), not the
        // map's last change.
        <form class="comment-form" on:submit=send on:keydown=|ev| {
            if ev.ctrl_key() || ev.meta_key() {
                ev.stop_propagation();
            }
        }>
            <label class="field">
                <span>{tr(label)}</span>
                <textarea rows="2" prop:value=text on:input=move |ev| text.set(event_target_value(&ev))></textarea>
            </label>
            {move || asking.get().then(|| view! {
                <label class="field">
                    <span>{tr(Text::YourCommentName)}</span>
                    <input type="text" maxlength=limits::NAME_CHARS prop:value=name on:input=move |ev| name.set(event_target_value(&ev)) />
                </label>
            })}
            <p class="form-problem" role="alert">{move || message.get()}</p>
            <div class="comment-actions">
                <button type="submit">{tr(submit)}</button>
                {on_cancel.map(|cancel| view! {
                    <button type="button" class="secondary" on:click=move |_| cancel.run(())>{tr(Text::CancelComment)}</button>
                })}
            </div>
        </form>
    }
}
