// What the live sessions' end-to-end tests share: starting a session and joining one, as a
// person does, a lane, a card added to it, and the bar above the map.
import { expect, phase } from "./fixtures.js";

export const lane = (scope, name) => scope.getByRole("group", { name, exact: true });
/** The live session's bar above the map. */
export const bar = (p) => p.getByRole("group", { name: "Live session", exact: true });

/** Adds a card to `laneName` of phase `n` with `text`. */
export async function addCard(page, n, laneName, text) {
  await lane(phase(page, n), laneName).getByRole("button", { name: `Add a card to ${laneName}` }).click();
  await page.keyboard.type(text);
  await page.keyboard.press("Escape");
}

/** Starts a live session on the open map as `name` on the server at `url`; returns the join
 *  link, and with `watch`, the watch link too. */
export async function startSession(url, page, name, { watch = false } = {}) {
  await page.getByRole("button", { name: "Live session" }).click();
  await page.getByLabel("Your name, as the others see it").fill(name);
  await page.getByLabel("Session server (ws:// or wss:// address; several, separated by spaces)").fill(url);
  await page.getByRole("button", { name: "Start live session" }).click();
  await expect(page.getByText("Live: changes reach everyone.")).toBeVisible();
  await expect(page.getByRole("img", { name: "QR code of the join link" })).toBeVisible();
  const link = await page.getByLabel("Join link").inputValue();
  // A room of 128 random bits, in hexadecimal, and a key of as many, base64url.
  expect(decodeURIComponent(link)).toMatch(/#\/live\/[0-9a-f]{32}\.[A-Za-z0-9_-]{22}@ws:\/\/127\.0\.0\.1:\d+( ws:\/\/127\.0\.0\.1:\d+)*$/);
  const watchLink = watch ? await page.getByLabel("Watch link (sees everything, changes nothing)").inputValue() : null;
  await page.keyboard.press("Escape");
  return watch ? { link, watchLink } : link;
}

/** Opens the join link in a new browser as `name`, and waits for the map. */
export async function join(browser, link, name, options = {}) {
  const context = await browser.newContext({ serviceWorkers: "block", ...options });
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(e.message));
  await page.goto(link);
  const watch = decodeURIComponent(link).includes("#/watch/");
  await expect(page.getByRole("heading", { name: watch ? "Watch a live session" : "Join a live session" })).toBeVisible();
  await page.getByLabel("Your name, as the others see it").fill(name);
  await page.getByRole("button", { name: watch ? "Watch" : "Join", exact: true }).click();
  await expect(phase(page, 1)).toBeVisible();
  return { page, context, problems };
}

