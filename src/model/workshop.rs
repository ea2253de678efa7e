//! A workshop's decisions: voting rounds with a budget of dots per person, and cards scored on
//! value and effort and chosen as actions. The checks live here, so that an edit, an imported
//! file and a live room's update refuse the same things.

use super::values::is_rfc3339;
use super::{limits, Date, Id, JourneyMap, Voted};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};

/// One round of dot voting, with its settings and everyone's dots.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Round {
    pub id: Id,
    /// The facilitator's name for it ("before the break"); may be empty.
    pub name: String,
    pub started_at: String,
    /// Minutes to vote, counted down for everyone from `started_at`; none: until it is ended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes: Option<u32>,
    /// When it was ended and its totals revealed; none while it is open.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended_at: Option<String>,
    /// The lanes whose cards are voted on. Not `lanes`: a live room's document takes every
    /// `lanes` for the map's list of lanes.
    pub voted_lanes: Vec<Id>,
    /// Dots each person has.
    pub dots: u32,
    /// The most dots one person may put on one card.
    pub per_card: u32,
    /// Whether the totals stay hidden until the round ends (else everyone sees them grow).
    pub hidden: bool,
    /// Whether who gave which dots is kept and shown; else only the totals are.
    pub named: bool,
    #[serde(default)]
    pub ballots: Vec<Ballot>,
}

/// The dots of one voter, or of the room where the facilitator clicks in everyone's dots.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Ballot {
    pub id: Id,
    /// Who voted; empty in an anonymous round.
    pub name: String,
    /// How many people these dots are from: one for someone voting in their own browser, the
    /// room's headcount where the facilitator clicks in the votes.
    pub people: u32,
    /// Dots by card id; a card without dots has no entry.
    pub dots: BTreeMap<Id, u32>,
}

/// What makes a round, a vote or a score impossible; [`super::EditError::Workshop`] carries it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Refusal {
    /// Settings out of their ranges (dots, dots per card, minutes, lanes, people).
    Settings,
    /// Another round is still open; one at a time.
    AnotherOpen,
    /// The round has ended: its dots stay as they were.
    Ended,
    /// The card is not in a lane this round votes on.
    NotVotedOn,
    /// More dots than a person has in this round.
    NoDotsLeft { dots: u32 },
    /// More dots on one card than one person may give it.
    PerCard { per_card: u32 },
    /// A name in an anonymous round.
    Anonymous,
    /// A score outside 1 to [`Score::MAX`].
    Score,
    /// A comment without its writer's name or time, or with a name too long, or resolved
    /// where it is a reply; or more comments than a map keeps.
    Comment,
    /// A comment longer than any text may be.
    CommentLength,
    /// A comment with no text.
    CommentEmpty,
    /// A mention of no persona or participant, or not written in the text.
    Mention,
    /// A reply to a comment that starts no thread on the same card.
    Thread,
    /// A comment with replies, deleted: its text goes, the thread stays.
    HasReplies,
    /// Something of the map written over by something else with its id, in a live room (a
    /// comment with a card's id would take the card's place).
    Replaced,
    /// A round started, ended or removed in a live session by someone who does not lead it.
    FacilitatorOnly,
    /// An edit other than a vote or a comment while the facilitator has locked the map.
    Locked,
    /// Any edit by someone who joined a live session by its watch link.
    Watching,
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refusal::Settings => write!(
                f,
                "a round has 1 to {} dots per person, at most that many per card, 1 to {} minutes and at least one lane",
                limits::DOTS,
                super::timer::MAX_MINUTES
            ),
            Refusal::AnotherOpen => write!(f, "another voting round is still open"),
            Refusal::Ended => write!(f, "this voting round has ended"),
            Refusal::NotVotedOn => write!(f, "this card is not in a lane of the round"),
            Refusal::NoDotsLeft { dots } => write!(f, "each person has {dots} dots in this round"),
            Refusal::PerCard { per_card } => {
                write!(f, "one person may give a card at most {per_card} dots")
            }
            Refusal::Anonymous => write!(f, "an anonymous round keeps no names"),
            Refusal::Score => write!(f, "scores go from 1 to {}", Score::MAX),
            Refusal::Comment => write!(f, "this comment lacks its writer or time, or there are more than {} comments", limits::COMMENTS),
            Refusal::CommentLength => write!(f, "a comment has at most {} characters", limits::TEXT_MAX_CHARS),
            Refusal::CommentEmpty => write!(f, "a comment needs some text"),
            Refusal::Mention => write!(f, "a comment mentions only personas and participants, by name after an @"),
            Refusal::Thread => write!(f, "a reply answers the first comment of a thread on the same card"),
            Refusal::HasReplies => write!(f, "a comment with replies keeps its place in the thread"),
            Refusal::Replaced => write!(f, "something on the map was replaced by something else with its id"),
            Refusal::FacilitatorOnly => write!(f, "only the facilitator starts and ends voting rounds"),
            Refusal::Locked => write!(f, "the facilitator has locked the map: you can vote and comment"),
            Refusal::Watching => write!(f, "you are watching this session: nothing can be changed from here"),
        }
    }
}

