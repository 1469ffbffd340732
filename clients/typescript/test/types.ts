// Compile-time tests of the public types (`npm run check` compiles this file, emitting nothing):
// the README's calls type-check, and wrong paths, parameters and bodies do not.
import { ApiError, CyberOrigenClient, RateLimitError } from "../src/index.js";
import type { Schemas, paths } from "../src/index.js";

declare const key: string;

export async function readmeCalls(): Promise<void> {
  const client = new CyberOrigenClient({ baseUrl: "https://cyberorigen.example.com", apiKey: key });
  await client.login("admin@example.com", "password");
  await client.data(client.api.POST("/api/v1/scope", { body: { value: "example.com" } }));
  const scan = await client.data(
    client.api.POST("/api/v1/scans", {
      body: { target: "example.com", scan_type: "full", frameworks: ["soc2", "pci-dss"] },
    }),
  );
  const body: paths["/api/v1/scans"]["post"]["requestBody"]["content"]["application/json"] = { target: "x" };
  const finding: Schemas["Finding"] | undefined = undefined;
  void body;
  void finding;
  const done = await client.waitForScan(scan, {
    intervalMs: 2000,
    onProgress: (s) => console.log(`${s.status} ${s.progress}% ${s.current_step ?? ""}`),
  });
  for await (const f of client.paginate("/api/v1/scans/{scan_id}/findings", { path: { scan_id: done.id! } })) {
    console.log(f.severity, f.check_id, f.title);
  }
  await client.all("/api/v1/findings", { query: { severity: "critical", status: "open" } });
  await client.all("/api/v1/scans", {}, 50);
  try {
    await client.data(client.api.POST("/api/v1/scans", { body: { target: "" } }));
  } catch (error) {
    if (error instanceof RateLimitError) console.error(error.retryAfter, error.resetAt, error.limit);
    else if (error instanceof ApiError) console.error(error.status, error.field, error.detail, error.errors);
  }
}

export async function refusedCalls(client: CyberOrigenClient): Promise<void> {
  // @ts-expect-error a path that does not exist
  await client.api.GET("/api/v1/nope");
  // @ts-expect-error a body without its required field
  await client.api.POST("/api/v1/scans", { body: { scan_type: "full" } });
  // @ts-expect-error no such query parameter
  await client.all("/api/v1/findings", { query: { colour: "red" } });
  // @ts-expect-error the path's parameter is required
  await client.all("/api/v1/scans/{scan_id}/findings");
  // @ts-expect-error not a list
  await client.all("/api/v1/auth/me");
}
