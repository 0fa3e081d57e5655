/*
 * How fast API reference renderers show large OpenAPI definitions, in real
 * Chromium (Debian's, driven by Playwright):
 *
 * - list: from navigation until the operation list can be read;
 * - first: from the click on the document's first operation until its
 *   details show;
 * - heavy: the same for the operation whose request body reaches the most
 *   schema text (found by benchOperations.ts);
 * - for Stripe also POST /v1/checkout/sessions, the operation that freezes
 *   Swagger UI in swagger-ui#6035.
 *
 * Each renderer loads each corpus definition (Stripe, OpenAI, Box) in a fresh
 * browser, BENCH_RUNS times (3); the report gives the median. A step that
 * takes longer than BENCH_TIMEOUT_MS (30 s) is reported as "timeout" and not
 * tried again. Targets for our renderer (`ours`): list < 2 s, each operation
 * < 1 s; the process exits 1 when it misses one. Candidates' bundles come
 * from their npm tarballs (`npm pack`, cached in
 * node_modules/.cache/api-reference-bench).
 *
 * Usage: node -r @backstage/cli/config/nodeTransform.cjs
 *   scripts/perf/bench/api-reference-render.ts [--renderers=ours,redoc]
 *   [--specs=stripe,box]   (BENCH_PORT, default 7031; READINESS_CHROMIUM)
 */
import fs from 'node:fs';
import path from 'node:path';
import { Browser, chromium, Locator, Page } from '@playwright/test';
import { corpusPath } from '@readiness/test-corpus';
import {
  assetSize,
  bundleHarness,
  preparePackage,
} from './api-reference/assets';
import {
  benchOperations,
  parseDefinition,
} from './api-reference/benchOperations';
import { BenchOperation, Renderer, RENDERERS } from './api-reference/renderers';
import { startHarnessServer } from './api-reference/server';

const PORT = Number(process.env.BENCH_PORT ?? 7031);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_MS ?? 30_000);
const CHROMIUM = process.env.READINESS_CHROMIUM ?? '/usr/bin/chromium';
const CHOSEN = 'ours';
const TARGETS = { listMs: 2_000, operationMs: 1_000 };

interface CorpusSpec {
  file: string[];
  /** Operations measured besides the first and the heaviest. */
  named: string[];
}

const SPECS: Record<string, CorpusSpec> = {
  stripe: {
    file: ['openapi', 'stripe', 'spec3.yaml'],
    named: ['POST /v1/checkout/sessions'],
  },
  openai: { file: ['openapi', 'openai', 'openapi.yaml'], named: [] },
  box: { file: ['openapi', 'box', 'openapi.json'], named: [] },
};

/** Milliseconds, or why there is no number. */
type Sample = number | 'timeout' | 'error';

interface StepResult {
  median: Sample;
  samples: Sample[];
  error?: string;
}

interface MeasuredOperation {
  /** `first`, `heavy`, or the operation's method and path. */
  step: string;
  operation: BenchOperation;
}

interface Cell {
  renderer: string;
  spec: string;
  /** `list` and one entry per measured operation. */
  steps: Record<string, StepResult>;
  meetsTargets: boolean;
}

function log(message: string) {
  process.stderr.write(`${message}\n`);
}

function argument(name: string): string[] | undefined {
  const prefix = `--${name}=`;
  const value = process.argv.find(a => a.startsWith(prefix));
  return value ? value.slice(prefix.length).split(',') : undefined;
}

class StepTimeout extends Error {}

/** The renderer never showed the operation to click. */
class NotListed extends Error {}

function isTimeout(error: unknown): boolean {
  if (error instanceof NotListed) {
    return false;
  }
  return (
    error instanceof StepTimeout ||
    (error instanceof Error && error.name === 'TimeoutError')
  );
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0] : String(error);
}

async function closeQuietly(browser: Browser) {
  // a renderer stuck in a long task can keep close() waiting; don't wait long
  await Promise.race([
    browser.close().catch(() => undefined),
    new Promise(resolve => setTimeout(resolve, 5_000)),
  ]);
}

async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

interface Session {
  browser: Browser;
  page: Page;
}

