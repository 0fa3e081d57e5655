/*
 * One row per route of every backend plugin we serve: how to call it for a
 * target that is internal, one that is partner-facing, and one that does not
 * exist. The suite calls each row as every caller, with each target and with
 * fuzzed path parameters (leakSuite.test.ts).
 */

/** Which thing a call names. */
export type Target = 'internal' | 'partner' | 'missing';

/** Ids and names the suite collects before it calls any route. */
export type Fixtures = {
  uid: Record<Target, string>;
  locationId: Record<Target, string>;
  revisionId: Record<Target, string>;
  runId: Record<Target, string>;
  /** Partner apps: of an org no test partner belongs to, of Acme, none. */
  appId: Record<Target, string>;
  keyId: Record<Target, string>;
  /** The secret of the key of each target's app (missing: a well-formed unknown one). */
  keySecret: Record<Target, string>;
  /** Compliance evidence of the internal and the partner-facing component. */
  evidenceId: Record<Target, string>;
  /** A webhook endpoint of each target's app, and one the suite may delete. */
  endpointId: Record<Target, string>;
  spareEndpointId: Record<Target, string>;
  /** A delivery to each target's endpoint. */
  deliveryId: Record<Target, string>;
};

type Values = Record<string, string>;

export type Row = {
  /** Path parameters, unencoded; the suite encodes them. */
  params?: (target: Target, f: Fixtures) => Values;
  query?: (target: Target, f: Fixtures) => Values;
  body?: (target: Target, f: Fixtures) => unknown;
  headers?: Record<string, string>;
  /** Answers callers without credentials (nothing of ours does). */
  public?: boolean;
  /**
   * Changes state: internal users call it only for the missing target, so
   * the suite never changes the sample data it runs on.
   */
  writes?: boolean;
  /** Reaches out of the backend (fetches a URL): never called by internal users. */
  outbound?: boolean;
  /**
   * The answer depends on the words asked for (a search term), so internal
   * and missing targets are not compared; leaks are still looked for.
   */
  answersVary?: boolean;
};

/** A group, system or domain of the default namespace, by name. */
const named = (names: Record<Target, string>) => ({
  params: (t: Target) => ({ namespace: 'default', name: names[t] }),
});

const entity = (kind: string, names: Record<Target, string>) => ({
  params: (t: Target) => ({ kind, namespace: 'default', name: names[t] }),
});

const COMPONENT: Record<Target, string> = {
  internal: 'ocr',
  partner: 'ledger',
  missing: 'no-such-service-x9',
};
const API: Record<Target, string> = {
  internal: 'ocr-api',
  partner: 'ledger-api-v2',
  missing: 'no-such-api-x9',
};
const FAMILY: Record<Target, string> = {
  internal: 'ocr-api',
  partner: 'ledger-api',
  missing: 'no-such-family-x9',
};
// webhooks publishes its reliability record to partners; ocr is internal
const RECORD: Record<Target, string> = {
  internal: 'ocr',
  partner: 'webhooks',
  missing: 'no-such-service-x9',
};
// The portal's own system is internal; the filing platform carries the
// partner-facing ledger
const SYSTEM: Record<Target, string> = {
  internal: 'readiness-portal',
  partner: 'filing-platform',
  missing: 'no-such-system-x9',
};
// Teams: an internal one, a partner's own group (which that partner may read
// in the catalog), none
const TEAM: Record<Target, string> = {
  internal: 'team-finance',
  partner: 'partner-acme',
  missing: 'no-such-team-x9',
};
// The sample catalog has one domain, carrying both systems
const DOMAIN: Record<Target, string> = {
  internal: 'document-filing',
  partner: 'document-filing',
  missing: 'no-such-domain-x9',
};
const MATRIX_FRAMEWORK: Record<Target, string> = {
  internal: 'SOC2',
  partner: 'ISO27001',
  missing: 'NO-SUCH-FRAMEWORK-X9',
};
const DOCS: Record<Target, Values> = {
  internal: { namespace: 'default', kind: 'system', name: 'readiness-portal' },
  partner: { namespace: 'default', kind: 'component', name: 'ledger' },
  missing: { namespace: 'default', kind: 'component', name: 'no-such-docs-x9' },
};

