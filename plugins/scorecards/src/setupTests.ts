import '@testing-library/jest-dom';

/*
 * jsdom lays nothing out, so recharts' ResponsiveContainer would measure 0×0
 * and draw no series. This observer reports a fixed size, as a browser would
 * for a chart in a card.
 */
class FixedSizeResizeObserver {
  private readonly callback: ResizeObserverCallback;

  constructor(callback: ResizeObserverCallback) {
    this.callback = callback;
  }

  observe(target: Element) {
    const contentRect = {
      x: 0,
      y: 0,
      top: 0,
      left: 0,
      width: 800,
      height: 300,
      right: 800,
      bottom: 300,
      toJSON: () => ({}),
    };
    const entry: ResizeObserverEntry = {
      target,
      contentRect,
      borderBoxSize: [],
      contentBoxSize: [],
      devicePixelContentBoxSize: [],
    };
    this.callback([entry], this);
  }

  unobserve() {}

  disconnect() {}
}

globalThis.ResizeObserver = FixedSizeResizeObserver;

// Charts and large references render slowly on a busy 2-core CI machine
jest.setTimeout(20_000);
