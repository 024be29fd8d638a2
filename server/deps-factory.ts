import { join } from 'node:path';
import type { Config } from './config.js';
import { type Database, openDatabase } from './db/database.js';
import type { Deps, Mailer } from './deps.js';
import { createBullJobQueue } from './jobs/bullmq-queue.js';
import { createMemoryJobQueue } from './jobs/memory-queue.js';
import { createAuditService } from './lib/audit.js';
import { type Clock, systemClock } from './lib/clock.js';
import { createMemoryComputedCache, createRedisComputedCache } from './lib/computed-cache.js';
import { createFileStore } from './lib/file-store.js';
import { createSmtpMailer } from './lib/mailer.js';
import { createMemoryPubSub, createRedisPubSub } from './lib/pubsub.js';
import { createMemoryRateLimiter } from './lib/rate-limiter.js';
import { closeRedis, openRedis } from './lib/redis.js';
import { createRedisRateLimiter } from './lib/redis-rate-limiter.js';

export function openConfiguredDatabase(config: Config): Database {
  return config.databaseUrl
    ? openDatabase({ kind: 'postgres', url: config.databaseUrl, poolSize: config.databasePoolSize })
    : openDatabase({ kind: 'sqlite', path: join(config.dataDir, 'dxboard.sqlite') });
}

// Without SMTP_URL, mail is written to the log so a single-machine install still works. On a terminal it is
// readable text; otherwise (systemd, containers, files) it is one JSON line like every other log line, so log
// collectors never meet a stray plain-text line.
function createLogMailer(config: Config): Mailer {
  const human = process.stdout.isTTY && config.logFormat !== 'json';
  return {
    async send(mail) {
      if (human) console.info(`[mail] to=${mail.to} subject=${mail.subject}\n${mail.text}`);
      else
        process.stdout.write(
          `${JSON.stringify({ level: 30, time: Date.now(), msg: 'mail (no SMTP_URL)', to: mail.to, subject: mail.subject, text: mail.text })}\n`,
        );
    },
  };
}

type Shared = Pick<Deps, 'rateLimiter' | 'pubsub' | 'jobs' | 'cache' | 'closers'>;

// One machine: everything in-process. With REDIS_URL: rate limits, pub/sub and jobs are shared by every
// app process, which is what lets N stateless processes run behind a load balancer.
function createSharedServices(config: Config, clock: Clock): Shared {
  if (!config.redisUrl) {
    const pubsub = createMemoryPubSub();
    const jobs = createMemoryJobQueue();
    return {
      rateLimiter: createMemoryRateLimiter(() => clock.now().getTime()),
      pubsub,
      cache: createMemoryComputedCache(256, () => clock.now().getTime()),
      jobs,
      closers: [() => jobs.close(), () => pubsub.close()],
    };
  }
  const commands = openRedis(config.redisUrl, 'commands');
  const subscriber = openRedis(config.redisUrl, 'subscriber');
  const pubsub = createRedisPubSub(commands, subscriber);
  const jobs = createBullJobQueue({ redisUrl: config.redisUrl });
  return {
    rateLimiter: createRedisRateLimiter(commands),
    pubsub,
    cache: createRedisComputedCache(commands),
    jobs,
    closers: [
      () => jobs.close(),
      () => pubsub.close(),
      () => closeRedis(subscriber),
      () => closeRedis(commands),
    ],
  };
}

export async function createDeps(
  config: Config,
  overrides: Partial<Pick<Deps, 'database' | 'clock' | 'mailer' | 'rateLimiter' | 'pubsub' | 'jobs'>> = {},
): Promise<Deps> {
  const database = overrides.database ?? openConfiguredDatabase(config);
  const clock: Clock = overrides.clock ?? systemClock;
  const audit = createAuditService({ clock });
  const shared = createSharedServices(config, clock);
  return {
    config,
    database,
    db: database.db,
    clock,
    audit,
    rateLimiter: overrides.rateLimiter ?? shared.rateLimiter,
    mailer:
      overrides.mailer ??
      (config.smtpUrl ? createSmtpMailer(config.smtpUrl, config.mailFrom) : createLogMailer(config)),
    pubsub: overrides.pubsub ?? shared.pubsub,
    jobs: overrides.jobs ?? shared.jobs,
    cache: shared.cache,
    files: createFileStore({ db: database.db, audit, clock, config }),
    closers: shared.closers,
  };
}
