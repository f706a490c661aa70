// Copies the govuk-frontend script and our initialiser into wwwroot/lib (git-ignored).
import { copyFileSync, mkdirSync } from "node:fs";

mkdirSync("wwwroot/lib", { recursive: true });
copyFileSync("node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js", "wwwroot/lib/govuk-frontend.min.js");
copyFileSync("scripts/init.mjs", "wwwroot/lib/init.mjs");
