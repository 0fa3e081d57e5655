import { expect, test } from '@playwright/test';
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
