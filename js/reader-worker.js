// A Web Worker that reads one file or link with the app's own readers (src/bin/reader.rs) and
// posts the outcome back. The page starts one per input and ends it when it answers or takes too
// long (src/ui/browser/reader.rs): a hostile input can only ever stop this worker, not the page.
// It says "ready" once its wasm runs, so that fetching the wasm never counts against the input.
import init, { read } from "./reader.js";

init().then(() => self.postMessage("ready"), () => self.postMessage(null));

self.onmessage = async ({ data: { job, input } }) => {
  try {
    const bytes = typeof input === "string"
      ? new TextEncoder().encode(input)
      : new Uint8Array(await input.arrayBuffer());
    self.postMessage(read(job, bytes));
  } catch {
    self.postMessage(null);
  }
};
