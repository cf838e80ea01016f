/** Environment parsed once at start-up; every problem is reported at once, then the process stops. */
export class ConfigError extends Error {}

export function readEnvironment(env: NodeJS.ProcessEnv = process.env) {
  const problems: string[] = [];
  const raw = (name: string) => {
    const value = env[name]?.trim();
    return value === '' ? undefined : value;
  };
  const required = <T>(name: string, fallback: T | undefined): T | undefined => {
    if (fallback === undefined) problems.push(`${name} is required`);
    return fallback;
  };

  return {
    string(name: string, fallback?: string): string {
      return raw(name) ?? (required(name, fallback) as string);
    },
    optionalString(name: string): string | undefined {
      return raw(name);
    },
    integer(name: string, fallback?: number): number {
      const value = raw(name);
      if (value === undefined) return required(name, fallback) as number;
      if (!/^\d+$/.test(value)) problems.push(`${name} must be a whole number, got "${value}"`);
      return Number(value);
    },
    optionalUrl(name: string): string | undefined {
      const value = raw(name);
      if (value !== undefined && !URL.canParse(value)) problems.push(`${name} must be a URL`);
      return value;
    },
    url(name: string, fallback?: string): string {
      const value = raw(name) ?? required(name, fallback);
      if (value !== undefined && !URL.canParse(value)) problems.push(`${name} must be a URL`);
      return value as string;
    },
    /** Returns the config when every variable parsed; otherwise throws one error listing them all. */
    done<T>(config: T): T {
      if (problems.length > 0)
        throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
      return config;
    },
  };
}
