import {
  FACT_ID,
  FactDefinition,
  PUSHED_FACT_PROVIDER,
  READINESS_FACTS,
} from '@readiness/plugin-scorecards-common';
import {
  ScorecardFactProvider,
  ScorecardsFactsExtensionPoint,
} from '@readiness/plugin-scorecards-node';

/**
 * The fact providers added through the extension point. Adding never
 * replaces: a provider id or fact id added before, a fact id that is not
 * `<provider id>.<name>` or a provider that declares a fact twice throws,
 * so a misconfigured module stops the backend at start. The id of pushed
 * facts (`ci`) is taken by no provider: a provider's pass records every fact
 * it declares, and would erase what CI pushed.
 */
export class FactProviderRegistry implements ScorecardsFactsExtensionPoint {
  readonly #providers = new Map<string, ScorecardFactProvider>();
  readonly #facts = new Map<string, FactDefinition>();

  addFactProvider(...providers: ScorecardFactProvider[]): void {
    for (const provider of providers) this.#add(provider);
  }

  #add(provider: ScorecardFactProvider) {
    const { id } = provider;
    if (id === PUSHED_FACT_PROVIDER) {
      throw new Error(
        `Scorecards fact provider "${id}": the id of the facts CI pushes is not a provider's`,
      );
    }
    if (this.#providers.has(id)) {
      throw new Error(`Scorecards fact provider "${id}" is already added`);
    }
    const ids = new Set<string>();
    for (const fact of provider.facts) {
      if (!FACT_ID.test(fact.id) || !fact.id.startsWith(`${id}.`)) {
        throw new Error(
          `Scorecards fact provider "${id}": fact id "${fact.id}" must be "${id}." followed by lower-case words joined by -`,
        );
      }
      if (ids.has(fact.id) || this.#facts.has(fact.id)) {
        throw new Error(
          `Scorecards fact provider "${id}": fact "${fact.id}" is already declared`,
        );
      }
      ids.add(fact.id);
    }
    this.#providers.set(id, provider);
    for (const fact of provider.facts) this.#facts.set(fact.id, fact);
  }

  /** The providers, in the order they were added. */
  providers(): ScorecardFactProvider[] {
    return [...this.#providers.values()];
  }

  /** Every fact a provider declares. */
  facts(): FactDefinition[] {
    return [...this.#facts.values()];
  }

  /**
   * The fact catalogue checks load against: the portal's families' facts,
   * as their providers declare them when added, and every other provider's.
   * A check on a fact no provider added loads, and is unknown until one is.
   */
  catalogue(): FactDefinition[] {
    const all = new Map(READINESS_FACTS.map(fact => [fact.id, fact]));
    for (const fact of this.#facts.values()) all.set(fact.id, fact);
    return [...all.values()];
  }
}
