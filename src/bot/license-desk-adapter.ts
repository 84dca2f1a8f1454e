/**
 * CloudAdapter with its HTTP answer left to the server: CloudAdapter.process answers any failure with 500 and the
 * error's own text as the body (a DNS error while fetching signing keys, a stack's message), and parses the body
 * with its own schema, which throws on shapes such as `{}`. The server checks the activity's shape itself and maps
 * failures to status codes without internal text (src/server.ts).
 */
import { CloudAdapter, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';

export class LicenseDeskAdapter extends CloudAdapter {
  /** Authenticates (when an app id is set) and runs the turn; returns the invoke response, if any. */
  handle(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }
}
