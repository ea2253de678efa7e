// Browser benchmark of the loyalty analytics on the release build (dist/):
//   trunk build --release --offline && node benches/loyalty.mjs [runs]
// A shop's order export of 100,000 orders (about 6 MB, Dutch format) is measured and fitted by
// the analytics worker, as the app runs it: the worker started and its wasm fetched once, then
// each run times one job from handing the file over to the outcome, with the page's clock.
// Prints median and 95th percentile, and the analytics part's size gzipped. The outcome the page
// gets is part of each time (the forecast per customer is every customer's row).
import { chromium } from "@playwright/test";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { CHROMIUM } from "../tests/e2e/chromium.mjs";
import { serve } from "../tests/e2e/serve.mjs";

const runs = Number(process.argv[2] ?? 10);
const dist = process.env.DIST ?? "dist";
const server = await serve(dist, 0);
const browser = await chromium.launch(CHROMIUM);
const page = await browser.newPage();
await page.goto(`http://127.0.0.1:${server.address().port}/`);

/** As `generate::order_export` makes it (src/model/generate.rs): customers arriving over two
 * years, each buying at a rate of their own until they stop, one order in fifty a refund. */
function orderExport(orders) {
  let seed = 1;
  const uniform = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const end = Date.UTC(2026, 10, 30) / 86400000;
  const rows = [];
  for (let customer = 1; rows.length < orders; customer++) {
    let day = end - 730 + 730 * uniform();
    const gap = 10 + 200 * uniform() * uniform(), stop = 0.05 + 0.5 * uniform() * uniform(), spend = 10 + 150 * uniform() * uniform();
    while (day <= end && rows.length < orders) {
      const cents = Math.round(spend * (0.5 + uniform()) * 100) * (uniform() < 0.02 ? -1 : 1);
      rows.push([Math.floor(day), customer, cents]);
      if (uniform() < stop) break;
      day += -gap * Math.log(1 - uniform());
    }
  }
  rows.sort((a, b) => a[0] - b[0]);
  const lines = rows.map(([day, customer, cents], n) => {
    const d = new Date(day * 86400000);
    const date = `${String(d.getUTCDate()).padStart(2, "0")}-${String(d.getUTCMonth() + 1).padStart(2, "0")}-${d.getUTCFullYear()}`;
    const amount = `${cents < 0 ? "-" : ""}${Math.floor(Math.abs(cents) / 100)},${String(Math.abs(cents) % 100).padStart(2, "0")}`;
    return `${10000 + n};K${String(customer).padStart(6, "0")};klant${customer}@example.nl;${date};${amount};${cents < 0 ? "refunded" : "paid"}`;
  });
  return "Bestelnummer;Klantnummer;E-mailadres;Besteldatum;Totaal;Status\n" + lines.join("\n") + "\n";
}

const text = orderExport(100_000);
const result = await page.evaluate(async ({ text, runs }) => {
  const { readOffThread } = await import(new URL("pkg/reader-page.js", document.baseURI));
  const file = new File([text], "orders.csv", { type: "text/csv" });
  const columns = { order_id: "Bestelnummer", customer: "Klantnummer", date: "Besteldatum", total: "Totaal" };
  const mapping = { source: "orders", period: "month", columns };
  const jobs = {
    measure: { Measure: { kind: "retention_rate", mapping, today: "2026-12-06" } },
    forecast: { Forecast: { mapping, today: "2026-12-06", terms: { margin: 0.3, discount: 0.1 } } },
  };
  // The worker is started, its wasm fetched and compiled, outside the runs; the forecast per
  // customer takes the models the forecast fitted, as the app hands them over.
  await readOffThread(JSON.stringify(jobs.measure), file, 60000, 60000, true, "analytics");
  const fitted = await readOffThread(JSON.stringify(jobs.forecast), file, 60000, 60000, true, "analytics");
  const forecast = JSON.parse(typeof fitted === "string" ? fitted : fitted.outcome).Forecast.base.forecast;
  jobs.perCustomer = { PerCustomer: { mapping, today: "2026-12-06", terms: { margin: 0.3, discount: 0.1 }, forecast } };
  const times = { measure: [], forecast: [], perCustomer: [] };
  let outcome = {};
  for (let i = 0; i < runs; i++) {
    for (const [name, job] of Object.entries(jobs)) {
      const start = performance.now();
      const answer = await readOffThread(JSON.stringify(job), file, 60000, 60000, true, "analytics");
      times[name].push(performance.now() - start);
      outcome[name] = typeof answer === "string" ? answer : answer.outcome.slice(0, 300);
    }
  }
  return { times, outcome, bytes: file.size };
}, { text, runs });

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return `${at(0.5).toFixed(0)} | ${at(0.95).toFixed(0)}`;
}
const kb = (file) => (gzipSync(readFileSync(`${dist}/pkg/${file}`), { level: 9 }).length / 1024).toFixed(1);
console.log(`order export: 100,000 orders, ${(result.bytes / 1024 / 1024).toFixed(1)} MB; ${runs} runs; ms median | p95`);
console.log(`measure (read, check, count per month): ${stats(result.times.measure)}`);
console.log(`forecast (read, cohorts, BG/NBD and Gamma-Gamma fitted, 12 months ahead): ${stats(result.times.forecast)}`);
console.log(`forecast per customer (the same, and each customer's year ahead, for the CSV): ${stats(result.times.perCustomer)}`);
console.log(`analytics part: analytics_bg.wasm ${kb("analytics_bg.wasm")} KB + analytics.js ${kb("analytics.js")} KB gzipped`);
if (!result.outcome.forecast.includes("Forecast")) console.log("unexpected outcome:", result.outcome);
await browser.close();
server.close();
