// Reads a saved page as link unfurlers do (open-graph-scraper, from its HTML) and prints the result as JSON.
const fs = require("fs");
const ogs = require("open-graph-scraper");

(async () => {
  const { error, result } = await ogs({ html: fs.readFileSync(process.argv[2], "utf8") });
  process.stdout.write(JSON.stringify({ error, result }));
})();
