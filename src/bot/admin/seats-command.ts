/** `seats`: the seats card for every catalog licence the tenant has. */
import { CardFactory } from 'botbuilder';
import { seatsCard } from '../../../cards/seats-card';
import type { Directory } from '../../ports';
import { tenantStock } from '../../services/license-facts';
import type { CommandScope } from './command-scope';

export async function showSeats(scope: CommandScope, directory: Pick<Directory, 'listSubscribedSkus'>): Promise<void> {
  const stock = tenantStock(await directory.listSubscribedSkus());
  const card = seatsCard({ stock, locale: scope.locale });
  await scope.context.sendActivity({ type: 'message', attachments: [CardFactory.adaptiveCard(card)] });
}
