import { resolve } from 'node:path';
import { z } from 'zod';

// Every setting the server reads from the environment, parsed once. README's Configuration table mirrors this.
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().optional(),
  // PostgreSQL connections per process. A request holds one for its transaction; with too few, a burst of
  // requests queues for a connection (a contest's start burst on 5 connections: p99 over a second).
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  REDIS_URL: z.string().optional(),
  NODE_ENV: z.string().default('development'),
  // Links in mail are built from this, never from the request's Host header (which a caller controls).
  PUBLIC_URL: z
    .string()
    .url()
    .refine((u) => /^https?:\/\//.test(u), 'must start with http:// or https://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // auto: a readable start-up banner in a terminal, JSON lines otherwise (journald, containers, files).
  LOG_FORMAT: z.enum(['auto', 'json']).default('auto'),
  // How long SIGTERM waits for requests and background jobs to finish before the process exits anyway.
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().positive().max(600).default(10),
  SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(60),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().positive().default(12),
  LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().positive().default(15),
  LOGIN_RATE_PER_MINUTE: z.coerce.number().int().positive().default(10),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('DXBoard <no-reply@dxboard.local>'),
  UPLOAD_MAX_MB: z.coerce.number().positive().default(20),
  TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  DEMO_SEED: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  // Notifications: a webhook relay (e.g. a Zalo OA) signed with the secret, the digest hour, the sweep period.
  NOTIFY_WEBHOOK_URL: z
    .string()
    .url()
    .refine((u) => /^https?:\/\//.test(u), 'must start with http:// or https://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  NOTIFY_WEBHOOK_SECRET: z.string().optional(),
  NOTIFY_DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(7),
  NOTIFY_SWEEP_SECONDS: z.coerce.number().int().positive().default(60),
  // SMS through a generic HTTP gateway: POST the body template with {to} and {text} filled in.
  SMS_GATEWAY_URL: z
    .string()
    .url()
    .refine((u) => /^https?:\/\//.test(u), 'must start with http:// or https://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  SMS_GATEWAY_AUTH_HEADER: z.string().min(1).default('authorization'),
  SMS_GATEWAY_TOKEN: z.string().optional(),
  SMS_GATEWAY_BODY: z.string().min(1).default('{"to":"{to}","text":"{text}"}'),
  SMS_GATEWAY_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  // Single sign-on for citizens and contest participants (OpenID Connect, authorization code + PKCE).
  OIDC_ISSUER_URL: z
    .string()
    .url()
    .optional()
    .or(z.literal('').transform(() => undefined)),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_REDIRECT_URL: z
    .string()
    .url()
    .optional()
    .or(z.literal('').transform(() => undefined)),
  OIDC_PROVIDER_NAME: z.string().max(60).default('VNeID'),
  OIDC_SCOPES: z.string().default('openid profile email phone'),
  MEASURE_REMIND_DAYS: z.coerce.number().int().min(0).max(60).default(3),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  databasePoolSize: number;
  redisUrl?: string;
  publicUrl?: string;
  production: boolean;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  logFormat: 'auto' | 'json';
  shutdownGraceMs: number;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  loginMaxFailures: number;
  loginLockMinutes: number;
  loginRatePerMinute: number;
  smtpUrl?: string;
  mailFrom: string;
  uploadMaxBytes: number;
  trustProxy: boolean;
  demoSeed: boolean;
  notify: NotifyConfig;
  /** OpenID Connect single sign-on for citizens; undefined when not configured. */
  oidc?: OidcConfig;
  /** Officers of units that have not submitted are reminded this many days before a period's deadline. */
  measureRemindDays: number;
  version: string;
};

export type NotifyConfig = {
  webhookUrl?: string;
  webhookSecret?: string;
  /** The hour (0–23, Vietnam time) from which each day's digest is sent. */
  digestHour: number;
  sweepSeconds: number;
  /** The HTTP SMS gateway; undefined: no SMS channel (phones get their codes from the log sender in development). */
  sms?: SmsGatewayConfig;
};

export type SmsGatewayConfig = {
  url: string;
  /** The header that carries the token (e.g. 'authorization' with 'Bearer …', or 'x-api-key'). */
  authHeader: string;
  token?: string;
  /** The request body with {to} and {text}; JSON-escaped when it starts with '{' or '[', else form-encoded. */
  bodyTemplate: string;
  timeoutMs: number;
};

export type OidcConfig = {
  issuerUrl: string;
  clientId: string;
  clientSecret?: string;
  redirectUrl: string;
  /** Shown on the button: "Đăng nhập bằng <providerName>". */
  providerName: string;
  scopes: string;
};

export const APP_VERSION = '0.1.0';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.NOTIFY_WEBHOOK_URL && (e.NOTIFY_WEBHOOK_SECRET ?? '').length < 16) {
    // An unsigned relay would let anyone who finds its address post messages as DXBoard.
    throw new Error(
      'Invalid configuration:\n  NOTIFY_WEBHOOK_SECRET: at least 16 characters when NOTIFY_WEBHOOK_URL is set',
    );
  }
  const oidcSet = [e.OIDC_ISSUER_URL, e.OIDC_CLIENT_ID, e.OIDC_REDIRECT_URL].filter(Boolean).length;
  if (oidcSet > 0 && oidcSet < 3) {
    // Half a configuration would show a sign-in button that cannot work.
    throw new Error(
      'Invalid configuration:\n  OIDC_ISSUER_URL, OIDC_CLIENT_ID and OIDC_REDIRECT_URL: set all three or none',
    );
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL || undefined,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    redisUrl: e.REDIS_URL || undefined,
    publicUrl: e.PUBLIC_URL,
    production: e.NODE_ENV === 'production',
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    shutdownGraceMs: Math.round(e.SHUTDOWN_GRACE_SECONDS * 1000),
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: e.SESSION_ABSOLUTE_HOURS,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginLockMinutes: e.LOGIN_LOCK_MINUTES,
    loginRatePerMinute: e.LOGIN_RATE_PER_MINUTE,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    uploadMaxBytes: Math.round(e.UPLOAD_MAX_MB * 1024 * 1024),
    trustProxy: e.TRUST_PROXY,
    demoSeed: e.DEMO_SEED,
    notify: {
      webhookUrl: e.NOTIFY_WEBHOOK_URL,
      webhookSecret: e.NOTIFY_WEBHOOK_URL ? e.NOTIFY_WEBHOOK_SECRET : undefined,
      digestHour: e.NOTIFY_DIGEST_HOUR,
      sweepSeconds: e.NOTIFY_SWEEP_SECONDS,
      sms: e.SMS_GATEWAY_URL
        ? {
            url: e.SMS_GATEWAY_URL,
            authHeader: e.SMS_GATEWAY_AUTH_HEADER,
            token: e.SMS_GATEWAY_TOKEN || undefined,
            bodyTemplate: e.SMS_GATEWAY_BODY,
            timeoutMs: e.SMS_GATEWAY_TIMEOUT_MS,
          }
        : undefined,
    },
    oidc:
      e.OIDC_ISSUER_URL && e.OIDC_CLIENT_ID && e.OIDC_REDIRECT_URL
        ? {
            issuerUrl: e.OIDC_ISSUER_URL.replace(/\/+$/, ''),
            clientId: e.OIDC_CLIENT_ID,
            clientSecret: e.OIDC_CLIENT_SECRET || undefined,
            redirectUrl: e.OIDC_REDIRECT_URL,
            providerName: e.OIDC_PROVIDER_NAME,
            scopes: e.OIDC_SCOPES,
          }
        : undefined,
    measureRemindDays: e.MEASURE_REMIND_DAYS,
    version: APP_VERSION,
  };
}

/**
 * The base of every link the server mails (password reset, invitations). Never derived from a request:
 * PUBLIC_URL when set; in development the address the server listens on; in production without
 * PUBLIC_URL there is none, and callers must refuse to send the mail.
 */
export function linkBaseUrl(
  config: Pick<Config, 'publicUrl' | 'production' | 'host' | 'port'>,
): string | null {
  if (config.publicUrl) return config.publicUrl.replace(/\/+$/, '');
  if (config.production) return null;
  const wildcard = config.host === '0.0.0.0' || config.host === '::' || config.host === '';
  const host = wildcard ? '127.0.0.1' : config.host.includes(':') ? `[${config.host}]` : config.host;
  return `http://${host}:${config.port}`;
}
