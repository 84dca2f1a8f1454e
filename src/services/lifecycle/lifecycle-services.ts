/**
 * The request's life after submission, composed: one durable scheduler over the bot's storage, the provisioning
 * follow-up and the approval timers registered on it, and the notifier wrapper that feeds them.
 */
import type { Storage } from 'botbuilder';
import type { Logger } from '../../logger';
import type { LicenseRequest } from '../../domain/request';
import type { AuditLog, Clock, Directory, RequestNotifier, RequestStore } from '../../ports';
import { ApprovalEscalation, type WaitingCardDelivery } from './approval-escalation';
import { ApprovalExpiry } from './approval-expiry';
import { ApprovalReminder } from './approval-reminder';
import { LicenceEnd, type LicenceEndDependencies } from './licence-end';
import { LifecycleNotifier, type LifecycleListener } from './lifecycle-notifier';
import type { PersonMessenger } from './person-messenger';
import { ProvisioningFollowUp } from './provisioning-follow-up';
import type { ProvisioningSource } from './provisioning-reader';
import { LifecycleScheduler } from './scheduler';

export interface LifecycleSettings {
  /** How often the timer looks for due items. */
  readonly tickIntervalMs: number;
  readonly firstCheckMs: number;
  readonly reminderMs: number;
  /** A pending request also goes to the fallback approver group after this long. Default 48 hours. */
  readonly escalationMs?: number;
  /** A pending request is closed as expired after this long. Default 7 days. */
  readonly expiryMs?: number;
}

/** What the approval timers need that exists only once the request notifier is built. */
export interface ApprovalTimeoutDependencies {
  readonly notifier: RequestNotifier;
  readonly cards: WaitingCardDelivery;
  readonly directory: Pick<Directory, 'listGroupMembers'>;
  readonly approverGroupId: string | undefined;
}

const HOUR = 3_600_000;

export interface LifecycleDependencies {
  readonly storage: Storage;
  readonly requests: RequestStore;
  readonly audit: AuditLog;
  readonly provisioning: ProvisioningSource;
  readonly messenger: PersonMessenger;
  readonly clock: Clock;
  readonly log: Logger;
}

export class LifecycleServices implements LifecycleListener {
  readonly scheduler: LifecycleScheduler;
  readonly followUp: ProvisioningFollowUp;
  readonly reminder: ApprovalReminder;
  private readonly extraListeners: LifecycleListener[] = [];

  constructor(
    private readonly deps: LifecycleDependencies,
    private readonly settings: LifecycleSettings,
  ) {
    this.scheduler = new LifecycleScheduler(deps.storage, deps.clock, { log: deps.log });
    this.followUp = new ProvisioningFollowUp({ ...deps, scheduler: this.scheduler }, { firstCheckMs: settings.firstCheckMs });
    this.reminder = new ApprovalReminder({ ...deps, scheduler: this.scheduler }, settings.reminderMs);
  }

  /** Listeners built after the notifier exists (the approval timers need the notifier themselves). */
  addListener(listener: LifecycleListener): void {
    this.extraListeners.push(listener);
  }

  /** Escalation and expiry: they update cards and tell people through the (wrapped) request notifier. */
  attachApprovalTimeouts(timeouts: ApprovalTimeoutDependencies): { escalation: ApprovalEscalation; expiry: ApprovalExpiry } {
    const common = { scheduler: this.scheduler, requests: this.deps.requests, audit: this.deps.audit, notifier: timeouts.notifier };
    const escalation = new ApprovalEscalation(
      { ...common, cards: timeouts.cards, messenger: this.deps.messenger, directory: timeouts.directory, approverGroupId: timeouts.approverGroupId },
      this.settings.escalationMs ?? 48 * HOUR,
    );
    const expiry = new ApprovalExpiry(common, this.settings.expiryMs ?? 7 * 24 * HOUR);
    this.addListener(escalation);
    this.addListener(expiry);
    return { escalation, expiry };
  }

  /** Time-bound licences: removed at their end through the workflow, which exists only after the notifier. */
  attachLicenceEnd(workflow: Pick<LicenceEndDependencies, 'facts' | 'fulfil' | 'admins' | 'askApprovers'>): LicenceEnd {
    const licenceEnd = new LicenceEnd({ ...workflow, scheduler: this.scheduler, requests: this.deps.requests, audit: this.deps.audit, messenger: this.deps.messenger, clock: this.deps.clock });
    this.addListener(licenceEnd);
    return licenceEnd;
  }

  wrap(notifier: RequestNotifier, log: Logger): RequestNotifier {
    return new LifecycleNotifier(notifier, this, log);
  }

  async approvalRequested(request: LicenseRequest): Promise<void> {
    await this.reminder.approvalRequested(request);
    for (const listener of this.extraListeners) await listener.approvalRequested(request);
  }

  async requestChanged(request: LicenseRequest): Promise<void> {
    await this.followUp.requestCompleted(request);
    for (const listener of this.extraListeners) await listener.requestChanged(request);
  }

  /** Runs what is due now (tests call this with their own clock). */
  tick(now?: Date): Promise<number> {
    return this.scheduler.tick(now);
  }

  start(): void {
    this.scheduler.start(this.settings.tickIntervalMs);
  }

  stop(): Promise<void> {
    return this.scheduler.stop();
  }
}
