//! A live session's facilitator and what everyone else may do. The one who started the session
//! leads it: locks the map so that the others can only vote and comment, brings everyone to a
//! phase or card, runs the timer for all and ends the session for all. Every browser holds the
//! others to the same rules twice: its own user's edits before they are applied, and what its
//! room's document receives from anyone, since a room can be written to by any client.

use super::edit::{CommentEdit, Edit, WorkshopEdit};
use super::timer::{Countdown, MAX_MINUTES};
use super::workshop::Refusal;
use super::Id;
use serde::{Deserialize, Serialize};

/// How the facilitator has set the session: the room holds it beside the map, and only the
/// facilitator's browser may change it (the others put it back).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Control {
    /// The facilitator's name as they joined; empty in a room started by an older release.
    pub facilitator: String,
    /// Participants may only vote and comment.
    pub locked: bool,
    /// Where the facilitator brings everyone; `None` while they do not lead.
    pub follow: Option<Follow>,
    /// The workshop timer, the same in every browser.
    pub timer: Option<Countdown>,
    /// The facilitator ended the session: everyone leaves it, keeping their copy.
    pub ended: bool,
}

/// A place the facilitator brought everyone to: a card or a phase, by id. `seq` counts the
/// times they did, so that bringing everyone back to the same place moves those who wandered.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Follow {
    pub target: Id,
    pub seq: u32,
}

impl Control {
    /// The control as a room's document gave it (JSON any client may have written), with what
    /// no facilitator's browser writes left out: a name longer than a live name, a timer whose
    /// times are not numbers of a countdown.
    pub fn from_room(json: &str) -> Control {
        let mut control: Control = serde_json::from_str(json).unwrap_or_default();
        control.facilitator = control.facilitator.chars().take(MAX_NAME).collect();
        if control.timer.is_some_and(|t| !is_sound(t)) {
            control.timer = None;
        }
        if control
            .follow
            .as_ref()
            .is_some_and(|f| f.target.len() > MAX_NAME)
        {
            control.follow = None;
        }
        control
    }
}

/// The longest name a live session takes (the join form's `maxlength`).
pub const MAX_NAME: usize = 60;

fn is_sound(timer: Countdown) -> bool {
    let length = timer.length();
    let most = f64::from(MAX_MINUTES) * 60_000.0;
    let fits = |ms: f64| ms.is_finite() && (0.0..=most).contains(&ms);
    fits(length)
        && match timer {
            Countdown::Running { ends_at, .. } => ends_at.is_finite(),
            Countdown::Paused { left, .. } => fits(left) && left <= length,
            Countdown::Ready { .. } | Countdown::Done { .. } => true,
        }
}

/// Who this browser's user is in a session.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Facilitator,
    Participant,
    /// Joined by the watch link: the server takes nothing from them, so neither does the app.
    Watcher,
}

/// What this browser's user may do to the map a session shares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Powers {
    pub role: Role,
    pub locked: bool,
}

/// What an object of a map is, as a room's document keeps it: the list its parent holds it in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Node {
    /// The map itself (its title, its goal).
    Map,
    Round,
    Ballot,
    Comment,
    /// A phase, a card, a persona, a lane, or anything else of the map's content.
    Content,
}

impl Node {
    /// The node kept in the document's list `list` (`""` for the map, `"rounds"`, `"cards.…"`).
    pub fn in_list(list: &str) -> Node {
        match list {
            "" => Node::Map,
            "rounds" => Node::Round,
            "ballots" => Node::Ballot,
            "comments" => Node::Comment,
            _ => Node::Content,
        }
    }
}

impl Powers {
    /// Whether this user may change the map beyond voting and commenting.
    pub fn edits(self) -> bool {
        match self.role {
            Role::Facilitator => true,
            Role::Participant => !self.locked,
            Role::Watcher => false,
        }
    }

    /// Why this user may not change the map beyond voting and commenting, if they may not.
    pub fn held(self) -> Option<Refusal> {
        match self.role {
            _ if self.edits() => None,
            Role::Watcher => Some(Refusal::Watching),
            _ => Some(Refusal::Locked),
        }
    }

    /// Whether this user may make `edit`: only the facilitator starts, ends and removes rounds,
    /// on a locked map the others may only vote and comment, and a watcher does nothing.
    pub fn allows(self, edit: &Edit) -> Result<(), Refusal> {
        match self.role {
            Role::Facilitator => return Ok(()),
            Role::Watcher => return Err(Refusal::Watching),
            Role::Participant => {}
        }
        match edit {
            Edit::Workshop(
                WorkshopEdit::InsertRound { .. }
                | WorkshopEdit::RemoveRound { .. }
                | WorkshopEdit::EndRound { .. },
            ) => Err(Refusal::FacilitatorOnly),
            _ if self.edits() => Ok(()),
            Edit::Workshop(WorkshopEdit::Vote { .. })
            | Edit::SetVotes { .. }
            | Edit::Comment(
                CommentEdit::Insert { .. }
                | CommentEdit::Remove { .. }
                | CommentEdit::SetText { .. }
                | CommentEdit::Resolve { .. },
            ) => Ok(()),
            _ => Err(Refusal::Locked),
        }
    }

