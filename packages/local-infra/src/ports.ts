import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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

/**
 * Claims the port for this process unless a live process holds it. The claim is written whole
 * under a name of our own and then linked into place, so no other process can read a claim
 * before its pid is in it (and take an empty file for an abandoned one).
 */
function claim(port: number): boolean {
  const file = join(claims, String(port));
  const draft = join(claims, `.draft-${process.pid}-${port}`);
  writeFileSync(draft, String(process.pid));
  try {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        linkSync(draft, file);
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        if (!clearAbandoned(file)) return false;
      }
    }
    return false;
  } finally {
    rmSync(draft, { force: true });
  }
}

/**
 * Moves a claim whose holder is gone out of the way; true when the port may be claimed again.
 * The claim is renamed before it is removed, and put back if it turns out to be a live process's
 * (one that took the port over a moment ago), so two processes clearing it never both win.
 */
function clearAbandoned(file: string): boolean {
  const holderOf = (path: string) => Number(readFileSync(path, 'utf8'));
  try {
    if (isAlive(holderOf(file))) return false;
  } catch {
    return true; // cleared meanwhile: try to claim it
  }
  const moved = `${file}.abandoned-${process.pid}`;
  try {
    renameSync(file, moved);
  } catch {
    return true; // someone else cleared it first: try to claim it
  }
  const live = isAlive(holderOf(moved));
  if (live) {
    try {
      linkSync(moved, file);
    } catch {
      // claimed again meanwhile: that claim stands
    }
  }
  rmSync(moved, { force: true });
  return !live;
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
