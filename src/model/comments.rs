//! Comments on cards and phases: threads to write, answer, resolve and reopen, between
//! workshops and in a live session. The rules live here, so that an edit, an imported file and
//! a live room's update refuse the same things.

use super::values::is_rfc3339;
use super::workshop::Refusal;
use super::{limits, Id, JourneyMap};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

/// One comment: the first of a thread about a card or a phase, or a reply in that thread.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Comment {
    pub id: Id,
    /// The card (touchpoint, KPI or lane card) or phase it is about. A thread stays when its
    /// card goes, so that nothing said is lost.
    pub on: Id,
    /// The first comment of the thread it answers; none where it starts a thread. Threads are
    /// one level deep, as in the peers: a reply to a reply joins the same thread.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply_to: Option<Id>,
    /// The name its writer gave.
    pub author: String,
    /// The writer's browser, as a mark that names no one: the app lets only that browser edit
    /// or delete it.
    pub by: String,
    /// Empty once deleted where replies hold the thread together.
    pub text: String,
    pub at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edited_at: Option<String>,
    /// Set on a thread's first comment: the thread is settled.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub resolved: bool,
    /// Who it mentions (a persona of the map, a participant of the session), each written in
    /// its text after an @.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mentions: Vec<String>,
}

impl super::workshop::Fields for Comment {
    const FIELDS: &'static [&'static str] = &[
        "id",
        "on",
        "reply_to",
        "author",
        "by",
        "text",
        "at",
        "edited_at",
        "resolved",
        "mentions",
    ];
}

impl Comment {
    pub fn starts_thread(&self) -> bool {
        self.reply_to.is_none()
    }

    /// The id of the thread it belongs to: its own, or the one it answers.
    pub fn thread(&self) -> &str {
        self.reply_to.as_deref().unwrap_or(&self.id)
    }

    pub fn is_deleted(&self) -> bool {
        self.text.is_empty()
    }

    /// What a comment must be on its own, wherever it comes from.
    pub fn check(&self) -> Result<(), Refusal> {
        let name_fits = |n: &str| n.chars().count() <= limits::NAME_CHARS;
        let fits = !self.id.is_empty()
            && !self.on.is_empty()
            && name_fits(&self.author)
            && name_fits(&self.by)
            && is_rfc3339(&self.at)
            && self.edited_at.as_deref().is_none_or(is_rfc3339)
            && (!self.resolved || self.starts_thread());
        if !fits {
            return Err(Refusal::Comment);
        }
        if limits::text_over(&self.text).is_some() {
            return Err(Refusal::CommentLength);
        }
        if self.mentions.len() > limits::MENTIONS
            || self
                .mentions
                .iter()
                .any(|m| m.trim().is_empty() || !name_fits(m) || !mentioned(&self.text, m))
        {
            return Err(Refusal::Mention);
        }
        Ok(())
    }
}

/// What follows each @ in `text` that starts a word (not the one in an e-mail address).
fn after_ats(text: &str) -> impl Iterator<Item = &str> {
    text.match_indices('@').filter_map(|(at, _)| {
        let starts_word = text[..at]
            .chars()
            .next_back()
            .is_none_or(char::is_whitespace);
        starts_word.then(|| &text[at + 1..])
    })
}

/// Whether `text` names `name` after an @ that starts a word.
pub fn mentioned(text: &str, name: &str) -> bool {
    after_ats(text).any(|rest| rest.starts_with(name))
}

/// The words after an @ that starts a word in `text` that none of `names` begins: mentions of
/// no one.
pub fn unknown_mentions<'a>(text: &'a str, names: &[&str]) -> Vec<&'a str> {
    after_ats(text)
        .filter(|rest| !names.iter().any(|n| rest.starts_with(n)))
        .filter_map(|rest| rest.split(char::is_whitespace).next())
        .filter(|word| !word.is_empty())
        .collect()
}

