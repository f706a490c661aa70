// Copies the govuk-frontend and chart.js scripts and our own (initialiser, bar charts) into wwwroot/lib (git-ignored).
import { copyFileSync, mkdirSync } from "node:fs";

mkdirSync("wwwroot/lib", { recursive: true });
copyFileSync("node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js", "wwwroot/lib/govuk-frontend.min.js");
copyFileSync("scripts/init.mjs", "wwwroot/lib/init.mjs");
copyFileSync("node_modules/chart.js/dist/chart.umd.min.js", "wwwroot/lib/chart.umd.min.js");
copyFileSync("scripts/bar-charts.mjs", "wwwroot/lib/bar-charts.mjs");
