import { DatabaseService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { isoTime, retryTransient } from '@readiness/store-utils';
import { LintProblem, LintResult } from '@readiness/plugin-api-portal-common';
import { migratedClient } from './migrations';

type ResultRow = {
  content_hash: string;
  config_digest: string;
  status: string;
  status_message: string | null;
  errors: number;
  warnings: number;
  duration_ms: number;
  linted_at: Date | string | number;
};

type ProblemRow = {
  id: number;
  content_hash: string;
  rule_id: string;
  severity: string;
  message: string;
  pointer: string | null;
  line: number | null;
  col: number | null;
  documentation_url: string | null;
};

const INSERT_CHUNK = 500;

function toResult(row: ResultRow): LintResult {
  return {
    contentHash: row.content_hash,
    status: row.status as LintResult['status'],
    ...(row.status_message !== null && { statusMessage: row.status_message }),
    errors: Number(row.errors),
    warnings: Number(row.warnings),
    durationMs: Number(row.duration_ms),
    lintedAt: isoTime(row.linted_at),
  };
}

/**
 * Lint results, one per definition text (content hash) and lint
 * configuration: a text shared by many entities is linted once, and again
 * only when the configuration changes.
 */
export class DatabaseLintStore {
  private constructor(private readonly db: Knex) {}

  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseLintStore> {
    return new DatabaseLintStore(await migratedClient(options.database));
  }

  /**
   * Texts that are some entity's current revision, read as OpenAPI or
   * Swagger, and not yet linted with this configuration.
   */
  async pending(configDigest: string, contentHash?: string): Promise<string[]> {
    const query = this.db('api_entities as e')
      .join('api_spec_revisions as r', 'r.id', 'e.current_revision_id')
      .join('api_spec_contents as c', 'c.content_hash', 'r.content_hash')
      .leftJoin('api_lint_results as l', join =>
        join
          .on('l.content_hash', '=', 'r.content_hash')
          .andOn('l.config_digest', '=', this.db.raw('?', [configDigest])),
      )
      .where('r.status', 'ok')
      .whereIn('r.format', ['openapi', 'swagger'])
      .whereNull('l.content_hash')
      .distinct('r.content_hash')
      .orderBy('r.content_hash');
    if (contentHash) query.where('r.content_hash', contentHash);
    const rows: Array<{ content_hash: string }> = await query;
    return rows.map(row => row.content_hash);
  }

  /** Replaces the lint result of a text, with its problems, in one transaction. */
  async record(
    result: LintResult,
    configDigest: string,
    problems: LintProblem[],
  ): Promise<void> {
    // A replacement: running it again after a transient failure is harmless
    await retryTransient(() =>
      this.db.transaction(async tx => {
        await tx('api_lint_problems')
          .where('content_hash', result.contentHash)
          .delete();
        await tx('api_lint_results')
          .insert({
            content_hash: result.contentHash,
            config_digest: configDigest,
            status: result.status,
            status_message: result.statusMessage ?? null,
            errors: result.errors,
            warnings: result.warnings,
            duration_ms: result.durationMs,
            linted_at: new Date(result.lintedAt),
          })
          .onConflict('content_hash')
          .merge();
        for (let i = 0; i < problems.length; i += INSERT_CHUNK) {
          await tx('api_lint_problems').insert(
            problems.slice(i, i + INSERT_CHUNK).map(problem => ({
              content_hash: result.contentHash,
              rule_id: problem.ruleId,
              severity: problem.severity,
              message: problem.message,
              pointer: problem.pointer ?? null,
              line: problem.line ?? null,
              col: problem.column ?? null,
              documentation_url: problem.documentationUrl ?? null,
            })),
          );
        }
      }),
    );
  }

  /** The lint results of some texts, in one query. */
  async resultsOf(contentHashes: string[]): Promise<Map<string, LintResult>> {
    const results = new Map<string, LintResult>();
    if (contentHashes.length === 0) return results;
    const rows = await this.db<ResultRow>('api_lint_results').whereIn(
      'content_hash',
      [...new Set(contentHashes)],
    );
    for (const row of rows) results.set(row.content_hash, toResult(row));
    return results;
  }

  /** The problems of a text, in the order Redocly reported them. */
  async problemsOf(contentHash: string): Promise<LintProblem[]> {
    const rows = await this.db<ProblemRow>('api_lint_problems')
      .where('content_hash', contentHash)
      .orderBy('id');
    return rows.map(row => ({
      ruleId: row.rule_id,
      severity: row.severity as LintProblem['severity'],
      message: row.message,
      ...(row.pointer !== null && { pointer: row.pointer }),
      ...(row.line !== null && { line: Number(row.line) }),
      ...(row.col !== null && { column: Number(row.col) }),
      ...(row.documentation_url !== null && {
        documentationUrl: row.documentation_url,
      }),
    }));
  }
}
