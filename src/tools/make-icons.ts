/**
 * Draws the two Teams app icons and writes them as PNG files into teamsAppManifest/:
 * color.png (192×192, full colour: a licence card with a seal on the Teams accent colour) and
 * outline.png (32×32, the same glyph in white on a transparent background, as Teams requires).
 * Run: `npm run build && node dist/src/tools/make-icons.js`; the PNGs are committed.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

type Rgb = readonly [number, number, number];
/** Whether the point (in pixels, y downwards) lies inside a shape. */
type Shape = (x: number, y: number) => boolean;

interface Layer {
  readonly shape: Shape;
  readonly color: Rgb;
}

const ACCENT: Rgb = [0x5b, 0x5f, 0xc7];
const WHITE: Rgb = [0xff, 0xff, 0xff];
const LAVENDER: Rgb = [0xc5, 0xc7, 0xf0];
const GOLD: Rgb = [0xf2, 0xb7, 0x05];

/** Edges are anti-aliased by sampling each pixel on a 4×4 grid. */
const SAMPLES = 4;

function roundedRect(left: number, top: number, right: number, bottom: number, radius: number): Shape {
  return (x, y) => {
    if (x < left || x > right || y < top || y > bottom) return false;
    const cx = Math.min(Math.max(x, left + radius), right - radius);
    const cy = Math.min(Math.max(y, top + radius), bottom - radius);
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
  };
}

function circle(cx: number, cy: number, radius: number): Shape {
  return (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

function triangle(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): Shape {
  const side = (px: number, py: number, qx: number, qy: number, x: number, y: number) =>
    (qx - px) * (y - py) - (qy - py) * (x - px);
  return (x, y) => {
    const d1 = side(ax, ay, bx, by, x, y);
    const d2 = side(bx, by, cx, cy, x, y);
    const d3 = side(cx, cy, ax, ay, x, y);
    return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
  };
}

function union(...shapes: Shape[]): Shape {
  return (x, y) => shapes.some((shape) => shape(x, y));
}

function minus(shape: Shape, hole: Shape): Shape {
  return (x, y) => shape(x, y) && !hole(x, y);
}

/** RGBA pixels: layers painted in order over a transparent canvas. */
function paint(size: number, layers: readonly Layer[]): Buffer {
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (const layer of layers) {
        let hits = 0;
        for (let sy = 0; sy < SAMPLES; sy++) {
          for (let sx = 0; sx < SAMPLES; sx++) {
            if (layer.shape(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES)) hits++;
          }
        }
        const coverage = hits / (SAMPLES * SAMPLES);
        if (coverage === 0) continue;
        // "over" compositing, colours kept straight (not premultiplied) as PNG stores them
        const outAlpha = coverage + a * (1 - coverage);
        const blend = (top: number, bottom: number) => (top * coverage + bottom * a * (1 - coverage)) / outAlpha;
        [r, g, b, a] = [blend(layer.color[0], r), blend(layer.color[1], g), blend(layer.color[2], b), outAlpha];
      }
      const offset = (py * size + px) * 4;
      pixels[offset] = Math.round(r);
      pixels[offset + 1] = Math.round(g);
      pixels[offset + 2] = Math.round(b);
      pixels[offset + 3] = Math.round(a * 255);
    }
  }
  return pixels;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(typeAndData) >>> 0);
  return Buffer.concat([length, typeAndData, crc]);
}

/** An 8-bit RGBA PNG (colour type 6), every row with filter type 0. */
export function encodePng(size: number, rgba: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: truecolour with alpha
  // compression, filter and interlace methods: 0
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    rows.push(Buffer.from([0]), rgba.subarray(y * size * 4, (y + 1) * size * 4));
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** 192×192: accent background, a white licence card with text lines and a gold seal with ribbons. */
export function colorIcon(): Buffer {
  const size = 192;
  const layers: Layer[] = [
    { shape: () => true, color: ACCENT },
    { shape: roundedRect(34, 50, 158, 142, 12), color: WHITE },
    { shape: roundedRect(52, 68, 118, 78, 5), color: ACCENT },
    { shape: roundedRect(52, 88, 106, 96, 4), color: LAVENDER },
    { shape: roundedRect(52, 104, 96, 112, 4), color: LAVENDER },
    { shape: union(triangle(118, 118, 130, 118, 116, 152), triangle(130, 118, 142, 118, 144, 152)), color: GOLD },
    { shape: circle(130, 110, 18), color: GOLD },
    { shape: minus(circle(130, 110, 12), circle(130, 110, 9)), color: WHITE },
  ];
  return encodePng(size, paint(size, layers));
}

/** 32×32: the card as a white outline with two text lines and a seal, on transparency. */
export function outlineIcon(): Buffer {
  const size = 32;
  const card = minus(roundedRect(2, 7, 30, 25, 3), roundedRect(4, 9, 28, 23, 1.5));
  const lines = union(roundedRect(7, 12, 18, 14, 1), roundedRect(7, 17, 14, 19, 1));
  const seal = union(circle(22.5, 15.5, 3.5), triangle(20, 17, 22.5, 17, 20.5, 21.5), triangle(22.5, 17, 25, 17, 24.5, 21.5));
  return encodePng(size, paint(size, [{ shape: union(card, lines, seal), color: WHITE }]));
}

function main(): void {
  const directory = path.resolve(__dirname, '../../../teamsAppManifest');
  fs.writeFileSync(path.join(directory, 'color.png'), colorIcon());
  fs.writeFileSync(path.join(directory, 'outline.png'), outlineIcon());
  process.stdout.write(`Icons written to ${directory}\n`);
}

if (require.main === module) main();
