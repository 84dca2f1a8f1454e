/**
 * The admin commands' syntax (the keywords stay English in every language, as the manifest lists them):
 *   help · seats · pending · status <id> · cancel <id> · audit [<user> | <since>]
 *   my requests (also in French, Chinese and Japanese: the requester's own list)
 *   assign <licences> to <users> [--no-approval] · remove <licences> from <users> [--no-approval]
 *   bulk assign <licences> · bulk remove <licences>  (+ a .txt/.csv file, or one UPN a line below)
 * and the bulk job's own buttons (messageBack): bulk submit|approve|reject <job id>.
 * Pure: text in, a command or undefined (not a command: the licence-request dialog takes it).
 */

export type CommandName = 'help' | 'seats' | 'pending' | 'status' | 'cancel' | 'audit' | 'assign' | 'remove' | 'bulk';

export type Command =
  | { readonly name: 'help' }
  | { readonly name: 'seats' }
  | { readonly name: 'pending' }
  | { readonly name: 'myRequests' }
  | { readonly name: 'status'; readonly id: string }
  | { readonly name: 'cancel'; readonly id: string }
  | { readonly name: 'audit'; readonly argument: string }
  | { readonly name: 'assign' | 'remove'; readonly licences: string; readonly users: string; readonly noApproval: boolean }
  | { readonly name: 'bulk'; readonly action: 'assign' | 'remove'; readonly licences: string; readonly list: string; readonly noApproval: boolean }
  | { readonly name: 'bulkButton'; readonly verb: 'submit' | 'approve' | 'reject'; readonly id: string; readonly noApproval: boolean }
  /** A command keyword with arguments that don't fit: answered with that command's usage. */
  | { readonly name: 'usage'; readonly command: CommandName };

export const NO_APPROVAL_FLAG = '--no-approval';

const SIMPLE = new Set(['help', 'seats', 'pending']);
/** "my requests" as people say it; compared without case, spaces or a trailing question mark. */
const MY_REQUESTS = new Set(['myrequests', 'mesdemandes', '我的申请', '我的申請', '自分の依頼']);

export function parseCommand(input: string): Command | undefined {
  const text = input.replace(/\u00a0/g, ' ').trim();
  const [firstLine = '', ...otherLines] = text.split(/\r\n|\r|\n/);
  const words = firstLine.trim().split(/\s+/);
  const keyword = (words[0] ?? '').replace(/^\//, '').toLowerCase();
  const rest = firstLine.trim().slice((words[0] ?? '').length).trim();
  if (MY_REQUESTS.has(text.toLowerCase().replace(/^\/|[\s?？]/g, ''))) return { name: 'myRequests' };

  if (SIMPLE.has(keyword)) {
    return rest === '' && otherLines.every((line) => line.trim() === '') ? ({ name: keyword } as Command) : undefined;
  }
  switch (keyword) {
    case 'status':
    case 'cancel': {
      // "cancel" alone is the dialog's own word; "status"/"cancel" with more than an id is not a command.
      const id = rest.replace(/[`'"]/g, '');
      // "cancel" alone, or "cancel that", is the dialog's word: only an id makes it this command.
      if (keyword === 'cancel' && !/^[0-9a-f][0-9a-f-]{3,}$/i.test(id)) return undefined;
      return id === '' || /\s/.test(id) ? { name: 'usage', command: keyword } : { name: keyword, id };
    }
    case 'audit':
      return { name: 'audit', argument: [rest, ...otherLines].join(' ').trim() };
    case 'assign':
    case 'remove':
      return parseChange(keyword, [rest, ...otherLines].join(' '));
    case 'bulk':
      return parseBulk(rest, otherLines.join('\n'));
    default:
      return undefined;
  }
}

function parseChange(action: 'assign' | 'remove', text: string): Command | undefined {
  const { rest, noApproval } = withoutFlag(text);
  const separator = action === 'assign' ? /\s+to\s+/i : /\s+from\s+/i;
  const match = separator.exec(rest);
  if (!match) return undefined;
  const licences = rest.slice(0, match.index).trim();
  const users = rest.slice(match.index + match[0].length).trim();
  if (licences === '' || users === '') return { name: 'usage', command: action };
  return { name: action, licences, users, noApproval };
}

function parseBulk(firstLine: string, list: string): Command {
  const [verb = '', ...words] = firstLine.split(/\s+/);
  const lower = verb.toLowerCase();
  if (lower === 'submit' || lower === 'approve' || lower === 'reject') {
    const { rest, noApproval } = withoutFlag(words.join(' '));
    const id = rest.split(' ');
    if (id.length !== 1 || id[0] === '') return { name: 'usage', command: 'bulk' };
    return { name: 'bulkButton', verb: lower, id: id[0] as string, noApproval: noApproval && lower === 'submit' };
  }
  if (lower !== 'assign' && lower !== 'remove') return { name: 'usage', command: 'bulk' };
  const { rest, noApproval } = withoutFlag(words.join(' '));
  // Addresses typed on the command line itself belong to the list.
  const tokens = rest.split(/\s+/).filter(Boolean);
  const addresses = tokens.filter((token) => token.includes('@'));
  const licences = tokens.filter((token) => !token.includes('@')).join(' ').replace(/[,;\s]+$/, '');
  if (licences === '') return { name: 'usage', command: 'bulk' };
  return { name: 'bulk', action: lower, licences, list: [...addresses, list].filter(Boolean).join('\n'), noApproval };
}

function withoutFlag(text: string): { rest: string; noApproval: boolean } {
  const pattern = new RegExp(`(^|\\s)${NO_APPROVAL_FLAG}(?=\\s|$)`, 'i');
  return { rest: text.replace(pattern, ' ').replace(/\s+/g, ' ').trim(), noApproval: pattern.test(text) };
}
