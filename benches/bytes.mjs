// Where the release build's bytes go (issue 39): every module of the build, gzipped as a visitor
// downloads it, and what each is made of by crate, from twiggy (`cargo install twiggy`).
//   trunk build --release --offline && node benches/bytes.mjs [--markdown]
// The shipped modules have no names; the ones scripts/wasm-build.sh split them from still do, so
// each is optimized again as the build does (wasm-opt -Oz) with its names kept (-g), and twiggy
// sizes its functions and data. gzip works on a whole module, so a crate's gzipped share is
// estimated as its share of the module's bytes times the module's gzipped size.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const root = join(import.meta.dirname, "..");
const dist = join(root, "dist", "pkg");
const named = join(root, "target", "wasm-split", "release");
const workers = join(root, "target", "wasm32-unknown-unknown", "release");
const markdown = process.argv.includes("--markdown");
const twiggy = process.env.TWIGGY ?? join(process.env.HOME, ".cargo", "bin", "twiggy");
const wasmOpt = join(root, "node_modules", ".bin", "wasm-opt");
if (!existsSync(twiggy)) throw new Error("twiggy not found: cargo install twiggy (or set TWIGGY)");

const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;
const kb = (n) => (n / 1024).toFixed(1);

/** The crate (or kind of item) a twiggy item's name belongs to. Generic code is counted where
 *  it is defined (Leptos' views made concrete for each of our components count as Leptos'); an
 *  impl of another crate's trait for a type of the standard library counts as that crate's. */
export function owner(name) {
  // What wasm-bindgen replaces or the shipped module does not carry: names, the linker's and
  // wasm-bindgen's own sections, the exports the split needs (shortened when shipped).
  if (/^("function names"|"data names"|custom section|export |import )/.test(name) || name.startsWith("__wbindgen_describe")) return null;
  if (name.startsWith("data segment") || name.startsWith("data[")) return "(data: texts, tables)";
  if (name.startsWith("code[")) return "(functions without a name)";
  if (name.startsWith("__wasm_split")) return "(split loader)";
  // A worker's entry (wasm-bindgen names it after the crate's hash), with what is inlined in it.
  if (/^[a-z_]+_[0-9a-f]{16}$/.test(name)) return "ours: a worker's entry";
  if (/^(elem|type|table|global|memory|element)\b/.test(name)) return "(wasm: tables, types)";
  // The first path of a name: its crate, or a type that is no crate's (a primitive, a tuple,
  // a generic parameter).
  const crateOf = (text) => {
    let rest = text.trim();
    for (let was = ""; was !== rest; ) {
      was = rest;
      rest = rest.replace(/^([<&*\s]|mut |const |dyn |impl )+/, "");
    }
    const first = rest.split("::")[0];
    return rest.includes("::") && /^[a-z_][a-z0-9_]*(\[[0-9a-f]+\])?$/.test(first) ? first.replace(/\[.*$/, "") : null;
  };
  const impl = name.match(/^<(.+?) as (.+?)>::/);
  let crate = crateOf(name);
  if (impl) {
    const [self, trait] = [crateOf(impl[1]), crateOf(impl[2])];
    const std = (crate) => ["core", "alloc", "std"].includes(crate);
    crate = !self || (std(self) && trait && !std(trait)) ? trait : self;
  }
  if (crate === "journey_mapper") {
    if (/(as|impl) serde(_core)?::/.test(name)) return "ours: serde's code for our types";
    const inner = name.replace(/^[<&]+/, "").split("::")[1] ?? "";
    return `ours: ${/^[a-z_]+$/.test(inner) ? inner : "main"}`;
  }
  return crate ?? "(other)";
}

/** twiggy's items of `wasm` optimized as the build does, names kept, by owner. */
function byOwner(wasm, work) {
  const optimized = join(work, "named.wasm");
  execFileSync(wasmOpt, ["-Oz", "-g", wasm, "-o", optimized], { stdio: ["ignore", "ignore", "ignore"] });
  const items = JSON.parse(execFileSync(twiggy, ["top", "-n", "1000000", "-f", "json", optimized], { maxBuffer: 1 << 30 }).toString());
  const owners = new Map();
  for (const { name, shallow_size: size } of items) {
    if (name.startsWith("Σ") || name.startsWith("...")) continue;
    const who = owner(name);
    if (!who) continue;
    owners.set(who, (owners.get(who) ?? 0) + size);
  }
  return owners;
}

/** Each module shipped: its name, gzipped and raw size, and where its named twin is. */
function modules() {
  return readdirSync(dist)
    .filter((file) => file.endsWith(".wasm"))
    .map((file) => {
      const bytes = readFileSync(join(dist, file));
      const base = file.replace(/_bg\.wasm$/, ".wasm");
      const twin = [join(named, base), join(workers, base)].find(existsSync);
      return { file, raw: bytes.length, gzipped: gz(bytes), twin };
    })
    .sort((a, b) => b.gzipped - a.gzipped);
}

const work = mkdtempSync(join(tmpdir(), "journey-bytes-"));
try {
  const all = modules();
  const crates = new Map();
  const rows = [];
  for (const module of all) {
    const owners = module.twin ? byOwner(module.twin, work) : new Map();
    const total = [...owners.values()].reduce((a, b) => a + b, 0) || 1;
    const share = [...owners].map(([who, size]) => [who, (size / total) * module.gzipped]).sort((a, b) => b[1] - a[1]);
    for (const [who, size] of share) crates.set(who, (crates.get(who) ?? 0) + size);
    rows.push({ ...module, top: share.slice(0, 6) });
  }
  // The rest of the whole build as benches/editor.mjs counts it: every js and css but the
  // service worker's.
  const top = join(root, "dist");
  const rest = (test) =>
    readdirSync(top, { recursive: true })
      .filter((f) => test(f) && f !== "sw.js")
      .reduce((sum, f) => sum + gz(readFileSync(join(top, f))), 0);
  const js = rest((f) => f.startsWith("pkg/") && f.endsWith(".js"));
  const live = rest((f) => f.startsWith("live/") && f.endsWith(".js"));
  const css = rest((f) => f.endsWith(".css"));
  const wasm = all.reduce((sum, m) => sum + m.gzipped, 0);
  const line = (cells) => (markdown ? `| ${cells.join(" | ")} |` : cells.join("  "));
  console.log(line(["module", "gzipped KB", "raw KB", "largest owners (gzipped KB, estimated)"]));
  if (markdown) console.log("| --- | --- | --- | --- |");
  for (const row of rows) {
    console.log(line([row.file, kb(row.gzipped), kb(row.raw), row.top.map(([who, size]) => `${who} ${kb(size)}`).join(", ")]));
  }
  console.log(line(["all wasm", kb(wasm), "", ""]));
  console.log(line(["the glue and loaders (pkg/*.js)", kb(js), "", ""]));
  console.log(line(["live sessions' Yjs and its worker (live/*.js)", kb(live), "", ""]));
  console.log(line(["styles (*.css)", kb(css), "", ""]));
  console.log(line(["**the whole build**", kb(wasm + js + live + css), "", ""]));
  console.log();
  console.log(line(["owner, over every module", "gzipped KB (estimated)", "", ""]));
  if (markdown) console.log("| --- | --- | --- | --- |");
  for (const [who, size] of [...crates].sort((a, b) => b[1] - a[1]).filter(([, size]) => size >= 1024)) {
    console.log(line([who, kb(size), "", ""]));
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
