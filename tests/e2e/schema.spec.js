// The published JSON Schema, checked by an independent validator (ajv) against files the app
// exports (written by `cargo test --test exchange` into target/tmp/schema-samples).
import { test, expect } from "@playwright/test";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { readFileSync, readdirSync } from "node:fs";

const schema = JSON.parse(readFileSync("public/schema/journey-map.v4.schema.json", "utf8"));
const schemaV1 = JSON.parse(readFileSync("public/schema/journey-map.v1.schema.json", "utf8"));
const samplesDir = "target/tmp/schema-samples";

function validator(of = schema) {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  return ajv.compile(of);
}

const samples = readdirSync(samplesDir).filter((f) => f.endsWith(".json"));

test("there are exported samples to check", () => {
  expect(samples).toEqual(expect.arrayContaining(["map-full.json", "map-minimal.json", "map-large.json", "bundle.json", "map-computed.json", "map-decided.json"]));
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
    (d) => (d.version = 5),
    (d) => delete d.map.phases[0].kpis[0].kind,
    (d) => (d.map.phases[0].kpis[0].kind = "loyalty"),
    (d) => (d.map.phases[0].kpis[0].measurements[0].counts = { part: 1, whole: 2 }),
    (d) => (d.map.personas[0].color = "purple"),
    (d) => (d.map.lanes[0].kind = "feelings"),
    (d) => (d.map.lanes[0].shown = "yes"),
    (d) => (d.map.currency = "Euros of the realm"),
    (d) => (d.map.phases[0].contact_limit = -1),
    (d) => (d.map.phases[0].touchpoints[0].cost_per_month = -5),
    (d) => (d.map.phases[0].touchpoints[0].reach = "everyone"),
    (d) => (Object.values(d.map.phases[0].cards)[0][0].votes = 2.5),
    (d) => (Object.values(d.map.phases[0].cards)[0][0].severity = 4),
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
  expect(good.map.personas.length, "the full sample has personas").toBeGreaterThan(0);
  const decided = JSON.parse(readFileSync(`${samplesDir}/map-decided.json`, "utf8"));
  expect(validate(decided)).toBe(true);
  const card = (d) => d.map.phases[0].cards.ideas[0];
  for (const breakIt of [
    (d) => (d.map.rounds[0].dots = 0),
    (d) => (d.map.rounds[0].voted_lanes = []),
    (d) => (d.map.rounds[0].minutes = 181),
    (d) => (d.map.rounds[0].ballots[0].people = 0),
    (d) => (d.map.rounds[0].ballots[0].dots.c1 = 0),
    (d) => (d.map.rounds[0].started_at = "at ten"),
    (d) => (card(d).score.effort = 6),
    (d) => (card(d).score.value = 3),
    (d) => (card(d).action.due = "soon"),
    (d) => delete card(d).action.owner,
  ]) {
    const doc = structuredClone(decided);
    breakIt(doc);
    expect(validate(doc), breakIt.toString()).toBe(false);
  }
  const computed = JSON.parse(readFileSync(`${samplesDir}/map-computed.json`, "utf8"));
  const kpi = computed.map.phases[1].kpis[0];
  expect(kpi.kind).toBe("nps");
  for (const breakIt of [
    (k) => delete k.measurements[0].counts,
    (k) => (k.measurements[0].counts = { answers: [1, 2] }),
    (k) => (k.measurements[0].counts.answers[0] = -1),
    (k) => (k.mapping.columns = { postcode: "Postcode" }),
    (k) => (k.mapping.source = "crm"),
  ]) {
    const doc = structuredClone(computed);
    breakIt(doc.map.phases[1].kpis[0]);
    expect(validate(doc), breakIt.toString()).toBe(false);
  }
  const extra = structuredClone(good);
  extra.map.phases[0].icon = "eye";
  expect(validate(extra), "unknown fields are allowed").toBe(true);
});

test("the first release's exports of every template validate against the version 1 schema", () => {
  const validate = validator(schemaV1);
  const dir = "tests/fixtures/v1";
  const files = readdirSync(dir);
  expect(files.length).toBe(10);
  for (const name of files) {
    const ok = validate(JSON.parse(readFileSync(`${dir}/${name}`, "utf8")));
    expect(validate.errors ?? [], name).toEqual([]);
    expect(ok).toBe(true);
  }
});
