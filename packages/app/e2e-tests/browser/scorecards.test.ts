import { expect, Locator, Page, test } from '@playwright/test';
import { openServiceList, screenshot, signIn } from './helpers';

/*
 * The readiness record of the ledger: a production service of
 * filing-platform with SLOs, a DR drill (docs/drills/2026-10-14.md) and
 * compliance controls, scored by the scorecards backend shortly after it
 * starts (recompute.afterStart). What the page shows is checked against
 * what the scorecards API answers the same user.
 */
const LEDGER = '/catalog/default/component/ledger';

/* app-config.yaml's local token that may push scorecard facts, and nothing else */
const factsPublisher = {
  Authorization: 'Bearer local-scorecards-publisher-token',
};

const results = process.env.READINESS_TEST_RESULTS ?? 'test-results';

type CheckResult = {
  id: string;
  title: string;
  category: string;
  status: 'pass' | 'fail' | 'unknown';
  reason: string;
  howToFix: { text: string; docs: string };
};

type Scorecard = {
  level: string | null;
  score: number | null;
  passed: number;
  failed: number;
  unknown: number;
  applicable: number;
  checks: CheckResult[];
  nextLevel: { level: string; blockedBy: string[] } | null;
};

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

/** The signed-in user's Backstage token, as the app sends it. */
async function tokenOf(page: Page, provider: string): Promise<string> {
  const refresh = await page.request.get(`/api/auth/${provider}/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  const { backstageIdentity } = await refresh.json();
  return backstageIdentity.token;
}

async function scorecardOf(page: Page, path: string): Promise<Scorecard> {
  const response = await page.request.get(
    `/api/scorecards/v1/entities/${path}/scorecard`,
    { headers: { Authorization: `Bearer ${await tokenOf(page, 'guest')}` } },
  );
  expect(response.status()).toBe(200);
  return response.json();
}

const TITLES: Record<string, string> = {
  bronze: 'Bronze',
  silver: 'Silver',
  gold: 'Gold',
};

/**
 * Opens the page until the card shows a scored record: the backend scores
 * every entity shortly after it starts.
 */
async function openScoredOverview(page: Page, url: string) {
  await expect(async () => {
    await page.goto(url);
    await expect(
      page.getByRole('list', { name: 'Score per family' }),
    ).toBeVisible({ timeout: 10_000 });
  }).toPass({ timeout: 150_000 });
}

test.describe('the readiness record (guest)', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, 'Enter as guest');
    await openServiceList(page);
  });

  test('the ledger overview card shows the level, the score, what blocks the next level and each family', async ({
    page,
  }) => {
    test.setTimeout(240_000);
    const errors = consoleErrors(page);
    await openScoredOverview(page, LEDGER);
    const scorecard = await scorecardOf(page, 'component/default/ledger');

    const families = page.getByRole('list', { name: 'Score per family' });
    const card = cardOf(page, families);
    await expect(card.getByText('Readiness record')).toBeVisible();
    await expect(
      card.getByLabel(
        scorecard.level
          ? `Level ${TITLES[scorecard.level]}`
          : 'No level reached',
      ),
    ).toBeVisible();
    await expect(
      card.getByRole('group', { name: `Score ${scorecard.score} of 100` }),
    ).toBeVisible();
    const next = card.getByRole('region', {
      name: 'What blocks the next level',
    });
    if (scorecard.nextLevel) {
      const count = scorecard.nextLevel.blockedBy.length;
      await expect(next).toContainText(
        `${count} check${count === 1 ? '' : 's'} from ${
          TITLES[scorecard.nextLevel.level]
        }`,
      );
      const first = scorecard.checks.find(
        c => c.id === scorecard.nextLevel!.blockedBy[0],
      )!;
      await expect(next).toContainText(first.title);
    }

    // one line per family, each linking to where the family is read
    for (const title of [
      'API',
      'Reliability',
      'Disaster recovery',
      'Compliance',
      'Ownership',
    ]) {
      await expect(
        families.getByRole('listitem', { name: title, exact: true }),
      ).toBeVisible();
    }
    // no API check applies to a service: its APIs have their own record
    await expect(
      families.getByRole('listitem', { name: 'API', exact: true }),
    ).toContainText('No API check applies to a Component');
    await expect(
      families
        .getByRole('listitem', { name: 'Ownership', exact: true })
        .getByRole('progressbar'),
    ).toBeVisible();
    await expect(
      families.getByRole('link', { name: 'Reliability', exact: true }),
    ).toHaveAttribute('href', `${LEDGER}/reliability`);
    await expect(
      families.getByRole('link', { name: 'Disaster recovery', exact: true }),
    ).toHaveAttribute('href', `${LEDGER}/reliability`);

    await card.scrollIntoViewIfNeeded();
    await card.screenshot({
      path: `${results}/screenshots/guest-ledger-readiness-record-card.png`,
    });
    await screenshot(page, 'guest-ledger-overview-with-readiness-record');

    // the Compliance line opens the entity's Compliance tab
    await families
      .getByRole('link', { name: 'Compliance', exact: true })
      .click();
    await expect(page).toHaveURL(new RegExp(`${LEDGER}/compliance$`));
    await expect(
      page.getByRole('table', { name: /^SOC 2 .* controls$/ }),
    ).toBeVisible({ timeout: 60_000 });

    // and the card's own link, the Scorecard tab
    await page.goto(LEDGER);
    await page.getByRole('link', { name: /Open the scorecard/ }).click();
    await expect(page).toHaveURL(new RegExp(`${LEDGER}/scorecard$`));
    await expect(page.getByText('Level and score')).toBeVisible({
      timeout: 60_000,
    });
    await expect(page.getByText(/Error in /)).toHaveCount(0);
    expect(errors).toEqual([]);
  });

  test('the ledger Scorecard tab shows the trend and the checks by category, with how to fix the failing ones', async ({
    page,
  }) => {
    test.setTimeout(240_000);
    const errors = consoleErrors(page);
    await openScoredOverview(page, LEDGER);
    const scorecard = await scorecardOf(page, 'component/default/ledger');
    await page.goto(`${LEDGER}/scorecard`);

    await expect(
      page.getByRole('group', { name: `Score ${scorecard.score} of 100` }),
    ).toBeVisible({ timeout: 60_000 });
    await expect(
      page.getByRole('group', { name: `${scorecard.passed} passing` }),
    ).toBeVisible();
    await expect(
      page.getByRole('group', { name: `${scorecard.failed} failing` }),
    ).toBeVisible();
    await expect(
      page
        .getByRole('list', { name: 'Levels' })
        .getByRole('listitem', { name: /^Bronze: / }),
    ).toBeVisible();

    // today's snapshot, the first of this backend's history
    const chart = page.getByRole('group', { name: 'Score trend chart' });
    await expect(chart).toBeVisible();
    await expect(
      chart.getByRole('img', {
        name: new RegExp(`^Score ${scorecard.score} on `),
      }),
    ).toHaveCount(1);

    await page
      .locator('.MuiGrid-container')
      .filter({ has: chart })
      .filter({ has: page.getByText('Level and score') })
      .last()
      .locator('> .MuiGrid-item')
      .first()
      .screenshot({
        path: `${results}/screenshots/guest-ledger-scorecard-level-and-score.png`,
      });
    await cardOf(page, chart).screenshot({
      path: `${results}/screenshots/guest-ledger-scorecard-trend.png`,
    });

    // the checks by category; ownership applies to every service
    const ownership = page.getByRole('table', { name: 'Ownership checks' });
    await expect(ownership).toBeVisible();
    await expect(
      ownership.getByRole('row', { name: 'Owned by a team' }),
    ).toContainText('catalog.owner-is-group');

    // failing only
    const failing = scorecard.checks.filter(c => c.status === 'fail');
    expect(failing.length).toBeGreaterThan(0);
    const filters = page.getByRole('group', { name: 'Filter by outcome' });
    await filters
      .getByRole('button', { name: `failing ${failing.length}` })
      .click();
    const checkRows = page
      .getByRole('table', { name: / checks$/ })
      .getByRole('row')
      .filter({ has: page.getByRole('button', { name: /^Show how to fix / }) });
    await expect(checkRows).toHaveCount(failing.length);
    for (const check of failing) {
      await expect(
        page.getByRole('row', { name: check.title, exact: true }),
      ).toContainText('fail');
    }
    const passing = scorecard.checks.find(c => c.status === 'pass')!;
    await expect(
      page.getByRole('row', { name: passing.title, exact: true }),
    ).toHaveCount(0);

    // a failing check opens onto why, how to fix and its facts
    const check = failing[0];
    await page
      .getByRole('button', { name: `Show how to fix ${check.title}` })
      .click();
    await expect(page.getByText('Why it matters')).toBeVisible();
    await expect(page.getByText(check.howToFix.text)).toBeVisible();
    const howTo = page.getByRole('link', {
      name: new RegExp(`^Read how: ${check.howToFix.docs}`),
    });
    await expect(howTo).toBeVisible();
    if (!check.howToFix.docs.startsWith('https://')) {
      await expect(howTo).toHaveAttribute(
        'href',
        new RegExp(
          `^/docs/default/system/readiness-portal/${
            check.howToFix.docs.split('#')[0]
          }/`,
        ),
      );
    }
    await expect(
      page.getByRole('list', { name: `Facts ${check.title} reads` }),
    ).toBeVisible();
    await expect(
      page.getByText(/^As known at the recompute of /).first(),
    ).toBeVisible();
    await screenshot(page, 'guest-ledger-scorecard-tab-failing');
    const opened = page
      .getByRole('table', { name: / checks$/ })
      .filter({ has: page.getByText('Why it matters') });
    await opened.screenshot({
      path: `${results}/screenshots/guest-ledger-scorecard-check-opened.png`,
    });

    await filters
      .getByRole('button', { name: `All ${scorecard.applicable}` })
      .click();
    await expect(ownership).toBeVisible();
    await screenshot(page, 'guest-ledger-scorecard-tab');
    await expect(page.getByText(/Error in /)).toHaveCount(0);
    expect(errors).toEqual([]);

    // the docs page of the tab, in the portal's TechDocs
    await page.getByRole('link', { name: 'Reading the checks' }).click();
    await expect(page).toHaveURL(
      /\/docs\/default\/system\/readiness-portal\/scorecards\/readiness-record\/#the-scorecard-tab$/,
    );
    // The first visit may build the site with mkdocs
    await expect(
      page
        .getByRole('heading', { name: /The readiness record on entity pages/ })
        .first(),
    ).toBeVisible({ timeout: 90_000 });
    await expect(
      page
        .getByRole('heading', { name: /When there is no scorecard yet/ })
        .first(),
    ).toBeVisible();
  });

  test('line coverage pushed by CI passes its check on the Scorecard tab', async ({
    page,
  }) => {
    test.setTimeout(240_000);
    // billing: internal, and no other browser test reads its scorecard
    const billing = '/catalog/default/component/billing';
    await openScoredOverview(page, billing);
    const pushed = await page.request.post('/api/scorecards/v1/facts', {
      headers: factsPublisher,
      data: {
        idempotencyKey: 'e2e-scorecards-tab-billing-coverage',
        entityRef: 'component:default/billing',
        facts: { 'ci.coverage.line': 83.5 },
      },
    });
    expect([200, 201]).toContain(pushed.status());

    await page.goto(`${billing}/scorecard`);
    const reliability = page.getByRole('table', {
      name: 'Reliability checks',
    });
    const coverage = reliability.getByRole('row', {
      name: 'Unit tests run at least 70% of the lines',
    });
    await expect(coverage).toContainText('pass', { timeout: 60_000 });
    await expect(coverage).toContainText('ci.coverage.line is 83.5');
    await page
      .getByRole('button', {
        name: 'Show how to fix Unit tests run at least 70% of the lines',
      })
      .click();
    await expect(
      page.getByRole('list', {
        name: 'Facts Unit tests run at least 70% of the lines reads',
      }),
    ).toContainText('ci.coverage.line (pushed by CI)');
    await screenshot(page, 'guest-billing-scorecard-pushed-coverage');
  });

  test('an API’s record links its API family to the API Portal tab', async ({
    page,
  }) => {
    test.setTimeout(240_000);
    const api = '/catalog/default/api/ledger-api-v2';
    await openScoredOverview(page, api);
    const families = page.getByRole('list', { name: 'Score per family' });
    await expect(
      families.getByRole('link', { name: 'API', exact: true }),
    ).toHaveAttribute('href', `${api}/api-portal`);
    await expect(
      families.getByRole('listitem', { name: 'Reliability', exact: true }),
    ).toContainText('No Reliability check applies to an API');
    const card = cardOf(page, families);
    await card.scrollIntoViewIfNeeded();
    await card.screenshot({
      path: `${results}/screenshots/guest-ledger-api-readiness-record-card.png`,
    });
  });
});

test.describe('a partner developer (partner guest, Acme)', () => {
  test('sees no Scorecard tab and no readiness record on a partner-facing service', async ({
    page,
  }) => {
    await signIn(page, 'Enter as partner');
    await openServiceList(page);
    // from here on: the catalog list itself logs a refused owner filter for partners
    const errors = consoleErrors(page);
    const scorecardCalls: string[] = [];
    page.on('request', request => {
      if (request.url().includes('/api/scorecards/')) {
        scorecardCalls.push(request.url());
      }
    });
    await page.goto(LEDGER);
    await expect(
      page.getByRole('link', { name: 'Reliability', exact: true }),
    ).toBeVisible({ timeout: 60_000 });
    // the overview has its cards; the readiness record is not among them
    await expect(page.getByText('About', { exact: true })).toBeVisible({
      timeout: 60_000,
    });
    await expect(
      page
        .getByRole('list', { name: 'Reliability summary' })
        .or(page.getByText('This reliability record is internal')),
    ).toBeVisible({ timeout: 60_000 });
    await expect(
      page.getByRole('link', { name: 'Scorecard', exact: true }),
    ).toHaveCount(0);
    await expect(page.getByText('Readiness record')).toHaveCount(0);

    // the scorecard itself is refused to partners
    const refused = await page.request.get(
      '/api/scorecards/v1/entities/component/default/ledger/scorecard',
      {
        headers: {
          Authorization: `Bearer ${await tokenOf(page, 'partner-guest')}`,
        },
      },
    );
    expect(refused.status()).toBe(403);
    await screenshot(page, 'partner-ledger-without-scorecard');
    // the app never asks for it: the extensions are left out for partners
    expect(scorecardCalls).toEqual([]);
    // (the reliability card's parts this partner may not read are refused)
    expect(errors.filter(e => !/status of 403/.test(e))).toEqual([]);
  });
});
