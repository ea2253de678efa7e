//! Deterministic large maps and edit sequences, for benchmarks and tests.

use super::{
    Color, Date, Direction, Edit, Emotion, Item, JourneyMap, Kpi, LaneCard, LaneKind, Measurement,
    NumberField, Persona, Phase, Reach, Severity, TextField, Touchpoint, PHASE_PALETTE,
};

#[derive(Clone, Copy, Debug)]
pub struct Size {
    pub phases: usize,
    pub touchpoints: usize,
    pub kpis: usize,
    pub measurements: usize,
    pub personas: usize,
    /// Lane cards, spread over the phases and the five standard lanes.
    pub cards: usize,
}

impl Size {
    pub const SMALL: Size = Size {
        phases: 5,
        touchpoints: 40,
        kpis: 0,
        measurements: 0,
        personas: 1,
        cards: 40,
    };
    pub const WORKSHOP: Size = Size {
        phases: 10,
        touchpoints: 200,
        kpis: 40,
        measurements: 12,
        personas: 2,
        cards: 300,
    };
    pub const LARGE: Size = Size {
        phases: 20,
        touchpoints: 1000,
        kpis: 200,
        measurements: 36,
        personas: 3,
        cards: 2000,
    };
}

/// SplitMix64: tiny, fast and the same on every platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, words: &[&'a str]) -> &'a str {
        words[self.below(words.len())]
    }
}

const CHANNELS: [&str; 8] = [
    "E-mail",
    "Website",
    "SEO",
    "SEA",
    "Social media",
    "App",
    "Reviews",
    "Customer service",
];
const NAMES: [&str; 4] = ["Anna", "Bram", "Chloé", "Daan"];
const WORDS: [&str; 8] = [
    "welcome", "offer", "guide", "reminder", "survey", "review", "voucher", "update",
];

/// A map of `size`, the same for the same `seed`. Touchpoints and KPIs are spread evenly over phases.
pub fn map(seed: u64, size: Size) -> JourneyMap {
    let mut rng = Rng(seed);
    let mut map = JourneyMap::new(
        format!("generated-{seed}"),
        format!("Generated journey {seed}"),
    );
    map.description = "A generated map for benchmarks and tests.".into();
    map.currency = "EUR".into();
    // The parts version 2 of the format added draw from a stream of their own, so the rest is
    // as it was before them (chart snapshots and benchmark figures stay comparable).
    let mut more = Rng(seed ^ 0x2);
    map.personas = (0..size.personas)
        .map(|i| Persona {
            description: format!("Persona number {i}"),
            goals: "Get it done quickly".into(),
            quote: "\"Just tell me what it costs.\"".into(),
            ..Persona::new(
                format!("persona-{i}"),
                format!("{} {i}", more.pick(&NAMES)),
                PHASE_PALETTE[(i + 3) % 6],
            )
        })
        .collect();
    map.phases = (0..size.phases)
        .map(|p| {
            let mut phase = Phase::new(
                format!("phase-{p}"),
                format!("Phase {}", p + 1),
                PHASE_PALETTE[p % 6],
            );
            phase.goal = format!("Goal of phase {}", p + 1);
            phase.contact_limit = Some(4.0);
            phase
        })
        .collect();
    for t in 0..size.touchpoints {
        let phase = &mut map.phases[t % size.phases];
        let name = format!("{} {t}", rng.pick(&WORDS));
        phase.touchpoints.push(Touchpoint {
            channel: rng.pick(&CHANNELS).into(),
            description: format!("Touchpoint number {t}"),
            emotion: Emotion::new(rng.below(6) as i64 - 2),
            owner: rng.pick(&["Marketing", "Sales", "Service"]).into(),
            cost_per_month: Some((more.below(50) * 100) as f64),
            contacts_per_month: Some(more.below(5) as f64 / 2.0),
            reach: Some(if more.below(2) == 0 {
                Reach::Mass
            } else {
                Reach::Personal
            }),
            emotions: map
                .personas
                .iter()
                .skip(1)
                .filter_map(|p| Some((p.id.clone(), Emotion::new(more.below(5) as i64 - 2)?)))
                .collect(),
            ..Touchpoint::new(format!("tp-{t}"), name)
        });
    }
    for c in 0..size.cards {
        let lane = &map.lanes[c % map.lanes.len()];
        let mut card = LaneCard::new(format!("card-{c}"), format!("{} {c}", more.pick(&WORDS)));
        if lane.kind == LaneKind::PainPoints {
            card.severity = Severity::new(more.below(3) as i64 + 1);
        }
        if lane.kind.has_votes() {
            card.votes = more.below(6) as u32;
        }
        let phase = &mut map.phases[(c / map.lanes.len()) % size.phases];
        phase.cards.entry(lane.id.clone()).or_default().push(card);
    }
    for k in 0..size.kpis {
        let base = rng.below(1000) as f64 / 10.0;
        map.phases[k % size.phases].kpis.push(Kpi {
            unit: rng.pick(&["%", "count", "EUR", "score"]).into(),
            direction: if rng.below(4) == 0 {
                Direction::Decrease
            } else {
                Direction::Increase
            },
            baseline: Some(base),
            target: Some(base * 1.5),
            measurements: (0..size.measurements)
                .map(|i| Measurement::typed(month(i), base + rng.below(500) as f64 / 10.0))
                .collect(),
            ..Kpi::new(format!("kpi-{k}"), format!("KPI {k}"))
        });
    }
    map
}

