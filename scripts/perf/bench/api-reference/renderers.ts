/*
 * The renderers under measurement. Each says which npm package its browser
 * bundle comes from, the harness page that loads a definition into it, and
 * how a reader sees its operation list and opens an operation in it. Every
 * candidate runs in its own most economical configuration for large
 * definitions (e.g. RapiDoc's focused mode, Scalar's default lazy rendering).
 */
import path from 'node:path';
import { Locator, Page } from '@playwright/test';
import { initialFiles, NpmPackage } from './assets';

/** An operation as the benchmark looks it up in a renderer. */
export interface BenchOperation {
  method: string;
  path: string;
  operationId?: string;
  /** The operation's first tag, if any. */
  tag?: string;
  summary?: string;
}

export interface Renderer {
  id: string;
  label: string;
  /** The npm package of its browser bundle; ours is bundled from source. */
  npm?: NpmPackage;
  /** The harness entry point to bundle, for renderers built from source. */
  harnessEntry?: string;
  page(spec: string): string;
  /** Resolves when the operation list can be read. */
  waitForList(page: Page, timeout: number): Promise<void>;
  /**
   * Brings the operation's entry into view (filtering or opening a group as
   * a reader would) and returns what to click. Not timed.
   */
  reveal(
    page: Page,
    operation: BenchOperation,
    timeout: number,
  ): Promise<Locator>;
  /** Resolves when the opened operation's details can be read. */
  waitForOperation(
    page: Page,
    operation: BenchOperation,
    timeout: number,
  ): Promise<void>;
}

