// Reports name the tool and version that produced them, so a results.json found later can be
// traced to the code that judged it. package.json is the single source of both.
import { readFileSync } from 'node:fs';
import type { ToolIdentity } from '../src/results.ts';


let cached: ToolIdentity | undefined;

/** The tool's name and version from package.json, read once per process. */
export function toolIdentity(): ToolIdentity {
  if (cached === undefined) {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { name?: unknown; version?: unknown };
    cached = {
      name: typeof manifest.name === 'string' ? manifest.name : 'lambda-esm-conformance',
      version: typeof manifest.version === 'string' ? manifest.version : '0.0.0',
    };
  }
  return cached;
}
