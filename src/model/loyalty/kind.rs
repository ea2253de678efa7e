//! What a KPI is measured by: a typed number, or a formula over counts read from the shop's own
//! data. A computed KPI's measurement keeps those counts; its value is derived from them, never
//! typed, and always shown with the sample it rests on.

use serde::{Deserialize, Serialize};

/// The formula a KPI follows. The names are the exchange format's (version 3).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KpiKind {
    /// Typed by hand, as every KPI was before version 3.
    #[default]
    Number,
    /// Net Promoter Score: % promoters (9–10) minus % detractors (0–6) of answers 0–10.
    Nps,
    /// Customer satisfaction: the share of answers in the scale's top box.
    #[serde(rename = "csat_1_5")]
    Csat5,
    #[serde(rename = "csat_1_7")]
    Csat7,
    #[serde(rename = "csat_1_10")]
    Csat10,
    /// Customer effort score: the mean answer on the scale.
    #[serde(rename = "ces_1_5")]
    Ces5,
    #[serde(rename = "ces_1_7")]
    Ces7,
    /// Opened ÷ delivered, from a campaign report.
    OpenRate,
    /// Clicked ÷ delivered, from a campaign report.
    ClickThroughRate,
    /// Any share of two counts typed by hand: conversions ÷ visits, reviews ÷ orders …
    Rate,
    /// From an order export, per period.
    Customers,
    NewCustomers,
    ReturningCustomers,
    RepeatPurchaseRate,
    RetentionRate,
    AverageOrderValue,
    RevenuePerCustomer,
    HistoricClv,
}

/// The kind of file a computed KPI is measured from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// One answer per row: a date and a score.
    Survey,
    /// One order per row (or per order line): order id, customer, date, total.
    Orders,
    /// One mailing per row: date, sent, delivered, opened, clicked.
    Campaign,
}

/// Fewer answers, customers or deliveries than this and a value is marked as resting on a
/// small sample: an NPS of 20 answers moves by 10 points with two people.
pub const SMALL_SAMPLE: u64 = 30;

impl KpiKind {
    pub const ALL: [KpiKind; 18] = [
        KpiKind::Number,
        KpiKind::Nps,
        KpiKind::Csat5,
        KpiKind::Csat7,
        KpiKind::Csat10,
        KpiKind::Ces5,
        KpiKind::Ces7,
        KpiKind::OpenRate,
        KpiKind::ClickThroughRate,
        KpiKind::Rate,
        KpiKind::Customers,
        KpiKind::NewCustomers,
        KpiKind::ReturningCustomers,
        KpiKind::RepeatPurchaseRate,
        KpiKind::RetentionRate,
        KpiKind::AverageOrderValue,
        KpiKind::RevenuePerCustomer,
        KpiKind::HistoricClv,
    ];

