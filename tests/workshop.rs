//! The workshop helpers that have rules of their own: the countdown timer.

use journey_mapper::model::timer::{clock, Countdown, MAX_MINUTES};

#[test]
fn a_countdown_runs_pauses_resumes_and_ends_once() {
    let ready = Countdown::minutes(5);
    assert_eq!(ready.left(0.0), 300_000.0);
    let running = ready.start(1_000.0);
    assert!(running.is_running());
    assert_eq!(running.left(61_000.0), 240_000.0);

    // A pause keeps what was left, however long it lasts.
    let paused = running.pause(61_000.0);
    assert_eq!(paused.left(999_999.0), 240_000.0);
    let resumed = paused.start(500_000.0);
    assert_eq!(resumed.left(500_000.0), 240_000.0);

    assert!(resumed.at(739_999.0).is_running());
    let done = resumed.at(740_000.0);
    assert_eq!(done, Countdown::Done { length: 300_000.0 });
    assert_eq!(done.left(800_000.0), 0.0);
    // Done stays done: the end is signalled once, not at every tick.
    assert_eq!(done.at(900_000.0), done);

    // Reset forgets progress and keeps the length; a finished countdown can run again.
    assert_eq!(paused.reset(), ready);
    assert_eq!(done.start(0.0).left(0.0), 300_000.0);
}

#[test]
fn starting_twice_or_pausing_a_stopped_countdown_changes_nothing() {
    let running = Countdown::minutes(1).start(0.0);
    assert_eq!(running.start(30_000.0), running);
    let ready = Countdown::minutes(1);
    assert_eq!(ready.pause(10.0), ready);
}

#[test]
fn lengths_stay_within_reason() {
    assert_eq!(Countdown::minutes(0).left(0.0), 60_000.0);
    assert_eq!(
        Countdown::minutes(10_000).left(0.0),
        f64::from(MAX_MINUTES) * 60_000.0
    );
}

#[test]
fn the_clock_rounds_up_so_zero_means_time_is_up() {
    assert_eq!(clock(300_000.0), "5:00");
    assert_eq!(clock(245_000.0), "4:05");
    assert_eq!(clock(0.4), "0:01");
    assert_eq!(clock(0.0), "0:00");
    assert_eq!(clock(-5.0), "0:00");
    assert_eq!(clock(f64::from(MAX_MINUTES) * 60_000.0), "180:00");
}

mod backup_reminder {
    use journey_mapper::model::backup::{unexported, REMIND_AFTER_DAYS};
    use journey_mapper::model::JourneyMap;
    use std::collections::BTreeMap;

    fn map(id: &str, created: &str, updated: &str) -> JourneyMap {
        let mut map = JourneyMap::new(id, id);
        map.created_at = created.into();
        map.updated_at = updated.into();
        map
    }

    fn ids(maps: Vec<&JourneyMap>) -> Vec<&str> {
        maps.into_iter().map(|m| m.id.as_str()).collect()
    }

    #[test]
    fn a_map_never_exported_is_due_some_days_after_it_was_made() {
        let maps = [map("a", "2026-11-20T09:00:00Z", "2026-11-20T10:00:00Z")];
        let none = BTreeMap::new();
        assert_eq!(REMIND_AFTER_DAYS, 3);
        assert!(unexported(&maps, &none, "2026-11-22T23:59:00Z").is_empty());
        assert_eq!(ids(unexported(&maps, &none, "2026-11-23T00:01:00Z")), ["a"]);
    }

    #[test]
    fn an_export_holds_until_the_map_changes_and_days_pass() {
        let exported = BTreeMap::from([("a".to_owned(), "2026-11-10T12:00:00Z".to_owned())]);
        // Unchanged since the export: nothing to remind about, however long ago.
        let same = [map("a", "2026-11-01T09:00:00Z", "2026-11-10T11:00:00Z")];
        assert!(unexported(&same, &exported, "2026-12-31T00:00:00Z").is_empty());
        // Changed after the export: due once the export is old enough.
        let changed = [map("a", "2026-11-01T09:00:00Z", "2026-11-11T08:00:00Z")];
        assert!(unexported(&changed, &exported, "2026-11-12T00:00:00Z").is_empty());
        assert_eq!(
            ids(unexported(&changed, &exported, "2026-11-13T00:00:00Z")),
            ["a"]
        );
    }

