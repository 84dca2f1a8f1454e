/**
 * Finds the one person a request is about. None found: says so and asks again (three tries).
 * Several found: offers them as buttons, plus "none of these". Nobody, but someone a small slip away ("Chloé
 * Dubios"): asks "Did you mean Chloé Dubois?" with them as buttons, never taking them for the person. Returns the DirectoryUser, or
 * undefined when the requester gives up. One person found at once: their licences, read by the same call, stay
 * available to the rest of the turn (licences-read-this-turn.ts).
 */
import type { WaterfallStepContext } from 'botbuilder-dialogs';
import { ComponentDialog, WaterfallDialog } from './dialog-library';
import { ChoiceQuestion, TextQuestion } from './questions';
import type { DirectoryUser } from '../src/ports';
import type { PeopleFinder, PersonLookup } from '../src/services/people-finder';
import { translator } from '../src/i18n';
import { lookupFromText } from './person-lookup';
import { keepForThisTurn } from './licences-read-this-turn';

export const RESOLVE_PERSON_DIALOG = 'resolvePerson';
const FLOW = 'resolvePerson.flow';
const ASK_NAME = 'resolvePerson.askName';
const PICK = 'resolvePerson.pick';
const MAX_TRIES = 3;

export interface ResolvePersonOptions {
  readonly lookup: PersonLookup | undefined;
  readonly requesterId: string;
  readonly productNames: string;
  readonly tries?: number;
}

interface ResolveValues {
  candidates?: DirectoryUser[];
  retry?: boolean;
}

export class ResolvePersonDialog extends ComponentDialog {
  constructor(private readonly people: PeopleFinder) {
    super(RESOLVE_PERSON_DIALOG);
    this.addDialog(new TextQuestion(ASK_NAME));
    this.addDialog(new ChoiceQuestion(PICK));
    this.addDialog(new WaterfallDialog(FLOW, [this.askIfUnknown.bind(this), this.search.bind(this), this.settle.bind(this)]));
    this.initialDialogId = FLOW;
  }

  private async askIfUnknown(step: WaterfallStepContext) {
    const options = step.options as ResolvePersonOptions;
    if (options.lookup) return step.next(options.lookup);
    const t = translator(step.context.activity.locale);
    return step.prompt(ASK_NAME, { prompt: t('replies:person.askWho', { products: options.productNames }) });
  }

  private async search(step: WaterfallStepContext) {
    const options = step.options as ResolvePersonOptions;
    const values = step.values as ResolveValues;
    const t = translator(step.context.activity.locale);
    const lookup: PersonLookup = typeof step.result === 'string' ? lookupFromText(step.result) : (step.result as PersonLookup);
    const { people: found, slips } = await this.people.lookUp(lookup, options.requesterId);
    const [only] = found;
    if (only && found.length === 1) {
      keepForThisTurn(step.context, only);
      return step.endDialog(only.user);
    }
    // Only the people are kept for the choice: their licences would be stale by the time one is picked.
    if (found.length === 0 && slips.length > 0 && lookup.kind === 'name') return this.offer(step, slips.map((person) => person.user), lookup.value);
    const candidates = found.map((person) => person.user);
    if (candidates.length === 0) {
      const tries = (options.tries ?? 0) + 1;
      const said = lookup.kind === 'self' ? t('replies:person.yourself') : lookup.kind === 'id' ? t('replies:person.mentioned') : lookup.value;
      if (tries >= MAX_TRIES) {
        await step.context.sendActivity(t('replies:person.giveUp', { name: said }));
        return step.endDialog(undefined);
      }
      values.retry = true;
      return step.prompt(ASK_NAME, { prompt: t('replies:person.notFound', { name: said }) });
    }
    return this.offer(step, candidates);
  }

  /** The people to pick from as buttons, plus "none of these"; `slipOf` is the name as written when they are guesses. */
  private async offer(step: WaterfallStepContext, candidates: DirectoryUser[], slipOf?: string) {
    const values = step.values as ResolveValues;
    const t = translator(step.context.activity.locale);
    values.candidates = candidates;
    const [first] = candidates;
    const prompt =
      slipOf === undefined
        ? t('replies:person.whichOne', { count: candidates.length })
        : candidates.length === 1 && first
          ? t('replies:person.didYouMean', { name: slipOf, candidate: first.displayName })
          : t('replies:person.didYouMeanSeveral', { name: slipOf });
    return step.prompt(PICK, {
      prompt,
      retryPrompt: t('replies:person.whichOneRetry'),
      choices: [
        ...candidates.map((user) => ({ value: `${user.displayName} (${user.userPrincipalName})`, synonyms: [user.userPrincipalName] })),
        { value: t('replies:person.noneOfThese') },
      ],
    });
  }

  private async settle(step: WaterfallStepContext) {
    const options = step.options as ResolvePersonOptions;
    const values = step.values as ResolveValues;
    if (values.retry) {
      return step.replaceDialog(this.id, { ...options, lookup: lookupFromText(String(step.result ?? '')), tries: (options.tries ?? 0) + 1 });
    }
    const index = (step.result as { index: number }).index;
    const chosen = values.candidates?.[index];
    if (chosen) return step.endDialog(chosen);
    return step.replaceDialog(this.id, { ...options, lookup: undefined, tries: (options.tries ?? 0) + 1 });
  }
}
