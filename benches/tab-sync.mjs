// Another tab's saves taken in on a large map, for the release build in dist/ (issue 38):
//   trunk build --release --offline && node benches/tab-sync.mjs [saves]
//   (DIST=/tmp/other-build for another build)
// A map of 50 phases, each of 20 touchpoints, 5 KPIs and 120 cards (7,250 cards), opened by a
// share link and saved, then opened in a second tab of the same browser. The first tab changes
// the map's title `saves` times, each saved before the next; the second tab takes each in.
// Prints, per save, the longest the second tab's thread was away from a heartbeat ticking every
// 50 ms, and the time from the first tab's save until the second shows the title.
import { chromium } from "@playwright/test";
import { manyCards } from "./maps.mjs";
import { serve } from "../tests/e2e/serve.mjs";
import { heartbeat } from "../tests/e2e/fixtures.js";

const saves = Number(process.argv[2] ?? 10);
const { payload } = manyCards("two-tabs", "In two tabs");

const server = await serve(process.env.DIST ?? "dist", 0);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const origin = `http://127.0.0.1:${server.address().port}/`;
const [gaps, shown] = [[], []];
const saved = (page) => page.getByRole("status").filter({ hasText: "All changes saved" }).waitFor();
try {
  const context = await browser.newContext({ serviceWorkers: "block" });
  const first = await context.newPage();
  await first.goto(`${origin}#/share/${payload}`);
  await first.getByRole("button", { name: "Save a copy" }).click();
  await first.locator(".lane-card").nth(6000 - 1).waitFor();
  await saved(first);
  const second = await context.newPage();
  await second.goto(first.url());
  await second.locator(".lane-card").nth(6000 - 1).waitFor();
  await second.waitForTimeout(2000);
  const worst = await heartbeat(second);
  for (let n = 1; n <= saves; n++) {
    const title = `In two tabs, save ${n}`;
    await second.evaluate(() => Object.assign(window.__beat, { worst: 0, last: performance.now() }));
    await first.getByLabel("Map title").fill(title);
    await saved(first);
    const at = Date.now();
    await second.waitForFunction((title) => document.querySelector("[aria-label='Map title']")?.value === title, title, { polling: 10 });
    shown.push(Date.now() - at);
    await second.waitForTimeout(500);
    gaps.push(await worst());
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`second tab's longest away per save (ms): ${gaps.map((g) => g.toFixed(0)).join(" ")}`);
  console.log(`away: median ${median(gaps).toFixed(0)} ms, worst ${Math.max(...gaps).toFixed(0)} ms; shown after the save: median ${median(shown)} ms, worst ${Math.max(...shown)} ms, over ${saves} saves`);
} finally {
  await browser.close();
  server.close();
}