    #[test]
    fn maps_without_readable_times_and_a_bad_clock_remind_of_nothing() {
        let maps = [map("a", "", "")];
        assert!(unexported(&maps, &BTreeMap::new(), "2026-11-23T00:00:00Z").is_empty());
        let maps = [map("b", "2020-01-01T00:00:00Z", "2020-01-01T00:00:00Z")];
        assert!(unexported(&maps, &BTreeMap::new(), "not a time").is_empty());
        assert_eq!(
            ids(unexported(&maps, &BTreeMap::new(), "2026-11-23T00:00:00Z")),
            ["b"]
        );
    }
}

#[test]
fn the_reminder_says_the_number_of_days_it_waits() {
    use journey_mapper::i18n::{Lang, Text};
    use journey_mapper::model::backup::REMIND_AFTER_DAYS;
    let days = REMIND_AFTER_DAYS.to_string();
    assert!(Lang::En
        .t(Text::BackupDue)
        .contains(&format!("{days} days")));
    assert!(Lang::Nl
        .t(Text::BackupDue)
        .contains(&format!("{days} dagen")));
}

mod decisions {
    use journey_mapper::model::generate::{self, Size};
    use journey_mapper::model::workshop::{Action, Ballot, Refusal, Round, Score};
    use journey_mapper::model::{
        Date, Edit, EditError, Id, JourneyMap, LaneKind, WorkshopEdit as W,
    };

    fn map() -> JourneyMap {
        generate::map(3, Size::WORKSHOP)
    }

    fn lane(map: &JourneyMap, kind: LaneKind) -> Id {
        map.lanes
            .iter()
            .find(|l| l.kind == kind)
            .unwrap()
            .id
            .clone()
    }

    /// The ids of the first `n` cards of `lane`, across the phases.
    fn cards(map: &JourneyMap, lane: &str, n: usize) -> Vec<Id> {
        let ids = map.phases.iter().flat_map(|p| p.lane_cards(lane));
        ids.take(n).map(|c| c.id.clone()).collect()
    }

    fn round(map: &JourneyMap, lanes: Vec<Id>) -> Round {
        Round {
            id: map.fresh_id("round"),
            name: "Before the break".into(),
            started_at: "2026-12-06T10:00:00Z".into(),
            minutes: Some(5),
            ended_at: None,
            voted_lanes: lanes,
            dots: 3,
            per_card: 2,
            hidden: true,
            named: true,
            ballots: Vec::new(),
        }
    }

    fn vote(round: &str, ballot: &str, card: &str, dots: u32) -> Edit {
        Edit::Workshop(W::Vote {
            round: round.into(),
            ballot: ballot.into(),
            name: format!("Voter {ballot}"),
            people: 1,
            card: card.into(),
            dots,
        })
    }

    fn refusal(result: Result<Edit, EditError>) -> Refusal {
        match result {
            Err(EditError::Workshop(r)) => r,
            other => panic!("expected a workshop refusal, got {other:?}"),
        }
    }

