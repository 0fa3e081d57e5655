import { indexDataFlows } from './flows';

describe('indexDataFlows', () => {
  const entities = [
    {
      ref: 'component:default/billing',
      relations: [
        { type: 'dependsOn', targetRef: 'resource:default/db' },
        { type: 'consumesApi', targetRef: 'api:default/ledger-api' },
        { type: 'consumesApi', targetRef: 'api:default/external-api' },
      ],
    },
    {
      ref: 'Component:default/Ledger',
      relations: [
        { type: 'providesApi', targetRef: 'api:default/ledger-api' },
        { type: 'dependencyOf', targetRef: 'component:default/billing' },
      ],
    },
    {
      ref: 'api:default/ledger-api',
      relations: [
        { type: 'apiProvidedBy', targetRef: 'component:default/ledger' },
        { type: 'apiConsumedBy', targetRef: 'component:default/billing' },
      ],
    },
    {
      ref: 'resource:default/db',
      relations: [
        { type: 'dependencyOf', targetRef: 'component:default/billing' },
      ],
    },
  ];

  it('follows dependsOn and consumesApi once each, from both ends of a relation', () => {
    const index = indexDataFlows(
      entities,
      new Map([
        [
          'component:default/billing',
          [
            {
              to: 'component:default/ledger',
              categories: ['amounts'],
              channel: 'HTTPS',
            },
          ],
        ],
      ]),
    );
    expect(index.get('component:default/billing')?.out).toEqual([
      {
        from: 'component:default/billing',
        to: 'component:default/ledger',
        source: 'catalog',
        relation: 'dependsOn',
      },
      {
        from: 'component:default/billing',
        to: 'resource:default/db',
        source: 'catalog',
        relation: 'dependsOn',
      },
      // no provider in the catalog: the flow ends at the API
      {
        from: 'component:default/billing',
        to: 'api:default/external-api',
        source: 'catalog',
        relation: 'consumesApi',
        api: 'api:default/external-api',
      },
      {
        from: 'component:default/billing',
        to: 'component:default/ledger',
        source: 'catalog',
        relation: 'consumesApi',
        api: 'api:default/ledger-api',
      },
      {
        from: 'component:default/billing',
        to: 'component:default/ledger',
        source: 'declared',
        categories: ['amounts'],
        channel: 'HTTPS',
      },
    ]);
    expect(index.get('component:default/ledger')?.in).toHaveLength(3);
    expect(index.get('component:default/ledger')?.out).toEqual([]);
    expect(index.get('resource:default/db')).toEqual({
      in: [expect.objectContaining({ from: 'component:default/billing' })],
      out: [],
    });
  });

  it('leaves out a flow of an entity to itself', () => {
    const index = indexDataFlows(
      [
        {
          ref: 'component:default/a',
          relations: [{ type: 'dependsOn', targetRef: 'component:default/a' }],
        },
      ],
      new Map([
        [
          'component:default/a',
          [{ to: 'component:default/a', categories: [] }],
        ],
      ]),
    );
    expect(index.size).toBe(0);
  });
});
