// The tests that need something from outside npm: where the browser is looked for, and that a
// missing part skips them with one line, except under CI=true.
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { browserPart, findBrowser } from './browser.ts';
import { requirePart, skippedWithout, type OutsidePart } from './outside-part.ts';

let directory: string;
const executable = async (name: string): Promise<string> => {
  const file = join(directory, name);
  await writeFile(file, '#!/bin/sh\n');
  await chmod(file, 0o755);
  return file;
};

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'esm-browser-'));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('findBrowser', () => {
  const nowhere = '/nonexistent/chromium';

  it('takes CHROME_PATH first, and says so when it names no executable', async () => {
    const chosen = await executable('my-chrome');
    await executable('chromium');
    expect(findBrowser({ CHROME_PATH: chosen, PATH: directory }, nowhere)).toEqual({ path: chosen });
    await writeFile(join(directory, 'not-executable'), '');
    expect(findBrowser({ CHROME_PATH: join(directory, 'not-executable'), PATH: directory }, nowhere)).toEqual({
      missing: `CHROME_PATH=${join(directory, 'not-executable')} is not an executable file`,
    });
  });

  it("looks for Debian's chromium, then the usual names on PATH", async () => {
    const debian = await executable('debian-chromium');
    expect(findBrowser({ PATH: directory }, debian)).toEqual({ path: debian });
    const elsewhere = await mkdtemp(join(tmpdir(), 'esm-browser-path-'));
    try {
      const chrome = join(elsewhere, 'google-chrome');
      await writeFile(chrome, '#!/bin/sh\n');
      await chmod(chrome, 0o755);
      expect(findBrowser({ PATH: `/nonexistent:${elsewhere}` }, nowhere)).toEqual({ path: chrome });
      expect(findBrowser({ PATH: '/nonexistent' }, nowhere)).toEqual({
        missing: 'no browser at CHROME_PATH, /nonexistent/chromium, or chromium, chromium-browser, google-chrome, google-chrome-stable on PATH',
      });
    } finally {
      await rm(elsewhere, { recursive: true, force: true });
    }
  });
});

describe('a part from outside npm', () => {
  const missing: OutsidePart = browserPart({ missing: 'no browser here' });

  it('skips the tests that need it with one line naming them and the command that enables them', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      expect(skippedWithout('the browser tests', missing, {})).toBe(true);
      expect(warn.mock.calls).toEqual([
        ['skipped: the browser tests, which need a Chromium browser: no browser here; `apt-get install -y chromium` enables them'],
      ]);
    } finally {
      warn.mockRestore();
    }
  });

  it('runs them under CI=true, where the missing part fails them by name', () => {
    expect(skippedWithout('the browser tests', missing, { CI: 'true' })).toBe(false);
    expect(() => requirePart(missing)).toThrow('a Chromium browser is needed under CI=true: no browser here; `apt-get install -y chromium` provides it');
  });

  it('runs them where the part is found', () => {
    const found = browserPart({ path: '/usr/bin/chromium' });
    expect(skippedWithout('the browser tests', found, {})).toBe(false);
    expect(() => requirePart(found)).not.toThrow();
  });
});
