import { describe, expect, it } from 'vitest';
import { splitIntoPages } from './use-row-pages';

describe('paging a list on the call display', () => {
  it('puts as many rows on a page as fit below the table head', () => {
    expect(splitIntoPages([50, 50, 50, 50, 50], 40, 200)).toEqual([3, 2]);
    expect(splitIntoPages([50, 50, 50], 40, 200)).toEqual([3]);
  });

  it('moves a row that would cross the edge to the next page, keeping the order', () => {
    expect(splitIntoPages([50, 100, 50, 50], 40, 200)).toEqual([2, 2]);
  });

  it('keeps one pixel spare for rounding', () => {
    expect(splitIntoPages([80, 80], 40, 200)).toEqual([1, 1]);
    expect(splitIntoPages([80, 79], 40, 200)).toEqual([2]);
  });

  it('gives a row taller than the box a page of its own, and no rows no page', () => {
    expect(splitIntoPages([50, 300, 50], 40, 200)).toEqual([1, 1, 1]);
    expect(splitIntoPages([], 40, 200)).toEqual([]);
  });
});
