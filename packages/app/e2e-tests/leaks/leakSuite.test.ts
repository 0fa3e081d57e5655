/*
 * The leak suite: every route of every backend plugin the portal serves
 * (routes.ts), called as an internal user, a partner of Acme, a partner of
 * Globex, without credentials and with each static token, for an internal
 * target, a partner-facing one and one that does not exist, and with fuzzed
 * path parameters. A partner's answers never hold an internal entity's name
 * or the internal docs, nor the other org's people; for a partner, an
 * internal target and a missing one get the same answer. The matrix is
 * written to test-results/leak-matrix.json (docs/access/leak-suite.md).
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  APIRequestContext,
  APIResponse,
  expect,
  request as playwrightRequest,
  test,
} from '@playwright/test';
import { discoverRoutes } from './routes';
import {
  evidenceFiling,
  Fixtures,
  LEAK_EVENT_TYPE,
  PARTNER_ORG,
  ROWS,
  Row,
  Target,
  refOf,
} from './rows';

const BASE = 'http://localhost:7007';
const root = path.resolve(__dirname, '../../../..');
const results = process.env.READINESS_TEST_RESULTS ?? 'test-results';
const TARGETS: Target[] = ['internal', 'partner', 'missing'];
const MISSING_UUID = '00000000-0000-4000-8000-00000000dead';

type CallerId =
  | 'internal'
  | 'acme'
  | 'globex'
  | 'anonymous'
  | 'perf-token'
  | 'dr-token'
  | 'compliance-token'
  | 'scorecards-token'
  | 'events-token'
  | 'ci-token';
type Caller = { id: CallerId; headers: Record<string, string> };

// Static tokens of app-config.yaml and app-config.e2e.yaml, and the routes each may use
const TOKENS: Record<
  string,
  { token: string; reaches: (route: string) => boolean }
> = {
  'perf-token': {
    token: 'local-perf-publisher-token',
    reaches: r =>
      r === 'POST /api/reliability/v1/runs' ||
      r === 'POST /api/reliability/v1/runs/stream',
  },
  'dr-token': {
    token: 'local-dr-publisher-token',
    reaches: r =>
      r === 'POST /api/reliability/v1/drills' ||
      r === 'POST /api/reliability/v1/backups',
  },
  'compliance-token': {
    token: 'local-compliance-publisher-token',
    reaches: r => r === 'POST /api/compliance/v1/evidence',
  },
  'scorecards-token': {
    token: 'local-scorecards-publisher-token',
    reaches: r => r === 'POST /api/scorecards/v1/facts',
  },
  'events-token': {
    token: 'local-partner-events-token',
    reaches: r => r === 'POST /api/partner/v1/events',
  },
  'ci-token': {
    token: 'e2e-leak-suite-ci-token-0123456789',
    reaches: r =>
      (r.startsWith('GET /api/catalog/entit') ||
        [
          'POST /api/catalog/entities/by-refs',
          'POST /api/catalog/entities/by-query',
          'POST /api/catalog/entity-facets',
        ].includes(r) ||
        r.startsWith('GET /api/reliability/') ||
        r === 'POST /api/reliability/v1/gates/{kind}/{namespace}/{name}') &&
      !r.includes('/locations'),
  },
};

type Cell = { status: number; leaks: string[]; sameAsMissing?: boolean };
const matrix: Record<string, Record<string, Record<string, Cell>>> = {};
let callers: Caller[] = [];
let fixtures: Fixtures;
type OrgHooks = {
  appId: string;
  endpointId: string;
  spareEndpointId: string;
  deliveryId: string;
};
/** Webhooks of the two partner orgs, for probing each from the other. */
let crossOrg: Record<'acme' | 'globex', OrgHooks>;
let internalNames: string[] = [];
let docsMarker = '';
let api: APIRequestContext;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Names and text a caller must never be shown. */
function forbiddenFor(caller: CallerId): string[] {
  const own: Record<string, string[]> = {
    acme: ['maria.lopez', 'partner-acme'],
    globex: ['kenji.sato', 'partner-globex'],
  };
  if (caller !== 'acme' && caller !== 'globex') {
    return [];
  }
  // Apps and the hosts of their webhook endpoints
  const apps: Record<string, string[]> = {
    acme: [
      'initech ocr bridge',
      'globex order hooks',
      'initech-hooks.example.invalid',
      'globex-hooks.example.invalid',
    ],
    globex: [
      'initech ocr bridge',
      'acme invoicing sync',
      'initech-hooks.example.invalid',
      'acme-hooks.example.invalid',
    ],
  };
  return [
    ...internalNames.filter(n => !own[caller].includes(n)),
    ...apps[caller],
    docsMarker,
  ];
}

