// Live sessions: from a keystroke in one browser to the text on the others' screens, through
// the real server (scripts/sync-server.sh: Hocuspocus), with 2, 5 and 10 participants on this
// machine. After a release build:
//   node benches/live.mjs [--votes | --participant] [small | workshop | large] [keystrokes per size, default 30] [participants …, default 2 5 10]
// Named, a generated map (benches/maps.mjs) is the session's map; else a new map.
// Each participant is a page of its own (one Chromium); the first types into the map's title,
// one character at a time, and every other page notes the first frame that shows it. The
// pages share one clock (performance.timeOrigin + performance.now()). With `--votes`, on a
// template's map, the first starts a voting round with its totals shown and gives a card one dot
// at a time; every other page notes the first frame whose total shows it. With `--participant`,
// a participant types rather than the facilitator who started the session: every other browser
// then holds what it wrote to the session's rules (who wrote which node of the room's change).
import { chromium } from "@playwright/test";
import { CHROMIUM } from "../tests/e2e/chromium.mjs";
import { serve } from "../tests/e2e/serve.mjs";
import { startSyncServer } from "../tests/e2e/sync-server.mjs";
import { generate, storeMap } from "./maps.mjs";

const votes = process.argv.includes("--votes");
const byParticipant = process.argv.includes("--participant");
const numbers = process.argv.slice(2).map(Number).filter((n) => n > 0);
const keystrokes = numbers[0] ?? 30;
const sizes = numbers.length > 1 ? numbers.slice(1) : [2, 5, 10];
const named = ["small", "workshop", "large"].find((s) => process.argv.includes(s));
const generated = named ? generate(named).map : null;

const app = await serve(process.env.DIST ?? "dist", 0);
const origin = `http://127.0.0.1:${app.address().port}`;
const sync = await startSyncServer(12399);
const browser = await chromium.launch(CHROMIUM);

const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return `${at(0.5).toFixed(1)} | ${at(0.95).toFixed(1)}`;
};
const now = () => performance.timeOrigin + performance.now();

async function participant() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: "block" });
  const page = await context.newPage();
  page.on("pageerror", (e) => {
    throw new Error(`the app failed: ${e.message}`);
  });
  return { context, page };
}

/** A round with its totals shown; `keystrokes` dots given to one card by the host, each timed
 *  until every other page shows the new total. */
async function voteRound(host, others, delays) {
  await host.locator(".workshop-panel > summary").click();
  const panel = host.locator(".round-panel");
  await panel.locator(":scope > summary").click();
  await panel.getByLabel("Dots per person").fill("99");
  await panel.getByLabel("At most per card").fill("99");
  await panel.getByLabel("Time limit in minutes (empty: none)").fill("");
  await panel.getByLabel("Hide the totals until the round ends").uncheck();
  await panel.getByRole("button", { name: "Start round" }).click();
  const card = "Order as a guest";
  for (const { page } of others) await page.locator(".round-cards li").filter({ hasText: card }).waitFor();
  const add = panel.getByRole("group", { name: `Your dots: ${card}`, exact: true }).getByRole("button", { name: "Add a dot" });
  for (let k = 1; k <= keystrokes; k++) {
    const seen = others.map(({ page }) =>
      page.evaluate(
        ({ card, expected }) =>
          new Promise((resolve) => {
            const check = () => {
              const row = [...document.querySelectorAll(".round-cards li")].find((li) => li.textContent.includes(card));
              if (row?.querySelector(".dot-total")?.textContent === expected) resolve(performance.timeOrigin + performance.now());
              else requestAnimationFrame(check);
            };
            check();
          }),
        { card, expected: `${k} in all` },
      ),
    );
    const given = now();
    await add.click();
    for (const at of await Promise.all(seen)) delays.push(at - given);
  }
}

try {
  const what = votes ? "a dot given in one browser to the total on the others' screens" : "keystroke in one browser to the text on the others' screens";
  console.log(`| participants | ${what}${named ? `, ${named} map` : ""} (ms, median / p95) |`);
  console.log("| --- | --- |");
  for (const size of sizes) {
    const host = await participant();
    await host.page.goto(`${origin}/`);
    if (generated) {
      await storeMap(host.page, generated);
      await host.page.goto(`${origin}/#/map/${generated.id}`);
      // The library was read before the map was stored: read it again.
      await host.page.reload();
    } else {
      if (votes) await host.page.getByLabel("Start from").selectOption({ label: "See – Think – Do – Care" });
      await host.page.getByRole("button", { name: "Create map" }).click();
    }
    await host.page.getByLabel("Map title").waitFor();
    await host.page.getByRole("button", { name: "Live session" }).click();
    await host.page.getByLabel("Your name, as the others see it").fill("Host");
    await host.page.getByLabel("Session server (ws:// or wss:// address; several, separated by spaces)").fill(sync.url);
    await host.page.getByRole("button", { name: "Start live session" }).click();
    const link = await host.page.getByLabel("Join link").inputValue();
    await host.page.keyboard.press("Escape");
    const others = [];
    for (let i = 1; i < size; i++) {
      const other = await participant();
      await other.page.goto(link);
      await other.page.getByLabel("Your name, as the others see it").fill(`P${i}`);
      await other.page.getByRole("button", { name: "Join" }).click();
      await other.page.getByLabel("Map title").waitFor({ timeout: 60_000 });
      others.push(other);
    }
    const delays = [];
    if (votes) {
      await voteRound(host.page, others, delays);
      console.log(`| ${size} | ${stats(delays)} |`);
      for (const { context } of [host, ...others]) await context.close();
      continue;
    }
    const typist = byParticipant ? others[0] : host;
    const watchers = [host, ...others].filter((p) => p !== typist);
    const field = typist.page.getByLabel("Map title");
    await field.click();
    await field.press("End");
    for (let k = 0; k < keystrokes; k++) {
      const expected = (await field.inputValue()) + String.fromCharCode(97 + (k % 26));
      const seen = watchers.map(({ page }) =>
        page.evaluate(
          (expected) =>
            new Promise((resolve) => {
              const check = () => {
                if (document.querySelector("input.map-title-field")?.value === expected) resolve(performance.timeOrigin + performance.now());
                else requestAnimationFrame(check);
              };
              check();
            }),
          expected,
        ),
      );
      const typed = now();
      await field.press(expected.at(-1));
      for (const at of await Promise.all(seen)) delays.push(at - typed);
    }
    console.log(`| ${size} | ${stats(delays)} |`);
    for (const { context } of [host, ...others]) await context.close();
  }
} finally {
  await browser.close();
  app.close();
  await sync.close();
}
