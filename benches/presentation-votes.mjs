// Votes in presentation mode on a large map, for the release build in dist/ (issue 35):
//   trunk build --release --offline && node benches/presentation-votes.mjs [votes]
//   (DIST=/tmp/other-build for another build)
// A map of 50 phases, each of 20 touchpoints, 5 KPIs and 120 cards in pain points and
// opportunities (7,250 cards: built a slice at a time), opened by a share link and saved, then
// presented; a card of the first and one of the last phase get `votes` votes each by keyboard
// (+), the card focused and left to settle first. Prints the longest the page's thread was away
// from a heartbeat ticking every 50 ms, per vote, and their median and worst.
import { chromium } from "@playwright/test";
import { manyCards } from "./maps.mjs";
import { serve } from "../tests/e2e/serve.mjs";
import { heartbeat } from "../tests/e2e/fixtures.js";

const votes = Number(process.argv[2] ?? 10);
const { payload } = manyCards("present", "Presented");

const server = await serve(process.env.DIST ?? "dist", 0);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const origin = `http://127.0.0.1:${server.address().port}/`;
const gaps = [];
try {
  const page = await (await browser.newContext({ serviceWorkers: "block" })).newPage();
  await page.goto(`${origin}#/share/${payload}`);
  await page.getByRole("button", { name: "Save a copy" }).click();
  await page.getByRole("link", { name: "Present" }).click();
  await page.locator(".presentation .lane-card").nth(6000 - 1).waitFor();
  const worst = await heartbeat(page);
  for (const card of ["pains0-0", "ideas49-59"]) {
    await page.locator(`#present-card-${card} button`).first().focus();
    await page.waitForTimeout(2000);
    for (let n = 1; n <= votes; n++) {
      await page.evaluate(() => Object.assign(window.__beat, { worst: 0, last: performance.now() }));
      await page.keyboard.press("+");
      await page.locator(`#present-card-${card}`).getByText(n === 1 ? "1 vote" : `${n} votes`).waitFor();
      await page.waitForTimeout(300);
      gaps.push(await worst());
    }
  }
  const sorted = [...gaps].sort((a, b) => a - b);
  console.log(`longest away per vote (ms): ${gaps.map((g) => g.toFixed(0)).join(" ")}`);
  console.log(`median ${sorted[Math.floor(sorted.length / 2)].toFixed(0)} ms, worst ${sorted.at(-1).toFixed(0)} ms over ${gaps.length} votes`);
} finally {
  await browser.close();
  server.close();
}
