/** Fields of driver and system errors that name parts of the schema or the network, never values. */
const safeFields = [
  'code',
  'errno',
  'sqlState',
  'severity',
  'routine',
  'schema',
  'table',
  'column',
  'dataType',
  'constraint',
  'syscall',
  'port',
  'status',
] as const;

/** knex prefixes a failed query's message with the SQL, parameters inlined: `<sql> - <reason>`. */
const sqlPrefix =
  /^\s*(select|insert|update|delete|with|begin|commit|rollback|savepoint|release|set|lock|create|alter|drop)\b[\s\S]* - /i;
const emailAddress = /[^\s@"'(),<>]+@[^\s@"'(),<>]+\.[a-z]{2,}/gi;

/**
 * PostgreSQL's own words without what the query carried: no SQL, no MikroORM `detail` (it
 * quotes the conflicting key) and no quoted input value at the end (`invalid input syntax for
 * type date: "..."`). E-mail addresses are masked in any message, whoever wrote it.
 */
export function withoutPersonalData(message: string): string {
  return message
    .split(/\n - (detail|hint): /)[0]!
    .replace(sqlPrefix, '')
    .replace(/: ".*"$/s, ': "[redacted]"')
    .replace(emailAddress, '[email]');
}

const stackFrames = (stack: string | undefined) =>
  stack
    ?.split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .join('\n');

/**
 * The pino serializer for errors: class, code, SQLSTATE and PostgreSQL's own message, never the
 * SQL, its parameters or a stack header that repeats the message.
 */
export function serializeError(error: unknown, depth = 0): unknown {
  if (!(error instanceof Error)) return error;
  const fields = error as unknown as Record<string, unknown>;
  const serialized: Record<string, unknown> = {
    type: error.constructor.name,
    message: withoutPersonalData(error.message),
  };
  for (const field of safeFields) {
    if (fields[field] !== undefined) serialized[field] = fields[field];
  }
  // A socket error's `address` is a host, but the key is redacted wherever it holds a postal one.
  if (typeof fields.address === 'string') serialized.host = fields.address;
  serialized.stack = stackFrames(error.stack);
  if (error.cause !== undefined && depth < 3)
    serialized.cause = serializeError(error.cause, depth + 1);
  if (error instanceof AggregateError && depth < 3)
    serialized.errors = (error.errors as unknown[]).map((e) => serializeError(e, depth + 1));
  return serialized;
}
