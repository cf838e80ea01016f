import { waitUntil } from '@checkout/local-infra';

/**
 * Expects `holds` to stay true for `ms`: how a test says that nothing more happens (no second
 * e-mail, no retry, no lost row) over a stretch of time it names. Fails as soon as it breaks.
 */
export async function expectSteadyFor(
  what: string,
  holds: () => Promise<boolean> | boolean,
  ms: number,
): Promise<void> {
  // waitUntil looks for a break and, finding none within `ms`, fails: here that is the pass.
  const broke = await waitUntil(
    what,
    async (): Promise<{ error?: unknown } | undefined> => {
      try {
        return (await holds()) ? undefined : {};
      } catch (error) {
        return { error };
      }
    },
    ms,
  ).catch(() => undefined);
  if (broke && 'error' in broke) throw broke.error;
  if (broke) throw new Error(`${what}: no longer so within ${ms} ms`);
}
