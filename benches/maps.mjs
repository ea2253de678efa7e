// What the browser benchmarks share: generated maps, and putting one in a page's storage.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

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
