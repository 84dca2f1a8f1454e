/** What every admin command handler works with: the turn, the reader's language and who is asking. */
import type { TurnContext } from 'botbuilder';
import type { Person } from '../../domain/request';
import type { Translate } from '../../i18n';

export interface CommandActor extends Person {
  readonly tenantId: string;
}

export interface CommandScope {
  readonly context: TurnContext;
  readonly t: Translate;
  readonly locale: string | null;
  readonly actor: CommandActor;
  /** The personal (1:1) chat with the bot, rather than a channel or group chat. */
  readonly personal: boolean;
  /** Member of ADMIN_GROUP_ID (asked once per turn, cached briefly). */
  isAdmin(): Promise<boolean>;
}

export async function reply(scope: CommandScope, text: string): Promise<void> {
  await scope.context.sendActivity({ type: 'message', text, textFormat: 'markdown' });
}
