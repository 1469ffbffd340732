/**
 * Verifying the appliance's webhook deliveries (Standard Webhooks).
 *
 * Each delivery carries `webhook-id` (the event id, the same on every retry), `webhook-timestamp`
 * (Unix seconds of this attempt) and `webhook-signature`: one or more `v1,<base64>` separated by
 * spaces, each an HMAC-SHA256 of `"{id}.{timestamp}.{body}"`. The key is the secret's UTF-8 bytes,
 * or, for a secret that starts with `whsec_`, the base64-decoded rest. Uses only the Web Crypto API
 * (`crypto.subtle`), so it runs in browsers, Node 20+, Deno and workers alike.
 */
/** Headers as a `Headers` object, or a plain object such as Node's `IncomingHttpHeaders`. */
export type HeaderSource = Headers | Record<string, string | string[] | undefined>;
/** The raw request body: the exact bytes received (re-serialised JSON will not verify). */
export type RawBody = string | ArrayBuffer | ArrayBufferView;
export interface VerifyOptions {
    /** Refuse deliveries whose timestamp is further than this from now (seconds; default 300). */
    toleranceSeconds?: number;
    /** "Now" in milliseconds since the epoch (default `Date.now()`). */
    now?: number;
}
/** Why a delivery was refused. */
export declare class WebhookVerificationError extends Error {
    constructor(message: string);
}
/** The HMAC key bytes of a webhook secret. */
export declare function webhookKey(secret: string): Uint8Array;
/**
 * Check a delivery and return its event (the parsed JSON body); throws
 * WebhookVerificationError when a header is missing, the timestamp is outside the tolerance, or
 * no signature matches. One matching signature is enough (two are sent while a rotated secret
 * overlaps the new one).
 */
export declare function verifyWebhook<Event = unknown>(secret: string, headers: HeaderSource, body: RawBody, options?: VerifyOptions): Promise<Event>;
/** Like verifyWebhook, but answers true or false instead of returning the event or throwing. */
export declare function isValidWebhook(secret: string, headers: HeaderSource, body: RawBody, options?: VerifyOptions): Promise<boolean>;
