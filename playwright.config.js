// End-to-end tests drive the release build (dist/, made by `trunk build --release --offline`)
// in Debian's Chromium; Playwright's own browser download does not work on these machines.
import { defineConfig } from "@playwright/test";
import { CHROMIUM } from "./tests/e2e/chromium.mjs";

const port = 8091;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [["list"]],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    // The offline tests (offline.spec.js) turn the service worker on for themselves; elsewhere
    // it would only add a second copy of every request.
    serviceWorkers: "block",
    launchOptions: CHROMIUM,
  },
  // Tests tagged @heavy (shop exports of millions of rows and megabytes, made and read) run
  // after all the others, so that they never share the machine's two cores with a test that
  // times the page.
  // Tests tagged @alone time the page to the limit the issue sets (a hung reader stopped and said
  // within 2 s) and run last, by themselves: beside another browser test on two cores, the
  // message came at 2.2–2.3 s in two CI runs, and in time alone.
  // Tests tagged @flood flood a live room (a hostile client's 100,000 cards and megabytes), time
  // the pages while they do, and run after those, by themselves: beside other tests the flood
  // took their pages and readers past their limits, and theirs its.
  projects: [
    { name: "main", grepInvert: /@heavy|@alone|@flood/ },
    // One file's heavy tests one after another: two 9 MB exports read at once on two cores kept
    // a message past its 2 s in a CI run.
    { name: "heavy", grep: /@heavy/, grepInvert: /@alone|@flood/, dependencies: ["main"], fullyParallel: false },
    { name: "alone", grep: /@alone/, grepInvert: /@flood/, dependencies: ["heavy"] },
    { name: "flood", grep: /@flood/, dependencies: ["alone"] },
  ],
  webServer: {
    command: `node tests/e2e/serve.mjs dist ${port}`,
    url: `http://127.0.0.1:${port}/index.html`,
    reuseExistingServer: false,
  },
});
