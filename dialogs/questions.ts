/**
 * The two questions the dialogs ask: a choice offered as buttons (suggested actions) and a free-text answer.
 *
 * They do what botbuilder's ChoicePrompt (ListStyle.suggestedAction) and TextPrompt do for these dialogs, and keep
 * their state and results in the same shapes, but without what those load: ChoicePrompt's culture models pull in
 * @microsoft/recognizers-text-suite and its number recognizer @microsoft/recognizers-text-number, about 20 MB of
 * memory in every process for reading "the second one" (measured in test/bench/BENCHMARKS.md). Answers by position
 * are read by choice-number.ts instead; answers by text by botbuilder's own findChoices, as ChoicePrompt does.
 */
import { InputHints, type TurnContext } from 'botbuilder';
import { Dialog, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs/lib/dialog';
import type { DialogContext } from 'botbuilder-dialogs/lib/dialogContext';
import { ChoiceFactory } from 'botbuilder-dialogs/lib/choices/choiceFactory';
import { findChoices, type Choice, type FoundChoice } from 'botbuilder-dialogs/lib/choices/findChoices';
import { choiceNumber } from './choice-number';

export interface QuestionOptions {
  readonly prompt: string;
  /** Said instead of the prompt when the answer was not understood (default: the prompt again). */
  readonly retryPrompt?: string;
  readonly choices?: readonly Choice[];
}

interface QuestionState {
  options: QuestionOptions;
}

abstract class Question<T> extends Dialog<QuestionOptions> {
  async beginDialog(dc: DialogContext, options?: QuestionOptions): Promise<DialogTurnResult> {
    if (!options || typeof options.prompt !== 'string') throw new TypeError(`${this.id}: a question needs a prompt text`);
    const state = dc.activeDialog?.state as QuestionState;
    state.options = { ...options };
    await this.ask(dc.context, state.options, false);
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    // Only a message answers a question (an invoke or a reaction in the meantime leaves it waiting).
    if (dc.context.activity.type !== 'message') return Dialog.EndOfTurn;
    const state = dc.activeDialog?.state as QuestionState;
    const answer = this.understand(dc.context.activity.text, state.options);
    if (answer !== undefined) return dc.endDialog(answer);
    if (!dc.context.responded) await this.ask(dc.context, state.options, true);
    return Dialog.EndOfTurn;
  }

  /** Back from a dialog started on top of this one: ask again. */
  override async resumeDialog(dc: DialogContext): Promise<DialogTurnResult> {
    if (dc.activeDialog) await this.repromptDialog(dc.context, dc.activeDialog);
    return Dialog.EndOfTurn;
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    await this.ask(context, (instance.state as QuestionState).options, false);
  }

  protected abstract understand(text: string | undefined, options: QuestionOptions): T | undefined;

  private async ask(context: TurnContext, options: QuestionOptions, isRetry: boolean): Promise<void> {
    const text = isRetry && options.retryPrompt ? options.retryPrompt : options.prompt;
    const choices = [...(options.choices ?? [])];
    await context.sendActivity(
      choices.length > 0 ? ChoiceFactory.suggestedAction(choices, text) : { type: 'message', text, inputHint: InputHints.ExpectingInput },
    );
  }
}

/**
 * A choice offered as buttons; the answer is a FoundChoice ({ value, index, score, synonym }), as ChoicePrompt gives.
 * Understood: a button's text or one of its synonyms, found in the answer as ChoicePrompt finds it, else a position
 * ("2", "the second one"), else not understood and asked again.
 */
export class ChoiceQuestion extends Question<FoundChoice> {
  protected understand(text: string | undefined, options: QuestionOptions): FoundChoice | undefined {
    if (!text) return undefined;
    const choices = ChoiceFactory.toChoices([...(options.choices ?? [])]);
    const [found] = findChoices(text, choices);
    if (found) return found.resolution;
    const index = (choiceNumber(text) ?? 0) - 1;
    const chosen = choices[index];
    return chosen ? { value: chosen.value, index, score: 1 } : undefined;
  }
}

/** A free-text answer: any message with text. */
export class TextQuestion extends Question<string> {
  protected understand(text: string | undefined): string | undefined {
    return typeof text === 'string' && text.length > 0 ? text : undefined;
  }
}
