//! Versions of a map to go back to: why one was taken, which are pruned, when the day's one is
//! due, and what changed between two maps. Pure: storage keeps the versions, the interface shows
//! them; nothing here knows where either happens.

use super::{Id, JourneyMap, Kpi, Touchpoint};
use crate::i18n::Text;
use std::collections::HashMap;

/// Automatic versions kept per map; older ones are pruned, oldest first. Named versions are
/// never pruned: only the user deletes them.
pub const AUTOMATIC_KEPT: usize = 20;

/// The longest name a version is given, in characters.
pub const MAX_NAME: usize = 200;

/// Why a version was taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Occasion {
    /// The user named it ("before the workshop").
    Named,
    /// Before an imported file replaced the map.
    BeforeImport,
    /// Before another version was restored over the map.
    BeforeRestore,
    /// Before the stored format was migrated by a newer release.
    BeforeMigration,
    /// The map as it was before the first change of a day.
    Daily,
}

impl Occasion {
    pub const ALL: [Occasion; 5] = [
        Occasion::Named,
        Occasion::BeforeImport,
        Occasion::BeforeRestore,
        Occasion::BeforeMigration,
        Occasion::Daily,
    ];

    /// The word stored for it: never renamed, since stored versions carry it.
    pub fn code(self) -> &'static str {
        match self {
            Occasion::Named => "named",
            Occasion::BeforeImport => "before-import",
            Occasion::BeforeRestore => "before-restore",
            Occasion::BeforeMigration => "before-migration",
            Occasion::Daily => "daily",
        }
    }

    pub fn from_code(code: &str) -> Option<Occasion> {
        Occasion::ALL.into_iter().find(|o| o.code() == code)
    }

    pub fn is_automatic(self) -> bool {
        self != Occasion::Named
    }

    pub fn text(self) -> Text {
        match self {
            Occasion::Named => Text::OccasionNamed,
            Occasion::BeforeImport => Text::OccasionBeforeImport,
            Occasion::BeforeRestore => Text::OccasionBeforeRestore,
            Occasion::BeforeMigration => Text::OccasionBeforeMigration,
            Occasion::Daily => Text::OccasionDaily,
        }
    }
}

/// What is known of a stored version without unpacking its map.
#[derive(Clone, Debug, PartialEq)]
pub struct Version {
    /// Where it is stored: the one name the interface hands back to open, restore or delete it.
    pub key: String,
    pub map: Id,
    /// When it was taken, RFC 3339 in UTC.
    pub taken_at: String,
    pub occasion: Occasion,
    /// The user's name for it; empty for automatic ones.
    pub name: String,
    /// Bytes it takes in storage, as the browser counts them.
    pub bytes: usize,
}

/// Versions of one map that go when one more is kept: its automatic versions beyond the newest
/// [`AUTOMATIC_KEPT`], oldest first. Named ones never do.
pub fn to_prune(versions: &[Version]) -> Vec<&Version> {
    let mut automatic: Vec<&Version> = versions
        .iter()
        .filter(|v| v.occasion.is_automatic())
        .collect();
    automatic.sort_by(|a, b| b.taken_at.cmp(&a.taken_at).then(b.key.cmp(&a.key)));
    let mut pruned = automatic.split_off(AUTOMATIC_KEPT.min(automatic.len()));
    pruned.reverse();
    pruned
}

/// Whether the day's version of a map is still to be taken on `today` (the date part of an
/// RFC 3339 time, `2026-12-03`): at most one a day, and only on a day the map is changed. A
/// version kept today before the app's update migrated the map holds it as it was that day too.
pub fn daily_due(versions: &[Version], today: &str) -> bool {
    !versions.iter().any(|v| {
        matches!(v.occasion, Occasion::Daily | Occasion::BeforeMigration)
            && v.taken_at.get(..10) == Some(today)
    })
}

/// What kind of thing changed between two maps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Map,
    Phase,
    Touchpoint,
    Kpi,
}