// Names that are plain words (groups such as "security", the component
// "ocr") also occur in ordinary prose and in API vocabulary; they count as
// shown when they appear as a reference or as the value of a field that names
// an entity. Names with a dash or a dot count wherever they stand alone.
const NAMING_FIELDS =
  'owner|system|domain|parent|children|memberOf|members|dependsOn|dependencyOf|subcomponentOf|providesApis|consumesApis|partOf|hasPart|targetRef|target';
function findLeaks(text: string, forbidden: string[]): string[] {
  const lower = text.toLocaleLowerCase('en-US');
  return forbidden.filter(name => {
    const n = escape(name.toLocaleLowerCase('en-US'));
    const pattern = /[-. ]/.test(name)
      ? `(^|[^a-z0-9_-])${n}($|[^a-z0-9_-])`
      : `(default/${n}($|[^a-z0-9_-])|"(${NAMING_FIELDS.toLowerCase()})"\\s*:\\s*\\[?\\s*"${n}")`;
    return new RegExp(pattern).test(lower);
  });
}

function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value && typeof value === 'object') {
    return Object.values(value).flatMap(stringsOf);
  }
  return [];
}

/** The catalog answers a denied list of locations with an empty one. */
function isEmptyAnswer(text: string): boolean {
  try {
    const body = JSON.parse(text);
    return (
      (Array.isArray(body) && body.length === 0) ||
      (Array.isArray(body?.items) && body.items.length === 0)
    );
  } catch {
    return false;
  }
}

/** Error bodies without the stack, which only development backends send. */
function withoutStack(text: string): string {
  try {
    const body = JSON.parse(text);
    if (body?.error && typeof body.error === 'object') {
      delete body.error.stack;
      return JSON.stringify(body);
    }
  } catch {
    // not JSON: compared as it is
  }
  return text;
}

/** The caller's own input echoed back (in a URL or an error message) is no leak. */
function scrub(text: string, inputs: string[]): string {
  let out = text;
  const variants = new Set<string>();
  for (const input of inputs) {
    if (input.length < 2) continue;
    variants.add(input);
    variants.add(encodeURIComponent(input));
    try {
      variants.add(decodeURIComponent(input));
    } catch {
      // not decodable: the raw form is enough
    }
  }
  for (const v of [...variants].sort((a, b) => b.length - a.length)) {
    out = out.replace(new RegExp(escape(v), 'gi'), '<input>');
  }
  return out;
}

type Call = {
  url: string;
  inputs: string[];
  method: string;
  body?: unknown;
  headers?: Record<string, string>;
};

function buildCall(
  route: string,
  row: Row,
  target: Target,
  rawParams?: Record<string, string>,
): Call {
  const [method, template] = route.split(' ');
  const params = row.params?.(target, fixtures) ?? {};
  const query = row.query?.(target, fixtures) ?? {};
  const body = row.body?.(target, fixtures);
  let url = template.replace(
    /\{(\w+)\}/g,
    (_m, name) => rawParams?.[name] ?? encodeURIComponent(params[name] ?? ''),
  );
  const search = new URLSearchParams(query).toString();
  if (search) url += `?${search}`;
  const inputs = [
    ...Object.values(params),
    ...Object.values(rawParams ?? {}),
    ...Object.values(query),
    ...stringsOf(body),
  ];
  // Refs built from the inputs are echoes too
  for (const p of Object.values(params)) {
    inputs.push(
      ...['component', 'api', 'system', 'user'].map(k => refOf(k, p)),
    );
  }
  return { url, inputs, method, body, headers: row.headers };
}

async function send(
  caller: Caller,
  call: Call,
): Promise<{ status: number; text: string }> {
  const response: APIResponse = await api.fetch(`${BASE}${call.url}`, {
    method: call.method,
    headers: { ...caller.headers, ...call.headers },
    data: call.body,
    maxRedirects: 0,
    failOnStatusCode: false,
    timeout: 120_000,
  });
  return { status: response.status(), text: await response.text() };
}

