#!/usr/bin/env bash
# Trunk pre-build hook: builds the app's wasm and splits it into parts loaded when first needed
# (issue 16), then writes them into the build as pkg/. Trunk cannot split a wasm (its pipeline
# runs wasm-bindgen straight after cargo, and splitting must come before), so index.html tells
# it to skip the Rust build and this hook does it in the order the split needs:
#   cargo (linked with relocations) -> wasm-split-cli (a module per page marked in
#   src/ui/page_part.rs, and for the code only they share) -> wasm-bindgen (the main module)
#   -> the glue's string fast path (scripts/glue-short-strings.mjs) -> short names for what the
#   main module imports from the glue (scripts/short-import-names.mjs) -> wasm-opt (every module).
# Beside the app it builds the readers of outside input as a wasm of their own (src/bin/reader.rs)
# and the loyalty analytics as another (src/bin/analytics.rs), with the Web Worker that runs
# either (js/reader-worker.js) and the page's side of it (js/reader-page.js): the page reads no
# file or link itself.
set -euo pipefail
cd "$(dirname "$0")/.."

out=${TRUNK_STAGING_DIR:?run this as a trunk hook}/pkg
target=wasm32-unknown-unknown
profile=${TRUNK_PROFILE:-release}
cargo_target=${CARGO_TARGET_DIR:-target}
work=$cargo_target/wasm-split/$profile

cargo_profile=()
[ "$profile" = release ] && cargo_profile=(--release)
# wasm-split-cli finds each function's calls through the linker's relocations. Only this
# build gets the flag (not `cargo test --target wasm32…`, whose artefacts it would rebuild).
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Clink-args=--emit-relocs" \
  cargo build "${cargo_profile[@]}" --target "$target" --bin journey-mapper --features split

# The same flags as above, so the dependencies built there are used as they are; without the
# split feature, which only the app's pages use.
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Clink-args=--emit-relocs" \
  cargo build "${cargo_profile[@]}" --target "$target" --bin reader --bin analytics

rm -rf "$work" "$out"
mkdir -p "$work" "$out"
wasm-split-cli --target web --out-name app "$cargo_target/$target/$profile/journey-mapper.wasm" "$work"
# --keep-lld-exports: the split-off modules reach the main module's functions through them.
wasm-bindgen "$work/app.wasm" --out-dir "$out" --out-name app --target web \
  --no-typescript --keep-lld-exports
# Short strings from the wasm built from their char codes, not through TextDecoder.
node scripts/glue-short-strings.mjs "$out/app.js"
node scripts/short-import-names.mjs "$out/app.js" "$out/app_bg.wasm"
for worker in reader analytics; do
  wasm-bindgen "$cargo_target/$target/$profile/$worker.wasm" --out-dir "$out" --out-name "$worker" \
    --target web --no-typescript
  node scripts/wasm-sections.mjs "$out/${worker}_bg.wasm"
done
cp js/reader-worker.js js/reader-page.js "$out/"
for file in "$work"/*; do
  [ "$(basename "$file")" = app.wasm ] || cp "$file" "$out/"
done
if [ "$profile" = release ]; then
  # Binaryen 132 from npm, never another on PATH: Debian's (108) breaks release builds silently.
  wasm_opt=node_modules/.bin/wasm-opt
  case "$($wasm_opt --version)" in
    *"version 132"*) ;;
    *) echo "wasm-build: $wasm_opt is not binaryen 132; run scripts/setup.sh" >&2; exit 1 ;;
  esac
  for wasm in "$out"/*.wasm; do
    # wasm-opt 132 does not know the name section's label names that wasm-split-cli keeps
    # (and drops the name section anyway): one warning per module, nothing wrong.
    $wasm_opt -Oz "$wasm" -o "$wasm" 2> >(grep -v "unknown name subsection" >&2)
  done
  # wasm-bindgen's glue and the split loader, minified (69 -> 32 KB for the glue).
  find "$out" -name '*.js' -exec node_modules/.bin/terser {} --module --compress --mangle -o {} \;
fi
echo "wasm-build: $(ls "$out"/*.wasm | wc -l) wasm modules in pkg/"
