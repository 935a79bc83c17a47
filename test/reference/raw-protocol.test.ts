import { connect } from 'node:http2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReferenceServer, type ReferenceServer } from '../../reference/server.ts';
import { MAPPINGS_PATH, rawRequest } from './support/raw-http.ts';

// What the SDK never sends: broken bodies, other content types, unknown routes and targets.
// Each must get a clear 4xx in the right protocol's error shape, and the server must keep serving.
let server: ReferenceServer;
const UUID = /^[0-9a-f-]{36}$/;

beforeAll(async () => {
  server = await startReferenceServer();
});
afterAll(async () => {
  await server.close();
});

function postMappingBody(body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  return rawRequest(server.url, { path: MAPPINGS_PATH, body, headers });
}

describe('CreateEventSourceMapping bodies', () => {
  const cases: ReadonlyArray<readonly [string, string, string]> = [
    ['malformed JSON', '{"FunctionName": "f",', 'not valid JSON'],
    ['an empty body', '', 'empty'],
    ['whitespace only', '  \n ', 'empty'],
    ['a JSON array', '[{"FunctionName":"f"}]', 'must be a JSON object, not an array'],
    ['a JSON string', '"FunctionName"', 'must be a JSON object, not a string'],
    ['JSON null', 'null', 'must be a JSON object, not null'],
  ];
  for (const [title, body, message] of cases) {
    it(`answers ${title} with 400 InvalidParameterValueException`, async () => {
      const answer = await postMappingBody(body);
      expect(answer.status).toBe(400);
      expect(answer.headers.get('x-amzn-errortype')).toBe('InvalidParameterValueException');
      expect(answer.headers.get('x-amzn-requestid')).toMatch(UUID);
      expect(answer.json).toMatchObject({ Type: 'User' });
      expect(String(answer.json?.['message'])).toContain(message);
    });
  }

  it('refuses a declared non-JSON content type with 400 naming the content type', async () => {
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'application/x-amz-json-1.1']) {
      const answer = await postMappingBody('{"FunctionName":"f","EventSourceArn":"arn:aws:sqs:us-east-1:123456789012:q"}', {
        'content-type': contentType,
      });
      expect(answer.status).toBe(400);
      expect(answer.headers.get('x-amzn-errortype')).toBe('InvalidParameterValueException');
      expect(String(answer.json?.['message'])).toContain(`Content-Type "${contentType}"`);
    }
  });

  it('reads a body with no content type, or with a charset, as JSON (so the request reaches the function lookup)', async () => {
    const body = '{"FunctionName":"absent-fn","EventSourceArn":"arn:aws:sqs:us-east-1:123456789012:q"}';
    const untyped = await fetch(`${server.url}${MAPPINGS_PATH}`, { method: 'POST', body: new TextEncoder().encode(body) });
    expect(untyped.headers.get('x-amzn-errortype')).toBe('ResourceNotFoundException');
    const charset = await postMappingBody(body, { 'content-type': 'application/json; charset=utf-8' });
    expect(charset.status).toBe(404);
  });

  it('answers a body over 6 MB with 413', async () => {
    const answer = await postMappingBody(`{"FunctionName":"${'a'.repeat(6 * 1024 * 1024)}"}`);
    expect(answer.status).toBe(413);
    expect(answer.headers.get('x-amzn-errortype')).toBe('RequestTooLargeException');
  });
});

describe('error shapes', () => {
  it('spells the message member "Message" for ResourceNotFoundException and "message" for the rest', async () => {
    const notFound = await rawRequest(server.url, { method: 'GET', path: `${MAPPINGS_PATH}no-such-uuid` });
    expect(notFound.status).toBe(404);
    expect(notFound.json).toEqual({ Type: 'User', Message: expect.stringContaining('no-such-uuid') });
    const invalid = await postMappingBody('{}');
    expect(invalid.json).toEqual({ Type: 'User', message: 'FunctionName is required.' });
  });
});

