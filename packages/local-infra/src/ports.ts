import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Where ports are claimed, one file per port holding the claiming process's pid: the platform,
 * its sidecars and parallel test workers draw ports at the same moment, and a port checked free
 * by two of them would go to both. Claims are not removed on exit (a killed process could not
 * anyway): the next process to draw the port takes over a claim whose holder is gone.
 */
const claims = join(tmpdir(), 'checkout-ports');
const ours = new Set<number>();

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Claims the port for this process unless a live process holds it; a dead holder's claim is taken over. */
function claim(port: number): boolean {
  const file = join(claims, String(port));
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(file, 'utf8'));
      if (holder && isAlive(holder)) return false;
      rmSync(file, { force: true });
    }
  }
  return false;
}

const canListen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = createServer()
      .once('error', () => resolve(false))
      .listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });

/**
 * A port that no other process of ours will be handed while this one lives, and that nothing
 * listens on now. It is drawn below Linux's ephemeral range (32768 and up), which outgoing
 * connections take from at random, so that only a program listening on a fixed port could still
 * take it before the child we pass it to binds it. For a server of our own, listening on port 0
 * is simpler still; this is for the programs that must be told their ports (daprd, PostgreSQL).
 */
export async function freePort(): Promise<number> {
  mkdirSync(claims, { recursive: true, mode: 0o1777 });
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (ours.has(port) || !claim(port)) continue;
    ours.add(port);
    if (await canListen(port)) return port;
  }
}
