import { afterEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../cli/commands/flags.ts';
import { runSettings } from '../../cli/commands/run-settings.ts';
import { openTargetSession, type TargetSession } from '../../cli/target-session.ts';
import { postMapping } from '../reference/support/raw-http.ts';

// Without --target, run and pact verify judge the embedded reference server, which must behave as
// the edition they judge by.
const quiet = { stdout: () => undefined, stderr: () => undefined };
let session: TargetSession | undefined;

afterEach(async () => {
  await session?.reference?.close();
  session = undefined;
});

// A body without FunctionName: the seed answers InvalidParameterValueException, today's AWS ValidationException.
async function errorTypeWithoutFunctionName(url: string): Promise<string | null> {
  return (await postMapping(url, { EventSourceArn: 'arn:aws:sqs:us-east-1:123456789012:q' })).headers.get('x-amzn-errortype');
}

describe('openTargetSession without a target', () => {
  it('starts the embedded server in the current edition when the run judges by it', async () => {
    session = await openTargetSession(runSettings({ edition: 'current' }, {}), quiet, { needs: [] });
    expect(session.reference).not.toBeNull();
    expect(await errorTypeWithoutFunctionName(session.targetUrl)).toBe('ValidationException');
  });

  it('starts it in the seed edition by default', async () => {
    session = await openTargetSession(runSettings({}, {}), quiet, { needs: [] });
    expect(await errorTypeWithoutFunctionName(session.targetUrl)).toBe('InvalidParameterValueException');
  });

  it('refuses an edition the embedded server does not implement, saying to give --target', async () => {
    // An edition of specs/ (--edition refuses any other) that the embedded server does not implement.
    const opening = openTargetSession({ ...runSettings({}, {}), edition: 'mine' }, quiet, { needs: [] });
    await expect(opening).rejects.toThrow(UsageError);
    await expect(opening).rejects.toThrow(/behaves as the seed or the current edition, not "mine": give --target URL/);
  });
});
