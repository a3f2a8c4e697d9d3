// Validates a Teams app manifest against the official JSON schema of its manifestVersion, as bundled in
// @microsoft/app-manifest (the same draft-04 validator settings that package uses). Reads the manifest path from
// argv[2], fills the ${{NAME}} placeholders package.sh fills with sample values, and prints one JSON object:
// { manifestVersion, newestVersion, errors: ["/path: message", ...] }. Exit code 0 unless it could not run.
"use strict";
const fs = require("fs");
const path = require("path");
const Ajv = require("ajv-draft-04");
const addFormats = require("ajv-formats");

const schemas = path.join(path.dirname(require.resolve("@microsoft/app-manifest/package.json")), "build", "json-schemas", "teams");
const samples = {
  APP_VERSION: "1.0.0",
  TEAMS_APP_ID: "00000000-0000-4000-8000-000000000001",
  BOT_ID: "00000000-0000-4000-8000-000000000002",
  BOT_DOMAIN: "triagebot-example.azurewebsites.net",
  DEVELOPER_NAME: "TriageBot",
  WEBSITE_URL: "https://triagebot-example.azurewebsites.net",
  PRIVACY_URL: "https://triagebot-example.azurewebsites.net/privacy",
  TERMS_OF_USE_URL: "https://triagebot-example.azurewebsites.net/terms",
};

const text = fs.readFileSync(process.argv[2], "utf8").replace(/\$\{\{([A-Z_]+)\}\}/g, (whole, name) => samples[name] ?? whole);
const manifest = JSON.parse(text);
const versions = fs.readdirSync(schemas).filter((v) => /^v\d+\.\d+$/.test(v)).map((v) => v.slice(1));
const newest = versions.sort((a, b) => { const [a1, a2] = a.split(".").map(Number); const [b1, b2] = b.split(".").map(Number); return a1 - b1 || a2 - b2; }).at(-1);

const schemaFile = path.join(schemas, `v${manifest.manifestVersion}`, "MicrosoftTeams.schema.json");
let errors;
if (!fs.existsSync(schemaFile)) {
  errors = [`/manifestVersion: no official schema for manifest version ${manifest.manifestVersion}`];
} else {
  const ajv = new Ajv({ allErrors: true, strictTypes: false });
  addFormats(ajv, ["uri", "email", "regex"]);
  const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, "utf8")));
  validate(manifest);
  errors = (validate.errors ?? []).map((e) => `${e.instancePath || "/"}: ${e.message}${e.params && e.params.additionalProperty ? ` (${e.params.additionalProperty})` : ""}`);
}

process.stdout.write(JSON.stringify({ manifestVersion: manifest.manifestVersion, newestVersion: newest, errors }));
