import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importsOf, importViolations, MAY_IMPORT } from './import-rules.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

function sources(): Map<string, string> {
  const files = new Map<string, string>();
  for (const part of Object.keys(MAY_IMPORT).filter((part) => !part.includes('/'))) {
    for (const entry of readdirSync(path.join(root, part), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
      const file = path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
      files.set(file, readFileSync(path.join(root, file), 'utf8'));
    }
  }
  return files;
}

describe('the layers of docs/ARCHITECTURE.md', () => {
  it('hold in the tree: no part imports from a part after it in the flow, and the pure parts load no I/O', () => {
    const tree = sources();
    expect(tree.size).toBeGreaterThan(100);
    expect(importViolations(tree)).toEqual([]);
  });

  it('catch a core module that imports upward', () => {
    const tree = new Map([
      ['src/runner/x.ts', "import { writeReports } from '../../reporters/write-reports.ts';"],
      ['reporters/write-reports.ts', ''],
    ]);
    expect(importViolations(tree)).toEqual(['src/runner/x.ts imports reporters/write-reports.ts: src/ may import only from src']);
  });

  it('catch a check that imports what reads the checks, but not a check that imports the data it judges', () => {
    const tree = new Map([
      ['src/checks/x.ts', "import { judge } from '../judge/judge.ts';\nimport type { Case } from '../cases/case.ts';"],
      ['src/judge/judge.ts', "import { CHECKS } from '../checks/index.ts';"],
    ]);
    expect(importViolations(tree)).toEqual([
      'src/checks/x.ts imports src/judge/judge.ts: src/checks/ may import only from src/checks, src/cases, src/spec/types.ts, src/pact/pact-file.ts, src/results.ts, src/transport/types.ts, src/json-object.ts',
    ]);
  });

  it('catch an import circle, but not one a type-only import closes', () => {
    expect(importViolations(new Map([
      ['cli/commands/pact.ts', "const { pactVerify } = await import('../pact/verify.ts');"],
      ['cli/pact/verify.ts', "import type { PactFlags } from '../commands/pact.ts';"],
    ]))).toEqual([]);
    const tree = new Map([
      ['cli/commands/pact.ts', "const { pactVerify } = await import('../pact/verify.ts');"],
      ['cli/pact/verify.ts', "import { DEFAULT_PACT_DIR } from '../commands/pact.ts';"],
    ]);
    expect(importViolations(tree)).toEqual(['an import circle: cli/commands/pact.ts → cli/pact/verify.ts → cli/commands/pact.ts']);
  });

  it('catch the reference server importing the spec it must stay independent of', () => {
    expect(importViolations(new Map([['reference/lambda/x.ts', "import type { Spec } from '../../src/spec/types.ts';"]]))).toHaveLength(1);
  });

  it('catch a pure module that loads I/O, however indirectly, but not through a type-only import', () => {
    const tree = new Map([
      ['src/judge/judge.ts', "import { helper } from '../transport/helper.ts';\nimport type { Observation } from '../transport/types.ts';"],
      ['src/transport/helper.ts', "import { Pool } from 'undici';"],
      ['src/transport/types.ts', "import { readFileSync } from 'node:fs';"],
    ]);
    expect(importViolations(tree)).toEqual(['src/judge/judge.ts is pure but loads I/O: src/judge/judge.ts → src/transport/helper.ts → undici']);
  });

  it('read every form of import', () => {
    const text = [
      "import { a } from './a.ts';",
      "import type { B } from './b.ts';",
      "export { c } from './c.ts';",
      "export type { D } from './d.ts';",
      "import './e.ts';",
      'const f = await import(\'./f.ts\');',
      "import {\n  g,\n  type G,\n} from './g.ts';",
    ].join('\n');
    expect(importsOf(text)).toEqual([
      { specifier: './a.ts', typeOnly: false },
      { specifier: './b.ts', typeOnly: true },
      { specifier: './c.ts', typeOnly: false },
      { specifier: './d.ts', typeOnly: true },
      { specifier: './e.ts', typeOnly: false },
      { specifier: './f.ts', typeOnly: false },
      { specifier: './g.ts', typeOnly: false },
    ]);
  });
});
