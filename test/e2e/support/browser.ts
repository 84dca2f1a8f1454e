/**
 * Headless Chromium (Debian's package, never a download) for the Playground tests. Every request
 * that does not go to this machine is aborted: the Playground page asks a CDN for fonts, and a
 * test must not depend on, or talk to, the outside world.
 */
import fs from 'node:fs';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Why Chromium cannot run here, or undefined when it can. */
export function chromiumProblem(): string | undefined {
  if (fs.existsSync(CHROMIUM_PATH)) return undefined;
  return `Chromium is not installed at ${CHROMIUM_PATH}. Install Debian's package (apt-get install chromium), as .ci/run does, or set CHROMIUM_PATH.`;
}

export interface LoopbackBrowser {
  readonly browser: Browser;
  readonly context: BrowserContext;
  /** Addresses the page tried to reach outside this machine (aborted). */
  readonly blocked: string[];
}

export async function launchLoopbackBrowser(): Promise<LoopbackBrowser> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, locale: 'en-US', timezoneId: 'UTC' });
  const blocked: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (LOOPBACK_HOSTS.has(url.hostname) || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
    blocked.push(url.href);
    return route.abort();
  });
  return { browser, context, blocked };
}
