/**
 * Composition root: config → Graph (emulator in demo mode, or a credential) → state → services →
 * dialogs → bot → server. Returned handles let tests and `npm start` stop everything cleanly.
 */
import { DefaultAzureCredential } from '@azure/identity';
import { ConversationState } from 'botbuilder';
import { LicenseRequestDialog } from '../dialogs/license-request-dialog';
import type { AppConfig, GroupSettings } from './config';
import type * as DemoGraph from './demo-graph';
import { AdminCommands } from './bot/admin/admin-commands';
import { AdminGate } from './bot/admin/admin-gate';
import { BulkCardNotifier } from './bot/admin/bulk-job-notifier';
import { FileExports } from './bot/admin/file-exports';
import { ProactiveSender } from './bot/proactive-sender';
import { CachedConversationDirectory } from './bot/cached-conversations';
import { CardActionHandler } from './bot/card-action-handler';
import { turnErrorHandler } from './bot/turn-error';
import { LicenseDeskBot } from './bot/license-desk-bot';
import { QuestionAnswerer } from './bot/question-answerer';
import { StrictBotFrameworkAuthentication } from './bot/strict-authentication';
import { LicenseDeskAdapter } from './bot/license-desk-adapter';
import { ProactiveNotifier } from './bot/proactive-notifier';
import { CachedDirectory } from './graph/cached-directory';
import { createGraphClient } from './graph/graph-client';
import { GraphBatch } from './graph/graph-batch';
import { GraphDirectory } from './graph/graph-directory';
import { createLogger, type Logger } from './logger';
import type { Clock } from './ports';
import { createServer, listen } from './server';
import { ApprovalWorkflow } from './services/approval-workflow';
import { BulkJobService } from './services/bulk/bulk-jobs';
import { BulkJobStore } from './services/bulk/bulk-job-store';
import { LicenseFactsReader } from './services/license-facts';
import { PeopleFinder } from './services/people-finder';
import { LifecycleServices } from './services/lifecycle/lifecycle-services';
import type { LicenceEnd } from './services/lifecycle/licence-end';
import { ProactiveMessenger } from './services/lifecycle/person-messenger';
import { ProvisioningReader } from './services/lifecycle/provisioning-reader';
import { openState } from './storage/open-state-for-config';
import { PersonWriteLeases } from './storage/person-write-lease';

export interface RunningLicenseDesk {
  readonly port: number;
  readonly url: string;
  readonly graphBaseUrl: string;
  readonly graphDescription: string;
  readonly workflow: ApprovalWorkflow;
  /** Follow-ups, reminders and expiries; tests call lifecycle.tick(now) with their own clock. */
  readonly lifecycle: LifecycleServices;
  close(): Promise<void>;
}

export interface StartOptions {
  readonly log?: Logger;
  readonly clock?: Clock;
}

const systemClock: Clock = { now: () => new Date() };

