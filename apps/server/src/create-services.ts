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
import { createSessionRepository } from './repositories/session-repository.js';
import type { ServiceLog, Services } from './services.js';

export async function createServices(log: ServiceLog, options: AppOptions): Promise<Services> {
  mkdirSync(options.dataDir, { recursive: true });
  const db = openDatabase(join(options.dataDir, 'shipgate.db'));
  const events = createEventRepository(db);
  // the engine and the commands it runs never see the API tokens
  const { SHIPGATE_TOKEN: _deployer, SHIPGATE_VIEWER_TOKEN: _viewer, ...env } = options.env ?? process.env;
  return {
    dataDir: options.dataDir,
    db,
    projects: createProjectRepository(db),
    releases: createReleaseRepository(db),
    events,
    reports: createReportRepository(db),
    sessions: createSessionRepository(db),
    eventLog: new EventLog(events, (error) => log.error({ err: error }, 'could not store or send release events')),
    engine: options.engine ?? (await loadEngine()),
    clones: createCloneManager(options.dataDir),
    running: new Map(),
    env,
    log,
  };
}
