import type { Answer } from './exchange.ts';
import type { ServiceError } from './service-error.ts';

export type ServiceName = 'lambda' | 'sqs' | 'kinesis' | 'dynamodb' | 'iam' | 'sts' | 'none';

// What the router decided a request is, before anything runs. Knowing the operation up front is what
// lets fault injection pick its targets (by default only CreateEventSourceMapping) without side effects.
export interface Route {
  readonly service: ServiceName;
  readonly operation: string;
  // Performs the operation; throws ServiceError for a documented failure.
  run(): Answer;
  // Writes an error the way this service's protocol does.
  renderError(error: ServiceError): Answer;
  // The status a successful answer has, which a fault's truncated body imitates.
  readonly successStatus: number;
}
