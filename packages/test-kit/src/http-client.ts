export interface ApiResponse {
  status: number;
  contentType: string;
  /** Parsed JSON, or the raw text; typed loosely because tests read whatever came back. */
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** A tiny JSON client for tests; `rawBody` sends bytes exactly as given. */
export function apiClient(baseUrl: string) {
  const call = async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await response.text();
    const contentType = response.headers.get('content-type') ?? '';
    return {
      status: response.status,
      contentType,
      body: text && contentType.includes('json') ? (JSON.parse(text) as unknown) : text,
    };
  };
  return {
    get: (path: string, headers?: Record<string, string>): Promise<ApiResponse> =>
      call('GET', path, undefined, headers),
    post: (path: string, body: unknown, headers?: Record<string, string>): Promise<ApiResponse> =>
      call('POST', path, body, headers),
  };
}
