// Browser benchmark of the editor on generated maps, against the release build in dist/:
//   trunk build --release --offline && node benches/editor.mjs [runs]
// Prints median and 95th percentile over the runs, measured with the page's own clock.
import { chromium } from "@playwright/test";
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const runs = Number(process.argv[2] ?? 20);
const port = 8095;
const dir = mkdtempSync(join(tmpdir(), "journey-bench-"));
const server = spawn("node", ["tests/e2e/serve.mjs", "dist", String(port)], { stdio: "ignore" });
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return `${at(0.5).toFixed(1)} | ${at(0.95).toFixed(1)}`;
}

async function measure(size) {
  const file = join(dir, `${size}.json`);
  execFileSync("cargo", ["run", "--quiet", "--release", "--example", "generate", "--", size, "1", file]);
  const map = JSON.parse(readFileSync(file, "utf8")).map;
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.evaluate((map) => localStorage.setItem(`journey-mapper/map/${map.id}`, JSON.stringify({ rev: 1, schema: 1, map })), map);
  const cards = map.phases.reduce((n, p) => n + (p.touchpoints ?? []).length, 0);
  const open = [];
  for (let i = 0; i < Math.min(runs, 10); i++) {
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.getByRole("heading", { name: "Your journey maps" }).waitFor();
    // From clicking the map's link until its last touchpoint is in the page and a frame is drawn.
    open.push(await page.evaluate((n) => new Promise((resolve) => {
      const start = performance.now();
      document.querySelector(".map-row a").click();
      const check = () => document.querySelectorAll(".touchpoint").length >= n
        ? requestAnimationFrame(() => resolve(performance.now() - start))
        : requestAnimationFrame(check);
      check();
    }), cards));
  }
  await page.locator(".touchpoint .item-name").first().focus();
  const keystroke = [];
  for (let i = 0; i < runs; i++) {
    // One typed character: the input event through the edit, the history and the view, until
    // the next frame has been drawn.
    keystroke.push(await page.evaluate(() => new Promise((resolve) => {
      const field = document.activeElement;
      const start = performance.now();
      field.value += "x";
      field.dispatchEvent(new Event("input", { bubbles: true }));
      requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0));
    })));
  }
  await page.close();
  return [`| ${size} | open map (ms) | ${stats(open)} |`, `| ${size} | keystroke to next frame (ms) | ${stats(keystroke)} |`];
}

try {
  console.log("| map | what | median | p95 |\n| --- | --- | --- | --- |");
  for (const size of ["small", "workshop", "large"]) {
    for (const line of await measure(size)) console.log(line);
  }
} finally {
  await browser.close();
  server.kill();
}
