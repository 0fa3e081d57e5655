/**
 * A source a module adds through a family's extension point: named, and
 * handed the family's services once the backend has started.
 *
 * @public
 */
export type ConnectedSource<TTarget> = {
  readonly name: string;
  connect(target: TTarget): Promise<void>;
};

/**
 * The sources modules added through one extension point, by name: a second
 * source of a name already added throws instead of replacing the first.
 *
 * @public
 */
export class ConnectedSourceRegistry<TTarget> {
  private readonly sources = new Map<string, ConnectedSource<TTarget>>();

  /** @param described - how a refusal names a source, e.g. "A compliance evidence source". */
  constructor(private readonly described: string) {}

  add(source: ConnectedSource<TTarget>) {
    if (this.sources.has(source.name)) {
      throw new Error(`${this.described} named ${source.name} was added twice`);
    }
    this.sources.set(source.name, source);
  }

  /** Hands every source the services, one after the other. */
  async connectAll(target: TTarget) {
    for (const source of this.sources.values()) {
      await source.connect(target);
    }
  }
}