// Partner apps: an org no test partner belongs to, Acme, and none
export const PARTNER_ORG: Record<Target, string> = {
  internal: 'initech',
  partner: 'acme',
  missing: 'no-such-org-x9',
};

const app = (t: Target, f: Fixtures) => ({ appId: f.appId[t] });
const appKey = (t: Target, f: Fixtures) => ({
  appId: f.appId[t],
  keyId: f.keyId[t],
});

const appEndpoint = (t: Target, f: Fixtures) => ({
  appId: f.appId[t],
  endpointId: f.endpointId[t],
});
const appDelivery = (t: Target, f: Fixtures) => ({
  ...appEndpoint(t, f),
  deliveryId: f.deliveryId[t],
});

/** The event type the suite's endpoints subscribe to (webhooks-api declares it). */
export const LEAK_EVENT_TYPE = 'filing.accepted';

export const refOf = (kind: string, name: string) => `${kind}:default/${name}`;

const componentRef = (t: Target) => refOf('component', COMPONENT[t]);
const recordRef = (t: Target) => refOf('component', RECORD[t]);
const nameFilter = (t: Target) => ({ filter: `metadata.name=${COMPONENT[t]}` });

const run = (t: Target) => ({
  run: {
    entityRef: recordRef(t),
    scenario: 'leak-suite',
    environment: 'staging',
    release: '2026.12.0',
    startedAt: '2026-12-01T10:00:00Z',
    finishedAt: '2026-12-01T10:05:00Z',
    k6ExitCode: 0,
    idempotencyKey: `leak-suite-${t}`,
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
});

/** Compliance evidence for a target's component, as a pipeline files it. */
export const evidenceFiling = (t: Target, key: string) => ({
  entityRef: componentRef(t),
  controls: ['SOC2:CC8.1'],
  source: 'pipeline',
  title: 'Leak suite change review',
  link: 'https://ci.example.com/leak-suite/1',
  collectedAt: '2026-12-01T10:00:00Z',
  result: 'satisfied',
  idempotencyKey: key,
});

export const ROWS: Record<string, Row> = {
  // --- partner apps and sandbox keys ---------------------------------------
  'GET /api/partner/v1/apps': { query: t => ({ org: PARTNER_ORG[t] }) },
  'POST /api/partner/v1/apps': {
    body: t => ({ name: `leak-suite-${t}`, org: PARTNER_ORG[t] }),
    writes: true,
  },
  'GET /api/partner/v1/apps/{appId}': { params: app },
  'GET /api/partner/v1/apps/{appId}/keys': { params: app },
  'POST /api/partner/v1/apps/{appId}/keys': {
    params: app,
    body: () => ({ name: 'leak-suite' }),
    writes: true,
  },
  'POST /api/partner/v1/apps/{appId}/keys/{keyId}/revoke': {
    params: appKey,
    writes: true,
  },
  'POST /api/partner/v1/apps/{appId}/keys/{keyId}/rotate': {
    params: appKey,
    writes: true,
  },
  'POST /api/partner/v1/keys/verify': {
    body: (t, f) => ({ key: f.keySecret[t] }),
  },

  // --- partner webhooks ----------------------------------------------------
  'GET /api/partner/v1/webhooks/event-types': {},
  'GET /api/partner/v1/apps/{appId}/webhooks': { params: app },
  'POST /api/partner/v1/apps/{appId}/webhooks': {
    params: app,
    body: () => ({
      url: 'https://leak-suite-hooks.example.invalid/events',
      eventTypes: [LEAK_EVENT_TYPE],
    }),
    writes: true,
  },
  'GET /api/partner/v1/apps/{appId}/webhooks/{endpointId}': {
    params: appEndpoint,
  },
  'PATCH /api/partner/v1/apps/{appId}/webhooks/{endpointId}': {
    params: appEndpoint,
    body: () => ({ description: 'Changed by the leak suite' }),
    writes: true,
  },
  // A spare endpoint, so the others stay for the routes after this one
  'DELETE /api/partner/v1/apps/{appId}/webhooks/{endpointId}': {
    params: (t, f) => ({ appId: f.appId[t], endpointId: f.spareEndpointId[t] }),
    writes: true,
  },
  'POST /api/partner/v1/apps/{appId}/webhooks/{endpointId}/rotate-secret': {
    params: appEndpoint,
    writes: true,
  },
  'GET /api/partner/v1/apps/{appId}/webhooks/{endpointId}/deliveries': {
    params: appEndpoint,
  },
  'GET /api/partner/v1/apps/{appId}/webhooks/{endpointId}/deliveries/{deliveryId}':
    { params: appDelivery },
  'POST /api/partner/v1/apps/{appId}/webhooks/{endpointId}/deliveries/{deliveryId}/replay':
    { params: appDelivery, writes: true },
  'POST /api/partner/v1/apps/{appId}/webhooks/{endpointId}/replay': {
    params: appEndpoint,
    body: () => ({ since: '2026-01-01T00:00:00Z' }),
    writes: true,
  },
  // Pushed by the platform only, with the partner events token
  'POST /api/partner/v1/events': {
    body: (t, f) => ({
      idempotencyKey: `leak-suite-${t}`,
      appId: f.appId[t],
      type: LEAK_EVENT_TYPE,
      payload: { filingId: `leak-suite-${t}` },
    }),
    writes: true,
  },

  // --- catalog (and the API definitions api-docs renders from it) ---------
  'POST /api/catalog/refresh': {
    body: t => ({ entityRef: componentRef(t) }),
    writes: true,
  },
  'GET /api/catalog/entities': { query: nameFilter },
  'GET /api/catalog/entities/by-uid/{uid}': {
    params: (t, f) => ({ uid: f.uid[t] }),
  },
  'DELETE /api/catalog/entities/by-uid/{uid}': {
    params: (t, f) => ({ uid: f.uid[t] }),
    writes: true,
  },
  'GET /api/catalog/entities/by-name/{kind}/{namespace}/{name}': entity(
    'component',
    COMPONENT,
  ),
  'GET /api/catalog/entities/by-name/{kind}/{namespace}/{name}/ancestry':
    entity('component', COMPONENT),
  'POST /api/catalog/entities/by-refs': {
    body: t => ({ entityRefs: [componentRef(t), refOf('api', API[t])] }),
  },
  'GET /api/catalog/entities/by-query': { query: nameFilter },
  'POST /api/catalog/entities/by-query': {
    body: t => ({ query: { 'metadata.name': COMPONENT[t] } }),
  },
  'GET /api/catalog/entity-facets': {
    query: t => ({ ...nameFilter(t), facet: 'spec.owner' }),
  },
  'POST /api/catalog/entity-facets': {
    body: t => ({
      facets: ['spec.owner', 'spec.system', 'relations.ownedBy'],
      query: { 'metadata.name': COMPONENT[t] },
    }),
  },
  'POST /api/catalog/locations': {
    query: () => ({ dryRun: 'true' }),
    body: t => ({
      type: 'url',
      target: `https://example.com/${COMPONENT[t]}/catalog-info.yaml`,
    }),
    writes: true,
    outbound: true,
  },
  'GET /api/catalog/locations': {},
  'POST /api/catalog/locations/by-query': {
    body: t => ({ query: { target: COMPONENT[t] } }),
  },
  'GET /api/catalog/locations/{id}': {
    params: (t, f) => ({ id: f.locationId[t] }),
  },
  'PUT /api/catalog/locations/{id}': {
    params: (t, f) => ({ id: f.locationId[t] }),
    body: t => ({
      type: 'url',
      target: `https://example.com/${COMPONENT[t]}/catalog-info.yaml`,
    }),
    writes: true,
  },
  'DELETE /api/catalog/locations/{id}': {
    params: (t, f) => ({ id: f.locationId[t] }),
    writes: true,
  },
  'GET /api/catalog/locations/by-entity/{kind}/{namespace}/{name}': entity(
    'component',
    COMPONENT,
  ),
  'POST /api/catalog/analyze-location': {
    body: t => ({
      location: {
        type: 'url',
        target: `https://example.com/${COMPONENT[t]}/catalog-info.yaml`,
      },
    }),
    outbound: true,
  },
  'POST /api/catalog/validate-entity': {
    body: t => ({
      location: `url:https://example.com/${COMPONENT[t]}/catalog-info.yaml`,
      entity: {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: `${COMPONENT[t]}-copy` },
        spec: { type: 'service', lifecycle: 'production', owner: 'nobody' },
      },
    }),
  },

  // --- search -------------------------------------------------------------
  'GET /api/search/query': {
    query: t => ({ term: COMPONENT[t] }),
    answersVary: true,
  },

  // --- TechDocs -----------------------------------------------------------
  'GET /api/techdocs/metadata/techdocs/{namespace}/{kind}/{name}': {
    params: t => DOCS[t],
  },
  'GET /api/techdocs/metadata/entity/{namespace}/{kind}/{name}': {
    params: t => DOCS[t],
  },
  'GET /api/techdocs/sync/{namespace}/{kind}/{name}': {
    params: t => DOCS[t],
    headers: { Accept: 'text/event-stream' },
  },
  'GET /api/techdocs/static/docs/{namespace}/{kind}/{name}/{path}': {
    params: t => ({ ...DOCS[t], path: 'index.html' }),
  },

  // --- permission ---------------------------------------------------------
  'GET /api/permission/health': { public: true },
  'POST /api/permission/authorize': {
    body: t => ({
      items: [
        {
          id: 'leak-suite',
          permission: {
            type: 'resource',
            name: 'catalog.entity.read',
            attributes: { action: 'read' },
            resourceType: 'catalog-entity',
          },
          resourceRef: componentRef(t),
        },
      ],
    }),
  },

  // --- user settings (each user's own) ------------------------------------
  'POST /api/user-settings/multiget': {
    body: () => ({ items: [{ bucket: 'leak-suite', key: 'note' }] }),
  },
  'GET /api/user-settings/buckets/{bucket}/keys/{key}': {
    params: () => ({ bucket: 'leak-suite', key: 'note' }),
  },
  'PUT /api/user-settings/buckets/{bucket}/keys/{key}': {
    params: () => ({ bucket: 'leak-suite', key: 'scratch' }),
    body: () => ({ value: 'leak-suite' }),
  },
  'DELETE /api/user-settings/buckets/{bucket}/keys/{key}': {
    params: () => ({ bucket: 'leak-suite', key: 'scratch' }),
  },

  // --- api-portal ---------------------------------------------------------
  'GET /api/api-portal/v1/families': {},
  'GET /api/api-portal/v1/families/{family}': {
    params: t => ({ family: FAMILY[t] }),
  },
  'GET /api/api-portal/v1/families/{family}/changelog': {
    params: t => ({ family: FAMILY[t] }),
  },
  'GET /api/api-portal/v1/changelog': {},
  'GET /api/api-portal/v1/entities/{kind}/{namespace}/{name}/revisions': entity(
    'api',
    API,
  ),
  'POST /api/api-portal/v1/entities/{kind}/{namespace}/{name}/refresh': {
    ...entity('api', API),
    writes: true,
  },
  'GET /api/api-portal/v1/entities/{kind}/{namespace}/{name}/provided-apis':
    entity('component', COMPONENT),
  'GET /api/api-portal/v1/entities/{kind}/{namespace}/{name}/sdks': entity(
    'api',
    API,
  ),
  'GET /api/api-portal/v1/entities/{kind}/{namespace}/{name}/sdks/{language}/download':
    {
      params: t => ({
        ...entity('api', API).params(t),
        language: 'typescript',
      }),
    },
  'POST /api/api-portal/v1/entities/{kind}/{namespace}/{name}/sdks/{language}/build':
    {
      params: t => ({
        ...entity('api', API).params(t),
        language: 'typescript',
      }),
      writes: true,
    },
  'GET /api/api-portal/v1/entities/{kind}/{namespace}/{name}/postman': entity(
    'api',
    API,
  ),
  'GET /api/api-portal/v1/revisions/{revisionId}': {
    params: (t, f) => ({ revisionId: f.revisionId[t] }),
  },
  'GET /api/api-portal/v1/revisions/{revisionId}/lint': {
    params: (t, f) => ({ revisionId: f.revisionId[t] }),
  },
  'GET /api/api-portal/v1/feeds/families/{family}.rss': {
    params: t => ({ family: FAMILY[t] }),
  },
  'GET /api/api-portal/v1/feeds/families/{family}.atom': {
    params: t => ({ family: FAMILY[t] }),
  },
  'GET /api/api-portal/v1/feeds/all.rss': {},
  'GET /api/api-portal/v1/feeds/all.atom': {},

  // --- compliance (no partner reaches any of it) ---------------------------
  'GET /api/compliance/v1/entities/{kind}/{namespace}/{name}/controls': entity(
    'component',
    COMPONENT,
  ),
  'GET /api/compliance/v1/entities/{kind}/{namespace}/{name}/summary': entity(
    'component',
    COMPONENT,
  ),
  'GET /api/compliance/v1/entities/{kind}/{namespace}/{name}/evidence': entity(
    'component',
    COMPONENT,
  ),
  'GET /api/compliance/v1/entities/{kind}/{namespace}/{name}/gdpr': entity(
    'component',
    COMPONENT,
  ),
  'GET /api/compliance/v1/gdpr/register': {},
  'GET /api/compliance/v1/gdpr/register.csv': {},
  'GET /api/compliance/v1/frameworks': {},
  'GET /api/compliance/v1/matrix': {
    query: t => ({ framework: MATRIX_FRAMEWORK[t], groupBy: 'system' }),
  },
  'GET /api/compliance/v1/matrix/entities': {
    query: t => ({
      framework: 'SOC2',
      groupBy: 'system',
      group: refOf('system', SYSTEM[t]),
    }),
  },
  'GET /api/compliance/v1/exports/assessment-results': {
    query: t => ({
      framework: MATRIX_FRAMEWORK[t],
      system: refOf('system', SYSTEM[t]),
    }),
  },
  'GET /api/compliance/v1/exports/component-definitions/{namespace}/{name}': {
    params: t => ({ namespace: 'default', name: SYSTEM[t] }),
  },
  'GET /api/compliance/v1/exports/evidence.csv': {
    query: t => ({ system: refOf('system', SYSTEM[t]) }),
  },
  'GET /api/compliance/v1/exports/matrix.csv': {
    query: t => ({ framework: MATRIX_FRAMEWORK[t], groupBy: 'system' }),
  },
  'POST /api/compliance/v1/evidence': {
    body: t => evidenceFiling(t, `leak-suite-${t}`),
    writes: true,
  },
  'POST /api/compliance/v1/evidence/{evidenceId}/withdrawals': {
    params: (t, f) => ({ evidenceId: f.evidenceId[t] }),
    body: () => ({ reason: 'Withdrawn by the leak suite' }),
    writes: true,
  },

  // --- scorecards (no partner reaches any of it) ---------------------------
  'GET /api/scorecards/v1/entities/{kind}/{namespace}/{name}/scorecard': entity(
    'component',
    COMPONENT,
  ),
  'GET /api/scorecards/v1/entities/{kind}/{namespace}/{name}/scorecard/history':
    entity('component', COMPONENT),
  'GET /api/scorecards/v1/checks': {},
  'GET /api/scorecards/v1/rollups/groups': {},
  'GET /api/scorecards/v1/rollups/groups/{namespace}/{name}': named(TEAM),
  'GET /api/scorecards/v1/rollups/systems/{namespace}/{name}': named(SYSTEM),
  'GET /api/scorecards/v1/rollups/domains/{namespace}/{name}': named(DOMAIN),
  'GET /api/scorecards/v1/rollups/groups/{namespace}/{name}/changes':
    named(TEAM),
  'GET /api/scorecards/v1/rollups/groups/{namespace}/{name}/rituals':
    named(TEAM),
  // Marked held by people: members of the team or holders of the permission
  'POST /api/scorecards/v1/rollups/groups/{namespace}/{name}/rituals': {
    ...named(TEAM),
    body: () => ({ note: 'leak suite' }),
    writes: true,
  },
  'GET /api/scorecards/v1/rollups/groups/{namespace}/{name}/rollup.csv':
    named(TEAM),
  // Pushed by pipelines only, with the scorecards publisher token
  'POST /api/scorecards/v1/facts': {
    body: t => ({
      idempotencyKey: `leak-suite-${t}`,
      entityRef: componentRef(t),
      facts: { 'ci.coverage.line': 80 },
    }),
    writes: true,
  },

  // --- reliability --------------------------------------------------------
  'POST /api/reliability/v1/runs': { body: t => run(t), writes: true },
  // For the portal's backend plugins only (the scorecards facts)
  'POST /api/reliability/v1/entity-records': {
    body: t => ({ entityRefs: [recordRef(t), componentRef(t)] }),
  },
  'GET /api/reliability/v1/runs': {
    query: t => ({ entityRef: recordRef(t) }),
  },
  'POST /api/reliability/v1/runs/stream': {
    query: t => ({
      entityRef: recordRef(t),
      scenario: 'leak-suite',
      environment: 'staging',
      release: '2026.12.0',
      startedAt: '2026-12-01T10:00:00Z',
      finishedAt: '2026-12-01T10:05:00Z',
      k6ExitCode: '0',
      idempotencyKey: `leak-suite-stream-${t}`,
    }),
    headers: { 'Content-Type': 'application/x-ndjson' },
    body: () => '',
    writes: true,
  },
  'GET /api/reliability/v1/entities/{kind}/{namespace}/{name}/slos': entity(
    'component',
    RECORD,
  ),
  'GET /api/reliability/v1/entities/{kind}/{namespace}/{name}/drills': entity(
    'component',
    RECORD,
  ),
  'GET /api/reliability/v1/entities/{kind}/{namespace}/{name}/trend': entity(
    'component',
    RECORD,
  ),
  'GET /api/reliability/v1/entities/{kind}/{namespace}/{name}/backups': entity(
    'component',
    RECORD,
  ),
  'GET /api/reliability/v1/entities/{kind}/{namespace}/{name}/backups/verifications':
    entity('component', RECORD),
  'POST /api/reliability/v1/drills': {
    body: t => ({
      idempotencyKey: `leak-suite-${t}`,
      drill: {
        entities: [recordRef(t)],
        scenario: 'Leak suite drill',
        disruptionType: 'zone-failure',
        started: '2026-12-01T08:00:00Z',
        serviceRestored: '2026-12-01T08:30:00Z',
        result: 'passed',
      },
    }),
    writes: true,
  },
  'POST /api/reliability/v1/backups': {
    body: t => ({
      idempotencyKey: `leak-suite-${t}`,
      entityRef: recordRef(t),
      artifact: 'base/leak-suite',
      kind: 'base-backup',
      takenAt: '2026-12-01T02:00:00Z',
      verifiedAt: '2026-12-01T03:00:00Z',
      checksumVerified: true,
    }),
    writes: true,
  },
  'GET /api/reliability/v1/gates/{kind}/{namespace}/{name}': {
    ...entity('component', RECORD),
    query: () => ({ release: '2026.12.0', environment: 'staging' }),
  },
  'POST /api/reliability/v1/gates/{kind}/{namespace}/{name}': {
    ...entity('component', RECORD),
    body: () => ({ release: '2026.12.0', environment: 'staging' }),
    writes: true,
  },
  'GET /api/reliability/v1/gates/{kind}/{namespace}/{name}/history': entity(
    'component',
    RECORD,
  ),
  'PUT /api/reliability/v1/runs/{runId}/baseline': {
    params: (t, f) => ({ runId: f.runId[t] }),
    writes: true,
  },
  'DELETE /api/reliability/v1/runs/{runId}/baseline': {
    params: (t, f) => ({ runId: f.runId[t] }),
    writes: true,
  },
  'GET /api/reliability/v1/runs/{runId}/regression': {
    params: (t, f) => ({ runId: f.runId[t] }),
  },
  'GET /api/reliability/v1/runs/{runId}/compare/{otherRunId}': {
    params: (t, f) => ({ runId: f.runId[t], otherRunId: f.runId[t] }),
  },
  'GET /api/reliability/v1/runs/{runId}': {
    params: (t, f) => ({ runId: f.runId[t] }),
  },
};
