import fs from 'node:fs/promises';
import { expect, Page, test } from '@playwright/test';
import { screenshot, signIn } from './helpers';

/*
 * The ritual page of Developer Experience, the guest's own team (it owns
 * the portal's system and its components), checked against what the
 * scorecards API answers the same user; marking the ritual held, the CSV
 * download; and a partner, who has no such page.
 */
const TEAM = '/api/scorecards/v1/rollups/groups/default/developer-experience';

type Rollup = {
  entities: Array<{ entityRef: string; score: number | null }>;
  failingChecks: Array<{ id: string; title: string; blocking: number }>;
  mayMarkRitual: boolean;
};

async function tokenOf(page: Page, provider: string): Promise<string> {
  const refresh = await page.request.get(`/api/auth/${provider}/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  return (await refresh.json()).backstageIdentity.token;
}

/** The team's rollup once the backend has scored its entities (shortly after it starts). */
async function scoredRollup(page: Page): Promise<Rollup> {
  const headers = { Authorization: `Bearer ${await tokenOf(page, 'guest')}` };
  let rollup: Rollup | undefined;
  await expect(async () => {
    const response = await page.request.get(TEAM, { headers });
    expect(response.status()).toBe(200);
    rollup = await response.json();
    expect(rollup!.entities.length).toBeGreaterThan(0);
  }).toPass({ timeout: 150_000 });
  return rollup!;
}

test('a team’s ritual page: entities, what changed, ranked checks, marking the ritual held and the CSV (guest)', async ({
  page,
}) => {
  await signIn(page, 'Enter as guest');
  const rollup = await scoredRollup(page);
  expect(rollup.mayMarkRitual).toBe(true);

  await page
    .getByRole('link', { name: 'Scorecards', exact: true })
    .first()
    .click();
  const teams = page.getByRole('table', { name: 'Teams' });
  await expect(teams).toBeVisible({ timeout: 30_000 });
  await screenshot(page, 'scorecards-teams-index');
  await teams.getByRole('link', { name: 'Developer Experience' }).click();
  await expect(page).toHaveURL(/\/scorecards\/teams\/developer-experience$/);

  await expect(
    page.getByRole('heading', {
      name: 'Readiness ritual: Developer Experience',
    }),
  ).toBeVisible();
  const entities = page.getByRole('table', { name: 'Team entities' });
  await expect(entities.locator('tbody tr')).toHaveCount(
    rollup.entities.length,
  );
  // The link shows the entity's title once the catalog has answered
  await expect(
    entities.locator(
      'a[href="/catalog/default/component/readiness-portal-app"]',
    ),
  ).toContainText(/Readiness Portal app|readiness-portal-app/);

  const ranked = page.getByRole('table', { name: 'Failing checks ranked' });
  if (rollup.failingChecks.length > 0) {
    const first = rollup.failingChecks[0];
    const firstRow = ranked.locator('tbody tr').first();
    await expect(
      firstRow.getByRole('link', { name: first.title }),
    ).toHaveAttribute('href', /\/docs\/default\/system\/readiness-portal\//);
    await expect(firstRow).toContainText(
      first.blocking === 1 ? '1 entity' : `${first.blocking} entities`,
    );
  }

  // mark the ritual held (a second run on the same day finds it recorded)
  const changes = page
    .locator('.MuiCard-root')
    .filter({ hasText: 'What changed since the last ritual' });
  await expect(changes).toBeVisible();
  await page.getByLabel('Ritual note').fill('Runbook links next');
  await page.getByRole('button', { name: 'Mark ritual held' }).click();
  await expect(page.getByRole('status')).toContainText(/recorded/);
  await expect(changes).toContainText(/Since .*changed/);
  const rituals = page
    .locator('.MuiCard-root')
    .filter({ hasText: 'Past rituals' });
  await expect(rituals.locator('tr')).not.toHaveCount(0);
  await screenshot(page, 'scorecards-ritual-page');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(
    'rollup-default-developer-experience.csv',
  );
  const csv = await fs.readFile((await download.path())!, 'utf8');
  const lines = csv.split('\r\n');
  expect(lines[0]).toMatch(/^entity_ref,kind,namespace,name,level,score,/);
  expect(lines).toHaveLength(rollup.entities.length + 2);
});

test('a partner has no Scorecards page and is refused the rollup (partner guest)', async ({
  page,
}) => {
  await signIn(page, 'Enter as partner');
  await expect(
    page.getByRole('link', { name: 'Scorecards', exact: true }),
  ).toHaveCount(0);
  await page.goto('/scorecards/teams/team-finance');
  await expect(page.getByText(/Readiness ritual/)).toHaveCount(0);
  await expect(
    page.getByRole('button', { name: 'Mark ritual held' }),
  ).toHaveCount(0);
  const refused = await page.request.get(
    '/api/scorecards/v1/rollups/groups/default/team-finance',
    {
      headers: {
        Authorization: `Bearer ${await tokenOf(page, 'partner-guest')}`,
      },
    },
  );
  expect(refused.status()).toBe(403);
  await screenshot(page, 'partner-without-scorecards-page');
});
