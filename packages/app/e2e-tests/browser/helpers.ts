import { expect, Page } from '@playwright/test';

export const SERVICES = [
  'api-gateway',
  'documents',
  'ocr',
  'classification',
  'ledger',
  'filings',
  'assistant',
  'webhooks',
  'billing',
];
export const PARTNER_SERVICES = ['documents', 'ledger', 'filings', 'webhooks'];
export const INTERNAL_SERVICES = SERVICES.filter(
  s => !PARTNER_SERVICES.includes(s),
);

const screenshots = `${
  process.env.READINESS_TEST_RESULTS ?? 'test-results'
}/screenshots`;

export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: `${screenshots}/${name}.png`, fullPage: true });
}

/** Signs in through the sign-in page with one of its choices. */
export async function signIn(
  page: Page,
  action: 'Enter as guest' | 'Enter as partner',
) {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.goto('/');
  await page.getByRole('button', { name: action }).click();
  await expect(
    page.getByRole('link', { name: 'Catalog', exact: true }).first(),
  ).toBeVisible();
  await expect(page.getByText(/Error in /)).toHaveCount(0);
}

/** The catalog table's link to a service (rows show the entity title). */
export function serviceLink(page: Page, name: string) {
  return page.locator(`a[href="/catalog/default/component/${name}"]`);
}

/** All Components of type service, whoever owns them. */
export const SERVICE_LIST =
  '/catalog?filters%5Bkind%5D=component&filters%5Btype%5D=service&filters%5Buser%5D=all';

export async function openServiceList(page: Page) {
  await page.goto(SERVICE_LIST);
  // The catalog ingests the sample files shortly after start; wait for them
  await expect(async () => {
    await page.reload();
    await expect(serviceLink(page, 'ledger').first()).toBeVisible({
      timeout: 10_000,
    });
  }).toPass({ timeout: 90_000 });
}
