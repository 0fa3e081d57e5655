import { expect, Page, test } from '@playwright/test';
import { openServiceList, screenshot, signIn } from './helpers';

/*
 * The compliance framework matrix page over the sample catalog: the
 * filing-platform system (ledger, webhooks and the other partner-facing
 * services) has SOC 2 and ISO 27001 controls in scope through
 * compliance/applicability.yaml, and partners are shown neither the page nor
 * its nav item.
 */

/** Errors the page logs to the console while the test runs. */
function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', message => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', error => errors.push(error.message));
  return errors;
}

/** The heat map (the drill-down has a table of its own, named). */
function heatMap(page: Page) {
  return page.locator('table:not([aria-label])').first();
}

async function chooseFramework(page: Page, option: RegExp) {
  await page.getByRole('button', { name: /^Framework/ }).click();
  await page.getByRole('option', { name: option }).click();
}

test.describe('the compliance matrix (guest)', () => {
  test('shows a framework’s controls across systems and owners, and drills into a row down to an entity’s Compliance tab', async ({
    page,
  }) => {
    test.setTimeout(300_000);
    await signIn(page, 'Enter as guest');
    await openServiceList(page);
    const errors = consoleErrors(page);

    // the sidebar leads to the page
    await page.getByRole('link', { name: 'Compliance', exact: true }).click();
    await expect(page).toHaveURL(/\/compliance$/);

    await screenshot(page, 'guest-compliance-matrix-first');

    // SOC 2 across the systems of the sample catalog. The compliance backend
    // reads the catalog at most once a minute: right after start it may not
    // have the sample entities yet, and the page says so until it has.
    await chooseFramework(page, /\(SOC2\)$/);
    await expect(page).toHaveURL(/\/compliance\?framework=SOC2$/);
    const totals = page.getByTestId('compliance-matrix-totals');
    await expect(async () => {
      await page.reload();
      await expect(totals).toContainText(/\d+ entities/, { timeout: 5_000 });
    }).toPass({ timeout: 150_000, intervals: [10_000] });
    await expect(totals).toContainText(/\d+% covered/);
    await expect(totals).toContainText('states as of');
    const table = heatMap(page);
    await expect(
      table.getByRole('columnheader', { name: 'CC8.1', exact: true }),
    ).toHaveAttribute('title', /^SOC2:CC8\.1 .*% covered$/);
    const platform = table.getByRole('button', {
      name: 'filing-platform',
      exact: true,
    });
    await expect(platform).toBeVisible();
    await expect(
      table.locator('tr', {
        has: page.getByRole('button', { name: 'filing-platform', exact: true }),
      }),
    ).toContainText(/\d+ entities · \d+% covered/);
    await expect(
      table.locator('td[title*=" · SOC2:CC8.1: "]').first(),
    ).toHaveAttribute(
      'title',
      /: \d+ (failing|expired|missing|expiring|fresh|not applicable)/,
    );
    await screenshot(page, 'guest-compliance-matrix-soc2-by-system');

    // ISO 27001, then by owner
    await chooseFramework(page, /\(ISO27001\)$/);
    await expect(
      table.getByRole('columnheader', { name: '8.13', exact: true }),
    ).toBeVisible({ timeout: 30_000 });
    await page.getByRole('button', { name: 'By owner' }).click();
    await expect(page).toHaveURL(/framework=ISO27001&groupBy=owner$/);
    const finance = table.getByRole('button', {
      name: 'team-finance',
      exact: true,
    });
    await expect(finance).toBeVisible({ timeout: 30_000 });
    await expect(
      table.getByRole('button', { name: 'filing-platform', exact: true }),
    ).toHaveCount(0);
    await screenshot(page, 'guest-compliance-matrix-iso27001-by-owner');

    // the filter narrows the rows to one owner
    await page
      .getByRole('textbox', { name: 'Filter owners and controls' })
      .fill('team-finance');
    await expect(table.getByRole('rowheader')).toHaveCount(1);
    await page
      .getByRole('textbox', { name: 'Filter owners and controls' })
      .fill('');

    // the drill-down of team-finance: its entities × the controls
    await finance.click();
    const dialog = page.getByRole('dialog', {
      name: /^team-finance · ISO\/IEC 27001/,
    });
    await expect(dialog).toBeVisible();
    const ledger = dialog.getByRole('link', { name: 'Ledger', exact: true });
    await expect(ledger).toBeVisible({ timeout: 30_000 });
    await expect(ledger).toHaveAttribute(
      'href',
      '/catalog/default/component/ledger/compliance',
    );
    await expect(
      dialog.getByRole('table', { name: 'Entities of the row' }),
    ).toContainText(/missing|fresh|expiring|expired|failing/);
    await screenshot(page, 'guest-compliance-matrix-drill-down');

    // the entity's Compliance tab
    await ledger.click();
    await expect(page).toHaveURL(
      /\/catalog\/default\/component\/ledger\/compliance$/,
    );
    await expect(
      page.getByRole('table', { name: /^ISO\/IEC 27001.* controls$/ }),
    ).toBeVisible({ timeout: 60_000 });
    await expect(page.getByText(/Error in /)).toHaveCount(0);
    expect(errors).toEqual([]);
  });
});

test.describe('a partner developer (partner guest, Acme)', () => {
  test('has no Compliance item in the sidebar and no matrix page', async ({
    page,
  }) => {
    await signIn(page, 'Enter as partner');
    await expect(
      page.getByRole('link', { name: 'Catalog', exact: true }).first(),
    ).toBeVisible();
    await expect(
      page.getByRole('link', { name: 'Compliance', exact: true }),
    ).toHaveCount(0);

    await page.goto('/compliance');
    await expect(page.getByText(/not found|404/i).first()).toBeVisible({
      timeout: 30_000,
    });
    await expect(page.getByTestId('compliance-matrix-totals')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'By owner' })).toHaveCount(0);
    await screenshot(page, 'partner-compliance-matrix-not-found');

    // the matrix itself is refused to partners
    const refresh = await page.request.get('/api/auth/partner-guest/refresh', {
      headers: { 'X-Requested-With': 'XMLHttpRequest' },
    });
    const { backstageIdentity } = await refresh.json();
    for (const path of ['/v1/frameworks', '/v1/matrix?framework=SOC2']) {
      const answer = await page.request.get(`/api/compliance${path}`, {
        headers: { Authorization: `Bearer ${backstageIdentity.token}` },
      });
      expect(answer.status()).toBe(403);
    }
  });
});
