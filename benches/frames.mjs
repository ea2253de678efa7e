// Where a frame's time goes, from Chromium's own trace, for the release build in dist/:
//   trunk build --release --offline && node benches/frames.mjs [keystroke|move|open] [small|workshop|large]
//   (DIST=/tmp/other-build for another build, as with editor.mjs)
// "keystroke": 20 characters typed into the first touchpoint's name, each at the start of a frame;
// "move": the first touchpoint moved to the next phase and back (Alt + arrows), 10 times;
// "open": opening the map from the library once. Prints the trace events that make up the main
// thread's work (script, style, layout, paint, compositing), summed and per keystroke or open.
import { chromium } from "@playwright/test";
import { serve } from "../tests/e2e/serve.mjs";
import { generate, storeMap } from "./maps.mjs";

const what = ["open", "move"].find((w) => process.argv.includes(w)) ?? "keystroke";
const size = ["small", "workshop", "large"].find((s) => process.argv.includes(s)) ?? "large";
const { map } = generate(size);

const server = await serve(process.env.DIST ?? "dist", 0);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
try {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, serviceWorkers: "block" });
  const page = await context.newPage();
  const origin = `http://127.0.0.1:${server.address().port}`;
  await page.goto(`${origin}/`);
  await storeMap(page, map);
  await page.goto(`${origin}/`);
  const link = page.locator(".map-row a").first();
  await link.waitFor();
  if (what !== "open") {
    await link.click();
    // Cards are compact until opened: open the first touchpoint, as a click on it does.
    await page.locator(".touchpoint .card-summary").first().click();
    await page.locator(".touchpoint .item-name").first().focus();
  }
  // Let the page settle (charts, fonts) before tracing.
  await page.waitForTimeout(1000);

  const cdp = await context.newCDPSession(page);
  const events = [];
  cdp.on("Tracing.dataCollected", (e) => events.push(...e.value));
  const complete = new Promise((resolve) => cdp.once("Tracing.tracingComplete", resolve));
  await cdp.send("Tracing.start", { categories: "devtools.timeline,blink", transferMode: "ReportEvents" });
  const times = [];
  const count = { open: 1, move: 10, keystroke: 20 }[what];
  for (let i = 0; i < count; i++) {
    times.push(await page.evaluate(([what, i]) => new Promise((resolve) => requestAnimationFrame(() => {
      const start = performance.now();
      let ready = () => document.querySelector(".touchpoint .card-summary");
      if (what === "open") {
        document.querySelector(".map-row a").click();
      } else if (what === "move") {
        const card = document.activeElement.closest(".touchpoint");
        const from = card.closest(".phase");
        const key = i % 2 === 0 ? "ArrowRight" : "ArrowLeft";
        document.activeElement.dispatchEvent(new KeyboardEvent("keydown", { key, altKey: true, bubbles: true }));
        ready = () => !from.contains(document.getElementById(card.id));
      } else {
        const field = document.activeElement;
        field.value += "x";
        field.dispatchEvent(new Event("input", { bubbles: true }));
      }
      // Until a frame with the change in it has been drawn: a task queued from a frame
      // callback runs after that frame's rendering.
      const check = () => (ready() ? setTimeout(() => resolve(performance.now() - start), 0) : requestAnimationFrame(check));
      check();
    })), [what, i]));
    // Past the autosave's delay, so that each run's save falls outside the next one.
    await page.waitForTimeout(what === "move" ? 400 : 50);
  }
  await cdp.send("Tracing.end");
  await complete;

  const main = events.find((e) => e.name === "UpdateLayoutTree")?.tid;
  const parts = {
    "script (event handlers, timers, frame callbacks)": ["EventDispatch", "TimerFire", "FireAnimationFrame", "RunMicrotasks", "FunctionCall"],
    "style": ["UpdateLayoutTree"],
    "layout": ["Layout"],
    "pre-paint": ["PrePaint"],
    "paint": ["Paint"],
    "compositing (layerize)": ["Layerize"],
    "intersection observers": ["IntersectionObserverController::computeIntersections"],
    "hit testing": ["HitTest"],
    "garbage collection": ["MinorGC", "MajorGC"],
  };
  // Top-level events only: a Layout forced inside a script is counted with the script.
  const spans = events.filter((e) => e.ph === "X" && e.tid === main && e.dur).sort((a, b) => a.ts - b.ts);
  const sums = Object.fromEntries(Object.keys(parts).map((k) => [k, 0]));
  let end = 0;
  for (const e of spans) {
    const part = Object.keys(parts).find((k) => parts[k].includes(e.name));
    if (!part || e.ts < end) continue;
    sums[part] += e.dur / 1000;
    end = e.ts + e.dur;
  }
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)].toFixed(1);
  console.log(`${size} map, ${what}: ${count} run(s), median ${at(0.5)} ms, p95 ${at(0.95)} ms (from the input to the frame drawn)`);
  console.log(`elements in the page: ${await page.evaluate(() => document.querySelectorAll("*").length)}, cards built: ${await page.evaluate(() => document.querySelectorAll(".items > li:not(.placeholder)").length)}`);
  console.log("| part of the main thread's work | total ms | per run |\n| --- | --- | --- |");
  for (const [part, ms] of Object.entries(sums)) console.log(`| ${part} | ${ms.toFixed(1)} | ${(ms / count).toFixed(2)} |`);
} finally {
  await browser.close();
  server.close();
}
