export const usage = `lambda-esm-conformance: conformance tests for the AWS Lambda CreateEventSourceMapping API

Usage:
  lambda-esm-conformance list  [--edition seed] [--json] [--grep PATTERN]
      The generated cases: a table, or with --json one object per case.
  lambda-esm-conformance serve [--port 4566] [--host 127.0.0.1] [--fault NAME=VALUE ...]
      The embedded reference server (run "serve --help" for the fault options).
  lambda-esm-conformance help
      This text.

Exit codes: 0 every case conforms, 1 some case does not, 2 nothing could be judged.
`;
