/**
 * The licence-request conversation: understand the message, find the person, check every rule
 * before anyone is bothered, show the requester a summary to confirm, then hand the request to
 * the approval workflow. Every refusal says why and what to do.
 */
import type { WaterfallStepContext } from 'botbuilder-dialogs';
import { ComponentDialog, WaterfallDialog } from './dialog-library';
import { ChoiceQuestion } from './questions';
import type { Decision } from '../src/domain/decision';
import { parseUtterance, type ParsedUtterance } from '../src/domain/parse';
import type { Person } from '../src/domain/request';
import { translator, type Translate } from '../src/i18n';
import type { Clock, DirectoryUser } from '../src/ports';
import { evaluate } from '../src/domain/rules';
import type { ApprovalWorkflow } from '../src/services/approval-workflow';
import type { LicenseFactsReader } from '../src/services/license-facts';
import type { PeopleFinder, PersonLookup } from '../src/services/people-finder';
import { explainNotes, productList, productName } from '../src/bot/explain';
import { ResolvePersonDialog, RESOLVE_PERSON_DIALOG, type ResolvePersonOptions } from './resolve-person-dialog';
import { describeRequestRefusal, summarizeDecision } from './request-summary';
import { readThisTurn } from './licences-read-this-turn';
import { overlapsOpenText } from '../src/bot/open-request-text';
import { didYouMean } from './product-candidates';

export const LICENSE_REQUEST_DIALOG = 'licenseRequest';
const FLOW = 'licenseRequest.flow';
const CONFIRM = 'licenseRequest.confirm';
const BASE = 'licenseRequest.base';

export interface LicenseRequestOptions {
  readonly text: string;
  /** People @mentioned in the message (other than the bot), with their Entra ids when known. */
  readonly mentions: readonly { readonly name: string; readonly userId: string | undefined }[];
  readonly requester: Person & { readonly tenantId: string };
}

interface RequestValues {
  parsed: ParsedUtterance;
  /** What is asked: the parsed products, plus the base licence the requester picked when there were several. */
  requested: string[];
  target?: DirectoryUser;
  decision?: Decision;
}

export interface LicenseRequestServices {
  readonly people: PeopleFinder;
  readonly facts: LicenseFactsReader;
  readonly workflow: ApprovalWorkflow;
  /** Today, for the end date a time-bound request would have if approved now. Default: the system clock. */
  readonly clock?: Clock;
}

export class LicenseRequestDialog extends ComponentDialog {
  constructor(private readonly services: LicenseRequestServices) {
    super(LICENSE_REQUEST_DIALOG);
    this.addDialog(new ResolvePersonDialog(services.people));
    this.addDialog(new ChoiceQuestion(CONFIRM));
    this.addDialog(new ChoiceQuestion(BASE));
    this.addDialog(
      new WaterfallDialog(FLOW, [
        this.understand.bind(this),
        this.assess.bind(this),
        this.confirm.bind(this),
        this.submit.bind(this),
      ]),
    );
    this.initialDialogId = FLOW;
  }

  private async understand(step: WaterfallStepContext) {
    const options = step.options as LicenseRequestOptions;
    const t = translator(step.context.activity.locale);
    const parsed = parseUtterance(options.text);
    (step.values as RequestValues).parsed = parsed;
    (step.values as RequestValues).requested = [...parsed.products];
    // A question is never turned into a request, even when it names a person and a licence.
    if (parsed.question) {
      await step.context.sendActivity(t('replies:question.notARequest'));
      return step.endDialog();
    }
    // A slip close to several products is asked back rather than guessed.
    if (parsed.productCandidates.length > 0) {
      await step.context.sendActivity(didYouMean(t, parsed.productCandidates));
      return step.endDialog();
    }
    if (parsed.products.length === 0) {
      const unknown = parsed.unmatchedText.trim();
      await step.context.sendActivity(
        unknown ? t('replies:product.unknown', { text: unknown.slice(0, 80) }) : t('replies:product.missing'),
      );
      await step.context.sendActivity(t('replies:product.examples'));
      return step.endDialog();
    }
    const resolveOptions: ResolvePersonOptions = {
      lookup: lookupFor(parsed, options),
      requesterId: options.requester.id,
      productNames: productList(t, parsed.products),
    };
    return step.beginDialog(RESOLVE_PERSON_DIALOG, resolveOptions);
  }

  private async assess(step: WaterfallStepContext) {
    const values = step.values as RequestValues;
    const target = step.result as DirectoryUser | undefined;
    const t = translator(step.context.activity.locale);
    if (!target) return step.endDialog();
    values.target = target;
    const facts = await this.services.facts.read(target.id, readThisTurn(step.context, target.id));
    const decision = evaluate({ action: values.parsed.action, requested: values.requested }, facts.user, facts.tenant);
    values.decision = decision;
    const options = decision.outcome === 'proceed' ? (decision.baseOptions ?? []) : [];
    if (options.length > 1) {
      // The person has no licence with Teams and the tenant owns several that fit: the requester picks which.
      const names = options.map((partNumber) => productName(t, partNumber));
      return step.prompt(BASE, {
        prompt: t('replies:request.whichBase', { name: target.displayName, products: productList(t, values.parsed.products) }),
        retryPrompt: t('replies:request.whichBaseRetry', { choices: names.join(t('replies:listSeparator')) }),
        choices: names.map((value) => ({ value })),
      });
    }
    return step.next();
  }

