import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Runs a command and tells whether it succeeded (is RabbitMQ running? did it stop?). */
export async function succeeds(check: [string, ...string[]]): Promise<boolean> {
  return run(check[0], check.slice(1)).then(
    () => true,
    () => false,
  );
}
