// Check that the committed dist/ is what `tsc` makes of src/ now, and that the library uses
// no Node-only module (it must run in browsers too). Exit 1, saying what differs, otherwise.
import { execFileSync } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const built = await mkdtemp(path.join(tmpdir(), "cyberorigen-client-dist-"));

async function files(folder) {
  const found = [];
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) found.push(path.relative(folder, path.join(entry.parentPath ?? entry.path, entry.name)));
  }
  return found.sort();
}

const problems = [];
try {
  const tsc = path.join(root, "node_modules", "typescript", "bin", "tsc");
  execFileSync(process.execPath, [tsc, "-p", path.join(root, "tsconfig.json"), "--outDir", built], {
    stdio: "inherit",
  });
  const want = await files(built);
  const have = await files(path.join(root, "dist")).catch(() => []);
  for (const name of new Set([...want, ...have])) {
    if (!want.includes(name)) problems.push(`dist/${name} is not built from src/ any more`);
    else if (!have.includes(name)) problems.push(`dist/${name} is missing`);
    else {
      const fresh = await readFile(path.join(built, name), "utf8");
      if (fresh !== (await readFile(path.join(root, "dist", name), "utf8"))) problems.push(`dist/${name} differs`);
      if (name.endsWith(".js") && /\bfrom\s+["']node:|\brequire\(|\bprocess\.\w|\bBuffer\./.test(fresh)) {
        problems.push(`dist/${name} uses a Node-only API`);
      }
    }
  }
} finally {
  await rm(built, { recursive: true, force: true });
}
if (problems.length) {
  console.error(`${problems.join("\n")}\nRun \`npm run build\` in clients/typescript and commit dist/.`);
  process.exit(1);
}
console.log("dist/ is up to date with src/");
