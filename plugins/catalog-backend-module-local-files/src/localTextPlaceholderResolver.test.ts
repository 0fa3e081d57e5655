import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PlaceholderResolverParams } from '@backstage/plugin-catalog-node';
import {
  createLocalTextPlaceholderResolver,
  MAX_LOCAL_PLACEHOLDER_BYTES,
} from './localTextPlaceholderResolver';

describe('createLocalTextPlaceholderResolver', () => {
  const resolver = createLocalTextPlaceholderResolver();
  let root: string;
  let catalogFile: string;

  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'local-files-'));
    fs.mkdirSync(path.join(root, 'svc', 'specs'), { recursive: true });
    catalogFile = path.join(root, 'svc', 'catalog-info.yaml');
    fs.writeFileSync(catalogFile, 'kind: Component');
    fs.writeFileSync(path.join(root, 'svc', 'openapi.yaml'), 'openapi: 3.1.0');
    fs.writeFileSync(
      path.join(root, 'svc', 'specs', 'v1.yaml'),
      'swagger: "2.0"',
    );
    fs.writeFileSync(path.join(root, 'secret.txt'), 'do not read');
    fs.symlinkSync(
      path.join(root, 'secret.txt'),
      path.join(root, 'svc', 'link.txt'),
    );
    fs.writeFileSync(
      path.join(root, 'svc', 'huge.yaml'),
      Buffer.alloc(MAX_LOCAL_PLACEHOLDER_BYTES + 1, 'a'),
    );
  });

  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  function params(
    value: unknown,
    baseUrl = catalogFile,
    overrides: Partial<PlaceholderResolverParams> = {},
  ): PlaceholderResolverParams {
    return {
      key: 'text',
      value: value as any,
      baseUrl,
      read: jest.fn(),
      resolveUrl: jest.fn(),
      emit: jest.fn(),
      ...overrides,
    };
  }

  it('reads files next to and below a catalog file on disk', async () => {
    await expect(resolver(params('./openapi.yaml'))).resolves.toBe(
      'openapi: 3.1.0',
    );
    await expect(resolver(params('specs/v1.yaml'))).resolves.toBe(
      'swagger: "2.0"',
    );
  });

  it('refuses paths that leave the catalog file folder', async () => {
    await expect(resolver(params('../secret.txt'))).rejects.toThrow(
      /may only read files in the folder/,
    );
    await expect(resolver(params('./link.txt'))).rejects.toThrow(
      /may only read files in the folder/,
    );
    await expect(resolver(params('/etc/passwd'))).rejects.toThrow(
      /may only read files in the folder/,
    );
  });

  it('says what is missing, too large or not a string', async () => {
    await expect(resolver(params('./nope.yaml'))).rejects.toThrow(
      /could not read \.\/nope\.yaml: no such file next to/,
    );
    await expect(resolver(params('./huge.yaml'))).rejects.toThrow(
      /over the limit/,
    );
    await expect(resolver(params('./specs'))).rejects.toThrow(/is not a file/);
    await expect(resolver(params(42))).rejects.toThrow(/expected a string/);
  });

  it('reads URL locations through the URL reader as before', async () => {
    const read = jest.fn(async () => Buffer.from('from the reader'));
    const resolveUrl = jest.fn((url: string, base: string) =>
      new URL(url, base).toString(),
    );
    const emit = jest.fn();
    const p = params(
      './openapi.yaml',
      'https://git.example.com/org/repo/blob/main/catalog-info.yaml',
      { read, resolveUrl, emit },
    );
    await expect(resolver(p)).resolves.toBe('from the reader');
    expect(read).toHaveBeenCalledWith(
      'https://git.example.com/org/repo/blob/main/openapi.yaml',
    );
    expect(emit).toHaveBeenCalledTimes(1);
  });
});
