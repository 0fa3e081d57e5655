import { act, renderHook, waitFor } from '@testing-library/react';
import { useCursorPages } from './useCursorPages';

describe('useCursorPages', () => {
  it('reads the first page, then the next on loadMore, and again on reload', async () => {
    const readPage = jest.fn(async ({ cursor }: { cursor?: string }) =>
      cursor ? { items: [3] } : { items: [1, 2], nextCursor: 'c2' },
    );
    const { result } = renderHook(() => useCursorPages(readPage));
    expect(result.current.loading).toBe(true);
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(result.current.items).toEqual([1, 2]);
    expect(readPage).toHaveBeenLastCalledWith({});

    act(() => result.current.loadMore());
    await waitFor(() => expect(result.current.items).toEqual([1, 2, 3]));
    expect(readPage).toHaveBeenLastCalledWith({ cursor: 'c2' });
    expect(result.current.nextCursor).toBeUndefined();

    act(() => result.current.reload());
    await waitFor(() => expect(result.current.items).toEqual([1, 2]));
    expect(readPage).toHaveBeenCalledTimes(3);
  });

  it('empties the list when the first page fails, keeping the error', async () => {
    const failure = new Error('boom');
    // One function for every render, as a caller's useCallback gives
    const readPage = async () => Promise.reject(failure);
    const { result } = renderHook(() => useCursorPages(readPage));
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(result.current.error).toBe(failure);
    expect(result.current.items).toEqual([]);
  });
});
