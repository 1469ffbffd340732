import { type Client } from "openapi-fetch";
import type { components, paths } from "./schema.js";
export type Schemas = components["schemas"];
export type Scan = Schemas["ScanDetail"];
export type ScanStatus = Scan["status"];
export type Token = Schemas["Token"];
/** A scan stops changing once it is in one of these. */
export declare const FINISHED_SCAN_STATUSES: readonly ScanStatus[];
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
export declare class ScanTimeoutError extends Error {
    readonly scan: Scan;
    constructor(scan: Scan);
}
type Json<R> = R extends {
    content: {
        "application/json": infer B;
    };
} ? B : never;
type GetOk<P extends keyof paths> = paths[P] extends {
    get: {
        responses: {
            200: infer R;
        };
    };
} ? Json<R> : never;
/** Every path whose GET answers a page (`items`, `total`, `page`, `per_page`, `pages`). */
export type ListPath = {
    [P in keyof paths]: GetOk<P> extends {
        items: unknown[];
        pages: number;
    } ? P : never;
}[keyof paths];
/** One item of a list path's pages. */
export type ItemOf<P extends ListPath> = GetOk<P> extends {
    items: (infer I)[];
} ? I : never;
type Parameters<P extends ListPath> = paths[P] extends {
    get: {
        parameters: infer X;
    };
} ? X : never;
type Query<P extends ListPath> = Parameters<P> extends {
    query?: infer Q;
} ? NonNullable<Q> : never;
type PathParams<P extends ListPath> = Parameters<P> extends {
    path: infer A;
} ? A : never;
export type PageParams<P extends ListPath> = {
    query?: Omit<Query<P>, "page" | "per_page">;
} & ([PathParams<P>] extends [never] ? {
    path?: never;
} : {
    path: PathParams<P>;
});
/** A list path's parameters (required when the path has parameters) and the page size. */
export type PageArgs<P extends ListPath> = [PathParams<P>] extends [never] ? [params?: PageParams<P>, perPage?: number] : [params: PageParams<P>, perPage?: number];
/** A fetch that waits and retries after 429 answers, as the answer's headers ask. */
export declare function retryingFetch(base: (request: Request) => Promise<Response>, options?: RetryOptions): (request: Request) => Promise<Response>;
/**
 * A client of one appliance: `api` is the typed openapi-fetch client of every endpoint; the
 * methods add what a generated client does not: login, 429 retries, pages, scan waiting.
 */
export declare class CyberOrigenClient {
    /** The typed client: `client.api.GET("/api/v1/scans/{scan_id}", {params: {path: {scan_id}}})`. */
    readonly api: Client<paths>;
    readonly baseUrl: string;
    /** The credential sent as a bearer token (an access token after login, or an API key). */
    token: string | undefined;
    constructor(options: ClientOptions);
    /** Log in with an e-mail and password (the OAuth2 password flow); later calls use the token. */
    login(email: string, password: string): Promise<Token>;
    /**
     * The data of a call of `api`, or throws its ApiError (a RateLimitError for a 429):
     * `const scan = await client.data(client.api.POST("/api/v1/scans", {body}))`.
     */
    data<T>(call: Promise<{
        data?: T;
        error?: unknown;
        response: Response;
    }>): Promise<T>;
    /** Every item of a list endpoint, page after page (`perPage` per request, default 100). */
    paginate<P extends ListPath>(path: P, ...args: PageArgs<P>): AsyncGenerator<ItemOf<P>, void, undefined>;
    /** Every item of a list endpoint, in one array. */
    all<P extends ListPath>(path: P, ...args: PageArgs<P>): Promise<ItemOf<P>[]>;
    /** One scan. */
    getScan(scanId: string): Promise<Scan>;
    /**
     * Poll a scan until it is completed, failed or cancelled, and return it (check `status`:
     * a failed scan is returned, not thrown). `onProgress` sees every change of progress.
     * Takes the scan (as `POST /api/v1/scans` answered it) or its id.
     */
    waitForScan(scan: string | {
        id?: string;
    }, options?: WaitOptions): Promise<Scan>;
}
/** `createCyberOrigenClient({baseUrl, apiKey})`: the same as `new CyberOrigenClient(...)`. */
export declare function createCyberOrigenClient(options: ClientOptions): CyberOrigenClient;
export {};
