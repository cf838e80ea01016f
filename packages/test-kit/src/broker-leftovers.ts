import { execFileSync, spawnSync } from 'node:child_process';

/**
 * Dapr mode: the test platforms share one RabbitMQ, and a platform a test stopped mid-flight
 * leaves messages in the durable queues. The next platform would receive them (for checkouts
 * its database has never seen) and spend its first minutes retrying them towards the dead-letter
 * topics, beside the test's own messages. So each new test platform
 * starts from empty queues; a restart of the same platform (`startAgain`) keeps them.
 */
export function purgeLeftoverMessages(): void {
  const listed = spawnSync(
    'rabbitmqctl',
    ['-q', 'list_queues', 'name', 'messages', '--formatter', 'json'],
    { encoding: 'utf8' },
  );
  // Not installed or not running yet: no platform has left anything behind.
  if (listed.status !== 0) return;
  const queues = JSON.parse(listed.stdout || '[]') as { name: string; messages: number }[];
  for (const { name, messages } of queues)
    if (messages > 0) execFileSync('rabbitmqctl', ['-q', 'purge_queue', name]);
}
