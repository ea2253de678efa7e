// The published JSON Schema, checked by an independent validator (ajv) against files the app
// exports (written by `cargo test --test exchange` into target/tmp/schema-samples).
import { test, expect } from "@playwright/test";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { readFileSync, readdirSync } from "node:fs";

const schema = JSON.parse(readFileSync("public/schema/journey-map.v1.schema.json", "utf8"));
const samplesDir = "target/tmp/schema-samples";

function validator() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  return ajv.compile(schema);
}

const samples = readdirSync(samplesDir).filter((f) => f.endsWith(".json"));

test("there are exported samples to check", () => {
  expect(samples).toEqual(expect.arrayContaining(["map-full.json", "map-minimal.json", "map-large.json", "bundle.json"]));
});

for (const name of samples) {
  test(`exported ${name} validates against the schema`, () => {
    const validate = validator();
    const ok = validate(JSON.parse(readFileSync(`${samplesDir}/${name}`, "utf8")));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });
}

test("the schema refuses what the app refuses", () => {
  const validate = validator();
  const good = JSON.parse(readFileSync(`${samplesDir}/map-full.json`, "utf8"));
  const broken = [
    (d) => (d.format = "trello"),
    (d) => (d.version = 2),
    (d) => (d.map.title = ""),
    (d) => (d.map.title = "x".repeat(201)),
    (d) => (d.map.phases[0].color = "blue"),
    (d) => (d.map.phases[0].touchpoints[1].emotion = 3),
    (d) => (d.map.phases[0].kpis[0].direction = "up"),
    (d) => (d.map.phases[0].kpis[0].target = "abc"),
    (d) => (d.map.phases[0].kpis[0].measurements[0].date = "2023-02-30"),
    (d) => delete d.map.phases[0].id,
    (d) => (d.map.phases = Array(51).fill(d.map.phases[0])),
    (d) => (d.map.updated_at = "yesterday"),
  ];
  for (const breakIt of broken) {
    const doc = structuredClone(good);
    breakIt(doc);
    expect(validate(doc), breakIt.toString()).toBe(false);
  }
  const extra = structuredClone(good);
  extra.map.phases[0].icon = "eye";
  expect(validate(extra), "unknown fields are allowed").toBe(true);
});
