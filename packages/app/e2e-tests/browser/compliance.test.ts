import { expect, Locator, Page, test } from '@playwright/test';
import { openServiceList, screenshot, signIn } from './helpers';

/*
 * The compliance record of the webhooks service: a production service of
 * filing-platform, tagged webhooks and partner-facing, so SOC 2 and ISO
 * 27001 controls apply to it (compliance/applicability.yaml), and partners
 * can open its page.
 */
const WEBHOOKS = '/catalog/default/component/webhooks';

/** Errors the page logs to the console while the test runs. */
function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', message => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', error => errors.push(error.message));
  return errors;
}

/** The InfoCard that holds the given element. */
function cardOf(page: Page, inner: Locator): Locator {
  return page.locator('.MuiCard-root').filter({ has: inner }).last();
}

function controlRow(page: Page, control: string): Locator {
  return page
    .getByRole('table', { name: /controls$/ })
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: control, exact: true }) });
}

test.describe('the compliance record (guest)', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, 'Enter as guest');
    await openServiceList(page);
  });

  test('the overview card sums up the webhooks controls and links to the tab', async ({
    page,
  }) => {
    const errors = consoleErrors(page);
    await page.goto(WEBHOOKS);
    const coverage = page.getByRole('list', { name: 'Coverage per framework' });
    await expect(coverage).toBeVisible({ timeout: 60_000 });
    await expect(coverage).toContainText('SOC 2');
    await expect(coverage).toContainText('ISO/IEC 27001');
    await expect(
      coverage.getByRole('progressbar', { name: /^SOC 2 .* coverage$/ }),
    ).toBeVisible();
    for (const state of ['failing', 'expired', 'expiring', 'missing']) {
      await expect(
        page.getByRole('group', { name: `${state} controls` }),
      ).toBeVisible();
    }
    await expect(
      page.getByRole('region', { name: 'Newest evidence' }),
    ).toBeVisible();
    // The entity's Compliance tab (the sidebar's Compliance is the matrix
    // page, the readiness record's Compliance line links to this tab too)
    await expect(
      page
        .getByRole('navigation', { name: 'Content navigation' })
        .getByRole('link', { name: 'Compliance', exact: true }),
    ).toHaveAttribute('href', `${WEBHOOKS}/compliance`);

    const card = cardOf(page, coverage);
    await card.scrollIntoViewIfNeeded();
    await card.screenshot({
      path: `${
        process.env.READINESS_TEST_RESULTS ?? 'test-results'
      }/screenshots/guest-webhooks-compliance-card.png`,
    });
    await screenshot(page, 'guest-webhooks-overview-with-compliance');

    await page
      .getByRole('link', { name: /Open the compliance record/ })
      .click();
    await expect(page).toHaveURL(
      /\/catalog\/default\/component\/webhooks\/compliance/,
    );
    await expect(
      page.getByRole('table', { name: /^SOC 2 .* controls$/ }),
    ).toBeVisible({ timeout: 60_000 });
    await expect(page.getByText(/Error in /)).toHaveCount(0);
    expect(errors).toEqual([]);
  });

  test('evidence filed through the form shows in the timeline and is withdrawn with a reason', async ({
    page,
  }) => {
    const errors = consoleErrors(page);
    const title = `Change review of webhooks release e2e-${Date.now()}`;
    await page.goto(`${WEBHOOKS}/compliance`);

    // the controls with their states, grouped by framework
    const soc2 = page.getByRole('table', { name: /^SOC 2 .* controls$/ });
    await expect(soc2).toBeVisible({ timeout: 60_000 });
    await expect(
      page.getByRole('table', { name: /^ISO\/IEC 27001.* controls$/ }),
    ).toBeVisible();
    const filters = page.getByRole('group', { name: 'Filter by state' });
    await expect(
      filters.getByRole('button', { name: /^All \d+$/ }),
    ).toBeVisible();
    await expect(controlRow(page, 'SOC2:CC7.4')).toContainText(
      /missing|fresh|expiring|expired|failing/,
    );

    // file evidence for change management
    await page
      .getByRole('button', { name: 'File evidence', exact: true })
      .click();
    const form = page.getByRole('dialog', { name: 'File evidence' });
    await expect(form).toBeVisible();
    await form.getByRole('textbox', { name: 'Find a control' }).fill('CC8.1');
    await form.getByRole('checkbox', { name: /^SOC2:CC8\.1 / }).check();
    await form.getByRole('textbox', { name: 'Title' }).fill(title);
    await form
      .getByRole('textbox', { name: 'Description' })
      .fill('Every merged change to webhooks had two approvals.');
    // a link that is not http(s) is refused before anything is sent
    await form
      .getByRole('textbox', { name: 'Link' })
      .fill('ftp://ci.example.com/runs/42');
    await form.getByRole('button', { name: 'File evidence' }).click();
    await expect(form).toContainText('An absolute http or https address');
    await form
      .getByRole('textbox', { name: 'Link' })
      .fill('https://ci.example.com/filing-platform/webhooks/runs/42');
    await form
      .getByRole('combobox', { name: 'Result' })
      .selectOption('satisfied');
    await screenshot(page, 'guest-webhooks-file-evidence-form');
    await form.getByRole('button', { name: 'File evidence' }).click();
    await expect(form).toBeHidden({ timeout: 30_000 });

    // the newest item says satisfied: the control is fresh, and the item is in its timeline
    const cc81 = controlRow(page, 'SOC2:CC8.1');
    await expect(cc81).toContainText('fresh', { timeout: 30_000 });
    await expect(cc81).toContainText(title);
    await page
      .getByRole('button', { name: 'Show the evidence of SOC2:CC8.1' })
      .click();
    const timeline = page.getByRole('list', { name: 'Evidence of SOC2:CC8.1' });
    const entry = timeline.getByRole('listitem', { name: title, exact: true });
    await expect(entry).toBeVisible();
    await expect(entry).toContainText('satisfied');
    await expect(entry).toContainText('filed by hand');
    await expect(entry).toContainText('filed by user:default/guest');
    await expect(
      entry.getByRole('link', { name: /ci\.example\.com\/filing-platform/ }),
    ).toHaveAttribute(
      'href',
      'https://ci.example.com/filing-platform/webhooks/runs/42',
    );
    await expect(
      page
        .getByRole('list', { name: 'Evidence of this entity' })
        .getByRole('listitem', { name: title, exact: true }),
    ).toBeVisible();
    await screenshot(page, 'guest-webhooks-compliance-tab');

    // withdraw it, with a reason
    await entry.getByRole('button', { name: `Withdraw ${title}` }).click();
    const withdrawal = page.getByRole('dialog', { name: 'Withdraw evidence' });
    await withdrawal
      .getByRole('textbox', { name: 'Reason' })
      .fill('Filed for the wrong release of webhooks by mistake');
    await withdrawal.getByRole('button', { name: 'Withdraw' }).click();
    await expect(withdrawal).toBeHidden({ timeout: 30_000 });

    const withdrawn = page
      .getByRole('list', { name: 'Evidence of this entity' })
      .getByRole('listitem', { name: `${title} (withdrawn)`, exact: true });
    await expect(withdrawn).toBeVisible({ timeout: 30_000 });
    await expect(withdrawn).toContainText(
      'by user:default/guest: Filed for the wrong release of webhooks by mistake',
    );
    await expect(withdrawn.getByText(title, { exact: true })).toHaveCSS(
      'text-decoration-line',
      'line-through',
    );
    await expect(
      withdrawn.getByRole('button', { name: /^Withdraw/ }),
    ).toHaveCount(0);
    await screenshot(page, 'guest-webhooks-compliance-withdrawn');
    await expect(page.getByText(/Error in /)).toHaveCount(0);
    expect(errors).toEqual([]);
  });

  test('a control declared not applicable shows its justification', async ({
    page,
  }) => {
    // catalog: ocr declares ISO27001:8.13 not applicable
    await page.goto('/catalog/default/component/ocr/compliance');
    const filters = page.getByRole('group', { name: 'Filter by state' });
    await expect(filters).toBeVisible({ timeout: 60_000 });
    await filters.getByRole('button', { name: /^not applicable \d+$/ }).click();
    const row = controlRow(page, 'ISO27001:8.13');
    await expect(row).toContainText('not applicable');
    await expect(row).toContainText('OCR keeps no data of its own');
    await expect(
      page.getByRole('table', { name: /^SOC 2 .* controls$/ }),
    ).toHaveCount(0);
  });

  test('an entity no control applies to says how to scope it, linking to the docs', async ({
    page,
  }) => {
    // catalog-info.yaml: the portal's web app, a website no applicability rule selects
    await page.goto('/catalog/default/component/readiness-portal-app');
    await expect(
      page.getByText('No controls apply to this entity'),
    ).toBeVisible({ timeout: 60_000 });
    await page.goto(
      '/catalog/default/component/readiness-portal-app/compliance',
    );
    await expect(
      page.getByText('No controls apply to this entity'),
    ).toBeVisible({ timeout: 60_000 });
    await expect(
      page.getByText(/compliance\/applicability\.yaml/),
    ).toBeVisible();
    await expect(
      page.getByText('No evidence filed for this entity yet'),
    ).toBeVisible();
    await page.getByRole('link', { name: 'How to scope an entity' }).click();
    await expect(page).toHaveURL(
      /\/docs\/default\/system\/readiness-portal\/compliance\/entity-pages\/#when-no-control-applies/,
    );
    // The first visit may build the site with mkdocs
    await expect(
      page
        .getByRole('heading', { name: /The compliance record on entity pages/ })
        .first(),
    ).toBeVisible({ timeout: 90_000 });
    await expect(
      page.getByRole('heading', { name: /When no control applies/ }).first(),
    ).toBeVisible();
  });
});

