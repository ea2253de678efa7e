// Trunk post-build hook: pins every inline <script> trunk wrote into index.html by its SHA-256
// hash in the Content-Security-Policy, so the policy needs no 'unsafe-inline'.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("TRUNK_STAGING_DIR is not set: run this as a trunk hook");
const file = join(dir, "index.html");
const html = readFileSync(file, "utf8");
const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
  ([, body]) => `'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`,
);
const placeholders = html.split("CSP_SCRIPT_HASHES").length - 1;
if (placeholders !== 1) throw new Error(`index.html needs exactly one CSP_SCRIPT_HASHES placeholder, found ${placeholders}`);
writeFileSync(file, html.replace("CSP_SCRIPT_HASHES", hashes.join(" ")));
console.log(`csp-hash: pinned ${hashes.length} inline script(s)`);
