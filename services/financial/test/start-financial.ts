import type { ServiceContext, ServiceRuntime } from '@checkout/service-kit';
import { startServiceUnderTest, type ServiceUnderTest } from '@checkout/test-kit';
import { createFinancialService, financialDatabase } from '../src';

type FinancialSettings = Omit<Parameters<typeof createFinancialService>[0], keyof ServiceContext>;

/** What a test does not care about: limits out of reach, the dev PIX receiver, a known seller key. */
export const settingsForTests = {
  chargeStuckAfterMs: 60_000,
  checkoutLimits: { perClient: 1000, perLead: 1000, windowSeconds: 60 },
  declineLimits: { perLead: 1000, perClient: 1000, windowSeconds: 3600 },
  couponPriceFloorCents: 500,
  sellerApiKey: 'seller-key-for-tests',
  refundWindowDays: 7,
  pix: {
    pixKey: 'pix@cursos.example.com',
    merchantName: 'Escola de Cursos Ltda',
    merchantCity: 'Sao Paulo',
    expiryMs: 1_800_000,
  },
} satisfies Partial<FinancialSettings>;

/**
 * Financial on a database of its own and the in-process bus, with the test's lead and card
 * directories and whatever settings it names; `recordedTopics` are the events it reads back.
 */
export function startFinancial(
  settings: Pick<FinancialSettings, 'leads' | 'cards'> & Partial<FinancialSettings>,
  recordedTopics: string[],
): Promise<ServiceUnderTest<ServiceRuntime>> {
  return startServiceUnderTest(
    financialDatabase,
    (context) => createFinancialService({ ...context, ...settingsForTests, ...settings }),
    recordedTopics,
  );
}
