/**
 * A strict RFC 4180 reader for Microsoft's licensing CSV: quoted cells with commas, doubled quotes and line
 * breaks, LF or CRLF line ends, a UTF-8 byte order mark. Strict because a silently misread row would ship a
 * wrong catalog: an unterminated quote or a stray quote is an error that names the line.
 */

export interface CsvRecord {
  /** 1-based line of the file where the record starts (for error messages). */
  readonly line: number;
  readonly cells: readonly string[];
}

export class CsvFormatError extends Error {
  constructor(message: string, readonly line: number) {
    super(`line ${line}: ${message}`);
    this.name = 'CsvFormatError';
  }
}

const BOM = '\uFEFF';

export function readCsvRecords(text: string): CsvRecord[] {
  const source = text.startsWith(BOM) ? text.slice(BOM.length) : text;
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let afterQuote = false;
  let line = 1;
  let recordLine = 1;

  const endRecord = (): void => {
    cells.push(cell);
    // A blank line (trailing newline, or an empty line at the end) is not a record.
    if (!(cells.length === 1 && cells[0] === '')) records.push({ line: recordLine, cells });
    cells = [];
    cell = '';
    afterQuote = false;
    recordLine = line;
  };

  for (let index = 0; index < source.length; index += 1) {
    const char = source.charAt(index);
    if (quoted) {
      if (char === '"' && source.charAt(index + 1) === '"') {
        cell += '"';
        index += 1;
      } else if (char === '"') {
        quoted = false;
        afterQuote = true;
      } else {
        if (char === '\n') line += 1;
        cell += char;
      }
      continue;
    }
    if (char === ',') {
      cells.push(cell);
      cell = '';
      afterQuote = false;
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source.charAt(index + 1) === '\n') index += 1;
      line += 1;
      endRecord();
    } else if (afterQuote) {
      throw new CsvFormatError(`unexpected ${JSON.stringify(char)} after a closing quote`, line);
    } else if (char === '"') {
      if (cell !== '') throw new CsvFormatError('a quote inside an unquoted cell', line);
      quoted = true;
    } else {
      cell += char;
    }
  }
  if (quoted) throw new CsvFormatError('a quoted cell is never closed', recordLine);
  if (cell !== '' || cells.length > 0) endRecord();
  return records;
}