export async function startLicenseDesk(config: AppConfig, options: StartOptions = {}): Promise<RunningLicenseDesk> {
  const log = options.log ?? createLogger(config.logLevel);
  const clock = options.clock ?? systemClock;
  const closers: (() => Promise<void>)[] = [];

  const graph = await connectGraph(config);
  closers.push(graph.close);
  const groups: GroupSettings = graph.demoGroups ? { ...graph.demoGroups, ...definedOnly(config.groups) } : config.groups;
  const homeTenantId = config.homeTenantId ?? graph.tenantId;
  if (!homeTenantId) throw new Error('The tenant the bot serves is unknown: set HOME_TENANT_ID.');
  if (config.anonymous && config.graph.kind === 'credential') {
    log.warn('ALLOW_ANONYMOUS_LOCAL: Bot Framework tokens are NOT checked; unsigned requests on loopback can change licences in the real tenant', {
      host: config.host,
      homeTenantId,
    });
  }

  const opened = await openState(config);
  log.info('state opened', { state: opened.description });
  // Every message remembers its sender: unchanged entries are not written again (see cached-conversations.ts).
  const state = { ...opened, conversations: new CachedConversationDirectory(opened.conversations) };
  closers.push(() => state.close());

  const graphClientOptions = { ...graph.clientOptions, timeoutMs: config.graphTimeoutMs };
  const graphDirectory = new GraphDirectory(createGraphClient(graphClientOptions));
  // Chat turns reuse Graph's slow-changing answers (seats, memberships); the bulk engine reads seats itself.
  const directory = new CachedDirectory(graphDirectory);
  const facts = new LicenseFactsReader(directory, { onPremPstnGroupId: groups.onPremPstnGroupId });
  const adapter = new LicenseDeskAdapter(
    new StrictBotFrameworkAuthentication({
      MicrosoftAppId: config.bot.appId ?? '',
      MicrosoftAppPassword: config.bot.appPassword ?? '',
      MicrosoftAppType: config.bot.appType ?? (config.bot.appId ? 'MultiTenant' : ''),
      MicrosoftAppTenantId: config.bot.appTenantId ?? '',
    }),
  );
  const conversationState = new ConversationState(state.storage);
  adapter.onTurnError = turnErrorHandler(conversationState, log);

  const sender = new ProactiveSender(adapter, config.bot.appId ?? '', state.conversations);
  const lifecycle = new LifecycleServices(
    {
      storage: state.storage,
      requests: state.requests,
      audit: state.audit,
      provisioning: new ProvisioningReader(createGraphClient(graph.clientOptions)),
      messenger: new ProactiveMessenger(sender, state.conversations, directory),
      clock,
      log,
    },
    config.lifecycle,
  );
  const proactiveNotifier = new ProactiveNotifier({
    sender,
    conversations: state.conversations,
    cards: state.cards,
    requests: state.requests,
    directory,
    facts,
    log,
  });
  const notifier = lifecycle.wrap(proactiveNotifier, log);
  lifecycle.attachApprovalTimeouts({ notifier, cards: proactiveNotifier, directory, approverGroupId: groups.approverGroupId });
  let licenceEnd: LicenceEnd | undefined;
  const workflow = new ApprovalWorkflow({
    directory,
    facts,
    requests: state.requests,
    audit: state.audit,
    notifier,
    clock,
    approverGroupId: groups.approverGroupId,
    cards: state.cards,
    assignmentLeaseMs: config.assignment.leaseMs,
    log,
    // Leases are about real time between processes, whatever clock requests are dated by (tests move theirs by days).
    personWrites: new PersonWriteLeases(state.storage, config.assignment.leaseMs, systemClock),
    // Bound below: the licence end is attached to the lifecycle once the workflow exists.
    timeBoundGrants: (tenantId, targetId) => licenceEnd?.grantsInForce(tenantId, targetId) ?? Promise.resolve([]),
  });
  licenceEnd = lifecycle.attachLicenceEnd({
    facts,
    fulfil: (requestId) => workflow.fulfil(requestId),
    admins: async () =>
      groups.adminGroupId ? (await graphDirectory.listGroupMembers(groups.adminGroupId)).map((member) => ({ id: member.id, displayName: member.displayName })) : [],
    askApprovers: (request) => notifier.approvalRequested(request),
  });
  const exports = new FileExports(state.storage, sender, log);
  const bulkNotifier = new BulkCardNotifier(sender, state.conversations, exports, log);
  const bulk = new BulkJobService({
    bulk: new GraphBatch(createGraphClient(graphClientOptions)),
    directory: graphDirectory,
    store: new BulkJobStore(state.storage),
    audit: state.audit,
    notifier: bulkNotifier,
    clock,
    approverGroupId: groups.approverGroupId,
    hybridGroupId: groups.onPremPstnGroupId,
    onError: (message, fields) => log.error(message, fields),
  });
  const people = new PeopleFinder(directory);
  // The gate remembers admin rights for its own documented time; a second cache under it would stretch that.
  const gate = new AdminGate(graphDirectory, groups.adminGroupId, clock);
  const commands = new AdminCommands({
    directory,
    facts,
    workflow,
    requests: state.requests,
    audit: state.audit,
    notifier,
    people,
    bulk,
    bulkNotifier,
    sender,
    exports,
    gate,
    storage: state.storage,
    cards: state.cards,
    clock,
    log,
    adminCanSkipApproval: config.adminCanSkipApproval,
  });
  const bot = new LicenseDeskBot({
    homeTenantId,
    conversationState,
    requestDialog: new LicenseRequestDialog({ people, facts, workflow, clock }),
    conversations: state.conversations,
    cardActions: new CardActionHandler(workflow, state.requests, state.conversations),
    commands,
    questions: new QuestionAnswerer({ people, facts, directory, approverGroupId: groups.approverGroupId, isAdmin: (userId) => gate.isAdmin(userId) }),
    onFirstPersonalContact: (tenantId, personId) => proactiveNotifier.deliverWaitingCards(tenantId, personId),
    clock,
    log,
  });

  const server = createServer({
    adapter,
    handleTurn: (context) => bot.run(context),
    health: async () => ({ graph: graph.description }),
    tokensRequired: !config.anonymous,
    log,
  });
  const port = await listen(server, config.port, config.host);
  closers.push(async () => {
    workflow.stopRecovery();
    server.close();
    await workflow.idle();
  });
  // Runs first on close: bulk runs store their progress before the server and the state close.
  closers.push(async () => {
    await commands.idle();
    await bulk.stop();
  });
  // Runs before the server and state close: a tick in progress finishes first.
  closers.push(() => lifecycle.stop());
  lifecycle.start();
  const resumed = await workflow.resumeUnfinished();
  if (resumed > 0) log.info('resuming approved requests left unfinished', { count: resumed });
  workflow.startRecovery(config.assignment.recoveryIntervalMs);
  const resumedJobs = await bulk.resumeUnfinished();
  if (resumedJobs > 0) log.info('resuming bulk jobs left unfinished', { count: resumedJobs });

  return {
    port,
    url: `http://127.0.0.1:${port}`,
    graphBaseUrl: graph.clientOptions.baseUrl,
    graphDescription: graph.description,
    workflow,
    lifecycle,
    close: async () => {
      for (const close of closers.reverse()) await close().catch((error: unknown) => log.warn('close failed', { error: String(error) }));
    },
  };
}

