import { ListEventSourceMappingsCommand } from '@aws-sdk/client-lambda';
import { observe } from '../../support/reference-observer.ts';

/** Every event source mapping the server still holds. */
export async function remainingMappings(endpoint: string): Promise<string[]> {
  const observer = observe(endpoint);
  try {
    const uuids: string[] = [];
    let marker: string | undefined;
    do {
      const page = await observer.lambda.send(new ListEventSourceMappingsCommand({ Marker: marker }));
      uuids.push(...(page.EventSourceMappings ?? []).map((mapping) => mapping.UUID ?? '?'));
      marker = page.NextMarker;
    } while (marker !== undefined);
    return uuids;
  } finally {
    observer.destroy();
  }
}

/** The names of the functions the CLI logged creating, in the order it did. */
export function functionsCreatedIn(stderr: string): string[] {
  return [...stderr.matchAll(/^created Lambda function (\S+)$/gm)].map((match) => match[1] ?? '');
}

/** The run id the CLI logged when it created its fixtures. */
export function runIdIn(stderr: string): string {
  const match = /created Lambda function lesm-([a-z0-9]+)-fn/.exec(stderr);
  if (match?.[1] === undefined) throw new Error(`no fixture creation in the log:\n${stderr}`);
  return match[1];
}

/** Which of a run's fixtures still exist on the server (`function`, `function 2` … `function 8`, `role`, …). */
export async function remainingFixtures(endpoint: string, runId: string): Promise<string[]> {
  const observer = observe(endpoint);
  const name = (suffix: string) => `lesm-${runId}-${suffix}`;
  try {
    const probes: ReadonlyArray<readonly [string, Promise<boolean>]> = [
      ['function', observer.functionExists(name('fn'))],
      ...[2, 3, 4, 5, 6, 7, 8].map((number) => [`function ${number}`, observer.functionExists(name(`fn${number}`))] as const),
      ['role', observer.roleExists(name('role'))],
      ['queue', observer.queueExists(name('queue'))],
      ['stream', observer.streamExists(name('stream'))],
      ['table', observer.tableExists(name('table'))],
    ];
    const exists = await Promise.all(probes.map(([, probe]) => probe));
    return probes.filter((_, index) => exists[index]).map(([kind]) => kind);
  } finally {
    observer.destroy();
  }
}
