import type { AcademicConfig } from '../src/config';

/** Limits out of a test's way; a test about one limit overrides it. */
export const roomyLimits: AcademicConfig = {
  accessRequestLimits: { perEmail: 1000, perClient: 1000, windowSeconds: 3600 },
  activationLimits: { perToken: 1000, perClient: 1000, windowSeconds: 3600 },
  signInLimits: {
    failuresPerAccount: 1000,
    failuresPerClient: 1000,
    backoffSeconds: 1,
    maxBackoffSeconds: 1,
    failureMemorySeconds: 3600,
  },
};
