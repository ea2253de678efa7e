//! The map as a Mermaid `journey` diagram, to paste into documentation.

use super::{Emotion, JourneyMap};

/// Mermaid's journey scores run from 1 (bad) to 5 (good); an unrated touchpoint sits in the
/// middle, at 3, as Mermaid has no "not rated".
fn score(emotion: Option<Emotion>) -> i8 {
    emotion.map_or(3, |e| e.score() + 3)
}

/// User text as one Mermaid token: on one line, and without the characters that end a field
/// (`:`), a statement (`;`) or start a comment or entity (`%%`, `#`).
fn token(text: &str) -> String {
    let cleaned: String = text
        .chars()
        .map(|c| match c {
            ':' => '∶',
            ';' => ',',
            '#' => '♯',
            '\n' | '\r' | '\t' => ' ',
            // Mermaid's lexer skips what JavaScript calls white space, which has U+FEFF too.
            c if c.is_control() || c == '\u{feff}' => ' ',
            c => c,
        })
        .collect();
    let mut joined = String::with_capacity(cleaned.len());
    for word in cleaned.split_whitespace() {
        if !joined.is_empty() {
            joined.push(' ');
        }
        // Each run of "%" as one, however long: "%%%" halved once would still start a comment.
        for c in word.chars() {
            if !(c == '%' && joined.ends_with('%')) {
                joined.push(c);
            }
        }
    }
    let cleaned = joined;
    if cleaned.is_empty() {
        "–".into()
    } else {
        cleaned
    }
}

/// How lines start that Mermaid's journey grammar (its lexer, case-insensitive) reads as lines of
/// their own kind: the header anywhere it starts a line, `title` and `section` before white
/// space, and the accessibility lines (guarded whatever follows, as their rules allow spaces and
/// braces).
fn starts_like_a_keyword(name: &str) -> bool {
    let lower = name.to_lowercase();
    let before_space = |word: &str| {
        lower
            .strip_prefix(word)
            .is_some_and(|rest| rest.starts_with(char::is_whitespace))
    };
    ["journey", "acctitle", "accdescr"]
        .iter()
        .any(|k| lower.starts_with(k))
        || before_space("title")
        || before_space("section")
}

/// A touchpoint's name as a task: a name that starts like one of Mermaid's own lines would be
/// refused or silently made into that line. A zero-width joiner after the first letter (before
/// a "%") keeps such a name a task, looking the same. Every printable ASCII start was tried
/// against Mermaid's parser; these are the ones it needs.
fn task_name(text: &str) -> String {
    let name = token(text);
    // Mermaid drops a line that starts with "%" (a comment to it), joiner or not after it.
    if name.starts_with('%') {
        return format!("\u{200D}{name}");
    }
    let keyword = starts_like_a_keyword(&name);
    let mut chars = name.chars();
    match chars.next().filter(|_| keyword) {
        Some(first) => format!("{first}\u{200D}{}", chars.as_str()),
        None => name,
    }
}

