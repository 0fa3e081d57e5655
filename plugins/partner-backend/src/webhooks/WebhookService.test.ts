import { ConfigReader } from '@backstage/config';
import { readPartnerOptions } from '../config';
import { DatabaseWebhookStore } from '../database/DatabaseWebhookStore';
import { PartnerAppService } from '../service/PartnerAppService';
import { WebhookEventTypes } from './WebhookEventTypes';
import { WebhookService } from './WebhookService';

const app = {
  id: 'a1',
  org: 'acme',
  name: 'App',
  createdBy: 'user:default/a',
  createdAt: '2026-12-01T00:00:00.000Z',
};

function serviceWith(webhooks: object) {
  const createEndpoint = jest.fn(async (_app, endpoint) => ({
    ...endpoint,
    id: 'e1',
    appId: app.id,
    org: app.org,
    status: 'active',
    consecutiveFailures: 0,
    secretCreatedAt: app.createdAt,
    createdAt: app.createdAt,
    updatedAt: app.createdAt,
  }));
  const service = new WebhookService({
    apps: { getApp: async () => app } as unknown as PartnerAppService,
    store: { createEndpoint } as unknown as DatabaseWebhookStore,
    eventTypes: {
      unknownOf: async (types: string[]) =>
        types.filter(t => t !== 'filing.accepted'),
      list: async () => [{ type: 'filing.accepted', source: 'config' }],
    } as unknown as WebhookEventTypes,
    options: readPartnerOptions(new ConfigReader({ partner: { webhooks } }))
      .webhooks,
    endpointsPerApp: () => 10,
  });
  return { service, createEndpoint };
}

const access = {
  type: 'orgs' as const,
  orgs: ['acme'],
  actor: 'user:default/a',
};

describe('webhook endpoint URLs', () => {
  it('refuses plain http unless development allows it for allow-listed addresses', async () => {
    const { service } = serviceWith({});
    await expect(
      service.createEndpoint(access, app.id, {
        url: 'http://hooks.example.com/events',
        eventTypes: ['filing.accepted'],
      }),
    ).rejects.toThrow('url: must use https (got http)');

    const local = serviceWith({
      network: { allowHttp: true, allowedCidrs: ['127.0.0.1/32'] },
    });
    const created = await local.service.createEndpoint(access, app.id, {
      url: 'http://127.0.0.1:9000/events',
      eventTypes: ['filing.accepted'],
    });
    expect(created.endpoint.url).toBe('http://127.0.0.1:9000/events');
    expect(created.endpoint).not.toHaveProperty('secret');
    expect(created.secret).toMatch(/^whsec_/);
  });

  it('refuses loopback unless allow-listed, and https to a public name is saved as written', async () => {
    const { service, createEndpoint } = serviceWith({});
    await expect(
      service.createEndpoint(access, app.id, {
        url: 'https://localhost:8443/events',
        eventTypes: ['filing.accepted'],
      }),
    ).rejects.toThrow('url: localhost is a loopback address');
    await service.createEndpoint(access, app.id, {
      url: 'https://Hooks.Example.com/events?x=1',
      eventTypes: ['filing.accepted', 'filing.accepted'],
    });
    expect(createEndpoint.mock.calls[0][1]).toMatchObject({
      url: 'https://hooks.example.com/events?x=1',
      eventTypes: ['filing.accepted'],
    });
  });

  it('never allows plain http in production', () => {
    const env = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      expect(() =>
        readPartnerOptions(
          new ConfigReader({
            partner: { webhooks: { network: { allowHttp: true } } },
          }),
        ),
      ).toThrow(
        'partner.webhooks.network.allowHttp: plain http deliveries are for development only',
      );
    } finally {
      process.env.NODE_ENV = env;
    }
  });
});
