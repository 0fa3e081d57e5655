import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuditorService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import express from 'express';
import request from 'supertest';
import { ExportDocument, ExportService } from './ExportService';
import { createExportHandlers } from './router';

type Recorded = {
  options: Parameters<AuditorService['createEvent']>[0];
  outcome?: { success?: unknown; fail?: Error };
};

/** An auditor that keeps every event with how it ended. */
function recordingAuditor() {
  const events: Recorded[] = [];
  const auditor = {
    createEvent: async (options: Recorded['options']) => {
      const event: Recorded = { options };
      events.push(event);
      return {
        success: async (params?: { meta?: unknown }) => {
          event.outcome = { success: params?.meta };
        },
        fail: async (params: { error: Error }) => {
          event.outcome = { fail: params.error };
        },
      };
    },
  } as unknown as AuditorService;
  return { auditor, events };
}

/** Waits until the export's audit event has ended (after the response did). */
async function ended(events: Recorded[]) {
  for (let i = 0; i < 100 && !events[0]?.outcome; i++) {
    await new Promise(resolve => setTimeout(resolve, 10));
  }
  return events[0]?.outcome;
}

function csvDocument(pieces: string[], failAfter?: number): ExportDocument {
  return {
    fileName: 'evidence-all-portal.csv',
    contentType: 'text/csv',
    chunks: (async function* chunks() {
      for (const [i, piece] of pieces.entries()) {
        if (i === failAfter) throw new Error('database went away');
        yield piece;
      }
    })(),
    written: () => ({ items: pieces.length - 1 }),
  };
}

function appWith(exports: Partial<ExportService>) {
  const { auditor, events } = recordingAuditor();
  const handlers = createExportHandlers({
    exports: exports as ExportService,
    caller: async () => mockCredentials.user(),
    auditor,
    logger: mockServices.logger.mock(),
  });
  const app = express();
  app.get('/evidence.csv', handlers.evidenceCsv);
  // Errors handed on reach the error middleware, as in the backend
  app.use(
    (
      error: Error,
      _req: express.Request,
      res: express.Response,
      _next: express.NextFunction,
    ) => {
      res
        .status(error.name === 'InputError' ? 400 : 500)
        .json({ error: { name: error.name, message: error.message } });
    },
  );
  return { app, events };
}

describe('the export handlers', () => {
  it('send the file as an attachment in its pieces and audit it as a low-severity event with what was written', async () => {
    const { app, events } = appWith({
      evidenceCsv: async () => csvDocument(['a,b\r\n', '1,2\r\n', '3,4\r\n']),
    });
    const res = await request(app).get('/evidence.csv?framework=SOC2');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="evidence-all-portal.csv"',
    );
    expect(res.text).toBe('a,b\r\n1,2\r\n3,4\r\n');
    expect(await ended(events)).toEqual({ success: { items: 2 } });
    expect(events).toHaveLength(1);
    expect(events[0].options).toMatchObject({
      eventId: 'export-evidence-csv',
      severityLevel: 'low',
      meta: { framework: 'SOC2' },
    });
  });

  it('answer a refusal before the first piece as an error, and audit it as failed', async () => {
    const { app, events } = appWith({
      evidenceCsv: async () => {
        throw new InputError('framework: expected one of SOC2');
      },
    });
    const res = await request(app).get('/evidence.csv?framework=PCI');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('framework: expected one of SOC2');
    expect((await ended(events))?.fail?.message).toBe(
      'framework: expected one of SOC2',
    );
  });

  it('cut the file short when it fails after the first piece, and audit the failure', async () => {
    const { app, events } = appWith({
      evidenceCsv: async () => csvDocument(['a,b\r\n', '1,2\r\n'], 1),
    });
    await expect(request(app).get('/evidence.csv')).rejects.toThrow();
    expect((await ended(events))?.fail?.message).toBe('database went away');
  });
});
