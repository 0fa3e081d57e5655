import { expect, Page, test } from '@playwright/test';
import { readCorpusFile } from '@readiness/test-corpus';
import { openServiceList, screenshot, signIn } from './helpers';

/* app-config.yaml's local tokens: one may publish runs, one DR evidence */
const perfPublisher = { Authorization: 'Bearer local-perf-publisher-token' };
const drPublisher = { Authorization: 'Bearer local-dr-publisher-token' };

type K6Summary = {
  metrics: Record<
    string,
    { thresholds?: unknown; values: Record<string, number> }
  >;
};

/**
 * A real k6 summary without its thresholds (so the run can stand in a
 * baseline), its latency scaled and its error rate raised by the given amounts.
 */
function k6Summary(latencyFactor: number, extraErrorRate: number): K6Summary {
  const document = JSON.parse(
    readCorpusFile('k6', 'qris-payment', 'summary.json').toString('utf8'),
  ) as K6Summary;
  for (const metric of Object.values(document.metrics)) {
    delete metric.thresholds;
  }
  const latency = document.metrics.http_req_duration.values;
  for (const key of Object.keys(latency)) latency[key] *= latencyFactor;
  document.metrics.http_req_failed.values.rate = Math.min(
    1,
    document.metrics.http_req_failed.values.rate + extraErrorRate,
  );
  return document;
}

/** Errors the page logs to the console while the test runs. */
function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', message => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', error => errors.push(error.message));
  return errors;
}

