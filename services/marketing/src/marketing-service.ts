import { CheckoutApproved, type Language } from '@checkout/contracts';
import {
  BackgroundLoop,
  businessMetrics,
  createServiceRuntime,
  subscribeTo,
  type ServiceContext,
  type ServiceRuntime,
} from '@checkout/service-kit';
import { cachedCourseCatalogue } from './adapters/clients/cached-course-catalogue';
import { createSqlLeadStore } from './adapters/db/sql-lead-store';
import { createMarketingInternalRouter } from './adapters/http/internal-router';
import { createMarketingRouter } from './adapters/http/marketing-router';
import { convertLeadOnCheckoutApproved } from './app/convert-lead-on-checkout-approved';
import type { CourseCatalogue } from './app/ports';
import { remindOpenLeads } from './app/remind-open-leads';

export interface MarketingDeps extends ServiceContext {
  /** Financial's catalogue: a lead is for a course on sale. */
  courses: CourseCatalogue;
  /** An open lead is reminded this long after it was registered (LEAD_REMINDER_DELAY_SECONDS). */
  leadReminderDelayMs: number;
  defaultLanguage: Language;
}

export interface MarketingService extends ServiceRuntime {
  /** The lead's contact and language, for financial; in a cluster a Dapr invocation. */
  findLeadContact(
    id: string,
  ): Promise<{ name: string; email: string; language: Language } | undefined>;
}

/**
 * The name marketing's subscription goes by. Converting a lead is idempotent (see LeadStore), so
 * no inbox records events under it.
 */
const inbox = { convertLead: 'marketing.convert-lead' } as const;

/** How long a course looked up in financial's catalogue is used before it is asked again. */
const courseLookupTtlMs = 5 * 60_000;

export function createMarketingService(deps: MarketingDeps): MarketingService {
  return createServiceRuntime('marketing', deps, (transactions) => {
    const store = createSqlLeadStore(deps.orm, transactions);
    const logger = deps.logger;
    const subscriber = { service: 'marketing', inbox: inbox.convertLead };
    subscribeTo(deps.bus, CheckoutApproved, subscriber, logger, async (event) => {
      await convertLeadOnCheckoutApproved(store, event);
      return 'SUCCESS';
    });
    // Looks a few times per delay, so a reminder goes out soon after it falls due.
    const lookEveryMs = Math.min(Math.max(deps.leadReminderDelayMs / 4, 1000), 60_000);
    const reminders = new BackgroundLoop(
      'lead reminders',
      async () => {
        const reminded = await remindOpenLeads({ store, logger }, deps.leadReminderDelayMs);
        if (reminded > 0) businessMetrics.leadsReminded('marketing', reminded);
      },
      logger.child({ component: 'lead-reminders' }),
      lookEveryMs,
    );
    return {
      router: createMarketingRouter({
        store,
        courses: cachedCourseCatalogue(deps.courses, courseLookupTtlMs),
        defaultLanguage: deps.defaultLanguage,
      }),
      internalRouter: createMarketingInternalRouter(store),
      jobs: [reminders],
      findLeadContact: async (id: string) => {
        const lead = await store.find(id);
        return lead && { name: lead.name, email: lead.email, language: lead.language };
      },
    };
  });
}
