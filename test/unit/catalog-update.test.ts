/**
 * The catalog update script (src/tools/catalog-update.ts) on a small fixture of Microsoft's CSV (BOM, CRLF,
 * quoted commas and quotes, a repeated row, MCOPSTN5's two GUIDs), its errors, and the shipped JSON being
 * exactly what the script makes from ../shared/catalog's CSV.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildCatalog, CatalogCsvError, serializeCatalog } from '../../src/catalog/catalog-build';
import type { CatalogData } from '../../src/catalog/catalog-data';
import { sourceCatalogFile } from '../../src/catalog/catalog-data';
import { CsvFormatError, readCsvRecords } from '../../src/catalog/csv-records';
import { describeCounts, updateCatalog } from '../../src/tools/catalog-update';

const SOURCE_ROOT = path.resolve(__dirname, '../../..');
const FIXTURE = path.join(SOURCE_ROOT, 'test/fixtures/catalog/small-catalog.csv');
const SHARED_CSV = path.resolve(SOURCE_ROOT, '../shared/catalog/product-names-and-service-plans.csv');
const HEADER = 'Product_Display_Name,String_Id,GUID,Service_Plan_Name,Service_Plan_Id,Service_Plans_Included_Friendly_Names';

describe('CSV records', () => {
  const cases: readonly (readonly [string, string, readonly (readonly string[])[]])[] = [
    ['plain LF', 'a,b\nc,d\n', [['a', 'b'], ['c', 'd']]],
    ['CRLF and no final line end', 'a,b\r\nc,d', [['a', 'b'], ['c', 'd']]],
    ['a BOM', '\uFEFFa,b\n', [['a', 'b']]],
    ['quoted comma, doubled quote, line break', '"x, y","say ""hi""","two\nlines"\n', [['x, y', 'say "hi"', 'two\nlines']]],
    ['empty cells', ',,\n', [['', '', '']]],
    ['blank lines', 'a\n\nb\n\n', [['a'], ['b']]],
  ];
  for (const [title, text, expected] of cases) {
    it(`reads ${title}`, () => {
      assert.deepEqual(readCsvRecords(text).map((record) => record.cells), expected);
    });
  }

  it('numbers records by the line they start on', () => {
    assert.deepEqual(readCsvRecords('a\n"b\nc"\nd').map((record) => record.line), [1, 2, 4]);
  });

  const broken: readonly (readonly [string, string, RegExp])[] = [
    ['an unterminated quote', 'a\n"b,c\n', /line 2: a quoted cell is never closed/],
    ['text after a closing quote', '"a"b,c\n', /line 1: unexpected "b" after a closing quote/],
    ['a quote inside an unquoted cell', 'a"b,c\n', /line 1: a quote inside an unquoted cell/],
  ];
  for (const [title, text, message] of broken) {
    it(`refuses ${title}`, () => {
      assert.throws(() => readCsvRecords(text), (error: unknown) => error instanceof CsvFormatError && message.test(error.message));
    });
  }
});

describe('catalog:update', () => {
  let folder = '';
  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'license-desk-catalog-'));
  });
  afterEach(() => {
    fs.rmSync(folder, { recursive: true, force: true });
  });

  function updatedFromFixture(): { data: CatalogData; counts: ReturnType<typeof updateCatalog> } {
    const output = path.join(folder, 'catalog.json');
    const counts = updateCatalog(FIXTURE, output);
    return { data: JSON.parse(fs.readFileSync(output, 'utf8')) as CatalogData, counts };
  }

  it('counts what it read, with repeated rows kept once and shared part numbers named', () => {
    const { counts } = updatedFromFixture();
    assert.deepEqual(counts, { rows: 9, duplicateRows: 2, skus: 6, partNumbers: 5, sharedPartNumbers: ['MCOPSTN5'], planNames: 5 });
    assert.equal(
      describeCounts(counts),
      '9 rows read (2 duplicate rows skipped)\n6 SKUs, 5 part numbers, 5 service plan names\npart numbers used by several SKUs: MCOPSTN5',
    );
  });

  it('keeps both SKUs of a part number used by two GUIDs', () => {
    const { data } = updatedFromFixture();
    assert.deepEqual(
      data.skus.filter((sku) => sku.partNumber === 'MCOPSTN5').map((sku) => [sku.skuId, sku.productName]),
      [
        ['54a152dc-90de-4996-93d2-bc47e670fc06', 'Skype for Business PSTN Domestic Calling (120 Minutes)'],
        ['d43177b5-475b-4880-92d4-d54c27b5efbd', 'Skype for Business PSTN Calling Domestic Small'],
      ],
    );
  });

  it('reads quoted commas and quotes in names', () => {
    const { data } = updatedFromFixture();
    const dialOut = data.skus.find((sku) => sku.partNumber === 'Microsoft_Teams_Audio_Conferencing_select_dial_out');
    assert.equal(dialOut?.productName, 'Microsoft Teams Audio Conferencing, dial-out to "USA/CAN"');
    assert.deepEqual(dialOut?.servicePlans, [['MCOMEETBASIC', '9974d6cf-cd24-4ba2-921c-e2aa687da846']]);
  });

  it('sorts SKUs by part number and plans by name, and names each plan once (not in capitals when it can)', () => {
    const { data } = updatedFromFixture();
    assert.deepEqual(data.skus.map((sku) => sku.partNumber), ['MCOEV', 'MCOPSTN5', 'MCOPSTN5', 'Microsoft_365_E5_(no_Teams)', 'Microsoft_Teams_Audio_Conferencing_select_dial_out', 'SPE_E5']);
    assert.deepEqual(data.skus.find((sku) => sku.partNumber === 'SPE_E5')?.servicePlans.map(([name]) => name), ['MCOEV', 'TEAMS1']);
    assert.equal(data.planNames.MCOEV, 'Microsoft 365 Phone System');
    assert.equal(data.planNames.TEAMS1, 'Microsoft Teams');
  });

  it('writes the same text as serializeCatalog, one SKU per line', () => {
    const output = path.join(folder, 'catalog.json');
    updateCatalog(FIXTURE, output);
    const text = fs.readFileSync(output, 'utf8');
    assert.equal(text, serializeCatalog(buildCatalog(fs.readFileSync(FIXTURE, 'utf8')).data));
    assert.equal(text.split('\n').filter((line) => line.includes('"skuId"')).length, 6);
  });

  it('refuses a file that is not Microsoft\'s CSV, naming the header it found', () => {
    assert.throws(() => buildCatalog('Name,Id\nx,y\n'), (error: unknown) => error instanceof CatalogCsvError && /header is "Name,Id", expected "Product_Display_Name,String_Id/.test(error.message));
    assert.throws(() => buildCatalog(''), CatalogCsvError);
  });

  it('refuses a row with the wrong number of fields, naming its line', () => {
    assert.throws(() => buildCatalog(`${HEADER}\nOnly,three,fields\n`), /line 2: 3 fields, expected 6/);
  });

  it('writes nothing when the CSV is refused', () => {
    const input = path.join(folder, 'wrong.csv');
    const output = path.join(folder, 'catalog.json');
    fs.writeFileSync(input, 'Name,Id\n');
    assert.throws(() => updateCatalog(input, output), CatalogCsvError);
    assert.equal(fs.existsSync(output), false);
  });

  it('shipped catalog is what the script makes from ../shared/catalog', function () {
    if (!fs.existsSync(SHARED_CSV)) {
      console.log(`      (skipped: ${SHARED_CSV} is not here)`);
      this.skip();
    }
    const expected = serializeCatalog(buildCatalog(fs.readFileSync(SHARED_CSV, 'utf8')).data);
    assert.ok(fs.readFileSync(sourceCatalogFile(), 'utf8') === expected, 'run: npm run catalog:update -- ../shared/catalog/product-names-and-service-plans.csv');
  });
});
