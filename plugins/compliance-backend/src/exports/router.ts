import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AuditorService, LoggerService } from '@backstage/backend-plugin-api';
import { JsonObject } from '@backstage/types';
import {
  CallerCredentials,
  entityRefOfPath,
} from '@readiness/backend-http-utils';
import express from 'express';
import { CallOptions } from '../service/EvidenceService';
import { ExportDocument, ExportService } from './ExportService';

type ExportRequest = express.Request<any, any, any, any>;

/**
 * Express handlers of the export routes. Each export is one audit event of
 * low severity (an export is a read, but of many records at once): its
 * query, then how much was written, or the failure. The file is sent as an
 * attachment in pieces, each written when the previous one was taken.
 */
export function createExportHandlers(options: {
  exports: ExportService;
  caller: CallerCredentials;
  auditor: AuditorService;
  logger: LoggerService;
}) {
  const { exports, caller, auditor, logger } = options;

  const handler =
    (
      eventId: string,
      meta: (req: ExportRequest) => JsonObject,
      open: (req: ExportRequest, call: CallOptions) => Promise<ExportDocument>,
    ) =>
    (req: ExportRequest, res: express.Response, next: express.NextFunction) => {
      const send = async () => {
        const event = await auditor.createEvent({
          eventId,
          severityLevel: 'low',
          request: req,
          meta: meta(req),
        });
        let document: ExportDocument;
        try {
          document = await open(req, { credentials: await caller(req) });
        } catch (error) {
          await event.fail({ error: error as Error });
          throw error;
        }
        res.status(200);
        res.setHeader('Content-Type', `${document.contentType}; charset=utf-8`);
        res.setHeader(
          'Content-Disposition',
          `attachment; filename="${document.fileName}"`,
        );
        try {
          // One piece in flight: the next is read when the socket took this one
          await pipeline(
            Readable.from(document.chunks, {
              objectMode: false,
              highWaterMark: 1,
            }),
            res,
          );
        } catch (error) {
          await event.fail({ error: error as Error });
          logger.warn(
            `Export ${eventId} stopped after it started: ${
              (error as Error).message
            }`,
          );
          return;
        }
        await event.success({ meta: document.written() });
      };
      send().catch(next);
    };

  const query = (req: ExportRequest) =>
    Object.fromEntries(
      Object.entries(req.query).filter(([, v]) => typeof v === 'string'),
    ) as JsonObject;

  return {
    assessmentResults: handler(
      'export-assessment-results',
      query,
      (req, call) =>
        exports.assessmentResults(
          { framework: req.query.framework, system: req.query.system },
          call,
        ),
    ),
    componentDefinition: handler(
      'export-component-definition',
      req => ({ namespace: req.params.namespace, name: req.params.name }),
      (req, call) =>
        exports.componentDefinition(
          entityRefOfPath({ kind: 'system', ...req.params }),
          call,
        ),
    ),
    evidenceCsv: handler('export-evidence-csv', query, (req, call) =>
      exports.evidenceCsv(
        { framework: req.query.framework, system: req.query.system },
        call,
      ),
    ),
    matrixCsv: handler('export-matrix-csv', query, (req, call) =>
      exports.matrixCsv(
        { framework: req.query.framework, groupBy: req.query.groupBy },
        call,
      ),
    ),
  };
}
