#!/usr/bin/env bash
# Runs every check and test layer; installs what is missing first. Every layer runs even when an
# earlier one fails, and the last line sums them up.
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser || exit 1
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver

passed=0
failed=()
layer() {
  local name=$1
  shift
  printf '\n== %s: %s\n' "$name" "$*"
  if "$@"; then
    passed=$((passed + 1))
  else
    failed+=("$name")
  fi
}

layer format cargo fmt --check
layer lint cargo clippy --all-targets -- -D warnings
# The release build splits the wasm (the `split` feature): lint that code.
layer lint-wasm cargo clippy --target wasm32-unknown-unknown --features split --lib --test storage_browser -- -D warnings
# Native tests also write the exported samples that the schema test below validates.
layer native cargo test
layer browser-storage cargo test --target wasm32-unknown-unknown --test storage_browser
layer release-build trunk build --release --offline
if [[ " ${failed[*]} " == *" release-build "* ]]; then
  failed+=("end-to-end (no release build)" "benchmark (no release build)")
else
  layer end-to-end npx playwright test
  # The browser benchmark in its short mode: fails if the app breaks, never on timing.
  layer benchmark-short node benches/editor.mjs --short
fi

printf '\n== failed layers: %s\n' "${failed[*]:-none}"
echo "layers: $passed passed, ${#failed[@]} failed"
[ ${#failed[@]} -eq 0 ]
