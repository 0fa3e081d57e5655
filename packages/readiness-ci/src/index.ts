/**
 * The command-line client CI systems use to publish perf runs to the
 * Readiness Portal and ask its release gate.
 *
 *   readiness-ci publish --entity component:default/ledger --scenario ledger-post \
 *     --environment staging --release 2026.11.4 --started ... --finished ... \
 *     --exit-code 0 --key "$GITHUB_RUN_ID-ledger-post" summary.json
 *   readiness-ci gate --entity component:default/ledger --release 2026.11.4 --environment staging
 *   readiness-ci drill --key restore-drill-81 docs/drills/2026-11-20.md
 *   readiness-ci backup verification.json
 *
 * The portal's URL and token come from --url/--token or READINESS_URL and
 * READINESS_TOKEN. `gate` keeps the verdict in the entity's gate history (the
 * token needs `reliability.gate.record`) and exits 0 on pass, 1 on fail, 2 on
 * unknown or error.
 *
 * @packageDocumentation
 */

import fs from 'node:fs/promises';
import { Command, CommanderError } from 'commander';
import { parseEntityRef } from '@backstage/catalog-model';
import {
  GateVerdict,
  PerfRunMetadata,
  readDrillRecord,
  ReliabilityClient,
} from '@readiness/plugin-reliability-common';

/** @public */
export const EXIT = { pass: 0, fail: 1, unknown: 2, error: 2 } as const;

/** Where the command writes; the console by default. @public */
export type Output = { out(line: string): void; err(line: string): void };

const consoleOutput: Output = {
  out: line => process.stdout.write(`${line}\n`),
  err: line => process.stderr.write(`${line}\n`),
};

function clientFor(url: string | undefined, token: string | undefined) {
  if (!url) {
    throw new Error(
      'the portal URL is missing: pass --url or set READINESS_URL',
    );
  }
  if (!token) {
    throw new Error(
      'the token is missing: pass --token or set READINESS_TOKEN',
    );
  }
  const base = url.replace(/\/+$/, '');
  return new ReliabilityClient({
    discoveryApi: { getBaseUrl: async pluginId => `${base}/api/${pluginId}` },
    fetchApi: {
      fetch: ((input: string, init?: RequestInit) =>
        fetch(input, {
          ...init,
          headers: {
            ...(init?.headers ?? {}),
            Authorization: `Bearer ${token}`,
          },
        })) as typeof fetch,
    },
  });
}

function describeError(error: unknown): string {
  const body = (error as { body?: { error?: { message?: string } } }).body;
  const status = (error as { statusCode?: number }).statusCode;
  const message =
    body?.error?.message ?? (error as Error).message ?? String(error);
  return status ? `${status}: ${message}` : message;
}

function printVerdict(verdict: GateVerdict, output: Output) {
  output.out(
    `gate ${verdict.status.toUpperCase()} for ${verdict.entityRef} ${
      verdict.release
    } in ${verdict.environment}`,
  );
  for (const reason of verdict.reasons) {
    output.out(
      `  ${reason.status.padEnd(7)} ${reason.input.padEnd(10)} ${
        reason.subject
      }: ${reason.message}`,
    );
  }
}

/**
 * Runs the command line and resolves to the exit code.
 *
 * @public
 */
