// Browser benchmark of the app on generated maps, against the release build in dist/:
//   trunk build --release --offline && node benches/editor.mjs [runs] [small|workshop|large …]
//   DIST=/tmp/other-build node benches/editor.mjs …   (another build, to compare side by side)
//   node benches/editor.mjs --short     (CI: the small map, two runs; fails only if the app breaks)
// A full run ends with Lighthouse's scores for a first visit (benches/lighthouse.mjs).
// Prints median and 95th percentile over the runs, measured with the page's own clocks
// (performance.now, requestAnimationFrame, and the app's User Timing measures), never sleeps.
import { chromium } from "@playwright/test";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { CHROMIUM } from "../tests/e2e/chromium.mjs";
import { serve } from "../tests/e2e/serve.mjs";
import { judge } from "./lighthouse.mjs";
import { generate, storeMap } from "./maps.mjs";

const short = process.argv.includes("--short");
const runs = short ? 2 : Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 20);
const named = ["small", "workshop", "large"].filter((s) => process.argv.includes(s));
const sizes = short ? ["small"] : named.length ? named : ["small", "workshop", "large"];
const dist = process.env.DIST ?? "dist";
const server = await serve(dist, 0);
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch(CHROMIUM);

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return `${at(0.5).toFixed(1)} | ${at(0.95).toFixed(1)}`;
}

const gzipped = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const kb = (bytes) => (bytes / 1024).toFixed(1);

/** The build's wasm, js and css (every part of the split wasm included), gzipped. */
function wholeBuild() {
  const files = readdirSync(dist, { recursive: true }).filter((f) => /\.(wasm|js|css)$/.test(f) && f !== "sw.js");
  return files.reduce((sum, f) => sum + gzipped(f), 0);
}

/** The wasm, js and css among `urls`, gzipped. */
function downloaded(urls) {
  const files = [...new Set(urls.map((u) => decodeURIComponent(new URL(u).pathname).slice(1)))]
    .filter((f) => /\.(wasm|js|css)$/.test(f));
  return files.reduce((sum, f) => sum + gzipped(f), 0);
}

async function newPage() {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, serviceWorkers: "block" });
  const page = await context.newPage();
  page.on("pageerror", (e) => {
    throw new Error(`the app failed: ${e.message}`);
  });
  return page;
}

/** Resolves in the page once `ready()` holds and a frame showing it has been rendered (a task
 * queued from requestAnimationFrame runs after that frame's style, layout and paint); fails after
 * 20 s, so a broken app stops the benchmark instead of hanging it. Seen to hold in a frame
 * callback, it is in the frame being made: waiting for one more would count a frame too many. */
const afterFrame = `(ready) => new Promise((resolve, reject) => {
  const give_up = performance.now() + 20000;
  const done = () => setTimeout(() => resolve(performance.now()), 0);
  const check = (inFrame) => {
    if (ready()) inFrame ? done() : requestAnimationFrame(done);
    else if (performance.now() > give_up) reject(new Error("the app did not get there in 20 s: " + ready));
    else requestAnimationFrame(() => check(true));
  };
  check(false);
})`;

