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

/**
 * Sign-in (POST /sessions) back-off: after this many wrong passwords for one e-mail address (known
 * or not) or from one client, each attempt waits a back-off that doubles with every further one.
 */
export interface SignInLimits {
  failuresPerAccount: number;
  failuresPerClient: number;
  backoffSeconds: number;
  maxBackoffSeconds: number;
  /** How long failures are remembered, from the first; a right password forgets an account's. */
  failureMemorySeconds: number;
}

export interface AcademicConfig {
  accessRequestLimits: AccessRequestLimits;
  activationLimits: ActivationLimits;
  signInLimits: SignInLimits;
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
    signInLimits: {
      failuresPerAccount: env.integer('SIGN_IN_FAILURES_PER_ACCOUNT', 5),
      failuresPerClient: env.integer('SIGN_IN_FAILURES_PER_CLIENT', 50),
      backoffSeconds: env.integer('SIGN_IN_BACKOFF_SECONDS', 30),
      maxBackoffSeconds: env.integer('SIGN_IN_MAX_BACKOFF_SECONDS', 900),
      failureMemorySeconds: env.integer('SIGN_IN_FAILURE_MEMORY_SECONDS', 86400),
    },
  };
}
