/*
 * The parts of the reference that its operation list does not need, loaded
 * on demand so that the list's first paint waits for none of their code: an
 * operation's details (its schemas, examples and tabs), and the two core
 * components it shows late or rarely. core-components is imported through
 * its index, and a bundler that cannot see which of its components are used
 * would bring them all along with the list. In an app that has loaded them
 * already, each import settles at once.
 */
import { ComponentType } from 'react';

interface LatePart<P> {
  /** Starts loading the part's code; resolves when it is there. */
  load(): Promise<ComponentType<P>>;
  /**
   * Renders the part: at once when its code is loaded, else it suspends
   * (the nearest `Suspense` shows its fallback) until it is.
   */
  Part: ComponentType<P>;
}

/**
 * Unlike `React.lazy`, a part whose code was loaded before it is first shown
 * renders in the same pass, so an operation opened after the preload shows
 * its details without a fallback in between.
 */
function latePart<P extends object>(
  importPart: () => Promise<ComponentType<P>>,
): LatePart<P> {
  let loaded: ComponentType<P> | undefined;
  let failed: { error: unknown } | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const load = () => {
    pending ??= importPart().then(
      part => {
        loaded = part;
        return part;
      },
      error => {
        failed = { error };
        throw error;
      },
    );
    return pending;
  };
  function Part(props: P) {
    if (loaded) {
      const Loaded = loaded;
      return <Loaded {...props} />;
    }
    if (failed) {
      throw failed.error;
    }
    throw load().catch(() => undefined);
  }
  return { load, Part };
}

const details = latePart(() =>
  import('./OperationDetails').then(m => m.OperationDetails),
);

const warningPanel = latePart(() =>
  import('./coreComponents').then(m => m.WarningPanel),
);

const markdownContent = latePart(() =>
  import('./coreComponents').then(m => m.MarkdownContent),
);

/**
 * Starts loading what opening an operation needs, so that it is there by the
 * time a reader clicks one.
 */
export function preloadLateParts() {
  const ignore = () => {
    // a failed load is reported where the part is shown
  };
  details.load().catch(ignore);
  markdownContent.load().catch(ignore);
}

export const LazyOperationDetails = details.Part;
export const LazyWarningPanel = warningPanel.Part;
export const LazyMarkdownContent = markdownContent.Part;
