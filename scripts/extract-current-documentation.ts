// Writes the API reference part of specs/documents/aws-lambda-create-event-source-mapping-current.txt
// from AWS's current service model for Lambda, as botocore ships it, keeping the recorded answers
// below RECORDED (copied by hand, each with its source). The model is read and the text written by
// src/model/, as `drift` reads and writes it to compare, so the two never disagree on what the
// model says. Run: npx tsx scripts/extract-current-documentation.ts
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readModelFile } from '../cli/model-file.ts';
import { RECORDED_HEADING, referenceDocument } from '../src/model/api-reference.ts';

const DOCUMENT = new URL('../specs/documents/aws-lambda-create-event-source-mapping-current.txt', import.meta.url);

const [version = '', directory = ''] = execFileSync('python3', ['-c', 'import botocore, os; print(botocore.__version__); print(os.path.dirname(botocore.__file__))'], { encoding: 'utf8' })
  .trim()
  .split('\n');
const model = readModelFile(path.join(directory, 'data', 'lambda', '2015-03-31', 'service-2.json.gz'));
const existing = existsSync(DOCUMENT) ? readFileSync(DOCUMENT, 'utf8') : '';
const recorded = existing.includes(RECORDED_HEADING) ? existing.slice(existing.indexOf(RECORDED_HEADING)) : '';
writeFileSync(DOCUMENT, referenceDocument(model, `botocore ${version}`, recorded));
