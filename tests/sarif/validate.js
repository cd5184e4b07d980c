// validate.js - checks SARIF logs against the SARIF 2.1.0 JSON schema.
//
// usage: node validate.js DIR FILE...   (DIR: where scripts/sarif-check.sh
// installed ajv and the schema). Prints "FILE: ok" or the schema errors;
// exits 1 when a file is invalid or not JSON.
"use strict";
const fs = require("fs");
const path = require("path");

const dir = path.resolve(process.argv[2]);
const Ajv2020 = require(path.join(dir, "node_modules/ajv/dist/2020"));
const addFormats = require(path.join(dir, "node_modules/ajv-formats"));
const schema = JSON.parse(fs.readFileSync(path.join(dir, "sarif-2.1.0.json"), "utf8"));

// strict: false - the schema uses annotation keywords ajv does not know
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(schema);

let bad = 0;
for (const f of process.argv.slice(3)) {
	let doc;
	try {
		doc = JSON.parse(fs.readFileSync(f, "utf8"));
	} catch (e) {
		console.log(`${f}: not JSON: ${e.message}`);
		bad++;
		continue;
	}
	if (validate(doc)) {
		console.log(`${f}: ok`);
		continue;
	}
	bad++;
	console.log(`${f}: invalid`);
	for (const e of validate.errors.slice(0, 20))
		console.log(`  ${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`);
}
process.exit(bad ? 1 : 0);
