import { CheckoutApproved } from '@checkout/contracts';
import {
  createServiceRuntime,
  sealToken,
  subscribeTo,
  type ServiceContext,
  type ServiceRuntime,
  type TokenKeyRing,
} from '@checkout/service-kit';
import { createMikroOrmAcademicStore } from './adapters/db/mikro-orm-academic-store';
import { createAcademicRouter } from './adapters/http/academic-router';
import { enrollStudentOnCheckoutApproved } from './app/enroll-student-on-checkout-approved';

export interface AcademicDeps extends ServiceContext {
  /** The activation-token keys shared with notification (secret `activation-token-keys`). */
  activationTokenKeys: TokenKeyRing;
}

export function createAcademicService(deps: AcademicDeps): ServiceRuntime {
  return createServiceRuntime('academic', deps, (transactions) => {
    const store = createMikroOrmAcademicStore(deps.orm, transactions);
    const sealer = {
      seal: (token: string, studentId: string) =>
        sealToken(token, studentId, deps.activationTokenKeys),
    };
    subscribeTo(deps.bus, CheckoutApproved, 'academic', deps.logger, async (event) => {
      await enrollStudentOnCheckoutApproved({ store, sealer }, event.id, event.data);
      return 'SUCCESS';
    });
    return { router: createAcademicRouter(store) };
  });
}
