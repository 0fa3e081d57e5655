import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { partnerPermissions } from '@readiness/plugin-partner-common';
import { readPartnerOptions } from './config';
import { DatabasePartnerStore } from './database/DatabasePartnerStore';
import { DatabaseWebhookStore } from './database/DatabaseWebhookStore';
import { AuthorizedPartnerAppService } from './service/AuthorizedPartnerAppService';
import { PartnerAppService } from './service/PartnerAppService';
import { createRouter } from './service/router';
import { AuthorizedWebhookService } from './webhooks/AuthorizedWebhookService';
import { WebhookDeliveryWorker } from './webhooks/WebhookDeliveryWorker';
import { WebhookEventTypes } from './webhooks/WebhookEventTypes';
import { WebhookService } from './webhooks/WebhookService';

/** The scheduled task that sends due webhook deliveries. */
export const WEBHOOK_DELIVERY_TASK_ID = 'partner-webhook-deliveries';

/**
 * The partner backend plugin: partner apps, their sandbox keys and webhooks.
 *
 * @public
 */
export const partnerPlugin = createBackendPlugin({
  pluginId: 'partner',
  register(env) {
    env.registerInit({
      deps: {
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        auditor: coreServices.auditor,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        userInfo: coreServices.userInfo,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        catalog: catalogServiceRef,
      },
      async init(deps) {
        deps.permissionsRegistry.addPermissions(partnerPermissions);
        const options = readPartnerOptions(deps.config);
        const inner = new PartnerAppService(
          await DatabasePartnerStore.create({ database: deps.database }),
          options,
        );
        const apps = new AuthorizedPartnerAppService(
          inner,
          deps.permissions,
          deps.userInfo,
        );
        const webhookStore = await DatabaseWebhookStore.create({
          database: deps.database,
        });
        const webhooks = new AuthorizedWebhookService(
          new WebhookService({
            apps: inner,
            store: webhookStore,
            eventTypes: new WebhookEventTypes({
              catalog: options.webhooks.eventTypesFromCatalog
                ? deps.catalog
                : undefined,
              auth: deps.auth,
              logger: deps.logger,
              configured: options.webhooks.eventTypes,
            }),
            options: options.webhooks,
            endpointsPerApp: org => options.limitsOf(org).endpointsPerApp,
          }),
          deps.permissions,
          deps.userInfo,
        );
        const worker = new WebhookDeliveryWorker({
          store: webhookStore,
          options: options.webhooks,
          logger: deps.logger,
          auditor: deps.auditor,
        });
        const frequencyMs = options.webhooks.delivery.frequencyMs;
        await deps.scheduler.scheduleTask({
          id: WEBHOOK_DELIVERY_TASK_ID,
          // One replica at a time; claims are safe beside another anyway
          scope: 'global',
          frequency: { milliseconds: frequencyMs },
          timeout: { minutes: 5 },
          initialDelay: { seconds: 5 },
          fn: async signal => {
            const report = await worker.runOnce({
              signal,
              budgetMs: Math.max(frequencyMs * 10, 60_000),
            });
            if (report.attempted > 0) {
              deps.logger.info(
                `Webhook deliveries: ${report.succeeded} succeeded, ${report.retried} to retry, ${report.failed} failed`,
              );
            }
          },
        });
        deps.httpRouter.use(
          await createRouter({
            apps,
            webhooks,
            httpAuth: deps.httpAuth,
            auditor: deps.auditor,
            logger: deps.logger,
            maxEventPayloadBytes: options.webhooks.maxPayloadBytes,
          }),
        );
      },
    });
  },
});
