// The browser for the HTML report's tests: wherever a user has one. CHROME_PATH first (an explicit
// choice must not be overruled), then Debian's /usr/bin/chromium, then the usual names on PATH.
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { OutsidePart } from './outside-part.ts';

const COMMON_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

export type BrowserSearch = { readonly path: string } | { readonly missing: string };

export function findBrowser(env: NodeJS.ProcessEnv = process.env, debianPath = '/usr/bin/chromium'): BrowserSearch {
  const chosen = env['CHROME_PATH'];
  if (chosen !== undefined && chosen !== '') {
    return isExecutableFile(chosen) ? { path: chosen } : { missing: `CHROME_PATH=${chosen} is not an executable file` };
  }
  const onPath = (env['PATH'] ?? '').split(delimiter).filter((directory) => directory !== '');
  const candidates = [debianPath, ...COMMON_NAMES.flatMap((name) => onPath.map((directory) => join(directory, name)))];
  const found = candidates.find(isExecutableFile);
  if (found !== undefined) return { path: found };
  return { missing: `no browser at CHROME_PATH, ${debianPath}, or ${COMMON_NAMES.join(', ')} on PATH` };
}

/** The browser as a part the tests need from outside npm. */
export function browserPart(search: BrowserSearch): OutsidePart {
  return { what: 'a Chromium browser', missing: 'missing' in search ? search.missing : null, enable: 'apt-get install -y chromium' };
}

function isExecutableFile(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
