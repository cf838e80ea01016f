import { Writable } from 'node:stream';
import { createLogger, type Logger } from '@checkout/service-kit';

/** The service kit's own logger, writing its JSON lines into `lines` instead of stdout. */
export function capturedLogger(level = 'info'): {
  logger: Logger;
  lines: Record<string, unknown>[];
} {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLogger('test', level, destination), lines };
}
