//! What the page's Web Worker reads (`model::outside`): any bytes under any job — a file, a share
//! link, a measurements file, a live room's map — never a crash, and maps it hands back are read
//! by the page as the very maps the worker read.
#![no_main]

use journey_mapper::model::outside::{self, Job, Outcome};
use libfuzzer_sys::fuzz_target;

const JOBS: [Job; 4] = [Job::MapFile, Job::ShareLink, Job::MeasurementsFile, Job::LiveRoom];

fuzz_target!(|input: (u8, &[u8])| {
    let (job, bytes) = input;
    let job = JOBS[usize::from(job) % JOBS.len()];
    let outcome = outside::read(job, bytes);
    let passed = serde_json::to_string(&outcome).expect("an outcome is plain data");
    let received: Outcome = serde_json::from_str(&passed).expect("the page reads what the worker wrote");
    assert_eq!(received, outcome);
    if let Outcome::Maps { bundle, .. } = &outcome {
        let maps = Outcome::maps(bundle);
        assert!(!maps.is_empty(), "a bundle the worker wrote reads back");
        assert_eq!(outside::read(Job::MapFile, bundle.as_bytes()), Outcome::Maps {
            bundle: bundle.clone(),
            warnings: Vec::new(),
        });
    }
});
