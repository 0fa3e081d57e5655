/**
 * Splits a k6 metric key into its name and tag selector:
 * `http_req_duration{expected_response:true}` → name and `{ expected_response: 'true' }`.
 * A tag value may itself contain colons (URLs), so only the first one splits.
 *
 * @public
 */
export function parseMetricKey(key: string): {
  name: string;
  tags: Record<string, string>;
} {
  const open = key.indexOf('{');
  if (open < 0 || !key.endsWith('}')) {
    return { name: key, tags: {} };
  }
  const tags: Record<string, string> = {};
  for (const part of key.slice(open + 1, -1).split(',')) {
    const colon = part.indexOf(':');
    if (colon > 0) {
      tags[part.slice(0, colon).trim()] = part.slice(colon + 1).trim();
    }
  }
  return { name: key.slice(0, open), tags };
}

/**
 * The k6 key of a metric with tags, the inverse of {@link parseMetricKey}.
 *
 * @public
 */
export function formatMetricKey(
  name: string,
  tags: Record<string, string>,
): string {
  const entries = Object.entries(tags);
  if (entries.length === 0) {
    return name;
  }
  return `${name}{${entries.map(([k, v]) => `${k}:${v}`).join(',')}}`;
}
