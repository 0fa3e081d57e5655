/*
 * The definitions and the catalog of the API portal benchmark: every OpenAPI
 * and Swagger document of the corpus, plus deterministic versions of each
 * (a new info.version, one path added, the first path renamed on even
 * versions), so that a family has several versions to compare. Smaller
 * documents get more versions than large ones (weight 1/√size): the set stays
 * realistic (mostly ordinary definitions, a few huge ones) and the run stays
 * within minutes.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Entity } from '@backstage/catalog-model';
import { corpusOpenApiDocuments, corpusPath } from '@readiness/test-corpus';

/** One distinct definition text of the benchmark. */
export type BenchSpec = {
  /** The corpus document it comes from, relative to corpus/openapi. */
  document: string;
  /** A name for the document, usable in entity names and families. */
  slug: string;
  /** 0 is the corpus text unchanged. */
  version: number;
  text: string;
  /** SHA-256 of the text, hex: the portal's content hash. */
  contentHash: string;
  bytes: number;
  syntax: 'json' | 'yaml';
};

function slugOf(document: string, documents: string[]): string {
  const dir = document.split('/')[0];
  const shared = documents.filter(d => d.split('/')[0] === dir).length > 1;
  const raw = shared
    ? `${dir}-${path.basename(document).replace(/\.[^.]+$/, '')}`
    : dir;
  return raw
    .toLocaleLowerCase('en-US')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The operation a version adds: small, valid, with the responses lint wants. */
function addedOperation(version: number) {
  return {
    path: `/bench-version-${version}`,
    operation: {
      operationId: `benchVersion${version}`,
      summary: `Added in bench version ${version}`,
      responses: {
        '200': { description: 'ok' },
        '404': { description: 'not found' },
      },
    },
  };
}

function reviseJson(text: string, version: number): string | undefined {
  let value: any;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!value || typeof value !== 'object') return undefined;
  value.info = { ...value.info, version: `100.${version}.0` };
  const added = addedOperation(version);
  const paths = Object.entries(value.paths ?? {});
  if (version % 2 === 0 && paths.length > 0) {
    paths[0] = [`${paths[0][0]}-v${version}`, paths[0][1]];
  }
  value.paths = Object.fromEntries([
    [added.path, { get: added.operation }],
    ...paths,
  ]);
  return JSON.stringify(value, null, 2);
}

function reviseYaml(text: string, version: number): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  let revised = text.replace(
    /^(info:[^\r\n]*\r?\n(?:(?:[ \t]+[^\r\n]*)?\r?\n)*?)([ \t]+)version:[^\r\n]*$/m,
    (_m, head, indent) => `${head}${indent}version: '100.${version}.0'`,
  );
  const paths =
    /^paths:[ \t]*\r?\n((?:[ \t]*(?:#[^\r\n]*)?\r?\n)*)([ \t]+)(['"]?)(\/[^'":\r\n]*)\3:/m;
  const match = paths.exec(revised);
  if (match) {
    const [whole, blank, indent, quote, first] = match;
    const { path: added, operation } = addedOperation(version);
    const i = indent;
    const insert = [
      `${i}${added}:`,
      `${i}${i}get:`,
      `${i}${i}${i}operationId: ${operation.operationId}`,
      `${i}${i}${i}summary: ${operation.summary}`,
      `${i}${i}${i}responses:`,
      `${i}${i}${i}${i}'200':`,
      `${i}${i}${i}${i}${i}description: ok`,
      `${i}${i}${i}${i}'404':`,
      `${i}${i}${i}${i}${i}description: not found`,
    ].join(eol);
    const firstKey =
      version % 2 === 0
        ? `${quote}${first}-v${version}${quote}:`
        : `${quote}${first}${quote}:`;
    revised = revised.replace(
      whole,
      `paths:${eol}${blank}${insert}${eol}${indent}${firstKey}`,
    );
  }
  return revised;
}

/** Version `version` (≥ 1) of a corpus text. */
export function reviseDefinition(text: string, version: number): string {
  const revised = /^\s*[{[]/.test(text)
    ? reviseJson(text, version)
    : reviseYaml(text, version);
  // A text the edits could not change still becomes distinct
  return revised !== undefined && revised !== text
    ? revised
    : `${text}\n# bench version ${version}\n`;
}

/**
 * How many versions each document gets: `total` shared in proportion to
 * 1/√size, sizes under 250 kB counting as 250 kB (at least `floor` each), by largest remainder.
 */
function versionCounts(sizes: number[], total: number): number[] {
  const floor = total >= sizes.length * 2 ? 2 : 1;
  const weights = sizes.map(s => 1 / Math.sqrt(Math.max(s, 250_000)));
  const sum = weights.reduce((a, b) => a + b, 0);
  const spare = total - floor * sizes.length;
  const exact = weights.map(w => (w / sum) * Math.max(0, spare));
  const counts = exact.map(e => floor + Math.floor(e));
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((e, i) => ({ i, r: e - Math.floor(e) }))
    .sort((a, b) => b.r - a.r);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) {
    counts[order[k].i] += 1;
  }
  return counts;
}

/** `count` distinct definition texts over the whole corpus. */
export function buildSpecSet(count: number): BenchSpec[] {
  const documents = corpusOpenApiDocuments();
  const texts = documents.map(d =>
    fs.readFileSync(corpusPath('openapi', d), 'utf8'),
  );
  const counts =
    count >= documents.length
      ? versionCounts(
          texts.map(t => Buffer.byteLength(t)),
          count,
        )
      : documents.map((_, i) => (i < count ? 1 : 0));
  const specs: BenchSpec[] = [];
  const seen = new Set<string>();
  documents.forEach((document, d) => {
    const slug = slugOf(document, documents);
    for (let version = 0; version < counts[d]; version++) {
      let text = version === 0 ? texts[d] : reviseDefinition(texts[d], version);
      while (seen.has(sha256(text))) text = `${text}\n`;
      const contentHash = sha256(text);
      seen.add(contentHash);
      specs.push({
        document,
        slug,
        version,
        text,
        contentHash,
        bytes: Buffer.byteLength(text),
        syntax: /^\s*[{[]/.test(text) ? 'json' : 'yaml',
      });
    }
  });
  return specs;
}

/** Where an API entity of the benchmark catalog comes from. */
export type BenchEntity = {
  entity: Entity;
  spec: BenchSpec;
  family: string;
  partner: boolean;
};

/**
 * `count` API entities over the specs: entity i uses spec i mod n, and copy
 * c = ⌊i / n⌋ of a document's versions forms its own family (as several
 * teams would each run the same API); copy 1 is partner-facing.
 */
export function buildEntities(
  specs: BenchSpec[],
  count: number,
): BenchEntity[] {
  return Array.from({ length: count }, (_, i) => {
    const spec = specs[i % specs.length];
    const copy = Math.floor(i / specs.length);
    const suffix = copy === 0 ? '' : `-c${copy}`;
    const family = `${spec.slug}${suffix}`;
    const partner = copy === 1;
    const entity: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'API',
      metadata: {
        name: `${spec.slug}-v${spec.version}${suffix}`,
        namespace: 'default',
        // As the catalog sets them: stable while the entity does not change
        uid: `bench-${i}`,
        etag: `${spec.contentHash.slice(0, 16)}-${i}`,
        annotations: {
          'readiness.dev/api-family': family,
          ...(partner && { 'readiness.dev/audience': 'partner' }),
        },
      },
      spec: {
        type: 'openapi',
        lifecycle: 'production',
        owner: 'group:default/team-platform',
        definition: spec.text,
      },
    };
    return { entity, spec, family, partner };
  });
}
