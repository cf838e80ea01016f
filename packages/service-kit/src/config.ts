import addressparser from 'nodemailer/lib/addressparser';
import { compile as compileProxyTrust } from 'proxy-addr';
import { createLogger } from './logger';
import { startFailureReason } from './start-failure-reason';

/** Environment parsed once at start-up; every problem is reported at once, then the process stops. */
export class ConfigError extends Error {}

export type EnvironmentReader = ReturnType<typeof readEnvironment>;

/**
 * Which proxies Express may take a client's address from (its `trust proxy` setting): none, the
 * nearest `n` hops, or the listed addresses, CIDR ranges and names (loopback, linklocal,
 * uniquelocal).
 */
export type ProxyTrust = false | number | string;

/** Express's own syntax, checked now rather than at the first request; `true` is refused. */
const proxyTrustProblem = (value: string) => {
  if (value === 'true') return 'true would trust any X-Forwarded-For a client sends';
  if (/^\d+$/.test(value) || value === 'false') return undefined;
  try {
    compileProxyTrust(value.split(',').map((entry) => entry.trim()));
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
};

/** One address, optionally named ("Cursos <no-reply@example.com>"): what a sender may be. */
const isMailbox = (value: string) => {
  const [only, ...more] = addressparser(value);
  return more.length === 0 && /^[^@\s]+@[^@\s]+$/.test(only?.address ?? '');
};

export function readEnvironment(env: NodeJS.ProcessEnv = process.env) {
  const problems: string[] = [];
  const raw = (name: string) => {
    const value = env[name]?.trim();
    return value === '' ? undefined : value;
  };
  /** The fallback; without one, a placeholder that `done` never lets out. */
  const required = <T>(name: string, fallback: T | undefined, placeholder: T): T => {
    if (fallback === undefined) problems.push(`${name} is required`);
    return fallback ?? placeholder;
  };
  /** The value if set and `isValid`, else the fallback; defaults are trusted, not checked. */
  const checked = (name: string, fallback: string | undefined, isValid: (v: string) => boolean) => {
    const value = raw(name);
    if (value === undefined) return { value: required(name, fallback, ''), valid: true };
    return { value, valid: isValid(value) };
  };

  return {
    string(name: string, fallback?: string): string {
      return raw(name) ?? required(name, fallback, '');
    },
    optionalString(name: string): string | undefined {
      return raw(name);
    },
    /** A whole number, at least `minimum` when one is given. */
    integer(name: string, fallback?: number, minimum = 0): number {
      const { value, valid } = checked(name, fallback?.toString(), (v) => /^\d+$/.test(v));
      if (!valid) problems.push(`${name} must be a whole number, got "${value}"`);
      else if (Number(value) < minimum)
        problems.push(`${name} must be ${minimum} or more, got ${value}`);
      return Number(value);
    },
    /** One of a closed list: anything else is refused, never mapped to a default. */
    oneOf<T extends string>(name: string, accepted: readonly T[], fallback?: T): T {
      const { value, valid } = checked(name, fallback, (v) => accepted.includes(v as T));
      if (!valid) problems.push(`${name} must be one of ${accepted.join(', ')}, got "${value}"`);
      return value as T;
    },
    /** An e-mail sender; the value is not echoed back, as an address can be a person's. */
    mailbox(name: string, fallback?: string): string {
      const { value, valid } = checked(name, fallback, isMailbox);
      if (!valid)
        problems.push(
          `${name} must be one e-mail address, optionally named: Name <address@domain>`,
        );
      return value;
    },
    optionalUrl(name: string): string | undefined {
      const value = raw(name);
      if (value !== undefined && !URL.canParse(value)) problems.push(`${name} must be a URL`);
      return value;
    },
    url(name: string, fallback?: string): string {
      const { value, valid } = checked(name, fallback, (v) => URL.canParse(v));
      if (!valid) problems.push(`${name} must be a URL`);
      return value;
    },
    /** Comma-separated web origins (`https://shop.example`): each a scheme, host and port only. */
    origins(name: string): string[] {
      const values = (raw(name) ?? '').split(',').map((value) => value.trim());
      const origins = values.filter((value) => value !== '');
      for (const value of origins)
        if (!URL.canParse(value) || new URL(value).origin !== value)
          problems.push(`${name} must list origins such as https://shop.example, got "${value}"`);
      return origins;
    },
    /** Unset: trust no proxy, so a client's address is its connection's peer. */
    proxyTrust(name: string): ProxyTrust {
      const value = raw(name);
      if (value === undefined || value === 'false') return false;
      const problem = proxyTrustProblem(value);
      if (problem)
        problems.push(
          `${name} must be a hop count, or addresses, CIDR ranges and loopback, linklocal or uniquelocal, comma-separated: ${problem}`,
        );
      return /^\d+$/.test(value) ? Number(value) : value;
    },
    /** Returns the config when every variable parsed; otherwise throws one error listing them all. */
    done<T>(config: T): T {
      if (problems.length > 0)
        throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
      return config;
    },
  };
}

/** A service's own config for its process: on a problem, one fatal line and exit 1, before it starts anything. */
export function readConfigOrExit<T>(appId: string, read: (env: EnvironmentReader) => T): T {
  const env = readEnvironment();
  try {
    return env.done(read(env));
  } catch (error) {
    createLogger(appId).fatal(`${appId} could not start: ${startFailureReason(error)}`);
    process.exit(1);
  }
}
