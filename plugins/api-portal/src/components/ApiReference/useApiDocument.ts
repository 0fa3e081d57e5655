import { useMemo } from 'react';
import { ApiDocument, readApiDocument } from './model/document';

export type ApiDocumentState =
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

// The last definition read: coming back to the same tab costs no second read
let lastRead:
  | { definition: string | object; state: ApiDocumentState }
  | undefined;

/**
 * Reads a definition as the reference first renders. Reading lists the
 * operations only (a large YAML definition's other sections are parsed when
 * shown), which is quick even for Stripe's: a progress indicator first would
 * only add a render and a task before the list.
 */
export function useApiDocument(definition: string | object): ApiDocumentState {
  return useMemo(() => {
    if (lastRead?.definition !== definition) {
      lastRead = { definition, state: read(definition) };
    }
    return lastRead.state;
  }, [definition]);
}
