// Copies the built files of the front-end packages into wwwroot/lib, where they are committed,
// so the portal serves them itself and needs no network at run time.
import { cpSync, mkdirSync, rmSync } from "node:fs";

const files = {
  "bootstrap/dist/css/bootstrap.min.css": "bootstrap/css/bootstrap.min.css",
  "bootstrap/dist/css/bootstrap.min.css.map": "bootstrap/css/bootstrap.min.css.map",
  "bootstrap/dist/js/bootstrap.bundle.min.js": "bootstrap/js/bootstrap.bundle.min.js",
  "bootstrap/dist/js/bootstrap.bundle.min.js.map": "bootstrap/js/bootstrap.bundle.min.js.map",
  "bootstrap/LICENSE": "bootstrap/LICENSE",
  "htmx.org/dist/htmx.min.js": "htmx/htmx.min.js",
  "htmx.org/LICENSE": "htmx/LICENSE",
};

rmSync("wwwroot/lib", { recursive: true, force: true });
for (const [from, to] of Object.entries(files)) {
  const target = `wwwroot/lib/${to}`;
  mkdirSync(target.substring(0, target.lastIndexOf("/")), { recursive: true });
  cpSync(`node_modules/${from}`, target);
}
console.log(`vendored ${Object.keys(files).length} files into wwwroot/lib`);
