import type { IncomingCall } from '../exchange.ts';
import { awsQueryRoute, type AwsQueryDialect, type XmlValue } from '../protocols/aws-query.ts';
import type { Route } from '../route.ts';
import type { World } from '../world.ts';

// AWS Security Token Service, as far as telling which account a run is about to touch needs:
// GetCallerIdentity, in the query protocol (a form naming Action and Version 2011-06-15, POSTed to "/"),
// answered in XML as the STS API Reference shows it. Whatever the credentials, the caller is one IAM
// user of the server's account: signatures are not verified, so there is no one else to be.
export const STS_DIALECT: AwsQueryDialect = { version: '2011-06-15', namespace: 'https://sts.amazonaws.com/doc/2011-06-15/' };

const CALLER_NAME = 'lambda-esm-conformance-reference';
// An IAM user's unique id: AIDA and 17 upper-case letters or digits.
const CALLER_USER_ID = 'AIDAREFERENCESERVER00';

export function stsRoute(call: IncomingCall, parameters: URLSearchParams, world: World): Route {
  const action = parameters.get('Action') ?? '';
  return awsQueryRoute(STS_DIALECT, 'sts', call, action, action === 'GetCallerIdentity' ? () => callerIdentity(world) : undefined);
}

function callerIdentity(world: World): XmlValue {
  return { Arn: `arn:aws:iam::${world.account}:user/${CALLER_NAME}`, UserId: CALLER_USER_ID, Account: world.account };
}
