/*
 * What the reliability backend's HTTP tests share: the callers, catalog
 * entities, OpenSLO files beside a catalog file, and a test backend with the
 * plugin, the portal's audience policy and a given database.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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
  restrictedServicesHttpAuthFactory as restrictedHttpAuth,
  SAMPLE_CALLERS,
  serviceHeader,
} from '@readiness/backend-test-utils';
import { Knex } from 'knex';
import request from 'supertest';
import { reliabilityPlugin } from '../plugin';

/**
 * Service subjects whose tokens hold only the named permissions, as
 * production's publish-only static tokens do.
 */
const RESTRICTED_SERVICES: Record<string, string[]> = {
  'perf-publisher': ['reliability.run.publish'],
  'dr-publisher': ['reliability.drill.publish', 'reliability.backup.publish'],
};

function restrictedServiceHeader(subject: string) {
  return serviceHeader(subject, 'reliability');
}

/** Authorization headers of the callers every endpoint is tested for. */
export const callers = {
  /** A CI token without restrictions (production's PORTAL_CI_TOKEN). */
  ci: SAMPLE_CALLERS.service,
  internal: SAMPLE_CALLERS.internal,
  /** A partner user of Acme. */
  partner: SAMPLE_CALLERS.partner,
  /** A partner user of another organisation, Globex. */
  otherPartner: mockCredentials.user.header('user:default/kenji.sato'),
  anonymous: SAMPLE_CALLERS.anonymous,
  /** A token that may publish perf runs and nothing else. */
  perfPublisher: restrictedServiceHeader('perf-publisher'),
  /** A token that may push drills and backup verifications and nothing else. */
  drPublisher: restrictedServiceHeader('dr-publisher'),
};

/** The caller names of {@link callers}. */
export type CallerName = keyof typeof callers;

/**
 * The status a GET of the path answers each of these callers, by caller name,
 * so that a failing expectation says whose answer was wrong.
 */
export async function statusesFor(
  server: Parameters<typeof request>[0],
  url: string,
  names: CallerName[],
): Promise<Partial<Record<CallerName, number>>> {
  const statuses: Partial<Record<CallerName, number>> = {};
  for (const name of names) {
    statuses[name] = (
      await request(server).get(url).set('Authorization', callers[name])
    ).status;
  }
  return statuses;
}

/** A catalog entity of the given kind with annotations. */
export function entity(
  kind: string,
  name: string,
  annotations: Record<string, string> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, namespace: 'default', annotations },
    spec: { type: 'service', owner: 'team-finance', lifecycle: 'production' },
  };
}

/**
 * A folder with a catalog file and the given files beside it, as entities
 * that name OpenSLO files relative to their catalog file have.
 */
export function catalogFolder(files: Record<string, string>) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reliability-'));
  fs.writeFileSync(path.join(dir, 'catalog-info.yaml'), 'kind: Component');
  for (const [name, content] of Object.entries(files)) {
    fs.writeFileSync(path.join(dir, name), content);
  }
  return {
    dir,
    /** The annotation that places an entity's catalog file in the folder. */
    location: {
      'backstage.io/managed-by-location': `file:${path.join(
        dir,
        'catalog-info.yaml',
      )}`,
    },
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * The test backend's HTTP auth, with the access restrictions of
 * {@link RESTRICTED_SERVICES} on their subjects' credentials.
 */
export function restrictedServicesHttpAuthFactory() {
  return restrictedHttpAuth(RESTRICTED_SERVICES);
}

/** A test backend with the reliability plugin and the portal's policy. */
export async function startReliability(options: {
  entities: Entity[];
  knex?: Knex;
  config?: JsonObject;
  features?: BackendFeature[];
}): Promise<Server> {
  const { server } = await startTestBackend({
    features: [
      reliabilityPlugin,
      catalogServiceMock.factory({ entities: options.entities }),
      audiencePermissionsServiceFactory(),
      restrictedServicesHttpAuthFactory(),
      ...(options.knex
        ? [mockServices.database.factory({ knex: options.knex })]
        : []),
      ...(options.config
        ? [mockServices.rootConfig.factory({ data: options.config })]
        : []),
      ...(options.features ?? []),
    ],
  });
  return server;
}
