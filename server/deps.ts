import type { Kysely } from 'kysely';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import type { DB } from './db/schema.js';
import type { JobQueue } from './jobs/queue.js';
import type { AuditService } from './lib/audit.js';
import type { Clock } from './lib/clock.js';
import type { ComputedCache } from './lib/computed-cache.js';
import type { FileStore } from './lib/file-store.js';
import type { Mail, Mailer } from './lib/mailer.js';
import type { PubSub } from './lib/pubsub.js';
import type { RateLimiter } from './lib/rate-limiter.js';

export type { Mail, Mailer };

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
  /** Computed answers under revision keys (Redis when REDIS_URL is set, an in-process LRU otherwise). */
  cache: ComputedCache;
  /** Uploaded files under DATA_DIR/files: store (type judged by content, audited), get, open. */
  files: FileStore;
  /** Closed when the app closes (Redis connections, queues). */
  closers: (() => Promise<void>)[];
};
