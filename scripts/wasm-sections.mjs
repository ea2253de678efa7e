// What the build's wasm scripts share: LEB128 numbers as the wasm binary format writes them.
// Run as a script, it drops the linker's custom sections ("linking", "reloc.*") from a module:
// the reader's wasm (src/bin/reader.rs) is linked with --emit-relocs like the app, for which
// wasm-split-cli drops them, and they would otherwise triple its size.
//   node scripts/wasm-sections.mjs pkg/reader_bg.wasm
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

export function readLeb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

export function leb(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return out;
}

const CUSTOM_SECTION = 0;

function isLinkerSection(bytes, start) {
  const [length, at] = readLeb(bytes, start);
  const name = new TextDecoder().decode(bytes.subarray(at, at + length));
  return name === "linking" || name.startsWith("reloc.");
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const file = process.argv[2];
  const wasm = readFileSync(file);
  const kept = [wasm.subarray(0, 8)];
  for (let at = 8; at < wasm.length; ) {
    const [size, start] = readLeb(wasm, at + 1);
    if (wasm[at] !== CUSTOM_SECTION || !isLinkerSection(wasm, start)) {
      kept.push(wasm.subarray(at, start + size));
    }
    at = start + size;
  }
  writeFileSync(file, Buffer.concat(kept));
}
