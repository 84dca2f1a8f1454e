/**
 * The Teams-facing bot: remembers who can be reached, strips the @mention, routes messages to
 * the licence-request dialog, and answers Universal Action invokes (Approve / Reject / refresh)
 * from stored state only.
 */
import {
  TeamsActivityHandler,
  TeamsInfo,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type ConversationState,
  type Entity,
  type InvokeResponse,
  type FileConsentCardResponse,
  type StatePropertyAccessor,
} from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import { DialogSet, DialogTurnStatus } from '../../dialogs/dialog-library';
import { LICENSE_REQUEST_DIALOG, type LicenseRequestDialog, type LicenseRequestOptions } from '../../dialogs/license-request-dialog';
import { errorResponse } from '../../cards/invoke-response';
import { translator } from '../i18n';
import type { Clock, ConversationDirectory } from '../ports';
import type { Logger } from '../logger';
import { identityOf, rememberSender } from './conversation-memory';
import type { CardActionHandler } from './card-action-handler';
import { answerOtherTenant, isFromHomeTenant } from './home-tenant';
import { SeenActivities } from './seen-activities';
import { ReplyLanguage } from './reply-language';
import type { QuestionAnswerer } from './question-answerer';
import { detectQuestion } from '../domain/question';

/** Slash-style admin commands (help, seats, bulk …); returns false when the text is not one. */
export interface CommandHandler {
  tryHandle(context: TurnContext, text: string): Promise<boolean>;
  /** A file consent card was accepted or declined (CSV exports in the personal chat). */
  fileConsent?(context: TurnContext, response: FileConsentCardResponse): Promise<void>;
}

export interface BotDependencies {
  /** The one tenant served; activities from any other get one sentence (see home-tenant.ts). */
  readonly homeTenantId: string;
  readonly conversationState: ConversationState;
  readonly requestDialog: LicenseRequestDialog;
  readonly conversations: ConversationDirectory;
  readonly cardActions: CardActionHandler;
  readonly commands?: CommandHandler;
  /** Questions about licences ("what licences does Alice have?"), answered read-only before any request dialog. */
  readonly questions?: QuestionAnswerer;
  /** Delivers approval cards that waited for this person (they had no chat with the bot yet). */
  readonly onFirstPersonalContact?: (tenantId: string, personId: string) => Promise<unknown>;
  readonly clock: Clock;
  readonly log: Logger;
}

