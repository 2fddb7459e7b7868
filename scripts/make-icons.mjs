// Writes the extension's PNG icons (a rounded blue tile with a white key-hole), once; they are committed.
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

function crc32(bytes) {
	let crc = ~0;
	for (const byte of bytes) {
		crc ^= byte;
		for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
	}
	return ~crc >>> 0;
}

function chunk(type, data) {
	const out = Buffer.alloc(12 + data.length);
	out.writeUInt32BE(data.length, 0);
	out.write(type, 4, "latin1");
	data.copy(out, 8);
	out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
	return out;
}

function icon(size) {
	const rows = [];
	const r = size * 0.2;
	for (let y = 0; y < size; y++) {
		const row = Buffer.alloc(1 + size * 4);
		for (let x = 0; x < size; x++) {
			const cx = Math.max(r - x, 0, x - (size - 1 - r));
			const cy = Math.max(r - y, 0, y - (size - 1 - r));
			const inside = cx * cx + cy * cy <= r * r;
			const dx = (x - size / 2) / size;
			const dy = (y - size * 0.42) / size;
			const hole =
				dx * dx + dy * dy < 0.018 ||
				(Math.abs(dx) < 0.06 && dy > 0 && dy < 0.3);
			const [red, green, blue] = hole ? [255, 255, 255] : [37, 99, 235];
			row.set([red, green, blue, inside ? 255 : 0], 1 + x * 4);
		}
		rows.push(row);
	}
	const header = Buffer.alloc(13);
	header.writeUInt32BE(size, 0);
	header.writeUInt32BE(size, 4);
	header.set([8, 6, 0, 0, 0], 8);
	return Buffer.concat([
		Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
		chunk("IHDR", header),
		chunk("IDAT", deflateSync(Buffer.concat(rows))),
		chunk("IEND", Buffer.alloc(0)),
	]);
}

for (const size of [16, 32, 48, 128])
	writeFileSync(`extension/public/icons/icon-${size}.png`, icon(size));
