// Every AWS action the tool's code can call, read from its sources rather than listed by hand: the
// commands of the AWS SDK's clients it constructs (with the tagging a create with tags is also
// authorized as), and the requests it sends through its own transport: Lambda REST ones by their
// method and path, query-protocol ones (STS) by the Action in their body. What it cannot name is reported, so that a new kind of call fails the policy test
// instead of slipping past it.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** The IAM service prefix of each AWS SDK client package the code may import. */
const IAM_PREFIX_OF_CLIENT: Readonly<Record<string, string>> = {
  '@aws-sdk/client-lambda': 'lambda',
  '@aws-sdk/client-iam': 'iam',
  '@aws-sdk/client-sqs': 'sqs',
  '@aws-sdk/client-kinesis': 'kinesis',
  '@aws-sdk/client-dynamodb': 'dynamodb',
  '@aws-sdk/client-sts': 'sts',
  '@aws-sdk/client-resource-groups-tagging-api': 'tag',
};

/**
 * Members of a call's input that make AWS authorize a second action besides the call's own: a
 * create with tags is authorized for tagging too (the services' documentation of tag-on-create;
 * Kinesis's tagging action is the one that tags a stream, AddTagsToStream), and a function given a
 * role for iam:PassRole on it. Without the second action the call is refused.
 */
const ALSO_AUTHORIZED: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'lambda:CreateFunction': { Role: 'iam:PassRole', Tags: 'lambda:TagResource' },
  'sqs:CreateQueue': { tags: 'sqs:TagQueue' },
  'iam:CreateRole': { Tags: 'iam:TagRole' },
  'kinesis:CreateStream': { Tags: 'kinesis:AddTagsToStream' },
  'dynamodb:CreateTable': { Tags: 'dynamodb:TagResource' },
  // A call whose only work is tagging is authorized by its own action, which the tags add nothing to.
  'kinesis:AddTagsToStream': { Tags: 'kinesis:AddTagsToStream' },
};

/** The Lambda REST API's routes of event source mappings (Lambda API reference, each action's "Request Syntax"). */
const LAMBDA_ROUTES: ReadonlyArray<{ readonly method: string; readonly path: RegExp; readonly action: string }> = [
  { method: 'POST', path: /^\/2015-03-31\/event-source-mappings\/$/, action: 'lambda:CreateEventSourceMapping' },
  { method: 'GET', path: /^\/2015-03-31\/event-source-mappings\/$/, action: 'lambda:ListEventSourceMappings' },
  { method: 'GET', path: /^\/2015-03-31\/event-source-mappings\/[^/]+$/, action: 'lambda:GetEventSourceMapping' },
  { method: 'PUT', path: /^\/2015-03-31\/event-source-mappings\/[^/]+$/, action: 'lambda:UpdateEventSourceMapping' },
  { method: 'DELETE', path: /^\/2015-03-31\/event-source-mappings\/[^/]+$/, action: 'lambda:DeleteEventSourceMapping' },
];

/** Stands for a part of a path the code computes (a UUID, a query): it never contains a slash. */
const COMPUTED = '\u0000';

export interface CollectedActions {
  /** Each action, with the places (`file:line`) that call it. */
  readonly actions: ReadonlyMap<string, readonly string[]>;
  /** Calls whose action cannot be named, as sentences: each one a gap in the collection. */
  readonly unnamed: readonly string[];
}