    #[test]
    fn a_blind_round_keeps_each_voters_budget_and_ends_for_good() {
        let mut map = map();
        let before = map.clone();
        let ideas = lane(&map, LaneKind::Opportunities);
        let [a, b, c] = <[Id; 3]>::try_from(cards(&map, &ideas, 3)).unwrap();
        let r = round(&map, vec![ideas.clone()]);
        let id = r.id.clone();
        let mut undo = Vec::new();
        let mut step = |map: &mut JourneyMap, edit: Edit| undo.push(map.apply(edit).unwrap());
        step(
            &mut map,
            Edit::Workshop(W::InsertRound { index: 0, round: r }),
        );
        step(&mut map, vote(&id, "anna", &a, 2));
        step(&mut map, vote(&id, "anna", &b, 1));
        step(&mut map, vote(&id, "bram", &a, 1));
        assert_eq!(
            refusal(map.clone().apply(vote(&id, "anna", &c, 1))),
            Refusal::NoDotsLeft { dots: 3 },
            "Anna's three dots are used"
        );
        assert_eq!(
            refusal(map.clone().apply(vote(&id, "bram", &b, 3))),
            Refusal::PerCard { per_card: 2 }
        );
        // A dot taken back is a dot to give again.
        step(&mut map, vote(&id, "anna", &b, 0));
        step(&mut map, vote(&id, "anna", &c, 1));
        let round = map.round(&id).unwrap();
        assert_eq!(round.ballots.len(), 2, "who voted: Anna and Bram");
        assert_eq!(round.ballot("anna").unwrap().used(), 3);
        assert_eq!(round.totals().get(a.as_str()), Some(&3));
        assert_eq!(round.totals().get(b.as_str()), None);

        let end = W::EndRound {
            round: id.clone(),
            ended_at: Some("2026-12-06T10:05:00Z".into()),
        };
        step(&mut map, Edit::Workshop(end));
        assert_eq!(
            refusal(map.clone().apply(vote(&id, "bram", &c, 1))),
            Refusal::Ended
        );
        assert_eq!(
            refusal(map.clone().apply(vote(&id, "anna", &c, 0))),
            Refusal::Ended,
            "nor can a dot be taken back"
        );
        assert!(map.open_round().is_none());
        // Every step undone in turn gives back the map as it was.
        for edit in undo.into_iter().rev() {
            map.apply(edit).unwrap();
        }
        assert_eq!(map, before);
    }

    #[test]
    fn votes_outside_the_rounds_lanes_a_second_open_round_and_names_in_an_anonymous_round_are_refused(
    ) {
        let mut map = map();
        let ideas = lane(&map, LaneKind::Opportunities);
        let pains = lane(&map, LaneKind::PainPoints);
        let mut r = round(&map, vec![ideas.clone()]);
        r.named = false;
        let id = r.id.clone();
        map.apply(Edit::Workshop(W::InsertRound { index: 0, round: r }))
            .unwrap();
        let pain = cards(&map, &pains, 1).remove(0);
        assert_eq!(
            refusal(map.clone().apply(vote(&id, "anna", &pain, 1))),
            Refusal::NotVotedOn
        );
        let idea = cards(&map, &ideas, 1).remove(0);
        assert_eq!(
            refusal(map.clone().apply(vote(&id, "anna", &idea, 1))),
            Refusal::Anonymous
        );
        let unnamed = Edit::Workshop(W::Vote {
            round: id.clone(),
            ballot: "anna".into(),
            name: String::new(),
            people: 1,
            card: idea.clone(),
            dots: 1,
        });
        map.apply(unnamed).unwrap();
        let second = round(&map, vec![pains]);
        let start = Edit::Workshop(W::InsertRound {
            index: 1,
            round: second,
        });
        assert_eq!(refusal(map.clone().apply(start)), Refusal::AnotherOpen);
        // A ballot id may not be another thing's id: in a live room every id is a node.
        let clash = Edit::Workshop(W::Vote {
            round: id,
            ballot: idea.clone(),
            name: String::new(),
            people: 1,
            card: idea,
            dots: 1,
        });
        assert!(matches!(map.apply(clash), Err(EditError::DuplicateId(_))));
    }

