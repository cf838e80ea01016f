import type { EnvironmentReader } from '@checkout/service-kit';

/** How many link requests (POST /access/requests) one e-mail address and one client may make per window. */
export interface AccessRequestLimits {
  perEmail: number;
  perClient: number;
  windowSeconds: number;
}

export interface AcademicConfig {
  accessRequestLimits: AccessRequestLimits;
}

/** Academic settings from the environment; read by both composition roots. */
export function readAcademicConfig(env: EnvironmentReader): AcademicConfig {
  return {
    accessRequestLimits: {
      perEmail: env.integer('ACCESS_REQUESTS_PER_EMAIL', 3),
      perClient: env.integer('ACCESS_REQUESTS_PER_CLIENT', 20),
      windowSeconds: env.integer('ACCESS_REQUESTS_WINDOW_SECONDS', 3600),
    },
  };
}
