import { CheckoutApproved } from '@checkout/contracts';
import {
  createServiceRuntime,
  subscribeTo,
  type ServiceContext,
  type ServiceRuntime,
} from '@checkout/service-kit';
import { createMikroOrmAcademicStore } from './adapters/db/mikro-orm-academic-store';
import { createAcademicRouter } from './adapters/http/academic-router';
import { enrollStudentOnCheckoutApproved } from './app/enroll-student-on-checkout-approved';

export function createAcademicService(deps: ServiceContext): ServiceRuntime {
  return createServiceRuntime('academic', deps, (transactions) => {
    const store = createMikroOrmAcademicStore(deps.orm, transactions);
    subscribeTo(deps.bus, CheckoutApproved, 'academic', deps.logger, async (event) => {
      await enrollStudentOnCheckoutApproved(store, event.id, event.data);
      return 'SUCCESS';
    });
    return { router: createAcademicRouter(store) };
  });
}