    /// The kind named `name` in the exchange format.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.name() == name)
    }

    /// Its name in the exchange format.
    pub fn name(self) -> &'static str {
        use KpiKind::*;
        match self {
            Number => "number",
            Nps => "nps",
            Csat5 => "csat_1_5",
            Csat7 => "csat_1_7",
            Csat10 => "csat_1_10",
            Ces5 => "ces_1_5",
            Ces7 => "ces_1_7",
            OpenRate => "open_rate",
            ClickThroughRate => "click_through_rate",
            Rate => "rate",
            Customers => "customers",
            NewCustomers => "new_customers",
            ReturningCustomers => "returning_customers",
            RepeatPurchaseRate => "repeat_purchase_rate",
            RetentionRate => "retention_rate",
            AverageOrderValue => "average_order_value",
            RevenuePerCustomer => "revenue_per_customer",
            HistoricClv => "historic_clv",
        }
    }

    /// The file this kind is measured from; `None` for what is typed (a number, or a rate's two
    /// counts).
    pub fn source(self) -> Option<Source> {
        use KpiKind::*;
        match self {
            Number | Rate => None,
            Nps | Csat5 | Csat7 | Csat10 | Ces5 | Ces7 => Some(Source::Survey),
            OpenRate | ClickThroughRate => Some(Source::Campaign),
            Customers | NewCustomers | ReturningCustomers | RepeatPurchaseRate | RetentionRate
            | AverageOrderValue | RevenuePerCustomer | HistoricClv => Some(Source::Orders),
        }
    }

    /// The unit a KPI of this kind is counted in, for a KPI made of this kind: a share in
    /// percent, money in the map's `currency`, a score or a count without one; `None` for a
    /// typed number, whose unit stays the user's.
    pub fn unit(self, currency: &str) -> Option<String> {
        use KpiKind::*;
        match self {
            Number => None,
            Csat5 | Csat7 | Csat10 | OpenRate | ClickThroughRate | Rate | RepeatPurchaseRate
            | RetentionRate => Some("%".into()),
            AverageOrderValue | RevenuePerCustomer | HistoricClv => Some(currency.into()),
            Nps | Ces5 | Ces7 | Customers | NewCustomers | ReturningCustomers => {
                Some(String::new())
            }
        }
    }

    /// Whether measurements hold counts and derive their value.
    pub fn is_computed(self) -> bool {
        self != KpiKind::Number
    }

    /// The answers a survey of this kind takes: `(lowest, highest)`.
    pub fn scale(self) -> Option<(u8, u8)> {
        match self {
            KpiKind::Nps => Some((0, 10)),
            KpiKind::Csat5 | KpiKind::Ces5 => Some((1, 5)),
            KpiKind::Csat7 | KpiKind::Ces7 => Some((1, 7)),
            KpiKind::Csat10 => Some((1, 10)),
            _ => None,
        }
    }

    /// The lowest answer counted as satisfied on a CSAT scale: the top two boxes of a 5- or
    /// 7-point scale, 9 and 10 of a 10-point one.
    fn top_box(self) -> Option<u8> {
        match self {
            KpiKind::Csat5 => Some(4),
            KpiKind::Csat7 => Some(6),
            KpiKind::Csat10 => Some(9),
            _ => None,
        }
    }

    /// The counts a measurement of this kind keeps, all zero.
    pub fn empty_counts(self) -> Option<Counts> {
        match self.source() {
            Some(Source::Survey) => Some(Counts::Answers(Answers::default())),
            Some(Source::Orders) => Some(Counts::Orders(OrderCounts::default())),
            Some(Source::Campaign) => Some(Counts::Ratio(Ratio::default())),
            None if self == KpiKind::Rate => Some(Counts::Ratio(Ratio::default())),
            None => None,
        }
    }

    /// Whether `m` is a measurement of this kind: typed without counts, or computed with
    /// counts that give its value.
    pub fn fits(self, m: &crate::model::Measurement) -> bool {
        match &m.counts {
            None => !self.is_computed(),
            Some(counts) => self.value(counts) == Some(m.value) && counts.is_consistent(),
        }
    }

    /// `measurements` of another kind as measurements of this one: a typed KPI keeps each value
    /// and drops the counts; a computed one keeps those whose counts give it a value, derived
    /// again, and leaves out the rest (typed values have nothing to derive from).
    pub fn convert(
        self,
        measurements: &[crate::model::Measurement],
    ) -> Vec<crate::model::Measurement> {
        use crate::model::Measurement;
        measurements
            .iter()
            .filter_map(|m| match (&m.counts, self.is_computed()) {
                (_, false) => Some(Measurement::typed(m.date, m.value)),
                (Some(counts), true) => Some(Measurement {
                    date: m.date,
                    value: self.value(counts)?,
                    counts: Some(counts.clone()),
                }),
                (None, true) => None,
            })
            .collect()
    }

    /// The value `counts` give for this kind; `None` where the counts are of another shape or
    /// their sample is empty (no answers, nothing delivered, no customers before).
    pub fn value(self, counts: &Counts) -> Option<f64> {
        use KpiKind::*;
        let share = |part: u64, whole: u64| (whole > 0).then(|| 100.0 * part as f64 / whole as f64);
        match (self, counts) {
            (Nps, Counts::Answers(a)) => {
                let promoters = a.between(9, 10);
                let detractors = a.between(0, 6);
                share(promoters, a.total())
                    .map(|p| p - 100.0 * detractors as f64 / a.total() as f64)
            }
            (Csat5 | Csat7 | Csat10, Counts::Answers(a)) => {
                let (_, high) = self.scale()?;
                let in_scale = a.between(1, high);
                share(a.between(self.top_box()?, high), in_scale)
            }
            (Ces5 | Ces7, Counts::Answers(a)) => {
                let (low, high) = self.scale()?;
                let n = a.between(low, high);
                (n > 0).then(|| {
                    let sum: u64 = (low..=high).map(|s| u64::from(s) * a.at(s)).sum();
                    sum as f64 / n as f64
                })
            }
            (OpenRate | ClickThroughRate | Rate, Counts::Ratio(r)) => share(r.part, r.whole),
            (Customers, Counts::Orders(o)) => Some(o.customers as f64),
            (NewCustomers, Counts::Orders(o)) => Some(o.new_customers as f64),
            (ReturningCustomers, Counts::Orders(o)) => {
                Some((o.customers - o.new_customers.min(o.customers)) as f64)
            }
            (RepeatPurchaseRate, Counts::Orders(o)) => share(o.repeat_customers, o.customers),
            (RetentionRate, Counts::Orders(o)) => share(o.retained_customers, o.previous_customers),
            (AverageOrderValue, Counts::Orders(o)) => {
                (o.orders > 0).then(|| o.revenue / o.orders as f64)
            }
            (RevenuePerCustomer, Counts::Orders(o)) => {
                (o.customers > 0).then(|| o.revenue / o.customers as f64)
            }
            (HistoricClv, Counts::Orders(o)) => {
                (o.customers_to_date > 0).then(|| o.revenue_to_date / o.customers_to_date as f64)
            }
            _ => None,
        }
    }

    /// How many the value rests on, and what they are: answers, deliveries or customers.
    pub fn sample(self, counts: &Counts) -> Option<Sample> {
        use KpiKind::*;
        let (size, of) = match (self, counts) {
            (Nps, Counts::Answers(a)) => (a.total(), SampleOf::Answers),
            (Csat5 | Csat7 | Csat10 | Ces5 | Ces7, Counts::Answers(a)) => {
                let (low, high) = self.scale()?;
                (a.between(low, high), SampleOf::Answers)
            }
            (OpenRate | ClickThroughRate, Counts::Ratio(r)) => (r.whole, SampleOf::Delivered),
            (Rate, Counts::Ratio(r)) => (r.whole, SampleOf::Counted),
            (AverageOrderValue, Counts::Orders(o)) => (o.orders, SampleOf::Orders),
            (RetentionRate, Counts::Orders(o)) => (o.previous_customers, SampleOf::Customers),
            (HistoricClv, Counts::Orders(o)) => (o.customers_to_date, SampleOf::Customers),
            (_, Counts::Orders(o)) => (o.customers, SampleOf::Customers),
            _ => return None,
        };
        Some(Sample { size, of })
    }
}

