/*
 * The facts the portal's own families provide, one list per family. The
 * providers (backend modules of each family) declare these definitions
 * through the scorecards facts extension point; the checks in
 * `scorecards/checks/` are written against them, and the fact catalogue page
 * of the docs lists them.
 */
import { FactDefinition } from './types';

/**
 * Facts of the API portal, about an API entity and the newest version of
 * its API family.
 *
 * @public
 */
export const API_PORTAL_FACTS: readonly FactDefinition[] = [
  {
    id: 'api-portal.definition-collected',
    type: 'boolean',
    provider: 'api-portal',
    description:
      "The API entity's definition was collected from the catalog and reads as OpenAPI.",
  },
  {
    id: 'api-portal.definition-collected-at',
    type: 'timestamp',
    provider: 'api-portal',
    description: 'When the newest revision of the definition was collected.',
  },
  {
    id: 'api-portal.lint-errors',
    type: 'number',
    provider: 'api-portal',
    description:
      'Lint problems of severity error in the newest version of the API family.',
  },
  {
    id: 'api-portal.lint-warnings',
    type: 'number',
    provider: 'api-portal',
    description:
      'Lint problems of severity warning in the newest version of the API family.',
  },
  {
    id: 'api-portal.unversioned-breaking-changes',
    type: 'number',
    provider: 'api-portal',
    description:
      'Breaking changes between the two newest revisions that did not come with a new major version.',
  },
  {
    id: 'api-portal.sdks-ready',
    type: 'boolean',
    provider: 'api-portal',
    description:
      'An SDK of every offered language is built for the newest version of the API family.',
  },
];

/**
 * Facts of the reliability plugins: SLOs, perf runs, the release gate and
 * disaster recovery.
 *
 * @public
 */
export const RELIABILITY_FACTS: readonly FactDefinition[] = [
  {
    id: 'reliability.slos-declared',
    type: 'number',
    provider: 'reliability',
    description:
      "SLOs declared in the entity's OpenSLO file (readiness.dev/openslo).",
  },
  {
    id: 'reliability.slos-met',
    type: 'boolean',
    provider: 'reliability',
    description:
      'Every objective of every declared SLO is met over its time window.',
  },
  {
    id: 'reliability.gate-verdict',
    type: 'string',
    provider: 'reliability',
    values: ['pass', 'fail', 'unknown'],
    description: 'The newest release gate verdict of the entity.',
  },
  {
    id: 'reliability.gate-decided-at',
    type: 'timestamp',
    provider: 'reliability',
    description: 'When the newest release gate verdict was decided.',
  },
  {
    id: 'reliability.perf-run-newest-at',
    type: 'timestamp',
    provider: 'reliability',
    description: 'When the newest k6 perf run of the entity finished.',
  },
  {
    id: 'reliability.perf-regressions',
    type: 'number',
    provider: 'reliability',
    description:
      'Metrics of the newest perf run that regressed against the pinned baseline.',
  },
  {
    id: 'reliability.dr-targets-declared',
    type: 'boolean',
    provider: 'reliability',
    description: 'The entity has a DR policy with RTO and RPO targets.',
  },
  {
    id: 'reliability.drill-newest-at',
    type: 'timestamp',
    provider: 'reliability',
    description: 'When the newest DR drill of the entity was held.',
  },
  {
    id: 'reliability.drill-within-cadence',
    type: 'boolean',
    provider: 'reliability',
    description:
      "The newest DR drill was held within the cadence of the entity's DR policy.",
  },
  {
    id: 'reliability.rto-met',
    type: 'boolean',
    provider: 'reliability',
    description:
      'The measured recovery time of the newest drill is within the RTO target.',
  },
  {
    id: 'reliability.rpo-met',
    type: 'boolean',
    provider: 'reliability',
    description:
      'The measured data loss of the newest drill is within the RPO target.',
  },
  {
    id: 'reliability.backup-verified-at',
    type: 'timestamp',
    provider: 'reliability',
    description: 'When a backup of the entity was last verified by a restore.',
  },
  {
    id: 'reliability.backup-verified-in-window',
    type: 'boolean',
    provider: 'reliability',
    description:
      'Every backup kind of the entity was verified within its verification window.',
  },
];

/**
 * Facts of the compliance plugins, over the controls that apply to the
 * entity.
 *
 * @public
 */
export const COMPLIANCE_FACTS: readonly FactDefinition[] = [
  {
    id: 'compliance.coverage',
    type: 'number',
    provider: 'compliance',
    unit: 'percent',
    description:
      'Share of the applicable controls that have fresh evidence, 0 to 100.',
  },
  {
    id: 'compliance.expired-evidence',
    type: 'number',
    provider: 'compliance',
    description:
      'Applicable controls whose newest evidence has expired and has not been renewed.',
  },
  {
    id: 'compliance.expiring-evidence',
    type: 'number',
    provider: 'compliance',
    description:
      'Applicable controls whose evidence expires within the next 30 days.',
  },
  {
    id: 'compliance.failing-controls',
    type: 'number',
    provider: 'compliance',
    description:
      'Applicable controls whose newest evidence records a failed result.',
  },
];

/**
 * Facts read from the catalog entity itself.
 *
 * @public
 */
export const CATALOG_FACTS: readonly FactDefinition[] = [
  {
    id: 'catalog.owner-is-group',
    type: 'boolean',
    provider: 'catalog',
    description: 'spec.owner names a Group entity that exists in the catalog.',
  },
  {
    id: 'catalog.lifecycle-set',
    type: 'boolean',
    provider: 'catalog',
    description: 'spec.lifecycle is set.',
  },
  {
    id: 'catalog.system-set',
    type: 'boolean',
    provider: 'catalog',
    description:
      'spec.system names a System entity that exists in the catalog.',
  },
  {
    id: 'catalog.description-set',
    type: 'boolean',
    provider: 'catalog',
    description: 'metadata.description is set.',
  },
  {
    id: 'catalog.source-location-set',
    type: 'boolean',
    provider: 'catalog',
    description:
      'The entity has the backstage.io/source-location annotation, so the portal can read its files.',
  },
  {
    id: 'catalog.techdocs-present',
    type: 'boolean',
    provider: 'catalog',
    description: 'The entity has the backstage.io/techdocs-ref annotation.',
  },
  {
    id: 'catalog.runbook-link',
    type: 'boolean',
    provider: 'catalog',
    description:
      'One of metadata.links is a runbook (its type or title says runbook).',
  },
];

/**
 * Every fact the portal's families provide.
 *
 * @public
 */
export const READINESS_FACTS: readonly FactDefinition[] = [
  ...CATALOG_FACTS,
  ...API_PORTAL_FACTS,
  ...RELIABILITY_FACTS,
  ...COMPLIANCE_FACTS,
];
