import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { GdprCatalog } from './GdprCatalog';

describe('GdprCatalog', () => {
  it('reads the catalog at most once a minute and serves the kept view meanwhile', async () => {
    const catalog = catalogServiceMock({
      entities: [
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: {
            name: 'billing',
            annotations: {
              'readiness.dev/gdpr': 'https://git.example.com/gdpr.yaml',
            },
          },
          spec: { owner: 'team-finance' },
        },
      ],
    });
    const query = jest.spyOn(catalog, 'queryEntities');
    const urlReader = mockServices.urlReader.mock({
      readUrl: async () =>
        ({
          buffer: async () => Buffer.from('kind: Other'),
          etag: '',
        } as any),
    });
    let now = new Date('2026-12-01T10:00:00Z');
    const kept = new GdprCatalog({
      catalog,
      auth: mockServices.auth(),
      urlReader,
      logger: mockServices.logger.mock(),
      now: () => now,
    });
    const first = await kept.snapshot();
    expect(first.entities.get('component:default/billing')).toEqual({
      ref: 'component:default/billing',
      title: 'billing',
      owner: 'group:default/team-finance',
    });
    expect(first.records.get('component:default/billing')?.problems).toEqual([
      expect.objectContaining({ path: '/apiVersion' }),
      expect.objectContaining({ path: '/kind' }),
      expect.objectContaining({ path: '/spec' }),
    ]);
    now = new Date('2026-12-01T10:00:59Z');
    expect(await kept.snapshot()).toBe(first);
    expect(query).toHaveBeenCalledTimes(1);
    expect(urlReader.readUrl).toHaveBeenCalledTimes(1);

    now = new Date('2026-12-01T10:01:00Z');
    // a minute old: answered from the kept view while it is read again
    expect(await kept.snapshot()).toBe(first);
    await new Promise(resolve => setTimeout(resolve, 10));
    expect(query).toHaveBeenCalledTimes(2);
    expect(await kept.snapshot()).not.toBe(first);
  });
});
