/**
 * The baseline of the benchmarks: a bare botbuilder echo bot as Microsoft's samples write it (CloudAdapter +
 * restify + ActivityHandler, replying with the text), with the same /healthz as License Desk. Run as its own
 * process: `PORT=… node dist/test/bench/echo-bot.js`.
 */
import { ActivityHandler } from 'botbuilder';
import { serveBaselineBot } from './baseline-server';

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(context.activity.text ?? '');
      await next();
    });
  }
}

serveBaselineBot('echo-bot', new EchoBot());
