export { CyberOrigenClient, FINISHED_SCAN_STATUSES, ScanTimeoutError, createCyberOrigenClient, retryingFetch, } from "./client.js";
export type { ClientOptions, ItemOf, ListPath, PageArgs, PageParams, RetryInfo, RetryOptions, Scan, ScanStatus, Schemas, Token, WaitOptions, } from "./client.js";
export { ApiError, RateLimitError, errorFor, retryDelaySeconds } from "./errors.js";
export type { ErrorBody } from "./errors.js";
export { WebhookVerificationError, isValidWebhook, verifyWebhook, webhookKey } from "./webhooks.js";
export type { HeaderSource, RawBody, VerifyOptions } from "./webhooks.js";
export { API_VERSION } from "./version.js";
export type { components, operations, paths } from "./schema.js";
