import { expect, test } from '@playwright/test';
import {
  INTERNAL_SERVICES,
  openServiceList,
  PARTNER_SERVICES,
  screenshot,
  serviceLink,
  signIn,
} from './helpers';

test.describe('a partner developer (partner guest, Acme)', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, 'Enter as partner');
  });

  test('sees only the services published to partners', async ({ page }) => {
    await openServiceList(page);
    for (const service of PARTNER_SERVICES) {
      await expect(serviceLink(page, service).first()).toBeVisible();
    }
    for (const service of INTERNAL_SERVICES) {
      await expect(serviceLink(page, service)).toHaveCount(0);
    }
    await screenshot(page, 'partner-catalog');
  });

  test('gets "not found" for the URL of an internal service', async ({
    page,
  }) => {
    await openServiceList(page);
    for (const service of INTERNAL_SERVICES) {
      await page.goto(`/catalog/default/component/${service}`);
      await expect(
        page.getByText(/Entity not found|was not found/i).first(),
      ).toBeVisible();
    }
    await screenshot(page, 'partner-internal-service-not-found');

    await page.goto('/catalog/default/component/ledger');
    await expect(
      page.getByRole('heading', { name: /ledger/i }).first(),
    ).toBeVisible();
    await screenshot(page, 'partner-ledger');
  });

  test('is filtered by the backend: list, get by name and search', async ({
    page,
  }) => {
    const refresh = await page.request.get('/api/auth/partner-guest/refresh', {
      headers: { 'X-Requested-With': 'XMLHttpRequest' },
    });
    expect(refresh.ok()).toBe(true);
    const { backstageIdentity } = await refresh.json();
    expect(backstageIdentity.identity.userEntityRef).toBe(
      'user:default/maria.lopez',
    );
    const headers = { Authorization: `Bearer ${backstageIdentity.token}` };

    const ocr = await page.request.get(
      '/api/catalog/entities/by-name/component/default/ocr',
      { headers },
    );
    expect(ocr.status()).toBe(404);
    const ledger = await page.request.get(
      '/api/catalog/entities/by-name/component/default/ledger',
      { headers },
    );
    expect(ledger.status()).toBe(200);

    const list = await page.request.get(
      '/api/catalog/entities?filter=kind=component',
      { headers },
    );
    const names = ((await list.json()) as Array<{ metadata: { name: string } }>)
      .map(e => e.metadata.name)
      .sort();
    expect(names).toEqual([...PARTNER_SERVICES].sort());

    // Search results are filtered by the same decision: "ocr" matches the
    // internal OCR service and API, and the partner-facing documents service
    let locations: string[] = [];
    await expect(async () => {
      const search = await page.request.get(
        '/api/search/query?term=ocr&types%5B0%5D=software-catalog',
        { headers },
      );
      expect(search.status()).toBe(200);
      const body = (await search.json()) as {
        results: Array<{ document: { location: string } }>;
      };
      locations = body.results.map(r => r.document.location);
      expect(locations.length).toBeGreaterThan(0);
    }).toPass({ timeout: 60_000 });
    expect(locations).toContain('/catalog/default/component/documents');
    for (const location of locations) {
      expect(location).not.toMatch(/\/(ocr|ocr-api|classification)$/);
    }

    const anonymous = await page.request.get(
      '/api/catalog/entities?filter=kind=component',
    );
    expect(anonymous.status()).toBe(401);
  });

  test('sees that the ledger reliability record is internal', async ({
    page,
  }) => {
    await openServiceList(page);
    await page.goto('/catalog/default/component/ledger/reliability');
    await expect(
      page.getByText('This reliability record is internal'),
    ).toBeVisible({ timeout: 60_000 });
    await screenshot(page, 'partner-ledger-reliability');
  });
});
