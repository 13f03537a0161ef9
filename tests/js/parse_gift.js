// Prints, as JSON, the questions gift-pegjs reads from each GIFT file named on the
// command line: {"file": [questions...]}. Used by the export tests.
const fs = require("fs");
const { parse } = require("gift-pegjs");
const result = {};
for (const file of process.argv.slice(2)) {
  result[file] = parse(fs.readFileSync(file, "utf8"));
}
process.stdout.write(JSON.stringify(result));
