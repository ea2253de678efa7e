//! The texts of the customer base: its charts, forecast and scorecard.

use super::Text;

texts! {
    QuarterLetter => "Q", "K";
    ChartCohorts => "Cohort retention", "Cohortbehoud";
    ChartCustomerBase => "The customer base", "Het klantenbestand";
    ChartNoCohorts => "Measure an order export of two months or more under Customer base", "Meet een bestelexport van twee maanden of meer onder Klantenbestand";
    ChartNoCustomerBase => "Measure an order export under Customer base", "Meet een bestelexport onder Klantenbestand";
    MonthsLater => "Months after the first order", "Maanden na de eerste bestelling";
    QuartersLater => "Quarters after the first order", "Kwartalen na de eerste bestelling";
    Cohort => "First order in", "Eerste bestelling in";
    Period => "Period", "Periode";
    ExpectedRepeatPurchases => "Expected repeat purchases (forecast)", "Verwachte herhaalaankopen (voorspelling)";
}
