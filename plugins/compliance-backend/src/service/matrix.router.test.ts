import { Server } from 'node:http';
import { createStoreTestDatabases } from '@readiness/backend-test-utils';
import { MATRIX_STATES } from '@readiness/plugin-compliance-common';
import request from 'supertest';
import {
  CallerName,
  callers,
  startComplianceBackend,
} from '../__testUtils__/backend';

const databases = createStoreTestDatabases();

const day = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * day).toISOString();

const PLATFORM = 'system:default/filing-platform';
const FINANCE = 'group:default/team-finance';
const LEDGER = 'component:default/ledger';

type Matrix = {
  framework: string;
  controls: Array<{ control: string; applicable: number; covered: number }>;
  groups: Array<{
    group: string;
    title: string;
    entities: number;
    applicable: number;
    covered: number;
    cells: Array<number[] | null>;
  }>;
  totals: { entities: number; applicable: number; covered: number };
};

jest.setTimeout(60_000);

describe.each(databases.eachSupportedId())(
  'the compliance matrix on %s',
  databaseId => {
    let server: Server;

    beforeAll(async () => {
      server = await startComplianceBackend(await databases.init(databaseId));
    });

    const get = (path: string, caller: CallerName = 'internal') =>
      request(server)
        .get(`/api/compliance${path}`)
        .set('Authorization', callers[caller]);
    const post = (path: string, body: object) =>
      request(server)
        .post(`/api/compliance${path}`)
        .set('Authorization', callers.internal)
        .send(body);

    const matrixOf = async (query: string) => {
      const res = await get(`/v1/matrix?${query}`);
      expect(res.status).toBe(200);
      return res.body as Matrix;
    };
    /** The counts of one cell, by state name. */
    const cellOf = (matrix: Matrix, group: string, control: string) => {
      const row = matrix.groups.find(g => g.group === group)!;
      const column = matrix.controls.findIndex(c => c.control === control);
      const cell = row.cells[column];
      return (
        cell && Object.fromEntries(MATRIX_STATES.map((s, i) => [s, cell[i]]))
      );
    };

    it('counts every system’s entities per control and state, missing until evidence comes', async () => {
      const matrix = await matrixOf('framework=SOC2&groupBy=system');
      expect(matrix.framework).toBe('SOC2');
      const platform = matrix.groups.find(g => g.group === PLATFORM)!;
      expect(platform).toMatchObject({ title: 'filing-platform', covered: 0 });
      expect(platform.entities).toBeGreaterThanOrEqual(3);
      expect(cellOf(matrix, PLATFORM, 'SOC2:CC8.1')).toMatchObject({
        fresh: 0,
        missing: expect.any(Number),
      });
      // Columns only for controls in someone's scope, in framework order,
      // and every row has one cell per column
      expect(matrix.controls.length).toBeGreaterThan(5);
      for (const row of matrix.groups) {
        expect(row.cells).toHaveLength(matrix.controls.length);
      }
      const sum = matrix.groups.reduce((n, g) => n + g.entities, 0);
      expect(matrix.totals.entities).toBe(sum);
      expect(matrix.totals.applicable).toBe(
        matrix.controls.reduce((n, c) => n + c.applicable, 0),
      );
    });

    it('counts evidence filed at once, through mappings too, and stops counting it when withdrawn', async () => {
      const before = cellOf(
        await matrixOf('framework=SOC2'),
        PLATFORM,
        'SOC2:CC8.1',
      )!;
      const filed = await post('/v1/evidence', {
        entityRef: LEDGER,
        controls: ['SOC2:CC8.1', 'SOC2:A1.1'],
        source: 'pipeline',
        title: 'Release 2026.12.0 passed change review',
        collectedAt: ago(1),
        result: 'satisfied',
      });
      expect(filed.status).toBe(201);

      const after = await matrixOf('framework=SOC2');
      expect(cellOf(after, PLATFORM, 'SOC2:CC8.1')).toEqual({
        ...before,
        fresh: before.fresh + 1,
        missing: before.missing - 1,
      });
      expect(
        after.controls.find(c => c.control === 'SOC2:CC8.1')!.covered,
      ).toBe(1);

      // The group's drill-down says which entity it is
      const row = await get(
        `/v1/matrix/entities?framework=SOC2&groupBy=system&group=${encodeURIComponent(
          PLATFORM,
        )}`,
      );
      expect(row.status).toBe(200);
      const ledger = row.body.entities.find(
        (e: { entityRef: string }) => e.entityRef === LEDGER,
      );
      expect(ledger).toMatchObject({ kind: 'Component', covered: 2 });
      expect(ledger.states['SOC2:CC8.1']).toBe('fresh');
      expect(
        row.body.controls.map((c: { control: string }) => c.control),
      ).toContain('SOC2:CC8.1');

      // ISO 27001 8.6 is equivalent to SOC 2 A1.1: the item counts there too
      const iso = await matrixOf('framework=ISO27001&groupBy=owner');
      expect(cellOf(iso, FINANCE, 'ISO27001:8.6')!.fresh).toBe(1);
      // CC8.1 only intersects with 8.32: it does not
      expect(cellOf(iso, FINANCE, 'ISO27001:8.32')!.fresh).toBe(0);

      const withdrawn = await post(
        `/v1/evidence/${filed.body.item.id}/withdrawals`,
        { reason: 'Filed for the wrong release by mistake' },
      );
      expect(withdrawn.status).toBe(201);
      expect(
        cellOf(await matrixOf('framework=SOC2'), PLATFORM, 'SOC2:CC8.1'),
      ).toEqual(before);
    });

    it('groups by owner, the entities without one last', async () => {
      const matrix = await matrixOf('framework=SOC2&groupBy=owner');
      expect(matrix.groups.map(g => g.group)).toContain(FINANCE);
      expect(
        matrix.groups.every(
          g => g.group.startsWith('group:') || g.group === '',
        ),
      ).toBe(true);
      // A row of entities without an owner, if any, comes last
      expect(matrix.groups.slice(0, -1).some(g => g.group === '')).toBe(false);
    });

    it('defaults to the first framework loaded and names what is wrong in a query', async () => {
      // compliance/frameworks loads by file name: iso27001.yaml first
      const first = await matrixOf('');
      expect(first.framework).toBe('ISO27001');
      const unknown = await get('/v1/matrix?framework=PCI9');
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.message).toBe(
        'framework: expected one of ISO27001, SOC2 (the frameworks compliance.frameworks loads)',
      );
      const grouping = await get('/v1/matrix?groupBy=domain');
      expect(grouping.status).toBe(400);
      expect(grouping.body.error.message).toMatch(/groupBy/);
      const nobody = await get(
        '/v1/matrix/entities?framework=SOC2&group=system%3Adefault%2Fnowhere',
      );
      expect(nobody.status).toBe(200);
      expect(nobody.body.entities).toEqual([]);
    });

    it('lists the loaded frameworks in their order, the matrix’s default first', async () => {
      const res = await get('/v1/frameworks');
      expect(res.status).toBe(200);
      expect(res.body.items.map((f: { id: string }) => f.id)).toEqual([
        'ISO27001',
        'SOC2',
      ]);
      expect(res.body.items[1]).toMatchObject({
        id: 'SOC2',
        title: expect.stringContaining('SOC 2'),
      });
      // Every column of a framework's matrix is one of the controls counted
      const soc2 = await matrixOf('framework=SOC2');
      expect(res.body.items[1].controls).toBeGreaterThanOrEqual(
        soc2.controls.length,
      );
    });

    it('refuses partners and tokens without the read permission, and asks anonymous callers to sign in', async () => {
      for (const path of [
        '/v1/frameworks',
        '/v1/matrix?framework=SOC2',
        `/v1/matrix/entities?group=${encodeURIComponent(PLATFORM)}`,
      ]) {
        for (const caller of [
          'acme',
          'globex',
          'publisher',
          'drPublisher',
        ] as const) {
          const res = await get(path, caller);
          expect(res.status).toBe(403);
          expect(res.body.error).toEqual({
            name: 'NotAllowedError',
            message: 'You may not read compliance records',
          });
        }
        expect((await get(path, 'anonymous')).status).toBe(401);
        expect((await get(path, 'ci')).status).toBe(200);
      }
    });
  },
);
