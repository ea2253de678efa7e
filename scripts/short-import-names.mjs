// Gives the functions the main wasm module imports from wasm-bindgen's glue short names ("a",
// "b", …, "aa", …) in both the module's import section and the glue's import object. wasm-bindgen
// names each one after its Rust binding plus a 16-digit hash (`__wbg_setAttribute_2ac2…`):
// 273 such names cost the first screen 7.4 KB gzipped, the hashes being what gzip cannot shrink
// (issue 16). wasm-opt's --minify-imports renames only imports from "env", and wasm-bindgen has
// no option for it, so the build does it here, between wasm-bindgen and wasm-opt. Every other
// section is copied byte for byte. The build fails rather than ship a glue that no longer
// matches its module: each import must be a key of the glue's object exactly once.
//   node scripts/short-import-names.mjs pkg/app.js pkg/app_bg.wasm
import { readFileSync, writeFileSync } from "node:fs";
import { leb, readLeb } from "./wasm-sections.mjs";

const [glueFile, wasmFile] = process.argv.slice(2);
const GLUE_MODULE = "./app_bg.js";
const IMPORT_SECTION = 2;

function fail(message) {
  console.error(`short-import-names: ${message}`);
  process.exit(1);
}

const utf8 = new TextDecoder();
const encode = (text) => [...new TextEncoder().encode(text)];

function readName(bytes, at) {
  const [length, start] = readLeb(bytes, at);
  return [utf8.decode(bytes.subarray(start, start + length)), start + length];
}

// The n-th name of a..z, A..Z, aa, ab, …: always a plain identifier, never `__proto__`.
function shortName(n) {
  const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  let name = "";
  for (n += 1; n > 0; n = Math.floor((n - 1) / letters.length)) {
    name = letters[(n - 1) % letters.length] + name;
  }
  return name;
}

// One import's description after its two names: kind byte, then a function's type index (the
// only kind wasm-bindgen's glue provides; anything else means a wasm-bindgen this was not
// written for).
function skipDescription(bytes, at, name) {
  if (bytes[at] !== 0) fail(`import ${name} is not a function; look at the new wasm-bindgen`);
  return readLeb(bytes, at + 1)[1];
}

function renameImports(section, renamed) {
  let [count, at] = readLeb(section, 0);
  const out = leb(count);
  while (count-- > 0) {
    const [module, afterModule] = readName(section, at);
    const [name, afterName] = readName(section, afterModule);
    const end = skipDescription(section, afterName, name);
    let newName = name;
    if (module === GLUE_MODULE) {
      newName = shortName(renamed.size);
      renamed.set(name, newName);
    }
    const nameBytes = encode(newName);
    out.push(...section.subarray(at, afterModule), ...leb(nameBytes.length), ...nameBytes);
    out.push(...section.subarray(afterName, end));
    at = end;
  }
  return out;
}

const wasm = readFileSync(wasmFile);
const renamed = new Map();
const parts = [wasm.subarray(0, 8)];
for (let at = 8; at < wasm.length; ) {
  const id = wasm[at];
  const [size, start] = readLeb(wasm, at + 1);
  const end = start + size;
  if (id === IMPORT_SECTION) {
    const section = renameImports(wasm.subarray(start, end), renamed);
    parts.push(Uint8Array.from([id, ...leb(section.length), ...section]));
  } else {
    parts.push(wasm.subarray(at, end));
  }
  at = end;
}
if (renamed.size === 0) fail(`${wasmFile} imports nothing from ${GLUE_MODULE}`);

let glue = readFileSync(glueFile, "utf8");
for (const [name, short] of renamed) {
  const key = new RegExp(`(?<![\\w$])${name.replace(/\$/g, "\\$")}(?=\\s*:)`, "g");
  const found = glue.match(key)?.length ?? 0;
  if (found !== 1) fail(`${name} is a key of ${glueFile} ${found} times, not once`);
  if (glue.split(name).length !== 2) fail(`${name} appears in ${glueFile} besides its key`);
  glue = glue.replace(key, short);
}
writeFileSync(wasmFile, Buffer.concat(parts));
writeFileSync(glueFile, glue);
