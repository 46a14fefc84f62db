// Validates SARIF logs against the SARIF 2.1.0 JSON Schema (sarif-2.1.0-rtm.5, the final
// 2.1.0 schema) with ajv. Usage: node validate.js FILE...; exit 1 when any file is invalid.
"use strict";
const fs = require("fs");
const path = require("path");
const Ajv = require("ajv");

const schemaPath = path.join(
  __dirname, "node_modules", "@microsoft", "jest-sarif", "lib", "schemas", "sarif-2.1.0-rtm.5.json");
const schema = JSON.parse(fs.readFileSync(schemaPath, "utf8"));
// The SARIF schema is written in JSON Schema draft-04.
const ajv = new Ajv({ allErrors: true, schemaId: "auto" });
ajv.addMetaSchema(require("ajv/lib/refs/json-schema-draft-04.json"));
const validate = ajv.compile(schema);

let failed = false;
for (const file of process.argv.slice(2)) {
  let log;
  try {
    log = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    console.log(`${file}: not JSON: ${e.message}`);
    failed = true;
    continue;
  }
  if (!validate(log)) {
    failed = true;
    for (const err of validate.errors.slice(0, 10)) {
      console.log(`${file}: ${err.dataPath || "(root)"} ${err.message}`);
    }
  }
}
process.exit(failed ? 1 : 0);
