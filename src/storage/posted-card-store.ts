/**
 * The approval cards posted for each request, under `cards/<requestId>` in any botbuilder Storage. Appends retry
 * on eTag conflicts, so cards posted to several approvers at the same time are all kept. Posting the same activity
 * again (a retried send) replaces its entry instead of adding a second one.
 */
import type { Storage } from 'botbuilder';
import type { PostedCard, PostedCardStore } from '../ports';
import { readDocument, updateDocument } from './storage-items';

interface PostedCardsDocument {
  readonly cards: readonly PostedCard[];
}

export function postedCardsKey(requestId: string): string {
  return `cards/${encodeURIComponent(requestId)}`;
}

export class StoragePostedCardStore implements PostedCardStore {
  constructor(private readonly storage: Storage) {}

  async add(card: PostedCard): Promise<void> {
    await updateDocument<PostedCardsDocument>(this.storage, postedCardsKey(card.requestId), (current) => {
      const cards = current?.cards ?? [];
      const samePost = (posted: PostedCard): boolean =>
        posted.approverId === card.approverId && posted.activityId === card.activityId;
      return { cards: cards.some(samePost) ? cards.map((posted) => (samePost(posted) ? card : posted)) : [...cards, card] };
    });
  }

  async list(requestId: string): Promise<PostedCard[]> {
    return [...((await readDocument<PostedCardsDocument>(this.storage, postedCardsKey(requestId)))?.value.cards ?? [])];
  }
}
