/**
 * Reading a list of users for a bulk job: a .txt file with one user principal name a line (what the
 * seeds' scripts read), a .csv file with a userPrincipalName / UPN / email column, or lines pasted in
 * the message. Pure: bytes or text in, entries and line-level problems out. Nothing here asks Graph.
 */
import { MAX_BULK_USERS } from './bulk-limits';

export type ListFormat = 'txt' | 'csv' | 'inline';

export interface ListEntry {
  readonly line: number;
  readonly value: string;
}

export type ListProblemReason = 'BULK_MALFORMED_LINE' | 'BULK_DUPLICATE';

export interface ListProblem {
  readonly line: number;
  readonly value: string;
  readonly reason: ListProblemReason;
  /** For a duplicate: the line where the user first appears. */
  readonly firstLine?: number;
}

export interface ParsedList {
  /** Well-formed, first occurrences, in list order. */
  readonly entries: readonly ListEntry[];
  readonly problems: readonly ListProblem[];
  /** Lines that held something (entries + problems). */
  readonly count: number;
}

export type ListError =
  | { readonly kind: 'empty' }
  | { readonly kind: 'tooMany'; readonly count: number; readonly max: number }
  | { readonly kind: 'noUpnColumn' }
  | { readonly kind: 'unsupportedFile'; readonly name: string };

export const UPN_COLUMNS = ['userprincipalname', 'upn', 'email', 'mail', 'e-mail'];

/** A user principal name or mail address: one @, no blanks or separators. */
const UPN_SHAPE = /^[^@\s,;<>"'()[\]]+@[^@\s,;<>"'()[\]]+\.[^@\s,;<>"'()[\]]+$/;

export function looksLikeUpn(value: string): boolean {
  return UPN_SHAPE.test(value);
}

/** .txt or .csv from the file name (or Teams' fileType); undefined for anything else. */
export function listFormatOf(name: string | undefined, fileType?: string): 'txt' | 'csv' | undefined {
  const extension = (fileType ?? name?.split('.').pop() ?? '').trim().toLowerCase().replace(/^\./, '');
  return extension === 'txt' || extension === 'csv' ? extension : undefined;
}

/** File bytes as text: UTF-8 (with or without BOM) or UTF-16 with a BOM, as PowerShell's Out-File writes. */
export function decodeListFile(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

export function parseUserList(text: string, format: ListFormat): ParsedList | ListError {
  const raw = format === 'csv' ? csvValues(text) : lineValues(text, format === 'inline');
  if (!Array.isArray(raw)) return raw;
  if (raw.length === 0) return { kind: 'empty' };
  if (raw.length > MAX_BULK_USERS) return { kind: 'tooMany', count: raw.length, max: MAX_BULK_USERS };
  const entries: ListEntry[] = [];
  const problems: ListProblem[] = [];
  const firstLineOf = new Map<string, number>();
  for (const item of raw) {
    if (!looksLikeUpn(item.value)) {
      problems.push({ ...item, reason: 'BULK_MALFORMED_LINE' });
      continue;
    }
    const key = item.value.toLowerCase();
    const firstLine = firstLineOf.get(key);
    if (firstLine !== undefined) {
      problems.push({ ...item, reason: 'BULK_DUPLICATE', firstLine });
      continue;
    }
    firstLineOf.set(key, item.line);
    entries.push(item);
  }
  return { entries, problems, count: raw.length };
}

export function isListError(value: ParsedList | ListError): value is ListError {
  return 'kind' in value;
}

/** One value a line; inline lists also take several values on a line, separated by blanks, commas or semicolons. */
function lineValues(text: string, splitWithinLines: boolean): ListEntry[] {
  const values: ListEntry[] = [];
  text.split(/\r\n|\r|\n/).forEach((content, index) => {
    const trimmed = content.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const parts = splitWithinLines ? trimmed.split(/[\s,;]+/).filter(Boolean) : [trimmed];
    for (const part of parts) values.push({ line: index + 1, value: part });
  });
  return values;
}

function csvValues(text: string): ListEntry[] | ListError {
  const rows = csvRows(text);
  const headerIndex = rows.findIndex((row) => row.cells.some((cell) => cell.trim() !== ''));
  const header = rows[headerIndex];
  if (!header) return { kind: 'empty' };
  const column = header.cells.findIndex((cell) => UPN_COLUMNS.includes(cell.trim().toLowerCase()));
  if (column < 0) return { kind: 'noUpnColumn' };
  return rows.slice(headerIndex + 1).flatMap((row) => {
    const value = (row.cells[column] ?? '').trim();
    return value === '' ? [] : [{ line: row.line, value }];
  });
}

interface CsvRow {
  readonly line: number;
  readonly cells: string[];
}

/** RFC 4180 rows (quoted cells, doubled quotes, line breaks inside quotes); ';' when the header uses it. */
function csvRows(text: string): CsvRow[] {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const separator = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let index = 0; index < text.length; index++) {
    const char = text[index] as string;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"';
        index++;
      } else if (char === '"') quoted = false;
      else {
        if (char === '\n') line++;
        cell += char;
      }
      continue;
    }
    if (char === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (char === separator) {
      cells.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index++;
      cells.push(cell);
      rows.push({ line: rowLine, cells });
      cells = [];
      cell = '';
      line++;
      rowLine = line;
    } else cell += char;
  }
  if (cell !== '' || cells.length > 0) {
    cells.push(cell);
    rows.push({ line: rowLine, cells });
  }
  return rows;
}
