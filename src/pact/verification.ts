// What Pact's verifier says about each interaction, turned into the results every reporter reads. Pure.
import { CHECKS, type CheckName } from '../checks/index.ts';
import type { CaseIdentity, Reason } from '../results.ts';
import type { SourceType } from '../spec/types.ts';
import { isJsonObject } from '../json-object.ts';

/** An interaction of a Pact file, as much of it as a verification and its report need. */
export interface VerifiedInteraction {
  readonly identity: CaseIdentity;
  readonly providerStates: readonly string[];
}

/** The one request a verification sends on to the target: CreateEventSourceMapping. */
export const CREATE_MAPPING_METHOD = 'POST';
export const CREATE_MAPPING_PATH = '/2015-03-31/event-source-mappings/';

/**
 * The interactions of a Pact file's text, or what is wrong with it, in sentences. A file whose
 * interactions send anything but CreateEventSourceMapping is refused: the verification signs what
 * it sends with the user's credentials, and a Pact file may come from anyone's broker.
 */
export function interactionsOfPact(text: string): { interactions: VerifiedInteraction[]; edition: string | null; problems: string[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { interactions: [], edition: null, problems: [`it is not JSON (${error instanceof Error ? error.message : String(error)})`] };
  }
  const interactions = isJsonObject(parsed) ? parsed['interactions'] : undefined;
  if (!Array.isArray(interactions)) return { interactions: [], edition: null, problems: ['it has no "interactions" list: it is not a Pact file'] };
  const problems: string[] = [];
  const found: VerifiedInteraction[] = [];
  const seen = new Set<string>();
  interactions.forEach((interaction: unknown, index) => {
    const description = isJsonObject(interaction) ? interaction['description'] : undefined;
    const response = isJsonObject(interaction) ? interaction['response'] : undefined;
    const status = isJsonObject(response) ? response['status'] : undefined;
    if (typeof description !== 'string' || description === '' || typeof status !== 'number') {
      problems.push(`interaction ${index + 1} needs a "description" and a "response" with a "status"`);
      return;
    }
    const request = isJsonObject(interaction) ? interaction['request'] : undefined;
    const refusal = requestRefusal(request);
    if (refusal !== null) {
      problems.push(`interaction ${index + 1} (${JSON.stringify(description.slice(0, 80))}) ${refusal}: pact verify sends only CreateEventSourceMapping (${CREATE_MAPPING_METHOD} ${CREATE_MAPPING_PATH}) to a target, so the file is refused before anything is made`);
      return;
    }
    if (seen.has(description)) problems.push(`interaction ${index + 1}: the description "${description}" is used twice, so its result could not be told apart`);
    seen.add(description);
    const states = isJsonObject(interaction) && Array.isArray(interaction['providerStates']) ? interaction['providerStates'] : [];
    found.push({
      identity: identityOf(description, status, isJsonObject(interaction) ? interaction['comments'] : undefined),
      providerStates: states.map((state: unknown) => (isJsonObject(state) && typeof state['name'] === 'string' ? state['name'] : '')),
    });
  });
  if (found.length === 0 && problems.length === 0) problems.push('it has no interactions');
  const metadata = isJsonObject(parsed) ? parsed['metadata'] : undefined;
  const ours = isJsonObject(metadata) ? metadata['lambda-esm-conformance'] : undefined;
  const edition = isJsonObject(ours) && typeof ours['edition'] === 'string' ? ours['edition'] : null;
  return { interactions: found, edition, problems };
}

/** What in an interaction's request is not the CreateEventSourceMapping call, or null when it is that call. */
function requestRefusal(request: unknown): string | null {
  if (!isJsonObject(request)) return 'has no "request"';
  const { method, path, query } = request;
  const spelled = `${typeof method === 'string' ? method.slice(0, 20) : String(method)} ${typeof path === 'string' ? path.slice(0, 80) : String(path)}`;
  if (typeof method !== 'string' || method.toUpperCase() !== CREATE_MAPPING_METHOD || path !== CREATE_MAPPING_PATH) return `sends ${JSON.stringify(spelled)}`;
  const hasQuery = typeof query === 'string' ? query !== '' : isJsonObject(query) ? Object.keys(query).length > 0 : query !== undefined && query !== null;
  return hasQuery ? 'sends a query string' : null;
}