const HELP_WORDS = new Set(['help', '/help', '?', 'aide', '帮助', '幫助', 'ヘルプ']);
const CANCEL_WORDS = new Set(['cancel', '/cancel', 'stop', 'annuler', '取消', 'キャンセル']);
/** Longer than any licence request or answer to a question; bulk lists go through the commands above. */
const MAX_REQUEST_TEXT = 1_000;
/** Mentions looked at in one message: more than any request or admin command names (20 people at most). */
export const MAX_MENTIONS_READ = 50;
/** Mentions without an Entra id that may cost a Bot Connector call (TeamsInfo.getMember) in one request turn. */
const MAX_MENTION_LOOKUPS = 3;
/** Attachments looked at in one message: a bulk list is one file. */
const MAX_ATTACHMENTS_READ = 10;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class LicenseDeskBot extends TeamsActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly dialogs: DialogSet;
  private readonly seen = new SeenActivities();
  private readonly replyLanguage: ReplyLanguage;

  constructor(private readonly deps: BotDependencies) {
    super();
    this.dialogState = deps.conversationState.createProperty<DialogState>('dialogState');
    this.dialogs = new DialogSet(this.dialogState);
    this.dialogs.add(deps.requestDialog);
    this.replyLanguage = new ReplyLanguage(deps.conversationState);

    this.onMessage(async (context, next) => {
      await this.remember(context);
      await this.handleMessage(context);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.remember(context);
      await context.sendActivity(translator(context.activity.locale)('replies:welcome'));
      await next();
    });
    this.onConversationUpdate(async (context, next) => {
      await this.remember(context);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    // First, for every kind of activity: nothing below (state, Graph, conversation references) sees an outsider.
    if (!isFromHomeTenant(context.activity, this.deps.homeTenantId)) {
      await answerOtherTenant(context);
      return;
    }
    // A redelivered copy of a message or update is dropped (invokes are idempotent and each needs its answer).
    if (context.activity.type !== 'invoke' && !this.seen.firstTime(context.activity)) {
      this.deps.log.info('duplicate activity ignored', { activityId: context.activity.id, type: context.activity.type });
      return;
    }
    // botbuilder's mention helpers assume well-formed entities and a text; a malformed entity must not fail the turn.
    context.activity.entities = wellFormedEntities(context.activity.entities, typeof context.activity.text === 'string');
    if (Array.isArray(context.activity.attachments)) context.activity.attachments = context.activity.attachments.slice(0, MAX_ATTACHMENTS_READ);
    await super.run(context);
    await this.deps.conversationState.saveChanges(context, false);
  }

  protected override async handleTeamsFileConsent(context: TurnContext, response: FileConsentCardResponse): Promise<void> {
    await this.remember(context);
    await this.deps.commands?.fileConsent?.(context, response);
  }

  /**
   * botbuilder reads `value.action.type` of an adaptiveCard/action invoke without checking that `action` exists,
   * so a malformed invoke would fail the turn and be answered 501. It gets a 400 with a sentence instead.
   */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const value = context.activity.value as { action?: unknown } | null | undefined;
    if (context.activity.name === 'adaptiveCard/action' && (typeof value?.action !== 'object' || value.action === null)) {
      const body = errorResponse('BadRequest', translator(context.activity.locale)('replies:card.invalidAction'));
      return { status: body.statusCode, body };
    }
    const response = await super.onInvokeActivity(context);
    // An invoke the bot does not handle (botbuilder answers 501) is answered as Teams expects: 200, nothing to show.
    return response.status === 501 ? { status: 200 } : response;
  }

  protected override async onAdaptiveCardInvoke(context: TurnContext, invokeValue: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    await this.remember(context);
    return this.deps.cardActions.handle(context, invokeValue);
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const text = (TurnContext.removeRecipientMention(context.activity) ?? context.activity.text ?? '').trim();
    // Before any sentence is chosen: the reply follows the language the message is written in.
    await this.replyLanguage.apply(context, text);
    const t = translator(context.activity.locale);
    const identity = identityOf(context.activity);
    const dialogContext = await this.dialogs.createContext(context);
    const lower = text.toLowerCase();
    if (CANCEL_WORDS.has(lower)) {
      await dialogContext.cancelAllDialogs();
      await context.sendActivity(t('replies:cancelledConversation'));
      return;
    }
    // Commands (help, seats, bulk …) come first when no conversation is under way; they answer help for admins too.
    if (identity && !dialogContext.activeDialog && this.deps.commands && (await this.deps.commands.tryHandle(context, text))) return;
    if (HELP_WORDS.has(lower) || (text === '' && !dialogContext.activeDialog)) {
      await context.sendActivity(t('replies:help'));
      return;
    }
    if (!identity) {
      await context.sendActivity(t('replies:identityMissing'));
      return;
    }
    // Prompt recognizers (numbers, in the reader's language) take seconds on huge texts: no request is that long.
    if (text.length > MAX_REQUEST_TEXT) {
      await context.sendActivity(t('replies:tooLong', { max: MAX_REQUEST_TEXT }));
      return;
    }
    const result = await dialogContext.continueDialog();
    if (result.status !== DialogTurnStatus.empty) return;
    // A question is answered, not turned into a request: nothing is stored, no card is sent, nobody is asked.
    const question = this.deps.questions ? detectQuestion(text) : undefined;
    if (question && this.deps.questions) {
      await context.sendActivity(await this.deps.questions.answer(question, identity.userId, t));
      return;
    }
    const options: LicenseRequestOptions = {
      text,
      mentions: await this.mentionedPeople(context),
      requester: { id: identity.userId, tenantId: identity.tenantId, displayName: context.activity.from.name ?? identity.userId },
    };
    await dialogContext.beginDialog(LICENSE_REQUEST_DIALOG, options);
  }

  /** People @mentioned besides the bot, with Entra ids (from the entity, or asked of Teams). */
  private async mentionedPeople(context: TurnContext): Promise<LicenseRequestOptions['mentions']> {
    const botId = context.activity.recipient?.id;
    const mentions = (context.activity.entities ?? []).filter((entity) => entity.type === 'mention');
    const people: { name: string; userId: string | undefined }[] = [];
    let lookups = 0;
    for (const entity of mentions) {
      const mentioned = (entity as { mentioned?: { id?: string; name?: string; aadObjectId?: string } }).mentioned;
      if (!mentioned?.id || mentioned.id === botId) continue;
      let userId = mentioned.aadObjectId ?? (GUID.test(mentioned.id) ? mentioned.id : undefined);
      if (!userId && lookups < MAX_MENTION_LOOKUPS) {
        lookups++;
        userId = await TeamsInfo.getMember(context, mentioned.id)
          .then((member) => member.aadObjectId)
          .catch(() => undefined);
      }
      people.push({ name: mentioned.name ?? '', userId });
    }
    return people;
  }

  private async remember(context: TurnContext): Promise<void> {
    try {
      const firstContact = await rememberSender(this.deps.conversations, context.activity, this.deps.clock.now());
      const identity = identityOf(context.activity);
      if (firstContact && identity && this.deps.onFirstPersonalContact) {
        // Not awaited: the person's own turn should not wait for cards about other requests.
        void this.deps.onFirstPersonalContact(identity.tenantId, identity.userId).catch((error: unknown) => {
          this.deps.log.warn('waiting approval cards not delivered', { error: String(error) });
        });
      }
    } catch (error) {
      this.deps.log.warn('conversation reference not stored', { error: String(error) });
    }
  }
}

/** Entities with a type; mentions only with a text, a mentioned account with a string id, and a message text to strip them from. */
/** Only the first MAX_MENTIONS_READ mentions are kept: 20,000 of them must cost no more than 50. */
function wellFormedEntities(entities: unknown, hasText: boolean): Entity[] {
  if (!Array.isArray(entities)) return [];
  let mentions = 0;
  return entities.filter((entity): entity is Entity => {
    if (typeof entity !== 'object' || entity === null || typeof (entity as { type?: unknown }).type !== 'string') return false;
    if ((entity as Entity).type.toLowerCase() !== 'mention') return true;
    if (++mentions > MAX_MENTIONS_READ) return false;
    const mention = entity as { text?: unknown; mentioned?: { id?: unknown } | null };
    return hasText && typeof mention.text === 'string' && typeof mention.mentioned === 'object' && mention.mentioned !== null && typeof mention.mentioned.id === 'string';
  });
}
