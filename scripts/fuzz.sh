#!/bin/sh
# Fuzzes every reader of outside input — a JSON file or bundle, a share link, a stored entry, a
# measurements CSV file, and all of them as the page's Web Worker reads them with a live room's map
# (outside_input), and a shop's survey, order or campaign export as the analytics worker reads it
# (loyalty_export), and what changed in a live room as the page takes it in node by node
# (room_changes) — for SECONDS each (600 unless given), one after the other. Each target
# checks more than "no crash": what a reader accepts must be written and read back unchanged.
#   scripts/fuzz.sh [seconds] [target …]
# New inputs that reach new code go to fuzz/corpus/<target> (committed, minimised afterwards, so
# that the next run starts where this one ended); fuzz/seeds/<target> holds hand-made starts.
# Needs a nightly toolchain (libFuzzer's sanitizer flags); installs cargo-fuzz when missing.
set -eu
cd "$(dirname "$0")/.."
seconds="${1:-600}"
[ $# -gt 0 ] && shift
targets="${*:-exchange_import share_link stored_entry measurements_csv outside_input loyalty_export room_changes}"
if ! cargo +nightly --version >/dev/null 2>&1; then
  echo "Fuzzing needs a nightly Rust toolchain (rustup toolchain install nightly)." >&2
  exit 1
fi
command -v cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz --locked
for target in $targets; do
  mkdir -p "fuzz/corpus/$target"
  cargo +nightly fuzz run "$target" "fuzz/corpus/$target" "fuzz/seeds/$target" -- \
    -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048
  cargo +nightly fuzz cmin "$target" "fuzz/corpus/$target"
done
