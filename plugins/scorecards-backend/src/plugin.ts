import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scorecardsPermissions } from '@readiness/plugin-scorecards-common';
import { scorecardsFactsExtensionPoint } from '@readiness/plugin-scorecards-node';
import { readScorecardsOptions } from './config';
import { DatabaseFactStore } from './database/DatabaseFactStore';
import { DatabaseRitualStore } from './database/DatabaseRitualStore';
import { DatabaseScorecardStore } from './database/DatabaseScorecardStore';
import { AuthorizedRollupService } from './service/AuthorizedRollupService';
import { AuthorizedScorecardService } from './service/AuthorizedScorecardService';
import { CatalogFactProvider } from './service/catalogFactProvider';
import { FactProviderRegistry } from './service/FactProviderRegistry';
import { createRouter } from './service/router';
import { scheduleRecompute } from './service/recomputeSchedule';
import { ScorecardRecomputer } from './service/ScorecardRecomputer';
import { logPushedFacts, readPushedFacts } from './service/pushedFacts';
import {
  logScorecardChecks,
  readScorecardChecks,
} from './service/scorecardChecks';
import { ScopedRollupService } from './service/RollupService';
import { ScopedScorecardService } from './service/ScorecardService';

/**
 * The scorecards backend plugin: scores catalog entities with the checks
 * of the checks folder from the facts the families' modules provide and
 * the facts pipelines push (declared in the facts folder), and serves each
 * entity's scorecard and its daily history, the rollups of teams, systems
 * and domains, and the rituals teams hold over them.
 *
 * @public
 */
export const scorecardsPlugin = createBackendPlugin({
  pluginId: 'scorecards',
  register(env) {
    const registry = new FactProviderRegistry();
    env.registerExtensionPoint(scorecardsFactsExtensionPoint, registry);

    env.registerInit({
      deps: {
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auditor: coreServices.auditor,
        auth: coreServices.auth,
        permissions: coreServices.permissions,
        userInfo: coreServices.userInfo,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        lifecycle: coreServices.lifecycle,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        catalog: catalogServiceRef,
      },
      async init(deps) {
        deps.permissionsRegistry.addPermissions(scorecardsPermissions);
        const options = readScorecardsOptions(deps.config);
        registry.addFactProvider(
          new CatalogFactProvider({ catalog: deps.catalog, auth: deps.auth }),
        );
        const pushedFacts = await readPushedFacts(options.factsDirectory);
        logPushedFacts(pushedFacts, options.factsDirectory, deps.logger);
        const computedFacts = registry.catalogue();
        const checks = await readScorecardChecks(options.checksDirectory, [
          ...computedFacts,
          ...pushedFacts.facts,
        ]);
        logScorecardChecks(checks, options.checksDirectory, deps.logger);
        const facts = await DatabaseFactStore.create({
          database: deps.database,
        });
        const results = await DatabaseScorecardStore.create({
          database: deps.database,
        });
        const rituals = await DatabaseRitualStore.create({
          database: deps.database,
        });
        const recomputer = new ScorecardRecomputer({
          catalog: deps.catalog,
          auth: deps.auth,
          logger: deps.logger,
          facts,
          results,
          providers: registry.providers(),
          checks,
          batchSize: options.recompute.batchSize,
          providerTimeout: options.recompute.providerTimeout,
        });
        await scheduleRecompute({
          recomputer,
          scheduler: deps.scheduler,
          lifecycle: deps.lifecycle,
          logger: deps.logger,
          options: options.recompute,
        });
        deps.httpRouter.use(
          await createRouter({
            scorecards: new AuthorizedScorecardService(
              new ScopedScorecardService({
                catalog: deps.catalog,
                auth: deps.auth,
                facts,
                results,
                checks,
                pushedFacts,
                computedFacts: new Map(computedFacts.map(f => [f.id, f])),
                recomputer,
              }),
              deps.permissions,
            ),
            rollups: new AuthorizedRollupService(
              new ScopedRollupService({
                catalog: deps.catalog,
                auth: deps.auth,
                facts,
                results,
                rituals,
                checks,
              }),
              deps.permissions,
              deps.userInfo,
            ),
            httpAuth: deps.httpAuth,
            auditor: deps.auditor,
            logger: deps.logger,
            maxBodyBytes: options.maxBodyBytes,
          }),
        );
      },
    });
  },
});
