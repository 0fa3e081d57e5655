import http from 'node:http';
import { AddressInfo } from 'node:net';
import { createStoreTestDatabases } from '@readiness/backend-test-utils';
import { apiEntity, openapi, startPortal } from '../__testUtils__/portal';

const databases = createStoreTestDatabases();

// Each test starts a backend and collects (worker threads parse and lint)
jest.setTimeout(60_000);

/** Nine levels of nine aliases each: 9^9 nodes once expanded. */
function aliasBomb(): string {
  const lines = ['openapi: 3.0.3', 'info: {title: Bomb, version: 1.0.0}'];
  lines.push('x-a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]');
  for (let level = 1; level < 9; level++) {
    const prev = String.fromCharCode(96 + level);
    const name = String.fromCharCode(97 + level);
    lines.push(`x-${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
  }
  return `${lines.join('\n')}\npaths: {}\n`;
}

/** A valid OpenAPI document of about `bytes` bytes. */
function hugeSpec(bytes: number): string {
  const head = openapi('1.0.0', ['/a']);
  const wrapper = 'x-filler: ""\n'.length;
  return `${head}x-filler: "${'x'.repeat(bytes - head.length - wrapper)}"\n`;
}

describe.each(databases.eachSupportedId())(
  'bad definitions on %s',
  databaseId => {
    let server: http.Server;
    let requests = 0;
    let remoteUrl: string;

    beforeAll(async () => {
      server = http.createServer((_req, res) => {
        requests += 1;
        res.setHeader('content-type', 'application/yaml');
        res.end('type: object\n');
      });
      await new Promise<void>(resolve =>
        server.listen(0, '127.0.0.1', resolve),
      );
      remoteUrl = `http://127.0.0.1:${
        (server.address() as AddressInfo).port
      }/schemas/account.yaml`;
    });

    afterAll(() => server.close());

    const refSpec = (ref: string) =>
      openapi(
        '1.0.0',
        [],
        [
          '  /accounts:',
          '    get:',
          '      operationId: listAccounts',
          '      summary: List',
          '      responses:',
          "        '200':",
          '          description: ok',
          '          content:',
          '            application/json:',
          `              schema: {$ref: '${ref}'}`,
          "        '404': {description: not found}",
          '',
        ].join('\n'),
      );

    it('records a clear error state per definition, keeps going and keeps earlier revisions', async () => {
      const good = apiEntity('good-api', openapi('1.0.0', ['/a']));
      const laterBroken = apiEntity(
        'later-broken-api',
        openapi('1.0.0', ['/a']),
      );
      const entities = [
        apiEntity('invalid-yaml-api', 'openapi: 3.0.3\ninfo: [unclosed\n'),
        apiEntity('invalid-json-api', '{"openapi": "3.0.3", "info": }'),
        apiEntity('unresolvable-ref-api', refSpec('#/components/schemas/Nope')),
        apiEntity('remote-ref-api', refSpec(remoteUrl)),
        apiEntity('huge-api', hugeSpec(20 * 1000 * 1000)),
        apiEntity('alias-bomb-api', aliasBomb()),
        apiEntity(
          'not-openapi-api',
          '# Ledger API\n\nSee the wiki for the endpoints.\n',
        ),
        apiEntity('no-version-api', 'title: Ledger\npaths: {}\n'),
        apiEntity(
          'events-api',
          'asyncapi: 2.6.0\ninfo: {title: Events, version: 1.0.0}\nchannels: {}\n',
          { type: 'asyncapi' },
        ),
        apiEntity('graph-api', 'type Query { ledger: String }', {
          type: 'graphql',
        }),
        good,
        laterBroken,
      ];
      const { collect, get } = await startPortal({
        knex: await databases.init(databaseId),
        entities,
      });
      await collect();
      (laterBroken.spec as { definition: string }).definition =
        'openapi: 3.0.3\npaths: {a: b\n';
      await collect();

      const current = async (name: string) =>
        (await get(`/v1/entities/api/default/${name}/revisions`)).body.items[0];
      const states: Record<string, [string, RegExp | undefined]> = {
        'invalid-yaml-api': ['invalid-yaml', /not valid YAML/],
        'invalid-json-api': ['invalid-json', /not valid JSON/],
        'huge-api': [
          'too-large',
          /is 19\.1 MiB, larger than the limit of 10\.0 MiB \(apiPortal\.limits\.maxSpecBytes\)/,
        ],
        'alias-bomb-api': ['yaml-alias-limit', /more than 100 YAML aliases/],
        'not-openapi-api': [
          'not-openapi',
          /not an OpenAPI or Swagger document: the definition reads as a string/,
        ],
        'no-version-api': [
          'not-openapi',
          /no top-level `openapi` or `swagger` field/,
        ],
        'unresolvable-ref-api': ['ok', undefined],
        'remote-ref-api': ['ok', undefined],
        'events-api': ['ok', undefined],
        'graph-api': ['ok', undefined],
        'good-api': ['ok', undefined],
        'later-broken-api': ['invalid-yaml', /not valid YAML/],
      };
      for (const [name, [status, message]] of Object.entries(states)) {
        const revision = await current(name);
        expect({ name, status: revision.status }).toEqual({ name, status });
        expect(revision.statusMessage ?? '').toMatch(message ?? /^$/);
      }
      expect(await current('events-api')).toMatchObject({
        format: 'asyncapi',
        specVersion: '2.6.0',
      });
      expect((await current('graph-api')).format).toBe('graphql');
      expect((await current('huge-api')).sizeBytes).toBe(20 * 1000 * 1000);

      // The earlier revision stays, and the family still has its version
      const history = await get(
        '/v1/entities/api/default/later-broken-api/revisions',
      );
      expect(history.body.items.map((r: any) => r.status)).toEqual([
        'invalid-yaml',
        'ok',
      ]);

      // References that cannot be followed are lint problems; nothing fetched
      expect(requests).toBe(0);
      const lintOf = async (name: string) =>
        (await get(`/v1/revisions/${(await current(name)).id}/lint`)).body;
      const remote = await lintOf('remote-ref-api');
      expect(remote.status).toBe('ok');
      expect(remote.problems).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            ruleId: 'no-unresolved-refs',
            severity: 'error',
            message: expect.stringMatching(
              /remote \$ref .* not fetched \(apiPortal\.lint\.allowRemoteRefs is false\)/,
            ),
          }),
        ]),
      );
      const unresolvable = await lintOf('unresolvable-ref-api');
      expect(unresolvable.problems).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ ruleId: 'no-unresolved-refs' }),
        ]),
      );
      for (const name of ['events-api', 'invalid-yaml-api', 'huge-api']) {
        expect((await lintOf(name)).status).toBe('not-linted');
      }
    });
  },
);
