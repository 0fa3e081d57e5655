import {
  apiLabel,
  type OpenApiReader,
  type SecurityScheme,
} from '@readiness/plugin-api-portal-common';
import { ClientMethod, CredentialArgument } from './clientPlan';
import {
  cleanText,
  pyDocstring,
  pyLiteral,
  pyString,
  tomlString,
} from './literals';
import { asArray, asObject, isObject } from './values';

/** The package identity the generator derived from its input. */
export interface PythonPackageIdentity {
  /** Distribution name (PEP 503 normalised), e.g. `ledger-api`. */
  distribution: string;
  /** Import package, e.g. `ledger_api`. */
  module: string;
  /** PEP 440 version. */
  version: string;
}

/** The source of `pyproject.toml`: PEP 621 metadata, setuptools, no dependencies. */
export function renderPyproject(
  identity: PythonPackageIdentity,
  description: string,
): string {
  const { distribution, module, version } = identity;
  return [
    '[build-system]',
    'requires = ["setuptools>=61"]',
    'build-backend = "setuptools.build_meta"',
    '',
    '[project]',
    `name = ${tomlString(distribution)}`,
    `version = ${tomlString(version)}`,
    `description = ${tomlString(description)}`,
    'readme = "README.md"',
    'requires-python = ">=3.9"',
    'dependencies = []',
    'classifiers = [',
    '    "Programming Language :: Python :: 3",',
    '    "Typing :: Typed",',
    ']',
    '',
    '[tool.setuptools]',
    `packages = [${tomlString(module)}]`,
    '',
    '[tool.setuptools.package-data]',
    `${tomlString(module)} = ["py.typed"]`,
    '',
  ].join('\n');
}

/** The source of `<module>/__init__.py`. */
export function renderInitModule(
  title: string,
  version: string,
  withTokenHelper: boolean,
): string {
  const names = [
    'ApiError',
    'Client',
    ...(withTokenHelper ? ['fetch_client_credentials_token'] : []),
  ];
  return [
    pyDocstring(`Python SDK for the ${apiLabel(title)}.`, 0),
    '',
    `from . import models`,
    `from .client import ${names.join(', ')}`,
    '',
    `__version__ = ${pyString(version)}`,
    `__all__ = [${[...names, 'models'].map(n => pyString(n)).join(', ')}]`,
    '',
  ].join('\n');
}

const MAX_EXAMPLE_CHARS = 1200;

/** A plausible value for a schema, for README examples. */
function sampleValue(
  reader: OpenApiReader,
  value: unknown,
  name: string,
  depth = 0,
): unknown {
  const schema = reader.resolveObject(value);
  if (!schema || depth > 3) return `<${name}>`;
  if (schema.example !== undefined) return schema.example;
  const examples = asArray(schema.examples);
  if (examples.length > 0) return examples[0];
  if (schema.default !== undefined) return schema.default;
  const values = asArray(schema.enum);
  if (values.length > 0) return values[0];
  const type = Array.isArray(schema.type)
    ? schema.type.find(t => t !== 'null')
    : schema.type;
  switch (type) {
    case 'integer':
      return 1;
    case 'number':
      return 1.5;
    case 'boolean':
      return true;
    case 'array':
      return [sampleValue(reader, schema.items, name, depth + 1)];
    case 'string':
      return `<${name}>`;
    default: {
      const properties = asObject(schema.properties);
      const required = asArray(schema.required).filter(
        (k): k is string => typeof k === 'string' && k in properties,
      );
      if (required.length === 0 && !isObject(schema.properties))
        return `<${name}>`;
      return Object.fromEntries(
        required.map(k => [
          k,
          sampleValue(reader, properties[k], k, depth + 1),
        ]),
      );
    }
  }
}

function exampleCall(reader: OpenApiReader, method: ClientMethod): string {
  const args: string[] = [];
  for (const p of method.parameters.filter(x => x.required)) {
    const param = method.operation.parameters.find(
      x => x.name === p.wireName && x.in === p.in,
    );
    args.push(pyLiteral(sampleValue(reader, param?.schema, p.wireName), 4));
  }
  const body = method.body;
  if (body?.required) {
    const raw = method.operation.body;
    let literal = pyLiteral(
      raw?.example !== undefined
        ? raw.example
        : sampleValue(reader, raw?.schema, 'body'),
      4,
    );
    if (literal.length > MAX_EXAMPLE_CHARS) literal = '{...}';
    args.push(body.encoding === 'raw' ? 'b"..."' : literal);
  }
  const oneLine = args.join(', ');
  const call =
    oneLine.includes('\n') || oneLine.length > 60
      ? `(\n${args.map(a => `    ${a},`).join('\n')}\n)`
      : `(${oneLine})`;
  return `client.${method.name}${call}`;
}

function bearerLabel(scheme: SecurityScheme): string {
  if (scheme.type === 'openIdConnect') return 'OpenID Connect';
  if (scheme.type !== 'oauth2') return 'HTTP bearer';
  const scopes = scheme.scopes.map(s => `\`${s}\``).join(', ');
  return scopes ? `OAuth 2.0 (scopes: ${scopes})` : 'OAuth 2.0';
}

