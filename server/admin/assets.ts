/** GET /admin/assets/admin.js and admin.css: files, because the CSP allows no inline script or style. */
import { Hono } from "hono";
import { ADMIN_SCRIPT } from "./admin-script.ts";
import { ADMIN_STYLE } from "./admin-style.ts";

const FAVICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#151b2b"/><path d="M10 21.5c1.6 1.3 3.6 2 6 2 3.3 0 5.5-1.6 5.5-4.1 0-5.4-10.5-3.3-10.5-8 0-1.8 1.8-3 4.3-3 1.9 0 3.6.6 4.9 1.6" fill="none" stroke="#9fb3ff" stroke-width="2.6" stroke-linecap="round"/></svg>`;

const ASSETS = new Map([
	["admin.js", { body: ADMIN_SCRIPT, type: "text/javascript; charset=utf-8" }],
	["admin.css", { body: ADMIN_STYLE, type: "text/css; charset=utf-8" }],
	["favicon.svg", { body: FAVICON, type: "image/svg+xml" }],
]);

export function adminAssetRoutes() {
	return new Hono().get("/:name", (c) => {
		const asset = ASSETS.get(c.req.param("name"));
		if (!asset) return c.text("Not found", 404);
		return c.body(asset.body, 200, {
			"content-type": asset.type,
			// Revalidate each time: a deploy changes them, and they are small.
			"cache-control": "no-cache",
		});
	});
}
