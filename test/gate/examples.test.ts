// The CI examples are files users copy: they must parse, gate with --expectations, and keep the
// reports when the gate fails.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const example = (name: string): string => readFileSync(new URL(`../../examples/${name}`, import.meta.url), 'utf8');

describe('examples/', () => {
  it('the GitHub Actions workflow runs the gate against a LocalStack service and uploads the reports even on failure', () => {
    const workflow = parse(example('github-actions.yml')) as { jobs: { conformance: { services: Record<string, { image: string }>; steps: Record<string, unknown>[] } } };
    const job = workflow.jobs.conformance;
    expect(job.services['localstack']?.image).toBe('localstack/localstack');
    // The file records the seed the gate draws from: no --seed to keep in step with it.
    expect(job.steps.some((step) => String(step['run']).includes('run --target http://127.0.0.1:4566 --expectations'))).toBe(true);
    expect(example('github-actions.yml')).not.toContain('--seed');
    expect(job.steps.find((step) => step['uses'] === 'actions/upload-artifact@v4')).toMatchObject({ if: 'always()', with: { path: 'conformance-reports' } });
    expect(example('github-actions.yml')).toContain('python3 -m moto.server');
  });

  it('the GitLab CI job runs the gate and wires junit.xml into the merge request, on failure too', () => {
    const job = (parse(example('gitlab-ci.yml')) as Record<string, { script: string[]; artifacts: { when: string; reports: { junit: string } } }>)['lambda-esm-conformance'];
    expect(job?.script.join('\n')).toContain('--expectations');
    expect(example('gitlab-ci.yml')).not.toContain('--seed');
    expect(job?.artifacts).toMatchObject({ when: 'always', reports: { junit: 'conformance-reports/junit.xml' } });
  });
});
