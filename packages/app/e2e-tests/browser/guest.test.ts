import { expect, test } from '@playwright/test';
import {
  openServiceList,
  screenshot,
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
      await expect(
        page.getByRole('link', { name: service, exact: true }),
      ).toBeVisible();
    }
    await screenshot(page, 'guest-catalog');
  });

  test('opens the ledger entity page and its APIs tab', async ({ page }) => {
    await openServiceList(page);
    await page.getByRole('link', { name: 'ledger', exact: true }).click();
    await expect(page).toHaveURL(/\/catalog\/default\/component\/ledger/);
    await expect(page.getByRole('heading', { name: /ledger/i }).first()).toBeVisible();
    await screenshot(page, 'guest-ledger-overview');

    await page.getByRole('tab', { name: 'APIs' }).click();
    await expect(page).toHaveURL(/\/component\/ledger\/apis/);
    await expect(
      page.getByRole('link', { name: /ledger-api-v1|Ledger API v1/i }).first(),
    ).toBeVisible();
    await expect(
      page.getByRole('link', { name: /ledger-api-v2|Ledger API v2/i }).first(),
    ).toBeVisible();
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