/** Fuzzed values for one path parameter (already encoded, sent as they are). */
function fuzzValues(internal: string, partner: string): string[] {
  const i = encodeURIComponent(internal);
  const p = encodeURIComponent(partner);
  return [
    `..%2F..%2F${i}`,
    `%2e%2e%2f%2e%2e%2f${i}`,
    `..%252F..%252F${i}`,
    `..%5C..%5C${i}`,
    `%EF%BC%8E%EF%BC%8E%EF%BC%8F${i}`,
    `${p}%2F..%2F..%2F${i}`,
    `${p}%00`,
    encodeURIComponent(internal.toLocaleUpperCase('en-US')),
    `${i}%E2%80%8B`,
    'x'.repeat(4096),
  ];
}

async function pool<T>(
  items: T[],
  size: number,
  work: (item: T) => Promise<void>,
) {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: size }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
        await work(item);
      }
    }),
  );
}

async function token(provider: string): Promise<string> {
  const response = await api.get(`${BASE}/api/auth/${provider}`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  expect(response.status(), `sign-in ${provider}`).toBe(200);
  return (await response.json()).backstageIdentity.token;
}

test.beforeAll(async () => {
  test.setTimeout(600_000);
  api = await playwrightRequest.newContext();
  const internal = { Authorization: `Bearer ${await token('guest/refresh')}` };
  const get = async (url: string) => {
    const response = await api.get(`${BASE}${url}`, { headers: internal });
    return {
      status: response.status(),
      body: response.ok() ? await response.json() : undefined,
    };
  };

  // The sample catalog, both partner users and the portal's own docs entity
  await expect(async () => {
    for (const ref of [
      'component/default/ocr',
      'component/default/ledger',
      'component/default/webhooks',
      'user/default/kenji.sato',
      'system/default/readiness-portal',
      'api/default/ocr-api',
    ]) {
      expect((await get(`/api/catalog/entities/by-name/${ref}`)).status).toBe(
        200,
      );
    }
  }).toPass({ timeout: 180_000 });

  callers = [
    { id: 'internal', headers: internal },
    {
      id: 'acme',
      headers: {
        Authorization: `Bearer ${await token('partner-guest/refresh')}`,
      },
    },
    {
      id: 'globex',
      headers: {
        Authorization: `Bearer ${await token(
          'partner-guest/refresh?as=user:default/kenji.sato',
        )}`,
      },
    },
    { id: 'anonymous', headers: {} },
    ...Object.entries(TOKENS).map(([id, t]) => ({
      id: id as CallerId,
      headers: { Authorization: `Bearer ${t.token}` },
    })),
  ];

  const entities = (
    await get(
      '/api/catalog/entities?fields=kind,metadata.name,metadata.annotations',
    )
  ).body as Array<{
    kind: string;
    metadata: { name: string; annotations?: Record<string, string> };
  }>;
  internalNames = entities
    .filter(
      e =>
        e.kind !== 'Location' &&
        e.metadata.annotations?.['readiness.dev/audience']
          ?.trim()
          .toLowerCase() !== 'partner',
    )
    .map(e => e.metadata.name);

  const uidOf = async (ref: string) =>
    (await get(`/api/catalog/entities/by-name/${ref}`)).body.metadata.uid;
  // A registered location (the sample catalog's come from config and have no id)
  let locations = (await get('/api/catalog/locations')).body as Array<{
    data: { id: string };
  }>;
  if (locations.length === 0) {
    const registered = await api.post(`${BASE}/api/catalog/locations`, {
      headers: internal,
      data: {
        type: 'url',
        target: 'https://example.com/leak-suite/catalog-info.yaml',
      },
    });
    expect(registered.status()).toBe(201);
    locations = [{ data: (await registered.json()).location }];
  }

  // Revisions of an internal and a partner-facing API
  const revisionOf = async (name: string) => {
    const response = await api.post(
      `${BASE}/api/api-portal/v1/entities/api/default/${name}/refresh`,
      { headers: internal, timeout: 120_000 },
    );
    expect(response.status(), `refresh ${name}`).toBeLessThan(300);
    return (await response.json()).revision.id as string;
  };

  // Runs of an internal and a partner-published record, by the publish-only token
  const runOf = async (name: string) => {
    const response = await api.post(`${BASE}/api/reliability/v1/runs`, {
      headers: { Authorization: `Bearer ${TOKENS['perf-token'].token}` },
      data: {
        run: {
          entityRef: `component:default/${name}`,
          scenario: 'leak-suite-fixture',
          environment: 'staging',
          release: '2026.12.0',
          startedAt: '2026-12-01T09:00:00Z',
          finishedAt: '2026-12-01T09:05:00Z',
          k6ExitCode: 0,
          idempotencyKey: `leak-suite-fixture-${name}`,
        },
        results: {
          metrics: {
            http_reqs: {
              type: 'counter',
              contains: 'default',
              values: { count: 10, rate: 1 },
            },
          },
        },
      },
    });
    expect(response.status(), `publish a run for ${name}`).toBeLessThan(300);
    return (await response.json()).run.id as string;
  };

  // Compliance evidence of an internal and a partner-facing component, by
  // the publish-only token
  const evidenceOf = async (target: Target) => {
    const response = await api.post(`${BASE}/api/compliance/v1/evidence`, {
      headers: {
        Authorization: `Bearer ${TOKENS['compliance-token'].token}`,
      },
      data: evidenceFiling(target, `leak-suite-fixture-${target}`),
    });
    expect(response.status(), `file evidence for ${target}`).toBeLessThan(300);
    return (await response.json()).item.id as string;
  };

  // Partner apps with a key each: Initech's (no test partner's org, made by
  // an administrator) and Acme's (made by an Acme user)
  const appWithKey = async (
    headers: Record<string, string>,
    org: string,
    name: string,
  ) => {
    const created = await api.post(`${BASE}/api/partner/v1/apps`, {
      headers,
      data: { name, org },
    });
    expect(created.status(), `create the app ${name}`).toBe(201);
    const appId = (await created.json()).id as string;
    const key = await api.post(`${BASE}/api/partner/v1/apps/${appId}/keys`, {
      headers,
      data: { name: `${name} key` },
    });
    expect(key.status(), `create a key of ${name}`).toBe(201);
    const body = await key.json();
    return {
      appId,
      keyId: body.key.id as string,
      secret: body.secret as string,
    };
  };
  const initechApp = await appWithKey(
    internal,
    PARTNER_ORG.internal,
    'initech ocr bridge',
  );
  const acmeApp = await appWithKey(
    callers.find(c => c.id === 'acme')!.headers,
    PARTNER_ORG.partner,
    'acme invoicing sync',
  );
  const globexHeaders = callers.find(c => c.id === 'globex')!.headers;
  const globexApp = await appWithKey(
    globexHeaders,
    'globex',
    'globex order hooks',
  );

  // A webhook endpoint (and a spare one) of each app, with a delivery
  // queued by the platform's token
  const webhooksOf = async (
    headers: Record<string, string>,
    appId: string,
    host: string,
  ) => {
    const endpointOf = async (suffix: string) => {
      const created = await api.post(
        `${BASE}/api/partner/v1/apps/${appId}/webhooks`,
        {
          headers,
          data: {
            url: `https://${host}/${suffix}`,
            eventTypes: [LEAK_EVENT_TYPE],
          },
        },
      );
      expect(created.status(), `create an endpoint at ${host}`).toBe(201);
      return (await created.json()).endpoint.id as string;
    };
    const endpointId = await endpointOf('events');
    const spareEndpointId = await endpointOf('spare');
    await expect(async () => {
      const pushed = await api.post(`${BASE}/api/partner/v1/events`, {
        headers: {
          Authorization: `Bearer ${TOKENS['events-token'].token}`,
        },
        data: {
          idempotencyKey: `leak-suite-fixture-${appId}`,
          appId,
          type: LEAK_EVENT_TYPE,
          payload: { filingId: `fixture-${host}` },
        },
      });
      expect(pushed.status(), `push an event for ${host}`).toBeLessThan(300);
    }).toPass({ timeout: 60_000 });
    const log = await api.get(
      `${BASE}/api/partner/v1/apps/${appId}/webhooks/${endpointId}/deliveries`,
      { headers },
    );
    const [delivery] = (await log.json()).items;
    return { endpointId, spareEndpointId, deliveryId: delivery.id as string };
  };
  const initechHooks = await webhooksOf(
    internal,
    initechApp.appId,
    'initech-hooks.example.invalid',
  );
  const acmeHooks = await webhooksOf(
    callers.find(c => c.id === 'acme')!.headers,
    acmeApp.appId,
    'acme-hooks.example.invalid',
  );
  const globexHooks = await webhooksOf(
    globexHeaders,
    globexApp.appId,
    'globex-hooks.example.invalid',
  );
  crossOrg = {
    acme: { appId: acmeApp.appId, ...acmeHooks },
    globex: { appId: globexApp.appId, ...globexHooks },
  };

  fixtures = {
    appId: {
      internal: initechApp.appId,
      partner: acmeApp.appId,
      missing: MISSING_UUID,
    },
    keyId: {
      internal: initechApp.keyId,
      partner: acmeApp.keyId,
      missing: '00000000-0000-4000-8000-00000000beef',
    },
    keySecret: {
      internal: initechApp.secret,
      partner: acmeApp.secret,
      missing: `rpsk_aaaaaaaaaa_${'A'.repeat(43)}`,
    },
    uid: {
      internal: await uidOf('component/default/ocr'),
      partner: await uidOf('component/default/ledger'),
      missing: MISSING_UUID,
    },
    locationId: {
      internal: locations[0].data.id,
      partner: MISSING_UUID,
      missing: '00000000-0000-4000-8000-00000000beef',
    },
    revisionId: {
      internal: await revisionOf('ocr-api'),
      partner: await revisionOf('ledger-api-v2'),
      missing: MISSING_UUID,
    },
    endpointId: {
      internal: initechHooks.endpointId,
      partner: acmeHooks.endpointId,
      missing: MISSING_UUID,
    },
    spareEndpointId: {
      internal: initechHooks.spareEndpointId,
      partner: acmeHooks.spareEndpointId,
      missing: MISSING_UUID,
    },
    deliveryId: {
      internal: initechHooks.deliveryId,
      partner: acmeHooks.deliveryId,
      missing: '00000000-0000-4000-8000-00000000beef',
    },
    evidenceId: {
      internal: await evidenceOf('internal'),
      partner: await evidenceOf('partner'),
      missing: MISSING_UUID,
    },
    runId: {
      internal: await runOf('ocr'),
      partner: await runOf('webhooks'),
      missing: MISSING_UUID,
    },
  };

  // Build the portal's internal docs, so there is something to leak
  const sync = await api.get(
    `${BASE}/api/techdocs/sync/default/system/readiness-portal`,
    {
      headers: { ...internal, Accept: 'text/event-stream' },
      timeout: 300_000,
    },
  );
  expect(await sync.text()).toMatch(/event: finish/);
  const index = fs.readFileSync(path.join(root, 'docs/index.md'), 'utf8');
  docsMarker = index
    .split('\n')
    .map(l => l.trim())
    .find(l => l.length > 40 && /^[A-Z]/.test(l) && !/[`[\]*_]/.test(l))!
    .slice(0, 40);
  const page = await api.get(
    `${BASE}/api/techdocs/static/docs/default/system/readiness-portal/index.html`,
    { headers: internal },
  );
  expect(await page.text()).toContain(docsMarker);
});

test.afterAll(async () => {
  fs.mkdirSync(results, { recursive: true });
  fs.writeFileSync(
    path.join(results, 'leak-matrix.json'),
    `${JSON.stringify(matrix, null, 2)}\n`,
  );
  await api?.dispose();
});

test('every route of every plugin has a row, and every row a route', () => {
  const routes = discoverRoutes();
  expect(routes.length).toBeGreaterThan(50);
  expect(routes.filter(r => !ROWS[r])).toEqual([]);
  expect(Object.keys(ROWS).filter(r => !routes.includes(r))).toEqual([]);
});

/** Calls one route as every caller with every target and fuzzed value. */
async function checkRoute(route: string, problems: string[]) {
  const row = ROWS[route];
  const cells: Record<string, Record<string, Cell>> = {};
  matrix[route] = cells;
  const paramNames = [...route.matchAll(/\{(\w+)\}/g)].map(m => m[1]);

  type Job = { caller: Caller; variant: string; call: Call; target?: Target };
  const jobs: Job[] = [];
  for (const caller of callers) {
    const internalWrite = caller.id === 'internal' && row.writes;
    if (caller.id === 'internal' && row.outbound) continue;
    for (const target of TARGETS) {
      if (internalWrite && target !== 'missing') continue;
      jobs.push({
        caller,
        variant: target,
        target,
        call: buildCall(route, row, target),
      });
    }
    if (internalWrite) continue;
    for (const name of paramNames) {
      const internalValue = row.params!('internal', fixtures)[name];
      const partnerValue = row.params!('partner', fixtures)[name];
      const partnerParams = row.params!('partner', fixtures);
      fuzzValues(internalValue, partnerValue).forEach((value, index) => {
        const raw = Object.fromEntries(
          Object.entries(partnerParams).map(([k, v]) => [
            k,
            encodeURIComponent(v),
          ]),
        );
        raw[name] = value;
        const call = buildCall(route, row, 'partner', raw);
        call.inputs.push(internalValue, partnerValue);
        jobs.push({ caller, variant: `fuzz:${name}:${index}`, call });
      });
    }
  }

  const answers = new Map<string, { status: number; text: string }>();
  await pool(jobs, 6, async job => {
    const answer = await send(job.caller, job.call);
    answers.set(`${job.caller.id} ${job.variant}`, answer);
    const scrubbed = scrub(answer.text, job.call.inputs);
    const leaks = findLeaks(scrubbed, forbiddenFor(job.caller.id));
    (cells[job.caller.id] ??= {})[job.variant] = {
      status: answer.status,
      leaks,
    };
    const where = `${job.caller.id} ${job.variant} ${
      job.call.method
    } ${job.call.url.slice(0, 160)}`;
    const excerpt = answer.text.replace(/\s+/g, ' ').slice(0, 300);
    if (answer.status >= 500) {
      problems.push(`${where}: ${answer.status} ${excerpt}`);
    }
    if (leaks.length > 0) {
      problems.push(`${where}: shows ${leaks.join(', ')}`);
    }
    if (job.caller.id === 'anonymous' && !row.public && answer.status !== 401) {
      problems.push(`${where}: answered ${answer.status} without credentials`);
    }
    const tokenRule = TOKENS[job.caller.id];
    if (
      tokenRule &&
      !row.public &&
      !tokenRule.reaches(route) &&
      (answer.status < 400 || answer.status >= 500) &&
      !isEmptyAnswer(answer.text)
    ) {
      // Refused (401, 403), or not found and bad input, which show nothing
      problems.push(`${where}: answered the ${job.caller.id} ${answer.status}`);
    }
  });

  // To a partner, internal and missing look the same
  for (const id of ['acme', 'globex'] as const) {
    const internalAnswer = answers.get(`${id} internal`);
    const missingAnswer = answers.get(`${id} missing`);
    if (!internalAnswer || !missingAnswer || row.answersVary) continue;
    const internalCall = buildCall(route, row, 'internal');
    const missingCall = buildCall(route, row, 'missing');
    const a = scrub(withoutStack(internalAnswer.text), internalCall.inputs);
    const b = scrub(withoutStack(missingAnswer.text), missingCall.inputs);
    const same = internalAnswer.status === missingAnswer.status && a === b;
    cells[id].internal.sameAsMissing = same;
    if (!same) {
      problems.push(
        `${route} ${id}: internal target answered ${internalAnswer.status} ${a
          .replace(/\s+/g, ' ')
          .slice(0, 300)}; missing answered ${missingAnswer.status} ${b
          .replace(/\s+/g, ' ')
          .slice(0, 300)}`,
      );
    }
  }
}

// One test for the whole matrix: a failed test restarts the worker, and the
// set-up (sign-ins, fixtures, a docs build) is too slow to repeat per route
test('no route leaks to any caller', async () => {
  test.setTimeout(1_200_000);
  const problems: string[] = [];
  for (const route of Object.keys(ROWS).sort()) {
    if (discoverRoutes().includes(route)) {
      await checkRoute(route, problems);
    }
  }
  fs.mkdirSync(results, { recursive: true });
  fs.writeFileSync(
    path.join(results, 'leak-problems.txt'),
    problems.join('\n'),
  );
  expect(problems).toEqual([]);
});

test("a partner's settings are their own", async () => {
  const [acme, globex] = ['acme', 'globex'].map(
    id => callers.find(c => c.id === id)!,
  );
  const url = `${BASE}/api/user-settings/buckets/leak-suite/keys/org-note`;
  const put = await api.put(url, {
    headers: acme.headers,
    data: { value: 'acme-only-note' },
  });
  expect(put.status()).toBe(200);
  const other = await api.get(url, { headers: globex.headers });
  expect(other.status()).toBe(404);
  expect(await other.text()).not.toContain('acme-only-note');
});

test("a partner org's webhooks are out of the other org's reach, read, write and replay alike", async () => {
  const pairs = [
    ['acme', 'globex'],
    ['globex', 'acme'],
  ] as const;
  const missing: OrgHooks = {
    appId: MISSING_UUID,
    endpointId: MISSING_UUID,
    spareEndpointId: MISSING_UUID,
    deliveryId: MISSING_UUID,
  };
  const calls = (h: OrgHooks) => {
    const endpoint = `/api/partner/v1/apps/${h.appId}/webhooks/${h.endpointId}`;
    return [
      { method: 'GET', url: `/api/partner/v1/apps/${h.appId}/webhooks` },
      {
        method: 'POST',
        url: `/api/partner/v1/apps/${h.appId}/webhooks`,
        data: {
          url: 'https://x.example.invalid/',
          eventTypes: [LEAK_EVENT_TYPE],
        },
      },
      { method: 'GET', url: endpoint },
      { method: 'PATCH', url: endpoint, data: { enabled: false } },
      { method: 'DELETE', url: endpoint },
      { method: 'POST', url: `${endpoint}/rotate-secret`, data: {} },
      { method: 'GET', url: `${endpoint}/deliveries` },
      { method: 'GET', url: `${endpoint}/deliveries/${h.deliveryId}` },
      {
        method: 'POST',
        url: `${endpoint}/deliveries/${h.deliveryId}/replay`,
        data: {},
      },
      {
        method: 'POST',
        url: `${endpoint}/replay`,
        data: { since: '2026-01-01T00:00:00Z' },
      },
    ];
  };
  const ids = (h: OrgHooks) => [h.appId, h.endpointId, h.deliveryId];
  const deliveriesOf = async (h: OrgHooks, headers: Record<string, string>) => {
    const log = await api.get(
      `${BASE}/api/partner/v1/apps/${h.appId}/webhooks/${h.endpointId}/deliveries`,
      { headers },
    );
    return (await log.json()).items;
  };
  const normalise = (text: string, h: OrgHooks) =>
    ids(h).reduce((out, id) => out.split(id).join('<id>'), withoutStack(text));
  for (const [callerId, ownerId] of pairs) {
    const caller = callers.find(c => c.id === callerId)!;
    const owner = callers.find(c => c.id === ownerId)!;
    const theirs = crossOrg[ownerId];
    const before = await api.get(
      `${BASE}/api/partner/v1/apps/${theirs.appId}/webhooks/${theirs.endpointId}`,
      { headers: owner.headers },
    );
    expect(before.status()).toBe(200);
    const logBefore = await deliveriesOf(theirs, owner.headers);
    const missingCalls = calls(missing);
    for (const [index, call] of calls(theirs).entries()) {
      const probe = await api.fetch(`${BASE}${call.url}`, {
        method: call.method,
        headers: caller.headers,
        data: call.data,
        failOnStatusCode: false,
      });
      const absent = await api.fetch(`${BASE}${missingCalls[index].url}`, {
        method: call.method,
        headers: caller.headers,
        data: call.data,
        failOnStatusCode: false,
      });
      const where = `${callerId} ${call.method} ${call.url}`;
      expect(probe.status(), where).toBe(404);
      expect(normalise(await probe.text(), theirs), where).toBe(
        normalise(await absent.text(), missing),
      );
    }
    // nothing the other org tried changed the owner's endpoint or log
    const after = await api.get(
      `${BASE}/api/partner/v1/apps/${theirs.appId}/webhooks/${theirs.endpointId}`,
      { headers: owner.headers },
    );
    expect(await after.json()).toEqual(await before.json());
    expect(await deliveriesOf(theirs, owner.headers)).toEqual(logBefore);
  }
});