function html(head: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>API reference benchmark</title>${head}</head><body style="margin:0">${body}</body></html>`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Matches a text that is exactly this one, give or take surrounding space. */
function exactly(text: string): RegExp {
  return new RegExp(`^\\s*${escapeRegExp(text)}\\s*$`);
}

const ours: Renderer = {
  id: 'ours',
  label: '@readiness/plugin-api-portal ApiReference',
  harnessEntry: path.join(__dirname, 'harness', 'ours.tsx'),
  page: () =>
    html(
      '',
      `<div id="root"></div>${initialFiles('ours')
        .map(file => `<script defer src="/assets/ours/${file}"></script>`)
        .join('')}`,
    ),
  async waitForList(page, timeout) {
    await page
      .getByRole('list', { name: 'Operations' })
      .getByRole('button')
      .first()
      .waitFor({ state: 'visible', timeout });
  },
  async reveal(page, operation, timeout) {
    const filter = page.getByLabel('Filter operations');
    await filter.fill(operation.path, { timeout });
    const entry = page
      .getByRole('list', { name: 'Operations' })
      .getByRole('button', {
        name: new RegExp(
          `^${operation.method.toUpperCase()} ${escapeRegExp(
            operation.path,
          )}( —| \\(|$)`,
        ),
      })
      .first();
    await entry.waitFor({ state: 'visible', timeout });
    return entry;
  },
  async waitForOperation(page, operation, timeout) {
    const details = page.getByRole('region', { name: 'Operation details' });
    await details
      .getByRole('heading', {
        level: 3,
        name: new RegExp(escapeRegExp(operation.path)),
      })
      .waitFor({ state: 'visible', timeout });
    await details
      .getByRole('heading', { level: 4, name: 'Responses' })
      .waitFor({ state: 'visible', timeout });
  },
};

/** Resolves when the element's box overlaps the viewport. */
async function waitInViewport(locator: Locator, timeout: number) {
  await locator.waitFor({ state: 'visible', timeout });
  const handle = await locator.elementHandle({ timeout });
  await locator.page().waitForFunction(
    element => {
      if (!element) {
        return false;
      }
      const box = element.getBoundingClientRect();
      return box.height > 0 && box.top < window.innerHeight && box.bottom > 0;
    },
    handle,
    { timeout, polling: 'raf' },
  );
}

const swaggerUi: Renderer = {
  id: 'swagger-ui',
  label: 'Swagger UI (the engine of Backstage api-docs)',
  npm: {
    name: 'swagger-ui-dist',
    version: '5.35.0',
    assets: [
      { file: 'swagger-ui-bundle.js', name: 'swagger-ui-bundle.js' },
      { file: 'swagger-ui.css', name: 'swagger-ui.css' },
    ],
  },
  page: spec =>
    html(
      '<link rel="stylesheet" href="/assets/swagger-ui/swagger-ui.css">',
      `<div id="swagger"></div><script src="/assets/swagger-ui/swagger-ui-bundle.js"></script><script>SwaggerUIBundle({ url: '/spec/${spec}', dom_id: '#swagger' });</script>`,
    ),
  async waitForList(page, timeout) {
    await page
      .locator('.opblock')
      .first()
      .waitFor({ state: 'visible', timeout });
  },
  async reveal(page, operation, timeout) {
    // Swagger UI renders only the operations near the viewport: scroll to it
    const summary = swaggerBlock(page, operation).locator(
      '.opblock-summary-control',
    );
    const deadline = Date.now() + timeout;
    await page.evaluate(() => window.scrollTo(0, 0));
    while ((await summary.count()) === 0) {
      if (Date.now() > deadline) {
        throw new Error('scrolled through the page without finding it');
      }
      // down a screen at a time; from the top again at the end, as the page
      // may still be growing
      await page.evaluate(() => {
        const before = window.scrollY;
        window.scrollBy(0, window.innerHeight * 0.8);
        if (window.scrollY === before) {
          window.scrollTo(0, 0);
        }
      });
      await page.waitForTimeout(100);
    }
    await summary.scrollIntoViewIfNeeded({ timeout });
    return summary;
  },
  async waitForOperation(page, operation, timeout) {
    await swaggerBlock(page, operation)
      .locator('.responses-wrapper')
      .waitFor({ state: 'visible', timeout });
  },
};

function swaggerBlock(page: Page, operation: BenchOperation): Locator {
  // deprecated operations trade their method class for opblock-deprecated
  return page
    .locator('.opblock')
    .filter({
      has: page.locator(`.opblock-summary [data-path="${operation.path}"]`),
    })
    .filter({
      has: page
        .locator('.opblock-summary-method')
        .filter({ hasText: new RegExp(`^${operation.method}$`, 'i') }),
    })
    .first();
}

const redoc: Renderer = {
  id: 'redoc',
  label: 'Redoc',
  npm: {
    name: 'redoc',
    version: '3.0.1',
    assets: [
      { file: 'bundles/redoc.standalone.js', name: 'redoc.standalone.js' },
    ],
  },
  page: spec =>
    html(
      '',
      `<redoc spec-url="/spec/${spec}"></redoc><script type="module" src="/assets/redoc/redoc.standalone.js"></script>`,
    ),
  async waitForList(page, timeout) {
    // the first menu entry is the overview; the second a group or operation
    const entry = page.locator('.menu-content a[href^="#/"]').nth(1);
    const failure = page.getByText(/^Failed to load API description/);
    await entry.or(failure).first().waitFor({ state: 'visible', timeout });
    if (await failure.isVisible()) {
      throw new Error(`Redoc: ${await failure.textContent()}`);
    }
  },
  async reveal(page, operation, timeout) {
    const entry = page
      .locator(
        `.menu-content a[href$="/${operation.operationId!.toLowerCase()}"]`,
      )
      .first();
    if ((await entry.count()) === 0 && operation.tag) {
      await page
        .locator('.menu-content a')
        .filter({
          hasText: exactly(operation.tag),
        })
        .first()
        .click({ timeout });
    }
    await entry.waitFor({ state: 'visible', timeout });
    return entry;
  },
  async waitForOperation(page, operation, timeout) {
    const title = operation.summary ?? operation.operationId!;
    await waitInViewport(
      page
        .locator('main h2')
        .filter({ hasText: exactly(title) })
        .first(),
      timeout,
    );
  },
};

/** Redoc 2: React 16–18 and react-router-free, unlike Redoc 3. */
const redoc2: Renderer = {
  id: 'redoc-2',
  label: 'Redoc 2',
  npm: {
    name: 'redoc',
    version: '2.5.4',
    assets: [
      { file: 'bundles/redoc.standalone.js', name: 'redoc.standalone.js' },
    ],
  },
  page: spec =>
    html(
      '',
      `<redoc spec-url="/spec/${spec}"></redoc><script src="/assets/redoc-2/redoc.standalone.js"></script>`,
    ),
  async waitForList(page, timeout) {
    const entry = page.locator('li[data-item-id] > label').first();
    const failure = page.getByText(/^Something went wrong/);
    await entry.or(failure).first().waitFor({ state: 'visible', timeout });
    if (await failure.isVisible()) {
      throw new Error(`Redoc: ${await page.locator('redoc').textContent()}`);
    }
  },
  async reveal(page, operation, timeout) {
    const entry = page
      .locator(`li[data-item-id$="operation/${operation.operationId}"] > label`)
      .first();
    if (!(await entry.isVisible()) && operation.tag) {
      await page
        .locator('li[data-item-id^="tag/"] > label')
        .filter({
          hasText: exactly(operation.tag),
        })
        .first()
        .click({ timeout });
    }
    await entry.waitFor({ state: 'visible', timeout });
    return entry;
  },
  async waitForOperation(page, operation, timeout) {
    const section = page
      .locator(`[id="operation/${operation.operationId}"]`)
      .first();
    await waitInViewport(section, timeout);
    await section
      .locator('h3')
      .filter({ hasText: 'Responses' })
      .first()
      .waitFor({ state: 'visible', timeout });
  },
};

const rapidoc: Renderer = {
  id: 'rapidoc',
  label: 'RapiDoc (focused mode)',
  npm: {
    name: 'rapidoc',
    version: '9.3.8',
    assets: [{ file: 'dist/rapidoc-min.js', name: 'rapidoc-min.js' }],
  },
  page: spec =>
    html(
      '<script type="module" src="/assets/rapidoc/rapidoc-min.js"></script>',
      `<rapi-doc spec-url="/spec/${spec}" render-style="focused" show-header="false" allow-try="false" use-path-in-nav-bar="true" theme="light" style="height:100vh"></rapi-doc>`,
    ),
  async waitForList(page, timeout) {
    await page
      .locator('.nav-bar-path')
      .first()
      .waitFor({ state: 'visible', timeout });
  },
  async reveal(page, operation, timeout) {
    const entry = page
      .locator('.nav-bar-path')
      .filter({ has: page.locator(`.nav-method.${operation.method}`) })
      .filter({ hasText: new RegExp(`${escapeRegExp(operation.path)}\\s*$`) })
      .first();
    await entry.waitFor({ state: 'visible', timeout });
    return entry;
  },
  async waitForOperation(page, operation, timeout) {
    await page
      .locator('.expanded-endpoint-body')
      .filter({
        has: page
          .locator('[part="label-operation-path"]')
          .filter({ hasText: exactly(operation.path) }),
      })
      .locator('api-response')
      .first()
      .waitFor({ state: 'visible', timeout });
  },
};

const elements: Renderer = {
  id: 'elements',
  label: 'Stoplight Elements (web component)',
  npm: {
    name: '@stoplight/elements',
    version: '9.0.25',
    assets: [
      { file: 'web-components.min.js', name: 'web-components.min.js' },
      { file: 'styles.min.css', name: 'styles.min.css' },
    ],
  },
  page: spec =>
    html(
      '<link rel="stylesheet" href="/assets/elements/styles.min.css"><script src="/assets/elements/web-components.min.js"></script>',
      `<div style="height:100vh"><elements-api apiDescriptionUrl="/spec/${spec}" router="hash" layout="sidebar" hideTryIt="true"></elements-api></div>`,
    ),
  async waitForList(page, timeout) {
    await page
      .locator('.ElementsTableOfContentsItem[href="#/"]')
      .waitFor({ state: 'visible', timeout });
    await page
      .getByText('Endpoints', { exact: true })
      .first()
      .waitFor({ state: 'visible', timeout });
  },
  async reveal(page, operation, timeout) {
    const entry = page
      .locator(`a[href="#/operations/${operation.operationId}"]`)
      .first();
    if ((await entry.count()) === 0 && operation.tag) {
      await page
        .locator('.sl-elements-api')
        .getByText(operation.tag, { exact: true })
        .first()
        .click({ timeout });
    }
    await entry.waitFor({ state: 'visible', timeout });
    return entry;
  },
  async waitForOperation(page, operation, timeout) {
    await page
      .locator(`[id="/operations/${operation.operationId}#Responses"]`)
      .waitFor({ state: 'visible', timeout });
  },
};

const scalar: Renderer = {
  id: 'scalar',
  label: 'Scalar API Reference (standalone)',
  npm: {
    name: '@scalar/api-reference',
    version: '1.76.0',
    assets: [{ file: 'dist/browser/standalone.js', name: 'standalone.js' }],
  },
  page: spec =>
    html(
      '',
      `<div id="app"></div><script src="/assets/scalar/standalone.js"></script><script>Scalar.createApiReference('#app', { url: '/spec/${spec}' });</script>`,
    ),
  async waitForList(page, timeout) {
    // the first sidebar entry is the introduction
    await page
      .locator('li[data-sidebar-id] > a, li[data-sidebar-id] > div > a')
      .nth(1)
      .waitFor({ state: 'visible', timeout });
  },
  async reveal(page, operation, timeout) {
    const id = `/${operation.method.toUpperCase()}${operation.path}`;
    const entry = page.locator(`li[data-sidebar-id$="${id}"] a`).first();
    if ((await entry.count()) === 0 && operation.tag) {
      await page
        .getByRole('button', {
          name: `Open Group - ${operation.tag}`,
          exact: true,
        })
        .click({ timeout });
    }
    await entry.waitFor({ state: 'visible', timeout });
    return entry;
  },
  async waitForOperation(page, operation, timeout) {
    const id = `/${operation.method.toUpperCase()}${operation.path}`;
    const section = page.locator(`section[id$="${id}"]`).first();
    await waitInViewport(section, timeout);
    await section
      .locator('h4')
      .filter({ hasText: 'Responses' })
      .first()
      .waitFor({ state: 'visible', timeout });
  },
};

export const RENDERERS: Renderer[] = [
  ours,
  swaggerUi,
  redoc,
  redoc2,
  rapidoc,
  elements,
  scalar,
];
