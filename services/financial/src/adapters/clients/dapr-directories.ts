import { invokeApp, type DaprSidecar } from '@checkout/service-kit';
import type { Language } from '@checkout/contracts';
import type { CardSummary, Contact } from '../../domain/checkout';
import type { CardDirectory, LeadDirectory } from '../../app/ports';

const path = (value: string) => encodeURIComponent(value);

function expectStatus(response: { status: number }, allowed: number[], what: string): void {
  if (!allowed.includes(response.status))
    throw new Error(`${what} answered HTTP ${response.status}`);
}

type Lead = Contact & { language?: Language };

/** Marketing's leads, through Dapr service invocation; the lead's language when it has one. */
export function daprLeadDirectory(sidecar: DaprSidecar): LeadDirectory {
  return {
    findLead: async (id) => {
      const response = await invokeApp(sidecar, 'marketing', `internal/leads/${path(id)}`);
      expectStatus(response, [200, 404], 'marketing');
      if (response.status !== 200) return undefined;
      const { name, email, language } = response.body as Lead;
      return { name, email, ...(language && { language }) };
    },
  };
}

type ChargeableAnswer = { chargeable: false } | ({ chargeable: true } & CardSummary);

/** The card vault's chargeability check, through Dapr service invocation. */
export function daprCardDirectory(sidecar: DaprSidecar): CardDirectory {
  return {
    findChargeableCard: async (token) => {
      const response = await invokeApp(sidecar, 'card-vault', 'internal/cards/chargeable', {
        httpMethod: 'POST',
        body: { token },
      });
      expectStatus(response, [200], 'card-vault');
      const answer = response.body as ChargeableAnswer;
      return answer.chargeable ? { brand: answer.brand, last4: answer.last4 } : undefined;
    },
  };
}
