/** Reads a ZIP archive back through its central directory (independent of src/tools/zip.ts). */
import assert from 'node:assert/strict';
import zlib from 'node:zlib';

export interface ZipFile {
  readonly name: string;
  readonly method: number;
  readonly data: Buffer;
}

export function readZip(archive: Buffer): ZipFile[] {
  const endOffset = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(endOffset >= 0, 'end of central directory record present');
  const count = archive.readUInt16LE(endOffset + 10);
  const directorySize = archive.readUInt32LE(endOffset + 12);
  const directoryOffset = archive.readUInt32LE(endOffset + 16);
  assert.equal(directoryOffset + directorySize, endOffset, 'central directory ends where the end record starts');

  const files: ZipFile[] = [];
  let offset = directoryOffset;
  for (let index = 0; index < count; index++) {
    assert.equal(archive.readUInt32LE(offset), 0x02014b50, 'central directory header signature');
    const method = archive.readUInt16LE(offset + 10);
    const crc = archive.readUInt32LE(offset + 16);
    const compressedSize = archive.readUInt32LE(offset + 20);
    const size = archive.readUInt32LE(offset + 24);
    const nameLength = archive.readUInt16LE(offset + 28);
    const extraLength = archive.readUInt16LE(offset + 30);
    const commentLength = archive.readUInt16LE(offset + 32);
    const localOffset = archive.readUInt32LE(offset + 42);
    const name = archive.toString('utf8', offset + 46, offset + 46 + nameLength);

    assert.equal(archive.readUInt32LE(localOffset), 0x04034b50, `local header signature of ${name}`);
    const localNameLength = archive.readUInt16LE(localOffset + 26);
    const localExtraLength = archive.readUInt16LE(localOffset + 28);
    assert.equal(archive.toString('utf8', localOffset + 30, localOffset + 30 + localNameLength), name);
    const start = localOffset + 30 + localNameLength + localExtraLength;
    const stored = archive.subarray(start, start + compressedSize);
    assert.ok(method === 0 || method === 8, `${name}: stored or deflated`);
    const data = method === 8 ? zlib.inflateRawSync(stored) : Buffer.from(stored);
    assert.equal(data.length, size, `${name}: uncompressed size`);
    assert.equal(zlib.crc32(data) >>> 0, crc, `${name}: CRC-32`);

    files.push({ name, method, data });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}
