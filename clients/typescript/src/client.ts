import createClient, { type Client, type Middleware } from "openapi-fetch";
import { errorFor, retryDelaySeconds } from "./errors.js";
import type { components, paths } from "./schema.js";

export type Schemas = components["schemas"];
export type Scan = Schemas["ScanDetail"];
export type ScanStatus = Scan["status"];
export type Token = Schemas["Token"];

/** A scan stops changing once it is in one of these. */
export const FINISHED_SCAN_STATUSES: readonly ScanStatus[] = ["completed", "failed", "cancelled"];

export interface RetryInfo {
  /** 1 for the first retry. */
  attempt: number;
  /** Seconds the answer asked to wait; the client waits that and 0.1 to 0.6 s more. */
  waitSeconds: number;
  /** The 429 answer. */
  response: Response;
}

export interface RetryOptions {
  /** Retries of one request after 429 answers (default 3; 0 turns retrying off). */
  retries?: number;
  /**
   * The longest wait the client accepts (seconds, default 60). A 429 asking for longer (an
   * hourly limit spent) is not retried: the call fails at once with a RateLimitError whose
   * `retryAfter` says how long to wait.
   */
  maxWaitSeconds?: number;
  /** Called before each wait, e.g. to log it. */
  onRetry?: (info: RetryInfo) => void;
}

export interface ClientOptions {
  /** The appliance, e.g. `https://cyberorigen.example.com` (without `/api/v1`). */
  baseUrl: string;
  /** An API key (`co_…`) or an access token, sent as `Authorization: Bearer …`. */
  apiKey?: string;
  retry?: RetryOptions;
  /** The fetch to use (default `globalThis.fetch`). */
  fetch?: (request: Request) => Promise<Response>;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
}

export interface WaitOptions {
  /** Time between polls in milliseconds (default 2000). */
  intervalMs?: number;
  /** Give up after this many milliseconds (default 30 minutes): throws ScanTimeoutError. */
  timeoutMs?: number;
  /** Called with the scan after every poll whose progress, step or status changed. */
  onProgress?: (scan: Scan) => void;
  signal?: AbortSignal;
}

/** waitForScan ran out of time; `scan` is the last state seen. */
export class ScanTimeoutError extends Error {
  readonly scan: Scan;
  constructor(scan: Scan) {
    super(`scan ${scan.id} is still ${scan.status} (${scan.progress ?? 0}%)`);
    this.name = "ScanTimeoutError";
    this.scan = scan;
  }
}

// --- types of the list endpoints, read from the generated paths -----------------------------

type Json<R> = R extends { content: { "application/json": infer B } } ? B : never;
type GetOk<P extends keyof paths> = paths[P] extends { get: { responses: { 200: infer R } } } ? Json<R> : never;
/** Every path whose GET answers a page (`items`, `total`, `page`, `per_page`, `pages`). */
export type ListPath = {
  [P in keyof paths]: GetOk<P> extends { items: unknown[]; pages: number } ? P : never;
}[keyof paths];
/** One item of a list path's pages. */
export type ItemOf<P extends ListPath> = GetOk<P> extends { items: (infer I)[] } ? I : never;
type Parameters<P extends ListPath> = paths[P] extends { get: { parameters: infer X } } ? X : never;
type Query<P extends ListPath> = Parameters<P> extends { query?: infer Q } ? NonNullable<Q> : never;
type PathParams<P extends ListPath> = Parameters<P> extends { path: infer A } ? A : never;
export type PageParams<P extends ListPath> = {
  query?: Omit<Query<P>, "page" | "per_page">;
} & ([PathParams<P>] extends [never] ? { path?: never } : { path: PathParams<P> });
/** A list path's parameters (required when the path has parameters) and the page size. */
export type PageArgs<P extends ListPath> = [PathParams<P>] extends [never]
  ? [params?: PageParams<P>, perPage?: number]
  : [params: PageParams<P>, perPage?: number];

const TOKEN_PATH = "/api/v1/auth/token";

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });

/** A fetch that waits and retries after 429 answers, as the answer's headers ask. */
export function retryingFetch(
  base: (request: Request) => Promise<Response>,
  options: RetryOptions = {},
): (request: Request) => Promise<Response> {
  const retries = options.retries ?? 3;
  const maxWait = options.maxWaitSeconds ?? 60;
  return async (request: Request) => {
    for (let attempt = 1; ; attempt++) {
      const spare = attempt <= retries ? request.clone() : undefined;
      const response = await base(request);
      if (response.status !== 429 || !spare) return response;
      const wait = retryDelaySeconds(response.headers) ?? 2 ** (attempt - 1);
      if (wait > maxWait) return response;
      options.onRetry?.({ attempt, waitSeconds: wait, response });
      await response.body?.cancel();
      // a little later than asked, never sooner: clients refused together do not all come back
      // at the same instant
      await sleep(wait * 1000 + 100 + Math.random() * 500, request.signal);
      request = spare;
    }
  };
}

