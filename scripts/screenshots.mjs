// Takes the README's pictures of the map from the release build in dist/, so they stay current:
//   trunk build --release --offline && node scripts/screenshots.mjs
// writes docs/map-en.png and docs/map-nl.png: the See–Think–Do–Care template (and its Dutch
// twin) on a 1920×1080 screen, fitted to it, as a projector shows it.
import { chromium } from "@playwright/test";
import { CHROMIUM } from "../tests/e2e/chromium.mjs";
import { serve } from "../tests/e2e/serve.mjs";

const server = await serve("dist", 0);
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch(CHROMIUM);

const shots = [
  { file: "docs/map-en.png", language: "en", template: "See – Think – Do – Care" },
  { file: "docs/map-nl.png", language: "nl", template: "Kijk – Kies – Koop – Krijg – Koester" },
];
try {
  for (const { file, language, template } of shots) {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, serviceWorkers: "block" });
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    await page.getByRole("combobox").filter({ has: page.locator('option[value="nl"]') }).selectOption(language);
    await page.locator("#new-map-template").selectOption({ label: template });
    await page.locator(".create-map button[type=submit]").click();
    await page.locator(".journey-grid").waitFor();
    // The template with its lanes is taller than the screen: fitted, it is whole, as a
    // facilitator would show it.
    await page.getByRole("button", { name: /^(Fit to screen|Passend op scherm)$/ }).click();
    await page.evaluate(() => document.activeElement?.blur());
    await page.getByRole("status").filter({ hasText: /All changes saved|Alle wijzigingen opgeslagen/ }).waitFor();
    await page.screenshot({ path: file });
    console.log(`wrote ${file}`);
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
