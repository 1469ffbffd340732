export { CyberOrigenClient, FINISHED_SCAN_STATUSES, ScanTimeoutError, createCyberOrigenClient, retryingFetch, } from "./client.js";
export { ApiError, RateLimitError, errorFor, retryDelaySeconds } from "./errors.js";
export { WebhookVerificationError, isValidWebhook, verifyWebhook, webhookKey } from "./webhooks.js";
export { API_VERSION } from "./version.js";
