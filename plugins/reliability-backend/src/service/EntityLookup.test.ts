import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { EntityLookup } from './EntityLookup';

const ledger: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'ledger', namespace: 'default' },
};

// What the catalog client throws for an answer that is not 2xx or 404
const answered = (statusCode: number) =>
  Object.assign(new Error(`Request failed with ${statusCode}`), {
    name: 'ResponseError',
    statusCode,
  });

function lookupWith(getEntityByRef: jest.Mock) {
  return new EntityLookup({
    catalog: { getEntityByRef } as unknown as CatalogService,
    auth: mockServices.auth(),
    ttlSeconds: 10,
    retry: { delaysMs: [0] },
  });
}

describe('EntityLookup', () => {
  it('reads again while the catalog is briefly out', async () => {
    const getEntityByRef = jest
      .fn()
      .mockRejectedValueOnce(answered(500))
      .mockRejectedValueOnce(answered(503))
      .mockResolvedValue(ledger);
    await expect(
      lookupWith(getEntityByRef).getEntityByRef('component:default/ledger'),
    ).resolves.toEqual(ledger);
    expect(getEntityByRef).toHaveBeenCalledTimes(3);
  });

  it('gives the outage to the caller when it lasts', async () => {
    const getEntityByRef = jest.fn().mockRejectedValue(answered(500));
    await expect(
      lookupWith(getEntityByRef).getEntityByRef('component:default/ledger'),
    ).rejects.toMatchObject({ statusCode: 500 });
    expect(getEntityByRef).toHaveBeenCalledTimes(4);
  });

  it('does not read again after a refusal, and keeps what it found', async () => {
    const refused = jest.fn().mockRejectedValue(answered(403));
    await expect(
      lookupWith(refused).getEntityByRef('component:default/ledger'),
    ).rejects.toMatchObject({ statusCode: 403 });
    expect(refused).toHaveBeenCalledTimes(1);

    const found = jest.fn().mockResolvedValue(ledger);
    const lookup = lookupWith(found);
    await lookup.getEntityByRef('component:default/ledger');
    await lookup.getEntityByRef('Component:default/Ledger');
    expect(found).toHaveBeenCalledTimes(1);
  });
});
