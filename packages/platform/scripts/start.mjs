// `npm start`: builds the platform's server code when its sources changed (build-platform.mjs),
// then runs it in this very process: no tsx, and no process between npm and the platform.
import { hostname } from 'node:os';
import { createRequire } from 'node:module';
import process from 'node:process';
import { ensurePlatformBuilt } from './build-platform.mjs';

/** One line as the platform logs it (JSON, or readable on a terminal), before its logger exists. */
function logInfo(msg) {
  const chosen = process.env.LOG_FORMAT?.trim();
  const json = chosen === 'json' || (chosen !== 'pretty' && !process.stdout.isTTY);
  const time = Date.now();
  const line = json
    ? JSON.stringify({
        level: 30,
        time,
        pid: process.pid,
        hostname: hostname(),
        name: 'checkout',
        msg,
      })
    : `[${new Date(time).toTimeString().slice(0, 8)}.${String(time % 1000).padStart(3, '0')}] INFO (checkout): ${msg}`;
  process.stdout.write(`${line}\n`);
}

const main = await ensurePlatformBuilt(logInfo);
// Stack traces name the TypeScript sources' lines.
process.setSourceMapsEnabled(true);
createRequire(import.meta.url)(main);