    #[test]
    fn the_rooms_ballot_holds_the_dots_of_its_headcount() {
        let mut map = map();
        let ideas = lane(&map, LaneKind::Opportunities);
        let r = round(&map, vec![ideas.clone()]);
        let id = r.id.clone();
        map.apply(Edit::Workshop(W::InsertRound { index: 0, round: r }))
            .unwrap();
        let idea = cards(&map, &ideas, 1).remove(0);
        let room = |people, dots| {
            Edit::Workshop(W::Vote {
                round: id.clone(),
                ballot: "room".into(),
                name: "The room".into(),
                people,
                card: idea.clone(),
                dots,
            })
        };
        // Ten people, two dots each on this card at most.
        map.apply(room(10, 20)).unwrap();
        assert_eq!(
            refusal(map.clone().apply(room(10, 21))),
            Refusal::PerCard { per_card: 2 }
        );
        assert!(
            map.clone().apply(room(5, 20)).is_err(),
            "five people give at most 10"
        );
        // Some left at the break: with a headcount of 5 the room can still take dots back,
        // its ballot keeping the ten it was given with until its dots fit five.
        map.apply(room(5, 12)).unwrap();
        let ballot = |map: &JourneyMap| map.rounds[0].ballot("room").unwrap().clone();
        assert_eq!((ballot(&map).people, ballot(&map).used()), (10, 12));
        map.apply(room(5, 9)).unwrap();
        assert_eq!((ballot(&map).people, ballot(&map).used()), (5, 9));
        assert!(
            map.clone().apply(room(5, 11)).is_err(),
            "five give at most 10"
        );
    }

    #[test]
    fn scores_and_actions_are_kept_within_their_ranges_and_undone() {
        let mut map = map();
        let ideas = lane(&map, LaneKind::Opportunities);
        let idea = cards(&map, &ideas, 1).remove(0);
        let before = map.clone();
        let score = |customer, business, effort| {
            Edit::Workshop(W::SetScore {
                card: idea.clone(),
                score: Some(Score {
                    customer,
                    business,
                    effort,
                }),
            })
        };
        assert_eq!(refusal(map.clone().apply(score(6, 1, 1))), Refusal::Score);
        assert_eq!(refusal(map.clone().apply(score(1, 1, 0))), Refusal::Score);
        let undo_score = map.apply(score(5, 4, 2)).unwrap();
        assert_eq!(map.by_score()[0].0.card.id, idea);
        let action = Action {
            owner: "Anna".into(),
            due: Date::new(2027, 1, 15),
        };
        let undo_action = map
            .apply(Edit::Workshop(W::SetAction {
                card: idea.clone(),
                action: Some(action.clone()),
            }))
            .unwrap();
        assert_eq!(map.actions()[0].1, &action);
        let long = Edit::Workshop(W::SetAction {
            card: idea,
            action: Some(Action {
                owner: "x".repeat(20_001),
                due: None,
            }),
        });
        assert!(matches!(
            map.clone().apply(long),
            Err(EditError::TextLength(_))
        ));
        map.apply(undo_action).unwrap();
        map.apply(undo_score).unwrap();
        assert_eq!(map, before);
    }

    #[test]
    fn a_room_update_giving_dots_outside_the_rounds_lanes_is_refused() {
        let mut mine = map();
        let (ideas, does) = (
            lane(&mine, LaneKind::Opportunities),
            lane(&mine, LaneKind::Does),
        );
        let r = round(&mine, vec![ideas.clone()]);
        mine.rounds.push(r);
        let idea = mine.phases[0].lane_cards(&ideas)[0].id.clone();
        let done = mine.phases[0].lane_cards(&does)[0].id.clone();
        let with = |card: &str| {
            let mut next = mine.clone();
            next.rounds[0].ballots.push(Ballot {
                id: "b".into(),
                name: "Bram".into(),
                people: 1,
                dots: [(card.to_owned(), 1)].into(),
            });
            next
        };
        assert_eq!(mine.check_update(&with(&idea), &[]), Ok(()));
        assert_eq!(
            mine.check_update(&with(&done), &[]),
            Err(Refusal::NotVotedOn)
        );
        assert_eq!(
            mine.check_update(&with("no-such-card"), &[]),
            Err(Refusal::NotVotedOn)
        );
        // A dot on a card since deleted stays, and may be taken back.
        let voted = with(&idea);
        let mut gone = voted.clone();
        for phase in &mut gone.phases {
            if let Some(cards) = phase.cards.get_mut(&ideas) {
                cards.retain(|c| c.id != idea);
            }
        }
        assert_eq!(voted.check_update(&gone, &[]), Ok(()));
    }
}

