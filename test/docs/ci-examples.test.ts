// The CI examples are copied into an emulator's repository, where this package is not a
// dependency: a bare `npx lambda-esm-conformance` there asks the registry for a package that may
// not be published (npm's 404), and an unpinned LocalStack image exits at start without an auth
// token since LocalStack 4.15 (March 2026). These hold the examples to what works.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { COMMAND_FLAGS } from '../../cli/commands/flag-tables.ts';

const read = (name: string): string => readFileSync(new URL(`../../examples/${name}`, import.meta.url), 'utf8');

/** Every string in a parsed YAML document, depth first: the commands are among them. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(strings);
  return [];
}

/** Services and their settings: GitHub's `services:` map, GitLab's `services:` list. */
function localstackServices(document: unknown): { image: string; settings: string }[] {
  const found: { image: string; settings: string }[] = [];
  const visit = (value: unknown): void => {
    if (typeof value !== 'object' || value === null) return;
    const record = value as Record<string, unknown>;
    const image = typeof record['image'] === 'string' ? record['image'] : typeof record['name'] === 'string' ? record['name'] : null;
    if (image?.startsWith('localstack/')) found.push({ image, settings: JSON.stringify(record) });
    Object.values(record).forEach(visit);
  };
  visit(document);
  return found;
}

const CI_EXAMPLES = ['github-actions.yml', 'gitlab-ci.yml', 'github-actions-sharded.yml', 'gitlab-ci-sharded.yml'];
const COMMAND = /\blambda-esm-conformance (run|cleanup|diff|merge|dashboard)\b/;

describe.each(CI_EXAMPLES)('examples/%s', (name) => {
  const text = read(name);
  const commands = strings(parse(text)).filter((line) => COMMAND.test(line));

  it('installs the tool where it runs: npx is told which package to take', () => {
    expect(commands.length).toBeGreaterThan(0);
    for (const command of commands) expect(command).toMatch(/npx --yes --package "[^"]*LESM_PACKAGE[^"]*" lambda-esm-conformance (run|cleanup|diff|merge|dashboard) /);
  });

  it('uses only flags its command accepts', () => {
    for (const command of commands) {
      const name = COMMAND.exec(command)?.[1] as keyof typeof COMMAND_FLAGS;
      const flags = [...command.matchAll(/ --([a-z][a-z-]*)/g)].map((match) => match[1] ?? '').filter((flag) => flag !== 'yes' && flag !== 'package');
      expect(flags.filter((flag) => !Object.hasOwn(COMMAND_FLAGS[name], flag))).toEqual([]);
    }
  });

  it("runs a LocalStack that starts, if any: a tag that needs no token, or the token from the CI's secrets", () => {
    for (const { image, settings } of localstackServices(parse(text))) {
      const tag = image.split(':')[1];
      const pinned = tag !== undefined && tag !== 'latest';
      expect(pinned || settings.includes('LOCALSTACK_AUTH_TOKEN'), `${image} in ${name}`).toBe(true);
    }
  });
});

it('shows LocalStack in the gating examples', () => {
  expect(localstackServices(parse(read('github-actions.yml'))).length + localstackServices(parse(read('gitlab-ci.yml'))).length).toBe(2);
});

describe('examples/release.yml', () => {
  const release = parse(read('release.yml')) as { permissions: Record<string, string> };
  const commands = strings(release);

  it('publishes with provenance, by the OIDC token of the workflow, after the tests pass', () => {
    expect(release.permissions['id-token']).toBe('write');
    const publish = commands.findIndex((command) => command.startsWith('npm publish --provenance'));
    const test = commands.findIndex((command) => /CI=true npm test/.test(command));
    expect(test).toBeGreaterThan(-1);
    expect(publish).toBeGreaterThan(test);
  });
});