export async function run(
  argv: string[],
  output: Output = consoleOutput,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  let code: number = EXIT.error;
  const program = new Command('readiness-ci')
    .description(
      'Publish perf runs to the Readiness Portal and ask its release gate',
    )
    .option(
      '--url <url>',
      'the portal, e.g. https://portal.example.com',
      env.READINESS_URL,
    )
    .option(
      '--token <token>',
      'a static external-access token',
      env.READINESS_TOKEN,
    )
    .exitOverride()
    .configureOutput({
      writeOut: s => output.out(s.trimEnd()),
      writeErr: s => output.err(s.trimEnd()),
    });

  program
    .command('publish')
    .description(
      'publish one k6 run: a summary (.json) or a JSON stream (.jsonl, .ndjson, optionally .gz)',
    )
    .requiredOption(
      '--entity <ref>',
      'the catalog entity tested, e.g. component:default/ledger',
    )
    .requiredOption('--scenario <name>', 'the k6 scenario or script')
    .requiredOption('--environment <name>', 'where it ran, e.g. staging')
    .requiredOption('--started <iso>', 'when the run started (ISO 8601)')
    .requiredOption('--finished <iso>', 'when the run finished (ISO 8601)')
    .requiredOption('--key <key>', 'idempotency key, unique per run')
    .option('--release <release>', 'the release under test')
    .option('--git-sha <sha>', 'the commit under test')
    .option('--exit-code <code>', "k6's exit code (99: a threshold failed)")
    .argument('<file>', 'the k6 output file')
    .action(async (file: string, options: Record<string, string>) => {
      const client = clientFor(program.opts().url, program.opts().token);
      const metadata: PerfRunMetadata = {
        entityRef: options.entity,
        scenario: options.scenario,
        environment: options.environment,
        startedAt: options.started,
        finishedAt: options.finished,
        idempotencyKey: options.key,
        ...(options.release && { release: options.release }),
        ...(options.gitSha && { gitSha: options.gitSha }),
        ...(options.exitCode !== undefined && {
          k6ExitCode: Number(options.exitCode),
        }),
      };
      const content = await fs.readFile(file);
      const isStream = /\.(jsonl|ndjson)(\.gz)?$|\.gz$/.test(file);
      const published = isStream
        ? await client.publishRunStream(metadata, content)
        : await client.publishRun({
            run: metadata,
            results: JSON.parse(content.toString('utf8')),
          });
      const thresholds = { true: 'passed', false: 'failed', undefined: 'none' }[
        String(published.run.thresholdsPassed) as 'true' | 'false' | 'undefined'
      ];
      output.out(
        `${published.created ? 'published' : 'already published'} run ${
          published.run.id
        } (${published.run.format}); thresholds ${thresholds}`,
      );
      for (const warning of published.warnings)
        output.err(`warning: ${warning}`);
      code = 0;
    });

  program
    .command('gate')
    .description(
      'ask the release gate and keep its verdict: exit 0 pass, 1 fail, 2 unknown or error',
    )
    .requiredOption(
      '--entity <ref>',
      'the catalog entity, e.g. component:default/ledger',
    )
    .requiredOption('--release <release>', 'the release')
    .requiredOption('--environment <name>', 'the environment')
    .action(async (options: Record<string, string>) => {
      const client = clientFor(program.opts().url, program.opts().token);
      const ref = parseEntityRef(options.entity);
      // Kept in the entity's gate history, so the release's record shows it
      const verdict = await client.recordGateVerdict(
        { kind: ref.kind, namespace: ref.namespace, name: ref.name },
        { release: options.release, environment: options.environment },
      );
      printVerdict(verdict, output);
      code = EXIT[verdict.status];
    });

  program
    .command('drill')
    .description(
      'push a drill record: a markdown file with the YAML front matter of docs/drills',
    )
    .requiredOption('--key <key>', 'idempotency key, unique per drill')
    .argument('<file>', 'the drill record (.md)')
    .action(async (file: string, options: Record<string, string>) => {
      const read = readDrillRecord(file, await fs.readFile(file, 'utf8'));
      if (!read.drill) {
        for (const problem of read.problems) {
          output.err(
            `${problem.source}${problem.line ? `:${problem.line}` : ''} ${
              problem.field
            }: ${problem.message}`,
          );
        }
        code = EXIT.error;
        return;
      }
      const {
        source: _source,
        achievedRtoMinutes: _rto,
        achievedRpoMinutes: _rpo,
        ...drill
      } = read.drill;
      const client = clientFor(program.opts().url, program.opts().token);
      const published = await client.publishDrill({
        idempotencyKey: options.key,
        drill,
      });
      output.out(
        `${
          published.created ? 'pushed' : 'already pushed'
        } drill of ${drill.entities.join(', ')}: RTO ${
          published.drill.achievedRtoMinutes
        } min, RPO ${published.drill.achievedRpoMinutes} min`,
      );
      code = 0;
    });

  program
    .command('backup')
    .description(
      'push a backup verification: a JSON file with the fields of docs/reliability/dr-evidence.md',
    )
    .argument('<file>', 'the verification (.json)')
    .action(async (file: string) => {
      const verification = JSON.parse(await fs.readFile(file, 'utf8'));
      const client = clientFor(program.opts().url, program.opts().token);
      const published = await client.publishBackupVerification(verification);
      output.out(
        `${published.created ? 'pushed' : 'already pushed'} ${
          published.verification.kind
        } verification of ${published.verification.artifact} for ${
          published.verification.entityRef
        }`,
      );
      code = 0;
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : EXIT.error;
    }
    output.err(`readiness-ci: ${describeError(error)}`);
    return EXIT.error;
  }
}
