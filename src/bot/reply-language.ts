/**
 * The language the bot answers in, per conversation: the client's locale, unless the person clearly writes in
 * another of our languages; then that one, kept in conversation state until they write in another language.
 * It changes the turn's activity.locale (messages only), so every reply and prompt of the turn follows it;
 * conversation references keep the client's locale (remembered before), so cards sent to approvers still
 * follow each approver's own language.
 */
import type { ConversationState, StatePropertyAccessor, TurnContext } from 'botbuilder';
import { messageLanguage, type MessageLanguage } from '../domain/language/message-language';
import { resolveLocale } from '../i18n';

export class ReplyLanguage {
  private readonly kept: StatePropertyAccessor<MessageLanguage | undefined>;

  constructor(conversationState: ConversationState) {
    this.kept = conversationState.createProperty<MessageLanguage | undefined>('replyLanguage');
  }

  /** Sets the turn's locale from the message (or the language this conversation keeps); returns it. */
  async apply(context: TurnContext, text: string): Promise<string> {
    const client = resolveLocale(context.activity.locale);
    const written = messageLanguage(text.slice(0, 1_000), client === 'zh-TW' ? 'zh-TW' : 'zh-CN');
    const previous = await this.kept.get(context);
    const chosen = written ?? previous ?? client;
    if (chosen === client) await this.kept.delete(context);
    else await this.kept.set(context, chosen);
    if (chosen !== client) context.activity.locale = chosen;
    return chosen;
  }
}