/** The actions the TypeScript sources under `parts` of `root` call; `sources` stands in for the files (for tests of this collector). */
export function collectAwsActions(root: string, parts: readonly string[], sources = readSources(root, parts)): CollectedActions {
  const actions = new Map<string, string[]>();
  const unnamed: string[] = [];
  const add = (action: string, where: string): void => {
    actions.set(action, [...(actions.get(action) ?? []), where]);
  };
  const parsed = new Map([...sources].map(([file, text]) => [file, ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true)]));
  for (const [file, source] of parsed) {
    const commands = sdkCommandsImported(source);
    const visit = (node: ts.Node): void => {
      const where = (): string => `${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
      if (ts.isNewExpression(node) && ts.isIdentifier(node.expression)) {
        const command = commands.get(node.expression.text);
        if (command !== undefined) {
          add(command, where());
          const [input] = node.arguments ?? [];
          const members = input !== undefined && ts.isObjectLiteralExpression(input) ? input : null;
          for (const [member, action] of Object.entries(ALSO_AUTHORIZED[command] ?? {})) if (members !== null && property(members, member) !== undefined) add(action, where());
          const tags = members === null ? undefined : ['Tags', 'tags'].find((member) => property(members, member) !== undefined);
          if (tags !== undefined && ALSO_AUTHORIZED[command]?.[tags] === undefined) unnamed.push(`${where()}: ${command} with ${tags}: which action authorizes its tagging? (add it to ALSO_AUTHORIZED)`);
        }
      }
      if (ts.isObjectLiteralExpression(node)) {
        const method = property(node, 'method');
        const requestPath = property(node, 'path');
        if (method !== undefined && requestPath !== undefined) {
          // A request is named where its method is written: one that copies its method from another
          // request (the case's, as the spec writes it; the one being signed) passes that one on.
          const methodText = resolveText(method, file, parsed);
          const pathText = resolveText(requestPath, file, parsed);
          if (methodText !== null) {
            const action = (pathText === null ? null : lambdaRouteOf(methodText, pathText.split('?')[0] ?? '')) ?? queryAction(node, source, file, parsed);
            if (action !== null) add(action, where());
            else unnamed.push(`${where()}: ${methodText} ${pathText?.replaceAll(COMPUTED, '{…}') ?? requestPath.getText()} is no route of LAMBDA_ROUTES`);
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { actions, unnamed };
}

/**
 * `service:Action` of a request in the query protocol (`Action=GetCallerIdentity&…` in its body),
 * the service being the one `service:` names where the file opens its transport; null unless both
 * are written in the code, and the file opens transports for one service only.
 */
function queryAction(request: ts.ObjectLiteralExpression, source: ts.SourceFile, file: string, parsed: ReadonlyMap<string, ts.SourceFile>): string | null {
  const body = property(request, 'body');
  const name = body === undefined ? undefined : /(?:^|&)Action=(\w+)/.exec(resolveText(body, file, parsed) ?? '')?.[1];
  if (name === undefined) return null;
  const services = new Set<string | null>();
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && node.expression.getText() === 'createTransport') {
      const [options] = node.arguments;
      const service = options !== undefined && ts.isObjectLiteralExpression(options) ? property(options, 'service') : undefined;
      if (service !== undefined) services.add(resolveText(service, file, parsed));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  const [service] = services;
  return services.size === 1 && typeof service === 'string' ? `${service}:${name}` : null;
}

/** The Lambda REST action of a request (its path without the query), or null: also that of the operation every case sends, as the spec writes it. */
export function lambdaRouteOf(method: string, requestPath: string): string | null {
  return LAMBDA_ROUTES.find((route) => route.method === method && route.path.test(requestPath))?.action ?? null;
}

function readSources(root: string, parts: readonly string[]): Map<string, string> {
  const files = new Map<string, string>();
  for (const part of parts) {
    for (const entry of readdirSync(path.join(root, part), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
      const file = path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
      files.set(file, readFileSync(path.join(root, file), 'utf8'));
    }
  }
  return files;
}

/** `service:Operation` of each `XxxCommand` the file imports from an AWS SDK client, by its local name. */
function sdkCommandsImported(source: ts.SourceFile): Map<string, string> {
  const commands = new Map<string, string>();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const client = statement.moduleSpecifier.text;
    if (!client.startsWith('@aws-sdk/client-')) continue;
    const bindings = statement.importClause?.namedBindings;
    if (bindings === undefined || !ts.isNamedImports(bindings)) continue;
    for (const element of bindings.elements) {
      if (element.isTypeOnly || statement.importClause?.isTypeOnly === true) continue;
      const imported = (element.propertyName ?? element.name).text;
      if (!imported.endsWith('Command')) continue;
      const prefix = IAM_PREFIX_OF_CLIENT[client] ?? `(no IAM prefix known for ${client}: add it to IAM_PREFIX_OF_CLIENT)`;
      commands.set(element.name.text, `${prefix}:${imported.slice(0, -'Command'.length)}`);
    }
  }
  return commands;
}

function property(literal: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  for (const member of literal.properties) {
    if (ts.isPropertyAssignment(member) && member.name.getText() === name) return member.initializer;
    if (ts.isShorthandPropertyAssignment(member) && member.name.text === name) return member.name;
  }
  return undefined;
}

/**
 * The text an expression always has, with COMPUTED for the parts the code computes (a call, a
 * parameter); null when no part of it is written in the code. Names are followed to their
 * `const` in the same file, or the one an import names.
 */
function resolveText(expression: ts.Expression, file: string, parsed: ReadonlyMap<string, ts.SourceFile>, depth = 0): string | null {
  if (depth > 10) return null;
  if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) return expression.text;
  if (ts.isTemplateExpression(expression)) {
    let text = expression.head.text;
    for (const span of expression.templateSpans) text += (resolveText(span.expression, file, parsed, depth + 1) ?? COMPUTED) + span.literal.text;
    return text;
  }
  if (ts.isIdentifier(expression)) {
    const found = constantNamed(expression.text, file, parsed);
    return found === null ? null : resolveText(found.initializer, found.file, parsed, depth + 1);
  }
  return null;
}

/** The one `const NAME = …` of a file, or of the file it imports NAME from. */
function constantNamed(name: string, file: string, parsed: ReadonlyMap<string, ts.SourceFile>): { initializer: ts.Expression; file: string } | null {
  const source = parsed.get(file);
  if (source === undefined) return null;
  const declarations: ts.VariableDeclaration[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === name && node.initializer !== undefined && (node.parent.flags & ts.NodeFlags.Const) !== 0) declarations.push(node);
    ts.forEachChild(node, visit);
  };
  visit(source);
  const [only] = declarations;
  if (declarations.length === 1 && only?.initializer !== undefined) return { initializer: only.initializer, file };
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const bindings = statement.importClause?.namedBindings;
    if (bindings === undefined || !ts.isNamedImports(bindings)) continue;
    const element = bindings.elements.find((candidate) => candidate.name.text === name);
    if (element === undefined || !statement.moduleSpecifier.text.startsWith('.')) continue;
    const from = path.posix.normalize(path.posix.join(path.posix.dirname(file), statement.moduleSpecifier.text));
    return constantNamed((element.propertyName ?? element.name).text, from, parsed);
  }
  return null;
}
