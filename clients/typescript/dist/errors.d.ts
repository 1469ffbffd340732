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
export declare class ApiError extends Error {
    readonly status: number;
    readonly detail: string;
    readonly errorCode: string;
    readonly field: string | null;
    readonly errors: Record<string, string[]>;
    readonly requestId: string | undefined;
    readonly response: Response;
    constructor(response: Response, body: unknown);
}
/** A 429 that the client did not (or no longer) retry: `retryAfter` says how long to wait. */
export declare class RateLimitError extends ApiError {
    /** Seconds to wait before the next request, from `Retry-After` and `X-RateLimit-Reset`. */
    readonly retryAfter: number | undefined;
    /** When the limit's window resets (`X-RateLimit-Reset`), if the answer said. */
    readonly resetAt: Date | undefined;
    readonly limit: number | undefined;
    constructor(response: Response, body: unknown);
}
/** The error for a failed answer: a RateLimitError for a 429, an ApiError otherwise. */
export declare function errorFor(response: Response, body: unknown): ApiError;
/**
 * How long a 429 asks to wait, in seconds: the longer of `Retry-After` (seconds or an HTTP
 * date) and the time until `X-RateLimit-Reset` (Unix seconds), so that neither is ignored;
 * undefined when the answer says neither.
 */
export declare function retryDelaySeconds(headers: Headers, now?: number): number | undefined;
