/** A Content-Disposition header for a download name, safe for any characters (RFC 6266, RFC 8187). */

export function attachment(filename: string): string {
	const fallback = filename.replace(/[^\x20-\x7e]|["\\%]/g, "_");
	const encoded = encodeURIComponent(filename).replace(
		/['()*]/g,
		(c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
	);
	return fallback === filename
		? `attachment; filename="${filename}"`
		: `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
