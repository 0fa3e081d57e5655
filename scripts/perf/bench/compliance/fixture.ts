/*
 * The compliance benchmarks' portal at audit scale: a generated catalog of
 * components in 50 systems and 25 teams, every SOC 2 and ISO 27001 control
 * of the repository's frameworks in scope of each (about 150), and evidence
 * items written straight into the compliance tables of PostgreSQL. Bench
 * code only.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { benchConfig, BenchTarget, ROOT } from '../backend';
import { postgresClient } from '../lib';

export const SYSTEMS = 50;
export const TEAMS = 25;

const pad = (n: number) => String(n).padStart(4, '0');

export const serviceName = (i: number) => `bench-svc-${pad(i)}`;
export const systemRef = (s: number) => `system:default/bench-system-${pad(s)}`;

/** The group and control ids of a framework file of the repository. */
function controlsOf(file: string): { groups: string[]; controls: string[] } {
  const data = parse(
    fs.readFileSync(path.join(ROOT, 'compliance/frameworks', file), 'utf8'),
  );
  const groups = data.spec.groups as Array<{
    id: string;
    controls: Array<{ id: string }>;
  }>;
  return {
    groups: groups.map(g => String(g.id)),
    controls: groups.flatMap(g => g.controls.map(c => String(c.id))),
  };
}

/**
 * Writes the catalog file, the applicability file and the backend's config
 * into `dir`; answers the config file and the framework-qualified ids of
 * every control in scope.
 */
export function writeComplianceInputs(
  dir: string,
  target: BenchTarget,
  entities: number,
): { configFile: string; controls: string[] } {
  const soc2 = controlsOf('soc2.yaml');
  const iso = controlsOf('iso27001.yaml');
  const documents: object[] = [];
  for (let t = 0; t < TEAMS; t++) {
    documents.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: `bench-team-${pad(t)}`, title: `Bench team ${t}` },
      spec: { type: 'team', children: [] },
    });
  }
  // The guest sign-in of the render benchmark: internal, as a member of a team
  documents.push({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'guest' },
    spec: { memberOf: [`bench-team-${pad(0)}`] },
  });
  for (let s = 0; s < SYSTEMS; s++) {
    documents.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: { name: `bench-system-${pad(s)}` },
      spec: { owner: `bench-team-${pad(s % TEAMS)}` },
    });
  }
  for (let i = 0; i < entities; i++) {
    documents.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: serviceName(i), tags: ['bench'] },
      spec: {
        type: 'service',
        lifecycle: 'production',
        owner: `bench-team-${pad(i % TEAMS)}`,
        system: `bench-system-${pad(i % SYSTEMS)}`,
      },
    });
  }
  const catalog = path.join(dir, 'bench-catalog.yaml');
  fs.writeFileSync(catalog, documents.map(d => stringify(d)).join('---\n'));
  const applicability = path.join(dir, 'applicability.yaml');
  fs.writeFileSync(
    applicability,
    stringify({
      apiVersion: 'readiness.dev/v1',
      kind: 'Applicability',
      metadata: { title: 'Every control for every bench component' },
      spec: {
        rules: [
          {
            id: 'bench-every-control',
            description: 'Every control of both frameworks, for the benchmark',
            select: { kind: 'Component', tags: ['bench'] },
            controls: [
              { framework: 'SOC2', groups: soc2.groups },
              { framework: 'ISO27001', groups: iso.groups },
            ],
          },
        ],
      },
    }),
  );
  const configFile = path.join(dir, 'app-config.bench.yaml');
  fs.writeFileSync(
    configFile,
    benchConfig(
      target,
      `catalog:
  locations:
    - type: file
      target: ${catalog}
      rules:
        - allow: [Component, System, Group, User]
compliance:
  applicability: ${applicability}
`,
    ),
  );
  return {
    configFile,
    controls: [
      ...soc2.controls.map(c => `SOC2:${c}`),
      ...iso.controls.map(c => `ISO27001:${c}`),
    ],
  };
}

/**
 * `count` evidence items spread over the entities and the last 300 days,
 * one control each and a second for every third item, one in 23 not
 * satisfied; answers how many the table holds.
 */
export async function seedComplianceEvidence(options: {
  target: BenchTarget;
  controls: string[];
  entities: number;
  count: number;
}): Promise<number> {
  const { controls, entities, count } = options;
  const client = postgresClient(`${options.target.databasePrefix}compliance`);
  await client.connect();
  try {
    await client.query(
      `insert into compliance_evidence
         (id, entity_ref, source, title, collected_at, expires_at, result,
          filed_by, filed_at, content_hash)
       select md5(i::text || ':bench')::uuid::text,
              'component:default/bench-svc-' || lpad((i % $1)::text, 4, '0'),
              'pipeline',
              'Bench evidence ' || i,
              now() - ((i % 300) || ' days')::interval,
              now() - ((i % 300) || ' days')::interval + interval '180 days',
              case when i % 23 = 0 then 'not-satisfied' else 'satisfied' end,
              'service:bench',
              now(),
              md5(i::text) || md5(i::text || ':bench')
         from generate_series(1, $2) as i`,
      [entities, count],
    );
    await client.query(
      `insert into compliance_evidence_controls (evidence_id, control)
       select md5(i::text || ':bench')::uuid::text, ($1::text[])[1 + ((i::bigint * 7919) % $3)::int]
         from generate_series(1, $2) as i
       union
       select md5(i::text || ':bench')::uuid::text, ($1::text[])[1 + ((i::bigint * 104729 + 1) % $3)::int]
         from generate_series(1, $2) as i where i % 3 = 0`,
      [controls, count, controls.length],
    );
    await client.query('analyze');
    const { rows } = await client.query<{ count: string }>(
      'select count(*) from compliance_evidence',
    );
    return Number(rows[0].count);
  } finally {
    await client.end();
  }
}
