import assert from 'node:assert/strict';
import { createZip } from '../../src/tools/zip';
import { readZip } from './read-zip';

describe('zip writer', () => {
  const entries = [
    { name: 'manifest.json', data: Buffer.from(JSON.stringify({ text: 'licence '.repeat(200) })) },
    { name: 'tiny.bin', data: Buffer.from([1, 2, 3]) },
    { name: 'empty.txt', data: Buffer.alloc(0) },
    { name: 'zh-tw.json', data: Buffer.from('{"name.short":"授權"}') },
  ];

  it('round-trips every entry, deflating only what gets smaller', () => {
    const files = readZip(createZip(entries));
    assert.deepEqual(files.map((file) => [file.name, file.data]), entries.map((entry) => [entry.name, entry.data]));
    assert.deepEqual(files.map((file) => file.method), [8, 0, 0, 0]);
  });

  it('gives the same bytes for the same entries', () => {
    assert.deepEqual(createZip(entries), createZip(entries));
  });

  const badNames: readonly [string, string][] = [
    ['duplicate', 'tiny.bin'],
    ['empty', ''],
    ['absolute', '/etc/passwd'],
    ['parent directory', '../manifest.json'],
  ];
  for (const [what, name] of badNames) {
    it(`refuses a ${what} entry name`, () => {
      assert.throws(() => createZip([...entries, { name, data: Buffer.from('x') }]), /zip entry/);
    });
  }
});
