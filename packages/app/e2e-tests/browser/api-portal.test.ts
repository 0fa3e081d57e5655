import { expect, Page, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { screenshot, signIn } from './helpers';

/*
 * The API Portal tab of services/ledger's APIs: ledger-api-v1 (1.4.2) and
 * ledger-api-v2 (2.0.0), one family by the readiness.dev/api-family annotation.
 */
test.describe('the API Portal tab (guest)', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, 'Enter as guest');
  });

  test('switches ledger-api from v2 to v1, shows the breaking change and downloads the TypeScript SDK', async ({
    page,
  }) => {
    // The backend collects the APIs and builds SDKs after its start.
    test.setTimeout(300_000);
    await expect(async () => {
      await page.goto('/catalog/default/api/ledger-api-v2/api-portal');
      await expect(
        page.getByRole('button', { name: 'Version', exact: true }),
      ).toBeVisible({
        timeout: 10_000,
      });
    }).toPass({ timeout: 120_000 });

    await page.getByRole('button', { name: 'Version', exact: true }).click();
    await page.getByRole('option', { name: '1.4.2' }).click();
    await expect(page).toHaveURL(
      /\/catalog\/default\/api\/ledger-api-v1\/api-portal$/,
    );

    const entry = page
      .getByTestId(/^changelog-/)
      .filter({ hasText: '1.4.2 → 2.0.0' });
    await expect(entry.first()).toBeVisible({ timeout: 30_000 });
    await expect(
      entry.first().getByText('Breaking', { exact: true }),
    ).toBeVisible();
    await entry.first().getByText('1.4.2 → 2.0.0').click();

    const download = page.getByRole('button', {
      name: 'Download TypeScript SDK',
    });
    await expect(async () => {
      await page.reload();
      await expect(download).toBeEnabled({ timeout: 10_000 });
    }).toPass({ timeout: 150_000 });
    await screenshot(page, 'api-portal-ledger-v1');

    const [file] = await Promise.all([
      page.waitForEvent('download'),
      download.click(),
    ]);
    expect(file.suggestedFilename()).toMatch(/typescript\.tar\.gz$/);
    const bytes = await readFile((await file.path())!);
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
    // A tar header says "ustar" at offset 257.
    const tar = gunzipSync(bytes);
    expect(tar.subarray(257, 262).toString('ascii')).toBe('ustar');
  });
});

/** The partner-facing families of the sample catalog, and the internal ones. */
const PARTNER_FAMILIES = [
  'documents-api',
  'filings-api',
  'ledger-api',
  'webhooks-api',
];
const INTERNAL_FAMILIES = [
  'api-gateway-api',
  'assistant-api',
  'billing-api',
  'classification-api',
  'ocr-api',
];

/** The readiness table's row of a family, by its link. */
function familyRow(page: Page, family: string) {
  return page.locator('tr').filter({
    has: page.getByRole('link', { name: family, exact: true }),
  });
}

/** Opens the readiness page once the backend has collected the families. */
async function openReadinessPage(page: Page, family: string) {
  await expect(async () => {
    await page.goto('/api-readiness');
    await expect(familyRow(page, family)).toBeVisible({ timeout: 10_000 });
  }).toPass({ timeout: 120_000 });
}

