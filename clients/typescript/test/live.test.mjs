// The SDK against a live appliance. tests/test_clients_typescript.py starts one and runs
// `npm test` with its URL and accounts in the environment:
//   CYBERORIGEN_SDK_TEST_URL, CYBERORIGEN_SDK_TEST_EMAIL, CYBERORIGEN_SDK_TEST_PASSWORD (an admin),
//   CYBERORIGEN_SDK_TEST_LIMITED_EMAIL, CYBERORIGEN_SDK_TEST_LIMITED_PASSWORD (the admin of a
//   second organization, whose hourly limit the tests lower).
// The appliance must allow scanning 127.0.0.1, webhooks to 127.0.0.0/8, and few logins per
// second (auth.token_rate_limit "1/2 seconds"). Without the URL every test is skipped.
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { after, before, describe, it } from "node:test";

import {
  API_VERSION,
  ApiError,
  CyberOrigenClient,
  RateLimitError,
  WebhookVerificationError,
  isValidWebhook,
  verifyWebhook,
} from "../dist/index.js";

const env = process.env;
const BASE = env.CYBERORIGEN_SDK_TEST_URL;
const skip = BASE ? false : "CYBERORIGEN_SDK_TEST_URL is not set (tests/test_clients_typescript.py sets it)";

/** An HTTP server on 127.0.0.1 that answers `handler` and keeps what it received. */
async function listen(handler) {
  const received = [];
  const server = createServer((request, response) => {
    const chunks = [];
    request.on("data", (chunk) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ method: request.method, url: request.url, headers: request.headers, body: Buffer.concat(chunks) });
      handler(request, response);
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return { server, port, received, close: () => new Promise((resolve) => server.close(resolve)) };
}

async function eventually(what, condition, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe("the SDK against a live appliance", { skip }, () => {
  const admin = new CyberOrigenClient({ baseUrl: BASE ?? "http://127.0.0.1:1" });
  let web; // a misconfigured web server to scan
  let receiver; // the webhook receiver
  let apiKey;
  let hook;
  let scan;

  before(async () => {
    // no security headers, a version in Server, a cookie without flags: findings for the http scanner
    web = await listen((request, response) => {
      response.writeHead(200, {
        "Content-Type": "text/html",
        Server: "Apache/2.2.8 (Unix) PHP/5.2.4",
        "X-Powered-By": "PHP/5.2.4",
        "Set-Cookie": "session=abc123",
      });
      response.end("<html><body><form method=post><input type=password name=p></form></body></html>");
    });
    receiver = await listen((request, response) => {
      response.writeHead(204);
      response.end();
    });
  });

  after(async () => {
    await web?.close();
    await receiver?.close();
  });

  it("is the API version of the appliance it talks to", async () => {
    const response = await fetch(`${BASE}/openapi.json`);
    assert.equal((await response.json()).info.version, API_VERSION);
  });

  it("logs in with the password flow and sends the token", async () => {
    const token = await admin.login(env.CYBERORIGEN_SDK_TEST_EMAIL, env.CYBERORIGEN_SDK_TEST_PASSWORD);
    assert.equal(token.token_type, "bearer");
    assert.ok(token.expires_in > 0);
    const me = await admin.data(admin.api.GET("/api/v1/auth/me"));
    assert.equal(me.email, env.CYBERORIGEN_SDK_TEST_EMAIL);
  });

  it("throws an ApiError with the envelope for a wrong password and a wrong key (401)", async () => {
    const stranger = new CyberOrigenClient({ baseUrl: BASE });
    const wrongPassword = await stranger.login(env.CYBERORIGEN_SDK_TEST_EMAIL, "not the password").then(
      () => assert.fail("a wrong password logged in"),
      (error) => error,
    );
    assert.ok(wrongPassword instanceof ApiError);
    assert.equal(wrongPassword.status, 401);
    assert.equal(stranger.token, undefined);

    const wrongKey = new CyberOrigenClient({ baseUrl: BASE, apiKey: "co_not-a-key" });
    const refused = await wrongKey.data(wrongKey.api.GET("/api/v1/scans")).then(
      () => assert.fail("a wrong key was accepted"),
      (error) => error,
    );
    assert.ok(refused instanceof ApiError);
    assert.equal(refused.status, 401);
    assert.match(refused.errorCode, /^[A-Z][A-Z_]+$/);
    assert.equal(refused.field, null);
    assert.ok(refused.detail);
  });

  it("uses an API key as a bearer credential", async () => {
    const created = await admin.data(admin.api.POST("/api/v1/api-keys", { body: { name: "sdk tests", role: "admin" } }));
    assert.match(created.key, /^co_/);
    apiKey = created.key;
    const client = new CyberOrigenClient({ baseUrl: BASE, apiKey });
    const me = await client.data(client.api.GET("/api/v1/auth/me"));
    assert.equal(me.role, "admin");
  });

  it("names the offending field of a 422", async () => {
    const client = new CyberOrigenClient({ baseUrl: BASE, apiKey });
    const error = await client.data(client.api.POST("/api/v1/scope", { body: { value: "" } })).then(
      () => assert.fail("an empty scope entry was accepted"),
      (error) => error,
    );
    assert.ok(error instanceof ApiError);
    assert.equal(error.status, 422);
    assert.equal(error.errorCode, "VALIDATION_ERROR");
    assert.equal(error.field, "value");
    assert.ok(error.errors.value?.length);
  });

  it("creates a scope entry, subscribes a webhook and scans, waiting with progress", async () => {
    const client = new CyberOrigenClient({ baseUrl: BASE, apiKey });
    const entry = await client.data(client.api.POST("/api/v1/scope", { body: { value: "127.0.0.1" } }));
    assert.equal(entry.value, "127.0.0.1");
    hook = await client.data(
      client.api.POST("/api/v1/webhooks", {
        body: { url: `http://127.0.0.1:${receiver.port}/hook`, events: ["scan.completed"] },
      }),
    );
    assert.match(hook.secret, /^whsec_/);

    const created = await client.data(
      client.api.POST("/api/v1/scans", {
        body: { target: `http://127.0.0.1:${web.port}/`, scan_type: "web", frameworks: ["soc2"] },
      }),
    );
    assert.ok(["queued", "running"].includes(created.status));
    const seen = [];
    scan = await client.waitForScan(created.id, { intervalMs: 200, timeoutMs: 120_000, onProgress: (s) => seen.push(s) });
    assert.equal(scan.status, "completed", scan.error ?? "");
    assert.equal(scan.progress, 100);
    assert.ok(seen.length >= 1);
    assert.deepEqual(seen.at(-1), scan);
    assert.ok(seen.every((s, i) => i === 0 || s.progress >= seen[i - 1].progress));
    assert.ok(scan.vulnerabilities_found >= 2, `only ${scan.vulnerabilities_found} findings`);
  });

  it("pages through every finding of the scan", async () => {
    const client = new CyberOrigenClient({ baseUrl: BASE, apiKey });
    const pages = [];
    const counting = new CyberOrigenClient({
      baseUrl: BASE,
      apiKey,
      fetch: (request) => {
        pages.push(new URL(request.url).searchParams.get("page"));
        return fetch(request);
      },
    });
    const findings = [];
    for await (const finding of counting.paginate("/api/v1/scans/{scan_id}/findings", { path: { scan_id: scan.id } }, 1)) {
      findings.push(finding);
    }
    const first = await client.data(
      client.api.GET("/api/v1/scans/{scan_id}/findings", { params: { path: { scan_id: scan.id }, query: { per_page: 1 } } }),
    );
    assert.equal(findings.length, first.total);
    assert.equal(findings.length, scan.vulnerabilities_found);
    assert.equal(new Set(findings.map((f) => f.id)).size, findings.length);
    assert.deepEqual(pages, findings.map((_, i) => String(i + 1)));

    const everywhere = await client.all("/api/v1/findings");
    assert.ok(everywhere.length >= findings.length);
    const [{ check_id }] = findings;
    const filtered = await client.all("/api/v1/findings", { query: { check_id } });
    assert.ok(filtered.length >= 1 && filtered.every((f) => f.check_id === check_id));
  });

  it("verifies the signature of the scan.completed delivery the appliance sent", async () => {
    const delivery = await eventually("the scan.completed delivery", () => receiver.received.find((r) => r.url === "/hook"));
    const event = await verifyWebhook(hook.secret, delivery.headers, delivery.body);
    assert.equal(event.type, "scan.completed");
    assert.equal(event.data.scan_id, scan.id);
    assert.equal(event.id, delivery.headers["webhook-id"]);
    // as a browser or a fetch-based server would hand it over: Headers and an ArrayBuffer
    const headers = new Headers(delivery.headers);
    const bytes = delivery.body.buffer.slice(delivery.body.byteOffset, delivery.body.byteOffset + delivery.body.length);
    assert.equal((await verifyWebhook(hook.secret, headers, bytes)).id, event.id);

    const tampered = Buffer.from(delivery.body.toString("utf8").replace('"completed"', '"failed"'));
    assert.equal(await isValidWebhook(hook.secret, delivery.headers, tampered), false);
    const otherSecret = "whsec_" + Buffer.from("another secret entirely").toString("base64");
    assert.equal(await isValidWebhook(otherSecret, delivery.headers, delivery.body), false);
    await assert.rejects(
      verifyWebhook(hook.secret, delivery.headers, delivery.body, { now: Date.now() + 3600_000 }),
      WebhookVerificationError,
    );
  });

  it("verifies a ping signed with a secret of the user's own (its UTF-8 bytes as key)", async () => {
    const client = new CyberOrigenClient({ baseUrl: BASE, apiKey });
    const secret = "my-own-secret-of-some-length";
    const own = await client.data(
      client.api.POST("/api/v1/webhooks", { body: { url: `http://127.0.0.1:${receiver.port}/own`, events: ["scan.failed"], secret } }),
    );
    await client.data(client.api.POST("/api/v1/webhooks/{webhook_id}/test", { params: { path: { webhook_id: own.id } } }));
    const ping = await eventually("the ping", () => receiver.received.find((r) => r.url === "/own"));
    const event = await verifyWebhook(secret, ping.headers, ping.body);
    assert.equal(event.type, "ping");
    assert.equal(await isValidWebhook(hook.secret, ping.headers, ping.body), false);
  });

  it("verifies a delivery signed twice while a rotated secret overlaps the new one", async () => {
    const client = new CyberOrigenClient({ baseUrl: BASE, apiKey });
    const rotated = await client.data(
      client.api.POST("/api/v1/webhooks/{webhook_id}/rotate-secret", {
        params: { path: { webhook_id: hook.id } },
        body: { overlap_seconds: 600 },
      }),
    );
    assert.notEqual(rotated.secret, hook.secret);
    const before = receiver.received.length;
    await client.data(client.api.POST("/api/v1/webhooks/{webhook_id}/test", { params: { path: { webhook_id: hook.id } } }));
    const ping = await eventually("the ping after the rotation", () => receiver.received.slice(before).find((r) => r.url === "/hook"));
    assert.equal(ping.headers["webhook-signature"].split(" ").length, 2);
    assert.equal((await verifyWebhook(rotated.secret, ping.headers, ping.body)).type, "ping");
    assert.equal((await verifyWebhook(hook.secret, ping.headers, ping.body)).type, "ping");
  });

  it("waits out a 429's Retry-After and retries (the token endpoint's per-second limit)", async () => {
    const retries = [];
    const client = new CyberOrigenClient({ baseUrl: BASE, retry: { onRetry: (info) => retries.push({ ...info, at: Date.now() }) } });
    const started = Date.now();
    for (let i = 0; i < 4 && retries.length === 0; i++) {
      await client.login(env.CYBERORIGEN_SDK_TEST_EMAIL, env.CYBERORIGEN_SDK_TEST_PASSWORD);
    }
    assert.ok(retries.length >= 1, "four logins in a row within a limit of one per two seconds: none was refused");
    const [first] = retries;
    assert.equal(first.response.status, 429);
    const asked = Number(first.response.headers.get("Retry-After"));
    assert.ok(asked >= 1 && asked <= 2, `Retry-After: ${asked}`);
    assert.ok(first.waitSeconds >= asked);
    assert.ok(Date.now() - started >= first.waitSeconds * 1000);
    assert.ok(client.token);
  });

  it("does not wait an hour for a spent hourly limit: a RateLimitError says how long", async () => {
    const retries = [];
    const limited = new CyberOrigenClient({ baseUrl: BASE, retry: { onRetry: (info) => retries.push(info) } });
    await limited.login(env.CYBERORIGEN_SDK_TEST_LIMITED_EMAIL, env.CYBERORIGEN_SDK_TEST_LIMITED_PASSWORD);
    retries.length = 0; // the login may have met the token endpoint's limit: only the API's count
    const org = await limited.data(limited.api.PATCH("/api/v1/organizations/current", { body: { hourly_limit: 3 } }));
    assert.equal(org.rate_limits.hourly, 3);

    let answered = 0;
    const started = Date.now();
    const error = await (async () => {
      for (let i = 0; i < 10; i++) {
        await limited.data(limited.api.GET("/api/v1/scans"));
        answered++;
      }
    })().then(
      () => assert.fail("ten requests within an hourly limit of three"),
      (error) => error,
    );
    assert.ok(error instanceof RateLimitError, String(error));
    assert.equal(error.status, 429);
    assert.equal(error.errorCode, "RATE_LIMITED");
    assert.equal(error.limit, 3);
    assert.ok(answered <= 3);
    assert.ok(error.retryAfter > 60 && error.retryAfter <= 3601, `retryAfter ${error.retryAfter}`);
    assert.ok(error.resetAt.getTime() > Date.now() && error.resetAt.getTime() <= Date.now() + 3601_000);
    assert.deepEqual(retries, []);
    assert.ok(Date.now() - started < 10_000);

    // the admin's organization is not affected
    assert.ok(Array.isArray((await admin.data(admin.api.GET("/api/v1/scans"))).items));
  });
});
