/** The code of a request that got no answer (ECONNREFUSED, UND_ERR_SOCKET, ...), from its cause. */
export const networkFailureCode = (error: unknown): string | undefined =>
  (error as { cause?: { code?: string } }).cause?.code;
