// The deletion of a mapping as AWS makes it take time: refused while the mapping is Creating (or
// in another operation), then visible as Deleting until it is gone.
import { describe, expect, it } from 'vitest';
import { deleteMappings, refusedAsBusy } from '../../src/runner/mapping-cleanup.ts';
import { ScriptedTarget } from '../support/scripted-target.ts';

const UUID = '11111111-1111-4111-8111-111111111111';
const PATH = `/2015-03-31/event-source-mappings/${UUID}`;
const IN_USE = { __type: 'ResourceInUseException', message: "The operation conflicts with the resource's availability." };

type Answer = { status: number; body: object };

/**
 * A target that answers each DELETE and each GET of the mapping from its own list in turn, the last
 * answer for ever after. Its timeout bounds the deletion (GONE_WITHIN_TIMEOUTS of it): 10 s by
 * default, which these scripts never come near.
 */
function mappingTarget(deletes: readonly Answer[], lookups: readonly Answer[] = [{ status: 404, body: {} }], timeoutMs = 10_000): ScriptedTarget {
  const answered = { DELETE: 0, GET: 0 };
  return new ScriptedTarget((request) => {
    const script = request.method === 'DELETE' ? deletes : lookups;
    const method = request.method === 'DELETE' ? 'DELETE' : 'GET';
    const answer = script[Math.min(answered[method]++, script.length - 1)] ?? { status: 500, body: {} };
    return { status: answer.status, body: JSON.stringify(answer.body) };
  }, timeoutMs);
}

describe('deleting a mapping', () => {
  it('asks again while the target says the mapping is in use, then waits while it is Deleting, until it is gone', async () => {
    const target = mappingTarget(
      [{ status: 400, body: IN_USE }, { status: 400, body: IN_USE }, { status: 202, body: { UUID, State: 'Deleting' } }],
      [{ status: 200, body: { UUID, State: 'Deleting' } }, { status: 200, body: { UUID, State: 'Deleting' } }, { status: 404, body: {} }],
    );
    const outcome = await deleteMappings(target, [UUID]);
    expect(outcome).toEqual({ deleted: [UUID], problems: [] });
    expect(target.sent).toEqual([`DELETE ${PATH}`, `DELETE ${PATH}`, `DELETE ${PATH}`, `GET ${PATH}`, `GET ${PATH}`, `GET ${PATH}`]);
  });

  it('asks again on a 409 ResourceConflictException naming an operation in progress', async () => {
    const inProgress = { __type: 'ResourceConflictException', message: 'An update is in progress for resource: arn:aws:lambda:us-east-1:123456789012:event-source-mapping:x' };
    const target = mappingTarget([{ status: 409, body: inProgress }, { status: 202, body: { UUID } }]);
    expect(await deleteMappings(target, [UUID])).toEqual({ deleted: [UUID], problems: [] });
    expect(target.sent.filter((line) => line.startsWith('DELETE'))).toHaveLength(2);
  });

  it('asks again while the delete is still throttled after the transport\'s own retries', async () => {
    const throttled = { __type: 'TooManyRequestsException', message: 'Rate exceeded', Reason: 'CallerRateLimitExceeded' };
    const target = mappingTarget([{ status: 429, body: throttled }, { status: 202, body: { UUID } }]);
    expect(await deleteMappings(target, [UUID])).toEqual({ deleted: [UUID], problems: [] });
    expect(target.sent.filter((line) => line.startsWith('DELETE'))).toHaveLength(2);
  });

  it('does not ask again on any other refusal, and says what was answered', async () => {
    const exists = { __type: 'ResourceConflictException', message: 'The resource already exists.' };
    for (const answer of [{ status: 409, body: exists }, { status: 400, body: { __type: 'InvalidParameterValueException', message: 'no' } }, { status: 500, body: {} }]) {
      const target = mappingTarget([answer, { status: 202, body: { UUID } }]);
      const outcome = await deleteMappings(target, [UUID]);
      expect(outcome).toEqual({ deleted: [], problems: [`could not delete mapping ${UUID}: answer ${answer.status}`] });
      expect(target.sent).toEqual([`DELETE ${PATH}`]);
    }
  });

  it('gives up on a mapping busy for ever within the bound, asking again at growing intervals rather than in a tight loop', async () => {
    // A timeout of 100 ms: the bound is GONE_WITHIN_TIMEOUTS × 100 ms = 300 ms, and pauses of 50,
    // 100, then what is left fit at most four requests in it, however fast the machine.
    const target = mappingTarget([{ status: 400, body: IN_USE }], [], 100);
    const outcome = await deleteMappings(target, [UUID]);
    expect(outcome.deleted).toEqual([]);
    expect(outcome.problems).toEqual([`could not delete mapping ${UUID}: still refused 0.3 s after the first try (answer 400 ResourceInUseException)`]);
    expect(target.sent.length).toBeGreaterThanOrEqual(2);
    expect(target.sent.length).toBeLessThanOrEqual(4);
  });

  it('gives up on a mapping that stays visible after its deletion within the same bound', async () => {
    const target = mappingTarget([{ status: 202, body: { UUID } }], [{ status: 200, body: { UUID, State: 'Deleting' } }], 100);
    expect(await deleteMappings(target, [UUID])).toEqual({ deleted: [], problems: [`mapping ${UUID} was still visible 0.3 s after its deletion`] });
    expect(target.sent.filter((line) => line.startsWith('GET')).length).toBeLessThanOrEqual(4);
  });

  it('takes an answer 404 to the delete as the mapping gone, without looking again', async () => {
    const target = mappingTarget([{ status: 404, body: { __type: 'ResourceNotFoundException' } }]);
    expect(await deleteMappings(target, [UUID])).toEqual({ deleted: [UUID], problems: [] });
    expect(target.sent).toEqual([`DELETE ${PATH}`]);
  });
});

describe('which refusals say the resource is busy', () => {
  it('is ResourceInUseException, or ResourceConflictException naming an operation in progress', () => {
    expect(refusedAsBusy('ResourceInUseException', '')).toBe(true);
    expect(refusedAsBusy('ResourceConflictException', 'The operation cannot be performed at this time. An update is in progress for resource: arn:x')).toBe(true);
    expect(refusedAsBusy('ResourceConflictException', 'An event source mapping with SQS arn (" arn:x ") and function (" f ") already exists.')).toBe(false);
    expect(refusedAsBusy('TooManyRequestsException', 'in progress')).toBe(false);
  });
});
