import fs from 'node:fs';
import {
  ControlIndex,
  gdprFindings,
  isSampleKey,
  loadFrameworks,
  parseControlRef,
  readProcessingRecord,
} from '@readiness/plugin-compliance-common';
import { addDays, dayOf } from '@readiness/sample-data';
import { repositoryPath } from '@readiness/test-corpus';
import {
  ANCHOR,
  EVIDENCE_PLANS,
  HISTORY_DAYS,
  originOfAnchorKey,
  sampleComplianceHistory,
  sampleEntityRefs,
  sampleKey,
} from './sampleHistory';

const NOW = new Date('2026-12-05T18:00:00Z');
const TODAY = dayOf(NOW);

function repositoryControls(): ControlIndex {
  const folder = repositoryPath('compliance', 'frameworks');
  const { frameworks, problems } = loadFrameworks(
    fs
      .readdirSync(folder)
      .filter(name => name.endsWith('.yaml'))
      .sort()
      .map(name => ({
        path: `compliance/frameworks/${name}`,
        content: fs.readFileSync(`${folder}/${name}`, 'utf8'),
      })),
  );
  expect(problems).toEqual([]);
  return new ControlIndex(frameworks);
}

describe('sampleComplianceHistory', () => {
  const history = sampleComplianceHistory({ origin: TODAY, now: NOW });

  it('is the same history however often it is made', () => {
    expect(sampleComplianceHistory({ origin: TODAY, now: NOW })).toEqual(
      history,
    );
  });

  it('is a year of a few hundred items, every one collected by now', () => {
    expect(history.length).toBeGreaterThan(250);
    expect(history.length).toBeLessThan(500);
    const first = addDays(TODAY, -HISTORY_DAYS);
    for (const { filing } of history) {
      expect(filing.collectedAt <= NOW.toISOString()).toBe(true);
      expect(filing.collectedAt.slice(0, 10) >= first).toBe(true);
    }
    expect(history.some(i => i.filing.collectedAt < addDays(TODAY, -300))).toBe(
      true,
    );
    // Oldest first, so the newest result of a control is filed last
    const times = history.map(i => i.filing.collectedAt);
    expect([...times].sort()).toEqual(times);
  });

  it('files nothing later than now, early on a day too', () => {
    const early = new Date(`${TODAY}T00:30:00Z`);
    let laterToday = 0;
    // Histories begun on each of the last four weeks' days: some file today
    for (let days = 0; days < 28; days++) {
      const origin = addDays(TODAY, -days);
      const night = sampleComplianceHistory({ origin, now: early });
      expect(
        night.every(i => i.filing.collectedAt <= early.toISOString()),
      ).toBe(true);
      expect(night.some(i => i.filing.collectedAt.startsWith(TODAY))).toBe(
        false,
      );
      laterToday += sampleComplianceHistory({ origin, now: NOW }).filter(i =>
        i.filing.collectedAt.startsWith(TODAY),
      ).length;
    }
    expect(laterToday).toBeGreaterThan(0);
  });

  it('files what the services accept: known controls, manual, pipeline and external items, marked as sample data', () => {
    const controls = repositoryControls();
    for (const { filing } of history) {
      for (const control of filing.controls) {
        const ref = parseControlRef(control);
        expect(ref).toBeDefined();
        expect(controls.problemOf(ref!)).toBeUndefined();
      }
      expect(isSampleKey(filing.idempotencyKey)).toBe(true);
      expect(filing.idempotencyKey).toMatch(/^[A-Za-z0-9._:/@+-]{1,200}$/);
      expect(filing.title.length).toBeLessThanOrEqual(200);
      expect(filing.link).toMatch(/^https:\/\//);
      expect(filing.description).toContain('docs/operations/sample-data.md');
    }
    const keys = history.map(i => i.filing.idempotencyKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(history.map(i => i.filing.source))).toEqual(
      new Set(['manual', 'pipeline', 'external']),
    );
  });

  it('has three failing results that are newest, one failure fixed since and two withdrawals with a reason', () => {
    const newest = new Map<string, (typeof history)[number]>();
    for (const item of history) {
      const key = item.filing.idempotencyKey.replace(/\/[^/]+$/, '');
      newest.set(key, item);
    }
    const failingNow = [...newest.values()]
      .filter(i => i.filing.result === 'not-satisfied')
      .map(i => i.filing.idempotencyKey.replace(/\/[^/]+$/, ''))
      .sort();
    expect(failingNow).toEqual([
      'sample:dependency-scan/documents',
      'sample:monitoring-review/classification',
      'sample:static-analysis/ledger',
    ]);
    const webhooks = history.filter(i =>
      i.filing.idempotencyKey.startsWith('sample:dependency-scan/webhooks/'),
    );
    expect(webhooks.map(i => i.filing.result).slice(-2)).toEqual([
      'not-satisfied',
      'satisfied',
    ]);
    const withdrawn = history.filter(i => i.withdrawal);
    expect(
      withdrawn.map(i => [i.filing.entityRef, i.filing.title]).sort(),
    ).toEqual([
      ['component:default/billing', 'Payment service provider DPA'],
      [
        'system:default/filing-platform',
        'Background checks of new joiners, second half-year',
      ],
    ]);
    for (const { withdrawal } of withdrawn) {
      expect(withdrawal!.reason.length).toBeGreaterThanOrEqual(10);
    }
  });

  it('resolves the DPA findings of the processors whose DPAs it files, not the others', () => {
    const open: string[] = [];
    for (const service of [
      'assistant',
      'billing',
      'documents',
      'ledger',
      'ocr',
    ]) {
      const file = `services/${service}/gdpr.yaml`;
      const { record } = readProcessingRecord({
        path: file,
        content: fs.readFileSync(repositoryPath(file), 'utf8'),
      });
      const evidence = history
        .filter(i => i.filing.entityRef === `component:default/${service}`)
        .map(i => ({
          controls: i.filing.controls,
          title: i.filing.title,
          result: i.filing.result,
          // Filed without expiresAt: P6.4 holds for the framework's 365 days
          expiresAt: `${addDays(
            i.filing.collectedAt.slice(0, 10),
            365,
          )}T23:59:59Z`,
          ...(i.withdrawal && { withdrawal: i.withdrawal }),
        }));
      const findings = gdprFindings(record!, {
        maxRetention: { years: 11 },
        dpaControl: 'SOC2:P6.4',
        evidence,
        now: NOW,
      });
      open.push(
        ...findings
          .filter(f => f.kind === 'processor-without-dpa')
          .map(f => `${service}: ${f.subject}`),
      );
    }
    expect(open).toEqual([
      'assistant: Language model provider (EU region)',
      'billing: Payment service provider',
    ]);
  });

  it('gives a day the same items on every later day, and adds the new ones', () => {
    const later = sampleComplianceHistory({
      origin: TODAY,
      now: new Date(NOW.getTime() + 30 * 86_400_000),
    });
    const byKey = new Map(later.map(i => [i.filing.idempotencyKey, i]));
    for (const item of history) {
      expect(byKey.get(item.filing.idempotencyKey)).toEqual(item);
    }
    expect(later.length).toBeGreaterThan(history.length);
  });

  it('dates a history by its anchor item', () => {
    const anchor = history.find(i =>
      i.filing.idempotencyKey.startsWith(
        sampleKey(ANCHOR.plan, ANCHOR.entityRef, ''),
      ),
    );
    expect(originOfAnchorKey(anchor!.filing.idempotencyKey)).toBe(TODAY);
    expect(originOfAnchorKey('sample:access-review/ledger/2026-10-01')).toBe(
      undefined,
    );
    expect(originOfAnchorKey(undefined)).toBe(undefined);
  });

  it('names the sample platform’s entities', () => {
    expect(sampleEntityRefs()).toEqual([
      'component:default/api-gateway',
      'component:default/assistant',
      'component:default/billing',
      'component:default/classification',
      'component:default/documents',
      'component:default/filings',
      'component:default/ledger',
      'component:default/ocr',
      'component:default/webhooks',
      'resource:default/document-store',
      'resource:default/event-bus',
      'resource:default/filing-db',
      'system:default/filing-platform',
    ]);
    expect(EVIDENCE_PLANS.every(p => p.entities.length > 0)).toBe(true);
  });
});
