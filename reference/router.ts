import { headerValue, type IncomingCall } from './exchange.ts';
import { ControlPlaneLimit } from './lambda/control-plane-limit.ts';
import { LAMBDA_PATH_PREFIX, LAMBDA_TAGS_PREFIX, lambdaRoute, unknownLambdaOperation } from './lambda/routes.ts';
import { awsJsonError } from './protocols/aws-json.ts';
import { awsJsonRoute, type AwsJsonService } from './protocols/aws-json-service.ts';
import { IAM_DIALECT, iamRoute } from './iam/roles.ts';
import { queryParameters } from './protocols/aws-query.ts';
import { restJsonError } from './protocols/rest-json.ts';
import type { Route } from './route.ts';
import { ServiceError } from './service-error.ts';
import { STS_DIALECT, stsRoute } from './sts/caller-identity.ts';
import { DYNAMODB_TARGET_PREFIX, dynamodbService } from './sources/dynamodb.ts';
import { KINESIS_TARGET_PREFIX, kinesisService } from './sources/kinesis.ts';
import { SQS_TARGET_PREFIX, sqsService } from './sources/sqs.ts';
import type { ReferenceEdition } from './edition.ts';
import type { World } from './world.ts';

// All services share one endpoint, as in LocalStack and moto. A request names its service by
// X-Amz-Target (the JSON protocols), by path (Lambda's restJson1), by a form naming IAM's or STS's API
// version (the query protocol), or failing all of these by the service in its SigV4 credential scope, which
// is only used here to explain what is missing.
export class Router {
  private readonly byTargetPrefix: ReadonlyArray<readonly [string, AwsJsonService]>;
  // With AWS timing only: Lambda's control-plane requests per second.
  private readonly controlPlaneLimit: ControlPlaneLimit | undefined;

  constructor(
    private readonly world: World,
    private readonly edition: ReferenceEdition,
  ) {
    this.byTargetPrefix = [
      [SQS_TARGET_PREFIX, sqsService(world)],
      [KINESIS_TARGET_PREFIX, kinesisService(world)],
      [DYNAMODB_TARGET_PREFIX, dynamodbService(world)],
    ];
    this.controlPlaneLimit = world.timing === undefined ? undefined : new ControlPlaneLimit(world.timing);
  }

  route(call: IncomingCall, scopeService: string | undefined): Route {
    this.world.forgetDeletedMappings();
    const target = headerValue(call.headers, 'x-amz-target');
    if (target !== undefined) {
      for (const [prefix, service] of this.byTargetPrefix) {
        if (target.startsWith(prefix)) return awsJsonRoute(service, target.slice(prefix.length), call);
      }
      return refusal(
        new ServiceError(400, 'UnknownOperationException', `X-Amz-Target "${target}" names no service the reference server speaks (${this.prefixes()}).`),
        'json',
      );
    }
    if (call.path.startsWith(LAMBDA_PATH_PREFIX) || call.path.startsWith(LAMBDA_TAGS_PREFIX)) {
      try {
        const route = lambdaRoute(call, this.world, this.edition);
        return this.controlPlaneLimit === undefined ? route : this.controlPlaneLimit.limit(route);
      } catch (error) {
        if (error instanceof ServiceError) return refusal(error, 'rest');
        throw error;
      }
    }
    // IAM speaks the query protocol: a form naming its Action and API version, POSTed to "/".
    const iamParameters = queryParameters(headerValue(call.headers, 'content-type'), call.body, IAM_DIALECT.version);
    if (iamParameters !== undefined && (scopeService === 'iam' || scopeService === undefined)) return iamRoute(call, iamParameters, this.world);
    // STS speaks it too, under its own API version.
    const stsParameters = queryParameters(headerValue(call.headers, 'content-type'), call.body, STS_DIALECT.version);
    if (stsParameters !== undefined && (scopeService === 'sts' || scopeService === undefined)) return stsRoute(call, stsParameters, this.world);
    if (scopeService === 'sqs' || scopeService === 'kinesis' || scopeService === 'dynamodb') {
      return refusal(
        new ServiceError(
          400,
          'UnknownOperationException',
          `This ${scopeService} request has no X-Amz-Target header; the reference server speaks only the AWS JSON protocol (as current AWS SDKs do), not the query protocol.`,
        ),
        'json',
      );
    }
    return unknownLambdaOperation(call);
  }

  private prefixes(): string {
    return this.byTargetPrefix.map(([prefix]) => `${prefix}*`).join(', ');
  }
}

// A route that only answers with an error, decided while routing.
function refusal(error: ServiceError, protocol: 'rest' | 'json'): Route {
  const renderError = protocol === 'rest' ? restJsonError : (e: ServiceError) => awsJsonError({ version: '1.0', errorTypePrefix: '' }, e);
  return {
    service: 'none',
    operation: error.type,
    successStatus: error.status,
    renderError,
    run: () => {
      throw error;
    },
  };
}
