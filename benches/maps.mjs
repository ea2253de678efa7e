// What the browser benchmarks share: generated maps, and putting one in a page's storage.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deflateRawSync } from "node:zlib";

const dir = mkdtempSync(join(tmpdir(), "journey-bench-"));
process.on("exit", () => rmSync(dir, { recursive: true, force: true }));

/** Writes the generated map of `size` (small, workshop, large) as an exchange-format file;
 * `release` builds the generator optimised (slower to build, faster for large maps). */
export function generate(size, { release = true } = {}) {
  const file = join(dir, `${size}.json`);
  const profile = release ? ["--release"] : [];
  execFileSync("cargo", ["run", "--quiet", ...profile, "--example", "generate", "--", size, "1", file]);
  const text = readFileSync(file, "utf8");
  return { file, text, map: JSON.parse(text).map };
}

/** Stores `map` (exchange format 2, as the generator writes it) in the open page's localStorage
 * as the app stores its maps: schema 2 holds format 2, so nothing is migrated on opening. */
export function storeMap(page, map) {
  return page.evaluate((map) => localStorage.setItem(`journey-mapper/map/${map.id}`, JSON.stringify({ rev: 1, schema: 2, map })), map);
}

/** A map of 50 phases, each of 20 touchpoints, 5 KPIs and 120 cards in pain points and
 * opportunities (7,250 cards), and its share link's payload: large enough that a view run again
 * for what did not change shows in how long the page is away. */
export function manyCards(id, title) {
  const lanes = [
    { id: "pains", kind: "pain_points" },
    { id: "ideas", kind: "opportunities" },
  ];
  const phases = Array.from({ length: 50 }, (_, p) => ({
    id: `p${p}`,
    name: `Phase ${p + 1}`,
    color: "#336699",
    touchpoints: Array.from({ length: 20 }, (_, t) => ({ id: `t${p}-${t}`, name: `Touchpoint ${p + 1}.${t + 1}` })),
    kpis: Array.from({ length: 5 }, (_, k) => ({ id: `k${p}-${k}`, name: `KPI ${p + 1}.${k + 1}`, direction: "increase" })),
    cards: Object.fromEntries(lanes.map((lane) => [lane.id, Array.from({ length: 60 }, (_, c) => ({ id: `${lane.id}${p}-${c}`, text: `${lane.id} ${p + 1}.${c + 1}` }))])),
  }));
  const map = { id, title, lanes, phases };
  const payload = deflateRawSync(Buffer.from(JSON.stringify({ format: "journey-map", version: 2, map })), { level: 9 }).toString("base64url");
  return { map, payload };
}
