import { join } from 'node:path';
import type { Config } from './config.js';
import { type Database, openDatabase } from './db/database.js';
import type { Deps, Mailer } from './deps.js';
import { type Clock, systemClock } from './lib/clock.js';
import { createMemoryRateLimiter } from './lib/rate-limiter.js';
import { createAuditRepository } from './modules/audit/audit.repository.js';
import { createAuditService } from './modules/audit/audit.service.js';

export function openConfiguredDatabase(config: Config): Database {
  return config.databaseUrl
    ? openDatabase({ kind: 'postgres', url: config.databaseUrl })
    : openDatabase({ kind: 'sqlite', path: join(config.dataDir, 'dxboard.sqlite') });
}

const logMailer: Mailer = {
  async send(mail) {
    // Without SMTP_URL, mail is written to the log so a single-machine install still works.
    console.info(`[mail] to=${mail.to} subject=${mail.subject}\n${mail.text}`);
  },
};

export async function createDeps(
  config: Config,
  overrides: Partial<Pick<Deps, 'database' | 'clock' | 'mailer' | 'rateLimiter'>> = {},
): Promise<Deps> {
  const database = overrides.database ?? openConfiguredDatabase(config);
  const clock: Clock = overrides.clock ?? systemClock;
  const audit = createAuditService({ repo: createAuditRepository(database.db), clock });
  return {
    config,
    database,
    db: database.db,
    clock,
    audit,
    rateLimiter: overrides.rateLimiter ?? createMemoryRateLimiter(() => clock.now().getTime()),
    mailer: overrides.mailer ?? logMailer,
    closers: [],
  };
}
