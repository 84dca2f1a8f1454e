/**
 * Turns rule notes and reason codes into sentences in the reader's language. Part numbers in
 * parameters become the product names people know ("Domestic Calling Plan", not MCOPSTN1) and
 * country codes become country names, through the domain's explanationParams.
 */
import { microsoftProductName } from '../catalog/licensing-catalog';
import type { PlanChange, RuleNote } from '../domain/decision';
import { askForPlan, explanationParams } from '../domain/rules';
import { hasKey, keysOf, resolveLocale, type Translate } from '../i18n';

/**
 * Part numbers that can be i18next keys as they are. Others ("O365_w/o Teams Bundle_M3", names with '.' or ':')
 * would be split by i18next's key and namespace separators, so they are never looked up there.
 */
const I18N_SAFE_PART_NUMBER = /^[A-Za-z0-9_()-]+$/;

/** Upper-cased part number → its key in products.json: the rules upper-case part numbers, Microsoft mixes cases. */
let productKeys: ReadonlyMap<string, string> | undefined;

function productKey(partNumber: string): string | undefined {
  if (!I18N_SAFE_PART_NUMBER.test(partNumber)) return undefined;
  productKeys ??= new Map(keysOf('products').map((key) => [key.toUpperCase(), key]));
  const key = productKeys.get(partNumber.toUpperCase());
  return key !== undefined && hasKey(`products:${key}`) ? key : undefined;
}

/** Our localized name, else Microsoft's English name from its catalog, else the part number itself. */
export function productName(t: Translate, partNumber: string): string {
  const key = productKey(partNumber.trim());
  if (key !== undefined) return t(`products:${key}`);
  return microsoftProductName(partNumber) ?? partNumber;
}

export function productList(t: Translate, partNumbers: readonly string[]): string {
  return partNumbers.map((part) => productName(t, part)).join(t('replies:listSeparator'));
}

interface ProductChange {
  readonly add: readonly string[];
  readonly remove: readonly string[];
  readonly planChanges?: readonly PlanChange[];
}

/** What a change gives: the SKUs added, and the plans turned on inside SKUs the person holds (named with the SKU). */
export function addedProducts(t: Translate, change: ProductChange): string[] {
  const turnedOn = (change.planChanges ?? []).flatMap((planChange) =>
    planNamesOf(planChange.enable).map((plan) => t('replies:planTurnedOn', { plan: productName(t, plan), sku: productName(t, planChange.partNumber) })),
  );
  return [...change.add.map((partNumber) => productName(t, partNumber)), ...turnedOn];
}

/** What a change takes away: the SKUs removed, and the plans turned off inside SKUs that stay. */
export function removedProducts(t: Translate, change: ProductChange): string[] {
  const turnedOff = (change.planChanges ?? []).flatMap((planChange) =>
    planNamesOf(planChange.disable).map((plan) => t('replies:planTurnedOff', { plan: productName(t, plan), sku: productName(t, planChange.partNumber) })),
  );
  return [...change.remove.map((partNumber) => productName(t, partNumber)), ...turnedOff];
}

/** A plan is named by the product people ask for (TEAMS1 → Microsoft Teams); the Skype base plans are one name. */
function planNamesOf(plans: readonly string[]): string[] {
  return [...new Set(plans.map(askForPlan))];
}

export function joinProducts(t: Translate, names: readonly string[]): string {
  return names.join(t('replies:listSeparator'));
}

/** One Intl.DisplayNames per language, made when a country is first named in it (ICU makes them slowly). */
const regionNames = new Map<string, Intl.DisplayNames | null>();

function regionNamesIn(locale: string): Intl.DisplayNames | null {
  let names = regionNames.get(locale);
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames([locale], { type: 'region' });
    } catch {
      names = null;
    }
    regionNames.set(locale, names);
  }
  return names;
}

function countryNamer(t: Translate): (code: string) => string {
  return (code) => regionNamesIn(resolveLocale(t('replies:localeTag')))?.of(code) ?? code;
}

export function explainReason(t: Translate, code: string, params: RuleNote['params'] = {}): string {
  const key = `reasons:${code}`;
  if (!hasKey(key)) return t('reasons:GRAPH_UNKNOWN');
  return t(key, explanationParams(params, { productName: (part) => productName(t, part), countryName: countryNamer(t) }));
}

export function explainNotes(t: Translate, notes: readonly RuleNote[], kinds: readonly RuleNote['kind'][]): string[] {
  return notes.filter((note) => kinds.includes(note.kind)).map((note) => explainReason(t, note.code, note.params));
}
