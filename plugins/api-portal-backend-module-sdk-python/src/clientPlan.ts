/**
 * Decides the Python surface of the client: one method per operation, its
 * parameter names and types, and the keyword arguments that carry
 * credentials for each security scheme.
 */
import { ApiOperation, BodyEncoding, ParameterLocation } from './operations';
import type { SecurityScheme } from '@readiness/plugin-api-portal-common';
import { ModelBuilder } from './ModelBuilder';
import { NameScope, toPascalCase, toSnakeCase } from './naming';
import { ANY, NONE, PyType, unionOf } from './pyTypes';

/** A parameter of a client method. */
export interface MethodParameter {
  pyName: string;
  wireName: string;
  in: ParameterLocation;
  required: boolean;
  type: PyType;
  description?: string;
  explode: boolean;
}

/** The request body argument of a client method. */
export interface MethodBody {
  pyName: string;
  required: boolean;
  type: PyType;
  encoding: BodyEncoding;
  mediaType: string;
  /** For raw bodies: the keyword argument that overrides the content type. */
  contentTypeName?: string;
}

/** One method of `Client`. */
export interface ClientMethod {
  name: string;
  operation: ApiOperation;
  parameters: MethodParameter[];
  body?: MethodBody;
  returns: PyType;
  /** Whether a success response is JSON, so a body without a content type is parsed. */
  expectsJson: boolean;
  /** Alternatives of scheme names that the client can satisfy. */
  security: string[][];
}

/** A keyword argument of `Client.__init__` that carries a credential. */
export interface CredentialArgument {
  pyName: string;
  kind: 'bearer' | 'basic-username' | 'basic-password' | 'apiKey';
  schemes: SecurityScheme[];
}

/** Attributes and helpers of `Client` that methods must not shadow. */
const CLIENT_MEMBERS = ['base_url', 'timeout', 'headers'];

function paramOrder(p: MethodParameter): number {
  return ['path', 'query', 'header', 'cookie'].indexOf(p.in);
}

/** Plans the credential keyword arguments of `Client.__init__`. */
export function planCredentials(
  schemes: SecurityScheme[],
): CredentialArgument[] {
  const scope = new NameScope(['self', 'base_url', 'timeout', 'headers']);
  const args: CredentialArgument[] = [];
  const bearer = schemes.filter(s => s.kind === 'bearer');
  if (bearer.length > 0) {
    args.push({
      pyName: scope.claim('access_token'),
      kind: 'bearer',
      schemes: bearer,
    });
  }
  const basic = schemes.filter(s => s.kind === 'basic');
  if (basic.length > 0) {
    args.push({
      pyName: scope.claim('username'),
      kind: 'basic-username',
      schemes: basic,
    });
    args.push({
      pyName: scope.claim('password'),
      kind: 'basic-password',
      schemes: basic,
    });
  }
  const apiKeys = schemes.filter(s => s.kind === 'apiKey');
  for (const scheme of apiKeys) {
    const name =
      apiKeys.length === 1 ? 'api_key' : toSnakeCase(scheme.name, 'key_');
    args.push({ pyName: scope.claim(name), kind: 'apiKey', schemes: [scheme] });
  }
  return args;
}

/** Plans one method per operation; names are unique and never keywords. */
export async function planMethods(
  operations: ApiOperation[],
  schemes: SecurityScheme[],
  models: ModelBuilder,
  checkpoint: () => Promise<void>,
): Promise<ClientMethod[]> {
  const usable = new Set(
    schemes.filter(s => s.kind !== 'unsupported').map(s => s.name),
  );
  const methodNames = new NameScope(CLIENT_MEMBERS);
  const methods: ClientMethod[] = [];
  for (const operation of operations) {
    await checkpoint();
    const label =
      operation.operationId ?? `${operation.method} ${operation.path}`;
    const name = methodNames.claim(
      toSnakeCase(label, 'op_').replace(/^_+/, '') || 'operation',
    );
    const hint = toPascalCase(label, 'Op');
    const scope = new NameScope(['self']);
    const parameters: MethodParameter[] = operation.parameters.map(p => ({
      pyName: scope.claim(toSnakeCase(p.name, 'p_')),
      wireName: p.name,
      in: p.in,
      required: p.required,
      type: models.typeOf(p.schema, `${hint}${toPascalCase(p.name, '')}`, 0),
      description: p.description,
      explode: p.explode,
    }));
    // Template variables the document forgot to declare still need a value.
    for (const match of operation.path.matchAll(/\{([^}]+)\}/g)) {
      const wireName = match[1];
      if (!parameters.some(p => p.in === 'path' && p.wireName === wireName)) {
        parameters.push({
          pyName: scope.claim(toSnakeCase(wireName, 'p_')),
          wireName,
          in: 'path',
          required: true,
          type: { kind: 'builtin', name: 'str' },
          explode: false,
        });
      }
    }
    parameters.sort((a, b) => paramOrder(a) - paramOrder(b));
    let body: MethodBody | undefined;
    if (operation.body) {
      const { encoding, mediaType, required, schema } = operation.body;
      body = {
        pyName: scope.claim('body'),
        required,
        encoding,
        mediaType,
        type:
          encoding === 'raw'
            ? unionOf([
                { kind: 'builtin', name: 'bytes' },
                { kind: 'builtin', name: 'str' },
              ])
            : models.typeOf(schema, `${hint}Body`, 0),
        contentTypeName:
          encoding === 'raw' ? scope.claim('content_type') : undefined,
      };
    }
    const returns =
      operation.results.length === 0
        ? ANY
        : unionOf(
            operation.results.map((result): PyType => {
              if (result.encoding === 'empty') return NONE;
              if (result.encoding === 'raw')
                return { kind: 'builtin', name: 'bytes' };
              return models.typeOf(result.schema, `${hint}Response`, 0);
            }),
          );
    methods.push({
      name,
      operation,
      parameters,
      body,
      returns,
      expectsJson: operation.results.some(r => r.encoding === 'json'),
      security: operation.security.filter(alternative =>
        alternative.every(scheme => usable.has(scheme)),
      ),
    });
  }
  return methods;
}
