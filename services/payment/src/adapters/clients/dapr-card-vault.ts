import { invokeApp, type DaprSidecar } from '@checkout/service-kit';
import type { CardVault } from '../../app/ports';

/** The vault's reveal call, through Dapr service invocation (allowed for payment only). */
export function daprCardVault(sidecar: DaprSidecar): CardVault {
  return {
    revealCardNumber: async (token) => {
      const response = await invokeApp(sidecar, 'card-vault', 'internal/cards/reveal', {
        httpMethod: 'POST',
        body: { token },
      });
      if (response.status === 404) return undefined;
      if (response.status !== 200) throw new Error(`card-vault answered HTTP ${response.status}`);
      return (response.body as { number: string }).number;
    },
  };
}
