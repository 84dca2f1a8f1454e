/**
 * The part of OData $filter Graph supports on /users without advanced queries:
 * startswith(prop,'text'), prop eq 'text' | null, prop in ('a','b'), joined with and/or and parentheses.
 * String literals double their quotes ('O''Neill'); comparisons are case-insensitive, as in Entra ID.
 */
import { graphErrors } from './graph-error';
import type { UserProfile } from './tenant-directory';

type TextProperty = 'displayName' | 'givenName' | 'surname' | 'userPrincipalName' | 'mail' | 'jobTitle' | 'id' | 'usageLocation' | 'preferredLanguage';

const STARTSWITH_PROPERTIES: readonly TextProperty[] = ['displayName', 'givenName', 'surname', 'userPrincipalName', 'mail', 'jobTitle'];
const EQUALITY_PROPERTIES: readonly TextProperty[] = [...STARTSWITH_PROPERTIES, 'id', 'usageLocation', 'preferredLanguage'];

export type FilterNode =
  | { readonly kind: 'and' | 'or'; readonly left: FilterNode; readonly right: FilterNode }
  | { readonly kind: 'startswith'; readonly property: TextProperty; readonly value: string }
  | { readonly kind: 'eq'; readonly property: TextProperty; readonly value: string | null }
  | { readonly kind: 'in'; readonly property: TextProperty; readonly values: readonly string[] };

type Token =
  | { readonly type: 'word'; readonly text: string; readonly at: number }
  | { readonly type: 'string'; readonly text: string; readonly at: number }
  | { readonly type: 'punct'; readonly text: '(' | ')' | ','; readonly at: number };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < source.length) {
    const char = source[at] as string;
    if (/\s/.test(char)) {
      at += 1;
    } else if (char === '(' || char === ')' || char === ',') {
      tokens.push({ type: 'punct', text: char, at });
      at += 1;
    } else if (char === "'") {
      let text = '';
      let end = at + 1;
      for (;;) {
        if (end >= source.length) throw graphErrors.invalidFilter(`unterminated string literal at position ${at}.`);
        if (source[end] === "'") {
          if (source[end + 1] === "'") {
            text += "'";
            end += 2;
            continue;
          }
          break;
        }
        text += source[end];
        end += 1;
      }
      tokens.push({ type: 'string', text, at });
      at = end + 1;
    } else {
      const match = /^[A-Za-z0-9_.$/-]+/.exec(source.slice(at));
      if (!match) throw graphErrors.invalidFilter(`character '${char}' is not valid at position ${at}.`);
      tokens.push({ type: 'word', text: match[0], at });
      at += match[0].length;
    }
  }
  return tokens;
}

class Parser {
  private position = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  parse(): FilterNode {
    const node = this.parseOr();
    const extra = this.tokens[this.position];
    if (extra) throw graphErrors.invalidFilter(`unexpected '${extra.text}' at position ${extra.at}.`);
    return node;
  }

  private parseOr(): FilterNode {
    let left = this.parseAnd();
    while (this.acceptWord('or')) left = { kind: 'or', left, right: this.parseAnd() };
    return left;
  }

  private parseAnd(): FilterNode {
    let left = this.parsePrimary();
    while (this.acceptWord('and')) left = { kind: 'and', left, right: this.parsePrimary() };
    return left;
  }

  private parsePrimary(): FilterNode {
    if (this.acceptPunct('(')) {
      const inner = this.parseOr();
      this.expectPunct(')');
      return inner;
    }
    const word = this.expectWord();
    if (this.acceptPunct('(')) return this.parseFunction(word.text);
    const property = word.text;
    const operator = this.expectWord().text.toLowerCase();
    if (operator === 'eq') {
      const resolved = resolveProperty(property, EQUALITY_PROPERTIES);
      if (this.acceptWord('null')) return { kind: 'eq', property: resolved, value: null };
      return { kind: 'eq', property: resolved, value: this.expectString() };
    }
    if (operator === 'in') {
      const resolved = resolveProperty(property, EQUALITY_PROPERTIES);
      this.expectPunct('(');
      const values = [this.expectString()];
      while (this.acceptPunct(',')) values.push(this.expectString());
      this.expectPunct(')');
      return { kind: 'in', property: resolved, values };
    }
    if (['ne', 'gt', 'ge', 'lt', 'le', 'has'].includes(operator)) throw graphErrors.unsupportedFilter(property);
    throw graphErrors.invalidFilter(`unknown operator '${operator}'.`);
  }

  private parseFunction(name: string): FilterNode {
    if (name.toLowerCase() !== 'startswith') {
      const argument = this.tokens[this.position];
      throw graphErrors.unsupportedFilter(argument?.type === 'word' ? argument.text : name);
    }
    const property = resolveProperty(this.expectWord().text, STARTSWITH_PROPERTIES);
    this.expectPunct(',');
    const value = this.expectString();
    this.expectPunct(')');
    return { kind: 'startswith', property, value };
  }

  private acceptWord(text: string): boolean {
    const token = this.tokens[this.position];
    if (token?.type === 'word' && token.text.toLowerCase() === text) {
      this.position += 1;
      return true;
    }
    return false;
  }

  private acceptPunct(text: '(' | ')' | ','): boolean {
    const token = this.tokens[this.position];
    if (token?.type === 'punct' && token.text === text) {
      this.position += 1;
      return true;
    }
    return false;
  }

  private expectPunct(text: '(' | ')' | ','): void {
    if (!this.acceptPunct(text)) throw this.unexpected(`'${text}'`);
  }

  private expectWord(): Token {
    const token = this.tokens[this.position];
    if (token?.type !== 'word') throw this.unexpected('a property or function name');
    this.position += 1;
    return token;
  }

  private expectString(): string {
    const token = this.tokens[this.position];
    if (token?.type !== 'string') throw this.unexpected('a string literal');
    this.position += 1;
    return token.text;
  }

  private unexpected(expected: string) {
    const token = this.tokens[this.position];
    return graphErrors.invalidFilter(
      token ? `expected ${expected} at position ${token.at}, found '${token.text}'.` : `expected ${expected} at the end of the expression.`,
    );
  }
}

function resolveProperty(name: string, allowed: readonly TextProperty[]): TextProperty {
  const found = allowed.find((property) => property.toLowerCase() === name.toLowerCase());
  if (!found) throw graphErrors.unsupportedFilter(name);
  return found;
}

export function parseUserFilter(source: string): FilterNode {
  return new Parser(tokenize(source)).parse();
}

const fold = (text: string) => text.toLocaleLowerCase('en-US');

export function matchesFilter(node: FilterNode, user: UserProfile): boolean {
  switch (node.kind) {
    case 'and':
      return matchesFilter(node.left, user) && matchesFilter(node.right, user);
    case 'or':
      return matchesFilter(node.left, user) || matchesFilter(node.right, user);
    case 'startswith': {
      const actual = user[node.property];
      return actual !== null && fold(actual).startsWith(fold(node.value));
    }
    case 'eq': {
      const actual = user[node.property];
      if (node.value === null) return actual === null;
      return actual !== null && fold(actual) === fold(node.value);
    }
    case 'in': {
      const actual = user[node.property];
      return actual !== null && node.values.some((value) => fold(value) === fold(actual));
    }
  }
}