test.describe('the reliability record (guest)', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, 'Enter as guest');
    await openServiceList(page);
  });

  test('the ledger Reliability tab shows the SLOs and the DR timeline, and says how to feed the rest', async ({
    page,
  }) => {
    const errors = consoleErrors(page);
    await page.goto('/catalog/default/component/ledger/reliability');

    const slos = page.getByRole('table', { name: 'Service level objectives' });
    await expect(slos).toBeVisible({ timeout: 60_000 });
    await expect(slos.getByText('Journal entry posting latency')).toBeVisible();
    await expect(slos.getByText('p95 under 300 ms')).toBeVisible();
    // no run yet: no data, and the budget column is there
    await expect(
      page.getByRole('columnheader', { name: 'Error budget left' }),
    ).toBeVisible();

    // docs/drills/2026-10-14.md: zone failover, RTO 38 min, RPO 4 min
    const drills = page.getByRole('table', { name: 'DR drills' });
    await expect(drills).toBeVisible({ timeout: 30_000 });
    const drill = drills.getByRole('row', { name: /zone/ });
    await expect(drill).toContainText('38 min / 60 min');
    await expect(drill).toContainText('4 min / 15 min');
    await expect(drill).toContainText('passed');
    await expect(drill.getByText('met')).toHaveCount(2);
    const chart = page.getByRole('group', {
      name: 'Achieved RTO and RPO per drill',
    });
    await expect(chart.locator('.recharts-bar-rectangle')).toHaveCount(2);
    await expect(chart.getByText('RTO target 60 min (zone)')).toBeVisible();
    await expect(
      page.getByText(/Drill overdue by \d+ days?|Next drill due/).first(),
    ).toBeVisible();

    // nothing published for the ledger in this backend yet
    await expect(page.getByText('No perf runs published yet')).toBeVisible();
    await expect(
      page.getByText(/POST \/api\/reliability\/v1\/runs/).first(),
    ).toBeVisible();
    await expect(page.getByText('No backup verifications yet')).toBeVisible();
    await expect(
      page.getByText(/POST \/api\/reliability\/v1\/backups/),
    ).toBeVisible();
    await expect(
      page.getByRole('link', { name: 'How to push verifications' }),
    ).toHaveAttribute(
      'href',
      '/docs/default/system/readiness-portal/reliability/dr-evidence/#pushing-a-backup-verification',
    );
    await expect(page.getByText('No release gate decisions yet')).toBeVisible();

    await expect(page.getByText(/Error in /)).toHaveCount(0);
    await screenshot(page, 'guest-ledger-reliability-record');
    expect(errors).toEqual([]);
  });

  test('the ledger overview sums up the record and links to the tab', async ({
    page,
  }) => {
    const errors = consoleErrors(page);
    await page.goto('/catalog/default/component/ledger');
    const summary = page.getByRole('list', { name: 'Reliability summary' });
    await expect(summary).toBeVisible({ timeout: 60_000 });
    await expect(summary).toContainText('SLOs');
    await expect(summary).toContainText('Release gate');
    await expect(summary).toContainText('DR drills');
    await expect(summary).toContainText('Backups');
    await expect(summary).toContainText('No verification pushed yet');
    await screenshot(page, 'guest-ledger-reliability-summary');

    await page
      .getByRole('link', { name: /Open the reliability record/ })
      .click();
    await expect(page).toHaveURL(
      /\/catalog\/default\/component\/ledger\/reliability/,
    );
    await expect(
      page.getByRole('table', { name: 'Service level objectives' }),
    ).toBeVisible({ timeout: 60_000 });
    expect(errors).toEqual([]);
  });

  test('runs and a backup check published for billing show on its Reliability tab', async ({
    page,
    request,
  }) => {
    const errors = consoleErrors(page);
    // billing is internal and no other browser test reads its record
    const runs = [
      { release: '2026.11.1', day: '20', results: k6Summary(1, 0) },
      { release: '2026.11.2', day: '21', results: k6Summary(1.5, 0.05) },
    ];
    for (const run of runs) {
      const published = await request.post('/api/reliability/v1/runs', {
        headers: perfPublisher,
        data: {
          run: {
            entityRef: 'component:default/billing',
            scenario: 'billing-subscribe',
            environment: 'staging',
            release: run.release,
            startedAt: `2026-11-${run.day}T10:00:00Z`,
            finishedAt: `2026-11-${run.day}T10:05:00Z`,
            k6ExitCode: 0,
            idempotencyKey: `e2e-reliability-tab-${run.release}`,
          },
          results: run.results,
        },
      });
      expect([200, 201]).toContain(published.status());
    }
    const backup = await request.post('/api/reliability/v1/backups', {
      headers: drPublisher,
      data: {
        idempotencyKey: 'e2e-reliability-tab-base',
        entityRef: 'component:default/billing',
        artifact: 'base/e2e',
        kind: 'base-backup',
        sizeBytes: 7340032000,
        takenAt: new Date(Date.now() - 3_600_000).toISOString(),
        verifiedAt: new Date().toISOString(),
        checksumVerified: true,
        restoreTested: true,
        restoreSucceeded: true,
        restoreSeconds: 840,
      },
    });
    expect([200, 201]).toContain(backup.status());

    await page.goto('/catalog/default/component/billing/reliability');
    const chart = page.getByRole('group', { name: 'Perf trend chart' });
    await expect(chart).toBeVisible({ timeout: 60_000 });
    const points = chart.getByRole('button', {
      name: /^p95 latency of the run/,
    });
    await expect(points).toHaveCount(2);
    await expect(chart.getByText('baseline p95')).toBeVisible();

    // the newer run, against the older one as its baseline
    await points.nth(1).click();
    await expect(points.nth(1)).toHaveAttribute('aria-pressed', 'true');
    const findings = page.getByRole('table', { name: 'Regression findings' });
    await expect(findings).toBeVisible();
    await expect(page.getByText('regressed', { exact: true })).toBeVisible();

    const boxes = page.getByRole('checkbox', { name: /^Compare the run/ });
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    const comparison = page.getByRole('table', { name: 'Run comparison' });
    const p95 = comparison
      .getByRole('row')
      .filter({ hasText: 'http_req_duration' })
      .filter({ hasText: 'p(95)' })
      .first();
    await expect(p95).toContainText('+50.0 %');
    await expect(p95.getByRole('img', { name: 'worse' })).toHaveCount(1);

    const backups = page.getByRole('table', { name: 'Backup verification' });
    const base = backups.getByRole('row').filter({ hasText: 'base-backup' });
    await expect(base).toContainText('verified');
    await expect(base).toContainText('6.8 GiB');
    await expect(base).toContainText('succeeded in 14 min');

    await screenshot(page, 'guest-billing-reliability-data');
    expect(errors).toEqual([]);
  });

  test('Systems have the Reliability tab too', async ({ page }) => {
    await page.goto('/catalog/default/system/filing-platform/reliability');
    await expect(page.getByText('No SLOs for this entity yet')).toBeVisible({
      timeout: 60_000,
    });
    await expect(page.getByText('No perf runs published yet')).toBeVisible();
    await expect(
      page.getByText('No DR drills recorded for this entity'),
    ).toBeVisible();
    await expect(
      page.getByText(/system:default\/filing-platform under entities/),
    ).toBeVisible();
    await screenshot(page, 'guest-system-reliability');
  });
});
