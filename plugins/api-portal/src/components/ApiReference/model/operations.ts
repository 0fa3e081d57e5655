import {
  arrayField,
  booleanField,
  isJsonObject,
  JsonObject,
  stringField,
} from './json';
import type {
  HttpMethod,
  OpenApiReader,
  PathItemSite,
} from '@readiness/plugin-api-portal-common';

/** One operation as the list shows it; its details are read on demand. */
export interface OperationEntry {
  /** Unique within the document: method and path, or webhook and name. */
  key: string;
  kind: 'path' | 'webhook';
  method: HttpMethod;
  /** The path template, or the webhook's name. */
  path: string;
  operationId?: string;
  /** The summary, or the first sentence of the description. */
  summary?: string;
  tags: string[];
  deprecated: boolean;
  /** Lower-case text the filter matches against. */
  searchText: string;
}

export interface OperationGroup {
  name: string;
  description?: string;
  operations: OperationEntry[];
}

const SUMMARY_LENGTH = 120;

/** Markdown or HTML as one line of plain text. */
export function plainText(text: string): string {
  return text
    .replace(/<[^>]*>/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[`*_#>]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function truncated(text: string): string {
  return text.length > SUMMARY_LENGTH
    ? `${text.slice(0, SUMMARY_LENGTH - 1)}…`
    : text;
}

/** Plain text of the first sentence of a markdown or HTML description. */
export function firstSentence(text: string): string | undefined {
  const plain = plainText(text);
  if (plain.length === 0) {
    return undefined;
  }
  const end = plain.search(/[.!?](\s|$)/);
  return truncated(end >= 0 ? plain.slice(0, end + 1) : plain);
}

function entryOf(
  kind: OperationEntry['kind'],
  path: string,
  method: HttpMethod,
  operation: JsonObject,
): OperationEntry {
  const operationId = stringField(operation, 'operationId');
  const ownSummary = stringField(operation, 'summary');
  // some definitions write whole paragraphs of markdown as the summary; the
  // description is read only for operations without one
  const description = ownSummary
    ? undefined
    : stringField(operation, 'description');
  const summary = ownSummary
    ? truncated(plainText(ownSummary))
    : description && firstSentence(description);
  const tags = arrayField(operation, 'tags').filter(
    (tag): tag is string => typeof tag === 'string',
  );
  return {
    key: kind === 'path' ? `${method} ${path}` : `webhook ${path} ${method}`,
    kind,
    method,
    path,
    operationId,
    summary,
    tags,
    deprecated: booleanField(operation, 'deprecated'),
    searchText: [method, path, operationId, summary, ...tags]
      .filter(Boolean)
      .join(' ')
      .toLowerCase(),
  };
}

/**
 * Every operation of the document's paths and webhooks, in document order.
 * Only the operation objects are read: their parameters and everything
 * their `$ref`s lead to wait until an operation is opened.
 */
export function listOperations(reader: OpenApiReader): OperationEntry[] {
  const entries: OperationEntry[] = [];
  const collect = (kind: OperationEntry['kind'], items: PathItemSite[]) => {
    for (const item of items) {
      for (const method of reader.methods(item)) {
        const operation = item.item?.value[method] as JsonObject;
        entries.push(entryOf(kind, item.key, method, operation));
      }
    }
  };
  collect(
    'path',
    reader.pathKeys().map(key => reader.pathItem(key)),
  );
  collect(
    'webhook',
    reader.webhookNames().map(name => reader.webhook(name)),
  );
  return entries;
}

/** The resource a path is about: its first segment that is no version. */
function resourceOf(path: string): string {
  const segments = path
    .split('/')
    .filter(
      segment =>
        segment.length > 0 &&
        !segment.startsWith('{') &&
        !/^v\d+([._]\d+)*$/i.test(segment),
    );
  return segments[0] ?? '/';
}

/**
 * Operations by tag, in the order of the document's `tags` and then of first
 * use; a document without tags is grouped by the first segment of its paths.
 */
export function groupOperations(
  root: JsonObject,
  operations: OperationEntry[],
): OperationGroup[] {
  const groups = new Map<string, OperationGroup>();
  const groupNamed = (name: string, description?: string) => {
    let group = groups.get(name);
    if (!group) {
      group = { name, description, operations: [] };
      groups.set(name, group);
    }
    return group;
  };
  const tagged = operations.some(operation => operation.tags.length > 0);
  if (tagged) {
    for (const tag of arrayField(root, 'tags')) {
      if (isJsonObject(tag) && typeof tag.name === 'string') {
        groupNamed(tag.name, stringField(tag, 'description'));
      }
    }
  }
  const untagged: OperationEntry[] = [];
  const webhooks: OperationEntry[] = [];
  for (const operation of operations) {
    if (operation.tags.length > 0) {
      for (const tag of operation.tags) {
        groupNamed(tag).operations.push(operation);
      }
    } else if (operation.kind === 'webhook') {
      webhooks.push(operation);
    } else if (tagged) {
      untagged.push(operation);
    } else {
      groupNamed(resourceOf(operation.path)).operations.push(operation);
    }
  }
  const result = [...groups.values()].filter(g => g.operations.length > 0);
  if (untagged.length > 0) {
    result.push({ name: 'Other operations', operations: untagged });
  }
  if (webhooks.length > 0) {
    result.push({ name: 'Webhooks', operations: webhooks });
  }
  return result;
}

/** The groups with only the operations matching every word of `query`. */
export function filterGroups(
  groups: OperationGroup[],
  query: string,
): OperationGroup[] {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) {
    return groups;
  }
  const matches = (operation: OperationEntry, group: OperationGroup) =>
    terms.every(
      term =>
        operation.searchText.includes(term) ||
        group.name.toLowerCase().includes(term),
    );
  return groups
    .map(group => ({
      ...group,
      operations: group.operations.filter(operation =>
        matches(operation, group),
      ),
    }))
    .filter(group => group.operations.length > 0);
}
