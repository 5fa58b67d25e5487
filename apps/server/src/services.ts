// Everything the routes and the release runner share, built once per app.
import type { Db } from './db/open-database.js';
import type { Engine } from './engine.js';
import type { Notifier } from './notifications/notifier.js';
import type { CloneManager } from './projects/clone-manager.js';
import type { EventLog } from './releases/event-log.js';
import type { ReleaseTracker } from './releases/release-tracker.js';
import type { EventRepository } from './repositories/event-repository.js';
import type { ProjectRepository } from './repositories/project-repository.js';
import type { ReleaseRepository } from './repositories/release-repository.js';
import type { ReportRepository } from './repositories/report-repository.js';
import type { ApprovalRepository } from './repositories/approval-repository.js';
import type { ApiTokenRepository } from './repositories/api-token-repository.js';
import type { DeliveryRepository } from './repositories/delivery-repository.js';
import type { AuditRepository } from './repositories/audit-repository.js';
import type { OidcLoginRepository } from './repositories/oidc-login-repository.js';
import type { SessionRepository } from './repositories/session-repository.js';
import type { UserRepository } from './repositories/user-repository.js';
import type { ServerSettings } from './settings/server-settings.js';

export interface ServiceLog {
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
}

export interface RunningRelease {
  tracker: ReleaseTracker;
  abort: AbortController;
  done: Promise<void>;
}

export interface Services {
  dataDir: string;
  db: Db;
  projects: ProjectRepository;
  releases: ReleaseRepository;
  events: EventRepository;
  reports: ReportRepository;
  sessions: SessionRepository;
  users: UserRepository;
  oidcLogins: OidcLoginRepository;
  audit: AuditRepository;
  apiTokens: ApiTokenRepository;
  deliveries: DeliveryRepository;
  /** Queues and sends notifications (CONTRACT §7); never blocks a caller. */
  notifier: Notifier;
  approvals: ApprovalRepository;
  eventLog: EventLog;
  engine: Engine;
  clones: CloneManager;
  /** Releases whose engine run lives in this process. */
  running: Map<string, RunningRelease>;
  /** Environment handed to the engine. */
  env: Record<string, string | undefined>;
  log: ServiceLog;
  /** The settings file the server started with (NO_SETTINGS without one): guardrailsFor(settings, project). */
  settings: ServerSettings;
}
