/**
 * The CommandHandler the bot asks before the licence-request dialog: parses the admin command syntax
 * (command-parser.ts), checks that the sender is in ADMIN_GROUP_ID (admin-gate.ts) — anyone else gets a
 * polite refusal and nothing happens — and routes to the command. In a personal chat, `assign … to …`
 * and `remove … from …` stay with the dialog (it confirms first); there, only --no-approval makes them
 * admin commands. File consent answers (CSV exports) come here too.
 */
import type { TurnContext } from 'botbuilder';
import { translator } from '../../i18n';
import type { Logger } from '../../logger';
import type { Directory } from '../../ports';
import { identityOf, isPersonalConversation } from '../conversation-memory';
import type { CommandHandler } from '../license-desk-bot';
import type { AdminGate } from './admin-gate';
import { showAudit, type AuditDependencies } from './audit-command';
import { bulkButton, startBulk, type BulkCommandDependencies } from './bulk-command';
import { changeLicences, type ChangeDependencies } from './change-command';
import { parseCommand, type Command } from './command-parser';
import { reply, type CommandScope } from './command-scope';
import type { FileConsentAnswer, FileExports } from './file-exports';
import { cancelById, listPending, showStatus, type RequestCommandDependencies } from './request-commands';
import { showSeats } from './seats-command';
import { listMyRequests } from './my-requests';
import { isWaitingForMe, listWaitingForMe } from './waiting-for-me';

export type AdminDependencies = ChangeDependencies &
  RequestCommandDependencies &
  Omit<AuditDependencies, 'directory'> &
  Omit<BulkCommandDependencies, 'inBackground' | 'notifier'> & {
    readonly directory: Directory;
    readonly gate: AdminGate;
    readonly exports: FileExports;
    readonly log: Logger;
  };

/** The parser's commands, and "waiting for me" (the approver's inbox, recognized in every language by waiting-for-me.ts). */
type RoutedCommand = Command | { readonly name: 'waitingForMe' };

/** Commands anyone may send; each checks the sender against the request or job it names. */
const OPEN_TO_EVERYONE = new Set<RoutedCommand['name']>(['help', 'status', 'cancel', 'myRequests', 'waitingForMe']);

export class AdminCommands implements CommandHandler {
  private readonly background = new Set<Promise<void>>();

  constructor(private readonly deps: AdminDependencies) {}

  async tryHandle(context: TurnContext, text: string): Promise<boolean> {
    const command: RoutedCommand | undefined = isWaitingForMe(text) ? { name: 'waitingForMe' } : parseCommand(text);
    if (!command) return false;
    const personal = isPersonalConversation(context.activity);
    const dialogsOwn = command.name === 'assign' || command.name === 'remove' ? !command.noApproval : command.name === 'usage' && (command.command === 'assign' || command.command === 'remove');
    if (personal && dialogsOwn) return false;
    const identity = identityOf(context.activity);
    if (!identity) return false;

    const locale = context.activity.locale ?? null;
    const t = translator(locale);
    let admin: Promise<boolean> | undefined;
    const scope: CommandScope = {
      context,
      t,
      locale,
      personal,
      actor: { id: identity.userId, tenantId: identity.tenantId, displayName: context.activity.from.name ?? identity.userId },
      isAdmin: () => (admin ??= this.deps.gate.isAdmin(identity.userId)),
    };
    const needsAdmin = !OPEN_TO_EVERYONE.has(command.name) && command.name !== 'bulkButton';
    try {
      if (needsAdmin && !(await scope.isAdmin())) {
        await reply(scope, this.deps.gate.configured ? t('admin:refusal', { command: commandWord(command) }) : t('admin:notConfigured'));
        return true;
      }
      await this.run(scope, command);
    } catch (error) {
      this.deps.log.error('admin command failed', { command: command.name, error: String(error), stack: error instanceof Error ? error.stack : undefined });
      await reply(scope, t('admin:error'));
    }
    return true;
  }

  /** A fileConsent/invoke: the person accepted or declined a CSV. */
  async fileConsent(context: TurnContext, answer: FileConsentAnswer): Promise<void> {
    await this.deps.exports.answer(context, answer);
  }

  /** Resolves once the background list checks have finished (shutdown, tests). */
  async idle(): Promise<void> {
    while (this.background.size > 0) await Promise.allSettled([...this.background]);
  }

  private async run(scope: CommandScope, command: RoutedCommand): Promise<void> {
    const bulkDeps: BulkCommandDependencies = { ...this.deps, notifier: this.deps.bulkNotifier, inBackground: (work) => this.inBackground(work) };
    switch (command.name) {
      case 'help':
        return this.help(scope);
      case 'seats':
        return showSeats(scope, this.deps.directory);
      case 'pending':
        return listPending(scope, this.deps);
      case 'myRequests':
        return listMyRequests(scope, this.deps);
      case 'waitingForMe':
        return listWaitingForMe(scope, this.deps);
      case 'status':
        return showStatus(scope, this.deps, command.id);
      case 'cancel':
        return cancelById(scope, this.deps, command.id);
      case 'audit':
        return showAudit(scope, this.deps, command.argument);
      case 'assign':
      case 'remove':
        return changeLicences(scope, this.deps, { action: command.name, licences: command.licences, users: command.users, noApproval: command.noApproval });
      case 'bulk':
        return startBulk(scope, bulkDeps, command);
      case 'bulkButton':
        return bulkButton(scope, bulkDeps, command);
      case 'usage':
        return reply(scope, scope.t(`admin:usage.${command.command}`));
    }
  }

  /** In a channel: what the bot does and every command; in the personal chat: the requester's help, plus the commands for admins. */
  private async help(scope: CommandScope): Promise<void> {
    const { t } = scope;
    const commands = t('admin:help.commands');
    if (!scope.personal) {
      const note = (await scope.isAdmin()) ? '' : `\n\n${t('admin:help.adminsOnly')}`;
      return reply(scope, `${t('admin:help.intro')}\n\n${commands}${note}`);
    }
    const adminPart = (await scope.isAdmin()) ? `\n\n${t('admin:help.personalAdmin')}\n\n${commands}` : '';
    await reply(scope, `${t('replies:help')}${adminPart}`);
  }

  private inBackground(work: () => Promise<void>): void {
    const task = work().finally(() => this.background.delete(task));
    this.background.add(task);
  }
}

function commandWord(command: RoutedCommand): string {
  if (command.name === 'usage') return command.command;
  if (command.name === 'bulkButton') return 'bulk';
  return command.name;
}