mod comments {
    use journey_mapper::model::comments::{mentions_in, Comment};
    use journey_mapper::model::generate::{self, Size};
    use journey_mapper::model::workshop::Refusal;
    use journey_mapper::model::{CommentEdit as C, Edit, EditError, JourneyMap};

    fn comment(id: &str, on: &str, reply_to: Option<&str>, text: &str) -> Comment {
        Comment {
            id: id.into(),
            on: on.into(),
            reply_to: reply_to.map(Into::into),
            author: "Anna".into(),
            by: "mark-a".into(),
            text: text.into(),
            at: "2026-12-06T10:00:00Z".into(),
            edited_at: None,
            resolved: false,
            mentions: Vec::new(),
        }
    }

    fn insert(map: &mut JourneyMap, c: Comment) -> Result<Edit, EditError> {
        let index = map.comments.len();
        map.apply(Edit::Comment(C::Insert { index, comment: c }))
    }

    fn refusal(result: Result<Edit, EditError>) -> Refusal {
        match result {
            Err(EditError::Workshop(r)) => r,
            other => panic!("expected a refusal, got {other:?}"),
        }
    }

    #[test]
    fn a_thread_is_written_answered_resolved_and_undone_back_to_the_map_as_it_was() {
        let mut map = generate::map(1, Size::WORKSHOP);
        let before = map.clone();
        let card = map.phases[0].touchpoints[0].id.clone();
        let phase = map.phases[0].id.clone();
        let mut undo = Vec::new();
        undo.push(insert(&mut map, comment("c1", &card, None, "Why here?")).unwrap());
        undo.push(insert(&mut map, comment("c2", &card, Some("c1"), "Because.")).unwrap());
        undo.push(insert(&mut map, comment("c3", &phase, None, "On the phase")).unwrap());
        let resolve = Edit::Comment(C::Resolve {
            comment: "c1".into(),
            resolved: true,
        });
        undo.push(map.apply(resolve).unwrap());
        assert_eq!(map.open_threads().get(card.as_str()), None);
        assert_eq!(map.open_threads().get(phase.as_str()), Some(&1));
        let threads = map.threads_on(&card);
        assert_eq!(threads.len(), 1);
        assert_eq!(threads[0].1.len(), 1);
        // With a reply, the first comment keeps its place: its text may go, not itself.
        let remove = Edit::Comment(C::Remove {
            comment: "c1".into(),
        });
        assert_eq!(refusal(map.clone().apply(remove)), Refusal::HasReplies);
        let emptied = Edit::Comment(C::SetText {
            comment: "c1".into(),
            text: String::new(),
            mentions: Vec::new(),
            edited_at: Some("2026-12-06T10:05:00Z".into()),
        });
        undo.push(map.apply(emptied).unwrap());
        assert!(map.comment("c1").unwrap().is_deleted());
        // Its reply gone too, the thread is no more: not listed, not counted.
        let mut bare = map.clone();
        bare.apply(Edit::Comment(C::Remove {
            comment: "c2".into(),
        }))
        .unwrap();
        bare.apply(Edit::Comment(C::Resolve {
            comment: "c1".into(),
            resolved: false,
        }))
        .unwrap();
        assert!(bare.threads_on(&card).is_empty());
        assert_eq!(bare.open_threads().get(card.as_str()), None);
        while let Some(edit) = undo.pop() {
            map.apply(edit).unwrap();
        }
        assert_eq!(map, before);
    }