/** The case behind an interaction: what the export wrote into its comments, else what the interaction itself says. */
function identityOf(description: string, status: number, comments: unknown): CaseIdentity {
  const written = isJsonObject(comments) && isJsonObject(comments['case']) ? comments['case'] : {};
  const text = (key: string, fallback: string) => (typeof written[key] === 'string' ? (written[key] as string) : fallback);
  const sourceType = written['sourceType'];
  const errorTypes = Array.isArray(written['errorTypes']) ? written['errorTypes'].filter((type): type is string => typeof type === 'string') : [];
  return {
    id: description,
    clause: text('clause', 'pact'),
    doc: text('doc', ''),
    title: text('title', description),
    sourceType: sourceType === 'kinesis' || sourceType === 'dynamodb' || sourceType === 'sqs' || sourceType === 'sqsFifo' ? (sourceType satisfies SourceType) : null,
    expected: { status, errorTypes, alsoAccepted: [], why: text('why', 'The Pact file expects this answer.') },
  };
}

/** One interaction as the verifier judged it. */
export interface InteractionVerdict {
  readonly outcome: 'pass' | 'fail' | 'error';
  readonly reasons: readonly Reason[];
  readonly durationMs: number;
}

export interface VerifierResult {
  /** In the order the verifier ran them. */
  readonly verdicts: ReadonlyMap<string, InteractionVerdict>;
  readonly order: readonly string[];
  /** The verifier's own account of the run, line by line. */
  readonly output: readonly string[];
}

/** The JSON the verifier answers with (pactffi_verifier_json), or null when the text is not that. */
export function parseVerifierResult(text: string, interactions: readonly VerifiedInteraction[]): VerifierResult | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isJsonObject(parsed) || !Array.isArray(parsed['interactionResults'])) return null;
  const errors = Array.isArray(parsed['errors']) ? parsed['errors'].filter(isJsonObject) : [];
  const clauses = new Map(interactions.map(({ identity }) => [identity.id, identity.clause]));
  const verdicts = new Map<string, InteractionVerdict>();
  const order: string[] = [];
  for (const result of parsed['interactionResults'].filter(isJsonObject)) {
    const description = typeof result['description'] === 'string' ? result['description'] : '';
    const clause = clauses.get(description) ?? 'pact';
    const ownErrors = errors.filter((error) => typeof error['interaction'] === 'string' && (error['interaction'] === description || error['interaction'].endsWith(` - ${description}`)));
    const reasons = ownErrors.flatMap((error) => reasonsOf(error['mismatch'], clause));
    const broken = ownErrors.some((error) => isJsonObject(error['mismatch']) && error['mismatch']['type'] === 'error');
    const passed = typeof result['result'] === 'string' && result['result'].toUpperCase() === 'OK' && ownErrors.length === 0;
    verdicts.set(description, { outcome: passed ? 'pass' : broken ? 'error' : 'fail', reasons, durationMs: durationOf(result['duration']) });
    order.push(description);
  }
  const output = Array.isArray(parsed['output']) ? parsed['output'].filter((line): line is string => typeof line === 'string') : [];
  return { verdicts, order, output };
}

function reasonsOf(mismatch: unknown, clause: string): Reason[] {
  if (!isJsonObject(mismatch)) return [{ check: 'answer_received', clause, message: 'the verifier gave no reason' }];
  if (mismatch['type'] === 'error') {
    const message = typeof mismatch['message'] === 'string' ? mismatch['message'] : 'the verifier could not verify this interaction';
    return [{ check: /provider state|state change/i.test(message) ? 'precondition' : 'answer_received', clause, message }];
  }
  const mismatches = Array.isArray(mismatch['mismatches']) ? mismatch['mismatches'].filter(isJsonObject) : [];
  return mismatches.map((found) => {
    const text = typeof found['mismatch'] === 'string' ? found['mismatch'] : JSON.stringify(found);
    const path = typeof found['path'] === 'string' ? found['path'] : null;
    // A header's mismatch names the header as its `key`, and its text names it too.
    const where = path ?? (typeof found['key'] === 'string' ? found['key'].toLowerCase() : null);
    return { check: checkOf(found['type'], where), clause, message: path === null ? text : `${path}: ${text}` };
  });
}

/** The named check a kind of Pact mismatch corresponds to: the one that says it explains it, else the body's shape. */
function checkOf(type: unknown, path: string | null): CheckName {
  const explaining = CHECKS.find(({ pact }) => 'explains' in pact && pact.explains?.({ type, path }) === true);
  return explaining?.name ?? 'response_schema_conformance';
}

/** "85ms", "1s 20ms", "2m 3s" → milliseconds. */
function durationOf(value: unknown): number {
  if (typeof value !== 'string') return 0;
  const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000 };
  let total = 0;
  for (const [, amount, unit] of value.matchAll(/(\d+)\s*(ms|s|m)\b/g)) total += Number(amount) * (units[unit ?? 'ms'] ?? 0);
  return total;
}
