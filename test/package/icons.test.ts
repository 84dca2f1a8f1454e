import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { colorIcon, outlineIcon } from '../../src/tools/make-icons';
import { readPng } from './read-png';

const SOURCE = path.resolve(__dirname, '../../../teamsAppManifest');

function alphaValues(pixels: Buffer): number[] {
  return Array.from({ length: pixels.length / 4 }, (_, index) => pixels[index * 4 + 3] ?? -1);
}

describe('app icons', () => {
  const color = readPng(fs.readFileSync(path.join(SOURCE, 'color.png')));
  const outline = readPng(fs.readFileSync(path.join(SOURCE, 'outline.png')));

  it('color.png is 192×192 and fully opaque, in more than one colour', () => {
    assert.deepEqual([color.width, color.height], [192, 192]);
    assert.ok(alphaValues(color.pixels).every((alpha) => alpha === 255));
    const colours = new Set<string>();
    for (let index = 0; index < color.pixels.length; index += 4) colours.add(color.pixels.subarray(index, index + 3).toString('hex'));
    assert.ok(colours.size >= 4, `${colours.size} colours`);
  });

  it('outline.png is 32×32 with an alpha channel, transparent around a white glyph', () => {
    assert.deepEqual([outline.width, outline.height], [32, 32]);
    assert.equal(outline.colorType, 6, 'RGBA');
    const alphas = alphaValues(outline.pixels);
    assert.ok(alphas.filter((alpha) => alpha === 0).length > 32 * 32 * 0.4, 'mostly transparent');
    assert.ok(alphas.filter((alpha) => alpha === 255).length > 50, 'a visible glyph');
    assert.equal(alphas[0], 0, 'transparent corner');
    for (let index = 0; index < alphas.length; index++) {
      if (alphas[index] === 0) continue;
      assert.equal(outline.pixels.subarray(index * 4, index * 4 + 3).toString('hex'), 'ffffff', `pixel ${index} is white`);
    }
  });

  it('the committed icons are what src/tools/make-icons.ts draws', () => {
    assert.deepEqual(fs.readFileSync(path.join(SOURCE, 'color.png')), colorIcon());
    assert.deepEqual(fs.readFileSync(path.join(SOURCE, 'outline.png')), outlineIcon());
  });
});
