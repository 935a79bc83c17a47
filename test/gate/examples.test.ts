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
    expect(job.services['localstack']?.image).toMatch(/^localstack\/localstack:\d+\.\d+\.\d+$/);
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

  it('the sharded examples run a matrix of shards with one seed, then a merge job of their results.json', () => {
    type Step = Record<string, unknown>;
    const github = parse(example('github-actions-sharded.yml')) as { jobs: { shard: { strategy: { matrix: { shard: number[] } }; steps: Step[] }; merge: { needs: string; if: string; steps: Step[] } } };
    expect(github.jobs.shard.strategy.matrix.shard).toEqual([1, 2, 3]);
    const shardRun = github.jobs.shard.steps.map((step) => String(step['run'])).find((run) => run.includes('--shard'));
    expect(shardRun).toContain('--seed "$SEED"');
    expect(shardRun).toContain('--shard ${{ matrix.shard }}/3');
    expect(github.jobs.merge).toMatchObject({ needs: 'shard', if: 'always()' });
    expect(github.jobs.merge.steps.some((step) => String(step['run']).includes("lambda-esm-conformance merge 'shards/shard-*/results.json'"))).toBe(true);
    const gitlab = parse(example('gitlab-ci-sharded.yml')) as Record<string, { parallel?: number; stage?: string; script?: string[] }>;
    expect(gitlab['conformance-shard']?.parallel).toBe(3);
    expect(gitlab['conformance-shard']?.script?.join('\n')).toContain('--shard "$CI_NODE_INDEX/$CI_NODE_TOTAL"');
    expect(gitlab['conformance-merge']?.script?.join('\n')).toContain("merge 'shard-*/results.json'");
  });
});
