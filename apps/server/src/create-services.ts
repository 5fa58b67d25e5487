// Opens the database in the data dir and wires repositories, event log, clones and engine.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AppOptions } from './app.js';
import { openDatabase } from './db/open-database.js';
import { loadEngine } from './engine.js';
import { createCloneManager } from './projects/clone-manager.js';
import { EventLog } from './releases/event-log.js';
import { createEventRepository } from './repositories/event-repository.js';
import { createProjectRepository } from './repositories/project-repository.js';
import { createReleaseRepository } from './repositories/release-repository.js';
import { createReportRepository } from './repositories/report-repository.js';
import { createApprovalRepository } from './repositories/approval-repository.js';
import { createApiTokenRepository } from './repositories/api-token-repository.js';
import { createAuditRepository } from './repositories/audit-repository.js';
import { createOidcLoginRepository } from './repositories/oidc-login-repository.js';
import { createSessionRepository } from './repositories/session-repository.js';
import { createUserRepository } from './repositories/user-repository.js';
import type { ServiceLog, Services } from './services.js';
import { Notifier } from './notifications/notifier.js';
import { createDeliveryRepository } from './repositories/delivery-repository.js';
import { guardrailsFor } from './settings/guardrails-for.js';
import { NO_SETTINGS } from './settings/server-settings.js';

export async function createServices(log: ServiceLog, options: AppOptions): Promise<Services> {
  mkdirSync(options.dataDir, { recursive: true });
  const db = openDatabase(join(options.dataDir, 'shipgate.db'));
  const events = createEventRepository(db);
  // the engine and the commands it runs never see the API tokens or the settings file's secrets
  const { SHIPGATE_TOKEN: _deployer, SHIPGATE_VIEWER_TOKEN: _viewer, ...env } = options.env ?? process.env;
  for (const name of options.settings?.secretEnvs ?? []) delete env[name];
  const projects = createProjectRepository(db);
  const releases = createReleaseRepository(db);
  const deliveries = createDeliveryRepository(db);
  const settings = options.settings ?? NO_SETTINGS;
  const notifier = new Notifier({ deliveries, projects, releases, targetsFor: (project) => guardrailsFor(settings, project).notifications, log, ...options.notifications });
  return {
    dataDir: options.dataDir,
    db,
    projects,
    releases,
    events,
    reports: createReportRepository(db),
    sessions: createSessionRepository(db),
    users: createUserRepository(db),
    oidcLogins: createOidcLoginRepository(db),
    audit: createAuditRepository(db),
    apiTokens: createApiTokenRepository(db),
    deliveries,
    notifier,
    approvals: createApprovalRepository(db),
    eventLog: new EventLog(events, (error) => log.error({ err: error }, 'could not store or send release events')),
    engine: options.engine ?? (await loadEngine()),
    clones: createCloneManager(options.dataDir),
    running: new Map(),
    env,
    log,
    settings,
  };
}