type Checked = Result<(), Refusal>;

/// The fields a type of the exchange format read through serde has, so that the reader can
/// warn about any other (a newer version's) instead of refusing the file, as it does for every
/// object; a test checks each list against what the type writes.
pub trait Fields {
    const FIELDS: &'static [&'static str];
}

impl Fields for Round {
    const FIELDS: &'static [&'static str] = &[
        "id",
        "name",
        "started_at",
        "minutes",
        "ended_at",
        "voted_lanes",
        "dots",
        "per_card",
        "hidden",
        "named",
        "ballots",
    ];
}

impl Fields for Ballot {
    const FIELDS: &'static [&'static str] = &["id", "name", "people", "dots"];
}

impl Fields for Score {
    const FIELDS: &'static [&'static str] = &["customer", "business", "effort"];
}

impl Fields for Action {
    const FIELDS: &'static [&'static str] = &["owner", "due"];
}

impl Round {
    pub fn is_open(&self) -> bool {
        self.ended_at.is_none()
    }

    /// The dots on each card, all ballots together.
    pub fn totals(&self) -> BTreeMap<&str, u32> {
        let mut totals = BTreeMap::new();
        for (card, dots) in self.ballots.iter().flat_map(|b| &b.dots) {
            *totals.entry(card.as_str()).or_default() += dots;
        }
        totals
    }

    pub fn ballot(&self, id: &str) -> Option<&Ballot> {
        self.ballots.iter().find(|b| b.id == id)
    }

    /// Whether `lane`'s cards are voted on in this round.
    pub fn votes_on(&self, lane: &str) -> bool {
        self.voted_lanes.iter().any(|l| l == lane)
    }

    /// Everything a round must be wherever it comes from; what it says about the map (which
    /// lanes and cards there are) is not checked, as lanes and cards may go after a round.
    pub fn check(&self) -> Checked {
        let settings_fit = (1..=limits::DOTS).contains(&self.dots)
            && (1..=self.dots).contains(&self.per_card)
            && self
                .minutes
                .is_none_or(|m| (1..=super::timer::MAX_MINUTES).contains(&m))
            && !self.voted_lanes.is_empty()
            && self.voted_lanes.len() <= limits::LANES
            && self.voted_lanes.iter().collect::<HashSet<_>>().len() == self.voted_lanes.len()
            && is_rfc3339(&self.started_at)
            && self.ended_at.as_deref().is_none_or(is_rfc3339)
            && limits::text_over(&self.name).is_none()
            && self.ballots.len() <= limits::BALLOTS;
        if !settings_fit {
            return Err(Refusal::Settings);
        }
        let mut ids = HashSet::new();
        for ballot in &self.ballots {
            if ballot.id.is_empty() || !ids.insert(ballot.id.as_str()) {
                return Err(Refusal::Settings);
            }
            self.check_ballot(ballot)?;
        }
        Ok(())
    }

