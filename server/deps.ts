import type { Kysely } from 'kysely';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import type { DB } from './db/schema.js';
import type { JobQueue } from './jobs/queue.js';
import type { Clock } from './lib/clock.js';
import type { PubSub } from './lib/pubsub.js';
import type { RateLimiter } from './lib/rate-limiter.js';
import type { AuditService } from './modules/audit/audit.service.js';
import type { FilesService } from './modules/files/files.service.js';

export type Mail = { to: string; subject: string; text: string; html?: string };
export interface Mailer {
  send(mail: Mail): Promise<void>;
}

/** Everything a module may depend on. Services take only the parts they use (Pick<Deps, ...>). */
export type Deps = {
  config: Config;
  database: Database;
  db: Kysely<DB>;
  clock: Clock;
  audit: AuditService;
  rateLimiter: RateLimiter;
  mailer: Mailer;
  /** Messages between app processes (Redis when REDIS_URL is set, in-process otherwise). */
  pubsub: PubSub;
  /** Background jobs (BullMQ when REDIS_URL is set, in-process timers otherwise). */
  jobs: JobQueue;
  /** Uploaded files under DATA_DIR/files: store (type judged by content, audited), get, open. */
  files: FilesService;
  /** Closed when the app closes (Redis connections, queues). */
  closers: (() => Promise<void>)[];
};
