import type { ServiceError } from './service-error.ts';

// Resource tags, as every service here takes them: a key of 1 to 128 characters, a value of at most 256,
// at most 50 on one resource (the limits the Lambda, SQS, Kinesis, DynamoDB and IAM references share).
// Services write them two ways on the wire: a map (Lambda, SQS, Kinesis) or a list of {Key, Value} (DynamoDB, IAM).
export type Tags = Map<string, string>;

const MAX_TAGS = 50;

// Builds the service's own error for a tag it refuses.
type TagProblem = (message: string) => ServiceError;

// Reads tags sent as a JSON map; absent means none.
export function tagsFromMap(value: unknown, member: string, invalid: TagProblem): Tags {
  if (value === undefined || value === null) return new Map();
  if (typeof value !== 'object' || Array.isArray(value)) throw invalid(`${member} must be a map of tag keys to values.`);
  return checkedTags(Object.entries(value), member, invalid);
}

// Reads tags sent as a JSON list of {Key, Value}; absent means none.
export function tagsFromList(value: unknown, member: string, invalid: TagProblem): Tags {
  if (value === undefined || value === null) return new Map();
  if (!Array.isArray(value)) throw invalid(`${member} must be a list of {Key, Value}.`);
  return checkedTags(
    value.map((tag: unknown) => {
      const { Key: key, Value: entry } = typeof tag === 'object' && tag !== null ? (tag as { Key?: unknown; Value?: unknown }) : {};
      return [key, entry ?? ''];
    }),
    member,
    invalid,
  );
}

// Adds tags to a resource's, a key given again taking the new value; the limit counts the result.
export function addTags(existing: Tags, added: Tags, member: string, invalid: TagProblem): void {
  const merged = new Map([...existing, ...added]);
  if (merged.size > MAX_TAGS) throw invalid(`${member}: a resource may have at most ${MAX_TAGS} tags; this would give it ${merged.size}.`);
  for (const [key, value] of added) existing.set(key, value);
}

export function tagsAsMap(tags: Tags): Record<string, string> {
  return Object.fromEntries(tags);
}

export function tagsAsList(tags: Tags): Array<{ Key: string; Value: string }> {
  return [...tags].map(([Key, Value]) => ({ Key, Value }));
}

function checkedTags(entries: ReadonlyArray<readonly [unknown, unknown]>, member: string, invalid: TagProblem): Tags {
  if (entries.length > MAX_TAGS) throw invalid(`${member}: a resource may have at most ${MAX_TAGS} tags, not ${entries.length}.`);
  const tags: Tags = new Map();
  for (const [key, value] of entries) {
    if (typeof key !== 'string' || key.length < 1 || key.length > 128 || typeof value !== 'string' || value.length > 256) {
      throw invalid(`${member}: a tag key is 1 to 128 characters and its value a string of at most 256; ${JSON.stringify(key)} is not.`);
    }
    tags.set(key, value);
  }
  return tags;
}
