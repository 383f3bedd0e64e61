// Draws the tab bar icons (81×81 PNG, WeChat's recommended size) so the repository needs no
// image downloads. Run: node src/app/assets/tabbar/make-icons.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 81;
const SS = 4; // supersampling per axis, for smooth edges
const COLORS = { '': [143, 149, 158], '-active': [7, 193, 96] };

// Signed distances (negative inside) of simple shapes, in icon pixels.
const seg = (px, py, ax, ay, bx, by) => {
  const [dx, dy, ex, ey] = [px - ax, py - ay, bx - ax, by - ay];
  const t = Math.max(0, Math.min(1, (dx * ex + dy * ey) / (ex * ex + ey * ey)));
  return Math.hypot(dx - ex * t, dy - ey * t);
};
const roundRect = (px, py, cx, cy, hw, hh, r) => {
  const qx = Math.abs(px - cx) - hw + r;
  const qy = Math.abs(py - cy) - hh + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
};
const stroke = (d, w) => Math.abs(d) - w / 2;
const W = 6;

const icons = {
  home: (x, y) =>
    Math.min(
      seg(x, y, 14, 38, 40.5, 14) - W / 2,
      seg(x, y, 40.5, 14, 67, 38) - W / 2,
      stroke(roundRect(x, y, 40.5, 50, 19, 17, 3), W),
      roundRect(x, y, 40.5, 58, 5, 9, 2),
    ),
  inbox: (x, y) =>
    Math.min(
      stroke(roundRect(x, y, 40.5, 42, 23, 27, 6), W),
      seg(x, y, 29, 32, 52, 32) - W / 2,
      seg(x, y, 29, 44, 52, 44) - W / 2,
      seg(x, y, 29, 56, 44, 56) - W / 2,
    ),
  me: (x, y) => {
    const head = stroke(Math.hypot(x - 40.5, y - 28) - 12, W);
    // Shoulders: the top half of a ring, closed by a line.
    const ring = stroke(Math.hypot(x - 40.5, y - 68) - 24, W);
    const base = seg(x, y, 16.5, 68, 64.5, 68) - W / 2;
    return Math.min(head, y <= 68 ? Math.min(ring, base) : base);
  },
};

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

function png(shape, [r, g, b]) {
  const rows = [];
  for (let y = 0; y < SIZE; y++) {
    const row = Buffer.alloc(1 + SIZE * 4); // filter byte 0, then RGBA
    for (let x = 0; x < SIZE; x++) {
      let cover = 0;
      for (let sy = 0; sy < SS; sy++)
        for (let sx = 0; sx < SS; sx++) if (shape(x + (sx + 0.5) / SS, y + (sy + 0.5) / SS) <= 0) cover++;
      row.set([r, g, b, Math.round((255 * cover) / (SS * SS))], 1 + x * 4);
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(SIZE, 0);
  ihdr.writeUInt32BE(SIZE, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const dir = new URL('.', import.meta.url);
for (const [name, shape] of Object.entries(icons)) {
  for (const [suffix, color] of Object.entries(COLORS)) {
    writeFileSync(new URL(`${name}${suffix}.png`, dir), png(shape, color));
  }
}
console.log('tab bar icons written');
