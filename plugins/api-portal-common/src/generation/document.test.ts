import { InputError } from '@backstage/errors';
import {
  apiLabel,
  defaultServerUrl,
  describeSpec,
  selfContainedReader,
} from './document';
import { securitySchemesOf } from './security';

describe('describeSpec', () => {
  it('reads the spec version, title and API version of each dialect', () => {
    expect(
      describeSpec({
        openapi: '3.1.0',
        info: { title: ' Ledger ', version: 2, summary: 'Money' },
      }),
    ).toEqual({
      version: '3.1',
      title: 'Ledger',
      apiVersion: '2',
      summary: 'Money',
      description: undefined,
    });
    expect(describeSpec({ openapi: '3.0.3', info: {} })).toMatchObject({
      version: '3.0',
      title: 'API',
      apiVersion: '0.0.0',
    });
    expect(describeSpec({ swagger: '2.0' })).toMatchObject({ version: '2.0' });
  });

  it.each([
    [[], 'The API description is not a JSON/YAML object'],
    [
      { info: { title: 'x' } },
      "Not an OpenAPI document: it has neither an 'openapi' nor a 'swagger' field",
    ],
    [
      { swagger: '1.2' },
      'Swagger 1.2 is not supported; only Swagger 2.0 and OpenAPI 3.0/3.1 are',
    ],
    [
      { openapi: '4.0.0' },
      'OpenAPI 4.0.0 is not supported; only Swagger 2.0 and OpenAPI 3.0/3.1 are',
    ],
  ])('refuses %j saying why', (spec, message) => {
    expect(() => describeSpec(spec)).toThrow(new InputError(message));
  });
});

describe('defaultServerUrl', () => {
  it('fills server variables with their defaults', () => {
    const reader = selfContainedReader({
      openapi: '3.0.3',
      servers: [
        {
          url: 'https://{region}.example.com/{base}/{unknown}',
          variables: { region: { default: 'eu' }, base: { default: 'v2' } },
        },
        { url: 'https://second.example.com' },
      ],
    });
    expect(defaultServerUrl(reader)).toBe(
      'https://eu.example.com/v2/{unknown}',
    );
  });

  it('builds the Swagger 2.0 URL, preferring https', () => {
    const url = (fields: object) =>
      defaultServerUrl(selfContainedReader({ swagger: '2.0', ...fields }));
    expect(
      url({ host: 'api.example.com', basePath: '/v1', schemes: ['http'] }),
    ).toBe('http://api.example.com/v1');
    expect(
      url({
        host: 'api.example.com',
        basePath: '/',
        schemes: ['http', 'https'],
      }),
    ).toBe('https://api.example.com');
    expect(url({ basePath: '/v1' })).toBe('/v1');
    expect(url({})).toBe('');
  });

  it('is empty when an OpenAPI document names no server', () => {
    expect(defaultServerUrl(selfContainedReader({ openapi: '3.1.0' }))).toBe(
      '',
    );
  });
});

describe('apiLabel', () => {
  it('adds API unless the title ends with it', () => {
    expect(apiLabel('Ledger')).toBe('Ledger API');
    expect(apiLabel(' Ledger api ')).toBe('Ledger api');
    expect(apiLabel('Rapid')).toBe('Rapid API');
  });
});

describe('selfContainedReader', () => {
  it('refuses a document with an external $ref, naming it', () => {
    expect(() =>
      selfContainedReader({
        openapi: '3.0.3',
        components: { schemas: { A: { $ref: 'other.yaml#/A' } } },
      }),
    ).toThrow("$ref 'other.yaml#/A' at #/components/schemas/A");
  });
});

describe('securitySchemesOf', () => {
  it('says how a client sends each credential', () => {
    const reader = selfContainedReader({
      openapi: '3.0.3',
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'Bearer' },
          basic: { type: 'http', scheme: 'basic' },
          digest: { type: 'http', scheme: 'digest' },
          key: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
          keyNowhere: { type: 'apiKey', in: 'body', name: 'k' },
          shared: { $ref: '#/components/securitySchemes/key' },
          oauth: {
            type: 'oauth2',
            flows: {
              clientCredentials: {
                tokenUrl: 'https://auth.example.com/token',
                scopes: { read: 'Read' },
              },
              authorizationCode: {
                authorizationUrl: 'https://auth.example.com/authorize',
                tokenUrl: 'https://auth.example.com/token',
                scopes: { read: 'Read', write: 'Write' },
              },
            },
          },
          oidc: {
            type: 'openIdConnect',
            openIdConnectUrl: 'https://auth.example.com/.well-known',
          },
        },
      },
    });
    expect(
      securitySchemesOf(reader).map(s => [s.name, s.kind, s.parameterName]),
    ).toEqual([
      ['bearer', 'bearer', undefined],
      ['basic', 'basic', undefined],
      ['digest', 'unsupported', undefined],
      ['key', 'apiKey', 'X-Api-Key'],
      ['keyNowhere', 'unsupported', undefined],
      ['shared', 'apiKey', 'X-Api-Key'],
      ['oauth', 'bearer', undefined],
      ['oidc', 'bearer', undefined],
    ]);
    const oauth = securitySchemesOf(reader).find(s => s.name === 'oauth');
    expect(oauth).toMatchObject({
      clientCredentialsTokenUrl: 'https://auth.example.com/token',
      authorizationUrl: 'https://auth.example.com/authorize',
      scopes: ['read', 'write'],
    });
  });

  it('reads Swagger 2.0 security definitions', () => {
    const reader = selfContainedReader({
      swagger: '2.0',
      securityDefinitions: {
        basic: { type: 'basic' },
        app: {
          type: 'oauth2',
          flow: 'application',
          tokenUrl: 'https://auth.example.com/token',
          scopes: { admin: 'Admin' },
        },
      },
    });
    expect(securitySchemesOf(reader)).toEqual([
      expect.objectContaining({ name: 'basic', kind: 'basic' }),
      expect.objectContaining({
        name: 'app',
        kind: 'bearer',
        clientCredentialsTokenUrl: 'https://auth.example.com/token',
        scopes: ['admin'],
      }),
    ]);
  });
});
