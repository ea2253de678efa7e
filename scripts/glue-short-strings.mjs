// Gives wasm-bindgen's glue a fast path for the short ASCII strings the wasm hands to the page
// (tag, attribute, class and event names, a card's short texts): built from their char codes
// instead of through TextDecoder, whose cost per call dwarfs such a string. Opening the large map
// decodes some 15,600 strings, 13,600 of them 16 bytes or shorter (BENCHMARKS.md). wasm-bindgen
// has no option for this, so the build rewrites the one function, and fails if it is not there
// as expected (a new wasm-bindgen), rather than ship the glue unchanged without saying so.
//   node scripts/glue-short-strings.mjs pkg/app.js
import { readFileSync, writeFileSync } from "node:fs";

const file = process.argv[2];
const glue = readFileSync(file, "utf8");
const original = `function getStringFromWasm0(ptr, len) {
    ptr = ptr >>> 0;
    return decodeText(getUint8ArrayMemory0().subarray(ptr, ptr + len));
}`;
// Up to 16 bytes the char codes are faster; at 32 TextDecoder is again (measured in V8 by
// https://github.com/boltffi/boltffi/pull/739). One array per length, reused: `apply` takes
// them whole, and building the string a character at a time would be slower than TextDecoder.
const fast = `const SHORT_STRING = 16;
const shortStringCodes = Array.from({ length: SHORT_STRING + 1 }, (_, n) => new Array(n).fill(0));
function getStringFromWasm0(ptr, len) {
    ptr = ptr >>> 0;
    if (len <= SHORT_STRING) {
        const memory = getUint8ArrayMemory0();
        const codes = shortStringCodes[len];
        let i = 0;
        for (; i < len; i++) {
            const byte = memory[ptr + i];
            if (byte > 0x7f) break;
            codes[i] = byte;
        }
        if (i === len) return String.fromCharCode.apply(null, codes);
    }
    return decodeText(getUint8ArrayMemory0().subarray(ptr, ptr + len));
}`;

if (glue.split(original).length !== 2) {
  console.error(`glue-short-strings: ${file} has no getStringFromWasm0 as wasm-bindgen 0.2 writes it; look at the new one and update this script`);
  process.exit(1);
}
writeFileSync(file, glue.replace(original, fast));