describe('routing', () => {
  it('answers an unknown path with 404 UnknownOperationException', async () => {
    const answer = await rawRequest(server.url, { method: 'GET', path: '/no/such/path' });
    expect(answer.status).toBe(404);
    expect(answer.headers.get('x-amzn-errortype')).toBe('UnknownOperationException');
    expect(answer.headers.get('x-amzn-requestid')).toMatch(UUID);
    expect(String(answer.json?.['message'])).toContain('GET /no/such/path');
  });

  it('answers an unsupported method on a known path with 404 UnknownOperationException', async () => {
    const answer = await rawRequest(server.url, { method: 'PUT', path: MAPPINGS_PATH, body: '{}' });
    expect(answer.status).toBe(404);
    expect(answer.headers.get('x-amzn-errortype')).toBe('UnknownOperationException');
  });

  it('answers an unknown X-Amz-Target, or an unimplemented operation, with 400 UnknownOperationException', async () => {
    for (const target of ['Nothing_20990101.Anything', 'AmazonSQS.SendMessage']) {
      const answer = await rawRequest(server.url, {
        path: '/',
        body: '{}',
        headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': target },
      });
      expect(answer.status).toBe(400);
      expect(String(answer.json?.['__type'])).toContain('UnknownOperationException');
    }
  });

  it('explains that the SQS query protocol is not spoken', async () => {
    const answer = await rawRequest(server.url, {
      path: '/',
      body: 'Action=CreateQueue&QueueName=q',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: 'AWS4-HMAC-SHA256 Credential=AKID/20191126/us-east-1/sqs/aws4_request, SignedHeaders=host, Signature=abc',
      },
    });
    expect(answer.status).toBe(400);
    expect(String(answer.json?.['message'])).toContain('query protocol');
  });

  it('answers a CBOR request to Kinesis, and a malformed JSON one, with 400 SerializationException', async () => {
    const cbor = await rawRequest(server.url, {
      path: '/',
      body: '\xa0',
      headers: { 'content-type': 'application/cbor', 'x-amz-target': 'Kinesis_20131202.DescribeStreamSummary' },
    });
    expect(cbor.status).toBe(400);
    expect(cbor.json?.['__type']).toBe('SerializationException');
    const broken = await rawRequest(server.url, {
      path: '/',
      body: '{"TableName":',
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'DynamoDB_20120810.DescribeTable' },
    });
    expect(broken.status).toBe(400);
    expect(broken.json?.['__type']).toBe('com.amazonaws.dynamodb.v20120810#SerializationException');
  });

  it('answers a path with broken percent-encoding with 400', async () => {
    const answer = await rawRequest(server.url, { method: 'GET', path: '/2015-03-31/functions/%E0%A4%A' });
    expect(answer.status).toBe(400);
  });

  it('takes the region from the SigV4 credential scope', async () => {
    const answer = await rawRequest(server.url, {
      path: '/2015-03-31/functions',
      body: JSON.stringify({ FunctionName: 'scoped-fn', Role: 'arn:aws:iam::123456789012:role/r', Code: {} }),
      headers: {
        'content-type': 'application/json',
        authorization: 'AWS4-HMAC-SHA256 Credential=AKID/20191126/ap-southeast-2/lambda/aws4_request, SignedHeaders=host, Signature=abc',
      },
    });
    expect(answer.status).toBe(201);
    expect(answer.json?.['FunctionArn']).toBe('arn:aws:lambda:ap-southeast-2:123456789012:function:scoped-fn');
  });

  it('serves Lambda over cleartext HTTP/2 as well as HTTP/1.1', async () => {
    const session = connect(server.url);
    try {
      const answer = await new Promise<{ status: number; body: string; errorType: unknown }>((resolve, reject) => {
        const stream = session.request({ ':method': 'GET', ':path': `${MAPPINGS_PATH}h2-uuid` });
        let body = '';
        let status = 0;
        let errorType: unknown;
        stream.on('response', (headers) => {
          status = Number(headers[':status']);
          errorType = headers['x-amzn-errortype'];
        });
        stream.on('data', (chunk: Buffer) => (body += chunk.toString()));
        stream.on('end', () => resolve({ status, body, errorType }));
        stream.on('error', reject);
      });
      expect(answer).toMatchObject({ status: 404, errorType: 'ResourceNotFoundException' });
      expect(answer.body).toContain('h2-uuid');
    } finally {
      session.close();
    }
  });
});
