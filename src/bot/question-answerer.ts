/**
 * Answers questions about licences (src/domain/question.ts) from what the directory says, read-only: an answer
 * stores no request, posts no card, writes nothing to Graph and asks nobody. Seat counts are for admins only.
 */
import { parseUtterance } from '../domain/parse';
import { chooseApprovers } from '../domain/approval-policy';
import type { Question } from '../domain/question';
import { heldAs, heldProducts, seatsLeft } from '../domain/licence-answers';
import type { Translate } from '../i18n';
import type { Directory } from '../ports';
import type { FoundPerson, PeopleFinder } from '../services/people-finder';
import { tenantStock, type LicenseFactsReader } from '../services/license-facts';
import { productList, productName } from './explain';

export interface QuestionServices {
  readonly people: PeopleFinder;
  readonly facts: LicenseFactsReader;
  readonly directory: Pick<Directory, 'getManager' | 'listGroupMembers' | 'listSubscribedSkus'>;
  readonly approverGroupId: string | undefined;
  readonly isAdmin: (userId: string) => Promise<boolean>;
}

export class QuestionAnswerer {
  constructor(private readonly services: QuestionServices) {}

  /** The answer's text, in the reader's language. */
  async answer(question: Question, askerId: string, t: Translate): Promise<string> {
    if (question.kind === 'seatsLeft') return this.seats(question.product ?? '', askerId, t);
    const written = question.person ?? '';
    const found = await this.person(written, askerId);
    if (typeof found === 'string') return t(found === 'nobody' ? 'replies:question.nobody' : 'replies:question.whichPerson', { name: written, people: found === 'nobody' ? '' : found });
    const name = found.user.displayName;
    if (question.kind === 'approvers') return this.approvers(found, askerId, t);
    const facts = await this.services.facts.read(found.user.id, found);
    if (question.kind === 'licences') {
      const held = heldProducts(facts.user, facts.tenant);
      return held.length === 0 ? t('replies:question.noLicences', { name }) : t('replies:question.licences', { name, products: productList(t, held) });
    }
    const [asked] = parseUtterance(question.product ?? '').products;
    if (!asked) return t('replies:product.examples');
    const held = heldAs(asked, facts.user, facts.tenant);
    return held ? t('replies:question.has', { name, product: productName(t, held) }) : t('replies:question.hasNot', { name, product: productName(t, asked) });
  }

  /** The one person asked about, or 'nobody', or the names to choose from (the question is asked again, not a dialog). */
  private async person(written: string, askerId: string): Promise<FoundPerson | string> {
    const lookup = written.includes('@') ? ({ kind: 'email', value: written } as const) : ({ kind: 'name', value: written } as const);
    const { people, slips } = await this.services.people.lookUp(lookup, askerId);
    const [only] = people;
    if (only && people.length === 1) return only;
    const candidates = people.length > 0 ? people : slips;
    if (candidates.length === 0) return 'nobody';
    return candidates.map((person) => person.user.displayName).join(', ');
  }

  /** Who would approve a request the asker makes for this person: the same choice the workflow makes. */
  private async approvers(target: FoundPerson, askerId: string, t: Translate): Promise<string> {
    const name = target.user.displayName;
    const manager = await this.services.directory.getManager(target.user.id);
    const base = { requesterId: askerId, targetId: target.user.id, ...(manager ? { manager: { id: manager.id, displayName: manager.displayName } } : {}) };
    let choice = chooseApprovers({ ...base, approverGroupMembers: [] });
    // The group is read only when the manager cannot approve: one call fewer in the usual case.
    if (!('source' in choice) && this.services.approverGroupId) {
      const members = await this.services.directory.listGroupMembers(this.services.approverGroupId);
      choice = chooseApprovers({ ...base, approverGroupMembers: members.map((m) => ({ id: m.id, displayName: m.displayName })) });
    }
    if (!('source' in choice)) return t('replies:question.noApprover', { name });
    return t('replies:question.approvers', {
      name,
      approvers: choice.approvers.map((person) => person.displayName).join(t('replies:listSeparator')),
      source: t(`replies:approverSource.${choice.source}`),
    });
  }

  private async seats(productText: string, askerId: string, t: Translate): Promise<string> {
    if (!(await this.services.isAdmin(askerId))) return t('replies:question.adminsOnly');
    const asked = parseUtterance(productText).products;
    if (asked.length === 0) return t('replies:question.whichProduct');
    const tenant = { skus: tenantStock(await this.services.directory.listSubscribedSkus()) };
    const counts = seatsLeft(asked, tenant);
    if (counts.length === 0) return t('replies:question.notOwned', { product: productList(t, asked) });
    return counts.map((count) => t('replies:question.seatsLeft', { product: productName(t, count.partNumber), left: count.left, total: count.total })).join('\n\n');
  }
}
