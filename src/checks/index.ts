// The one list of checks. The names every report uses, the level of each, the words of its
// findings, the checks a success answer is put through (src/cases/success-checks.ts asks each which
// it attaches) and how the Pact export writes them are all read from it. A new check is a module of
// this folder and a line here.
import { answerReceived } from './answer-received.ts';
import { contentType } from './content-type.ts';
import { defaultValue } from './default-value.ts';
import { echoedValue } from './echoed-value.ts';
import { errorType } from './error-type.ts';
import { fixturesAvailable } from './fixtures-available.ts';
import { functionArn } from './function-arn.ts';
import { mappingCleanup } from './mapping-cleanup.ts';
import { notRun } from './not-run.ts';
import { precondition } from './precondition.ts';
import { recordingConformance } from './recording.ts';
import type { ResponseCheckDefinition, SuccessJudgement } from './response-check.ts';
import { responseBodyIsJson } from './response-body-is-json.ts';
import { responseSchema } from './response-schema.ts';
import { state } from './state.ts';
import { statusCode } from './status-code.ts';
import { suiteError } from './suite-error.ts';

/**
 * The one order of the checks: in it an answer is judged, a case carries the checks of its success
 * answer (and so gives its reasons and its Pact matchers), and findings that explain as many cases
 * are listed, the checks of an answer first.
 */
export const CHECKS = [
  answerReceived,
  statusCode,
  errorType,
  contentType,
  responseBodyIsJson,
  responseSchema,
  echoedValue,
  defaultValue,
  functionArn,
  state,
  // Beyond the documentation: what a recording holds (--compare-recording).
  recordingConformance,
  // Around an answer: what must hold for a case to be sent and to leave nothing behind (the runner),
  // and for a case without a result (the reporters).
  fixturesAvailable,
  precondition,
  mappingCleanup,
  suiteError,
  notRun,
] as const;

type RegisteredCheck = (typeof CHECKS)[number];

export type CheckName = RegisteredCheck['name'];

export const CHECK_NAMES: readonly CheckName[] = CHECKS.map((check) => check.name);

type DataOf<Definition> = Definition extends { readonly judge: SuccessJudgement<infer Data> } ? Data : never;

/** What a case carries for each check of its success answer, one variant per check that judges one. */
export type ResponseCheck = DataOf<RegisteredCheck>;

function byName<Value>(valueOf: (check: RegisteredCheck) => Value): Readonly<Record<CheckName, Value>> {
  // Every name is registered exactly once (test/checks/registry.test.ts), so each key gets its value.
  return Object.fromEntries(CHECKS.map((check) => [check.name, valueOf(check)])) as Record<CheckName, Value>;
}

/** The certification level a failure of each check keeps back; null: it keeps back every level. */
export const LEVEL_OF_CHECK = byName((check) => check.level);

export const CHECK_WORDING = byName((check) => check.wording);

const DEFINITIONS = byName((check) => check);

/** The definition of the check a case's data names. */
export function definitionOf<Data extends ResponseCheck>(check: Data): ResponseCheckDefinition<Data> {
  // Registered under their own names, so the definition a check's kind names is the one for its data.
  return DEFINITIONS[check.kind] as unknown as ResponseCheckDefinition<Data>;
}
