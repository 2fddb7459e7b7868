/** A QR code of the link, drawn as SVG from uqr's module matrix (no innerHTML). */
import { encode } from "uqr";

export function QrCode({ text, size = 160 }: { text: string; size?: number }) {
	const { data } = encode(text, { ecc: "M", border: 2 });
	const modules = data.length;
	const cells: string[] = [];
	data.forEach((row, y) => {
		row.forEach((dark, x) => {
			if (dark) cells.push(`M${x} ${y}h1v1h-1z`);
		});
	});
	return (
		<svg
			class="qr"
			width={size}
			height={size}
			viewBox={`0 0 ${modules} ${modules}`}
			shape-rendering="crispEdges"
			role="img"
			aria-label="QR code of the link"
		>
			<rect width={modules} height={modules} fill="#fff" />
			<path d={cells.join("")} fill="#000" />
		</svg>
	);
}
