import { CheckoutApproved, CheckoutRefunded, type ApiSchemas } from '@checkout/contracts';
import {
  createServiceRuntime,
  rateLimit,
  sealToken,
  subscribeTo,
  type ServiceContext,
  type ServiceRuntime,
  type KeyRing,
} from '@checkout/service-kit';
import { createSqlAcademicStore } from './adapters/db/sql-academic-store';
import { createAcademicRouter } from './adapters/http/academic-router';
import { createSignInLimits } from './adapters/http/sign-in-limits';
import { enrollStudentOnCheckoutApproved } from './app/enroll-student-on-checkout-approved';
import { revokeEnrollmentOnCheckoutRefunded } from './app/revoke-enrollment-on-checkout-refunded';
import type { AcademicConfig } from './config';

export interface AcademicDeps extends ServiceContext, AcademicConfig {
  /** The activation-token keys shared with notification (secret `activation-token-keys`). */
  activationTokenKeys: KeyRing;
}

/**
 * The names academic's inbox records handled events under. Never change one: under a new name,
 * every event delivered again (a redelivery, a replayed dead letter) would be handled twice.
 */
const inbox = {
  enrollStudent: 'academic.enroll-student',
  revokeEnrollment: 'academic.revoke-enrollment',
} as const;

export function createAcademicService(deps: AcademicDeps): ServiceRuntime {
  return createServiceRuntime('academic', deps, (transactions) => {
    const store = createSqlAcademicStore(deps.orm, transactions);
    const sealer = {
      seal: (token: string, studentId: string) =>
        sealToken(token, studentId, deps.activationTokenKeys),
    };
    const subscriber = { service: 'academic', inbox: inbox.enrollStudent };
    subscribeTo(deps.bus, CheckoutApproved, subscriber, deps.logger, async (event) => {
      await enrollStudentOnCheckoutApproved({ store, sealer }, event);
      return 'SUCCESS';
    });
    const revoker = { service: 'academic', inbox: inbox.revokeEnrollment };
    subscribeTo(deps.bus, CheckoutRefunded, revoker, deps.logger, (event) =>
      revokeEnrollmentOnCheckoutRefunded(store, event),
    );
    const { perClient, perEmail, windowSeconds } = deps.accessRequestLimits;
    // The client is Express's req.ip: the peer, or the address the proxies TRUST_PROXY names saw.
    const accessRequestLimits = [
      rateLimit(
        deps.orm,
        { name: 'access-request-client', points: perClient, windowSeconds },
        (req) => String(req.ip),
      ),
      // Unknown addresses count too, so that a 429 tells nothing about who is a student.
      rateLimit(
        deps.orm,
        { name: 'access-request-email', points: perEmail, windowSeconds },
        (req) => (req.body as ApiSchemas['AccessRequest']).email.toLowerCase(),
      ),
    ];
    const activation = deps.activationLimits;
    const activationLimits = [
      rateLimit(
        deps.orm,
        { name: 'activation-client', points: activation.perClient, ...activation },
        (req) => String(req.ip),
      ),
      // Hashed like every key, so the table never holds a token that could still be used.
      rateLimit(
        deps.orm,
        { name: 'activation-token', points: activation.perToken, ...activation },
        (req) => (req.body as ApiSchemas['ActivationRequest']).token,
      ),
    ];
    const signInLimits = createSignInLimits(deps.orm, deps.signInLimits);
    const router = createAcademicRouter({
      store,
      sealer,
      accessRequestLimits,
      activationLimits,
      signInLimits,
    });
    return { router };
  });
}
