/*
 * The diff on the real-world corpus: every document against itself, every
 * pair of different documents, and known edits to the biggest ones.
 */
import fs from 'node:fs';
import path from 'node:path';
import { corpusOpenApiDocuments, corpusPath } from '@readiness/test-corpus';
import { parse } from 'yaml';
import { diffApiDefinitions } from './diffApiDefinitions';
import { API_DIFF_RULES } from './rules';

type Json = Record<string, unknown>;

/** The object at a path inside a parsed document (for edits in tests). */
function objectAt(value: unknown, ...keys: string[]): Json {
  let current = value;
  for (const key of keys) {
    current = (current as Json)[key];
  }
  if (typeof current !== 'object' || current === null) {
    throw new Error(`no object at ${keys.join('/')}`);
  }
  return current as Json;
}

const ROOT = corpusPath('openapi');
function load(file: string): unknown {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  return file.endsWith('.json') ? JSON.parse(text) : parse(text);
}

const files = corpusOpenApiDocuments();
const documents = new Map<string, unknown>();
const ruleIds = new Set(API_DIFF_RULES.map(r => r.id));

describe('the OpenAPI corpus', () => {
  beforeAll(() => {
    for (const file of files) {
      documents.set(file, load(file));
    }
  }, 120_000);

  it('has the 23 documents its README lists', () => {
    expect(files).toHaveLength(23);
    expect(files).toContain('stripe/spec3.yaml');
    expect(files).toContain('kubernetes-1.12/swagger.json');
  });

  it.each(files)('finds no change between %s and a copy of it', file => {
    const doc = documents.get(file);
    expect(diffApiDefinitions(doc, structuredClone(doc))).toEqual([]);
  });

  it('compares every pair of different documents without failing', () => {
    let compared = 0;
    const unknownRules: string[] = [];
    for (const a of files) {
      for (const b of files.filter(other => other !== a)) {
        const changes = diffApiDefinitions(documents.get(a), documents.get(b));
        unknownRules.push(
          ...changes.map(c => c.ruleId).filter(id => !ruleIds.has(id)),
        );
        compared++;
      }
    }
    expect(unknownRules).toEqual([]);
    expect(compared).toBe(23 * 22);
  });

  it('finds a removed path in every document that has paths', () => {
    for (const file of files) {
      const doc = structuredClone(documents.get(file));
      const paths = (doc as Json)?.paths;
      const [first] = Object.keys(paths ?? {});
      if (first === undefined) {
        continue;
      }
      delete objectAt(paths)[first];
      const changes = diffApiDefinitions(documents.get(file), doc);
      expect(changes).toEqual([
        expect.objectContaining({ ruleId: 'path-removed', path: first }),
      ]);
    }
  });

  it('follows Stripe responses into a shared component', () => {
    const before = documents.get('stripe/spec3.yaml');
    const after = structuredClone(before);
    delete objectAt(after, 'components', 'schemas', 'customer', 'properties')
      .email;
    const changes = diffApiDefinitions(before, after);
    expect(changes.length).toBeGreaterThan(0);
    for (const change of changes) {
      expect(change).toMatchObject({
        ruleId: 'response-property-removed',
        breaking: true,
        before: { pointer: '/components/schemas/customer/properties/email' },
        after: { pointer: '/components/schemas/customer' },
      });
    }
    expect(changes.map(c => `${c.method} ${c.path}`)).toContain(
      'get /v1/customers/{customer}',
    );
  });

  it('follows Kubernetes request and response bodies into definitions', () => {
    const before = documents.get('kubernetes-1.12/swagger.json');
    const after = structuredClone(before);
    objectAt(
      after,
      'definitions',
      'v1.PodSpec',
      'properties',
      'hostname',
    ).type = 'integer';
    const pod = diffApiDefinitions(before, after).filter(
      c => c.path === '/api/v1/namespaces/{namespace}/pods/{name}',
    );
    const pointer = '/definitions/v1.PodSpec/properties/hostname/type';
    expect(pod).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          ruleId: 'response-property-type-changed',
          method: 'get',
          before: { pointer },
        }),
        expect.objectContaining({
          ruleId: 'request-property-type-changed',
          method: 'put',
          before: { pointer },
        }),
      ]),
    );
  });
});