/// The size of what a value rests on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sample {
    pub size: u64,
    pub of: SampleOf,
}

impl Sample {
    pub fn is_small(self) -> bool {
        self.size < SMALL_SAMPLE
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SampleOf {
    Answers,
    Delivered,
    Counted,
    Orders,
    Customers,
}

/// What a computed measurement rests on. Each shape has its own field names in the exchange
/// format, so a file says which it holds without a tag.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Counts {
    Answers(Answers),
    Ratio(Ratio),
    Orders(OrderCounts),
}

impl Counts {
    /// The counts in a line of text, named as in the exchange format: `9=20 10=10` (answers by
    /// score, those given), `part=12 whole=100`, `orders=120 revenue=5400.5 …`.
    pub fn describe(&self) -> String {
        match self {
            Counts::Answers(a) => a
                .answers
                .iter()
                .enumerate()
                .filter(|(_, n)| **n > 0)
                .map(|(score, n)| format!("{score}={n}"))
                .collect::<Vec<_>>()
                .join(" "),
            Counts::Ratio(r) => format!("part={} whole={}", r.part, r.whole),
            Counts::Orders(o) => format!(
                "orders={} revenue={} customers={} new_customers={} repeat_customers={} previous_customers={} retained_customers={} customers_to_date={} revenue_to_date={}",
                o.orders, o.revenue, o.customers, o.new_customers, o.repeat_customers,
                o.previous_customers, o.retained_customers, o.customers_to_date, o.revenue_to_date
            ),
        }
    }

