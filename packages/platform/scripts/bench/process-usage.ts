/**
 * CPU time and resident memory of the platform's processes, read from /proc (Linux only): the
 * platform's process tree, the PostgreSQL server's tree, and RabbitMQ (a system service in Dapr
 * mode, outside the tree).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

export type ProcessKind = 'node' | 'daprd' | 'postgres' | 'rabbitmq' | 'other';

interface ProcessStat {
  pid: number;
  ppid: number;
  comm: string;
  /** utime + stime, in ms. */
  cpuMs: number;
}

const ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
/** The Erlang VM's processes: RabbitMQ's runtime. */
const erlangCommands = new Set(['beam.smp', 'epmd', 'erl_child_setup', 'inet_gethost']);

function readStat(pid: number): ProcessStat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may hold spaces; the fields after it are fixed.
    const close = text.lastIndexOf(')');
    const fields = text.slice(close + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return {
      pid,
      ppid: Number(fields[1]),
      comm: text.slice(text.indexOf('(') + 1, close),
      cpuMs: (ticks * 1000) / ticksPerSecond,
    };
  } catch {
    return undefined; // it ended between the listing and the read
  }
}

const allProcesses = (): ProcessStat[] =>
  readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((name) => readStat(Number(name)) ?? []);

/** Node's main thread: `node`, `MainThread` (a renamed one) or, from Node 24, `node-MainThread`. */
const nodeCommands = new Set(['node', 'MainThread', 'node-MainThread']);

function kindOf(comm: string): ProcessKind {
  if (nodeCommands.has(comm)) return 'node';
  if (comm === 'daprd') return 'daprd';
  if (comm === 'postgres' || comm === 'postmaster') return 'postgres';
  if (erlangCommands.has(comm)) return 'rabbitmq';
  return 'other';
}

/**
 * The processes at `roots` and below them, plus with `rabbitmq` any Erlang VM on the machine
 * (Dapr mode's broker runs as a system service, outside the platform's tree).
 */
function platformProcesses(roots: number[], rabbitmq = false): ProcessStat[] {
  const processes = allProcesses();
  const wanted = new Set(roots);
  // Parents come before children in pid order only mostly, so repeat until nothing is added.
  for (let grew = true; grew;) {
    grew = false;
    for (const p of processes)
      if (!wanted.has(p.pid) && wanted.has(p.ppid)) {
        wanted.add(p.pid);
        grew = true;
      }
  }
  return processes.filter((p) => wanted.has(p.pid) || (rabbitmq && erlangCommands.has(p.comm)));
}

/** CPU ms per process (by pid, with its kind and name) at one moment. */
export interface CpuSnapshot {
  byPid: Map<number, { kind: ProcessKind; name: string; cpuMs: number }>;
}

export function takeCpuSnapshot(roots: number[], rabbitmq: boolean): CpuSnapshot {
  return {
    byPid: new Map(
      platformProcesses(roots, rabbitmq).map((p) => {
        const kind = kindOf(p.comm);
        const name = kind === 'node' ? nameOf(kind, p.comm, argsOf(p.pid)) : p.comm;
        return [p.pid, { kind, name, cpuMs: p.cpuMs }];
      }),
    ),
  };
}

/** CPU ms spent between two snapshots, summed per kind; a process born in between counts whole. */
export function cpuBetween(before: CpuSnapshot, after: CpuSnapshot): Map<ProcessKind, number> {
  const spent = new Map<ProcessKind, number>();
  for (const [pid, now] of after.byPid) {
    const delta = now.cpuMs - (before.byPid.get(pid)?.cpuMs ?? 0);
    spent.set(now.kind, (spent.get(now.kind) ?? 0) + delta);
  }
  return spent;
}

/** CPU ms the node processes spent between two snapshots, by name (workers together): which service costs what. */
export function nodeCpuBetween(before: CpuSnapshot, after: CpuSnapshot): Map<string, number> {
  const spent = new Map<string, number>();
  for (const [pid, now] of after.byPid)
    if (now.kind === 'node')
      spent.set(
        now.name,
        (spent.get(now.name) ?? 0) + now.cpuMs - (before.byPid.get(pid)?.cpuMs ?? 0),
      );
  return spent;
}

/** A process's resident memory now and at its peak (VmRSS, VmHWM), in MB. */
export interface ResidentMemory {
  pid: number;
  name: string;
  kind: ProcessKind;
  mb: number;
  peakMb: number;
  /** Proportional set size: pages shared with other processes (a binary's code) count in part. */
  pssMb: number;
}

const argsOf = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    return []; // it ended meanwhile
  }
};

/**
 * Who a process is: a sidecar by its app id; a node process by its script, a main.* by its folder
 * (services/marketing/src/main.ts and dist/services/marketing/main.js are both "marketing"), any
 * other by its file (npm start's primary, scripts/start.mjs, is "start"; its workers "worker").
 */
function nameOf(kind: ProcessKind, comm: string, args: string[]): string {
  if (kind === 'daprd') return `${args[args.indexOf('--app-id') + 1] ?? '?'}/daprd`;
  const script = args.findLast((arg) => /\.(ts|js|cjs|mjs)$/.test(arg));
  if (!script) return comm;
  const parts = script.split('/');
  const file = parts.pop()!.replace(/\.\w+$/, '');
  if (file !== 'main') return file;
  return parts.filter((part) => part !== 'src' && part !== 'dist').at(-1) ?? comm;
}

/**
 * Resident memory of every process under `roots` (node, daprd, sentry), plus with `rabbitmq` the
 * Erlang VM. PostgreSQL is left out: a server others share, whose backends all count its shared
 * buffers again.
 */
export function residentMemory(roots: number[], rabbitmq = false): ResidentMemory[] {
  return platformProcesses(roots, rabbitmq).flatMap((p) => {
    try {
      const status = readFileSync(`/proc/${p.pid}/status`, 'utf8');
      const mb = (field: string) =>
        Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
      const kind = kindOf(p.comm);
      const name = nameOf(kind, p.comm, argsOf(p.pid));
      const pss = /Pss:\s+(\d+)/.exec(readFileSync(`/proc/${p.pid}/smaps_rollup`, 'utf8'));
      const pssMb = Number(pss?.[1] ?? 0) / 1024;
      return [{ pid: p.pid, name, kind, mb: mb('VmRSS'), peakMb: mb('VmHWM'), pssMb }];
    } catch {
      return [];
    }
  });
}

/** The parent of `pid`: a PostgreSQL backend's parent is the server (postmaster). */
export const parentOf = (pid: number): number | undefined => readStat(pid)?.ppid;

/** The machine's CPU ticks so far, busy and in all (the first line of /proc/stat). */
export function machineTicks(): { busy: number; total: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1, 9);
  const ticks = fields.map(Number);
  const total = ticks.reduce((a, b) => a + b, 0);
  // user nice system idle iowait irq softirq steal (guest time is inside user already)
  return { busy: total - (ticks[3] ?? 0) - (ticks[4] ?? 0), total };
}
