import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { loadEdition } from '../../src/spec/load.ts';
import { botocoreModelOf, smithyOf } from '../drift/support/models.ts';
import { commandInProcess } from '../run/support/cli-run.ts';

// The seed edition's document is the 2019 text, not extracted from a model: a model that says what
// the seed says agrees with it whole.
describe('drift on the command line', () => {
  const directory = mkdtempSync(path.join(tmpdir(), 'lesm-drift-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));
  const agreeing = botocoreModelOf(loadEdition('seed'));
  const call = (argv: readonly string[]): ReturnType<typeof commandInProcess> => commandInProcess(argv, directory);
  const write = (name: string, content: string | Buffer): string => {
    const file = path.join(directory, name);
    writeFileSync(file, content);
    return file;
  };

  it('exits 0 when nothing differs, for botocore gzipped and for the Smithy JSON AST', async () => {
    const gzipped = await call(['drift', '--edition', 'seed', '--model', write('service-2.json.gz', gzipSync(JSON.stringify(agreeing)))]);
    expect(gzipped).toMatchObject({ code: 0, stderr: '' });
    expect(gzipped.stdout).toContain('The seed edition agrees with the model (botocore, API version 2015-03-31).');
    expect(await call(['drift', '--edition', 'seed', '--model', write('lambda.json', JSON.stringify(smithyOf(agreeing)))])).toMatchObject({ code: 0, stderr: '' });
  });

  it('exits 1 with a line saying what differs and what to do, or one JSON object with --json', async () => {
    const changed = structuredClone(agreeing);
    (changed.shapes['RequestBatchSize'] ?? {})['max'] = 5000;
    const file = write('changed.json', JSON.stringify(changed));
    const { code, stdout } = await call(['drift', '--edition', 'seed', '--model', file]);
    expect(code).toBe(1);
    expect(stdout).toContain(
      'request BatchSize: range 1 to 5000 in the model, 1 to 10000 in the edition; check request: BatchSize: range in specs/create-event-source-mapping.seed.yaml against',
    );
    expect(stdout).toContain('1 difference between the seed edition and the model.');
    const json = await call(['drift', '--edition', 'seed', '--model', file, '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ edition: 'seed', model: { format: 'botocore' }, document: null, differences: [{ kind: 'range', where: 'request BatchSize' }] });
  });

  it('exits 2 naming the file it cannot read as a model, or asking for --model', async () => {
    const notJson = write('broken.json', '{"metadata": x}');
    expect(await call(['drift', '--model', notJson])).toMatchObject({ code: 2, stdout: '', stderr: expect.stringContaining(`${notJson}: the file is not valid JSON (Unexpected token`) });
    const notGzip = write('broken.json.gz', Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x01]));
    expect(await call(['drift', '--model', notGzip])).toMatchObject({ code: 2, stderr: expect.stringContaining(`${notGzip}: it is gzipped but cannot be unpacked`) });
    const noOperation = write('other.json', JSON.stringify({ ...agreeing, operations: {} }));
    expect(await call(['drift', '--model', noOperation])).toMatchObject({ code: 2, stderr: expect.stringContaining(`${noOperation}: it is not Lambda's service model: the model has no operation CreateEventSourceMapping`) });
    expect(await call(['drift'])).toMatchObject({ code: 2, stderr: expect.stringContaining('drift needs --model FILE') });
  });
});
