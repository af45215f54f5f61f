import { readFileSync, writeFileSync } from 'node:fs';
import { createCanvas } from '@napi-rs/canvas';
const buf = readFileSync(process.argv[2]!);
const m = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(buf.subarray(0, 50).toString('latin1'))!;
const [w, h] = [Number(m[1]), Number(m[2])];
const data = buf.subarray(m[0].length);
const scale = Number(process.argv[4] ?? 0.4);
const c = createCanvas(w, h);
const ctx = c.getContext('2d');
const img = ctx.createImageData(w, h);
for (let i = 0; i < w * h; i++) { img.data[i * 4] = img.data[i * 4 + 1] = img.data[i * 4 + 2] = data[i]!; img.data[i * 4 + 3] = 255; }
ctx.putImageData(img, 0, 0);
const out = createCanvas(Math.round(w * scale), Math.round(h * scale));
out.getContext('2d').drawImage(c, 0, 0, out.width, out.height);
writeFileSync(process.argv[3]!, await out.encode('png'));