interface ConnectedGraph {
  clientOptions: Parameters<typeof createGraphClient>[0];
  description: string;
  /** In demo mode, the demo tenant's groups (configuration still wins where set). */
  demoGroups?: GroupSettings;
  /** In demo mode, the demo tenant's id. */
  tenantId?: string;
  close(): Promise<void>;
}

async function connectGraph(config: AppConfig): Promise<ConnectedGraph> {
  switch (config.graph.kind) {
    case 'demo': {
      const emulator = await loadDemoGraph().startDemoGraph(config.graph.tenantFile);
      return { clientOptions: { baseUrl: emulator.url }, description: `demo tenant emulator at ${emulator.url}`, demoGroups: emulator.groups, tenantId: emulator.tenantId, close: () => emulator.close() };
    }
    case 'anonymous':
      return { clientOptions: { baseUrl: config.graph.baseUrl }, description: `${config.graph.baseUrl} (no token)`, close: async () => undefined };
    case 'credential':
      return {
        clientOptions: { baseUrl: config.graph.baseUrl, credential: new DefaultAzureCredential() },
        description: config.graph.baseUrl,
        close: async () => undefined,
      };
  }
}

/** Loaded in demo mode only: a process that calls an external Graph never holds the emulator's code. */
function loadDemoGraph(): typeof DemoGraph {
  return require('./demo-graph') as typeof DemoGraph;
}

function definedOnly(groups: GroupSettings): Partial<GroupSettings> {
  return Object.fromEntries(Object.entries(groups).filter(([, value]) => value !== undefined));
}
