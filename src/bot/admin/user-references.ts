/**
 * The people an admin command names: UPNs or mail addresses, display names, and @mentions (the
 * mentioned person's Entra id comes from the mention, or from Teams when the mention only has the MRI).
 */
import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { DirectoryUser } from '../../ports';
import type { FoundPerson, PeopleFinder } from '../../services/people-finder';

export type ResolvedReference =
  | { readonly kind: 'found'; readonly text: string; readonly user: DirectoryUser }
  | { readonly kind: 'notFound'; readonly text: string }
  | { readonly kind: 'ambiguous'; readonly text: string; readonly candidates: readonly DirectoryUser[] };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MENTION = /^<at[^>]*>(.*?)<\/at>$/i;

/** "alice@x, <at>Bob</at> and Carol Smith" → the three references, in order. */
export function splitReferences(text: string): string[] {
  return text
    .split(/[,;\n、，]|\s+(?:and|et)\s+/i)
    .map((part) => part.trim())
    .filter(Boolean);
}

export async function resolveReferences(context: TurnContext, people: PeopleFinder, text: string): Promise<ResolvedReference[]> {
  const resolved: ResolvedReference[] = [];
  for (const reference of splitReferences(text)) resolved.push(await resolveOne(context, people, reference));
  return resolved;
}

async function resolveOne(context: TurnContext, people: PeopleFinder, reference: string): Promise<ResolvedReference> {
  const requesterId = context.activity.from?.aadObjectId ?? '';
  const mention = MENTION.exec(reference);
  if (mention) {
    const name = (mention[1] ?? '').trim();
    const id = await mentionedId(context, reference, name);
    const found = id ? await people.find({ kind: 'id', value: id }, requesterId) : await people.find({ kind: 'name', value: name }, requesterId);
    return answer(name, found);
  }
  const lookup = reference.includes('@') ? ({ kind: 'email', value: reference } as const) : ({ kind: 'name', value: reference } as const);
  return answer(reference, await people.find(lookup, requesterId));
}

function answer(text: string, found: FoundPerson[]): ResolvedReference {
  const [first] = found;
  if (!first) return { kind: 'notFound', text };
  return found.length === 1 ? { kind: 'found', text, user: first.user } : { kind: 'ambiguous', text, candidates: found.map((person) => person.user) };
}

/** The Entra id behind a mention: from the entity, or asked of Teams by the mention's MRI. */
async function mentionedId(context: TurnContext, mentionText: string, name: string): Promise<string | undefined> {
  const botId = context.activity.recipient?.id;
  const entity = (context.activity.entities ?? []).find((candidate) => {
    if (candidate.type !== 'mention') return false;
    const mention = candidate as { text?: string; mentioned?: { id?: string; name?: string } };
    return mention.mentioned?.id !== botId && (mention.text === mentionText || mention.mentioned?.name === name);
  }) as { mentioned?: { id?: string; aadObjectId?: string } } | undefined;
  const mentioned = entity?.mentioned;
  if (!mentioned?.id) return undefined;
  if (mentioned.aadObjectId) return mentioned.aadObjectId;
  if (GUID.test(mentioned.id)) return mentioned.id;
  return TeamsInfo.getMember(context, mentioned.id)
    .then((member) => member.aadObjectId)
    .catch(() => undefined);
}
