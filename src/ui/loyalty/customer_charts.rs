use crate::charts::customers;
use crate::i18n::Text;
use crate::model::loyalty::CustomerBase;
use crate::ui::charts::chart_canvas::{png_name, ChartCanvas};
use crate::ui::use_lang;
use leptos::prelude::*;

/// The customer base's two charts, cohort retention and customers per period with the
/// forecast, each with its data table and PNG (named `file_name` and the chart's).
#[component]
pub fn CustomerCharts(
    #[prop(into)] base: Signal<Option<CustomerBase>>,
    file_name: Signal<String>,
) -> impl IntoView {
    let lang = use_lang();
    let file = move |suffix| png_name(file_name, suffix);
    view! {
        <ChartCanvas
            title=Text::ChartCohorts
            file=file("cohorts")
            data=base
            draw=|area, b, look| { let _ = customers::cohorts(area, b, look); }
            table=Signal::derive(move || base.with(|b| customers::cohorts_table(b, lang.get())))
        />
        <ChartCanvas
            title=Text::ChartCustomerBase
            file=file("customer-base")
            data=base
            draw=|area, b, look| { let _ = customers::base(area, b, look); }
            table=Signal::derive(move || base.with(|b| customers::base_table(b, lang.get())))
        />
    }
}
