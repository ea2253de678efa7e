// The hostile corpus (issue 35): files, links, measurements files and shop exports shaped to hurt the app's
// readers, each with what the page must say of it. tests/e2e/hostile.spec.js runs every entry
// against the release build; run as a script, this writes them into tests/hostile/ to try by
// hand (the large ones are left out of git: they are made again in a second).
//   node scripts/hostile-corpus.mjs
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { deflateRawSync } from "node:zlib";

/** Kinds: `file` is picked as a journey-map file, `link` opened as a share link's payload,
 * `measurements` picked as a KPI's measurements file, `export` picked as a shop's order export
 * on a KPI measured from data. `says` is what the page must show;
 * `preview` marks a file that is read (and then cancelled), `addable` measurements that can be
 * added (the rest cannot). */
const MB = 1024 * 1024;
const bundle = (maps) => `{"format":"journey-map-bundle","version":2,"maps":[${maps}]}`;
const mapFile = (map, version = 2) => `{"format":"journey-map","version":${version},"map":${JSON.stringify(map)}}`;
const link = (text) => deflateRawSync(Buffer.from(text), { level: 9 }).toString("base64url");
const repeat = (text, times, sep = ",") => new Array(times).fill(text).join(sep);

const REFUSED = "This file was not imported. Nothing has changed.";
const TOO_MANY = "more than 10000 entries, more than any journey map has";
const TOO_DEEP = "nested far too deeply to be a journey map";
const NEWER = "made by a newer version of the app";
const ORDERS = "Bestelnummer;Klant;Besteldatum;Totaal\n";

/** A small valid map (version 2) whose texts hold what Unicode can put in a file. */
export function unicodeMap() {
  const texts = [
    "Caf\u00e9 \ufffd replacement",
    "nul \u0000 inside",
    "\u202eright-to-left\u202c and \u200f marks \u200e",
    "emoji \u{1F600}\u{1F468}\u200d\u{1F469}\u200d\u{1F467} and combining e\u0301",
    "\u{10FFFF} last plane, \u2028 line separator, \ufeff BOM inside",
  ];
  const long = "\u{1F600}\u00e9x".repeat(20_000 / 3).slice(0, 20_000);
  return {
    id: "unicode",
    title: texts[0],
    description: long,
    phases: texts.map((name, i) => ({
      id: `p${i}`, name, goal: texts[(i + 1) % texts.length], color: "#336699",
      touchpoints: [{ id: `t${i}`, name: texts[(i + 2) % texts.length], channel: texts[i], description: long }],
    })),
  };
}

/** A map whose touchpoints are named to break a spreadsheet or a Mermaid diagram. */
export function formulaAndKeywordMap() {
  const names = [
    "See details;=1+2", "Web,@SUM(A1)", "Team\t-2+3", "a, =HYPERLINK(\"http://x\")", "x\r\n+1",
    "journey", "Journey planner", "title Launch", "Title\tpage", "section One", "SECTION two",
    "accTitle: x", "accDescr: y", "accDescr { z }", "%% comment", "50%% off", "%%%", "x%%%", "%%%{init: {'theme':'dark'}}%%%", "#hash", "a;b:c",
    "\ufeffjourney hidden", "-", "=", "@", ";", "\n", "\n=phase,;", "a,\r",
  ];
  return {
    id: "formulas",
    title: "Formulas; =1+1 %%% and # keywords",
    phases: [{
      id: "p", name: "section: journey", color: "#336699",
      touchpoints: names.map((name, i) => ({ id: `t${i}`, name, channel: names[(i + 1) % names.length], owner: names[(i + 2) % names.length], trigger: names[(i + 3) % names.length] })),
    }],
  };
}

/** A valid map at the app's limits: 50 phases of 500 touchpoints each (a share link of 90 KB),
 * which the page must show without stopping. */
export function mapAtLimits() {
  return {
    id: "limits", title: "At the limits",
    phases: Array.from({ length: 50 }, (_, p) => ({
      id: `p${p}`, name: `Phase ${p + 1}`, color: "#336699",
      touchpoints: Array.from({ length: 500 }, (_, t) => ({ id: `t${p}-${t}`, name: `Touchpoint ${p + 1}.${t + 1}` })),
    })),
  };
}

