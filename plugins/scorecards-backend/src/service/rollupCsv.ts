/*
 * A team's rollup as CSV: one record per entity, in the order the ritual
 * page lists them. The file is streamed a slice of records at a time, each
 * written when the socket took the previous one; the export is one audit
 * event of low severity (a read, of many entities at once).
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AuditorService, LoggerService } from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { csvRecord } from '@readiness/backend-http-utils';
import express from 'express';
import { Rollup } from './RollupService';

/** The header of the file, one column per field of a record. */
export const ROLLUP_CSV_COLUMNS = [
  'entity_ref',
  'kind',
  'namespace',
  'name',
  'level',
  'score',
  'next_level',
  'blocked_by',
  'failing_checks',
  'applicable_checks',
  'computed_at',
];

/** Records written per piece of the stream. */
const SLICE = 100;

/** The file's records, header first, a slice at a time. */
export function* rollupCsvChunks(rollup: Rollup): Generator<string> {
  yield csvRecord(ROLLUP_CSV_COLUMNS);
  for (let i = 0; i < rollup.entities.length; i += SLICE) {
    yield rollup.entities
      .slice(i, i + SLICE)
      .map(entity => {
        const ref = parseEntityRef(entity.entityRef);
        return csvRecord([
          entity.entityRef,
          ref.kind,
          ref.namespace,
          ref.name,
          entity.level ?? '',
          entity.score ?? undefined,
          entity.nextLevel ?? '',
          entity.blockedBy.join(' '),
          entity.failing,
          entity.applicable,
          entity.computedAt,
        ]);
      })
      .join('');
  }
}

/** The file name of a group's export: rollup-<namespace>-<name>.csv. */
export function rollupCsvFileName(groupRef: string): string {
  const { namespace, name } = parseEntityRef(groupRef);
  return `rollup-${namespace}-${name}.csv`.replace(/[^A-Za-z0-9._-]/g, '_');
}

type CsvRequest = express.Request<{ namespace: string; name: string }>;

/** The handler of a group's CSV export; `open` authorizes and reads the rollup. */
export function rollupCsvHandler(options: {
  auditor: AuditorService;
  logger: LoggerService;
  open: (req: CsvRequest) => Promise<Rollup>;
}) {
  const { auditor, logger } = options;
  return (
    req: CsvRequest,
    res: express.Response,
    next: express.NextFunction,
  ) => {
    const send = async () => {
      const event = await auditor.createEvent({
        eventId: 'rollup-export',
        severityLevel: 'low',
        request: req,
        meta: { namespace: req.params.namespace, name: req.params.name },
      });
      let rollup: Rollup;
      try {
        rollup = await options.open(req);
      } catch (error) {
        await event.fail({ error: error as Error });
        throw error;
      }
      res.status(200);
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader(
        'Content-Disposition',
        `attachment; filename="${rollupCsvFileName(rollup.subject.entityRef)}"`,
      );
      try {
        await pipeline(
          Readable.from(rollupCsvChunks(rollup), {
            objectMode: false,
            highWaterMark: 1,
          }),
          res,
        );
      } catch (error) {
        await event.fail({ error: error as Error });
        logger.warn(
          `Scorecards rollup export stopped after it started: ${
            (error as Error).message
          }`,
        );
        return;
      }
      await event.success({
        meta: {
          groupRef: rollup.subject.entityRef,
          entities: rollup.entities.length,
        },
      });
    };
    send().catch(next);
  };
}
