import type { Answer, IncomingCall } from '../exchange.ts';
import type { Route, ServiceName } from '../route.ts';
import { ServiceError } from '../service-error.ts';

// The AWS query protocol, as IAM speaks it: every call is a form-encoded POST to "/" naming its
// Action and API Version; answers are XML, `<ActionResponse><ActionResult>…</ActionResult>` with
// the request id in `<ResponseMetadata>`, and errors are `<ErrorResponse><Error>` with Type, Code
// and Message.

export interface AwsQueryDialect {
  /** The API version every request names, e.g. 2010-05-08 for IAM. */
  readonly version: string;
  /** The XML namespace of every answer, e.g. https://iam.amazonaws.com/doc/2010-05-08/. */
  readonly namespace: string;
}

/** An XML element: its name and either text or child elements; lists are members named `member`. */
export type XmlValue = string | number | boolean | undefined | readonly XmlValue[] | { readonly [name: string]: XmlValue };

const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';

/** The form parameters of a query-protocol request, or undefined when the body is not a form naming `version`. */
export function queryParameters(contentType: string | undefined, body: Buffer, version: string): URLSearchParams | undefined {
  if (contentType === undefined || !contentType.toLowerCase().startsWith(FORM_CONTENT_TYPE)) return undefined;
  const parameters = new URLSearchParams(body.toString('utf8'));
  return parameters.get('Version') === version ? parameters : undefined;
}

// The route of a query-protocol request: `perform` answers the action's result, or is undefined for an
// action the server does not implement (400 InvalidAction, as query services name it).
export function awsQueryRoute(dialect: AwsQueryDialect, service: ServiceName, call: IncomingCall, action: string, perform: (() => XmlValue) | undefined): Route {
  return {
    service,
    operation: action,
    successStatus: 200,
    renderError: (error) => awsQueryError(dialect, call.requestId, error),
    run: () => {
      if (perform === undefined) throw new ServiceError(400, 'InvalidAction', `The reference server does not implement ${service.toUpperCase()} action "${action}".`);
      return awsQueryAnswer(dialect, action, call.requestId, perform());
    },
  };
}

export function awsQueryAnswer(dialect: AwsQueryDialect, action: string, requestId: string, result: XmlValue): Answer {
  const resultXml = result === undefined ? '' : element(`${action}Result`, result);
  return {
    status: 200,
    headers: { 'Content-Type': 'text/xml' },
    body: `<${action}Response xmlns="${dialect.namespace}">${resultXml}${element('ResponseMetadata', { RequestId: requestId })}</${action}Response>`,
  };
}

export function awsQueryError(dialect: AwsQueryDialect, requestId: string, error: ServiceError): Answer {
  const type = error.status >= 500 ? 'Receiver' : 'Sender';
  return {
    status: error.status,
    headers: { 'Content-Type': 'text/xml', ...error.extraHeaders },
    body: `<ErrorResponse xmlns="${dialect.namespace}">${element('Error', { Type: type, Code: error.type, Message: error.message })}${element('RequestId', requestId)}</ErrorResponse>`,
  };
}

/** The prefixes of a query list parameter's members, `Name.member.1`, `Name.member.2`, …, as far as they are given. */
export function queryMembers(parameters: URLSearchParams, name: string): string[] {
  const prefixes: string[] = [];
  const given = (prefix: string) => [...parameters.keys()].some((key) => key === prefix || key.startsWith(`${prefix}.`));
  for (let index = 1; given(`${name}.member.${index}`); index += 1) prefixes.push(`${name}.member.${index}`);
  return prefixes;
}

function element(name: string, value: XmlValue): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return `<${name}>${value.map((entry: XmlValue) => element('member', entry)).join('')}</${name}>`;
  if (typeof value === 'object') {
    const children = Object.entries(value as Record<string, XmlValue>).map(([child, entry]) => element(child, entry));
    return `<${name}>${children.join('')}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

// Query services name a missing or malformed parameter this way.
export function missingParameter(name: string): ServiceError {
  return new ServiceError(400, 'ValidationError', `1 validation error detected: Value null at '${name}' failed to satisfy constraint: Member must not be null`);
}
