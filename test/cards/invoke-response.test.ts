import assert from 'node:assert/strict';
import { cardResponse, errorResponse, messageResponse } from '../../cards/invoke-response';
import type { AdaptiveCardJson } from '../../cards/fill-template';

describe('Universal Actions invoke responses', () => {
  const card: AdaptiveCardJson = { type: 'AdaptiveCard', version: '1.5', body: [] };

  it('replaces the card', () => {
    assert.deepEqual(cardResponse(card), { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card });
  });

  it('shows a message', () => {
    assert.deepEqual(messageResponse('Done'), {
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: 'Done',
    });
  });

  it('reports an error, 400 unless told otherwise', () => {
    assert.deepEqual(errorResponse('BadRequest', 'Unknown request'), {
      statusCode: 400,
      type: 'application/vnd.microsoft.error',
      value: { code: 'BadRequest', message: 'Unknown request' },
    });
    assert.equal(errorResponse('InternalError', 'Try again', 500).statusCode, 500);
  });
});
