import { describe, expect, it } from "vitest";
import { splitUrl } from "./url-parts.ts";

describe("splitUrl", () => {
	it("keeps the path exactly as written, dot segments and all", () => {
		const split = splitUrl(
			"https://User@Host.Example:8443/a/../%2e%2e/b?X-Amz-Date=1&x=2#frag",
		);
		expect(split.ok && split.value).toMatchObject({
			protocol: "https:",
			hostname: "host.example",
			port: "8443",
			rawPath: "/a/../%2e%2e/b",
		});
		expect(split.ok && split.value.params.get("x-amz-date")).toBe("1");
	});

	it("reads a URL without a path, and IPv6 hosts", () => {
		const split = splitUrl("http://[::1]:9000?sig=a");
		expect(split.ok && split.value).toMatchObject({
			hostname: "[::1]",
			port: "9000",
			rawPath: "",
		});
	});

	it.each(["", "no scheme", "://x", "https://", "https:///path"])(
		"refuses %j",
		(input) => {
			expect(splitUrl(input).ok).toBe(false);
		},
	);
});