/** Opens the harness page; resolves with the time until the list shows. */
async function openPage(
  url: string,
  renderer: Renderer,
): Promise<{ session: Session; listMs: number }> {
  const browser = await launch();
  try {
    const page = await browser.newPage({
      viewport: { width: 1440, height: 900 },
    });
    const started = performance.now();
    await page.goto(url, { waitUntil: 'commit', timeout: TIMEOUT_MS });
    await renderer.waitForList(page, TIMEOUT_MS);
    return { session: { browser, page }, listMs: performance.now() - started };
  } catch (error) {
    await closeQuietly(browser);
    throw error;
  }
}

async function openOperation(
  session: Session,
  renderer: Renderer,
  operation: BenchOperation,
): Promise<number> {
  let target: Locator;
  try {
    target = await renderer.reveal(session.page, operation, TIMEOUT_MS);
  } catch (error) {
    throw new NotListed(
      `the operation is not in the list (${describe(error)})`,
    );
  }
  const started = performance.now();
  const deadline = started + TIMEOUT_MS;
  const left = () => {
    const ms = deadline - performance.now();
    if (ms <= 0) {
      throw new StepTimeout();
    }
    return ms;
  };
  await target.click({ timeout: left() });
  await renderer.waitForOperation(session.page, operation, left());
  const elapsed = performance.now() - started;
  if (elapsed > TIMEOUT_MS) {
    throw new StepTimeout();
  }
  return elapsed;
}

/** One run: a fresh browser, the list, then each operation. */
async function measureRun(
  url: string,
  renderer: Renderer,
  operations: MeasuredOperation[],
  skip: Set<string>,
  errors: Record<string, string>,
): Promise<Record<string, Sample>> {
  const samples: Record<string, Sample> = {};
  let session: Session | undefined;
  try {
    const opened = await openPage(url, renderer);
    session = opened.session;
    samples.list = opened.listMs;
  } catch (error) {
    samples.list = isTimeout(error) ? 'timeout' : 'error';
    errors.list = describe(error);
    return samples;
  }
  for (const { step, operation } of operations) {
    if (skip.has(step)) {
      continue;
    }
    try {
      if (!session) {
        // the previous step hung the page: measure this one on a fresh one
        session = (await openPage(url, renderer)).session;
      }
      samples[step] = await openOperation(session, renderer, operation);
    } catch (error) {
      samples[step] = isTimeout(error) ? 'timeout' : 'error';
      errors[step] = describe(error);
      if (session) {
        await closeQuietly(session.browser);
        session = undefined;
      }
    }
  }
  if (session) {
    await closeQuietly(session.browser);
  }
  return samples;
}

function median(samples: Sample[]): Sample {
  const numbers = samples.filter((s): s is number => typeof s === 'number');
  if (numbers.length < samples.length) {
    return samples.includes('timeout') ? 'timeout' : 'error';
  }
  const sorted = [...numbers].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)]);
}

function formatSample(sample: Sample | '-'): string {
  return typeof sample === 'number' ? `${Math.round(sample)} ms` : sample;
}

