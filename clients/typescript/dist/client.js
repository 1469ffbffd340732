import createClient, {} from "openapi-fetch";
import { errorFor, retryDelaySeconds } from "./errors.js";
/** A scan stops changing once it is in one of these. */
export const FINISHED_SCAN_STATUSES = ["completed", "failed", "cancelled"];
/** waitForScan ran out of time; `scan` is the last state seen. */
export class ScanTimeoutError extends Error {
    scan;
    constructor(scan) {
        super(`scan ${scan.id} is still ${scan.status} (${scan.progress ?? 0}%)`);
        this.name = "ScanTimeoutError";
        this.scan = scan;
    }
}
const TOKEN_PATH = "/api/v1/auth/token";
const sleep = (ms, signal) => new Promise((resolve, reject) => {
    if (signal?.aborted)
        return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => {
        clearTimeout(timer);
        reject(signal.reason);
    }, { once: true });
});
/** A fetch that waits and retries after 429 answers, as the answer's headers ask. */
export function retryingFetch(base, options = {}) {
    const retries = options.retries ?? 3;
    const maxWait = options.maxWaitSeconds ?? 60;
    return async (request) => {
        for (let attempt = 1;; attempt++) {
            const spare = attempt <= retries ? request.clone() : undefined;
            const response = await base(request);
            if (response.status !== 429 || !spare)
                return response;
            const wait = retryDelaySeconds(response.headers) ?? 2 ** (attempt - 1);
            if (wait > maxWait)
                return response;
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
    api;
    baseUrl;
    /** The credential sent as a bearer token (an access token after login, or an API key). */
    token;
    constructor(options) {
        this.baseUrl = options.baseUrl.replace(/\/+$/, "");
        this.token = options.apiKey;
        const base = options.fetch ?? ((request) => globalThis.fetch(request));
        this.api = createClient({
            baseUrl: this.baseUrl,
            fetch: retryingFetch(base, options.retry),
            headers: options.headers,
        });
        const auth = {
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
    async login(email, password) {
        const token = await this.data(this.api.POST(TOKEN_PATH, {
            body: { username: email, password, grant_type: "password" },
            bodySerializer: (body) => new URLSearchParams(body),
            headers: { "Content-Type": "application/x-www-form-urlencoded" },
        }));
        this.token = token.access_token;
        return token;
    }
    /**
     * The data of a call of `api`, or throws its ApiError (a RateLimitError for a 429):
     * `const scan = await client.data(client.api.POST("/api/v1/scans", {body}))`.
     */
    async data(call) {
        const { data, error, response } = await call;
        if (!response.ok)
            throw errorFor(response, error);
        return data;
    }
    /** Every item of a list endpoint, page after page (`perPage` per request, default 100). */
    async *paginate(path, ...args) {
        const [params, perPage = 100] = args;
        for (let page = 1;; page++) {
            const init = { params: { ...params, query: { ...params?.query, page, per_page: perPage } } };
            // The generic P cannot be narrowed to one path's init type: the call is checked by callers.
            const body = (await this.data(this.api.GET(path, init)));
            yield* body.items;
            if (page >= body.pages || body.items.length === 0)
                return;
        }
    }
    /** Every item of a list endpoint, in one array. */
    async all(path, ...args) {
        const items = [];
        for await (const item of this.paginate(path, ...args))
            items.push(item);
        return items;
    }
    /** One scan. */
    getScan(scanId) {
        return this.data(this.api.GET("/api/v1/scans/{scan_id}", { params: { path: { scan_id: scanId } } }));
    }
    /**
     * Poll a scan until it is completed, failed or cancelled, and return it (check `status`:
     * a failed scan is returned, not thrown). `onProgress` sees every change of progress.
     * Takes the scan (as `POST /api/v1/scans` answered it) or its id.
     */
    async waitForScan(scan, options = {}) {
        const scanId = typeof scan === "string" ? scan : scan.id;
        if (!scanId)
            throw new TypeError("waitForScan needs a scan or its id");
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
            if (FINISHED_SCAN_STATUSES.includes(scan.status))
                return scan;
            if (Date.now() + interval > deadline)
                throw new ScanTimeoutError(scan);
            await sleep(interval, options.signal);
        }
    }
}
/** `createCyberOrigenClient({baseUrl, apiKey})`: the same as `new CyberOrigenClient(...)`. */
export function createCyberOrigenClient(options) {
    return new CyberOrigenClient(options);
}
