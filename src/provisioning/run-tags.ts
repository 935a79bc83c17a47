// The tags every resource a run creates carries: which run made it, and when. `cleanup` finds a
// killed run's leftovers by these tags and by their names (never by one without the other).
// Keys and values keep to the characters every one of the five services allows: Kinesis takes only
// letters, digits, white space and _ . / = + - % @ (no colon), hence the compact time.

/** The run id, the same as in the resource's name (`lesm-<run id>-…`). */
export const RUN_ID_TAG = 'lesm-run-id';
/** When the create call was sent, in UTC: ISO 8601's basic format, `20261206T161500Z`. */
export const CREATED_AT_TAG = 'lesm-created-at';

/** The run's tags for a resource created now, as Lambda, SQS and Kinesis take them (a map). */
export function runTags(runId: string, now: Date = new Date()): Record<string, string> {
  return { [RUN_ID_TAG]: runId, [CREATED_AT_TAG]: createdAtValue(now) };
}

/** The same tags as IAM and DynamoDB take them (a list of Key and Value). */
export function runTagList(runId: string, now: Date = new Date()): Array<{ Key: string; Value: string }> {
  return Object.entries(runTags(runId, now)).map(([Key, Value]) => ({ Key, Value }));
}

export function createdAtValue(time: Date): string {
  return time.toISOString().replace(/\.\d+Z$/, 'Z').replace(/[-:]/g, '');
}

const CREATED_AT = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/** The time a `lesm-created-at` value names, or undefined for anything else. */
export function parseCreatedAt(value: string | undefined): Date | undefined {
  const parts = CREATED_AT.exec(value ?? '');
  if (parts === null) return undefined;
  const [, year, month, day, hour, minute, second] = parts;
  const time = new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}Z`);
  return Number.isNaN(time.getTime()) ? undefined : time;
}
