/**
 * A chat message to one person in their own language (the locale Teams last sent for them, else their Graph
 * preferredLanguage), outside any turn. The lifecycle services depend on this narrow port; unit tests fake it.
 */
import type { Person } from '../../domain/request';
import { translator, type Translate } from '../../i18n';
import type { ConversationDirectory, Directory } from '../../ports';
import type { ProactiveSender } from '../../bot/proactive-sender';

export interface PersonMessenger {
  /** `via`: someone whose chat shows where to open one with a person the bot has never talked to (approvers). */
  tell(tenantId: string, person: Person, compose: (t: Translate) => string, via?: Person): Promise<void>;
}

export class ProactiveMessenger implements PersonMessenger {
  constructor(
    private readonly sender: ProactiveSender,
    private readonly conversations: ConversationDirectory,
    private readonly directory: Directory,
  ) {}

  async tell(tenantId: string, person: Person, compose: (t: Translate) => string, via?: Person): Promise<void> {
    const contact = await this.conversations.find(tenantId, person.id);
    const locale = contact?.locale ?? (await this.directory.getUser(person.id).catch(() => undefined))?.preferredLanguage ?? null;
    const through = !contact && via ? await this.conversations.find(tenantId, via.id) : undefined;
    await this.sender.sendToPerson(tenantId, person, { type: 'message', text: compose(translator(locale)) }, through);
  }
}
