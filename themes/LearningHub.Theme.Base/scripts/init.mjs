// Runs govuk-frontend's components. Kept in a file (not inline) so the Content-Security-Policy can
// forbid inline script.
import { initAll } from "./govuk-frontend.min.js";

document.body.classList.add("js-enabled");
if ("noModule" in HTMLScriptElement.prototype) {
  document.body.classList.add("govuk-frontend-supported");
}
initAll();