  /** Re-evaluates with the base licence picked (if any), then shows the summary to confirm, or why nothing can be done. */
  private async confirm(step: WaterfallStepContext) {
    const values = step.values as RequestValues;
    const target = values.target;
    const t = translator(step.context.activity.locale);
    if (!target || !values.decision) return step.endDialog();
    const picked = (step.result as { index?: number } | undefined)?.index;
    const base = picked === undefined ? undefined : values.decision.baseOptions?.[picked];
    if (base !== undefined) {
      values.requested = [...values.requested, base];
      const facts = await this.services.facts.read(target.id);
      values.decision = evaluate({ action: values.parsed.action, requested: values.requested }, facts.user, facts.tenant);
    }
    const decision = values.decision;
    if (decision.outcome === 'refused') {
      await step.context.sendActivity(describeRequestRefusal(t, target, decision));
      return step.endDialog();
    }
    if (decision.outcome === 'noop') {
      const lines = explainNotes(t, decision.notes, ['noop']);
      await step.context.sendActivity([t('replies:request.nothingToDo', { name: target.displayName }), ...lines].join('\n\n'));
      return step.endDialog();
    }
    const duration = values.parsed.duration;
    const timeBound = duration && values.parsed.action === 'assign' ? { seconds: duration.seconds, now: this.services.clock?.now() ?? new Date() } : undefined;
    // The summary and the question travel as one message: one reply to the Bot Connector instead of two, and the
    // buttons sit under what they confirm.
    const summary = summarizeDecision(t, target, values.parsed.action, decision, timeBound);
    return step.prompt(CONFIRM, {
      prompt: `${summary}\n\n${t('replies:request.confirmQuestion')}`,
      retryPrompt: t('replies:request.confirmRetry'),
      choices: confirmChoices(t),
    });
  }

  private async submit(step: WaterfallStepContext) {
    const options = step.options as LicenseRequestOptions;
    const values = step.values as RequestValues;
    const t = translator(step.context.activity.locale);
    if ((step.result as { index: number }).index !== 0 || !values.target || !values.decision) {
      await step.context.sendActivity(t('replies:request.cancelled'));
      return step.endDialog();
    }
    const result = await this.services.workflow.submit({
      tenantId: options.requester.tenantId,
      requester: { id: options.requester.id, displayName: options.requester.displayName },
      target: values.target,
      action: values.parsed.action,
      requested: values.requested,
      confirmed: values.decision,
      ...(values.parsed.duration && values.parsed.action === 'assign' ? { durationSeconds: values.parsed.duration.seconds } : {}),
    });
    switch (result.kind) {
      case 'noApprover':
        await step.context.sendActivity(t('replies:request.noApprover', { name: values.target.displayName }));
        break;
      case 'changed':
        await step.context.sendActivity(t('replies:request.changedMeanwhile'));
        if (result.decision.outcome === 'refused') await step.context.sendActivity(describeRequestRefusal(t, values.target, result.decision));
        break;
      case 'overlaps':
        await step.context.sendActivity(overlapsOpenText(t, result.open));
        break;
      case 'submitted': {
        // Only the approvers who have the card are named as having it; the others get it when they first open the app.
        const waitingIds = new Set(result.waiting.map((approver) => approver.id));
        const names = (people: readonly { displayName: string }[]) => people.map((person) => person.displayName).join(t('replies:listSeparator'));
        const reached = result.request.approvers.filter((approver) => !waitingIds.has(approver.id));
        const key = result.reached === 0 ? 'replies:request.approverUnreachable' : result.waiting.length > 0 ? 'replies:request.sentPartly' : 'replies:request.sentForApproval';
        await step.context.sendActivity(
          t(key, {
            approvers: result.reached === 0 ? names(result.request.approvers) : names(reached),
            waiting: names(result.waiting),
            requestId: shortId(result.request.id),
            source: t(`replies:approverSource.${result.request.approverSource}`),
          }),
        );
        break;
      }
    }
    return step.endDialog();
  }
}

function confirmChoices(t: Translate) {
  return [
    { value: t('replies:request.confirmYes'), synonyms: ['yes', 'y', 'ok', 'oui', 'はい', '是', '确认', '確認', 'confirm'] },
    { value: t('replies:request.confirmNo'), synonyms: ['no', 'n', 'non', 'いいえ', '否', '取消', 'cancel', 'annuler'] },
  ];
}

/** A mention of another person beats the name text: the mention carries the Entra id. */
function lookupFor(parsed: ParsedUtterance, options: LicenseRequestOptions): PersonLookup | undefined {
  const person = parsed.person;
  if (person?.kind === 'name') {
    const mention = options.mentions.find((m) => m.userId && sameName(m.name, person.value)) ??
      (options.mentions.length === 1 && options.mentions[0]?.userId ? options.mentions[0] : undefined);
    if (mention?.userId) return { kind: 'id', value: mention.userId };
  }
  if (!person && options.mentions.length === 1 && options.mentions[0]?.userId) return { kind: 'id', value: options.mentions[0].userId };
  return person;
}

function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

export function shortId(id: string): string {
  return id.slice(0, 8);
}
