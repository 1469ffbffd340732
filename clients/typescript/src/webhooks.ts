/**
 * Verifying the appliance's webhook deliveries (Standard Webhooks).
 *
 * Each delivery carries `webhook-id` (the event id, the same on every retry), `webhook-timestamp`
 * (Unix seconds of this attempt) and `webhook-signature`: one or more `v1,<base64>` separated by
 * spaces, each an HMAC-SHA256 of `"{id}.{timestamp}.{body}"`. The key is the secret's UTF-8 bytes,
 * or, for a secret that starts with `whsec_`, the base64-decoded rest. Uses only the Web Crypto API
 * (`crypto.subtle`), so it runs in browsers, Node 20+, Deno and workers alike.
 */

const PREFIX = "whsec_";
const encoder = new TextEncoder();

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
export class WebhookVerificationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WebhookVerificationError";
  }
}

/** The HMAC key bytes of a webhook secret. */
export function webhookKey(secret: string): Uint8Array {
  if (!secret.startsWith(PREFIX)) return encoder.encode(secret);
  let text: string;
  try {
    text = atob(secret.slice(PREFIX.length));
  } catch {
    throw new WebhookVerificationError("a whsec_ secret must be base64 after the prefix");
  }
  return Uint8Array.from(text, (char) => char.charCodeAt(0));
}

function header(headers: HeaderSource, name: string): string | undefined {
  if (typeof (headers as Headers).get === "function") {
    return (headers as Headers).get(name) ?? undefined; // Headers, from any realm or polyfill
  }
  const record = headers as Record<string, string | string[] | undefined>;
  for (const [key, value] of Object.entries(record)) {
    if (key.toLowerCase() === name) return Array.isArray(value) ? value.join(" ") : value;
  }
  return undefined;
}

function bodyBytes(body: RawBody): Uint8Array {
  if (typeof body === "string") return encoder.encode(body);
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
}

function decodeBase64(text: string): Uint8Array | undefined {
  try {
    return Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
  } catch {
    return undefined;
  }
}

/**
 * Check a delivery and return its event (the parsed JSON body); throws
 * WebhookVerificationError when a header is missing, the timestamp is outside the tolerance, or
 * no signature matches. One matching signature is enough (two are sent while a rotated secret
 * overlaps the new one).
 */
export async function verifyWebhook<Event = unknown>(
  secret: string,
  headers: HeaderSource,
  body: RawBody,
  options: VerifyOptions = {},
): Promise<Event> {
  const id = header(headers, "webhook-id");
  const stamp = header(headers, "webhook-timestamp");
  const signatures = header(headers, "webhook-signature");
  if (!id || !stamp || !signatures) {
    throw new WebhookVerificationError("missing webhook-id, webhook-timestamp or webhook-signature");
  }
  if (!/^\d+$/.test(stamp)) throw new WebhookVerificationError("webhook-timestamp is not a number");
  const tolerance = options.toleranceSeconds ?? 300;
  const now = (options.now ?? Date.now()) / 1000;
  if (Math.abs(now - Number(stamp)) > tolerance) {
    throw new WebhookVerificationError("webhook-timestamp is outside the tolerance");
  }
  const raw = bodyBytes(body);
  const prefix = encoder.encode(`${id}.${stamp}.`);
  const signed = new Uint8Array(prefix.length + raw.length);
  signed.set(prefix);
  signed.set(raw, prefix.length);
  const key = await crypto.subtle.importKey(
    "raw",
    webhookKey(secret) as BufferSource,
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["verify"],
  );
  for (const candidate of signatures.split(" ")) {
    const [version, value] = candidate.split(",", 2);
    if (version !== "v1" || !value) continue;
    const digest = decodeBase64(value);
    // crypto.subtle.verify compares in constant time.
    if (digest && (await crypto.subtle.verify("HMAC", key, digest as BufferSource, signed as BufferSource))) {
      return JSON.parse(new TextDecoder().decode(raw)) as Event;
    }
  }
  throw new WebhookVerificationError("no webhook-signature matches");
}

/** Like verifyWebhook, but answers true or false instead of returning the event or throwing. */
export async function isValidWebhook(
  secret: string,
  headers: HeaderSource,
  body: RawBody,
  options: VerifyOptions = {},
): Promise<boolean> {
  try {
    await verifyWebhook(secret, headers, body, options);
    return true;
  } catch (error) {
    if (error instanceof WebhookVerificationError || error instanceof SyntaxError) return false;
    throw error;
  }
}