    #[test]
    fn empty_huge_misplaced_and_mentioning_no_one_are_refused() {
        let mut map = generate::map(1, Size::WORKSHOP);
        let card = map.phases[0].touchpoints[0].id.clone();
        let other = map.phases[0].touchpoints[1].id.clone();
        let before = map.clone();
        let r = |map: &mut JourneyMap, c| refusal(insert(map, c));
        assert_eq!(
            r(&mut map, comment("c", &card, None, "  ")),
            Refusal::CommentEmpty
        );
        let huge = "x".repeat(1_000_000);
        assert_eq!(
            r(&mut map, comment("c", &card, None, &huge)),
            Refusal::CommentLength
        );
        let mut nobody = comment("c", &card, None, "hello");
        nobody.mentions = vec!["Nobody".into()];
        assert_eq!(r(&mut map, nobody), Refusal::Mention);
        assert_eq!(
            r(&mut map, comment("c", &card, Some("none"), "hi")),
            Refusal::Thread
        );
        insert(&mut map, comment("c1", &card, None, "first")).unwrap();
        // A reply answers a thread on the same card, and a thread's first comment only.
        assert_eq!(
            r(&mut map, comment("c", &other, Some("c1"), "hi")),
            Refusal::Thread
        );
        insert(&mut map, comment("c2", &card, Some("c1"), "reply")).unwrap();
        assert_eq!(
            r(&mut map, comment("c", &card, Some("c2"), "hi")),
            Refusal::Thread
        );
        let mut resolved_reply = comment("c", &card, Some("c1"), "hi");
        resolved_reply.resolved = true;
        assert_eq!(r(&mut map, resolved_reply), Refusal::Comment);
        assert!(matches!(
            insert(&mut map, comment("c1", &card, None, "again")),
            Err(EditError::DuplicateId(_))
        ));
        map.comments.clear();
        assert_eq!(map, before, "nothing refused changed the map");
    }

    #[test]
    fn mentions_are_the_personas_and_the_participants_named_after_an_at() {
        let map = generate::map(1, Size::WORKSHOP);
        let people = vec!["Bram de Vries".to_owned()];
        let names = map.mentionable(&people);
        let persona = map.personas[0].name.clone();
        let text = format!("@{persona}, ask @Bram de Vries");
        assert_eq!(mentions_in(&text, &names), vec![persona, people[0].clone()]);
    }

    #[test]
    fn a_room_update_mentioning_no_one_in_the_room_is_refused() {
        let mine = generate::map(1, Size::WORKSHOP);
        let card = mine.phases[0].touchpoints[0].id.clone();
        let people = vec!["Bram".to_owned()];
        let mut next = mine.clone();
        let mut c = comment("c1", &card, None, "@Bram and @Nobody");
        c.mentions = vec!["Bram".into()];
        next.comments.push(c.clone());
        assert_eq!(mine.check_update(&next, &people), Ok(()));
        assert_eq!(
            mine.check_update(&next, &[]),
            Err(Refusal::Mention),
            "Bram left"
        );
        next.comments[0].mentions.push("Nobody".into());
        assert_eq!(mine.check_update(&next, &people), Err(Refusal::Mention));
        // Once taken in, a comment's mentions are not asked again when someone leaves.
        let mut kept = mine.clone();
        kept.comments.push(c);
        assert_eq!(kept.check_update(&kept.clone(), &[]), Ok(()));
    }

    #[test]
    fn a_room_update_that_writes_a_comment_over_a_card_is_refused() {
        let mine = generate::map(1, Size::WORKSHOP);
        let lane = mine.lanes[0].id.clone();
        let card = mine.phases[0].lane_cards(&lane)[0].id.clone();
        let mut next = mine.clone();
        next.phases[0].cards.get_mut(&lane).unwrap().remove(0);
        next.comments
            .push(comment(&card, &mine.phases[0].id, None, "mine now"));
        assert_eq!(mine.check_update(&next, &[]), Err(Refusal::Replaced));
    }
}