function authSection(
  module: string,
  schemes: SecurityScheme[],
  credentials: CredentialArgument[],
  baseUrl: string,
  tokenUrl?: string,
): string[] {
  const lines: string[] = ['## Authentication', ''];
  if (credentials.length === 0) {
    lines.push('The API description declares no authentication.', '');
    return lines;
  }
  lines.push(
    'Pass credentials to `Client`; each operation sends the ones its security',
  );
  lines.push('requirements ask for.', '');
  for (const scheme of schemes) {
    const detail = scheme.description
      ? ` ${cleanText(scheme.description).split('\n')[0]}`
      : '';
    switch (scheme.kind) {
      case 'bearer': {
        const flows = bearerLabel(scheme);
        lines.push(
          `- \`${scheme.name}\`: ${flows}; pass the token as \`access_token\`.${detail}`,
        );
        break;
      }
      case 'basic':
        lines.push(
          `- \`${scheme.name}\`: HTTP basic; pass \`username\` and \`password\`.${detail}`,
        );
        break;
      case 'apiKey': {
        const arg = credentials.find(c => c.schemes.includes(scheme));
        lines.push(
          `- \`${scheme.name}\`: API key in the ${scheme.in} \`${scheme.parameterName}\`; pass \`${arg?.pyName}\`.${detail}`,
        );
        break;
      }
      default:
        lines.push(
          `- \`${scheme.name}\` (${scheme.type}): not supported by this SDK; set the needed headers with \`Client(headers=...)\`.`,
        );
    }
  }
  lines.push('');
  const first = credentials[0];
  if (tokenUrl) {
    lines.push('With the OAuth 2.0 client-credentials flow:', '', '```python');
    lines.push(
      `from ${module} import Client, fetch_client_credentials_token`,
      '',
    );
    const scheme = schemes.find(s => s.clientCredentialsTokenUrl === tokenUrl);
    const scopes = scheme?.scopes.length
      ? `, scopes=[${scheme.scopes.map(pyString).join(', ')}]`
      : '';
    lines.push(
      `token = fetch_client_credentials_token("my-client-id", "my-client-secret"${scopes})`,
    );
    lines.push(
      `client = Client(${
        baseUrl ? '' : '"https://api.example.com", '
      }access_token=token)`,
    );
    lines.push('```', '');
    const code = schemes.find(s => s.authorizationUrl)?.authorizationUrl;
    if (code) {
      lines.push(
        `Tokens from the authorization-code flow (users sign in at ${code}) are passed the same way.`,
        '',
      );
    }
  } else {
    const args = credentials
      .filter(c => c.kind !== 'basic-password')
      .map(c =>
        c.kind === 'basic-username'
          ? 'username="me", password="secret"'
          : `${c.pyName}="..."`,
      );
    lines.push('```python', `from ${module} import Client`, '');
    lines.push(
      `client = Client(${baseUrl ? '' : '"https://api.example.com", '}${
        args[0] ?? `${first.pyName}="..."`
      })`,
    );
    lines.push('```', '');
  }
  return lines;
}

/** The source of `README.md`: install, authentication, examples, errors. */
export function renderReadme(options: {
  reader: OpenApiReader;
  title: string;
  apiVersion: string;
  summary?: string;
  identity: PythonPackageIdentity;
  baseUrl: string;
  schemes: SecurityScheme[];
  credentials: CredentialArgument[];
  methods: ClientMethod[];
  tokenUrl?: string;
}): string {
  const { reader, title, apiVersion, summary, identity, baseUrl, methods } =
    options;
  const { module } = identity;
  const lines: string[] = [
    `# ${cleanText(apiLabel(title)).replace(/\n/g, ' ')} — Python SDK`,
    '',
  ];
  if (summary) lines.push(cleanText(summary).trim(), '');
  lines.push(
    `A typed client for version ${cleanText(
      apiVersion,
    )} of the API, generated from its OpenAPI`,
    'description. It needs Python 3.9 or later and nothing else: requests go',
    'through `urllib.request`, bodies through `json`.',
    '',
    '## Install',
    '',
    '```sh',
    'pip install ./the-downloaded-archive.tar.gz',
    '# or, from the unpacked folder:',
    'pip install .',
    '```',
    '',
    `Import it as \`${module}\`. Models are \`TypedDict\`s in \`${module}.models\`: responses`,
    'are the decoded JSON dictionaries, and request bodies are plain dicts.',
    '',
    ...authSection(
      module,
      options.schemes,
      options.credentials,
      baseUrl,
      options.tokenUrl,
    ),
    '## Examples',
    '',
    '```python',
    `from ${module} import Client`,
    '',
    `client = Client(${baseUrl ? '' : '"https://api.example.com", '}${
      options.credentials[0] ? `${options.credentials[0].pyName}="..."` : ''
    })`,
  );
  for (const method of methods.slice(0, 3)) {
    const heading =
      method.operation.summary ??
      `${method.operation.method} ${method.operation.path}`;
    lines.push('', `# ${cleanText(heading).replace(/\s+/g, ' ').trim()}`);
    lines.push(`result = ${exampleCall(reader, method)}`);
  }
  lines.push('```', '');
  if (methods.length === 0) {
    lines.push('The API description defines no operations.', '');
  } else if (methods.length > 3) {
    lines.push(
      `\`Client\` has ${methods.length} methods, one per operation; see \`${module}/client.py\`.`,
      '',
    );
  }
  lines.push(
    '## Errors',
    '',
    'Error statuses (400 and above) raise `ApiError` with the status code and the',
    'decoded body; network failures raise `urllib.error.URLError`.',
    '',
    '```python',
    `from ${module} import ApiError`,
    '',
    'try:',
    methods[0]
      ? `    ${exampleCall(reader, methods[0]).replace(/\n/g, '\n    ')}`
      : '    ...',
    'except ApiError as error:',
    '    print(error.status, error.body)',
    '```',
    '',
  );
  if (!baseUrl) {
    lines.push(
      'The API description names no absolute server URL, so pass `base_url` to `Client`.',
      '',
    );
  }
  return lines.join('\n');
}