    /// Whether a room's update may stand, whose `changed` nodes (each as what it is) were
    /// changed by someone who is not the facilitator: the same rules as [`Powers::allows`], on
    /// what the document says was written rather than on an edit.
    pub fn allows_changes(self, changed: impl IntoIterator<Item = Node>) -> Result<(), Refusal> {
        let mut refusal = None;
        for node in changed {
            match node {
                Node::Round => return Err(Refusal::FacilitatorOnly),
                Node::Ballot | Node::Comment => {}
                Node::Map | Node::Content if self.locked => refusal = Some(Refusal::Locked),
                Node::Map | Node::Content => {}
            }
        }
        refusal.map_or(Ok(()), Err)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TextField;

    const PARTICIPANT: Powers = Powers {
        role: Role::Participant,
        locked: false,
    };
    const LOCKED: Powers = Powers {
        role: Role::Participant,
        locked: true,
    };
    const FACILITATOR: Powers = Powers {
        role: Role::Facilitator,
        locked: true,
    };

    fn edits() -> (Edit, Edit, Edit, Edit) {
        let rename = Edit::SetText {
            field: TextField::MapTitle,
            value: "x".into(),
        };
        let start = Edit::Workshop(WorkshopEdit::RemoveRound { round: "r".into() });
        let vote = Edit::Workshop(WorkshopEdit::Vote {
            round: "r".into(),
            ballot: "b".into(),
            name: String::new(),
            people: 1,
            card: "c".into(),
            dots: 1,
        });
        let comment = Edit::Comment(CommentEdit::Resolve {
            comment: "c".into(),
            resolved: true,
        });
        (rename, start, vote, comment)
    }

    #[test]
    fn only_the_facilitator_runs_rounds_and_a_locked_map_takes_only_votes_and_comments() {
        let (rename, start, vote, comment) = edits();
        for edit in [&rename, &start, &vote, &comment] {
            assert_eq!(FACILITATOR.allows(edit), Ok(()));
        }
        assert_eq!(PARTICIPANT.allows(&rename), Ok(()));
        assert_eq!(PARTICIPANT.allows(&start), Err(Refusal::FacilitatorOnly));
        assert_eq!(LOCKED.allows(&start), Err(Refusal::FacilitatorOnly));
        assert_eq!(LOCKED.allows(&rename), Err(Refusal::Locked));
        assert_eq!(LOCKED.allows(&vote), Ok(()));
        assert_eq!(LOCKED.allows(&comment), Ok(()));
        let end = Edit::Workshop(WorkshopEdit::EndRound {
            round: "r".into(),
            ended_at: None,
        });
        assert_eq!(PARTICIPANT.allows(&end), Err(Refusal::FacilitatorOnly));
        let watcher = Powers {
            role: Role::Watcher,
            locked: false,
        };
        for edit in [&rename, &start, &vote, &comment, &end] {
            assert_eq!(watcher.allows(edit), Err(Refusal::Watching));
        }
        assert!(!watcher.edits());
    }

    #[test]
    fn a_rooms_changes_by_others_are_held_to_the_same_rules() {
        use Node::*;
        assert_eq!(PARTICIPANT.allows_changes([Map, Content, Ballot]), Ok(()));
        assert_eq!(
            PARTICIPANT.allows_changes([Content, Round]),
            Err(Refusal::FacilitatorOnly)
        );
        assert_eq!(LOCKED.allows_changes([Ballot, Comment]), Ok(()));
        assert_eq!(LOCKED.allows_changes([Comment, Map]), Err(Refusal::Locked));
        // A round touched as well says so, whatever came first.
        assert_eq!(
            LOCKED.allows_changes([Content, Round]),
            Err(Refusal::FacilitatorOnly)
        );
        assert_eq!(Node::in_list("cards.l1"), Content);
        assert_eq!(Node::in_list("rounds"), Round);
        assert_eq!(Node::in_list(""), Map);
    }

    #[test]
    fn a_rooms_control_keeps_only_what_a_facilitator_writes() {
        let sound = Control::from_room(
            r#"{"facilitator":"Anna","locked":true,"follow":{"target":"tp1","seq":3},
                "timer":{"Paused":{"length":600000,"left":1000}},"extra":1}"#,
        );
        assert_eq!(sound.facilitator, "Anna");
        assert!(sound.locked);
        assert_eq!(sound.follow.map(|f| f.seq), Some(3));
        assert!(sound.timer.is_some());
        let long = "x".repeat(1000);
        let hostile = Control::from_room(&format!(
            r#"{{"facilitator":"{long}","follow":{{"target":"{long}","seq":1}},
                "timer":{{"Paused":{{"length":600000,"left":9e99}}}}}}"#
        ));
        assert_eq!(hostile.facilitator.chars().count(), MAX_NAME);
        assert_eq!(hostile.follow, None);
        assert_eq!(hostile.timer, None);
        assert_eq!(Control::from_room("[1,2"), Control::default());
        assert_eq!(
            Control::from_room(r#"{"locked":"yes"}"#),
            Control::default()
        );
    }
}
