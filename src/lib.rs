//! Journey Mapper: customer journeys with their phases, touchpoints and KPIs, in the browser.

pub mod charts;
pub mod i18n;
pub mod model;
pub mod storage;
pub mod ui;
