import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { reliabilityServiceRef } from '@readiness/plugin-reliability-node';
import express from 'express';
import Router from 'express-promise-router';
import request from 'supertest';
import { callers, entity, startReliability } from './__testUtils__/harness';

/**
 * A backend plugin of another family that reads the reliability record of
 * an entity on behalf of its caller, as scorecards will.
 */
const consumerPlugin = createBackendPlugin({
  pluginId: 'consumer',
  register(env) {
    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        reliability: reliabilityServiceRef,
      },
      async init({ httpRouter, httpAuth, auth, reliability }) {
        const router = Router();
        router.use(express.json());
        router.get('/slos/:name', async (req, res) => {
          const credentials = await httpAuth.credentials(req, {
            allow: ['user'],
          });
          try {
            const slos = await reliability.getEntitySlos(
              {
                kind: 'component',
                namespace: 'default',
                name: req.params.name,
              },
              { credentials },
            );
            res.json({ entityRef: slos.entityRef, slos: slos.slos.length });
          } catch (error) {
            if (!(error instanceof ResponseError)) throw error;
            res.status(error.response.status).json({ refused: true });
          }
        });
        // With its own service credentials, as the scorecards facts read
        router.post('/records', async (req, res) => {
          const { items } = await reliability.getEntityRecords(
            req.body.entityRefs,
            { credentials: await auth.getOwnServiceCredentials() },
          );
          res.json(items.map(r => r.entityRef));
        });
        httpRouter.use(router);
      },
    });
  },
});

describe('reliabilityServiceRef', () => {
  async function start() {
    return startReliability({
      entities: [
        entity('Component', 'ledger'),
        entity('Component', 'filings', {
          'readiness.dev/audience': 'partner',
          'readiness.dev/partner-reliability': 'published',
        }),
      ],
      features: [consumerPlugin],
    });
  }

  it("gives another plugin the record with the caller's permissions", async () => {
    const server = await start();
    const read = (name: string, caller: string) =>
      request(server)
        .get(`/api/consumer/slos/${name}`)
        .set('Authorization', caller);

    const internal = await read('ledger', callers.internal);
    expect(internal.status).toBe(200);
    expect(internal.body).toEqual({
      entityRef: 'component:default/ledger',
      slos: 0,
    });

    // A partner reads what the reliability backend gives partners, nothing more
    const published = await read('filings', callers.partner);
    expect(published.status).toBe(200);
    expect(published.body.entityRef).toBe('component:default/filings');
    const internalToPartner = await read('ledger', callers.partner);
    const missingToPartner = await read('nope', callers.partner);
    // ...and cannot tell an internal entity from one that does not exist
    expect({
      internal: internalToPartner.status,
      missing: missingToPartner.status,
    }).toEqual({ internal: 403, missing: 403 });
  });

  it("reads many entities' records at once with the plugin's own credentials", async () => {
    const server = await start();
    const response = await request(server)
      .post('/api/consumer/records')
      .set('Authorization', callers.internal)
      .send({
        entityRefs: [
          'component:default/filings',
          'component:default/nope',
          'component:default/ledger',
        ],
      });
    expect(response.status).toBe(200);
    expect(response.body).toEqual([
      'component:default/filings',
      'component:default/ledger',
    ]);
  });
});
