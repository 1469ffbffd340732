/** An answer that is not a success, with the envelope's fields. */
export class ApiError extends Error {
    status;
    detail;
    errorCode;
    field;
    errors;
    requestId;
    response;
    constructor(response, body) {
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
    retryAfter;
    /** When the limit's window resets (`X-RateLimit-Reset`), if the answer said. */
    resetAt;
    limit;
    constructor(response, body) {
        super(response, body);
        this.name = "RateLimitError";
        this.retryAfter = retryDelaySeconds(response.headers);
        const reset = intHeader(response.headers, "X-RateLimit-Reset");
        this.resetAt = reset === undefined ? undefined : new Date(reset * 1000);
        this.limit = intHeader(response.headers, "X-RateLimit-Limit");
    }
}
/** The error for a failed answer: a RateLimitError for a 429, an ApiError otherwise. */
export function errorFor(response, body) {
    return response.status === 429 ? new RateLimitError(response, body) : new ApiError(response, body);
}
function asEnvelope(body, response) {
    if (body && typeof body === "object" && "error_code" in body && "detail" in body) {
        return body;
    }
    const text = typeof body === "string" && body ? body.slice(0, 200) : response.statusText;
    return { detail: text || `HTTP ${response.status}`, error_code: `HTTP_${response.status}`, field: null };
}
function intHeader(headers, name) {
    const value = headers.get(name);
    if (value === null || !/^\s*\d+\s*$/.test(value))
        return undefined;
    return Number.parseInt(value, 10);
}
/**
 * How long a 429 asks to wait, in seconds: the longer of `Retry-After` (seconds or an HTTP
 * date) and the time until `X-RateLimit-Reset` (Unix seconds), so that neither is ignored;
 * undefined when the answer says neither.
 */
export function retryDelaySeconds(headers, now = Date.now()) {
    const waits = [];
    const retryAfter = headers.get("Retry-After");
    if (retryAfter !== null) {
        if (/^\s*\d+\s*$/.test(retryAfter)) {
            waits.push(Number.parseInt(retryAfter, 10));
        }
        else {
            const at = Date.parse(retryAfter);
            if (!Number.isNaN(at))
                waits.push(Math.max(0, Math.ceil((at - now) / 1000)));
        }
    }
    const reset = intHeader(headers, "X-RateLimit-Reset");
    if (reset !== undefined)
        waits.push(Math.max(0, Math.ceil(reset - now / 1000)));
    return waits.length ? Math.max(...waits) : undefined;
}
