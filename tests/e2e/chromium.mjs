// Debian's Chromium as the tests, the benchmark and the scripts start it (Playwright's own
// browser download does not work on these machines). Without the background-networking flags
// Chromium keeps trying to reach the network, which this machine's closed network refuses.
export const CHROMIUM = {
  executablePath: "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
};