    /// A ballot's dots within what its people may give, and its name as the round keeps names.
    pub fn check_ballot(&self, ballot: &Ballot) -> Checked {
        if !(1..=limits::PEOPLE_PER_BALLOT).contains(&ballot.people)
            || limits::text_over(&ballot.name).is_some()
        {
            return Err(Refusal::Settings);
        }
        if !self.named && !ballot.name.is_empty() {
            return Err(Refusal::Anonymous);
        }
        let per_card = self.per_card * ballot.people;
        if ballot.dots.values().any(|&d| d == 0 || d > per_card) {
            return Err(Refusal::PerCard {
                per_card: self.per_card,
            });
        }
        let used: u64 = ballot.dots.values().map(|&d| u64::from(d)).sum();
        if used > u64::from(self.dots * ballot.people) {
            return Err(Refusal::NoDotsLeft { dots: self.dots });
        }
        Ok(())
    }
}

impl Ballot {
    pub fn used(&self) -> u32 {
        self.dots.values().sum()
    }
}

/// A card's score, each from 1 to [`Score::MAX`]: the small, familiar scale of a workshop's
/// sticky dots, quick to agree on in a room and read the same by everyone.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Score {
    /// Value to the customer.
    pub customer: u8,
    /// Value to the business.
    pub business: u8,
    pub effort: u8,
}

/// Where a scored card lands on the priority matrix.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Quadrant {
    /// High value, low effort: do first.
    QuickWin,
    /// High value, high effort: plan.
    MajorProject,
    /// Low value, low effort: when there is time.
    FillIn,
    /// Low value, high effort: leave.
    Thankless,
}

impl Quadrant {
    /// Its name, as the matrix and the backlog say it.
    pub fn name(self) -> crate::i18n::Text {
        use crate::i18n::Text;
        match self {
            Quadrant::QuickWin => Text::QuickWins,
            Quadrant::MajorProject => Text::MajorProjects,
            Quadrant::FillIn => Text::FillIns,
            Quadrant::Thankless => Text::ThanklessTasks,
        }
    }
}

impl Score {
    pub const MAX: u8 = 5;
    /// The middle of the scale, where value and effort turn from low to high.
    pub const MIDDLE: f64 = 3.0;

    pub fn check(self) -> Checked {
        let fits = |n: u8| (1..=Score::MAX).contains(&n);
        if fits(self.customer) && fits(self.business) && fits(self.effort) {
            Ok(())
        } else {
            Err(Refusal::Score)
        }
    }

    /// Value to the customer and to the business, weighed alike.
    pub fn value(self) -> f64 {
        (f64::from(self.customer) + f64::from(self.business)) / 2.0
    }

    /// A card on a line counts as high value (worth doing) and high effort (not free).
    pub fn quadrant(self) -> Quadrant {
        match (
            self.value() >= Self::MIDDLE,
            f64::from(self.effort) >= Self::MIDDLE,
        ) {
            (true, false) => Quadrant::QuickWin,
            (true, true) => Quadrant::MajorProject,
            (false, false) => Quadrant::FillIn,
            (false, true) => Quadrant::Thankless,
        }
    }
}

/// A card chosen to be done: who follows it up, and by when.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Action {
    pub owner: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Date>,
}

impl JourneyMap {
    pub fn round(&self, id: &str) -> Option<&Round> {
        self.rounds.iter().find(|r| r.id == id)
    }

    /// The round open for votes, if any: at most one is.
    pub fn open_round(&self) -> Option<&Round> {
        self.rounds.iter().find(|r| r.is_open())
    }