test.describe('a partner developer (partner guest, Acme)', () => {
  test('sees no Compliance tab and no compliance card on a partner-facing service', async ({
    page,
  }) => {
    await signIn(page, 'Enter as partner');
    await openServiceList(page);
    // from here on: the catalog list itself logs a refused owner filter for partners
    const errors = consoleErrors(page);
    await page.goto(WEBHOOKS);
    await expect(
      page.getByRole('heading', { name: /webhooks/i }).first(),
    ).toBeVisible({ timeout: 60_000 });
    // the page has its tabs; compliance is not among them
    await expect(
      page.getByRole('link', { name: 'Overview', exact: true }),
    ).toBeVisible();
    await expect(
      page.getByRole('link', { name: 'Reliability', exact: true }),
    ).toBeVisible();
    await expect(
      page.getByRole('link', { name: 'Compliance', exact: true }),
    ).toHaveCount(0);
    await expect(
      page.getByRole('list', { name: 'Coverage per framework' }),
    ).toHaveCount(0);

    // the record itself is refused to partners
    const refresh = await page.request.get('/api/auth/partner-guest/refresh', {
      headers: { 'X-Requested-With': 'XMLHttpRequest' },
    });
    const { backstageIdentity } = await refresh.json();
    const controls = await page.request.get(
      '/api/compliance/v1/entities/component/default/webhooks/controls',
      { headers: { Authorization: `Bearer ${backstageIdentity.token}` } },
    );
    expect(controls.status()).toBe(403);
    await screenshot(page, 'partner-webhooks-without-compliance');
    expect(errors).toEqual([]);
  });
});