export function corpus() {
  const emptyMaps = bundle(repeat("{}", Math.floor((10 * MB - 100) / 3)));
  return [
    { name: "bundle-of-millions-of-empty-maps.json", kind: "file", contents: emptyMaps, says: [REFUSED, TOO_MANY] },
    { name: "lists-of-lists.json", kind: "file", contents: bundle(repeat(`[${repeat("0", 3000)}]`, 1000)), says: [REFUSED, "expected an object, found a list", "and 900 more problems"] },
    { name: "nested-a-million-deep.json", kind: "file", contents: "[".repeat(MB) + "]".repeat(MB), says: [REFUSED, TOO_DEEP] },
    { name: "objects-nested-deep.json", kind: "file", contents: '{"a":'.repeat(200_000) + "1" + "}".repeat(200_000), says: [REFUSED, TOO_DEEP] },
    {
      name: "a-million-problems.json", kind: "file",
      contents: bundle(repeat(JSON.stringify({ id: 1, title: 2, phases: new Array(50).fill({ id: 3, name: 4, color: 5, touchpoints: [6, 7, 8] }) }), 1000)),
      says: [REFUSED, "expected a non-empty id, found 1", /and \d+ more problems/],
    },
    {
      name: "a-million-unknown-fields.json", kind: "file",
      contents: bundle(Array.from({ length: 1000 }, (_, m) => JSON.stringify({ id: `m${m}`, title: "Map", phases: [], ...Object.fromEntries(Array.from({ length: 990 }, (_, i) => [`x${i}`, 0])) })).join(",")),
      says: ["Nothing changes until you choose Import", /and 98\d{4} more problems/], preview: true,
    },
    { name: "a-title-of-9-mb.json", kind: "file", contents: mapFile({ id: "x", title: "x".repeat(9 * MB), phases: [] }), says: [REFUSED, "a text may have at most 20000 characters, this one has 9437184"] },
    { name: "a-huge-number.json", kind: "file", contents: mapFile({ id: "x", title: "x", phases: [{ id: "p", name: "P", color: "#336699", kpis: [{ id: "k", name: "K", target: 1 }] }] }).replace('"target":1', '"target":1e999999'), says: [REFUSED, "a number is too large"] },
    { name: "version-1e400.json", kind: "file", contents: mapFile({ id: "v", title: "x", phases: [] }, "1e400"), says: [REFUSED, NEWER] },
    { name: "version-of-5000-digits.json", kind: "file", contents: mapFile({ id: "v", title: "x", phases: [] }, "9".repeat(5000)), says: [REFUSED, NEWER] },
    { name: "version-2.0.json", kind: "file", contents: mapFile({ id: "v", title: "Two point oh", phases: [] }, "2.0"), says: ["Two point oh"], preview: true },
    { name: "version-1e1.json", kind: "file", contents: mapFile({ id: "v", title: "x", phases: [] }, "1e1"), says: [REFUSED, NEWER] },
    { name: "version-minus-1e400.json", kind: "file", contents: mapFile({ id: "v", title: "x", phases: [] }, "-1e400"), says: [REFUSED, "expected a whole version number from 1, found -1e400"] },
    { name: "version-2-to-the-64.json", kind: "file", contents: mapFile({ id: "v", title: "x", phases: [] }, "18446744073709551616"), says: [REFUSED, NEWER] },
    { name: "unicode.json", kind: "file", contents: mapFile(unicodeMap()), says: [unicodeMap().title], preview: true },
    { name: "lone-surrogate.json", kind: "file", contents: mapFile({ id: "s", title: "x", phases: [] }).replace('"title":"x"', '"title":"a\\ud800b"'), says: ["a\ufffdb"], preview: true },
    { name: "not-utf8.json", kind: "file", contents: Buffer.concat([Buffer.from('{"format":"journey-map","title":"'), Buffer.from([0xff, 0xfe, 0xc0]), Buffer.from('"}')]), says: [REFUSED, "This is not a text file"] },
    { name: "image.png", kind: "file", contents: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]), says: [REFUSED, "This is not a text file"] },
    { name: "link-of-millions-of-empty-maps.txt", kind: "link", contents: link(emptyMaps), says: ["This share link is damaged or incomplete", TOO_MANY] },
    { name: "link-beyond-10-mb.txt", kind: "link", contents: link(" ".repeat(22 * MB) + mapFile({ id: "x", title: "x", phases: [] })), says: ["This share link unpacks to more than 10 MB"] },
    { name: "link-nested-deep.txt", kind: "link", contents: link("[".repeat(MB) + "]".repeat(MB)), says: ["This share link is damaged or incomplete", TOO_DEEP] },
    // Not damaged: newer, written `5.0` (a hostile try's headline called it damaged).
    { name: "link-of-a-newer-version.txt", kind: "link", contents: link(mapFile({ id: "n", title: "Newer", phases: [] }, "5.0")), says: ["This share link was made by a newer version of the app", "made by a newer version of the app (format version 5"] },
    { name: "link-of-a-bundle.txt", kind: "link", contents: link(bundle(`{"id":"a","title":"A","phases":[]},{"id":"b","title":"B","phases":[]}`)), says: ["This share link is damaged or incomplete"] },
    { name: "measurements-1001.csv", kind: "measurements", contents: "date;value\n" + Array.from({ length: 1001 }, (_, i) => `${new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10)};${i}`).join("\n"), says: ["that makes 1001 measurements, more than the 1000 a KPI keeps"] },
    { name: "measurements-of-9-mb.csv", kind: "measurements", contents: "date,value\n" + repeat("2026-01-01,1", 700_000, "\n"), says: ["the file goes on past the 10000 rows this app reads"], addable: true },
    { name: "measurements-one-long-line.csv", kind: "measurements", contents: "2026-01-01;" + "9".repeat(9 * MB), says: [/row 1: .* is not a number/] },
    { name: "measurements-binary.csv", kind: "measurements", contents: Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 0xff]), says: ["This is not a text file"] },
    // A shop's export dropped on a KPI measured from orders; `measure`: its columns are mapped
    // (guessed) and Measure is clicked before the message.
    { name: "export-empty.csv", kind: "export", contents: "", says: ["This file is empty."] },
    { name: "export-binary.csv", kind: "export", contents: Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 0xff]), says: ["This is not a text file"] },
    { name: "export-a-map.json", kind: "export", contents: mapFile(unicodeMap()), says: ["This is not a table"] },
    { name: "export-600-columns.csv", kind: "export", contents: Array.from({ length: 600 }, (_, i) => `c${i}`).join(",") + "\n", says: ["This is not a table"] },
    { name: "export-cell-of-9-mb.csv", kind: "export", measure: true, contents: `${ORDERS}1;anna;${"9".repeat(9 * MB)};5\n`, says: [/line 2, column “Besteldatum”: “9{20,}…” is not a date/] },
    { name: "export-unclosed-quote.csv", kind: "export", measure: true, contents: ORDERS + '1;"anna;2026-01-01;5\n' + repeat("2;bram;2026-01-02;6", 100_000, "\n"), says: [/line 2, column “Besteldatum”: empty/] },
    { name: "export-200000-bad-dates.csv", kind: "export", measure: true, contents: ORDERS + Array.from({ length: 200_000 }, (_, i) => `${i};k${i};gisteren;5`).join("\n"), says: ["and 199900 more problems"] },
    // Said for what they are, not "is not a number"; Excel's `sep=;` line is no row.
    { name: "export-amounts-beyond-any-order.csv", kind: "export", measure: true, contents: `sep=;\n${ORDERS}1;anna;2026-01-05;1e308\n2;bram;2026-01-05;-99999999999999\n`, says: ["line 3, column “Totaal”: “1e308” is beyond any order's amount", "line 4, column “Totaal”: “-99999999999999” is beyond any order's amount"] },
    { name: "export-utf16.csv", kind: "export", contents: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${ORDERS}1;anna;03-01-2026;5\n`, "utf16le")]), says: ["Which column holds what?"] },
    { name: "export-formula-headers.csv", kind: "export", measure: true, contents: '=HYPERLINK("http://x");<img src=x onerror=alert(1)>;Besteldatum;Totaal\n1;a;2026-01-05;5\n', says: ["<img src=x onerror=alert(1)>", "Choose a column for every role."] },
  ];
}

/** Writes the corpus into `dir` and returns its entries, each with the `path` of its file. */
export function writeCorpus(dir) {
  mkdirSync(dir, { recursive: true });
  const entries = corpus().map((entry) => ({ ...entry, path: join(dir, entry.name) }));
  for (const { path, contents } of entries) writeFileSync(path, contents);
  writeFileSync(join(dir, "formulas-and-keywords.json"), `{"format":"journey-map","version":2,"map":${JSON.stringify(formulaAndKeywordMap())}}`);
  writeFileSync(join(dir, "link-of-a-map-at-the-limits.txt"), link(mapFile(mapAtLimits())));
  writeFileSync(join(dir, "unicode-and-lone-surrogates.json"), `{"format":"journey-map","version":2,"map":${JSON.stringify(unicodeMap())}}`);
  return entries;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const entries = writeCorpus(join(import.meta.dirname, "..", "tests", "hostile"));
  console.log(`hostile-corpus: ${entries.length + 3} files in tests/hostile/`);
}
