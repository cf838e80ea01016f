import type { EnvironmentReader } from '@checkout/service-kit';

/** How many link requests (POST /access/requests) one e-mail address and one client may make per window. */
export interface AccessRequestLimits {
  perEmail: number;
  perClient: number;
  windowSeconds: number;
}

/** How often one activation token and one client may try POST /access/activate per window. */
export interface ActivationLimits {
  perToken: number;
  perClient: number;
  windowSeconds: number;
}

export interface AcademicConfig {
  accessRequestLimits: AccessRequestLimits;
  activationLimits: ActivationLimits;
}

/** Academic settings from the environment; read by both composition roots. */
export function readAcademicConfig(env: EnvironmentReader): AcademicConfig {
  return {
    accessRequestLimits: {
      perEmail: env.integer('ACCESS_REQUESTS_PER_EMAIL', 3),
      perClient: env.integer('ACCESS_REQUESTS_PER_CLIENT', 20),
      windowSeconds: env.integer('ACCESS_REQUESTS_WINDOW_SECONDS', 3600),
    },
    activationLimits: {
      perToken: env.integer('ACTIVATIONS_PER_TOKEN', 5),
      perClient: env.integer('ACTIVATIONS_PER_CLIENT', 20),
      windowSeconds: env.integer('ACTIVATION_LIMIT_WINDOW_SECONDS', 3600),
    },
  };
}
