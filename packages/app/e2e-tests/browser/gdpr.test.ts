import { expect, Page, test } from '@playwright/test';
import fs from 'node:fs';
import { openServiceList, screenshot, signIn } from './helpers';

/*
 * The GDPR records of the sample catalog (services/<name>/gdpr.yaml): the
 * assistant is a controller whose language model provider has no DPA named,
 * so it is a finding that stays whatever evidence is filed.
 */
const ASSISTANT = '/catalog/default/component/assistant';

function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', message => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', error => errors.push(error.message));
  return errors;
}

test.describe('GDPR records (guest)', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, 'Enter as guest');
    await openServiceList(page);
  });

  test('the assistant’s GDPR tab shows its record, the language model provider without a DPA and its data flows', async ({
    page,
  }) => {
    const errors = consoleErrors(page);
    await page.goto(ASSISTANT);
    await page.getByRole('link', { name: 'GDPR', exact: true }).click();
    const findings = page.getByRole('list', { name: 'Findings' });
    await expect(findings).toBeVisible({ timeout: 60_000 });
    await expect(findings).toContainText(
      'Processor without a DPA: Language model provider (EU region): the record names no DPA',
    );
    const activities = page.getByRole('table', {
      name: 'Processing activities',
    });
    await expect(
      activities.getByRole('row').filter({ hasText: 'answer-questions' }),
    ).toContainText('Contract (Art. 6(1)(b))');
    await expect(
      activities.getByRole('row').filter({ hasText: 'answer-questions' }),
    ).toContainText('90 days');
    await expect(
      page
        .getByRole('table', { name: 'Processors and recipients' })
        .getByRole('row')
        .filter({ hasText: 'Language model provider (EU region)' }),
    ).toContainText('none named');
    const out = page.getByRole('table', { name: 'Flows out' });
    await expect(
      out.getByRole('row').filter({ hasText: 'the record' }).first(),
    ).toContainText('HTTPS, user credentials');
    await expect(
      out.getByRole('row').filter({ hasText: 'catalog: dependsOn' }),
    ).toContainText('filing-db');
    await screenshot(page, 'gdpr-assistant-tab');

    // a service without a record is told how to add one
    await page.goto('/catalog/default/component/api-gateway/gdpr');
    await expect(
      page.getByText('This entity has no record of processing'),
    ).toBeVisible({ timeout: 60_000 });
    expect(errors).toEqual([]);
  });

  test('the register lists the sample records with their findings and downloads as CSV', async ({
    page,
  }) => {
    const errors = consoleErrors(page);
    await page.getByRole('link', { name: 'GDPR register' }).first().click();
    const table = page.getByRole('table', { name: 'Records of processing' });
    await expect(table).toBeVisible({ timeout: 60_000 });
    for (const title of ['Assistant', 'Billing', 'Documents', 'Ledger']) {
      await expect(
        table.getByRole('row').filter({ hasText: title }).first(),
      ).toBeVisible();
    }
    await expect(
      table.getByRole('row').filter({ hasText: 'Assistant' }),
    ).toContainText(
      'Language model provider (EU region): the record names no DPA',
    );
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('gdpr-register.csv');
    const csv = fs.readFileSync((await file.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toMatch(/^entity,title,owner,file,role,/);
    expect(csv).toContain('component:default/assistant,Assistant,');
    await screenshot(page, 'gdpr-register');
    expect(errors).toEqual([]);
  });
});

test.describe('GDPR records (partner guest, Acme)', () => {
  test('sees no GDPR tab on a partner-facing service with a record, and is refused the register', async ({
    page,
  }) => {
    await signIn(page, 'Enter as partner');
    await openServiceList(page);
    await page.goto('/catalog/default/component/ledger');
    await expect(
      page.getByRole('link', { name: 'Overview', exact: true }),
    ).toBeVisible({ timeout: 60_000 });
    await expect(
      page.getByRole('link', { name: 'GDPR', exact: true }),
    ).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'GDPR register' })).toHaveCount(
      0,
    );
    const refresh = await page.request.get('/api/auth/partner-guest/refresh', {
      headers: { 'X-Requested-With': 'XMLHttpRequest' },
    });
    const { backstageIdentity } = await refresh.json();
    const headers = { Authorization: `Bearer ${backstageIdentity.token}` };
    for (const path of [
      '/api/compliance/v1/entities/component/default/ledger/gdpr',
      '/api/compliance/v1/gdpr/register',
      '/api/compliance/v1/gdpr/register.csv',
    ]) {
      expect((await page.request.get(path, { headers })).status()).toBe(403);
    }
  });
});