/**
 * A client of one appliance: `api` is the typed openapi-fetch client of every endpoint; the
 * methods add what a generated client does not: login, 429 retries, pages, scan waiting.
 */
export class CyberOrigenClient {
  /** The typed client: `client.api.GET("/api/v1/scans/{scan_id}", {params: {path: {scan_id}}})`. */
  readonly api: Client<paths>;
  readonly baseUrl: string;
  /** The credential sent as a bearer token (an access token after login, or an API key). */
  token: string | undefined;

  constructor(options: ClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, "");
    this.token = options.apiKey;
    const base = options.fetch ?? ((request: Request) => globalThis.fetch(request));
    this.api = createClient<paths>({
      baseUrl: this.baseUrl,
      fetch: retryingFetch(base, options.retry),
      headers: options.headers,
    });
    const auth: Middleware = {
      onRequest: ({ request, schemaPath }) => {
        if (this.token && schemaPath !== TOKEN_PATH && !request.headers.has("Authorization")) {
          request.headers.set("Authorization", `Bearer ${this.token}`);
        }
        return request;
      },
    };
    this.api.use(auth);
  }

  /** Log in with an e-mail and password (the OAuth2 password flow); later calls use the token. */
  async login(email: string, password: string): Promise<Token> {
    const token = await this.data(
      this.api.POST(TOKEN_PATH, {
        body: { username: email, password, grant_type: "password" },
        bodySerializer: (body) => new URLSearchParams(body as Record<string, string>),
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
      }),
    );
    this.token = token.access_token;
    return token;
  }

  /**
   * The data of a call of `api`, or throws its ApiError (a RateLimitError for a 429):
   * `const scan = await client.data(client.api.POST("/api/v1/scans", {body}))`.
   */
  async data<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
    const { data, error, response } = await call;
    if (!response.ok) throw errorFor(response, error);
    return data as T;
  }

  /** Every item of a list endpoint, page after page (`perPage` per request, default 100). */
  async *paginate<P extends ListPath>(path: P, ...args: PageArgs<P>): AsyncGenerator<ItemOf<P>, void, undefined> {
    const [params, perPage = 100] = args;
    for (let page = 1; ; page++) {
      const init = { params: { ...params, query: { ...params?.query, page, per_page: perPage } } };
      // The generic P cannot be narrowed to one path's init type: the call is checked by callers.
      const body = (await this.data(this.api.GET(path as never, init as never))) as {
        items: ItemOf<P>[];
        pages: number;
      };
      yield* body.items;
      if (page >= body.pages || body.items.length === 0) return;
    }
  }

  /** Every item of a list endpoint, in one array. */
  async all<P extends ListPath>(path: P, ...args: PageArgs<P>): Promise<ItemOf<P>[]> {
    const items: ItemOf<P>[] = [];
    for await (const item of this.paginate(path, ...args)) items.push(item);
    return items;
  }

  /** One scan. */
  getScan(scanId: string): Promise<Scan> {
    return this.data(this.api.GET("/api/v1/scans/{scan_id}", { params: { path: { scan_id: scanId } } }));
  }

  /**
   * Poll a scan until it is completed, failed or cancelled, and return it (check `status`:
   * a failed scan is returned, not thrown). `onProgress` sees every change of progress.
   * Takes the scan (as `POST /api/v1/scans` answered it) or its id.
   */
  async waitForScan(scan: string | { id?: string }, options: WaitOptions = {}): Promise<Scan> {
    const scanId = typeof scan === "string" ? scan : scan.id;
    if (!scanId) throw new TypeError("waitForScan needs a scan or its id");
    const interval = options.intervalMs ?? 2000;
    const deadline = Date.now() + (options.timeoutMs ?? 30 * 60 * 1000);
    let seen = "";
    for (;;) {
      const scan = await this.getScan(scanId);
      const state = `${scan.status}|${scan.progress}|${scan.current_step ?? ""}`;
      if (state !== seen) {
        seen = state;
        options.onProgress?.(scan);
      }
      if (FINISHED_SCAN_STATUSES.includes(scan.status)) return scan;
      if (Date.now() + interval > deadline) throw new ScanTimeoutError(scan);
      await sleep(interval, options.signal);
    }
  }
}

/** `createCyberOrigenClient({baseUrl, apiKey})`: the same as `new CyberOrigenClient(...)`. */
export function createCyberOrigenClient(options: ClientOptions): CyberOrigenClient {
  return new CyberOrigenClient(options);
}