/// A field that differs between the two sides.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Title,
    Name,
    Description,
    Goal,
    Colour,
    Channel,
    Emotion,
    Owner,
    Unit,
    Direction,
    Baseline,
    Target,
    Measurements,
    /// In another phase than before.
    Phase,
}

impl Field {
    pub fn text(self) -> Text {
        match self {
            Field::Title => Text::MapTitle,
            Field::Name => Text::Name,
            Field::Description => Text::Description,
            Field::Goal => Text::PhaseGoal,
            Field::Colour => Text::PhaseColor,
            Field::Channel => Text::Channel,
            Field::Emotion => Text::Emotion,
            Field::Owner => Text::Owner,
            Field::Unit => Text::Unit,
            Field::Direction => Text::Direction,
            Field::Baseline => Text::Baseline,
            Field::Target => Text::Target,
            Field::Measurements => Text::Measurements,
            Field::Phase => Text::Phase,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Difference {
    /// Only on the right (the later or other side).
    Added,
    /// Only on the left.
    Removed,
    Changed(Vec<Field>),
}

/// One thing that differs, named as it is on the side that has it (the right where both do).
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub kind: Kind,
    /// The phase it is in; empty for the map and for phases themselves.
    pub phase: String,
    pub name: String,
    pub difference: Difference,
}

/// A KPI's latest value and target on one side.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct KpiValue {
    pub latest: Option<f64>,
    pub target: Option<f64>,
}

impl KpiValue {
    fn of(kpi: &Kpi) -> KpiValue {
        KpiValue {
            latest: kpi.latest().map(|m| m.value),
            target: kpi.target,
        }
    }
}

/// A KPI's values side by side; `None` where a side does not have it.
#[derive(Clone, Debug, PartialEq)]
pub struct KpiSides {
    pub phase: String,
    pub name: String,
    pub unit: String,
    pub left: Option<KpiValue>,
    pub right: Option<KpiValue>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Comparison {
    /// The map's texts, then phases, touchpoints and KPIs, each in the right map's order with
    /// what only the left has after it.
    pub rows: Vec<Row>,
    /// Every KPI of either side.
    pub kpis: Vec<KpiSides>,
}

/// Pairs things of the left with things of the right: the same id first (versions of one map,
/// a duplicate), then among those left over the same name where `near` holds (a card in the
/// phase paired with its own), then the same name anywhere (two maps from one template).
/// Returns, for each right thing, the index of its left partner.
fn pair<T>(
    left: &[T],
    right: &[T],
    key: impl Fn(&T) -> (&str, &str),
    near: impl Fn(&T, &T) -> bool,
) -> Vec<Option<usize>> {
    let mut taken = vec![false; left.len()];
    let by_id: HashMap<&str, usize> = left
        .iter()
        .enumerate()
        .map(|(i, t)| (key(t).0, i))
        .collect();
    let mut pairs: Vec<Option<usize>> = right
        .iter()
        .map(|t| {
            let i = *by_id.get(key(t).0)?;
            (!taken[i]).then(|| {
                taken[i] = true;
                i
            })
        })
        .collect();
    let name = |t: &T| key(t).1.trim().to_lowercase();
    for nearby_only in [true, false] {
        for (r, partner) in pairs.iter_mut().enumerate() {
            if partner.is_none() {
                let wanted = name(&right[r]);
                *partner = (0..left.len()).find(|&i| {
                    !taken[i]
                        && name(&left[i]) == wanted
                        && (!nearby_only || near(&left[i], &right[r]))
                });
                if let Some(i) = *partner {
                    taken[i] = true;
                }
            }
        }
    }
    pairs
}

/// Cards of one kind with the index of the phase each is in.
type Placed<'a, T> = Vec<(usize, &'a T)>;

/// What differs from `left` to `right`: two versions of one map, or two maps.
pub fn compare(left: &JourneyMap, right: &JourneyMap) -> Comparison {
    let mut out = Comparison::default();
    let texts = [
        (Field::Title, left.title != right.title),
        (Field::Description, left.description != right.description),
    ];
    let fields: Vec<Field> = texts.iter().filter(|t| t.1).map(|t| t.0).collect();
    if !fields.is_empty() {
        out.rows.push(Row {
            kind: Kind::Map,
            phase: String::new(),
            name: right.title.clone(),
            difference: Difference::Changed(fields),
        });
    }
    let phase_pairs = pair(
        &left.phases,
        &right.phases,
        |p| (&p.id, &p.name),
        |_, _| true,
    );
    // Which left phase each right phase stands for, to tell a card that changed phase.
    let partner_phase: HashMap<usize, usize> = phase_pairs
        .iter()
        .enumerate()
        .filter_map(|(r, l)| Some(((*l)?, r)))
        .collect();
    sides(
        &mut out.rows,
        &left.phases,
        &right.phases,
        &phase_pairs,
        |_| String::new(),
        |_| String::new(),
        Kind::Phase,
        |p| &p.name,
        |l, r| {
            [
                (Field::Name, l.name != r.name),
                (Field::Description, l.description != r.description),
                (Field::Goal, l.goal != r.goal),
                (Field::Colour, l.color != r.color),
            ]
        },
    );
    // Cards with the index of their phase, so a card can be paired across phases.
    fn cards(map: &JourneyMap) -> (Placed<'_, Touchpoint>, Placed<'_, Kpi>) {
        let mut touchpoints = Vec::new();
        let mut kpis = Vec::new();
        for (p, phase) in map.phases.iter().enumerate() {
            touchpoints.extend(phase.touchpoints.iter().map(|t| (p, t)));
            kpis.extend(phase.kpis.iter().map(|k| (p, k)));
        }
        (touchpoints, kpis)
    }
    let ((left_tps, left_kpis), (right_tps, right_kpis)) = (cards(left), cards(right));
    let moved = |l: usize, r: usize| partner_phase.get(&l) != Some(&r);
    let tp_pairs = pair(
        &left_tps,
        &right_tps,
        |(_, t)| (&t.id, &t.name),
        |l, r| !moved(l.0, r.0),
    );
    sides(
        &mut out.rows,
        &left_tps,
        &right_tps,
        &tp_pairs,
        |(p, _)| left.phases[*p].name.clone(),
        |(p, _)| right.phases[*p].name.clone(),
        Kind::Touchpoint,
        |(_, t)| &t.name,
        |(lp, l), (rp, r)| {
            [
                (Field::Name, l.name != r.name),
                (Field::Channel, l.channel != r.channel),
                (Field::Description, l.description != r.description),
                (Field::Emotion, l.emotion != r.emotion),
                (Field::Owner, l.owner != r.owner),
                (Field::Phase, moved(*lp, *rp)),
            ]
        },
    );
    let kpi_pairs = pair(
        &left_kpis,
        &right_kpis,
        |(_, k)| (&k.id, &k.name),
        |l, r| !moved(l.0, r.0),
    );
    sides(
        &mut out.rows,
        &left_kpis,
        &right_kpis,
        &kpi_pairs,
        |(p, _)| left.phases[*p].name.clone(),
        |(p, _)| right.phases[*p].name.clone(),
        Kind::Kpi,
        |(_, k)| &k.name,
        |(lp, l), (rp, r)| {
            [
                (Field::Name, l.name != r.name),
                (Field::Unit, l.unit != r.unit),
                (Field::Direction, l.direction != r.direction),
                (Field::Baseline, l.baseline != r.baseline),
                (Field::Target, l.target != r.target),
                (Field::Measurements, l.measurements != r.measurements),
                (Field::Phase, moved(*lp, *rp)),
            ]
        },
    );
    let mut paired_left = vec![false; left_kpis.len()];
    for (r, (p, kpi)) in right_kpis.iter().enumerate() {
        let partner = kpi_pairs[r].map(|l| {
            paired_left[l] = true;
            KpiValue::of(left_kpis[l].1)
        });
        out.kpis.push(KpiSides {
            phase: right.phases[*p].name.clone(),
            name: kpi.name.clone(),
            unit: kpi.unit.clone(),
            left: partner,
            right: Some(KpiValue::of(kpi)),
        });
    }
    for (l, (p, kpi)) in left_kpis.iter().enumerate() {
        if !paired_left[l] {
            out.kpis.push(KpiSides {
                phase: left.phases[*p].name.clone(),
                name: kpi.name.clone(),
                unit: kpi.unit.clone(),
                left: Some(KpiValue::of(kpi)),
                right: None,
            });
        }
    }
    out
}

/// Adds a row for each thing of one kind that was added, removed or changed; `differs` lists
/// each field with whether it differs.
#[allow(clippy::too_many_arguments)]
fn sides<T, const N: usize>(
    rows: &mut Vec<Row>,
    left: &[T],
    right: &[T],
    pairs: &[Option<usize>],
    left_phase: impl Fn(&T) -> String,
    right_phase: impl Fn(&T) -> String,
    kind: Kind,
    name: impl Fn(&T) -> &String,
    differs: impl Fn(&T, &T) -> [(Field, bool); N],
) {
    let mut paired = vec![false; left.len()];
    for (r, thing) in right.iter().enumerate() {
        let difference = match pairs[r] {
            Some(l) => {
                paired[l] = true;
                let fields: Vec<Field> = differs(&left[l], thing)
                    .into_iter()
                    .filter(|f| f.1)
                    .map(|f| f.0)
                    .collect();
                if fields.is_empty() {
                    continue;
                }
                Difference::Changed(fields)
            }
            None => Difference::Added,
        };
        rows.push(Row {
            kind,
            phase: right_phase(thing),
            name: name(thing).clone(),
            difference,
        });
    }
    for (l, thing) in left.iter().enumerate().filter(|(l, _)| !paired[*l]) {
        rows.push(Row {
            kind,
            phase: left_phase(thing),
            name: name(&left[l]).clone(),
            difference: Difference::Removed,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{templates, Date, Emotion, Measurement};

    fn version(key: &str, taken_at: &str, occasion: Occasion) -> Version {
        Version {
            key: key.into(),
            map: "m".into(),
            taken_at: taken_at.into(),
            occasion,
            name: String::new(),
            bytes: 10,
        }
    }

    fn day(n: usize) -> String {
        format!("2026-{:02}-{:02}T10:00:00Z", 1 + n / 28, 1 + n % 28)
    }

    #[test]
    fn automatic_versions_past_the_limit_are_pruned_oldest_first_and_named_ones_never() {
        let mut versions: Vec<Version> = (0..AUTOMATIC_KEPT + 3)
            .map(|n| version(&format!("a{n}"), &day(n + 5), Occasion::Daily))
            .collect();
        versions.push(version("named-oldest", &day(0), Occasion::Named));
        versions.push(version("import", &day(1), Occasion::BeforeImport));
        let pruned: Vec<&str> = to_prune(&versions).iter().map(|v| v.key.as_str()).collect();
        assert_eq!(pruned, ["import", "a0", "a1", "a2"]);
        versions.truncate(AUTOMATIC_KEPT);
        assert!(to_prune(&versions).is_empty());
        let named: Vec<Version> = (0..AUTOMATIC_KEPT * 2)
            .map(|n| version(&format!("n{n}"), &day(n), Occasion::Named))
            .collect();
        assert!(to_prune(&named).is_empty());
    }

    #[test]
    fn one_daily_version_a_day() {
        let versions = vec![
            version("a", "2026-12-02T23:59:00Z", Occasion::Daily),
            version("b", "2026-12-03T08:00:00Z", Occasion::Named),
        ];
        assert!(
            daily_due(&versions, "2026-12-03"),
            "a named one is not the day's"
        );
        assert!(!daily_due(&versions, "2026-12-02"));
        assert!(daily_due(&[], "2026-12-03"));
        let migrated = [version(
            "m",
            "2026-12-03T07:00:00Z",
            Occasion::BeforeMigration,
        )];
        assert!(
            !daily_due(&migrated, "2026-12-03"),
            "today's update kept it already"
        );
    }

    #[test]
    fn a_map_compared_with_itself_has_no_differences() {
        let map = templates::Template::SeeThinkDoCare.build(crate::i18n::Lang::En, "m", "Map");
        let same = compare(&map, &map);
        assert!(same.rows.is_empty());
        assert_eq!(same.kpis.len(), map.kpi_count());
        assert!(same.kpis.iter().all(|k| k.left == k.right));
    }

    #[test]
    fn added_removed_changed_and_moved_are_told_apart() {
        let before = templates::Template::SeeThinkDoCare.build(crate::i18n::Lang::En, "m", "Map");
        let mut after = before.clone();
        after.title = "After the workshop".into();
        let removed = after.phases[0].touchpoints.remove(0);
        after.phases[1]
            .touchpoints
            .push(Touchpoint::new("new-tp", "Podcast"));
        after.phases[1].touchpoints[0].emotion = Emotion::new(-2);
        let moving = after.phases[2].touchpoints.remove(0);
        after.phases[3].touchpoints.push(moving.clone());
        after.phases[0].kpis[0].measurements.push(Measurement {
            date: Date::new(2030, 1, 1).unwrap(),
            value: 123.0,
            counts: None,
        });
        let kpi = after.phases[0].kpis[0].clone();
        let diff = compare(&before, &after);
        let find = |name: &str| {
            diff.rows
                .iter()
                .find(|r| r.name == name)
                .unwrap_or_else(|| panic!("{name} in {:#?}", diff.rows))
        };
        assert_eq!(find("After the workshop").kind, Kind::Map);
        assert_eq!(find(&removed.name).difference, Difference::Removed);
        assert_eq!(find(&removed.name).phase, before.phases[0].name);
        assert_eq!(find("Podcast").difference, Difference::Added);
        assert_eq!(
            find(&after.phases[1].touchpoints[0].name).difference,
            Difference::Changed(vec![Field::Emotion])
        );
        assert_eq!(
            find(&moving.name).difference,
            Difference::Changed(vec![Field::Phase])
        );
        assert_eq!(
            find(&kpi.name).difference,
            Difference::Changed(vec![Field::Measurements])
        );
        assert_eq!(diff.rows.len(), 6, "{:#?}", diff.rows);
        let sides = diff.kpis.iter().find(|k| k.name == kpi.name).unwrap();
        assert_eq!(sides.right.unwrap().latest, Some(123.0));
        assert_ne!(sides.left.unwrap().latest, Some(123.0));
    }

    #[test]
    fn two_maps_are_paired_by_name_where_their_ids_differ() {
        let left = templates::Template::SeeThinkDoCare.build(crate::i18n::Lang::En, "m", "Map");
        let mut right = left.clone();
        for phase in &mut right.phases {
            phase.id = format!("other-{}", phase.id);
            for t in &mut phase.touchpoints {
                t.id = format!("other-{}", t.id);
            }
            for k in &mut phase.kpis {
                k.id = format!("other-{}", k.id);
            }
        }
        right.phases[0].kpis.pop();
        let diff = compare(&left, &right);
        assert_eq!(diff.rows.len(), 1, "{:#?}", diff.rows);
        assert_eq!(diff.rows[0].difference, Difference::Removed);
        assert_eq!(diff.rows[0].kind, Kind::Kpi);
        let only_left = diff.kpis.iter().filter(|k| k.right.is_none()).count();
        assert_eq!(only_left, 1);
    }
}
