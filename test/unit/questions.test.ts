/**
 * The dialogs' own questions (dialogs/questions.ts) in a botbuilder TestAdapter conversation: what they send, what
 * they understand, and that they ask again (never end) when an answer is not understood.
 */
import assert from 'node:assert/strict';
import { ConversationState, MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import { DialogSet, DialogTurnStatus } from '../../dialogs/dialog-library';
import { ChoiceQuestion, TextQuestion, type QuestionOptions } from '../../dialogs/questions';

const CONFIRM: QuestionOptions = {
  prompt: 'Send it?',
  retryPrompt: 'Please pick one of the buttons.',
  choices: [
    { value: 'Send for approval', synonyms: ['yes', 'oui', 'はい'] },
    { value: 'Cancel', synonyms: ['no', 'non'] },
  ],
};

/** A conversation whose every turn continues the question, or starts it; answers are reported as text. */
function conversation(question: ChoiceQuestion | TextQuestion, options: QuestionOptions): TestAdapter {
  const state = new ConversationState(new MemoryStorage());
  const dialogs = new DialogSet(state.createProperty('dialogState'));
  dialogs.add(question);
  return new TestAdapter(async (context) => {
    const dc = await dialogs.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(question.id, options);
    else if (result.status === DialogTurnStatus.complete) await context.sendActivity(`answer: ${JSON.stringify(result.result)}`);
    await state.saveChanges(context);
  });
}

const buttons = (activity: Partial<Activity>) => activity.suggestedActions?.actions.map((action) => `${action.type}:${action.value}`);

describe('ChoiceQuestion', () => {
  it('offers the choices as suggested-action buttons that send their value back', async () => {
    await conversation(new ChoiceQuestion('confirm'), CONFIRM)
      .send('hi')
      .assertReply((activity) => {
        assert.equal(activity.text, 'Send it?');
        assert.equal(activity.inputHint, 'expectingInput');
        assert.deepEqual(buttons(activity), ['imBack:Send for approval', 'imBack:Cancel']);
      });
  });

  const understood: readonly (readonly [string, number])[] = [
    ['Send for approval', 0], // the button itself
    ['cancel', 1],
    ['oui', 0], // a synonym
    ['no thanks', 1], // a synonym inside the answer
    ['2', 1], // a position
    ['the first one', 0],
    ['二番目', 1],
  ];
  for (const [answer, index] of understood) {
    it(`understands ${JSON.stringify(answer)} as choice ${index}`, async () => {
      await conversation(new ChoiceQuestion('confirm'), CONFIRM)
        .send('hi')
        .assertReply('Send it?')
        .send(answer)
        .assertReply((activity) => {
          const found = JSON.parse(String(activity.text).replace(/^answer: /, '')) as { value: string; index: number };
          assert.equal(found.index, index);
          assert.equal(found.value, CONFIRM.choices?.[index]?.value);
        });
    });
  }

  for (const answer of ['maybe', '3', '']) {
    it(`asks again, with the buttons, after ${JSON.stringify(answer)}`, async () => {
      await conversation(new ChoiceQuestion('confirm'), CONFIRM)
        .send('hi')
        .assertReply('Send it?')
        .send(answer)
        .assertReply((activity) => {
          assert.equal(activity.text, 'Please pick one of the buttons.');
          assert.deepEqual(buttons(activity), ['imBack:Send for approval', 'imBack:Cancel']);
        })
        .send('yes')
        .assertReply((activity) => assert.match(String(activity.text), /"index":0/));
    });
  }
});

describe('TextQuestion', () => {
  it('asks, and takes any text as the answer', async () => {
    await conversation(new TextQuestion('who'), { prompt: 'Who is it for?' })
      .send('hi')
      .assertReply((activity) => {
        assert.equal(activity.text, 'Who is it for?');
        assert.equal(activity.suggestedActions, undefined);
      })
      .send('Alice Anders')
      .assertReply('answer: "Alice Anders"');
  });

  it('asks again when a message carries no text (an attachment only)', async () => {
    await conversation(new TextQuestion('who'), { prompt: 'Who is it for?' })
      .send('hi')
      .assertReply('Who is it for?')
      .send({ type: 'message', attachments: [{ contentType: 'image/png', contentUrl: 'https://example.invalid/a.png' }] })
      .assertReply('Who is it for?')
      .send('Megan')
      .assertReply('answer: "Megan"');
  });
});