/// One section per phase and one task per touchpoint; the actors are its channel and owner. A
/// map with personas has a task per touchpoint and persona instead, the persona its actor and
/// the score how that persona feels there.
pub fn journey(map: &JourneyMap) -> String {
    let mut out = format!("journey\n    title {}\n", token(&map.title));
    for phase in &map.phases {
        out += &format!("    section {}\n", token(&phase.name));
        if !map.personas.is_empty() {
            for t in &phase.touchpoints {
                for p in &map.personas {
                    out += &format!(
                        "      {}: {}: {}\n",
                        task_name(&t.name),
                        score(t.emotion_of(&p.id)),
                        token(&p.name.replace(',', " "))
                    );
                }
            }
            continue;
        }
        for t in &phase.touchpoints {
            let actors: Vec<String> = [&t.channel, &t.owner]
                .into_iter()
                .filter(|a| !a.trim().is_empty())
                .map(|a| token(&a.replace(',', " ")))
                .collect();
            let actors = if actors.is_empty() {
                "–".to_owned()
            } else {
                actors.join(", ")
            };
            out += &format!(
                "      {}: {}: {}\n",
                task_name(&t.name),
                score(t.emotion),
                actors
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::model::templates::Template;

    #[test]
    fn personas_are_the_actors_each_with_its_own_score() {
        let mut map = Template::SeeThinkDoCare.build(Lang::En, "m", "Webshop");
        map.personas.push(crate::model::Persona::new(
            "bram",
            "Bram, dad",
            map.personas[0].color,
        ));
        let first = &mut map.phases[0].touchpoints[0];
        first
            .emotions
            .insert("bram".into(), Emotion::new(-2).unwrap());
        let text = journey(&map);
        assert!(text.starts_with("journey\n    title Webshop\n    section See\n      Inspiring posts: 4: Sanne online shopper\n      Inspiring posts: 1: Bram dad\n"), "{text}");
        assert_eq!(
            text.lines().filter(|l| l.starts_with("      ")).count(),
            map.touchpoint_count() * 2
        );
    }

    #[test]
    fn a_template_becomes_a_journey_diagram() {
        let mut map = Template::SeeThinkDoCare.build(Lang::En, "m", "Webshop");
        // Without personas: the channel and owner are the actors.
        map.personas.clear();
        let text = journey(&map);
        assert!(text.starts_with("journey\n    title Webshop\n    section See\n      Inspiring posts: 4: Social media\n"), "{text}");
        assert!(
            text.contains("      Press coverage: 3: PR\n"),
            "unrated is 3"
        );
        assert!(text.contains("    section Care\n"));
        assert_eq!(
            text.lines().filter(|l| l.starts_with("      ")).count(),
            map.touchpoint_count()
        );
    }

    #[test]
    fn user_text_cannot_break_the_syntax() {
        let mut map = Template::Blank.build(Lang::En, "m", "A: B; C %% comment\n# heading");
        map.phases.push(crate::model::Phase::new(
            "p",
            "",
            crate::model::PHASE_PALETTE[0],
        ));
        map.phases[0].touchpoints.push(crate::model::Touchpoint {
            channel: "Phone, web".into(),
            emotion: Emotion::new(-2),
            ..crate::model::Touchpoint::new("t", "Call: 5: Me")
        });
        let text = journey(&map);
        assert_eq!(text, "journey\n    title A∶ B, C % comment ♯ heading\n    section –\n      Call∶ 5∶ Me: 1: Phone web\n");
    }

    #[test]
    fn a_touchpoint_named_like_a_keyword_stays_a_task() {
        let mut map = Template::SeeThinkDoCare.build(Lang::En, "m", "Webshop");
        let names = [
            "section Launch",
            "Title page",
            "Sections",
            "Journey planner",
            "accDescr { x }",
            "ACCTITLE x",
            "%% off",
        ];
        let touchpoints = map.phases.iter_mut().flat_map(|p| &mut p.touchpoints);
        for (t, name) in touchpoints.zip(names.iter().chain(&["SECTION\tB"])) {
            t.name = (*name).into();
        }
        let text = journey(&map);
        assert!(text.contains("      s\u{200D}ection Launch: 4:"), "{text}");
        assert!(text.contains("      T\u{200D}itle page: 3:"), "{text}");
        assert!(text.contains("      S\u{200D}ECTION B: "), "{text}");
        assert!(text.contains("      J\u{200D}ourney planner: "), "{text}");
        assert!(text.contains("      a\u{200D}ccDescr { x }: "), "{text}");
        assert!(text.contains("      A\u{200D}CCTITLE x: "), "{text}");
        assert!(text.contains("      \u{200D}% off: "), "{text}");
        // Only a keyword followed by a space is one.
        assert!(text.contains("      Sections: "), "{text}");
    }

    #[test]
    fn no_run_of_percent_signs_starts_a_comment_wherever_it_is() {
        let mut map = Template::SeeThinkDoCare.build(Lang::En, "m", "Title %%%% here");
        let names = ["%%%", "x%%%", "%%%{init: {'theme':'dark'}}%%%", "a % % b"];
        let touchpoints = map.phases.iter_mut().flat_map(|p| &mut p.touchpoints);
        for (t, name) in touchpoints.zip(names) {
            t.name = name.into();
        }
        map.phases[0].name = "Phase %%%%% one".into();
        let text = journey(&map);
        assert!(!text.contains("%%"), "{text}");
        assert!(text.contains("      \u{200D}%: "), "{text}");
        assert!(text.contains("      x%: "), "{text}");
        assert!(text.contains("    title Title % here\n"), "{text}");
        assert!(text.contains("      a % % b: "), "{text}");
    }
}