    /// Whether no part is larger than its whole: counts a file may carry, as read from one.
    pub fn is_consistent(&self) -> bool {
        match self {
            Counts::Answers(_) => true,
            Counts::Ratio(r) => r.part <= r.whole,
            Counts::Orders(o) => {
                o.new_customers <= o.customers
                    && o.repeat_customers <= o.customers
                    && o.customers <= o.orders
                    && o.retained_customers <= o.previous_customers.min(o.customers)
                    && o.customers <= o.customers_to_date
            }
        }
    }
}

/// A survey's answers in one period: how many gave each score from 0 to 10.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answers {
    /// `answers[s]` answered `s`.
    pub answers: [u64; 11],
}

impl Answers {
    pub fn at(&self, score: u8) -> u64 {
        self.answers.get(usize::from(score)).copied().unwrap_or(0)
    }

    pub fn between(&self, low: u8, high: u8) -> u64 {
        (low..=high).map(|s| self.at(s)).sum()
    }

    pub fn total(&self) -> u64 {
        self.answers.iter().sum()
    }
}

/// A share: `part` of `whole` (opened of delivered, clicked of delivered, reviews of orders).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ratio {
    pub part: u64,
    pub whole: u64,
}

/// An order export's counts for one period. A customer is whoever the customer column names.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct OrderCounts {
    pub orders: u64,
    /// The orders' totals added up, refunds (negative totals) subtracted.
    pub revenue: f64,
    /// Customers who ordered in the period.
    pub customers: u64,
    /// Of those, whose first order in the file is in the period.
    pub new_customers: u64,
    /// Of those, who had ordered at least twice by the period's end.
    pub repeat_customers: u64,
    /// Customers who ordered in the period before.
    pub previous_customers: u64,
    /// Of those, who ordered again in this period.
    pub retained_customers: u64,
    /// Customers who ordered from the file's start to the period's end.
    pub customers_to_date: u64,
    /// Revenue from the file's start to the period's end.
    pub revenue_to_date: f64,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers(pairs: &[(u8, u64)]) -> Counts {
        let mut a = Answers::default();
        for &(s, n) in pairs {
            a.answers[usize::from(s)] = n;
        }
        Counts::Answers(a)
    }

    #[test]
    fn nps_is_promoters_minus_detractors_in_percent_of_all_answers() {
        // 70 promoters, 20 passives, 60 detractors of 150: 46.7 − 40 = 6.7.
        let c = answers(&[
            (10, 40),
            (9, 30),
            (8, 12),
            (7, 8),
            (6, 10),
            (3, 20),
            (0, 30),
        ]);
        let nps = KpiKind::Nps.value(&c).unwrap();
        assert!((nps - (70.0 - 60.0) / 150.0 * 100.0).abs() < 1e-9);
        let sample = KpiKind::Nps.sample(&c).unwrap();
        assert_eq!((sample.size, sample.is_small()), (150, false));
        assert_eq!(KpiKind::Nps.value(&answers(&[])), None);
    }

    #[test]
    fn csat_counts_the_top_box_of_answers_on_its_scale_and_ces_is_their_mean() {
        // Answers of 0 (off a 1–5 scale) are not counted in its sample.
        let c = answers(&[(0, 5), (1, 1), (2, 1), (3, 2), (4, 3), (5, 3)]);
        assert_eq!(KpiKind::Csat5.value(&c), Some(60.0));
        assert_eq!(KpiKind::Csat5.sample(&c).unwrap().size, 10);
        assert!(KpiKind::Csat5.sample(&c).unwrap().is_small());
        let mean = (1 + 2 + 6 + 12 + 15) as f64 / 10.0;
        assert_eq!(KpiKind::Ces5.value(&c), Some(mean));
        assert_eq!(
            KpiKind::Csat10.value(&answers(&[(8, 1), (9, 1), (10, 2)])),
            Some(75.0)
        );
    }

    #[test]
    fn rates_are_part_of_whole_and_orders_give_each_measure() {
        let r = Counts::Ratio(Ratio {
            part: 250,
            whole: 1000,
        });
        assert_eq!(KpiKind::OpenRate.value(&r), Some(25.0));
        assert_eq!(
            KpiKind::OpenRate.value(&Counts::Ratio(Ratio::default())),
            None
        );
        let o = Counts::Orders(OrderCounts {
            orders: 50,
            revenue: 2500.0,
            customers: 40,
            new_customers: 10,
            repeat_customers: 12,
            previous_customers: 60,
            retained_customers: 15,
            customers_to_date: 200,
            revenue_to_date: 30000.0,
        });
        let v = |k: KpiKind| k.value(&o).unwrap();
        assert_eq!(v(KpiKind::Customers), 40.0);
        assert_eq!(v(KpiKind::ReturningCustomers), 30.0);
        assert_eq!(v(KpiKind::RepeatPurchaseRate), 30.0);
        assert_eq!(v(KpiKind::RetentionRate), 25.0);
        assert_eq!(v(KpiKind::AverageOrderValue), 50.0);
        assert_eq!(v(KpiKind::RevenuePerCustomer), 62.5);
        assert_eq!(v(KpiKind::HistoricClv), 150.0);
        assert_eq!(KpiKind::RetentionRate.sample(&o).unwrap().size, 60);
        // A shape the kind does not take gives no value.
        assert_eq!(KpiKind::Nps.value(&o), None);
    }

    #[test]
    fn measurements_change_kind_where_their_counts_allow() {
        use crate::model::{Date, Measurement};
        let day = Date::new(2026, 1, 1).unwrap();
        let orders = Counts::Orders(OrderCounts {
            orders: 4,
            revenue: 100.0,
            customers: 2,
            customers_to_date: 2,
            ..Default::default()
        });
        let measured = Measurement {
            date: day,
            value: 2.0,
            counts: Some(orders),
        };
        let typed = Measurement::typed(day, 7.0);
        let list = [measured.clone(), typed.clone()];
        let aov = KpiKind::AverageOrderValue.convert(&list);
        assert_eq!(aov.len(), 1);
        assert_eq!(aov[0].value, 25.0);
        assert!(KpiKind::AverageOrderValue.fits(&aov[0]));
        // Retention needs customers before: there were none.
        assert!(KpiKind::RetentionRate.convert(&list).is_empty());
        assert!(KpiKind::Nps.convert(&list).is_empty());
        assert_eq!(
            KpiKind::Number.convert(&list),
            [Measurement::typed(day, 2.0), typed]
        );
    }

    #[test]
    fn counts_travel_as_json_without_a_tag() {
        for c in [
            answers(&[(9, 2)]),
            Counts::Ratio(Ratio { part: 1, whole: 2 }),
            Counts::Orders(OrderCounts {
                orders: 3,
                revenue: 9.5,
                ..Default::default()
            }),
        ] {
            let text = serde_json::to_string(&c).unwrap();
            assert_eq!(serde_json::from_str::<Counts>(&text).unwrap(), c, "{text}");
        }
        let kinds: Vec<String> = KpiKind::ALL
            .iter()
            .map(|k| serde_json::to_string(k).unwrap())
            .collect();
        assert!(kinds.contains(&"\"csat_1_5\"".to_string()));
        assert!(kinds.contains(&"\"historic_clv\"".to_string()));
        for k in KpiKind::ALL {
            assert_eq!(
                serde_json::to_string(&k).unwrap(),
                format!("\"{}\"", k.name())
            );
            assert_eq!(KpiKind::parse(k.name()), Some(k));
        }
    }
}
