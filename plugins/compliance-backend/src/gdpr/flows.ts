/*
 * The flows of data between catalog entities: from the catalog's relations
 * (an entity sends to what it depends on, and to the providers of the APIs
 * it consumes) and from the flows records declare. A flow the catalog and
 * a record both know is listed once for each, as they say different things.
 */
import {
  DataFlow,
  DeclaredDataFlow,
} from '@readiness/plugin-compliance-common';

/** An entity's relations as the catalog gives them. */
export type RelatedEntity = {
  ref: string;
  relations: ReadonlyArray<{ type: string; targetRef: string }>;
};

/** The flows in and out of each entity that has any. */
export type FlowIndex = Map<string, { in: DataFlow[]; out: DataFlow[] }>;

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');

export function indexDataFlows(
  entities: Iterable<RelatedEntity>,
  declared: ReadonlyMap<string, readonly DeclaredDataFlow[]>,
): FlowIndex {
  const dependsOn = new Set<string>();
  const consumes = new Set<string>();
  const providers = new Map<string, Set<string>>();
  const edge = (a: string, b: string) => `${a} ${b}`;
  const addProvider = (api: string, provider: string) => {
    const known = providers.get(api);
    if (known) known.add(provider);
    else providers.set(api, new Set([provider]));
  };
  for (const entity of entities) {
    const ref = lower(entity.ref);
    for (const relation of entity.relations) {
      const target = lower(relation.targetRef);
      if (relation.type === 'dependsOn') dependsOn.add(edge(ref, target));
      if (relation.type === 'dependencyOf') dependsOn.add(edge(target, ref));
      if (relation.type === 'consumesApi') consumes.add(edge(ref, target));
      if (relation.type === 'apiConsumedBy') consumes.add(edge(target, ref));
      if (relation.type === 'providesApi') addProvider(target, ref);
      if (relation.type === 'apiProvidedBy') addProvider(ref, target);
    }
  }

  const index: FlowIndex = new Map();
  const add = (flow: DataFlow) => {
    if (flow.from === flow.to) return;
    for (const [ref, side] of [
      [flow.from, 'out'],
      [flow.to, 'in'],
    ] as const) {
      let flows = index.get(ref);
      if (!flows) {
        flows = { in: [], out: [] };
        index.set(ref, flows);
      }
      flows[side].push(flow);
    }
  };
  for (const pair of [...dependsOn].sort()) {
    const [from, to] = pair.split(' ');
    add({ from, to, source: 'catalog', relation: 'dependsOn' });
  }
  for (const pair of [...consumes].sort()) {
    const [from, api] = pair.split(' ');
    const to = [...(providers.get(api) ?? [])].sort();
    if (to.length === 0) {
      add({ from, to: api, source: 'catalog', relation: 'consumesApi', api });
    }
    for (const provider of to) {
      add({
        from,
        to: provider,
        source: 'catalog',
        relation: 'consumesApi',
        api,
      });
    }
  }
  for (const [from, flows] of [...declared.entries()].sort(([a], [b]) =>
    a < b ? -1 : Number(a > b),
  )) {
    for (const flow of flows) {
      const { to, ...rest } = flow;
      add({ from: lower(from), to, source: 'declared', ...rest });
    }
  }
  return index;
}