test.describe('the API portal beyond the tab (guest)', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, 'Enter as guest');
  });

  test('the ledger overview lists its provided APIs with their versions', async ({
    page,
  }) => {
    const v2 = page.getByTestId('provided-api-ledger-api-v2');
    await expect(async () => {
      await page.goto('/catalog/default/component/ledger');
      await expect(v2.getByText('Version 2.0.0')).toBeVisible({
        timeout: 10_000,
      });
    }).toPass({ timeout: 120_000 });
    await expect(v2.getByText('latest', { exact: true })).toBeVisible();
    const v1 = page.getByTestId('provided-api-ledger-api-v1');
    await expect(v1.getByText('Version 1.4.2')).toBeVisible();
    await expect(v1.getByText('not latest (2.0.0)')).toBeVisible();
    await expect(v1.getByText(/breaking change.* in 30 days/)).toBeVisible();
    await screenshot(page, 'api-portal-provided-apis-card');

    // The link reads the definition's title; its target is the API Portal tab.
    await v2
      .locator('a[href="/catalog/default/api/ledger-api-v2/api-portal"]')
      .click();
    await expect(page).toHaveURL(
      /\/catalog\/default\/api\/ledger-api-v2\/api-portal$/,
    );
  });

  test('the APIs readiness page lists ledger-api with its breaking change, sorts and filters', async ({
    page,
  }) => {
    await page.goto('/');
    await page.getByRole('link', { name: 'APIs readiness' }).first().click();
    await expect(page).toHaveURL(/\/api-readiness$/);
    await openReadinessPage(page, 'ledger-api');

    const ledger = familyRow(page, 'ledger-api');
    await expect(ledger.getByText('2.0.0', { exact: true })).toBeVisible();
    await expect(ledger.getByText(/^\d+ breaking changes?$/)).toBeVisible();
    await expect(ledger.getByText('partner-facing')).toBeVisible();
    await expect(
      page.getByRole('link', { name: /^RSS/ }).first(),
    ).toHaveAttribute('href', /\/api\/api-portal\/v1\/feeds\/all\.rss$/);
    await screenshot(page, 'api-portal-readiness');

    // Most breaking changes first: ledger-api leads.
    const breaking = page.getByRole('button', {
      name: 'Breaking (30 days)',
      exact: true,
    });
    await breaking.click();
    await breaking.click();
    const firstRow = page.locator('tbody tr').first();
    await expect(firstRow.getByText(/breaking changes?$/)).toBeVisible();

    await page.getByLabel('Breaking in 30 days only').check();
    await expect(ledger).toBeVisible();
    await expect(familyRow(page, 'ocr-api')).toHaveCount(0);
    await page.getByLabel('Breaking in 30 days only').uncheck();
    await expect(familyRow(page, 'ocr-api')).toBeVisible();

    await page.getByLabel('Search by name').fill('ledger');
    await expect(ledger).toBeVisible();
    await expect(familyRow(page, 'billing-api')).toHaveCount(0);
    await page.getByLabel('Search by name').fill('');

    await page.getByRole('button', { name: /^Audience / }).click();
    await page.getByRole('option', { name: 'Internal' }).click();
    await expect(familyRow(page, 'ocr-api')).toBeVisible();
    await expect(ledger).toHaveCount(0);
    await screenshot(page, 'api-portal-readiness-internal');
  });
});

test.describe('the API portal for a partner developer', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, 'Enter as partner');
  });

  test('reads a partner-facing API and not an internal one', async ({
    page,
  }) => {
    await expect(async () => {
      await page.goto('/catalog/default/api/ledger-api-v2/api-portal');
      await expect(
        page.getByRole('button', { name: 'Version', exact: true }),
      ).toBeVisible({ timeout: 10_000 });
    }).toPass({ timeout: 120_000 });
    await expect(page.getByText('ledger-api').first()).toBeVisible();
    await screenshot(page, 'api-portal-partner-ledger');

    await page.goto('/catalog/default/api/ocr-api/api-portal');
    await expect(
      page.getByText(/Entity not found|was not found|is internal/i).first(),
    ).toBeVisible();
    await expect(
      page.getByRole('button', { name: 'Version', exact: true }),
    ).toHaveCount(0);
    await screenshot(page, 'api-portal-partner-internal-api');
  });

  test('sees only partner-facing families on the readiness page', async ({
    page,
  }) => {
    await openReadinessPage(page, 'ledger-api');
    for (const family of PARTNER_FAMILIES) {
      await expect(familyRow(page, family)).toBeVisible();
    }
    for (const family of INTERNAL_FAMILIES) {
      await expect(familyRow(page, family)).toHaveCount(0);
    }
    await expect(page.locator('tbody').getByText('internal')).toHaveCount(0);
    await screenshot(page, 'api-portal-partner-readiness');
  });
});
