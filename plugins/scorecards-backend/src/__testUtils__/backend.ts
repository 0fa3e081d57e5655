/*
 * What the scorecards backend's HTTP tests share: the sample catalog of the
 * repository, its checks, the callers every route is tested for, a fact
 * provider the tests control, and a test backend with the plugin and the
 * portal's audience policy.
 */
import fs from 'node:fs';
import { Server } from 'node:http';
import {
  BackendFeature,
  createBackendModule,
} from '@backstage/backend-plugin-api';
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
import {
  FactValue,
  RELIABILITY_FACTS,
} from '@readiness/plugin-scorecards-common';
import {
  FactChange,
  ScorecardFactProvider,
  scorecardsFactsExtensionPoint,
} from '@readiness/plugin-scorecards-node';
import { repositoryPath } from '@readiness/test-corpus';
import { Knex } from 'knex';
import { parseAllDocuments } from 'yaml';
import { scorecardsPlugin } from '../plugin';

/** Authorization headers of the callers every route is tested for. */
export const callers = {
  internal: SAMPLE_CALLERS.internal,
  /** A partner user of Acme, and one of Globex. */
  acme: SAMPLE_CALLERS.partner,
  globex: mockCredentials.user.header('user:default/kenji.sato'),
  anonymous: SAMPLE_CALLERS.anonymous,
  /** A service token without restrictions. */
  ci: SAMPLE_CALLERS.service,
  /** The token pipelines file compliance evidence with: it holds nothing of scorecards. */
  publisher: serviceHeader('compliance-publisher', 'scorecards'),
  /** A token issued for another plugin. */
  otherPlugin: serviceHeader('ci', 'compliance'),
  /** The token pipelines push facts with: the facts' pushedBy names it. */
  pusher: serviceHeader('local-scorecards-publisher', 'scorecards'),
  /** A token that holds scorecards.facts.push, but no fact names it in pushedBy. */
  strangerPusher: serviceHeader('coverage-bot', 'scorecards'),
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

/**
 * A reliability fact provider whose facts the test sets, and which signals
 * a change when asked, as a family's module does after a write.
 */
export class TestReliabilityFacts implements ScorecardFactProvider {
  readonly id = 'reliability';
  readonly facts = RELIABILITY_FACTS.filter(f =>
    ['reliability.slos-declared', 'reliability.slos-met'].includes(f.id),
  );
  readonly values = new Map<string, Record<string, FactValue>>();
  private readonly listeners = new Set<(change: FactChange) => void>();
  batches = 0;

  async computeFacts(request: { entities: readonly Entity[] }) {
    this.batches += 1;
    return request.entities.flatMap(entity => {
      const ref = `${entity.kind}:${entity.metadata.namespace ?? 'default'}/${
        entity.metadata.name
      }`.toLocaleLowerCase('en-US');
      const facts = this.values.get(ref);
      return facts ? [{ entityRef: ref, facts }] : [];
    });
  }

  subscribe(listener: (change: FactChange) => void) {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Signals that facts of these entities changed. */
  changed(entityRefs: string[]) {
    this.listeners.forEach(listener => listener({ entityRefs }));
  }
}

/** The scorecards section of the config, on the repository's checks and facts. */
export function repositoryScorecardsConfig(extra: JsonObject = {}) {
  return {
    checks: repositoryPath('scorecards', 'checks'),
    facts: repositoryPath('scorecards', 'facts'),
    // the scheduled task runs at the test backend's start; this would be a second run
    recompute: { afterStart: { hours: 1 } },
    ...extra,
  };
}

/** A test backend with the plugin (and a test provider) on the given database. */
export async function startScorecardsBackend(
  knex: Knex,
  options: {
    scorecards?: JsonObject;
    reliability?: TestReliabilityFacts;
    entities?: Entity[];
    /** Whether the scheduled recompute runs as the backend starts (it does by default). */
    recomputeAtStart?: boolean;
    /** More features, such as a mock auditor's factory. */
    features?: BackendFeature[];
  } = {},
): Promise<Server> {
  const { reliability } = options;
  const { server } = await startTestBackend({
    features: [
      scorecardsPlugin,
      ...(reliability
        ? [
            createBackendModule({
              pluginId: 'scorecards',
              moduleId: 'test-reliability-facts',
              register(env) {
                env.registerInit({
                  deps: { facts: scorecardsFactsExtensionPoint },
                  async init({ facts }) {
                    facts.addFactProvider(reliability);
                  },
                });
              },
            }),
          ]
        : []),
      catalogServiceMock.factory({
        entities: options.entities ?? sampleEntities(),
      }),
      audiencePermissionsServiceFactory(),
      restrictedServicesHttpAuthFactory({
        'compliance-publisher': ['compliance.evidence.file'],
        'local-scorecards-publisher': ['scorecards.facts.push'],
        'coverage-bot': ['scorecards.facts.push'],
      }),
      ...(options.features ?? []),
      mockServices.database.factory({ knex }),
      mockServices.scheduler.factory({
        skipTaskRunOnStartup: options.recomputeAtStart === false,
      }),
      mockServices.rootConfig.factory({
        data: {
          scorecards: options.scorecards ?? repositoryScorecardsConfig(),
        },
      }),
    ],
  });
  return server;
}
