/**
 * One line that says why a start failed, for the operator who reads the log; `settingOf` names
 * the setting that chose a port, so that a port in use says what to change.
 */
export function startFailureReason(
  error: unknown,
  settingOf: (port: number) => string | undefined = () => undefined,
): string {
  const { code, port, address, errors } = error as {
    code?: string;
    port?: number;
    address?: string;
    errors?: unknown[];
  };
  if (code === 'EADDRINUSE') {
    const setting = port === undefined ? undefined : settingOf(port);
    const change = setting ? `: stop what holds it, or set ${setting} to another port` : '';
    return `port ${port} is in use${change}`;
  }
  if (code === 'EACCES' && port !== undefined) return `no permission to listen on port ${port}`;
  if (code === 'ECONNREFUSED') return `nothing answers at ${address}:${port}`;
  const message = error instanceof Error ? error.message : String(error);
  // A connection tried on several addresses fails with an AggregateError and no message.
  if (!message && errors?.[0]) return startFailureReason(errors[0], settingOf);
  return message.split('\n')[0] || String(code ?? error);
}