/// The first day of the `i`-th month from January 2023.
fn month(i: usize) -> Date {
    Date::new(2023 + (i / 12) as u16, (i % 12) as u8 + 1, 1).expect("first of a month exists")
}

/// `count` edits of mixed kinds that apply one after the other to `start`.
pub fn edits(start: &JourneyMap, seed: u64, count: usize) -> Vec<Edit> {
    let mut rng = Rng(seed);
    let mut map = start.clone();
    let mut out = Vec::with_capacity(count);
    while out.len() < count {
        let p = rng.below(map.phases.len());
        let phase = &map.phases[p];
        let edit = match rng.below(6) {
            0 => Edit::SetText {
                field: TextField::PhaseName(phase.id.clone()),
                value: format!("Phase {}", out.len()),
            },
            1 if !phase.touchpoints.is_empty() => {
                let t = &phase.touchpoints[rng.below(phase.touchpoints.len())];
                Edit::SetEmotion {
                    touchpoint: t.id.clone(),
                    emotion: Emotion::new(rng.below(5) as i64 - 2),
                }
            }
            2 if !phase.touchpoints.is_empty() => {
                let t = &phase.touchpoints[rng.below(phase.touchpoints.len())];
                let to = &map.phases[rng.below(map.phases.len())];
                let index = rng.below(to.touchpoints.len() + 1);
                Edit::MoveItem {
                    id: t.id.clone(),
                    phase: to.id.clone(),
                    index,
                }
            }
            3 if !phase.kpis.is_empty() => {
                let k = &phase.kpis[rng.below(phase.kpis.len())];
                Edit::SetNumber {
                    field: NumberField::Target(k.id.clone()),
                    value: Some(rng.below(100) as f64),
                }
            }
            4 => Edit::InsertItem {
                phase: phase.id.clone(),
                index: 0,
                item: Item::Touchpoint(Touchpoint {
                    channel: rng.pick(&CHANNELS).into(),
                    ..Touchpoint::new(map.fresh_id("new-tp"), "New touchpoint")
                }),
            },
            5 if !phase.kpis.is_empty() => {
                let k = &phase.kpis[rng.below(phase.kpis.len())];
                Edit::SetDirection {
                    kpi: k.id.clone(),
                    direction: Direction::Decrease,
                }
            }
            _ => Edit::SetColor {
                phase: phase.id.clone(),
                color: Color::rgb(rng.below(256) as u8, 0, 0),
            },
        };
        if map.apply(edit.clone()).is_ok() {
            out.push(edit);
        }
    }
    out
}

/// A web shop's order export of `orders` orders over the two years up to `end`, as a Dutch
/// shop writes it (`;`, day-month-year, decimal comma) or an English one. Customers arrive
/// through the period and buy as the BG/NBD model has it: each at a rate of their own, each
/// stopping after any purchase with a chance of their own, each with a typical spend of
/// their own; one order in fifty is a refund.
pub fn order_export(seed: u64, orders: usize, end: Date, dutch: bool) -> String {
    let mut rng = Rng(seed);
    let mut uniform = move || (rng.next() >> 11) as f64 / (1u64 << 53) as f64;
    let start = end.days() - 730;
    let mut rows = Vec::with_capacity(orders);
    let mut customer = 0;
    while rows.len() < orders {
        customer += 1;
        let mut day = start as f64 + 730.0 * uniform();
        // Mean days between purchases, the chance to stop after each, the typical spend.
        let mean_gap = 10.0 + 200.0 * uniform() * uniform();
        let stop = 0.05 + 0.5 * uniform() * uniform();
        let spend = 10.0 + 150.0 * uniform() * uniform();
        loop {
            if day > end.days() as f64 || rows.len() == orders {
                break;
            }
            let cents = (spend * (0.5 + uniform()) * 100.0) as i64;
            let cents = if uniform() < 0.02 { -cents } else { cents };
            rows.push((day as i64, customer, cents));
            if uniform() < stop {
                break;
            }
            day += -mean_gap * (1.0 - uniform()).ln();
        }
    }
    rows.sort_unstable();
    let header = if dutch {
        "Bestelnummer;Klantnummer;E-mailadres;Besteldatum;Totaal;Status\n"
    } else {
        "Order ID,Customer ID,Email,Order Date,Total,Status\n"
    };
    let mut text = String::with_capacity(orders * 64);
    text.push_str(header);
    for (n, (day, customer, cents)) in rows.into_iter().enumerate() {
        let date = Date::from_days(day).expect("within the years a date holds");
        let (whole, part) = (cents / 100, (cents % 100).abs());
        let sign = if cents < 0 && whole == 0 { "-" } else { "" };
        let status = if cents < 0 { "refunded" } else { "paid" };
        let line = if dutch {
            format!(
                "{};K{customer:06};klant{customer}@example.nl;{:02}-{:02}-{};{sign}{whole},{part:02};{status}\n",
                10_000 + n, date.day, date.month, date.year
            )
        } else {
            format!(
                "{},C{customer:06},customer{customer}@example.com,{date},{sign}{whole}.{part:02},{status}\n",
                10_000 + n
            )
        };
        text.push_str(&line);
    }
    text
}
