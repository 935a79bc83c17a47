// A published version of a run's function and an alias of it, for cases that name the function with
// a qualifier (`name:1`, `name:lesm-alias`, and their ARNs). They are the function's own: deleting
// the function deletes them, so cleanup has nothing more to do for them.
import { CreateAliasCommand, GetFunctionConfigurationCommand, PublishVersionCommand } from '@aws-sdk/client-lambda';
import { presentOr, StepFailed, type StepContext } from './provisioning-step.ts';
import { waitUntil } from './wait-until.ts';

/** The alias every run gives its functions' version. */
export const ALIAS_NAME = 'lesm-alias';

export interface VersionAndAlias {
  readonly version: string;
  readonly alias: string;
}

/** Publishes a version of the function named `name`, waits until Lambda says it is Active, and names it by an alias. */
export async function publishVersionAndAlias(context: StepContext, name: string): Promise<VersionAndAlias> {
  const step = async <T>(call: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw new StepFailed('function', call, error, name);
    }
  };
  const published = await step('lambda:PublishVersion', () => context.clients.lambda.send(new PublishVersionCommand({ FunctionName: name }), { abortSignal: context.signal }));
  const version = presentOr(published.Version, `PublishVersion for ${name} answered without a Version.`);
  // A new version may be Pending for a moment, as a new function is; a mapping on it is refused until Active.
  if (published.State !== undefined && published.State !== 'Active') {
    await step('lambda:GetFunctionConfiguration', () =>
      waitUntil(
        `version ${version} of Lambda function ${name} to become Active`,
        async () => {
          const { State: state } = await context.clients.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: name, Qualifier: version }), { abortSignal: context.signal });
          return state === 'Active' ? state : undefined;
        },
        context.poll,
      ),
    );
  }
  await step('lambda:CreateAlias', () =>
    context.clients.lambda.send(new CreateAliasCommand({ FunctionName: name, Name: ALIAS_NAME, FunctionVersion: version }), { abortSignal: context.signal }),
  );
  context.log(`published version ${version} of Lambda function ${name}, with the alias ${ALIAS_NAME}`);
  return { version, alias: ALIAS_NAME };
}
