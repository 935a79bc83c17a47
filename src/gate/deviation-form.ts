// The form of what a case observed, as an expectations entry records it, and its wording.
import type { CaseResult, DeviationForm, RecordedResponse } from '../results.ts';
import { errorTypeOf } from '../transport/error-type.ts';

/**
 * An error type longer than this is kept as its head, ending in `…`, wherever the gate compares or
 * records it: the longest AWS names are about 40 characters, and a target's 60 KiB one must not
 * make an expectations file larger than --expectations reads.
 */
export const MAX_ERROR_TYPE_LENGTH = 120;

export function formOf(result: Pick<CaseResult, 'response'>): DeviationForm {
  const { response } = result;
  if (response === null) return { status: null, errorType: null };
  const errorType = recordedErrorType(response);
  return { status: response.status, errorType: errorType === null ? null : boundedErrorType(errorType) };
}

/** The error type as compared and recorded: itself, or its head and `…` when longer than MAX_ERROR_TYPE_LENGTH. */
export function boundedErrorType(errorType: string): string {
  if (errorType.length <= MAX_ERROR_TYPE_LENGTH) return errorType;
  const head = errorType.slice(0, MAX_ERROR_TYPE_LENGTH - 1);
  // Never half of a surrogate pair: the file would hold a character no editor shows.
  return `${/[\uD800-\uDBFF]$/.test(head) ? head.slice(0, -1) : head}…`;
}

export function sameForm(a: DeviationForm, b: DeviationForm): boolean {
  return a.status === b.status && a.errorType === b.errorType;
}

/** "201 (no error type)", "400 InvalidParameterValueException", "no answer". */
export function describeForm(form: DeviationForm): string {
  if (form.status === null) return form.errorType === null ? 'no answer' : `no status, ${form.errorType}`;
  return `${form.status} ${form.errorType ?? '(no error type)'}`;
}

/** "201 (no error type) or 500 (no error type)". */
export function describeForms(forms: readonly DeviationForm[]): string {
  return forms.map(describeForm).join(' or ');
}

// As the judge names it, from what results.json keeps: the body there is parsed JSON, or text when it did not parse.
function recordedErrorType(response: RecordedResponse): string | null {
  const body = typeof response.body === 'string' ? response.body : JSON.stringify(response.body ?? null);
  return errorTypeOf({ status: response.status, headers: { ...response.headers }, body });
}