async function measure(size) {
  const { file, map } = generate(size, { release: !short });
  const rows = [];
  const row = (what, values) => rows.push(`| ${size} | ${what} | ${stats(values)} |`);
  const page = await newPage();
  await page.goto(`${origin}/`);
  await storeMap(page, map);
  await page.evaluate(`window.afterFrame = ${afterFrame}`);

  // From navigation until the library (with this map stored) can be used: the create button is
  // in the page and a frame is drawn. performance.now() counts from the navigation.
  const library = [];
  await page.addInitScript(`(${afterFrame})(() => [...document.querySelectorAll("button")].some((b) => b.textContent === "Create map"))
    .then((t) => { window.__interactive = t; });`);
  // The session's part, asked for as the first screen starts (builds from before it: none).
  const sessionReady = [];
  const sessionMark = () => performance.getEntriesByName("journey-mapper:session-ready")[0]?.startTime;
  for (let i = 0; i < Math.min(runs, 10); i++) {
    await page.goto(`${origin}/`);
    library.push(await page.waitForFunction(() => window.__interactive).then((h) => h.jsonValue()));
    const ready = await page.waitForFunction(sessionMark, null, { timeout: 2000 }).then((h) => h.jsonValue(), () => null);
    if (ready !== null) sessionReady.push(ready);
  }
  if (size === sizes[0]) {
    // What the first screen's code waited for: everything asked for before it started (on
    // builds without the mark, everything fetched by the time the library was interactive).
    const { first, session } = await page.evaluate(() => {
      const started = performance.getEntriesByName("journey-mapper:first-screen-code")[0]?.startTime ?? window.__interactive;
      const ready = performance.getEntriesByName("journey-mapper:session-ready")[0]?.startTime ?? -1;
      const resources = performance.getEntriesByType("resource");
      return {
        first: resources.filter((e) => e.startTime < started).map((e) => e.name),
        session: resources.filter((e) => e.startTime >= started && e.startTime < ready).map((e) => e.name),
      };
    });
    rows.push(`| build | first screen: gzipped wasm + js + css its code waited for (KB) | ${kb(downloaded(first))} | — |`);
    rows.push(`| build | the session's part, fetched once the first screen is drawn (KB) | ${session.length ? kb(downloaded(session)) : "—"} | — |`);
    rows.push(`| build | whole build: gzipped wasm + js + css, every part (KB) | ${kb(wholeBuild())} | — |`);
  }
  row("library interactive (ms)", library);
  if (sessionReady.length) row("library's buttons served: the session's part there and open (ms)", sessionReady);

  const perPhase = map.phases.map((p) => (p.touchpoints ?? []).length);
  // Issue 16's open: from clicking the map's link until every card on the screen is built in
  // full and a frame is drawn (each phase on the screen has all its touchpoints, none of the
  // cards on the screen is a placeholder: src/ui/browser/on_screen.rs). Then, from the same
  // click, until every touchpoint of the map is in the page, as a search in it needs.
  // `idle`: the library has been shown long enough for the app to fetch and compile the other
  // pages' parts of the wasm (src/ui/page_part.rs), as when a person looks at it before
  // choosing; otherwise the click comes as soon as the library shows, and the open waits for
  // the editor's part.
  const openOnce = async (page, idle) => {
    await page.goto(`${origin}/`);
    await page.getByRole("heading", { name: "Your journey maps" }).waitFor();
    if (idle) await page.waitForFunction(() => performance.getEntriesByName("journey-mapper:parts-loaded").length > 0);
    await page.evaluate(`window.afterFrame = ${afterFrame}`);
    return page.evaluate(async (perPhase) => {
      const start = performance.now();
      document.querySelector(".map-row a").click();
      const onScreen = (el) => {
        const r = el.getBoundingClientRect();
        return r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
      };
      const shown = await window.afterFrame(() => {
        const phases = [...document.querySelectorAll("li.phase")];
        return phases.length === perPhase.length
          && phases.every((p, i) => !onScreen(p) || p.querySelectorAll(".touchpoint").length === perPhase[i])
          && ![...document.querySelectorAll(".touchpoint, .kpi, .lane-card")].some((c) => c.classList.contains("placeholder") && onScreen(c));
      });
      const total = perPhase.reduce((a, b) => a + b, 0);
      const all = await window.afterFrame(() => document.querySelectorAll(".touchpoint").length >= total);
      return [shown - start, all - start];
    }, perPhase);
  };
  // A browser that has run the app before keeps its wasm compiled and optimised (V8 tiers hot
  // functions up as they run); a new one runs the editor's code for the first time.
  const fresh = [];
  for (let i = 0; i < Math.min(runs, 5); i++) {
    const newcomer = await newPage();
    await newcomer.goto(`${origin}/`);
    await storeMap(newcomer, map);
    fresh.push((await openOnce(newcomer, true))[0]);
    await newcomer.context().close();
  }
  const cold = [];
  for (let i = 0; i < Math.min(runs, 10); i++) cold.push((await openOnce(page, false))[0]);
  const open = [];
  const placed = [];
  for (let i = 0; i < Math.min(runs, 10); i++) {
    const [shown, all] = await openOnce(page, true);
    open.push(shown);
    placed.push(all);
  }
  row("open map: every card on the screen built (ms)", open);
  row("open map: every card's place in the page, for a search (ms)", placed);
  row("open map, clicked as soon as the library shows: the editor's part still loading (ms)", cold);
  row("open map in a browser new to the app: its code run for the first time (ms)", fresh);

  // One typed character: the input event through the edit, the history and the view, until the
  // next frame has been drawn.
  // Cards are compact until opened: open the first touchpoint, as a click on it does.
  await page.locator(".touchpoint .card-summary").first().click();
  const name = page.locator(".touchpoint .item-name").first();
  await name.focus();
  const keystroke = [];
  for (let i = 0; i < runs; i++) {
    keystroke.push(await page.evaluate(async () => {
      const field = document.activeElement;
      const start = performance.now();
      field.value += "x";
      field.dispatchEvent(new Event("input", { bubbles: true }));
      return (await window.afterFrame(() => true)) - start;
    }));
  }
  row("keystroke to next frame, incl. waiting for the frame clock (ms)", keystroke);

  // The same keystroke arriving as a frame begins: the input event and that frame's style,
  // layout, paint and compositing (a task queued from requestAnimationFrame runs after them).
  // This leaves out the wait for the display's next frame (0 to 16.7 ms, the same for any page).
  const toScreen = [];
  for (let i = 0; i < runs; i++) {
    toScreen.push(await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => {
      const field = document.activeElement;
      const start = performance.now();
      field.value += "x";
      field.dispatchEvent(new Event("input", { bubbles: true }));
      setTimeout(() => resolve(performance.now() - start), 0);
    }))));
  }
  row("keystroke to screen: the input and the frame that shows it (ms)", toScreen);

  // The same keystroke until it is in localStorage: autosave waits 300 ms after the last edit by
  // design (typing does not write on every key), then writes the changed map.
  const stored = [];
  const saving = [];
  for (let i = 0; i < Math.min(runs, 10); i++) {
    const [total, work] = await page.evaluate(async () => {
      // The app keeps only the latest measure of each name (src/ui/timing.rs).
      const latest = () => performance.getEntriesByName("journey-mapper:save").at(-1);
      const field = document.activeElement;
      const start = performance.now();
      field.value += "y";
      field.dispatchEvent(new Event("input", { bubbles: true }));
      await window.afterFrame(() => latest()?.startTime > start);
      const save = latest();
      return [save.startTime + save.duration - start, save.duration];
    });
    stored.push(total);
    saving.push(work);
  }
  row("keystroke to stored, incl. the 300 ms autosave delay (ms)", stored);
  row("the save itself: serialize + write the map (ms)", saving);
  // The day's first save holds the map as it was; the version is packed and kept when the page
  // is next idle (src/ui/session/autosave.rs). Once a day per map: one figure per run.
  const daily = await page.evaluate(() => window.afterFrame(() => performance.getEntriesByName("journey-mapper:daily-version").length > 0)
    .then(() => performance.getEntriesByName("journey-mapper:daily-version")[0].duration));
  row("the day's version, packed and kept when idle (ms, once)", [daily]);

  // Undo of the last edit (Ctrl+Z), until the next frame shows it undone.
  const undo = [];
  for (let i = 0; i < Math.min(runs, 10); i++) {
    undo.push(await page.evaluate(async () => {
      const field = document.activeElement;
      field.value += "z";
      field.dispatchEvent(new Event("input", { bubbles: true }));
      const typed = field.value;
      // As a person would: the keystroke has been shown before Ctrl+Z comes.
      await window.afterFrame(() => true);
      const start = performance.now();
      window.dispatchEvent(new KeyboardEvent("keydown", { key: "z", ctrlKey: true, bubbles: true }));
      return (await window.afterFrame(() => document.activeElement.value !== typed)) - start;
    }));
  }
  row("undo of the last edit (ms)", undo);

  // Moving the first touchpoint to the next phase and back (Alt + arrow), until the next frame.
  const move = [];
  // Focus stays with the card it moved, so it goes right, then back left, and so on.
  await name.focus();
  for (let i = 0; i < Math.min(runs, 10); i++) {
    move.push(await page.evaluate(async (right) => {
      const card = document.activeElement.closest(".touchpoint");
      const from = card.closest(".phase");
      const start = performance.now();
      document.activeElement.dispatchEvent(new KeyboardEvent("keydown", { key: right ? "ArrowRight" : "ArrowLeft", altKey: true, bubbles: true }));
      return (await window.afterFrame(() => !from.contains(document.getElementById(card.id)))) - start;
    }, i % 2 === 0));
  }
  row("move a touchpoint to another phase (ms)", move);

  // Each chart's own redraw (the app's User Timing measure around the plotters drawing), after
  // the edits a person makes that change what it shows: a touchpoint's emotion (experience
  // curve), its channel (coverage), a KPI's target (progress and trend).
  // The field is in the first card of its kind, opened first (one card is open at a time).
  // Charts are drawn only near the screen: the field keeps the focus (so its card stays built)
  // while the page shows the charts panel, as a second screen on the projector would.
  const edits = [
    [".touchpoint select.emotion", (i) => String((i % 5) - 2), ".touchpoint .card-summary"],
    [".touchpoint input[list=channels]", (i) => `Channel ${i}`, ".touchpoint .card-summary"],
    [".kpi input[aria-label=Target]", (i) => String(100 + i), ".kpi .card-summary"],
  ];
  const draws = [];
  for (let i = 0; i < Math.min(runs, 10); i++) {
    for (const [selector, value, opener] of edits) {
      // The charts this edit redrew: their latest measures began after it.
      draws.push(...await page.evaluate(async ([selector, value, opener]) => {
        window.scrollTo(0, 0);
        await window.afterFrame(() => true);
        if (!document.querySelector(selector)) {
          // A card far from the screen is built once it comes near.
          const kind = opener.split(" ")[0];
          if (!document.querySelector(kind)) return []; // the small map has no KPIs
          document.querySelector(kind).scrollIntoView({ block: "center" });
          await window.afterFrame(() => document.querySelector(opener));
          const card = document.querySelector(opener);
          card.click();
          await window.afterFrame(() => document.querySelector(selector));
        }
        const field = document.querySelector(selector);
        field.focus({ preventScroll: true });
        document.querySelector(".charts").scrollIntoView();
        // Coming near draws the charts once: the edit's redraw is the one after that. A chart is
        // drawn just after the frame that shows a change (src/ui/charts/plot.rs): a frame more.
        for (let frame = 0; frame < 3; frame++) await window.afterFrame(() => true);
        const start = performance.now();
        field.value = value;
        field.dispatchEvent(new Event("input", { bubbles: true }));
        field.dispatchEvent(new Event("change", { bubbles: true }));
        for (let frame = 0; frame < 2; frame++) await window.afterFrame(() => true);
        return performance.getEntriesByType("measure")
          .filter((m) => m.name.startsWith("journey-mapper:chart:") && m.startTime >= start)
          .map((m) => [m.name.slice(21), m.duration]);
      }, [selector, value(i), opener]));
    }
  }
  for (const chart of [...new Set(draws.map(([n]) => n))]) {
    row(`redraw chart ${chart} (ms)`, draws.filter(([n]) => n === chart).map(([, d]) => d));
  }
  await page.context().close();

  // Importing the map as a JSON file into an empty library: from choosing the file until the
  // preview is shown, and from "Import" until the map is listed (it is then stored by the usual
  // autosave, measured above).
  const preview = [];
  const confirm = [];
  for (let i = 0; i < Math.min(runs, 5); i++) {
    const fresh = await newPage();
    await fresh.goto(`${origin}/`);
    await fresh.getByRole("heading", { name: "Your journey maps" }).waitFor();
    await fresh.evaluate(`window.afterFrame = ${afterFrame}`);
    await fresh.evaluate(() => document.addEventListener("change", () => (window.__picked = performance.now()), true));
    await fresh.getByLabel("Import JSON file").setInputFiles(file);
    preview.push(await fresh.evaluate(async () =>
      (await window.afterFrame(() => [...document.querySelectorAll("button")].some((b) => b.textContent === "Import"))) - window.__picked));
    confirm.push(await fresh.evaluate(async () => {
      const start = performance.now();
      [...document.querySelectorAll("button")].find((b) => b.textContent === "Import").click();
      return (await window.afterFrame(() => document.querySelector(".map-row"))) - start;
    }));
    await fresh.context().close();
  }
  row("JSON import: file chosen until preview (ms)", preview);
  row("JSON import: Import clicked until listed (ms)", confirm);
  return rows;
}

try {
  console.log("| map | what | median | p95 |\n| --- | --- | --- | --- |");
  for (const size of sizes) {
    for (const line of await measure(size)) console.log(line);
  }
  // The outside judge on a first visit; not in the short run, which only checks the app works.
  if (!short) {
    const { rows, failed } = await judge(dist);
    for (const line of rows) console.log(line);
    if (failed.length) console.log(`\nLighthouse, not passed:\n${failed.map((f) => `- ${f}`).join("\n")}`);
  }
} finally {
  await browser.close();
  server.close();
}
