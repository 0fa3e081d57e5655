import { mockCredentials } from '@backstage/backend-test-utils';
import {
  EvidenceItem,
  EvidenceReach,
  Framework,
} from '@readiness/plugin-compliance-common';
import { entityScopeOf } from '@readiness/backend-http-utils';
import { parseCsvObjects } from '../__testUtils__/csv';
import { oscalErrors } from '../__testUtils__/oscal';
import { EvidencePosition } from '../database/DatabaseEvidenceStore';
import { IndexedEntity } from '../service/ComplianceIndex';
import { ExportIndex, ScopedExportService } from './ExportService';

const LEDGER = 'component:default/ledger';
const OCR = 'component:default/ocr';

const framework: Framework = {
  id: 'SOC2',
  title: 'SOC 2',
  file: 'soc2.yaml',
  origin: 'framework-file',
  groups: [],
  controls: [
    {
      id: 'CC8.1',
      title: 'Change management',
      validity: { days: 90 },
      tags: [],
    },
  ],
  withdrawn: [],
};

const entity = (ref: string): IndexedEntity => ({
  ref,
  kind: 'Component',
  type: 'service',
  title: ref,
  system: 'system:default/filing-platform',
  owner: 'group:default/team-finance',
  controls: [
    {
      id: 'SOC2:CC8.1',
      control: { framework: 'SOC2', control: 'CC8.1' },
      rules: ['production-services'],
      state: 'missing',
    },
  ],
});

const index: ExportIndex = {
  entityStates: async () => ({
    asOf: '2026-12-06T00:00:00.000Z',
    entities: [entity(LEDGER), entity(OCR)],
  }),
  catalogTitle: async () => 'filing-platform',
  framework: () => framework,
  entityRefs: async () => [LEDGER, OCR],
};

/** The n-th of a store's items: by entity, then collection time. */
function itemAt(n: number, total: number): EvidenceItem {
  const entityRef = n < total / 2 ? LEDGER : OCR;
  const at = new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString();
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    entityRef,
    controls: ['SOC2:CC8.1'],
    source: 'pipeline',
    title: `Run ${n}, "checked"`,
    collectedAt: at,
    expiresAt: '2027-01-01T00:00:00.000Z',
    result: 'satisfied',
    filedBy: 'service:ci',
    filedAt: at,
    ...(n % 3 === 0 && {
      withdrawal: {
        id: 'w',
        evidenceId: 'x',
        reason: 'Counted twice',
        withdrawnBy: 'user:default/ana',
        withdrawnAt: at,
      },
    }),
  };
}

/**
 * A store of `total` items made as they are asked for: it keeps nothing and
 * counts how many items it has handed out.
 */
function generatedStore(total: number) {
  const store = {
    handedOut: 0,
    pages: 0,
    async evidencePage(request: {
      after?: EvidencePosition;
      entityRefs?: readonly string[];
      limit: number;
    }): Promise<EvidenceItem[]> {
      const from = request.after ? Number(request.after.id.slice(-12)) + 1 : 0;
      const items: EvidenceItem[] = [];
      for (let n = from; n < Math.min(total, from + request.limit); n++) {
        const item = itemAt(n, total);
        if (
          !request.entityRefs ||
          request.entityRefs.includes(item.entityRef)
        ) {
          items.push(item);
        }
      }
      store.handedOut += items.length;
      store.pages += 1;
      return items;
    },
  };
  return store;
}

const model = {
  frameworks: [framework],
  reach: EvidenceReach.fromMappings([]),
};

/** Everything but the store: these tests name no system. */
const sources = {
  index,
  model,
  catalog: { getEntityByRef: async () => undefined },
  auth: { getOwnServiceCredentials: async () => mockCredentials.service() },
};

describe('ScopedExportService', () => {
  it('streams the observations of 100,000 items holding one page of them at a time', async () => {
    const total = 100_000;
    const pageSize = 500;
    const store = generatedStore(total);
    const service = new ScopedExportService({ ...sources, store, pageSize });
    const document = await service.assessmentResults(
      { framework: 'SOC2' },
      { all: true },
    );
    // Nothing is read before the document is
    expect(store.pages).toBe(0);
    // Of the first n items every third is withdrawn and not written
    const toWrite = (n: number) => n - Math.ceil(n / 3);
    let written = 0;
    let largestGap = 0;
    for await (const chunk of document.chunks) {
      written += chunk.split('"methods":').length - 1;
      largestGap = Math.max(largestGap, toWrite(store.handedOut) - written);
    }
    // Withdrawn items (every third) are read but not written
    expect(written).toBe(total - Math.ceil(total / 3));
    expect(store.handedOut).toBe(total);
    // Items handed out but not yet written never exceed one page
    expect(largestGap).toBeLessThanOrEqual(toWrite(pageSize));
    expect(store.pages).toBe(total / pageSize + 1);
    expect(document.written()).toEqual({
      observations: written,
      findings: 2,
    });
  });

  it('writes a valid document across page boundaries', async () => {
    const service = new ScopedExportService({
      store: generatedStore(1234),
      ...sources,
      pageSize: 100,
    });
    const document = await service.assessmentResults(
      { framework: 'SOC2' },
      { all: true },
    );
    let text = '';
    for await (const chunk of document.chunks) text += chunk;
    const parsed = JSON.parse(text);
    expect(oscalErrors('assessment-results', parsed)).toEqual([]);
    const [result] = parsed['assessment-results'].results;
    expect(result.observations).toHaveLength(1234 - Math.ceil(1234 / 3));
    expect(result.start).toBe('2026-01-01T00:00:01.000Z');
  });

  it('streams the evidence CSV a page at a time, withdrawn items included, of the entities in scope only', async () => {
    const total = 100_000;
    const store = generatedStore(total);
    const service = new ScopedExportService({
      store,
      ...sources,
      pageSize: 1000,
    });
    const document = await service.evidenceCsv({}, { all: true });
    let records = 0;
    let largestGap = 0;
    for await (const chunk of document.chunks) {
      // Every record is one item; titles hold no line breaks here
      records += chunk.split('\r\n').length - 1;
      largestGap = Math.max(largestGap, store.handedOut - (records - 1));
    }
    expect(records - 1).toBe(total);
    expect(largestGap).toBeLessThanOrEqual(1000);

    const limited = new ScopedExportService({
      store: generatedStore(40),
      ...sources,
    });
    let text = '';
    for await (const chunk of (
      await limited.evidenceCsv({}, entityScopeOf([OCR]))
    ).chunks) {
      text += chunk;
    }
    const rows = parseCsvObjects(text);
    expect(rows).toHaveLength(20);
    expect(rows.every(r => r.entity_ref === OCR)).toBe(true);
    expect(rows[0].title).toBe('Run 20, "checked"');
    expect(rows.find(r => r.withdrawal_reason)?.withdrawal_reason).toBe(
      'Counted twice',
    );
  });
});
