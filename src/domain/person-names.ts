/**
 * Names as people write them, compared with names as the directory holds them. Pure.
 * - honorifics and titles are not part of a name ("佐藤花さん", "M. Dubois", "王芳女士", "Dr Tanaka");
 * - accents are optional ("Chloe Lefevre" is "Chloé Lefèvre");
 * - CJK names are written with or without the directory's space, in either order ("佐藤花", "花 佐藤" are "佐藤 花");
 * - a small slip ("Chloé Dubios") is close, not equal: it is offered as a question, never taken as the person.
 */
import { HONORIFIC_SUFFIXES, TITLE_PREFIXES } from './person-name-words';

const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]/;

/** The name without the honorifics and titles around it: "佐藤花さん" → "佐藤花", "Mme Chloé Lefèvre" → "Chloé Lefèvre". */
export function withoutHonorifics(name: string): string {
  let text = name.trim().replace(/\s+/g, ' ');
  for (let changed = true; changed; ) {
    changed = false;
    for (const title of TITLE_PREFIXES) {
      // "M. Dubois", "Mr Tanaka", "Dr. Sato": the title is a whole word followed by a space.
      const match = new RegExp(`^${escape(title)}\\.?\\s+(?=\\S)`, 'i').exec(text);
      if (match) {
        text = text.slice(match[0].length);
        changed = true;
      }
    }
    for (const suffix of HONORIFIC_SUFFIXES) {
      if (text.length > suffix.length && text.endsWith(suffix)) {
        text = text.slice(0, -suffix.length).trim();
        changed = true;
      }
    }
  }
  return text;
}

/** Lower case, without accents, without spaces, dots or hyphens: the form two writings of one name share. */
export function foldName(name: string): string {
  return name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[\s.\-'’·・]/g, '');
}

export interface NamedPerson {
  readonly displayName: string;
  readonly givenName?: string | null;
  readonly surname?: string | null;
}

/** The folded forms one person's name can be written in: as displayed, given+surname in either order. */
export function nameForms(person: NamedPerson): string[] {
  const forms = [foldName(person.displayName)];
  const given = person.givenName ?? '';
  const surname = person.surname ?? '';
  if (given && surname) forms.push(foldName(given + surname), foldName(surname + given));
  // The display name's words in reverse order ("花 佐藤" for "佐藤 花"), for people without given/surname set.
  const words = person.displayName.trim().split(/\s+/);
  if (words.length === 2) forms.push(foldName(`${words[1]}${words[0]}`));
  return [...new Set(forms.filter((form) => form !== ''))];
}

/** Whether the written name is this person's, accents, spaces and order aside. */
export function sameName(written: string, person: NamedPerson): boolean {
  const wanted = foldName(written);
  return wanted !== '' && nameForms(person).includes(wanted);
}

/** Whether the written name is this person's given name alone (or surname alone), accents aside. */
export function sameFirstName(written: string, person: NamedPerson): boolean {
  const wanted = foldName(written);
  if (wanted === '') return false;
  const given = foldName(person.givenName ?? person.displayName.split(/\s+/)[0] ?? '');
  return wanted === given;
}

/**
 * How far the written name is from this person's (edit distance, a swap of two letters counting one), or
 * undefined when too far to be a slip: one edit in a short name, two from eight letters on.
 */
export function slipDistance(written: string, person: NamedPerson): number | undefined {
  const wanted = foldName(written);
  if (wanted.length < 4) return undefined;
  const allowed = wanted.length >= 8 ? 2 : 1;
  let best: number | undefined;
  for (const form of nameForms(person)) {
    const distance = editDistance(wanted, form);
    if (distance <= allowed && (best === undefined || distance < best)) best = distance;
  }
  return best;
}

/**
 * What to ask the directory when the name as written found nobody: the start of each word (three letters, or the
 * first character of a CJK name, whose words are often not separated), so that a missing accent, a missing space
 * or a slip later in the word still finds the person. At most four prefixes: one Graph call.
 */
export function searchPrefixes(written: string): string[] {
  const words = written.trim().split(/\s+/).filter((word) => word !== '');
  const prefixes: string[] = [];
  for (const word of words) {
    const chars = [...word];
    if (CJK.test(chars[0] ?? '')) {
      prefixes.push(chars[0]!);
      // "佐藤花" without a space: the last character may start the given name (or the surname, reversed).
      if (chars.length >= 2 && words.length === 1) prefixes.push(chars[chars.length - 1]!);
    } else {
      // The letters before any accent: Graph's startswith compares accents, so "Chloe" must not ask "Chloe".
      const plain = chars.slice(0, 3).join('').normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
      const prefix = chars.slice(0, 3).join('') === plain ? plain : firstPlainRun(chars.slice(0, 3));
      if (prefix.length >= 2 || (prefix.length >= 1 && words.length === 1)) prefixes.push(prefix);
    }
  }
  return [...new Set(prefixes)].slice(0, 4);
}

function firstPlainRun(chars: readonly string[]): string {
  let run = '';
  for (const char of chars) {
    if (char.normalize('NFKD') !== char) break;
    run += char;
  }
  return run;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours cost one. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  const d: number[][] = Array.from({ length: x.length + 1 }, (_, i) => Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[x.length]![y.length]!;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
