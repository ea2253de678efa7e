import { writeFileSync } from "node:fs";
import { deflateRawSync } from "node:zlib";
const MB = 1024 * 1024;
const D = "/tmp/helper/in/";
const bundle = (maps) => `{"format":"journey-map-bundle","version":2,"maps":[${maps}]}`;
const mapFile = (map, version = 2) => `{"format":"journey-map","version":${version},"map":${JSON.stringify(map)}}`;
const rep = (t, n, s = ",") => new Array(n).fill(t).join(s);
const files = {
  // 500 maps, each with a 19999-char title (all within text limit) ~10MB
  "long-strings.json": bundle(Array.from({ length: 500 }, (_, i) => JSON.stringify({ id: `m${i}`, title: "y".repeat(19999), phases: [] })).join(",")),
  // one map, 9000 touchpoints each with 100 unknown keys
  "many-keys.json": mapFile({ id: "k", title: "K", phases: [{ id: "p", name: "P", color: "#336699", touchpoints: Array.from({ length: 9000 }, (_, i) => ({ id: `t${i}`, name: "n", ...Object.fromEntries(Array.from({ length: 100 }, (_, j) => [`k${j}`, j])) })) }] }),
  // tiny nested lists: [[[[]]]] x 1.2M inside an unknown field
  "tiny-nested-lists.json": mapFile({ id: "x", title: "T", phases: [] }).replace('"phases":[]', '"phases":[],"junk":[' + rep("[[[[]]]]", 1_200_000) + "]"),
  // deep objects mixed with arrays 100k deep
  "mixed-deep.json": '{"format":"journey-map","version":2,"map":' + '{"a":['.repeat(100_000) + "1" + "]}".repeat(100_000) + "}",
  // many escapes: title of 1.5M "\u0000" escapes
  "escape-bomb.json": mapFile({ id: "x", title: "T", phases: [] }).replace('"title":"T"', '"title":"' + "\\u0000".repeat(1_600_000) + '"'),
  // 10 MB of whitespace then valid map
  "whitespace.json": " ".repeat(10 * MB - 200) + mapFile({ id: "w", title: "Whitespace", phases: [] }),
  // a number with 9M digits
  "long-number.json": mapFile({ id: "x", title: "T", phases: [] }).replace('"version":2', '"version":2' + "0".repeat(9 * MB)),
  // a long fraction 2.000...0 (9M zeros) - version 2
  "long-fraction.json": mapFile({ id: "lf", title: "LongFraction", phases: [] }, "2." + "0".repeat(9 * MB)),
  // many problems of another shape: phases with many wrong-typed fields
  "phase-problems.json": mapFile({ id: "x", title: "T", phases: Array.from({ length: 9999 }, () => ({ id: 1, name: [], color: {}, touchpoints: new Array(50).fill(5) })) }),
  // bundle of 9999 maps each with problems (in limit count) 
  "problems-in-maps.json": bundle(rep(JSON.stringify({ id: 1, title: 2, phases: new Array(9000).fill(0) }), 1000)),
  // duplicated keys 1M times
  "dup-keys.json": '{"format":"journey-map","version":2,' + rep('"x":1', 1_000_000) + ',"map":{"id":"d","title":"Dup","phases":[]}}',
  // 30 MB file
  "thirty-mb.json": bundle(rep("{}", 15 * MB)),
  // UTF-8 BOM valid
  "bom.json": "\ufeff" + mapFile({ id: "b", title: "Bom", phases: [] }),
  // raw noncharacters/controls
  "raw-nonchars.json": mapFile({ id: "nc", title: "A\uffff\ufffe\ufdd0\u0085\u2028\u2029\u200b\u00adZ", phases: [] }),
  // UTF-16LE encoded
  "utf16.json": Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(mapFile({ id: "u", title: "U16", phases: [] }), "utf16le")]),
};
const versions = { "2e0": "2e0", "20e-1": "20e-1", "0.2e1": "0.2e1", "2.5": "2.5", "1.5": "1.5", "2.0000000000000001": "2.0000000000000001", "-0": "-0", "-1": "-1", "0": "0", "3.0": "3.0", "1E1": "1E1", "1e400": "1e400", "1e-400": "1e-400", "1.0": "1.0", "str2": '"2"', "null": "null", "bigdigits": "9".repeat(5000), "2E+0": "2E+0", "-2": "-2", "1e19": "1e19", "4294967298": "4294967298" };
for (const [k, v] of Object.entries(versions)) files[`version-${k}.json`] = mapFile({ id: "v" + k.replace(/\W/g, ""), title: "Ver " + k, phases: [] }, v);
for (const [n, c] of Object.entries(files)) writeFileSync(D + n, c);
// links
const link = (t) => deflateRawSync(Buffer.from(t), { level: 9 }).toString("base64url");
const links = {
  "link-mixed-deep": link('{"format":"journey-map","version":2,"map":' + '{"a":['.repeat(300_000) + "1" + "]}".repeat(300_000) + "}"),
  "link-tiny-lists": link(mapFile({ id: "x", title: "T", phases: [] }).replace('"phases":[]', '"phases":[],"junk":[' + rep("[[[[]]]]", 3_000_000) + "]")),
  "link-problems": link(mapFile({ id: "x", title: "T", phases: Array.from({ length: 9999 }, () => ({ id: 1, name: [], color: {}, touchpoints: new Array(900).fill(5) })) })),
  "link-whitespace-30mb": link(" ".repeat(30 * MB) + mapFile({ id: "lw", title: "LW", phases: [] })),
  "link-escape-bomb": link(mapFile({ id: "x", title: "T", phases: [] }).replace('"title":"T"', '"title":"' + "\\u0000".repeat(5_000_000) + '"')),
  "link-long-number": link(mapFile({ id: "x", title: "T", phases: [] }).replace('"version":2', '"version":2' + "0".repeat(30 * MB))),
  "link-dup-keys": link('{"format":"journey-map","version":2,' + rep('"x":1', 5_000_000) + ',"map":{"id":"d","title":"Dup","phases":[]}}'),
  "link-garbage": "!!!***%%%" + "A".repeat(100),
  "link-notdeflate": Buffer.from("hello world this is not deflate").toString("base64url"),
  "link-padded": link(mapFile({ id: "pd", title: "Padded", phases: [] })).replace(/$/, "=="),
  "link-std-b64": deflateRawSync(Buffer.from(mapFile({ id: "sb", title: "Std+/b64 ???>>>", phases: [] }))).toString("base64"),
};
const out = {};
for (const [k, v] of Object.entries(links)) { out[k] = v; console.log(k, v.length); }
writeFileSync(D + "links.json", JSON.stringify(out));
