/** The appliance's error envelope: every error answer has this body. */
export interface ErrorBody {
  detail: string;
  error_code: string;
  /** The offending field (a dotted path), or null. */
  field: string | null;
  /** 422 only: every offending field with its messages. */
  errors?: Record<string, string[]>;
  /** 500 only: quote it when reporting. */
  request_id?: string;
}

/** An answer that is not a success, with the envelope's fields. */
export class ApiError extends Error {
  readonly status: number;
  readonly detail: string;
  readonly errorCode: string;
  readonly field: string | null;
  readonly errors: Record<string, string[]>;
  readonly requestId: string | undefined;
  readonly response: Response;

  constructor(response: Response, body: unknown) {
    const envelope = asEnvelope(body, response);
    super(`${response.status} ${envelope.error_code}: ${envelope.detail}`);
    this.name = "ApiError";
    this.status = response.status;
    this.detail = envelope.detail;
    this.errorCode = envelope.error_code;
    this.field = envelope.field ?? null;
    this.errors = envelope.errors ?? {};
    this.requestId = envelope.request_id;
    this.response = response;
  }
}

/** A 429 that the client did not (or no longer) retry: `retryAfter` says how long to wait. */
export class RateLimitError extends ApiError {
  /** Seconds to wait before the next request, from `Retry-After` and `X-RateLimit-Reset`. */
  readonly retryAfter: number | undefined;
  /** When the limit's window resets (`X-RateLimit-Reset`), if the answer said. */
  readonly resetAt: Date | undefined;
  readonly limit: number | undefined;

  constructor(response: Response, body: unknown) {
    super(response, body);
    this.name = "RateLimitError";
    this.retryAfter = retryDelaySeconds(response.headers);
    const reset = intHeader(response.headers, "X-RateLimit-Reset");
    this.resetAt = reset === undefined ? undefined : new Date(reset * 1000);
    this.limit = intHeader(response.headers, "X-RateLimit-Limit");
  }
}

/** The error for a failed answer: a RateLimitError for a 429, an ApiError otherwise. */
export function errorFor(response: Response, body: unknown): ApiError {
  return response.status === 429 ? new RateLimitError(response, body) : new ApiError(response, body);
}

function asEnvelope(body: unknown, response: Response): ErrorBody {
  if (body && typeof body === "object" && "error_code" in body && "detail" in body) {
    return body as ErrorBody;
  }
  const text = typeof body === "string" && body ? body.slice(0, 200) : response.statusText;
  return { detail: text || `HTTP ${response.status}`, error_code: `HTTP_${response.status}`, field: null };
}

function intHeader(headers: Headers, name: string): number | undefined {
  const value = headers.get(name);
  if (value === null || !/^\s*\d+\s*$/.test(value)) return undefined;
  return Number.parseInt(value, 10);
}

/**
 * How long a 429 asks to wait, in seconds: the longer of `Retry-After` (seconds or an HTTP
 * date) and the time until `X-RateLimit-Reset` (Unix seconds), so that neither is ignored;
 * undefined when the answer says neither.
 */
export function retryDelaySeconds(headers: Headers, now: number = Date.now()): number | undefined {
  const waits: number[] = [];
  const retryAfter = headers.get("Retry-After");
  if (retryAfter !== null) {
    if (/^\s*\d+\s*$/.test(retryAfter)) {
      waits.push(Number.parseInt(retryAfter, 10));
    } else {
      const at = Date.parse(retryAfter);
      if (!Number.isNaN(at)) waits.push(Math.max(0, Math.ceil((at - now) / 1000)));
    }
  }
  const reset = intHeader(headers, "X-RateLimit-Reset");
  if (reset !== undefined) waits.push(Math.max(0, Math.ceil(reset - now / 1000)));
  return waits.length ? Math.max(...waits) : undefined;
}
