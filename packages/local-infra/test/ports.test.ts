import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, waitUntil } from '../src';

/** A process that draws `count` ports, prints them and holds them until its stdin closes. */
function drawingProcess(count: number) {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '-e',
      `const { freePort } = require(${JSON.stringify(join(__dirname, '../src/ports.ts'))});
       Promise.all(Array.from({ length: ${count} }, () => freePort())).then((ports) => {
         console.log(JSON.stringify(ports));
         process.stdin.resume();
       });`,
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  let printed = '';
  child.stdout.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  return {
    ports: () => (printed.endsWith('\n') ? (JSON.parse(printed) as number[]) : undefined),
    end: () => child.stdin.end(),
  };
}

describe('freePort', () => {
  it('claims each port it hands out for the process that drew it', async () => {
    const port = await freePort();
    const claim = readFileSync(join(tmpdir(), 'checkout-ports', String(port)), 'utf8');
    expect(Number(claim)).toBe(process.pid);
  });

  // 320 ports drawn at random from 12,000 at once would almost surely (>95 %) share one if
  // nothing were claimed across processes, and nothing here listens on them in between.
  it('never hands the same port to two processes drawing at the same time', async () => {
    const processes = Array.from({ length: 8 }, () => drawingProcess(40));
    try {
      const drawn = await waitUntil(
        'every process to print its ports',
        () => {
          const lists = processes.map((p) => p.ports());
          return lists.every(Boolean) ? lists.flat() : undefined;
        },
        60_000,
      );
      expect(drawn).toHaveLength(320);
      expect(new Set(drawn).size).toBe(320);
    } finally {
      for (const p of processes) p.end();
    }
  });
});
