/**
 * Teams redelivers an activity it got no timely answer for, and a client may send the same activity twice: the same
 * activity id in the same conversation is taken once. Remembered in this process for a while (bounded in time and
 * number); across instances, the open-request check of the approval workflow keeps a redelivered confirmation from
 * becoming a second request.
 */
import type { Activity } from 'botbuilder';

const REMEMBER_MS = 15 * 60_000;
const MAX_REMEMBERED = 20_000;

export class SeenActivities {
  /** Key → when first seen; insertion order is age order. */
  private readonly seen = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  /** True the first time an activity (conversation + id) is offered; false for every copy after it. */
  firstTime(activity: Activity): boolean {
    if (!activity.id || !activity.conversation?.id) return true;
    const key = `${activity.conversation.id}\n${activity.id}`;
    const now = this.now();
    this.forgetOld(now);
    if (this.seen.has(key)) return false;
    this.seen.set(key, now);
    return true;
  }

  private forgetOld(now: number): void {
    for (const [key, at] of this.seen) {
      if (now - at < REMEMBER_MS && this.seen.size < MAX_REMEMBERED) break;
      this.seen.delete(key);
    }
  }
}