    /// Scored cards, highest value first; equal value, least effort first; then as they stand.
    pub fn by_score(&self) -> Vec<(Voted<'_>, Score)> {
        let mut scored: Vec<_> = self
            .cards_of(|_| true)
            .into_iter()
            .filter_map(|p| p.card.score.map(|s| (p, s)))
            .collect();
        scored.sort_by(|(_, a), (_, b)| {
            b.value()
                .total_cmp(&a.value())
                .then(a.effort.cmp(&b.effort))
        });
        scored
    }

    /// The cards chosen as actions, soonest due first, then those without a date, in the map's
    /// order.
    pub fn actions(&self) -> Vec<(Voted<'_>, &Action)> {
        let mut actions: Vec<_> = self
            .cards_of(|_| true)
            .into_iter()
            .filter_map(|p| p.card.action.as_ref().map(|a| (p, a)))
            .collect();
        actions.sort_by_key(|(_, a)| (a.due.is_none(), a.due));
        actions
    }

    /// Which rule `rounds` break together, each already as [`Round::check`] allows (the
    /// reader checks each where it reads it, to say which): at most [`limits::ROUNDS`], and at
    /// most one open.
    pub fn check_rounds(rounds: &[Round]) -> Checked {
        if rounds.len() > limits::ROUNDS {
            return Err(Refusal::Settings);
        }
        if rounds.iter().filter(|r| r.is_open()).count() > 1 {
            return Err(Refusal::AnotherOpen);
        }
        Ok(())
    }
}

impl JourneyMap {
    /// Every id of the map with what it names: the grid (phases and what is in them), a
    /// persona, a lane, a round, a ballot, a comment.
    fn kinds(&self) -> HashMap<&str, u8> {
        let grid = self.phases.iter().flat_map(|p| p.ids()).map(|id| (id, 0));
        let personas = self.personas.iter().map(|p| (p.id.as_str(), 1));
        let lanes = self.lanes.iter().map(|l| (l.id.as_str(), 2));
        let rounds = self.rounds.iter().map(|r| (r.id.as_str(), 3));
        let ballots = self
            .rounds
            .iter()
            .flat_map(|r| &r.ballots)
            .map(|b| (b.id.as_str(), 4));
        let comments = self.comments.iter().map(|c| (c.id.as_str(), 5));
        grid.chain(personas)
            .chain(lanes)
            .chain(rounds)
            .chain(ballots)
            .chain(comments)
            .collect()
    }

    /// What a later state of this map from elsewhere (a live room, which any client can write
    /// to) may not have changed, though each state alone is well formed: what an id names (a
    /// card written over by a comment with its id); dots added to a round
    /// that had ended and still has; dots given in an open round outside its lanes; and a
    /// comment written or changed since may mention only the personas and `people` (who is in
    /// the room).
    pub fn check_update(&self, next: &JourneyMap, people: &[String]) -> Checked {
        let (was, is) = (self.kinds(), next.kinds());
        if is
            .iter()
            .any(|(id, kind)| was.get(id).is_some_and(|k| k != kind))
        {
            return Err(Refusal::Replaced);
        }
        self.check_changes(next, people)
    }

