import assert from 'node:assert/strict';
import { MAX_BULK_USERS } from '../../src/services/bulk/bulk-limits';
import { decodeListFile, listFormatOf, parseUserList, type ListError, type ParsedList } from '../../src/services/bulk/bulk-list';

function parsed(text: string, format: 'txt' | 'csv' | 'inline'): ParsedList {
  const result = parseUserList(text, format);
  assert.ok(!('kind' in result), `expected a list, got ${JSON.stringify(result)}`);
  return result;
}

describe('bulk lists', () => {
  it('reads a .txt file one UPN a line, as the seeds\' script does, skipping blanks and comments', () => {
    const list = parsed('# users\r\nalice@contoso.com\r\n\r\n  bob@contoso.com  \r\nnot an address\r\nALICE@contoso.com\r\n', 'txt');
    assert.deepEqual(list.entries, [
      { line: 2, value: 'alice@contoso.com' },
      { line: 4, value: 'bob@contoso.com' },
    ]);
    assert.deepEqual(list.problems, [
      { line: 5, value: 'not an address', reason: 'BULK_MALFORMED_LINE' },
      { line: 6, value: 'ALICE@contoso.com', reason: 'BULK_DUPLICATE', firstLine: 2 },
    ]);
    assert.equal(list.count, 4);
  });

  const csvCases: { title: string; text: string; values: string[] }[] = [
    { title: 'userPrincipalName column', text: 'displayName,userPrincipalName\nAlice,alice@contoso.com\n"Smith, Bob",bob@contoso.com\n', values: ['alice@contoso.com', 'bob@contoso.com'] },
    { title: 'UPN column, semicolons (Excel in French)', text: 'Nom;UPN\nAlice;alice@contoso.com\r\nBob;bob@contoso.com', values: ['alice@contoso.com', 'bob@contoso.com'] },
    { title: 'email column, quoted line break', text: 'note,Email\n"two\nlines",carol@contoso.com\n', values: ['carol@contoso.com'] },
  ];
  for (const { title, text, values } of csvCases) {
    it(`reads a .csv file: ${title}`, () => {
      assert.deepEqual(parsed(text, 'csv').entries.map((entry) => entry.value), values);
    });
  }

  it('points CSV problems at the file line, quoted line breaks included', () => {
    const list = parsed('note,upn\n"a\nb",nope\n', 'csv');
    assert.deepEqual(list.problems, [{ line: 2, value: 'nope', reason: 'BULK_MALFORMED_LINE' }]);
  });

  it('reads pasted lines, several addresses a line too', () => {
    assert.deepEqual(parsed('alice@contoso.com, bob@contoso.com\ncarol@contoso.com', 'inline').entries.map((entry) => entry.value), ['alice@contoso.com', 'bob@contoso.com', 'carol@contoso.com']);
  });

  const errors: { title: string; text: string; format: 'txt' | 'csv'; error: ListError['kind'] }[] = [
    { title: 'empty', text: '\n\n# nothing\n', format: 'txt', error: 'empty' },
    { title: 'CSV without a UPN column', text: 'name,phone\nAlice,123\n', format: 'csv', error: 'noUpnColumn' },
    { title: 'too many users', text: Array.from({ length: MAX_BULK_USERS + 1 }, (_, i) => `u${i}@contoso.com`).join('\n'), format: 'txt', error: 'tooMany' },
  ];
  for (const { title, text, format, error } of errors) {
    it(`refuses a whole list: ${title}`, () => {
      const result = parseUserList(text, format);
      assert.ok('kind' in result);
      assert.equal(result.kind, error);
    });
  }

  it(`accepts exactly ${MAX_BULK_USERS} users`, () => {
    assert.equal(parsed(Array.from({ length: MAX_BULK_USERS }, (_, i) => `u${i}@contoso.com`).join('\n'), 'txt').entries.length, MAX_BULK_USERS);
  });

  it('decodes UTF-8 with or without BOM and UTF-16 with BOM (PowerShell Out-File)', () => {
    const text = 'zoë@contoso.com\n';
    assert.equal(decodeListFile(Buffer.from(text, 'utf8')), text);
    assert.equal(decodeListFile(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])), text);
    assert.equal(decodeListFile(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])), text);
  });

  const formats: { name: string | undefined; fileType?: string; expected: 'txt' | 'csv' | undefined }[] = [
    { name: 'users.txt', expected: 'txt' },
    { name: 'Users.CSV', expected: 'csv' },
    { name: 'users.xlsx', expected: undefined },
    { name: 'users', fileType: 'csv', expected: 'csv' },
  ];
  for (const { name, fileType, expected } of formats) {
    it(`file type of ${name} ${fileType ?? ''}`, () => assert.equal(listFormatOf(name, fileType), expected));
  }
});