async function main() {
  const rendererIds = argument('renderers');
  const specIds = argument('specs') ?? Object.keys(SPECS);
  const renderers = RENDERERS.filter(
    r => !rendererIds || rendererIds.includes(r.id),
  );
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`no Chromium at ${CHROMIUM}; set READINESS_CHROMIUM`);
  }

  const bundles: Record<
    string,
    { label: string; bytes: number; gzipBytes: number }
  > = {};
  for (const renderer of renderers) {
    log(`preparing ${renderer.id}`);
    const dir = renderer.npm
      ? preparePackage(renderer.id, renderer.npm)
      : await bundleHarness(renderer.id, renderer.harnessEntry!);
    bundles[renderer.id] = {
      label: renderer.npm
        ? `${renderer.label}, ${renderer.npm.name}@${renderer.npm.version}`
        : renderer.label,
      ...assetSize(dir),
    };
  }

  const specs: Record<
    string,
    {
      file: string;
      bytes: number;
      operations: number;
      measured: MeasuredOperation[];
      heaviness: string;
    }
  > = {};
  for (const id of specIds) {
    const spec = SPECS[id];
    if (!spec) {
      throw new Error(`unknown spec ${id}; known: ${Object.keys(SPECS)}`);
    }
    const file = corpusPath(...spec.file);
    const text = fs.readFileSync(file, 'utf8');
    const chosen = benchOperations(parseDefinition(text), spec.named);
    const { weight, weighed, ...heavy } = chosen.heavy;
    specs[id] = {
      file: path.relative(corpusPath(), file),
      bytes: Buffer.byteLength(text),
      operations: chosen.count,
      measured: [
        { step: 'first', operation: chosen.first },
        { step: 'heavy', operation: heavy },
        ...chosen.named.map(operation => ({
          step: `${operation.method.toUpperCase()} ${operation.path}`,
          operation,
        })),
      ],
      heaviness: `${weight} characters of ${weighed} schema`,
    };
    log(
      `${id}: ${specs[id].measured
        .map(
          m =>
            `${m.step}: ${m.operation.method.toUpperCase()} ${
              m.operation.path
            }`,
        )
        .join('; ')} (heavy: ${specs[id].heaviness})`,
    );
  }

  const server = await startHarnessServer(PORT, {
    page: (rendererId, spec) =>
      specs[spec]
        ? RENDERERS.find(r => r.id === rendererId)?.page(spec)
        : undefined,
    specFile: spec =>
      specs[spec] ? corpusPath(...SPECS[spec].file) : undefined,
  });

  const cells: Cell[] = [];
  try {
    for (const spec of specIds) {
      const measured = specs[spec].measured;
      const steps = ['list', ...measured.map(m => m.step)];
      for (const renderer of renderers) {
        const url = `${server.url}/page/${renderer.id}?spec=${spec}`;
        const samples: Record<string, Sample[]> = {};
        const errors: Record<string, string> = {};
        const skip = new Set<string>();
        for (let run = 0; run < RUNS; run++) {
          const result = await measureRun(
            url,
            renderer,
            measured,
            skip,
            errors,
          );
          for (const [step, sample] of Object.entries(result)) {
            (samples[step] ??= []).push(
              typeof sample === 'number' ? Math.round(sample) : sample,
            );
            if (typeof sample !== 'number') {
              // a step that timed out once is not waited for again
              skip.add(step);
            }
          }
          log(
            `${renderer.id} × ${spec} run ${run + 1}: ${steps
              .map(step => `${step} ${formatSample(result[step] ?? '-')}`)
              .join(', ')}`,
          );
          if (typeof result.list !== 'number') {
            break;
          }
        }
        const notReached = samples.list?.find(s => typeof s !== 'number');
        const cellSteps: Record<string, StepResult> = {};
        for (const step of steps) {
          const stepSamples = samples[step] ?? [];
          cellSteps[step] = {
            median:
              stepSamples.length > 0
                ? median(stepSamples)
                : notReached ?? 'error',
            samples: stepSamples,
            ...(errors[step] ? { error: errors[step] } : {}),
          };
        }
        const within = (step: string, target: number) => {
          const value = cellSteps[step].median;
          return typeof value === 'number' && value < target;
        };
        cells.push({
          renderer: renderer.id,
          spec,
          steps: cellSteps,
          meetsTargets: steps.every(step =>
            within(
              step,
              step === 'list' ? TARGETS.listMs : TARGETS.operationMs,
            ),
          ),
        });
      }
    }
  } finally {
    await server.close();
  }

  const chosenCells = cells.filter(c => c.renderer === CHOSEN);
  const passed = chosenCells.every(c => c.meetsTargets);
  const report = {
    benchmark: 'api-reference-render',
    chromium: CHROMIUM,
    runs: RUNS,
    timeoutMs: TIMEOUT_MS,
    targets: TARGETS,
    chosen: CHOSEN,
    specs,
    renderers: bundles,
    results: cells,
    passed: chosenCells.length > 0 ? passed : null,
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);

  log('\n| renderer | spec | list | first | heavy | other |');
  log('| --- | --- | --- | --- | --- | --- |');
  for (const cell of cells) {
    const { list, first, heavy, ...others } = cell.steps;
    log(
      `| ${cell.renderer} | ${cell.spec} | ${formatSample(
        list.median,
      )} | ${formatSample(first.median)} | ${formatSample(
        heavy.median,
      )} | ${Object.entries(others)
        .map(([step, result]) => `${step}: ${formatSample(result.median)}`)
        .join('; ')} |`,
    );
  }
  if (chosenCells.length > 0 && !passed) {
    log(`\n${CHOSEN} misses a target`);
    process.exitCode = 1;
  }
}

main().catch(error => {
  log(error instanceof Error ? error.stack ?? error.message : String(error));
  process.exit(2);
});
