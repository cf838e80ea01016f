/** One line that says why a start failed, for the operator who reads the log. */
export function startFailureReason(error: unknown): string {
  const { code, port, address, errors } = error as {
    code?: string;
    port?: number;
    address?: string;
    errors?: unknown[];
  };
  if (code === 'EADDRINUSE') return `port ${port} is in use`;
  if (code === 'EACCES' && port !== undefined) return `no permission to listen on port ${port}`;
  if (code === 'ECONNREFUSED') return `nothing answers at ${address}:${port}`;
  const message = error instanceof Error ? error.message : String(error);
  // A connection tried on several addresses fails with an AggregateError and no message.
  if (!message && errors?.[0]) return startFailureReason(errors[0]);
  return message.split('\n')[0] || String(code ?? error);
}
