import { rabbitmqManagement } from '@checkout/local-infra';

/** The default virtual host's queues. */
const queuesApi = new URL('api/queues/%2F', rabbitmqManagement.url).href;
const request = () => ({
  headers: { Authorization: rabbitmqManagement.authorization },
  signal: AbortSignal.timeout(5000),
});

/**
 * Dapr mode: the test platforms share one RabbitMQ, and a platform a test stopped mid-flight
 * leaves messages in the durable queues. The next platform would receive them (for checkouts
 * its database has never seen) and spend its first minutes retrying them towards the dead-letter
 * topics, beside the test's own messages. So each new test platform starts from empty queues; a
 * restart of the same platform (`startAgain`) keeps them. Every queue is purged, full or not:
 * the API's message counts are statistics, a few seconds old.
 */
export async function purgeLeftoverMessages(): Promise<void> {
  const listed = await fetch(`${queuesApi}?columns=name`, request()).catch(() => undefined);
  // Not installed or not running yet: no platform has left anything behind.
  if (!listed?.ok) return;
  const queues = (await listed.json()) as { name: string }[];
  await Promise.all(
    queues.map(async ({ name }) => {
      const purged = await fetch(`${queuesApi}/${encodeURIComponent(name)}/contents`, {
        ...request(),
        method: 'DELETE',
      });
      // 404: the queue went away meanwhile, and its messages with it.
      if (!purged.ok && purged.status !== 404)
        throw new Error(`could not purge queue ${name}: HTTP ${purged.status}`);
    }),
  );
}
