import { repositoryPath } from '@readiness/test-corpus';
import fs from 'node:fs';
import YAML from 'yaml';
import { toPostmanCollection } from './postman';

/** The ledger v2 sample definition, parsed afresh. */
function ledgerV2(): Record<string, unknown> {
  return YAML.parse(
    fs.readFileSync(repositoryPath('services/ledger/openapi.yaml'), 'utf8'),
  );
}

function requestsOf(items: unknown[]): Array<{ name: string; method: string }> {
  return items.flatMap(item => {
    const {
      item: children,
      request,
      name,
    } = item as {
      item?: unknown[];
      request?: { method: string };
      name: string;
    };
    if (children) return requestsOf(children);
    return request ? [{ name, method: request.method }] : [];
  });
}

describe('toPostmanCollection', () => {
  it('converts the ledger v2 spec into a collection grouped by tag', async () => {
    const spec = ledgerV2();
    const before = JSON.stringify(spec);
    const collection = await toPostmanCollection(spec);
    expect(JSON.stringify(spec)).toBe(before);

    expect(collection).toMatchObject({
      info: {
        name: 'Ledger API',
        schema:
          'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
      },
    });
    const folders = (collection.item as Array<{ name: string }>).map(
      f => f.name,
    );
    expect(folders).toEqual(['Journal entries', 'Accounts', 'Balances']);
    const requests = requestsOf(collection.item as unknown[]);
    expect(requests).toHaveLength(7);
    expect(requests).toEqual(
      expect.arrayContaining([
        { name: 'Post a journal entry', method: 'POST' },
        { name: 'Get account balances', method: 'GET' },
      ]),
    );
    expect(collection.variable).toEqual([
      {
        key: 'baseUrl',
        type: 'string',
        value: 'https://api.example.com/ledger/v2',
      },
    ]);
    expect(collection.auth).toMatchObject({ type: 'oauth2' });
  });

  it('rejects what is not an API description with a clear message', async () => {
    await expect(toPostmanCollection({ hello: 'world' })).rejects.toThrow(
      "Not an OpenAPI document: it has neither an 'openapi' nor a 'swagger' field",
    );
  });

  it('says why the converter refused a document', async () => {
    await expect(
      toPostmanCollection({
        openapi: '3.0.0',
        info: { title: 'No paths', version: '1' },
      }),
    ).rejects.toThrow(
      "Cannot convert 'No paths' to a Postman collection: Specification must contain Paths Object",
    );
  });
});