    /// What [`JourneyMap::check_update`] holds beyond what each id names: for a change whose
    /// objects were checked as they arrived (`model::nodes`), without a pass over every id.
    pub fn check_changes(&self, next: &JourneyMap, people: &[String]) -> Checked {
        // An ended round's dots may only go down: a late dot is refused, and the mend that takes
        // it away again accepted, whichever came first where (a room that can be written to by
        // anyone may also remove a round whole, as an undo does).
        let ended = self.rounds.iter().filter(|r| !r.is_open());
        for round in ended {
            let Some(after) = next.round(&round.id).filter(|a| !a.is_open()) else {
                continue;
            };
            let within = |b: &Ballot| {
                round.ballot(&b.id).is_some_and(|was| {
                    was.name == b.name
                        && was.people == b.people
                        && b.dots
                            .iter()
                            .all(|(card, &n)| n <= was.dots.get(card).copied().unwrap_or(0))
                })
            };
            if !after.ballots.iter().all(within) {
                return Err(Refusal::Ended);
            }
        }
        // Dots added or raised in an open round go on cards of its lanes, as a vote's do; a
        // card deleted meanwhile may keep the dots it had.
        for round in next.rounds.iter().filter(|r| r.is_open()) {
            let before = self.round(&round.id);
            for ballot in &round.ballots {
                let had = |card: &str| {
                    before
                        .and_then(|r| r.ballot(&ballot.id))
                        .and_then(|b| b.dots.get(card).copied())
                        .unwrap_or(0)
                };
                let misplaced = ballot.dots.iter().any(|(card, &n)| {
                    n > had(card)
                        && !next
                            .find_card(card)
                            .is_some_and(|(_, lane, _)| round.votes_on(lane))
                });
                if misplaced {
                    return Err(Refusal::NotVotedOn);
                }
            }
        }
        let names = next.mentionable(people);
        let changed = next.comments.iter().filter(|c| {
            self.comment(&c.id)
                .is_none_or(|was| was.mentions != c.mentions)
        });
        for comment in changed {
            if comment
                .mentions
                .iter()
                .any(|m| !names.contains(&m.as_str()))
            {
                return Err(Refusal::Mention);
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn round(id: &str, lanes: &[&str]) -> Round {
        Round {
            id: id.into(),
            name: String::new(),
            started_at: "2026-12-06T10:00:00Z".into(),
            minutes: Some(5),
            ended_at: None,
            voted_lanes: lanes.iter().map(|l| l.to_string()).collect(),
            dots: 3,
            per_card: 2,
            hidden: true,
            named: true,
            ballots: Vec::new(),
        }
    }

    fn ballot(id: &str, people: u32, dots: &[(&str, u32)]) -> Ballot {
        Ballot {
            id: id.into(),
            name: "Anna".into(),
            people,
            dots: dots.iter().map(|(c, d)| (c.to_string(), *d)).collect(),
        }
    }

    #[test]
    fn a_ballot_keeps_to_its_peoples_budget_and_limit_per_card() {
        let mut r = round("r", &["pains"]);
        r.ballots.push(ballot("a", 1, &[("x", 2), ("y", 1)]));
        assert_eq!(r.check(), Ok(()));
        r.ballots[0].dots.insert("z".into(), 1);
        assert_eq!(r.check(), Err(Refusal::NoDotsLeft { dots: 3 }));
        // The room's ballot: four people, four times the dots and the limit per card.
        r.ballots[0] = ballot("a", 4, &[("x", 8), ("y", 4)]);
        assert_eq!(r.check(), Ok(()));
        r.ballots[0].dots.insert("x".into(), 9);
        assert_eq!(r.check(), Err(Refusal::PerCard { per_card: 2 }));
        r.ballots[0].dots.insert("x".into(), 0);
        assert!(r.check().is_err(), "a card without dots has no entry");
    }

    #[test]
    fn settings_out_of_range_and_names_in_an_anonymous_round_are_refused() {
        let ok = round("r", &["pains"]);
        let broken: [fn(&mut Round); 8] = [
            |r| r.dots = 0,
            |r| r.dots = limits::DOTS + 1,
            |r| r.per_card = 4,
            |r| r.minutes = Some(0),
            |r| r.voted_lanes.clear(),
            |r| r.voted_lanes.push("pains".into()),
            |r| r.started_at = "today".into(),
            |r| r.ended_at = Some("later".into()),
        ];
        for (i, breaks) in broken.iter().enumerate() {
            let mut r = ok.clone();
            breaks(&mut r);
            assert_eq!(r.check(), Err(Refusal::Settings), "case {i}");
        }
        let mut r = ok.clone();
        r.named = false;
        r.ballots.push(ballot("a", 1, &[("x", 1)]));
        assert_eq!(r.check(), Err(Refusal::Anonymous));
        let mut r = ok;
        r.ballots.push(ballot("a", 1, &[]));
        r.ballots.push(ballot("a", 1, &[]));
        assert_eq!(r.check(), Err(Refusal::Settings), "ballot ids are unique");
    }

    #[test]
    fn totals_add_every_ballot() {
        let mut r = round("r", &["pains"]);
        r.ballots.push(ballot("a", 1, &[("x", 2), ("y", 1)]));
        r.ballots.push(ballot("b", 1, &[("x", 1)]));
        assert_eq!(r.totals(), BTreeMap::from([("x", 3), ("y", 1)]));
    }

    #[test]
    fn only_one_round_is_open_at_a_time() {
        let mut ended = round("a", &["p"]);
        ended.ended_at = Some("2026-12-06T10:05:00Z".into());
        let rounds = [ended, round("b", &["p"])];
        assert_eq!(JourneyMap::check_rounds(&rounds), Ok(()));
        let rounds = [round("a", &["p"]), round("b", &["p"])];
        assert_eq!(JourneyMap::check_rounds(&rounds), Err(Refusal::AnotherOpen));
    }

    #[test]
    fn an_update_from_elsewhere_may_not_add_to_the_dots_of_an_ended_round() {
        let mut map = crate::model::templates::Template::SeeThinkDoCare.build(
            crate::i18n::Lang::En,
            "m",
            "M",
        );
        let lane = map.lanes[3].id.clone();
        let card = map.phases[0].lane_cards(&lane)[0].id.clone();
        let mut ended = round("a", &[&lane]);
        ended.ended_at = Some("2026-12-06T10:05:00Z".into());
        ended.ballots.push(ballot("x", 1, &[(&card, 1)]));
        map.rounds = vec![ended, round("b", &[&lane])];
        let mut next = map.clone();
        next.rounds[1].ballots.push(ballot("y", 1, &[(&card, 2)]));
        assert_eq!(
            map.check_update(&next, &[]),
            Ok(()),
            "the open round's dots change"
        );
        let mut late = next.clone();
        late.rounds[0].ballots[0].dots.insert(card.clone(), 2);
        assert_eq!(map.check_update(&late, &[]), Err(Refusal::Ended));
        let mut new_ballot = next.clone();
        new_ballot.rounds[0]
            .ballots
            .push(ballot("z", 1, &[(&card, 1)]));
        assert_eq!(map.check_update(&new_ballot, &[]), Err(Refusal::Ended));
        // Taken away, a late dot goes: two browsers that saw the end and a late dot in either
        // order agree on the round as its end left it (else each would mend the other's).
        assert_eq!(late.check_update(&next, &[]), Ok(()));
        next.rounds.remove(0);
        assert_eq!(
            map.check_update(&next, &[]),
            Ok(()),
            "a round may go (an undo)"
        );
    }

    #[test]
    fn quadrants_split_at_the_middle_of_the_scale() {
        let s = |customer, business, effort| Score {
            customer,
            business,
            effort,
        };
        assert_eq!(s(5, 4, 1).quadrant(), Quadrant::QuickWin);
        assert_eq!(
            s(3, 3, 3).quadrant(),
            Quadrant::MajorProject,
            "on the lines"
        );
        assert_eq!(s(2, 3, 2).quadrant(), Quadrant::FillIn);
        assert_eq!(s(1, 1, 5).quadrant(), Quadrant::Thankless);
        assert_eq!(s(4, 3, 2).value(), 3.5);
        assert_eq!(s(0, 3, 2).check(), Err(Refusal::Score));
        assert_eq!(s(1, 6, 2).check(), Err(Refusal::Score));
        assert_eq!(s(5, 5, 5).check(), Ok(()));
    }
}
