import { useEffect, useState } from 'react';
import { ApiDocument, readApiDocument } from './model/document';

export type ApiDocumentState =
  | { status: 'loading' }
  | { status: 'ready'; document: ApiDocument }
  | { status: 'failed'; error: Error };

function read(definition: string | object): ApiDocumentState {
  try {
    return { status: 'ready', document: readApiDocument(definition) };
  } catch (error) {
    return {
      status: 'failed',
      error: error instanceof Error ? error : new Error(String(error)),
    };
  }
}

// The last definition read: coming back to the same tab costs no second parse
let lastRead:
  | { definition: string | object; state: ApiDocumentState }
  | undefined;

/**
 * Parses a definition after the first paint, so a progress indicator shows
 * while a multi-megabyte document is read.
 */
export function useApiDocument(definition: string | object): ApiDocumentState {
  const [result, setResult] = useState(() =>
    lastRead?.definition === definition ? lastRead : undefined,
  );
  useEffect(() => {
    if (lastRead?.definition === definition) {
      setResult(lastRead);
      return undefined;
    }
    const timer = setTimeout(() => {
      lastRead = { definition, state: read(definition) };
      setResult(lastRead);
    }, 0);
    return () => clearTimeout(timer);
  }, [definition]);
  return result?.definition === definition
    ? result.state
    : { status: 'loading' };
}
