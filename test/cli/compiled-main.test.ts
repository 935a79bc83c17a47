// The bin runs the sources compiled into node_modules/.cache (bin/compiled-main.js): built when
// none matches the sources, reused while they are unchanged, built again the moment one changes.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const repository = fileURLToPath(new URL('../../', import.meta.url));
// A clone of its own, sharing this one's node_modules, so that a source can be changed.
const clone = mkdtempSync(path.join(tmpdir(), 'lesm-compiled-'));
for (const part of ['bin', 'cli', 'src', 'fixtures', 'reporters', 'suites', 'reference', 'specs', 'package.json']) {
  cpSync(path.join(repository, part), path.join(clone, part), { recursive: true });
}
symlinkSync(path.join(repository, 'node_modules'), path.join(clone, 'node_modules'));
const cache = path.join(repository, 'node_modules', '.cache', 'lambda-esm-conformance');
const pointer = path.join(cache, `current-${createHash('sha256').update(`${clone}${path.sep}`).digest('hex').slice(0, 12)}.json`);
const builds = new Set<string>();
const released = (JSON.parse(readFileSync(path.join(repository, 'package.json'), 'utf8')) as { version: string }).version;

function version(): string {
  return execFileSync(process.execPath, [path.join(clone, 'bin', 'lambda-esm-conformance.js'), '--version'], { encoding: 'utf8' });
}

function currentBuild(): string {
  const build = (JSON.parse(readFileSync(pointer, 'utf8')) as { build: string }).build;
  builds.add(build);
  return build;
}

afterAll(() => {
  for (const build of builds) rmSync(path.join(cache, build), { recursive: true, force: true });
  rmSync(pointer, { force: true });
  rmSync(clone, { recursive: true, force: true });
});

describe('the compiled command', () => {
  it('is built on the first start, reused while the sources are unchanged, and built again when one changes', () => {
    expect(version()).toBe(`lambda-esm-conformance ${released}\n`);
    const first = currentBuild();
    expect(existsSync(path.join(cache, first, 'cli', 'main.mjs'))).toBe(true);

    expect(version()).toBe(`lambda-esm-conformance ${released}\n`);
    expect(currentBuild()).toBe(first);

    writeFileSync(path.join(clone, 'cli', 'version.ts'), "export const VERSION: string = '9.9.9-changed';\n");
    expect(version()).toBe('lambda-esm-conformance 9.9.9-changed\n');
    expect(currentBuild()).not.toBe(first);
  });
});
