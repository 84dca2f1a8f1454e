/**
 * What the person sees when a turn fails: a Graph failure explained in words (permissions,
 * throttling, Graph unavailable), anything else as a generic apology. Either way the conversation
 * is reset so the next message starts fresh instead of replaying a broken prompt.
 */
import type { ConversationState, TurnContext } from 'botbuilder';
import { translator } from '../i18n';
import type { Logger } from '../logger';
import { DirectoryError } from '../ports';
import { explainReason } from './explain';

export function turnErrorHandler(conversationState: ConversationState, log: Logger) {
  return async (context: TurnContext, error: Error): Promise<void> => {
    const cause = underlyingError(error);
    const graph = cause instanceof DirectoryError ? { reason: cause.reason, status: cause.status, code: cause.graphCode } : undefined;
    log.error('turn failed', { error: String(error), stack: error.stack, activityType: context.activity.type, graph });
    if (context.activity.type !== 'message') return;
    const t = translator(context.activity.locale);
    const text = graph ? `${explainReason(t, graph.reason)}\n\n${t('replies:error.nothingChanged')}` : t('replies:error.generic');
    await context.sendActivity(text).catch(() => undefined);
    await conversationState.delete(context).catch(() => undefined);
  };
}

/** botbuilder-dialogs wraps what a dialog throws in a DialogContextError that keeps it as `error`. */
function underlyingError(error: Error): unknown {
  const wrapped = (error as { error?: unknown }).error;
  return wrapped instanceof Error ? wrapped : error;
}
