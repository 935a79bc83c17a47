// A run of moto 5.2.1, recorded once, for the page's tests: report.html is built from it as from
// any run, without starting moto (about 8 s) in every test file that needs its size and shape.
// Recorded with `run --target http://127.0.0.1:45123 --seed 1 --expectations FILE`, FILE being
// examples/moto.expectations.yaml made stale on purpose: without BatchSize/dynamodb/1,
// BatchSize/kinesis/10 and Enabled/sqs/false (3 regressions), with an entry for FunctionName/absent,
// which passes (1 unexpected pass); the file's name in the record is moto-stale.expectations.yaml.
// Its results.json, gzipped (32 kB instead of 430 kB). Fields added to results.json since are
// written into it as a run writes them now (each finding's reproduce command and curl line, the label).
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { RunReport } from '../../../src/results.ts';

const RECORD = new URL('../fixtures/moto-gate.results.json.gz', import.meta.url);

/**
 * moto's report.html before issue 23 changed the page, in CSS pixels at 1280 × 900: 14,237 px as the
 * issue measured it, for a run without a gate (this run's page measured 15,936 px on that code).
 */
export const MOTO_PAGE_HEIGHT_BEFORE = 14_237;

export function motoGateReport(): RunReport {
  return JSON.parse(gunzipSync(readFileSync(RECORD)).toString('utf8')) as RunReport;
}
