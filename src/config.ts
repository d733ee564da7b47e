import path from 'node:path';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly baseUrl: URL;
  /** Absent: start the embedded PostgreSQL server under `dataDir`. */
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  readonly sessionSecret: string;
  /** Absent: mail goes to the outbox table, readable by admins. */
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string;
  readonly logLevel: LogLevel;
  readonly demoAdminPassword: string | undefined;
  /** Served behind a proxy that sets X-Forwarded-For / X-Forwarded-Proto. */
  readonly trustProxy: boolean;
  /** Check resources' external links daily (off unless asked: it sends requests to other sites). */
  readonly linkCheck: boolean;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

type Env = Readonly<Record<string, string | undefined>>;

function optional(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function parsePort(env: Env, name: string, fallback: number): number {
  const raw = optional(env, name);
  if (raw === undefined) return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(name, `expected a port number from 0 to 65535, got "${raw}"`);
  }
  return port;
}

function parseUrl(env: Env, name: string, protocols: readonly string[]): URL | undefined {
  const raw = optional(env, name);
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, `"${raw}" is not a valid URL`);
  }
  if (!protocols.includes(url.protocol)) {
    throw new ConfigError(name, `expected a URL starting with ${protocols.join(' or ')}, got "${url.protocol}"`);
  }
  return url;
}

function parseBoolean(env: Env, name: string): boolean {
  const raw = optional(env, name);
  if (raw === undefined) return false;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(name, `expected true or false, got "${raw}"`);
}

/** Reads the environment once into a frozen, typed configuration; a wrong value names its variable. */
export function loadConfig(env: Env = process.env): Config {
  const port = parsePort(env, 'PORT', 3000);
  const host = optional(env, 'HOST') ?? '0.0.0.0';
  const baseUrl = parseUrl(env, 'BASE_URL', ['http:', 'https:']) ?? new URL(`http://localhost:${port}`);
  const databaseUrl = parseUrl(env, 'DATABASE_URL', ['postgres:', 'postgresql:'])?.toString();
  const smtpUrl = parseUrl(env, 'SMTP_URL', ['smtp:', 'smtps:'])?.toString();

  const sessionSecret = optional(env, 'SESSION_SECRET') ?? 'bridges-development-secret-change-me-please';
  if (sessionSecret.length < 32) {
    throw new ConfigError('SESSION_SECRET', 'must be at least 32 characters long');
  }
  if (env.NODE_ENV === 'production' && optional(env, 'SESSION_SECRET') === undefined) {
    throw new ConfigError('SESSION_SECRET', 'must be set when NODE_ENV is production');
  }

  const logLevel = (optional(env, 'LOG_LEVEL') ?? 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `expected one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  }

  const demoAdminPassword = optional(env, 'DEMO_ADMIN_PASSWORD');
  if (demoAdminPassword !== undefined && demoAdminPassword.length < 8) {
    throw new ConfigError('DEMO_ADMIN_PASSWORD', 'must be at least 8 characters long');
  }

  return Object.freeze({
    port,
    host,
    baseUrl,
    databaseUrl,
    dataDir: path.resolve(optional(env, 'DATA_DIR') ?? 'data'),
    sessionSecret,
    smtpUrl,
    mailFrom: optional(env, 'MAIL_FROM') ?? `Bridges <no-reply@${baseUrl.hostname}>`,
    logLevel,
    demoAdminPassword,
    trustProxy: parseBoolean(env, 'TRUST_PROXY'),
    linkCheck: parseBoolean(env, 'LINK_CHECK'),
  });
}
