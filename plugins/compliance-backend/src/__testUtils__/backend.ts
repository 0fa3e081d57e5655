/*
 * What the compliance backend's HTTP tests share: the sample catalog of the
 * repository, its compliance files, the callers every route is tested for,
 * and a test backend with the plugin and the portal's audience policy.
 */
import fs from 'node:fs';
import { Server } from 'node:http';
import { BackendFeature } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { JsonObject } from '@backstage/types';
import {
  audiencePermissionsServiceFactory,
  restrictedServicesHttpAuthFactory,
  SAMPLE_CALLERS,
  serviceHeader,
} from '@readiness/backend-test-utils';
import { repositoryPath } from '@readiness/test-corpus';
import { Knex } from 'knex';
import { parseAllDocuments } from 'yaml';
import { compliancePlugin } from '../plugin';

/** Authorization headers of the callers every route is tested for. */
export const callers = {
  internal: SAMPLE_CALLERS.internal,
  /** A partner user of Acme, and one of Globex. */
  acme: SAMPLE_CALLERS.partner,
  globex: mockCredentials.user.header('user:default/kenji.sato'),
  anonymous: SAMPLE_CALLERS.anonymous,
  /** A service token without restrictions. */
  ci: SAMPLE_CALLERS.service,
  /** A pipeline's token that may file evidence and nothing else. */
  publisher: serviceHeader('compliance-publisher', 'compliance'),
  /** A token made for another plugin. */
  drPublisher: serviceHeader('dr-publisher', 'compliance'),
};

export type CallerName = keyof typeof callers;

/** Every entity of the sample catalog and of the portal's own catalog file. */
export function sampleEntities(): Entity[] {
  const files = [
    'catalog-info.yaml',
    'catalog/org.yaml',
    'catalog/platform.yaml',
    ...fs
      .readdirSync(repositoryPath('services'))
      .map(service => `services/${service}/catalog-info.yaml`),
  ];
  return files.flatMap(file =>
    parseAllDocuments(fs.readFileSync(repositoryPath(file), 'utf8')).map(
      document => document.toJS() as Entity,
    ),
  );
}

/** The compliance section of the config, on the repository's files. */
export function repositoryComplianceConfig(extra: JsonObject = {}) {
  return {
    frameworks: [repositoryPath('compliance', 'frameworks')],
    applicability: repositoryPath('compliance', 'applicability.yaml'),
    portalEvidence: repositoryPath('compliance', 'portal-evidence.yaml'),
    ...extra,
  };
}

/** A test backend with the plugin on the given database, and modules of it. */
export async function startComplianceBackend(
  knex: Knex,
  compliance: JsonObject = repositoryComplianceConfig(),
  modules: BackendFeature[] = [],
): Promise<Server> {
  const { server } = await startTestBackend({
    features: [
      compliancePlugin,
      ...modules,
      catalogServiceMock.factory({ entities: sampleEntities() }),
      audiencePermissionsServiceFactory(),
      restrictedServicesHttpAuthFactory({
        'compliance-publisher': ['compliance.evidence.file'],
        'dr-publisher': ['reliability.drill.publish'],
      }),
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({ data: { compliance } }),
    ],
  });
  return server;
}
