// An edition read back from the cache is the edition its files give, and the key that finds it
// changes with any file it could depend on.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inputsKey } from '../../src/spec/edition-cache.ts';
import { editionPath, loadEdition, loadSpecFile } from '../../src/spec/load.ts';

describe('the edition cache', () => {
  it.each(['seed', 'current'])('gives the %s edition exactly as loading its files does, on the first load and after', (edition) => {
    const fresh = loadSpecFile(editionPath(edition));
    expect(loadEdition(edition)).toEqual(fresh);
    expect(loadEdition(edition)).toEqual(fresh);
  });

  it('keys on the name and content of every spec, schema and source file, and nothing else', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'esm-edition-cache-'));
    try {
      await writeFile(join(directory, 'a.seed.yaml'), 'edition: seed\n');
      await writeFile(join(directory, 'spec.schema.json'), '{}');
      await writeFile(join(directory, 'notes.txt'), 'one');
      const first = inputsKey([directory]);
      await writeFile(join(directory, 'notes.txt'), 'two');
      expect(inputsKey([directory])).toBe(first);
      await writeFile(join(directory, 'spec.schema.json'), '{ }');
      const schemaChanged = inputsKey([directory]);
      expect(schemaChanged).not.toBe(first);
      await writeFile(join(directory, 'b.current.yaml'), 'extends: seed\n');
      expect(inputsKey([directory])).not.toBe(schemaChanged);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
