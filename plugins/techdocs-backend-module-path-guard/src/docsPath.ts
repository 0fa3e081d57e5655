/*
 * Why this exists: TechDocs authorizes the entity named by the first three
 * segments of /static/docs/<namespace>/<kind>/<name>/<rest>, after checking
 * <rest> with decodeURI, which leaves %2F and %5C encoded. The file server
 * behind it decodes every escape, so `..%2F..%2Fsystem%2Fportal/index.html`
 * passes the check as one harmless segment and is then served from another
 * entity's folder. Here every segment is decoded until nothing changes (so
 * double encoding cannot hide a separator), separators are both slashes and
 * backslashes, and Unicode look-alikes are folded (NFKC) before the check.
 */

/** What {@link checkDocsPath} says of a path below `/static/docs`. */
export type DocsPathVerdict =
  | { ok: true; namespace: string; kind: string; name: string; rest: string[] }
  | { ok: false; reason: string };

const MAX_DECODE_ROUNDS = 4;
const MAX_SEGMENT_LENGTH = 255;
const MAX_PATH_LENGTH = 4096;
// Control characters, including NUL, never belong in a docs path
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
const SEPARATORS = /[\\/]/;

function decodeFully(segment: string): string | undefined {
  let current = segment;
  for (let round = 0; round < MAX_DECODE_ROUNDS; round++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return undefined;
    }
    if (next === current) {
      return current;
    }
    current = next;
  }
  // Still changing after several rounds: nobody links like this
  return undefined;
}

function isDotSegment(part: string): boolean {
  return part === '.' || part === '..';
}

/**
 * Checks a raw (still percent-encoded) path below `/static/docs`, e.g.
 * `/default/component/ledger/guide/index.html`. The entity's three segments
 * must each decode to one plain name; every later segment, decoded and folded,
 * must stay inside that entity's folder.
 */
export function checkDocsPath(rawPath: string): DocsPathVerdict {
  if (rawPath.length > MAX_PATH_LENGTH) {
    return { ok: false, reason: 'path too long' };
  }
  const raw = rawPath.replace(/^\/+/, '').split('/');
  if (raw.length < 3) {
    return { ok: false, reason: 'no entity in the path' };
  }
  const decoded: string[] = [];
  for (const segment of raw) {
    const plain = decodeFully(segment);
    if (plain === undefined) {
      return { ok: false, reason: 'undecodable segment' };
    }
    if (plain.length > MAX_SEGMENT_LENGTH || CONTROL.test(plain)) {
      return { ok: false, reason: 'invalid segment' };
    }
    decoded.push(plain);
  }
  const [namespace, kind, name, ...rest] = decoded;
  for (const part of [namespace, kind, name]) {
    const folded = part.normalize('NFKC');
    if (!part || SEPARATORS.test(folded) || isDotSegment(folded.trim())) {
      return { ok: false, reason: 'invalid entity segment' };
    }
  }
  const parts: string[] = [];
  for (const [index, segment] of rest.entries()) {
    const pieces = segment.normalize('NFKC').split(SEPARATORS);
    for (const piece of pieces) {
      if (isDotSegment(piece.trim())) {
        return { ok: false, reason: 'dot segment' };
      }
    }
    // An empty segment is only allowed last (a directory URL's trailing slash)
    if (pieces.some(p => p === '') && index !== rest.length - 1) {
      return { ok: false, reason: 'empty segment' };
    }
    if (pieces.length > 1) {
      return { ok: false, reason: 'encoded separator' };
    }
    parts.push(segment);
  }
  return { ok: true, namespace, kind, name, rest: parts };
}
