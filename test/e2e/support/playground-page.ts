/**
 * One person's Microsoft 365 Agents Playground tab, driven like a user would: type in the compose
 * box, read the bot's messages and cards, click card buttons, post in a team channel with an
 * @mention. Selectors are the Playground's (0.2.28) own markup and accessible names.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import type { RunningPlayground } from '../../../src/tools/playground';

const COMPOSE_BOX = '[data-lexical-editor="true"][role="textbox"]';
const SEND_BUTTON = 'button[aria-label="Send Message"]';
/** Bot messages in a chat (text, hero cards); the requester's own messages are plain bubbles. */
const BOT_MESSAGE = '.fai-OutputCard';
const ADAPTIVE_CARD = '.ac-adaptiveCard';

/** Long enough for a bot turn with Graph calls on a slow CI machine; a missing reply still fails. */
export const UI_TIMEOUT_MS = 20000;

export const SCREENSHOT_DIR = path.resolve(__dirname, '../../../../test-output/e2e');

export class PlaygroundPage {
  private constructor(
    readonly page: Page,
    readonly person: string,
  ) {}

  /** Opens the Playground and waits for the bot's welcome: the bot now knows this person's chat. */
  static async open(context: BrowserContext, playground: RunningPlayground): Promise<PlaygroundPage> {
    const page = await context.newPage();
    page.setDefaultTimeout(UI_TIMEOUT_MS);
    await page.goto(playground.url);
    const tab = new PlaygroundPage(page, playground.person);
    await page.locator(BOT_MESSAGE).first().waitFor();
    return tab;
  }

  async bringToFront(): Promise<void> {
    await this.page.bringToFront();
  }

  /** Sends a message in the open chat, as typed into the compose box. */
  async say(text: string): Promise<void> {
    const box = this.page.locator(COMPOSE_BOX);
    await box.click();
    await box.fill(text);
    await this.page.locator(SEND_BUTTON).click();
  }

  /** The bot's messages in the open chat that contain `text`. */
  botMessage(text: RegExp): Locator {
    return this.page.locator(BOT_MESSAGE).filter({ hasText: text });
  }

  /** Rendered Adaptive Cards that contain `text`. */
  adaptiveCard(text: RegExp, within: Page | Locator = this.page): Locator {
    return within.locator(ADAPTIVE_CARD).filter({ hasText: text });
  }

  /** A choice the bot offers (a suggested action under its message), found by its title. */
  choice(title: RegExp): Locator {
    return this.page.getByRole('button', { name: title }).last();
  }

  /** The full title of an offered choice (it may be shown cut). */
  async choiceTitle(title: RegExp): Promise<string> {
    const button = this.choice(title);
    await button.waitFor();
    return ((await button.getAttribute('title')) ?? (await button.textContent()) ?? '').trim();
  }

  /** Opens a channel of the team from the side bar. */
  async openChannel(channelName: string): Promise<void> {
    await this.page.getByRole('treeitem', { name: new RegExp(` - ${channelName}$`) }).click();
    await this.page.getByRole('button', { name: 'Post', exact: true }).waitFor();
  }

  /**
   * Starts a new post in the open channel that @mentions the bot (picked from the mention menu,
   * as in Teams) followed by `text`. Returns the post with its replies.
   */
  async postMentioning(botName: string, text: string): Promise<Locator> {
    const newPost = this.page.locator(COMPOSE_BOX).first();
    await newPost.click();
    await this.page.keyboard.type(`@${botName.slice(0, 3)}`);
    await this.page.getByRole('menuitem', { name: botName }).click();
    await this.page.keyboard.type(` ${text}`);
    await this.page.getByRole('button', { name: 'Post', exact: true }).click();
    return this.page
      .getByRole('group')
      .filter({ has: this.page.getByRole('img', { name: this.person }) })
      .filter({ hasText: text })
      .last();
  }

  async screenshot(step: string): Promise<void> {
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await this.page.screenshot({ path: path.join(SCREENSHOT_DIR, `${step}.png`) });
  }
}