/// Which of `names` `text` mentions, each once; where one name starts another ("Anna" and
/// "Anna Bakker"), the longest that fits is taken.
pub fn mentions_in(text: &str, names: &[&str]) -> Vec<String> {
    let mut longest_first: Vec<&str> = names.iter().copied().filter(|n| !n.is_empty()).collect();
    longest_first.sort_by_key(|n| std::cmp::Reverse(n.len()));
    let mut found: Vec<String> = Vec::new();
    for rest in after_ats(text) {
        if let Some(name) = longest_first.iter().find(|n| rest.starts_with(**n)) {
            if !found.iter().any(|f| f == name) {
                found.push((*name).to_owned());
            }
        }
    }
    found
}

impl JourneyMap {
    pub fn comment(&self, id: &str) -> Option<&Comment> {
        self.comments.iter().find(|c| c.id == id)
    }

    /// The threads on `on`, each its first comment and its replies, oldest first.
    pub fn threads_on(&self, on: &str) -> Vec<(&Comment, Vec<&Comment>)> {
        self.comments
            .iter()
            .filter(|c| c.on == on && c.starts_thread())
            .map(|first| (first, self.replies(&first.id)))
            .collect()
    }

    pub fn replies(&self, thread: &str) -> Vec<&Comment> {
        self.comments
            .iter()
            .filter(|c| c.reply_to.as_deref() == Some(thread))
            .collect()
    }

    /// What a thread is on, in words: its phase's name, and the card's text where it is on a
    /// card; none where that has been deleted.
    pub fn place_of(&self, on: &str) -> Option<(&str, Option<&str>)> {
        if let Some(phase) = self.phase(on) {
            return Some((&phase.name, None));
        }
        let (p, _) = self.position_of(on)?;
        let text = self
            .touchpoint(on)
            .map(|t| t.name.as_str())
            .or_else(|| self.kpi(on).map(|k| k.name.as_str()))
            .or_else(|| self.card(on).map(|c| c.text.as_str()));
        Some((&self.phases[p].name, text))
    }

    /// How many threads on each card or phase are open.
    pub fn open_threads(&self) -> HashMap<&str, usize> {
        let mut open = HashMap::new();
        for c in self
            .comments
            .iter()
            .filter(|c| c.starts_thread() && !c.resolved)
        {
            *open.entry(c.on.as_str()).or_default() += 1;
        }
        open
    }

    /// The names a comment may mention: the map's personas and `people` (the participants of a
    /// live session).
    pub fn mentionable<'a>(&'a self, people: &'a [String]) -> Vec<&'a str> {
        let personas = self.personas.iter().map(|p| p.name.trim());
        personas
            .chain(people.iter().map(|p| p.trim()))
            .filter(|n| !n.is_empty())
            .collect()
    }

    /// Whether `comments` keep every rule together: each alone, at most [`limits::COMMENTS`],
    /// unique ids, and each reply answering a thread's first comment on the same card.
    pub fn check_comments(comments: &[Comment]) -> Result<(), Refusal> {
        if comments.len() > limits::COMMENTS {
            return Err(Refusal::Comment);
        }
        let mut firsts: HashMap<&str, &str> = HashMap::new();
        let mut ids = HashSet::new();
        for c in comments {
            c.check()?;
            if !ids.insert(c.id.as_str()) {
                return Err(Refusal::Comment);
            }
            if c.starts_thread() {
                firsts.insert(&c.id, &c.on);
            }
        }
        let answers_a_thread = |c: &Comment| {
            c.reply_to
                .as_deref()
                .is_none_or(|t| firsts.get(t) == Some(&c.on.as_str()))
        };
        if comments.iter().all(answers_a_thread) {
            Ok(())
        } else {
            Err(Refusal::Thread)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mention_is_a_name_after_an_at_that_starts_a_word() {
        assert!(mentioned("ask @Anna Bakker", "Anna Bakker"));
        assert!(mentioned("@Anna", "Anna"));
        assert!(!mentioned("mail anna@Anna.nl", "Anna"));
        assert!(!mentioned("Anna", "Anna"));
        let names = ["Anna", "Anna Bakker", "Bram"];
        assert_eq!(
            mentions_in("@Anna Bakker and @Bram, not @Bram again", &names),
            vec!["Anna Bakker".to_owned(), "Bram".to_owned()]
        );
        assert_eq!(
            unknown_mentions("@Bram and @Nobody at x@y", &names),
            vec!["Nobody"]
        );
        assert!(unknown_mentions("an @ alone", &names).is_empty());
    }
}
