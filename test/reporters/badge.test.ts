import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { endpointBadge } from '../../reporters/badge.ts';
import { writeReports } from '../../reporters/write-reports.ts';
import { caseResult, judgedReport, response, sampleCases } from './support/build-report.ts';

const wrongType = caseResult({
  id: 'type',
  outcome: 'fail',
  response: response({ headers: { 'x-amzn-errortype': 'ValidationException' } }),
  reasons: [{ check: 'error_type_conformance', clause: 'BatchSize.range', message: 'expected 400 InvalidParameterValueException, got 400 ValidationException' }],
});

describe('badge.json', () => {
  it('is a shields.io endpoint badge of the level reached, coloured by it', () => {
    expect(endpointBadge(judgedReport([caseResult({ id: 'a' })]))).toEqual({ schemaVersion: 1, label: 'Lambda ESM conformance', message: 'level 3 (seed)', color: 'brightgreen' });
    expect(endpointBadge(judgedReport([caseResult({ id: 'a' }), wrongType]))).toEqual({ schemaVersion: 1, label: 'Lambda ESM conformance', message: 'level 1 (seed)', color: 'yellow' });
    expect(endpointBadge(judgedReport(sampleCases()))).toEqual({ schemaVersion: 1, label: 'Lambda ESM conformance', message: 'no level (seed)', color: 'red' });
  });

  it('claims no level, in grey, for a run that cannot certify', () => {
    expect(endpointBadge(judgedReport([caseResult({ id: 'a' })], { complete: true, subset: 'only the cases --grep "x" selects were run' }))).toEqual({
      schemaVersion: 1,
      label: 'Lambda ESM conformance',
      message: 'no level (partial run)',
      color: 'lightgrey',
    });
  });

  it('is written beside the other reports, and holds nothing of the cases', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'esm-badge-'));
    try {
      const paths = await writeReports(judgedReport(sampleCases()), directory, ['CANARYTOKEN']);
      const text = await readFile(paths.badge, 'utf8');
      expect(JSON.parse(text)).toEqual({ schemaVersion: 1, label: 'Lambda ESM conformance', message: 'no level (seed)', color: 'red' });
      expect(text).not.toMatch(/CANARY|AKID/);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
