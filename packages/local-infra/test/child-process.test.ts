import { startChild, waitUntil, waitUntilReady } from '../src';

const node = process.execPath;
const keep = { cwd: __dirname, env: process.env, output: 'keep' } as const;
const isRunning = (pid: number | undefined) => {
  if (pid === undefined) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('a child process', () => {
  it('that cannot start says which program is missing in one line, without throwing in the parent', async () => {
    const child = startChild('the tool', '/nonexistent/tool', [], keep);
    // No pid to signal: a caller's process.kill(pid) cannot reach another process (-1: every one).
    expect(child.pid).toBeUndefined();
    await expect(child.stop()).resolves.toBeNull();
    expect(child.exitReason()).toBe(
      'the tool could not start /nonexistent/tool: spawn /nonexistent/tool ENOENT',
    );
  });

  it('is stopped through its own pid, with SIGKILL when it ignores SIGTERM', async () => {
    const child = startChild(
      'stubborn',
      node,
      ['-e', "process.on('SIGTERM', () => {}); console.log('up'); setInterval(() => {}, 1000)"],
      keep,
    );
    await waitUntil('the child to print up', () => child.output().includes('up') || undefined);
    const pid = child.pid;
    expect(isRunning(pid)).toBe(true);
    await child.stop('SIGTERM', 300);
    expect(child.exitReason()).toBe('stubborn exited (SIGKILL)');
    expect(isRunning(pid)).toBe(false);
  });

  it('kept alive, is started again after an exit nobody asked for', async () => {
    const child = startChild('flaky', node, ['-e', "console.log('run'); process.exit(3)"], keep);
    child.keepAlive();
    await waitUntil(
      'a second run',
      () => child.output().match(/run/g)?.length === 2 || undefined,
      5_000,
    );
    expect(child.output()).toContain('exited (3); restarting in 1000 ms');
    await child.stop();
  });

  it('that exits while awaited fails the wait with its reason and what it printed', async () => {
    const child = startChild(
      'broken',
      node,
      ['-e', "console.error('no config'); process.exit(2)"],
      keep,
    );
    await expect(waitUntilReady(child, 'the service', async () => false, 10_000)).rejects.toThrow(
      'the service: broken exited (2):\nno config',
    );
  });

  it('that is never ready is stopped when the wait times out', async () => {
    const child = startChild('slow', node, ['-e', 'setInterval(() => {}, 1000)'], keep);
    await expect(waitUntilReady(child, 'the slow service', async () => false, 300)).rejects.toThrow(
      'the slow service: not within 300 ms',
    );
    expect(child.exitReason()).toBe('slow exited (SIGTERM)');
  });
});
