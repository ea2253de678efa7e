//! What the loyalty model's values are called in the user's language.

use super::columns::Role;
use super::kind::{KpiKind, Sample, SampleOf};
use super::measure::{CellProblem, CellProblemKind};
use crate::i18n::{Lang, Text};
use crate::model::exchange::quoted;

impl KpiKind {
    pub fn label(self) -> Text {
        use KpiKind::*;
        match self {
            Number => Text::KindNumber,
            Nps => Text::KindNps,
            Csat5 => Text::KindCsat5,
            Csat7 => Text::KindCsat7,
            Csat10 => Text::KindCsat10,
            Ces5 => Text::KindCes5,
            Ces7 => Text::KindCes7,
            OpenRate => Text::KindOpenRate,
            ClickThroughRate => Text::KindClickThroughRate,
            Rate => Text::KindRate,
            Customers => Text::KindCustomers,
            NewCustomers => Text::KindNewCustomers,
            ReturningCustomers => Text::KindReturningCustomers,
            RepeatPurchaseRate => Text::KindRepeatPurchaseRate,
            RetentionRate => Text::KindRetentionRate,
            AverageOrderValue => Text::KindAverageOrderValue,
            RevenuePerCustomer => Text::KindRevenuePerCustomer,
            HistoricClv => Text::KindHistoricClv,
        }
    }

    /// "How this is computed", in words.
    pub fn how(self) -> Text {
        use KpiKind::*;
        match self {
            Number => Text::HowNumber,
            Nps => Text::HowNps,
            Csat5 | Csat7 | Csat10 => Text::HowCsat,
            Ces5 | Ces7 => Text::HowCes,
            OpenRate => Text::HowOpenRate,
            ClickThroughRate => Text::HowClickThroughRate,
            Rate => Text::HowRate,
            Customers => Text::HowCustomers,
            NewCustomers => Text::HowNewCustomers,
            ReturningCustomers => Text::HowReturningCustomers,
            RepeatPurchaseRate => Text::HowRepeatPurchaseRate,
            RetentionRate => Text::HowRetentionRate,
            AverageOrderValue => Text::HowAverageOrderValue,
            RevenuePerCustomer => Text::HowRevenuePerCustomer,
            HistoricClv => Text::HowHistoricClv,
        }
    }
}

impl Sample {
    /// "150 answers", with "small sample" after it where it is.
    pub fn words(self, lang: Lang) -> String {
        let (one, many) = match self.of {
            SampleOf::Answers => (Text::SampleAnswer, Text::SampleAnswers),
            SampleOf::Delivered => (Text::SampleDeliveredOne, Text::SampleDelivered),
            SampleOf::Counted => (Text::SampleCountedOne, Text::SampleCounted),
            SampleOf::Orders => (Text::SampleOrder, Text::SampleOrders),
            SampleOf::Customers => (Text::SampleCustomer, Text::SampleCustomers),
        };
        let size = lang.count(self.size, one, many);
        if self.is_small() {
            format!("{size} ({})", lang.t(Text::SmallSample))
        } else {
            size
        }
    }
}

impl Role {
    pub fn label(self) -> Text {
        match self {
            Role::Date => Text::RoleDate,
            Role::OrderId => Text::RoleOrderId,
            Role::Customer => Text::RoleCustomer,
            Role::Total => Text::RoleTotal,
            Role::Score => Text::RoleScore,
            Role::Sent => Text::RoleSent,
            Role::Delivered => Text::RoleDelivered,
            Role::Opened => Text::RoleOpened,
            Role::Clicked => Text::RoleClicked,
        }
    }
}

impl CellProblem {
    pub fn message(&self, lang: Lang) -> String {
        let line = self.line.to_string();
        let (text, value) = match &self.kind {
            CellProblemKind::Empty => (Text::CellEmpty, String::new()),
            CellProblemKind::Date(v) => (Text::CellDate, quoted(v)),
            CellProblemKind::Future(d) => (Text::CellFuture, d.to_string()),
            CellProblemKind::Number(v) => (Text::CellNumber, quoted(v)),
            CellProblemKind::TooLarge(v) => (Text::CellTooLarge, quoted(v)),
            CellProblemKind::Count(v) => (Text::CellCount, quoted(v)),
            CellProblemKind::CountTooLarge(v) => (Text::CellCountTooLarge, quoted(v)),
            CellProblemKind::Score(v) => (Text::CellScore, quoted(v)),
            CellProblemKind::Duplicate { first } => (Text::CellDuplicate, first.to_string()),
            CellProblemKind::MoreThanWhole => (Text::CellMoreThanWhole, String::new()),
        };
        let column = quoted(&self.column);
        lang.fill(
            text,
            &[
                ("line", &line),
                ("column", &column),
                ("value", &value),
                ("first", &value),
            ],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_problem_names_its_line_and_column_in_both_languages() {
        let p = CellProblem {
            line: 12,
            column: "Besteldatum".into(),
            kind: CellProblemKind::Date("gisteren".into()),
        };
        assert_eq!(
            p.message(Lang::Nl),
            "regel 12, kolom “Besteldatum”: “gisteren” is geen datum zoals 2026-01-31 of 31-01-2026"
        );
        let small = Sample {
            size: 12,
            of: SampleOf::Answers,
        };
        assert_eq!(small.words(Lang::En), "12 answers (small sample)");
    }
}
