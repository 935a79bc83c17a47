// The form of what a case observed, as an expectations entry records it, and its wording.
import type { CaseResult, DeviationForm, RecordedResponse } from '../results.ts';
import { errorTypeOf } from '../transport/error-type.ts';

export function formOf(result: Pick<CaseResult, 'response'>): DeviationForm {
  const { response } = result;
  return response === null ? { status: null, errorType: null } : { status: response.status, errorType: recordedErrorType(response) };
}

export function sameForm(a: DeviationForm, b: DeviationForm): boolean {
  return a.status === b.status && a.errorType === b.errorType;
}

/** "201 (no error type)", "400 InvalidParameterValueException", "no answer". */
export function describeForm(form: DeviationForm): string {
  if (form.status === null) return form.errorType === null ? 'no answer' : `no status, ${form.errorType}`;
  return `${form.status} ${form.errorType ?? '(no error type)'}`;
}

// As the judge names it, from what results.json keeps: the body there is parsed JSON, or text when it did not parse.
function recordedErrorType(response: RecordedResponse): string | null {
  const body = typeof response.body === 'string' ? response.body : JSON.stringify(response.body ?? null);
  return errorTypeOf({ status: response.status, headers: { ...response.headers }, body });
}
