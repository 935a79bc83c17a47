// The route a user outside this repository takes: `npm pack`, then the tarball installed into an
// empty project, then `npx lambda-esm-conformance` there. The install is npm's own (`npm ci`), of
// the packed tarball and of the production dependencies only, at the versions of this lockfile (the
// ones CI tests), from npm's cache: tests may not need the internet, and `npm ci` here has just put
// every package in that cache. So a file the tarball lacks, or a run-time import of a
// devDependency (vitest, typescript, playwright-core), fails here as it would for a user.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repository = fileURLToPath(new URL('../../', import.meta.url));
const manifest = JSON.parse(readFileSync(path.join(repository, 'package.json'), 'utf8')) as { name: string; version: string; license: string };
const work = mkdtempSync(path.join(tmpdir(), 'lesm-packed-'));
const project = path.join(work, 'empty-project');

interface LockEntry {
  readonly dev?: boolean;
  readonly [field: string]: unknown;
}

/** npm's environment without what `npm test` sets for this package (its prefix, its scripts' settings). */
function npmEnvironment(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('npm_') || name === 'npm_config_cache'));
  return { ...env, npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
}

/** The lockfile of a project whose one dependency is the tarball: the tarball's own production tree, as this lockfile resolves it. */
function consumerLockfile(tarball: string): object {
  const lock = JSON.parse(readFileSync(path.join(repository, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const own = lock.packages[''] ?? {};
  const root = { name: 'empty-project', version: '1.0.0', dependencies: { [manifest.name]: `file:${tarball}` } };
  const production = Object.entries(lock.packages).filter(([where, entry]) => where !== '' && entry.dev !== true);
  return {
    name: root.name,
    version: root.version,
    lockfileVersion: 3,
    requires: true,
    packages: {
      '': root,
      [`node_modules/${manifest.name}`]: { version: manifest.version, resolved: `file:${tarball}`, license: manifest.license, dependencies: own['dependencies'], bin: own['bin'], engines: own['engines'] },
      ...Object.fromEntries(production),
    },
  };
}

let tarball: string;
let packedFiles: string[];

beforeAll(async () => {
  const packed = await run('npm', ['pack', '--json', '--pack-destination', work], { cwd: repository, env: npmEnvironment() });
  const [description] = JSON.parse(packed.stdout) as [{ filename: string; files: { path: string }[] }];
  tarball = path.join(work, description.filename);
  packedFiles = description.files.map((file) => file.path);
  mkdirSync(project);
  const lockfile = consumerLockfile(tarball) as { packages: { '': object } };
  writeFileSync(path.join(project, 'package.json'), `${JSON.stringify(lockfile.packages[''], null, 2)}\n`);
  writeFileSync(path.join(project, 'package-lock.json'), `${JSON.stringify(lockfile, null, 2)}\n`);
  try {
    await run('npm', ['ci', '--ignore-scripts'], { cwd: project, env: npmEnvironment() });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? String(error);
    throw new Error(`the packed tarball did not install offline (run "npm ci" in the repository first, which fills npm's cache): ${stderr.split('\n').slice(0, 3).join(' ')}`);
  }
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the packed tarball', () => {
  it('holds what the command runs from, and none of the tests, benchmarks or development scripts', () => {
    for (const needed of ['bin/lambda-esm-conformance.js', 'cli/main.ts', 'specs/create-event-source-mapping.seed.yaml', 'specs/spec.schema.json', 'reference/server.ts', 'suites/vitest.config.ts', 'fixtures/static.example.yaml', 'LICENSE', 'README.md', 'package.json']) {
      expect(packedFiles).toContain(needed);
    }
    const developmentOnly = packedFiles.filter((file) => /^(test|bench|scripts|docs|examples|\.ci)\/|^(tsconfig|vitest\.config)\b|^package-lock\.json$/.test(file));
    expect(developmentOnly).toEqual([]);
  });

  it('installs into an empty project, where npx lambda-esm-conformance prints its version and runs against the embedded server', async () => {
    const version = await run('npx', ['lambda-esm-conformance', '--version'], { cwd: project, env: npmEnvironment() });
    expect(version.stdout.trim()).toBe(`lambda-esm-conformance ${manifest.version}`);
    // Without the devDependencies: the run loads no vitest, typescript or playwright-core.
    for (const devOnly of ['vitest', 'typescript', 'playwright-core']) expect(existsSync(path.join(project, 'node_modules', devOnly))).toBe(false);
    const conformance = await run('npx', ['lambda-esm-conformance', 'run', '--grep', '^BatchSize/sqs/', '--report-dir', 'reports'], { cwd: project, env: npmEnvironment() });
    expect(conformance.stdout).toMatch(/^CONFORMS\b/m);
    for (const report of ['report.html', 'junit.xml', 'results.json', 'badge.json']) expect(existsSync(path.join(project, 'reports', report))).toBe(true);
  });
});
