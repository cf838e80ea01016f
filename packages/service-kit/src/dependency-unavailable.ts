/**
 * Another service this one needs cannot be reached right now (it is restarting, say): not a bug,
 * and not the client's fault. A request answers 503 with Retry-After; an event is retried.
 */
export class DependencyUnavailableError extends Error {
  constructor(
    readonly dependency: string,
    options?: ErrorOptions,
  ) {
    super(`${dependency} is unavailable`, options);
  }
}
