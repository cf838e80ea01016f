import { invokeApp, type DaprSidecar } from '@checkout/service-kit';
import type { Contact } from '../../domain/checkout';
import type { CardDirectory, LeadDirectory } from '../../app/ports';

const path = (value: string) => encodeURIComponent(value);

function expectStatus(response: { status: number }, allowed: number[], what: string): void {
  if (!allowed.includes(response.status))
    throw new Error(`${what} answered HTTP ${response.status}`);
}

/** Marketing's leads, through Dapr service invocation. */
export function daprLeadDirectory(sidecar: DaprSidecar): LeadDirectory {
  return {
    findLead: async (id) => {
      const response = await invokeApp(sidecar, 'marketing', `internal/leads/${path(id)}`);
      expectStatus(response, [200, 404], 'marketing');
      return response.status === 200 ? (response.body as Contact) : undefined;
    },
  };
}

/** The card vault's chargeability check, through Dapr service invocation. */
export function daprCardDirectory(sidecar: DaprSidecar): CardDirectory {
  return {
    isChargeable: async (token) => {
      const response = await invokeApp(sidecar, 'card-vault', 'internal/cards/chargeable', {
        httpMethod: 'POST',
        body: { token },
      });
      expectStatus(response, [200], 'card-vault');
      return (response.body as { chargeable: boolean }).chargeable;
    },
  };
}
