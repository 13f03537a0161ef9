// Prints the questions gift-pegjs reads from a GIFT file, as JSON (for the tests).
const fs = require("fs");
const { parse } = require("gift-pegjs");
process.stdout.write(JSON.stringify(parse(fs.readFileSync(process.argv[2], "utf8"))));
