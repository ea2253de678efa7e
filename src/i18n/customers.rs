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
    CustomerBaseHeading => "Customer base", "Klantenbestand";
    CustomerBaseIntro => "From the shop's order export: how many customers buy again, each month's new customers and how many of them come back, and what the next 12 months are expected to bring.", "Uit de bestelexport van de winkel: hoeveel klanten opnieuw kopen, de nieuwe klanten van elke maand en hoeveel van hen terugkomen, en wat de komende 12 maanden naar verwachting brengen.";
    MeasureCustomerBase => "Measure from an order export", "Meten uit een bestelexport";
    Margin => "Margin, % of revenue", "Marge, % van de omzet";
    DiscountRate => "Discount rate, % a year", "Disconteringsvoet, % per jaar";
    TermsHint => "Used for the predicted value when an export is read.", "Gebruikt voor de voorspelde waarde wanneer een export wordt gelezen.";
    TermsOutOfRange => "Margin and discount rate are percentages from 0 to 100.", "Marge en disconteringsvoet zijn percentages van 0 tot 100.";
    KeepCustomerBase => "Keep on the map", "Op de kaart bewaren";
    ReplacesCustomerBase => "This replaces the customer base the map has now (Undo brings it back).", "Dit vervangt het klantenbestand dat de kaart nu heeft (Ongedaan maken zet het terug).";
    CustomerBaseNotKept => "These figures could not be kept on the map.", "Deze cijfers konden niet op de kaart worden bewaard.";
    RemoveCustomerBase => "Remove the customer base", "Klantenbestand verwijderen";
    NoCustomerBaseYet => "No order export measured yet.", "Nog geen bestelexport gemeten.";
    FittedOn => "forecast fitted on {customers} customers", "voorspelling geschat op {customers} klanten";
    NoForecast => "Too few repeat purchases to fit the forecast: the cohorts and customers per period are shown without it.", "Te weinig herhaalaankopen voor een voorspelling: de cohorten en klanten per periode staan er zonder.";
    NoSpendModel => "Too few customers bought again for a positive amount to fit the spend model: no predicted value.", "Te weinig klanten kochten opnieuw voor een positief bedrag om het bestedingsmodel te schatten: geen voorspelde waarde.";
    StillBuying => "Customers still buying (expected)", "Klanten die nog kopen (verwacht)";
    StillBuyingValue => "{n} of {total} ({share} %)", "{n} van {total} ({share} %)";
    RepeatNextYear => "Repeat purchases expected in the next 12 months", "Verwachte herhaalaankopen in de komende 12 maanden";
    ClvPerCustomer => "Predicted value per customer, next 12 months", "Voorspelde waarde per klant, komende 12 maanden";
    ClvTerms => "at {margin} % margin and {discount} % discount a year", "bij {margin} % marge en {discount} % disconto per jaar";
    ClvSpread => "mean {mean}; a tenth of the customers below {p10}, half below {p50}, the top tenth above {p90}", "gemiddeld {mean}; een tiende van de klanten onder {p10}, de helft onder {p50}, het bovenste tiende boven {p90}";
    ClvTotal => "Predicted value of all customers together", "Voorspelde waarde van alle klanten samen";
    HowForecastComputed => "How this was computed", "Zo is dit berekend";
    HowForecast => "Repeat buying follows the BG/NBD model (Fader, Hardie & Lee, 2005): each customer buys at their own pace and may drop out after any purchase; both vary across customers. Spend per purchase follows the Gamma-Gamma model (Fader, Hardie & Lee, 2005). Both are fitted by maximum likelihood to every customer's repeat purchases (days with an order after their first), the week of the last and the weeks since the first, in this browser. The predicted value is margin × expected spend × expected purchases in each of the next 12 months, discounted to today.", "Herhaalaankopen volgen het BG/NBD-model (Fader, Hardie & Lee, 2005): elke klant koopt in een eigen tempo en kan na elke aankoop afhaken; beide verschillen per klant. Besteding per aankoop volgt het Gamma-Gamma-model (Fader, Hardie & Lee, 2005). Beide worden met de grootste aannemelijkheid geschat op de herhaalaankopen van elke klant (dagen met een bestelling na de eerste), de week van de laatste en het aantal weken sinds de eerste, in deze browser. De voorspelde waarde is marge × verwachte besteding × verwachte aankopen in elk van de komende 12 maanden, verdisconteerd naar vandaag.";
    BgNbdFit => "Repeat buying (BG/NBD): r = {r}, α = {alpha}, a = {a}, b = {b}; log-likelihood {ll}; {customers} customers with orders from {first} to {last}, time in weeks.", "Herhaalaankopen (BG/NBD): r = {r}, α = {alpha}, a = {a}, b = {b}; log-aannemelijkheid {ll}; {customers} klanten met bestellingen van {first} tot {last}, tijd in weken.";
    GammaGammaFit => "Spend per purchase (Gamma-Gamma): p = {p}, q = {q}, γ = {gamma}; log-likelihood {ll}; {customers} customers who bought again.", "Besteding per aankoop (Gamma-Gamma): p = {p}, q = {q}, γ = {gamma}; log-aannemelijkheid {ll}; {customers} klanten die opnieuw kochten.";
    LoyaltyHeading => "Loyalty", "Loyaliteit";
    ScorecardHeading => "Loyalty scorecard", "Scorekaart loyaliteit";
    AspectRetention => "Retention", "Klantbehoud";
    AspectRecommendation => "Recommendation", "Aanbeveling";
    AspectBuying => "Buying behaviour", "Koopgedrag";
    BetterThanBefore => "better than before", "beter dan de vorige";
    WorseThanBefore => "worse than before", "slechter dan de vorige";
    TrendSince => "Since {from}: {values}", "Sinds {from}: {values}";
    NotMeasuredYet => "Not measured yet: drop an export on this KPI.", "Nog niet gemeten: zet een export op deze KPI.";
    NoRetentionKpi => "No KPI measures this yet: make one a retention rate or returning customers.", "Nog geen KPI meet dit: maak er een klantbehoud (retentie) of terugkerende klanten van.";
    NoRecommendationKpi => "No KPI measures this yet: make one a Net Promoter Score.", "Nog geen KPI meet dit: maak er een Net Promoter Score van.";
    NoBuyingKpi => "No KPI measures this yet: make one a repeat-purchase rate, a customer lifetime value, revenue per customer or average order value.", "Nog geen KPI meet dit: maak er een herhaalaankoopratio, klantwaarde, omzet per klant of gemiddelde orderwaarde van.";
    ExpectedRepeatPurchases => "Expected repeat purchases (forecast)", "Verwachte herhaalaankopen (voorspelling)";
}
