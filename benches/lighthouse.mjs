// Lighthouse, the outside judge: its performance, accessibility and best-practices scores for a
// first visit to the release build (the library, nothing stored yet), under its
// default mobile throttling, served compressed as a real host would.
//   node benches/lighthouse.mjs            (the build in dist/; DIST=… for another)
// Also run by benches/editor.mjs. Prints a table, then every audit that did not pass.
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
import { CHROMIUM } from "../tests/e2e/chromium.mjs";
import { serve } from "../tests/e2e/serve.mjs";


/** Runs Lighthouse once on `dist`; resolves to its table rows and the audits that failed. */
export async function judge(dist) {
  const server = await serve(dist, 0, { gzip: true });
  const url = `http://127.0.0.1:${server.address().port}/`;
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM.executablePath,
    chromeFlags: ["--headless=new", ...CHROMIUM.args],
  });
  try {
    const { lhr } = await lighthouse(url, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility", "best-practices"],
    });
    const score = (c) => Math.round(lhr.categories[c].score * 100);
    const ms = (a) => lhr.audits[a].numericValue.toFixed(0);
    const rows = [
      `| lighthouse | performance · accessibility · best practices | ${score("performance")} · ${score("accessibility")} · ${score("best-practices")} | — |`,
      `| lighthouse | first / largest contentful paint, total blocking time (ms, mobile throttling) | ${ms("first-contentful-paint")} / ${ms("largest-contentful-paint")} / ${ms("total-blocking-time")} | — |`,
    ];
    const failed = Object.values(lhr.categories)
      .flatMap((c) => c.auditRefs.map((r) => lhr.audits[r.id]))
      .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== "informative" && a.scoreDisplayMode !== "manual")
      .map((a) => `${a.id} (${a.score}): ${a.title}${a.displayValue ? ` — ${a.displayValue}` : ""}`);
    return { rows, failed: [...new Set(failed)] };
  } finally {
    await chrome.kill();
    server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { rows, failed } = await judge(process.env.DIST ?? "dist");
  console.log("| map | what | median | p95 |\n| --- | --- | --- | --- |");
  for (const row of rows) console.log(row);
  console.log(failed.length ? `\nNot passed:\n${failed.map((f) => `- ${f}`).join("\n")}` : "\nEvery audit passed.");
}
