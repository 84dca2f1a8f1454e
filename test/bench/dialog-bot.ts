/**
 * The second baseline of bench:turns: what License Desk's chat turns cost in the framework alone. A botbuilder bot
 * with the machinery License Desk's request dialog rests on — ConversationState on the same embedded SQLite storage
 * (write-ahead log), a DialogSet, a component dialog with a waterfall, and the dialogs' choice question — but no
 * Graph, no parser, no rules, no translations: a message starts the dialog, which replies with a summary of the same
 * length as License Desk's and the same two buttons; the answer ends it with one reply, as "No" does in License Desk.
 * Run as its own process: `PORT=… DATA_DIR=… node dist/test/bench/dialog-bot.js`.
 */
import path from 'node:path';
import { ActivityHandler, ConversationState } from 'botbuilder';
import type { DialogState, WaterfallStepContext } from 'botbuilder-dialogs';
import { ComponentDialog, DialogSet, DialogTurnStatus, WaterfallDialog } from '../../dialogs/dialog-library';
import { ChoiceQuestion } from '../../dialogs/questions';
import { SqliteStorage } from '../../src/storage/sqlite-storage';
import { serveBaselineBot } from './baseline-server';

/** License Desk's summary of "give Alice Anders a calling plan", word for word. */
const SUMMARY =
  'Here is the request for Alice Anders (alice.anders@fabrikam.example):\n\nLicences to assign: Phone System, Domestic Calling Plan\n\n' +
  '- Phone System was added to the request because Domestic Calling Plan only works with Phone System.\n\nShall I send this for approval?';
const CONFIRM = 'confirm';

class RequestLikeDialog extends ComponentDialog {
  constructor() {
    super('request');
    this.addDialog(new ChoiceQuestion(CONFIRM));
    this.addDialog(new WaterfallDialog('flow', [this.ask.bind(this), this.answer.bind(this)]));
    this.initialDialogId = 'flow';
  }

  private async ask(step: WaterfallStepContext) {
    return step.prompt(CONFIRM, {
      prompt: SUMMARY,
      retryPrompt: 'Please choose one of the buttons.',
      choices: [
        { value: 'Send for approval', synonyms: ['yes', 'y', 'ok', 'oui', 'はい', '是', '确认', '確認', 'confirm'] },
        { value: 'Cancel', synonyms: ['no', 'n', 'non', 'いいえ', '否', '取消', 'cancel', 'annuler'] },
      ],
    });
  }

  private async answer(step: WaterfallStepContext) {
    await step.context.sendActivity('OK, I have not sent anything.');
    return step.endDialog();
  }
}

class DialogBot extends ActivityHandler {
  private readonly dialogs: DialogSet;

  constructor(private readonly state: ConversationState) {
    super();
    this.dialogs = new DialogSet(state.createProperty<DialogState>('dialogState'));
    this.dialogs.add(new RequestLikeDialog());
    this.onMessage(async (context, next) => {
      const dc = await this.dialogs.createContext(context);
      const result = await dc.continueDialog();
      if (result.status === DialogTurnStatus.empty) await dc.beginDialog('request');
      await next();
    });
  }

  override async run(context: Parameters<ActivityHandler['run']>[0]): Promise<void> {
    await super.run(context);
    await this.state.saveChanges(context, false);
  }
}

const storage = SqliteStorage.open(path.join(process.env.DATA_DIR ?? '.', 'dialog-bot.sqlite'));
serveBaselineBot('dialog-bot', new DialogBot(new ConversationState(storage)), () => storage.close());
