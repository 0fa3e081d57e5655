import { InputError } from '@backstage/errors';
import { definitionReader } from './readDefinition';
import { WorkerPool } from './runWorker';

describe('readDefinition', () => {
  const workers = new WorkerPool({ size: 1, memoryMb: 256 });
  const read = definitionReader({
    workers,
    maxAliasCount: 10,
    timeoutMs: 20_000,
  });
  const run = jest.spyOn(workers, 'run');

  afterAll(() => workers.close());
  afterEach(() => run.mockClear());

  it('reads YAML in a worker, as JSON text', async () => {
    await expect(
      read('openapi: 3.1.0\ninfo: {title: T, version: "2.0"}\npaths: {}\n'),
    ).resolves.toEqual({
      openapi: '3.1.0',
      info: { title: 'T', version: '2.0' },
      paths: {},
    });
    expect(run).toHaveBeenCalledWith(
      expect.objectContaining({ type: 'json' }),
      { timeoutMs: 20_000 },
    );
  });

  it('reads JSON on the calling thread', async () => {
    await expect(read('\uFEFF{"swagger": "2.0"}')).resolves.toEqual({
      swagger: '2.0',
    });
    expect(run).not.toHaveBeenCalled();
  });

  it('says why a text does not parse', async () => {
    await expect(read('a: [1, 2\nb: }')).rejects.toThrow(InputError);
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
    ].join('\n');
    await expect(read(bomb)).rejects.toThrow(/yaml-alias-limit/);
  });
});
