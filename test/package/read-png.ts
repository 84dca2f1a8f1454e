/** Decodes an 8-bit PNG (any filter type, no interlacing) into RGBA pixels, enough to check icons. */
import assert from 'node:assert/strict';
import zlib from 'node:zlib';

export interface Png {
  readonly width: number;
  readonly height: number;
  readonly colorType: number;
  /** RGBA, 4 bytes per pixel. */
  readonly pixels: Buffer;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CHANNELS: Record<number, number> = { 2: 3, 6: 4 };

function paeth(left: number, up: number, upLeft: number): number {
  const estimate = left + up - upLeft;
  const [dl, du, dul] = [Math.abs(estimate - left), Math.abs(estimate - up), Math.abs(estimate - upLeft)];
  return dl <= du && dl <= dul ? left : du <= dul ? up : upLeft;
}

export function readPng(file: Buffer): Png {
  assert.deepEqual(file.subarray(0, 8), SIGNATURE, 'PNG signature');
  let offset = 8;
  let header: Buffer | undefined;
  const data: Buffer[] = [];
  while (offset < file.length) {
    const length = file.readUInt32BE(offset);
    const type = file.toString('ascii', offset + 4, offset + 8);
    const body = file.subarray(offset + 8, offset + 8 + length);
    assert.equal(file.readUInt32BE(offset + 8 + length), zlib.crc32(file.subarray(offset + 4, offset + 8 + length)) >>> 0, `${type} CRC`);
    if (type === 'IHDR') header = body;
    if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  assert.ok(header, 'IHDR chunk');
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  const colorType = header[9] ?? -1;
  const channels = CHANNELS[colorType];
  assert.equal(header[8], 8, 'bit depth 8');
  assert.ok(channels, `colour type ${colorType} is RGB or RGBA`);
  assert.equal(header[12], 0, 'not interlaced');

  const raw = zlib.inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const rows = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x] ?? 0;
      const left = x >= channels ? (rows[y * stride + x - channels] ?? 0) : 0;
      const up = y > 0 ? (rows[(y - 1) * stride + x] ?? 0) : 0;
      const upLeft = x >= channels && y > 0 ? (rows[(y - 1) * stride + x - channels] ?? 0) : 0;
      const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter ?? -1];
      assert.ok(predictor !== undefined, `filter type ${filter}`);
      rows[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  const pixels = Buffer.alloc(width * height * 4);
  for (let index = 0; index < width * height; index++) {
    for (let channel = 0; channel < 4; channel++) {
      pixels[index * 4 + channel] = channel < channels ? (rows[index * channels + channel] ?? 0) : 255;
    }
  }
  return { width, height, colorType, pixels };
}
