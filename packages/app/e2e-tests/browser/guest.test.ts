import { expect, test } from '@playwright/test';
import {
  openServiceList,
  screenshot,
  serviceLink,
  SERVICES,
  signIn,
} from './helpers';

test.describe('an internal developer (guest)', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, 'Enter as guest');
  });

  test('sees the catalog with the nine sample services', async ({ page }) => {
    await openServiceList(page);
    for (const service of SERVICES) {
      await expect(serviceLink(page, service).first()).toBeVisible();
    }
    await screenshot(page, 'guest-catalog');
  });

  test('opens the ledger entity page and its APIs tab', async ({ page }) => {
    await openServiceList(page);
    await serviceLink(page, 'ledger').first().click();
    await expect(page).toHaveURL(/\/catalog\/default\/component\/ledger/);
    await expect(
      page.getByRole('heading', { name: /ledger/i }).first(),
    ).toBeVisible();
    await expect(page.getByText('About').first()).toBeVisible();
    await screenshot(page, 'guest-ledger-overview');

    // Entity tabs are links to sub-routes of the entity page
    await page
      .locator('a[href="/catalog/default/component/ledger/apis"]')
      .click();
    await expect(page).toHaveURL(/\/component\/ledger\/apis/);
    for (const api of ['ledger-api-v1', 'ledger-api-v2']) {
      await expect(
        page.locator(`a[href="/catalog/default/api/${api}"]`).first(),
      ).toBeVisible();
    }
    await screenshot(page, 'guest-ledger-apis');
  });

  test('reads the TechDocs of the portal', async ({ page }) => {
    // The first visit builds the site with mkdocs
    await page.goto('/docs/default/system/readiness-portal');
    await expect(
      page.getByRole('heading', { name: /Readiness Portal/ }).first(),
    ).toBeVisible({ timeout: 90_000 });
    await expect(page.getByText('./portal start').first()).toBeVisible();
    await screenshot(page, 'guest-techdocs');
  });
});

test('an internal developer finds internal services through search', async ({
  request,
}) => {
  const refresh = await request.get('/api/auth/guest/refresh', {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  const { backstageIdentity } = await refresh.json();
  await expect(async () => {
    const search = await request.get(
      '/api/search/query?term=ocr&types%5B0%5D=software-catalog',
      { headers: { Authorization: `Bearer ${backstageIdentity.token}` } },
    );
    const body = (await search.json()) as {
      results: Array<{ document: { location: string } }>;
    };
    expect(body.results.map(r => r.document.location)).toContain(
      '/catalog/default/component/ocr',
    );
  }).toPass({ timeout: 60_000 });
});

test('the ledger SLOs are read from the sample catalog', async ({
  request,
}) => {
  const refresh = await request.get('/api/auth/guest/refresh', {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  const { backstageIdentity } = await refresh.json();
  await expect(async () => {
    const response = await request.get(
      '/api/reliability/v1/entities/component/default/ledger/slos',
      { headers: { Authorization: `Bearer ${backstageIdentity.token}` } },
    );
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body.problems).toEqual([]);
    expect(body.slos.map((s: { name: string }) => s.name)).toEqual([
      'ledger-posting-latency',
      'ledger-posting-availability',
    ]);
  }).toPass({ timeout: 60_000 });
});

test('the Reliability tab shows the ledger SLOs and says how to publish runs', async ({
  page,
}) => {
  await signIn(page, 'Enter as guest');
  await openServiceList(page);
  await page.goto('/catalog/default/component/ledger/reliability');
  await expect(page.getByText('Journal entry posting latency')).toBeVisible({
    timeout: 60_000,
  });
  await expect(page.getByText('p95 under 300 ms')).toBeVisible();
  await expect(page.getByText('No perf runs published yet')).toBeVisible();
  await screenshot(page, 'guest-ledger-reliability');
});

test('the ledger drills are read from docs/drills', async ({ request }) => {
  const refresh = await request.get('/api/auth/guest/refresh', {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  const { backstageIdentity } = await refresh.json();
  const response = await request.get(
    '/api/reliability/v1/entities/component/default/ledger/drills',
    { headers: { Authorization: `Bearer ${backstageIdentity.token}` } },
  );
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body.problems).toEqual([]);
  expect(body.drills).toEqual([
    expect.objectContaining({
      disruptionType: 'zone',
      achievedRtoMinutes: 38,
      achievedRpoMinutes: 4,
      rtoMet: true,
      rpoMet: true,
    }),
  ]);
});
