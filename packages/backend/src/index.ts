/*
 * The Readiness Portal backend. One backend.add per plugin or module; what each
 * one reads from config is in app-config.yaml and app-config.production.yaml.
 */

import { createBackend } from '@backstage/backend-defaults';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { enterPackageFolder, startBackend, StartupGuard } from './startup';

// Config paths are relative to packages/backend wherever the process starts
enterPackageFolder(resolvePackagePath('backend'));

const backend = createBackend();

// Replicas on one PostgreSQL take turns starting and run every migration
// under one lock, so migrations run once (docs/operations/replicas.md)
const startup = new StartupGuard();
backend.add(startup.databaseServiceFactory);

// Serves the built frontend (packages/app/dist)
backend.add(import('@backstage/plugin-app-backend'));

// Sign-in: guest and partner guest in development, OIDC in production
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(
  import('@readiness/plugin-auth-backend-module-partner-guest-provider'),
);
backend.add(import('@backstage/plugin-auth-backend-module-oidc-provider'));

// Catalog: org, sample platform and the portal itself
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
// Relative $text placeholders (spec.definition) in catalog files on disk
backend.add(import('@readiness/plugin-catalog-backend-module-local-files'));
// Partners get the partner view of entities (docs/access/partner-view.md)
backend.add(import('@readiness/plugin-catalog-backend-module-partner-view'));

// Permissions: our audience policy (internal users vs partners)
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@readiness/plugin-permission-backend-module-audience-policy'),
);

// TechDocs, built locally with mkdocs
backend.add(import('@backstage/plugin-techdocs-backend'));
// Refuses docs paths that climb out of the entity TechDocs authorized
// (docs/access/techdocs-paths.md): keep it when TechDocs is upgraded
backend.add(import('@readiness/plugin-techdocs-backend-module-path-guard'));

// Search: in-memory engine by default, PostgreSQL when the database is PostgreSQL
backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-pg'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));
backend.add(import('@backstage/plugin-search-backend-module-techdocs'));
backend.add(import('@readiness/plugin-search-backend-module-partner-view'));

// Reliability: perf runs published by CI (plugins/reliability-backend)
backend.add(import('@readiness/plugin-reliability-backend'));
// A sample history for a first start, when readinessPortal.sampleData.enabled
// is true (development only; docs/operations/sample-data.md)
backend.add(import('@readiness/plugin-reliability-backend-module-sample-data'));

// API portal: spec revisions, lint, changelog and feeds of the catalog's APIs
// (plugins/api-portal-backend)
backend.add(import('@readiness/plugin-api-portal-backend'));
// Sample SDK downloads for a first start, when readinessPortal.sampleData.enabled
// is true (development only; docs/operations/sample-data.md)
backend.add(import('@readiness/plugin-api-portal-backend-module-sample-data'));
// SDK languages of the API portal, one module each
backend.add(
  import('@readiness/plugin-api-portal-backend-module-sdk-typescript'),
);
backend.add(import('@readiness/plugin-api-portal-backend-module-sdk-python'));

// Partner tenant: partner apps and sandbox keys (plugins/partner-backend)
backend.add(import('@readiness/plugin-partner-backend'));

// Compliance: the controls that apply to each entity with their state, and
// evidence filed by people and pipelines (plugins/compliance-backend)
backend.add(import('@readiness/plugin-compliance-backend'));
// A sample history of evidence for a first start, when
// readinessPortal.sampleData.enabled is true (development only;
// docs/operations/sample-data.md)
backend.add(import('@readiness/plugin-compliance-backend-module-sample-data'));

// Scorecards: levels and scores of catalog entities from the facts the
// families provide, with daily history (plugins/scorecards-backend)
backend.add(import('@readiness/plugin-scorecards-backend'));
// Each family's facts, read from its backend with the module's own
// credentials (docs/scorecards/facts.md)
backend.add(import('@readiness/plugin-scorecards-backend-module-api-portal'));
backend.add(import('@readiness/plugin-scorecards-backend-module-reliability'));
backend.add(import('@readiness/plugin-scorecards-backend-module-compliance'));

// User settings (starred entities, theme) are kept per user; signals push updates
backend.add(import('@backstage/plugin-user-settings-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

// A start that fails exits the process, so the orchestrator starts it again
startBackend(backend, { afterStart: () => startup.release() });
