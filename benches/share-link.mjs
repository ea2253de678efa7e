// A share link of a valid map at the app's limits, opened as a person opens a link, for the release
// build in dist/ (issue 35):
//   trunk build --release --offline && node benches/share-link.mjs [runs] [full]
//   (DIST=/tmp/other-build for another build)
// The map is the hostile corpus's (50 phases of 500 touchpoints, a link of 90 KB); "full" adds 100
// KPIs and 1,000 lane cards to every phase (80,000 cards, the most a map may have). Prints, per run,
// when the map's heading is shown and when its last card is, and the longest the page's thread
// was away from a heartbeat ticking every 50 ms.
import { chromium } from "@playwright/test";
import { deflateRawSync } from "node:zlib";
import { serve } from "../tests/e2e/serve.mjs";
import { mapAtLimits } from "../scripts/hostile-corpus.mjs";
import { heartbeat } from "../tests/e2e/fixtures.js";

const runs = Number(process.argv[2] ?? 5);
const full = process.argv.includes("full");
const map = mapAtLimits();
if (full) {
  map.lanes = Array.from({ length: 10 }, (_, l) => ({ id: `l${l}`, kind: l % 2 ? "pain_points" : "does" }));
  map.phases.forEach((phase, p) => {
    phase.kpis = Array.from({ length: 100 }, (_, k) => ({ id: `k${p}-${k}`, name: `KPI ${k}`, direction: "increase" }));
    phase.cards = Object.fromEntries(map.lanes.map((lane, l) => [lane.id, Array.from({ length: 100 }, (_, c) => ({ id: `c${p}-${l}-${c}`, text: `Card ${c}` }))]));
  });
}
const cards = map.phases.reduce((n, p) => n + p.touchpoints.length + (p.kpis?.length ?? 0) + Object.values(p.cards ?? {}).flat().length, 0);
const payload = deflateRawSync(Buffer.from(JSON.stringify({ format: "journey-map", version: 2, map })), { level: 9 }).toString("base64url");

const server = await serve(process.env.DIST ?? "dist", 0);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const origin = `http://127.0.0.1:${server.address().port}/`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [];
console.log(`${cards} cards, a link of ${(payload.length / 1024).toFixed(0)} KB`);
try {
  for (let run = 1; run <= runs; run++) {
    const context = await browser.newContext({ serviceWorkers: "block" });
    const page = await context.newPage();
    await page.goto(origin);
    await page.getByRole("heading", { level: 1 }).waitFor();
    const worstGap = await heartbeat(page);
    const start = await page.evaluate((p) => {
      const at = performance.now();
      location.hash = `#/share/${p}`;
      return at;
    }, payload);
    const when = (test, arg = null) => page.waitForFunction(test, arg, { polling: 20, timeout: 60_000 }).then(() => page.evaluate(() => performance.now()));
    const heading = (await when(() => document.querySelector("h1")?.textContent === "At the limits")) - start;
    const last = (await when((n) => document.querySelectorAll(".journey-grid .touchpoint, .journey-grid .kpi, .journey-grid .lane-card").length === n, cards)) - start;
    const worst = await worstGap();
    rows.push({ heading, last, worst });
    console.log(`run ${run}: heading ${heading.toFixed(0)} ms, every card ${last.toFixed(0)} ms, longest away ${worst.toFixed(0)} ms`);
    await context.close();
  }
  const m = (key) => median(rows.map((r) => r[key])).toFixed(0);
  console.log(`median of ${runs}: heading ${m("heading")} ms, every card ${m("last")} ms, longest away ${m("worst")} ms (worst run ${Math.max(...rows.map((r) => r.worst)).toFixed(0)} ms)`);
} finally {
  await browser.close();
  server.close();
}
