//! Writes a generated map as an exchange-format file:
//! `cargo run --release --example generate -- <small|workshop|large> <seed> <out.json>`.

use journey_mapper::model::exchange;
use journey_mapper::model::generate::{self, Size};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [size, seed, out] = args.as_slice() else {
        eprintln!("usage: generate <small|workshop|large> <seed> <out.json>");
        std::process::exit(2);
    };
    let size = match size.as_str() {
        "small" => Size::SMALL,
        "workshop" => Size::WORKSHOP,
        "large" => Size::LARGE,
        other => {
            eprintln!("unknown size {other:?}: small, workshop or large");
            std::process::exit(2);
        }
    };
    let seed: u64 = seed.parse().unwrap_or_else(|_| {
        eprintln!("the seed must be a whole number");
        std::process::exit(2);
    });
    let text = exchange::export_map(&generate::map(seed, size), None);
    std::fs::write(out, text).unwrap_or_else(|e| {
        eprintln!("cannot write {out}: {e}");
        std::process::exit(1);
    });
}
