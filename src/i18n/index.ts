/**
 * Localized text. Every sentence a person reads comes from src/i18n/locales/<locale>/<namespace>.json
 * through i18next; code paths hold keys, never sentences. Namespaces keep unrelated concerns apart:
 * "replies" (chat messages), "cards" (Adaptive Card text), "reasons" (rule and Graph explanations),
 * "products" (product names people read), "admin" (admin commands and bulk jobs).
 */
import fs from 'node:fs';
import path from 'node:path';
import i18next, { type i18n as I18n, type Resource, type ResourceLanguage } from 'i18next';

export const SUPPORTED_LOCALES = ['en', 'zh-CN', 'zh-TW', 'ja', 'fr'] as const;
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];
export const NAMESPACES = ['replies', 'cards', 'reasons', 'products', 'admin', 'lifecycle'] as const;
export type Namespace = (typeof NAMESPACES)[number];

/** Compiled code runs from dist/src/i18n; the JSON stays in src/i18n/locales. */
export function localesDirectory(): string {
  const candidates = [path.join(__dirname, 'locales'), path.resolve(__dirname, '../../../src/i18n/locales')];
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, 'en')));
  if (!found) throw new Error(`Locale files not found (looked in ${candidates.join(', ')})`);
  return found;
}

/** Teams sends locales such as "en-US", "zh-cn", "zh-Hant-TW", "ja-JP", "fr-CA": map them to ours. */
export function resolveLocale(locale: string | null | undefined): SupportedLocale {
  const tag = (locale ?? '').trim().toLowerCase().replace(/_/g, '-');
  if (tag.startsWith('zh')) {
    return /(tw|hk|mo|hant)/.test(tag) ? 'zh-TW' : 'zh-CN';
  }
  if (tag.startsWith('ja')) return 'ja';
  if (tag.startsWith('fr')) return 'fr';
  return 'en';
}

function loadResources(): Resource {
  const dir = localesDirectory();
  const resources: Resource = {};
  for (const locale of SUPPORTED_LOCALES) {
    const bundle: ResourceLanguage = {};
    for (const ns of NAMESPACES) {
      const file = path.join(dir, locale, `${ns}.json`);
      if (fs.existsSync(file)) bundle[ns] = JSON.parse(fs.readFileSync(file, 'utf8'));
    }
    resources[locale] = bundle;
  }
  return resources;
}

let instance: I18n | undefined;

function i18n(): I18n {
  if (!instance) {
    instance = i18next.createInstance();
    // initImmediate false: resources are inline, so init completes synchronously.
    void instance.init({
      resources: loadResources(),
      lng: 'en',
      fallbackLng: 'en',
      ns: [...NAMESPACES],
      defaultNS: 'replies',
      interpolation: { escapeValue: false },
      returnNull: false,
      initAsync: false,
    });
  }
  return instance;
}

export type TextParams = Record<string, string | number | undefined>;

/** A translator bound to one reader's locale. Keys are "namespace:key.path". */
export type Translate = (key: string, params?: TextParams) => string;

export function translator(locale: string | null | undefined): Translate {
  const fixed = i18n().getFixedT(resolveLocale(locale));
  return (key, params) => fixed(key, params ?? {}) as string;
}

/** Whether a key exists in English (the reference locale). */
export function hasKey(key: string): boolean {
  return i18n().exists(key, { lng: 'en', fallbackLng: [] });
}

/** The keys of one namespace in English (the reference locale), for lookups that must not go through key parsing. */
export function keysOf(namespace: Namespace): readonly string[] {
  return Object.keys((i18n().getResourceBundle('en', namespace) as Record<string, unknown> | undefined) ?? {});
}
