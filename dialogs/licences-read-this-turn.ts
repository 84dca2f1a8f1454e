/**
 * The licences of the person a request is about, as the Graph call that found them returned them, kept for the rest
 * of that turn only. The rules of a request turn then run on them without reading the user again (one Graph call per
 * request message instead of two); a later turn (a choice among several people, the confirmation) reads afresh.
 * Kept in botbuilder's turn state, which ends with the turn, and never in the dialog state, which outlives it.
 */
import type { TurnContext } from 'botbuilder';
import type { DirectoryUserLicenses } from '../src/ports';

const LICENCES_READ_THIS_TURN = Symbol('licences read this turn');

export function keepForThisTurn(context: TurnContext, found: DirectoryUserLicenses): void {
  context.turnState.set(LICENCES_READ_THIS_TURN, found);
}

/** The licences read this turn for this user, if the person found this turn is that user. */
export function readThisTurn(context: TurnContext, userId: string): DirectoryUserLicenses | undefined {
  const found = context.turnState.get(LICENCES_READ_THIS_TURN) as DirectoryUserLicenses | undefined;
  return found?.user.id === userId ? found : undefined;
}
