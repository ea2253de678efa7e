use super::voting::use_voting;
use crate::i18n::Text;
use crate::ui::use_lang;
use leptos::prelude::*;

/// Who has voted and how many of their dots they used, not on what; in an anonymous round
/// only how many ballots and dots.
#[component]
pub fn Voters() -> impl IntoView {
    let voting = use_voting();
    let lang = use_lang();
    move || {
        let lang = lang.get();
        voting.round.with(|r| {
            let r = r.as_ref()?;
            if r.ballots.is_empty() {
                return Some(view! { <p class="empty">{lang.t(Text::NobodyVoted)}</p> }.into_any());
            }
            if !r.named {
                let used: u32 = r.ballots.iter().map(|b| b.used()).sum();
                // The headcount the ballots claim, so a device voting for 500 stands out.
                let people: u32 = r.ballots.iter().map(|b| b.people).sum();
                let text = lang.fill(
                    Text::BallotsAnonymous,
                    &[
                        ("voters", &r.ballots.len().to_string()),
                        ("people", &people.to_string()),
                        ("used", &used.to_string()),
                    ],
                );
                return Some(view! { <p>{text}</p> }.into_any());
            }
            let items = r
                .ballots
                .iter()
                .map(|b| {
                    let name = match b.name.as_str() {
                        "" => lang.t(Text::UnnamedVoter).to_owned(),
                        name => name.to_owned(),
                    };
                    let text = lang.fill(
                        Text::VoterDots,
                        &[
                            ("name", &name),
                            ("used", &b.used().to_string()),
                            ("dots", &(r.dots * b.people).to_string()),
                        ],
                    );
                    view! { <li>{text}</li> }
                })
                .collect_view();
            Some(view! { <ul class="voters">{items}</ul> }.into_any())
        })
    }
}
