// Notifications (CONTRACT §7): `notify(type, subject)` turns an event into one queued delivery per
// configured target (webhook body or Slack message fixed at that moment) and wakes the worker.
// It never throws and never waits for a receiver: callers fire it and go on. Release status
// changes arrive through onStatus (the tracker calls it after each change is stored); manual
// actions (lock, unlock, approvals) call notify directly.
import { randomUUID } from 'node:crypto';
import type { DeliveryRepository, DeliveryRow, NewDelivery } from '../repositories/delivery-repository.js';
import type { ServiceLog } from '../services.js';
import type { NotificationTarget } from '../settings/server-settings.js';
import { DeliveryWorker, type DeliveryWorkerOptions } from './delivery-worker.js';
import type { Notification, NotificationType } from './notification.js';
import { notificationTypeForStatus } from './notification-type-for-status.js';
import { slackMessage } from './slack-message.js';
import { webhookBody } from './webhook-body.js';

type Awaitable<T> = T | Promise<T>;

interface ProjectFacts {
  id: string;
  name: string;
  lockReason: string | null;
  lockBy: string | null;
  lockSince: string | null;
  lockAutomatic: boolean;
  createdAt: string;
}

interface ReleaseFacts {
  id: string;
  projectId: string;
  kind: string;
  dryRun: boolean;
  version: string | null;
  previousVersion: string | null;
  status: string;
  actor: string;
  reason: string | null;
  rollbackOf: string | null;
  error: { message: string } | null;
}

export interface NotifySubject {
  projectId: string;
  releaseId?: string | null | undefined;
  /** Why, in one sentence: the error, the rollback or cancel reason, the lock reason. */
  reason?: string | null | undefined;
  /** Who did it, for manual actions. */
  actor?: string | null | undefined;
}

export interface NotifierOptions extends Pick<DeliveryWorkerOptions, 'backoffMs' | 'timeoutMs' | 'clock'> {
  deliveries: DeliveryRepository;
  projects: { get(id: string): Awaitable<ProjectFacts | undefined> };
  releases: { get(id: string): Awaitable<ReleaseFacts | undefined> };
  /** Where a project's notifications go (the settings' `notifications`, per project). */
  targetsFor: (project: { id: string; name: string }) => NotificationTarget[];
  log: ServiceLog;
}

export class Notifier {
  /** The dashboard's origin for links (the public URL, else the address the server listens on). */
  linkBase: () => string | null = () => null;
  private readonly worker: DeliveryWorker;

  constructor(private readonly options: NotifierOptions) {
    this.worker = new DeliveryWorker({ ...options, targetOf: (row) => this.targetOf(row) });
  }

  get maxAttempts(): number {
    return this.worker.maxAttempts;
  }

  start(): Promise<void> {
    return this.worker.start();
  }

  stop(): Promise<void> {
    return this.worker.stop();
  }

  /** Queues the notification for every target of the project. Never throws, never waits for a receiver. */
  async notify(type: NotificationType, subject: NotifySubject): Promise<void> {
    try {
      const project = await this.options.projects.get(subject.projectId);
      if (!project) return;
      const targets = this.options.targetsFor(project);
      if (targets.length === 0) return;
      const release = subject.releaseId ? ((await this.options.releases.get(subject.releaseId)) ?? null) : null;
      const notification = this.notification(type, project, release, subject);
      const createdAt = new Date().toISOString();
      const rows: NewDelivery[] = targets.map((target) => ({
        id: randomUUID(),
        projectId: project.id,
        releaseId: release?.id ?? null,
        type,
        targetKind: target.kind,
        targetName: target.name,
        status: 'pending',
        attempts: 0,
        nextAttemptAt: createdAt,
        createdAt,
        body: JSON.stringify(target.kind === 'slack' ? slackMessage(notification) : webhookBody(notification)),
      }));
      await this.options.deliveries.insert(rows);
      this.worker.wake();
    } catch (error) {
      this.options.log.error({ err: error, type, projectId: subject.projectId }, 'could not queue a notification');
    }
  }

  /** A release's status was stored: notify when the change is one of CONTRACT §7's types. Returns at once. */
  onStatus(releaseId: string, from: string, to: string, reason?: string | null): void {
    void this.statusChanged(releaseId, from, to, reason).catch((error: unknown) => this.options.log.error({ err: error, releaseId }, 'could not queue a notification'));
  }

  private async statusChanged(releaseId: string, from: string, to: string, reason?: string | null): Promise<void> {
    const release = await this.options.releases.get(releaseId);
    const type = release ? notificationTypeForStatus(release, from, to) : null;
    if (!release || type === null) return;
    // a manual rollback's reason is the person's, not the engine's "production runs vX"; a
    // cancel's status reason already names who cancelled and why (core words it)
    const why = release.kind === 'rollback' && release.reason ? release.reason : reason;
    await this.notify(type, { projectId: release.projectId, releaseId, reason: why ?? null, actor: release.kind === 'rollback' ? release.actor : null });
  }

  /** "Send again": queues a delivered or failed delivery once more (same id, same body). */
  async redeliver(id: string): Promise<boolean> {
    const queued = await this.options.deliveries.requeue(id, new Date().toISOString());
    if (queued) this.worker.wake();
    return queued;
  }

  private notification(type: NotificationType, project: ProjectFacts, release: ReleaseFacts | null, subject: NotifySubject): Notification {
    const base = this.linkBase()?.replace(/\/+$/, '') ?? '';
    const lock = project.lockReason === null ? null : { reason: project.lockReason, by: project.lockBy ?? 'someone', since: project.lockSince ?? project.createdAt, automatic: project.lockAutomatic };
    const reason = subject.reason ?? release?.reason ?? release?.error?.message ?? (type.startsWith('project.') ? (lock?.reason ?? null) : null);
    return {
      type,
      at: new Date().toISOString(),
      project: { id: project.id, name: project.name, ...(type.startsWith('project.') ? { lock } : {}) },
      release: release && {
        id: release.id,
        kind: release.kind,
        version: release.version,
        previousVersion: release.previousVersion,
        status: release.status,
        actor: release.actor,
        reason: release.reason,
      },
      url: release ? `${base}/releases/${encodeURIComponent(release.id)}` : `${base}/projects/${encodeURIComponent(project.id)}`,
      reason,
      actor: subject.actor ?? null,
    };
  }

  private async targetOf(row: DeliveryRow): Promise<NotificationTarget | null> {
    const project = await this.options.projects.get(row.projectId);
    if (!project) return null;
    return this.options.targetsFor(project).find((t) => t.kind === row.targetKind && t.name === row.targetName) ?? null;
  }
}
