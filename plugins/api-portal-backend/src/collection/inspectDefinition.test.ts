import { WorkerPool } from '../worker/runWorker';
import { inspectDefinition } from './inspectDefinition';

const limits = {
  maxSpecBytes: 1024 * 1024,
  maxYamlAliases: 100,
  timeoutMs: 20_000,
  memoryMb: 256,
};
const workers = new WorkerPool({ size: 1, memoryMb: 256 });
afterAll(() => workers.close());

const info = 'info: { title: Accounts, version: 1.0.0 }\npaths: {}\n';

async function formatOf(header: string, specType = 'openapi') {
  const { format, specVersion, status } = await inspectDefinition(
    specType,
    `${header}\n${info}`,
    limits,
    workers,
  );
  return { format, specVersion, status };
}

describe('inspectDefinition', () => {
  it('names the field that declares the dialect, and its version as written', async () => {
    expect(await formatOf('openapi: 3.1.1')).toEqual({
      format: 'openapi',
      specVersion: '3.1.1',
      status: 'ok',
    });
    // YAML reads these as numbers: kept as written, not a dialect
    expect(await formatOf('swagger: 2.0')).toEqual({
      format: 'swagger',
      specVersion: '2',
      status: 'ok',
    });
    expect(await formatOf('openapi: 3.1')).toEqual({
      format: 'openapi',
      specVersion: '3.1',
      status: 'ok',
    });
  });

  it('reads the dialect as the diff and the SDK generators do', async () => {
    // An OpenAPI 3 version is never read as Swagger
    expect(await formatOf('openapi: 3.2.0\nswagger: "2.0"')).toMatchObject({
      format: 'openapi',
      specVersion: '3.2.0',
    });
    // A Swagger 2.0 document with a stray `openapi` field is Swagger
    expect(await formatOf('openapi: "2.5"\nswagger: "2.0"')).toMatchObject({
      format: 'swagger',
      specVersion: '2.0',
    });
  });

  it('tells AsyncAPI and other documents apart', async () => {
    expect(await formatOf('asyncapi: 2.6.0', 'asyncapi')).toEqual({
      format: 'asyncapi',
      specVersion: '2.6.0',
      status: 'ok',
    });
    expect(await formatOf('title: nothing')).toEqual({
      format: 'other',
      specVersion: undefined,
      status: 'not-openapi',
    });
  });
});
