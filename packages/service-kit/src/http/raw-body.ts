import type { IncomingMessage } from 'node:http';
import type { Request } from 'express';

const rawBodies = new WeakMap<IncomingMessage, Buffer>();

/**
 * Keeps the bytes a JSON body was parsed from (the same buffer, no copy): a signature such as a
 * payment provider's webhook's is over the bytes sent, which re-serialising cannot give back.
 */
export const keepRawBody = (req: IncomingMessage, _res: unknown, body: Buffer) => {
  rawBodies.set(req, body);
};

/** The bytes of the request's JSON body as received; empty when it had none. */
export const rawBodyOf = (req: Request): Buffer => rawBodies.get(req) ?? Buffer.alloc(0);
