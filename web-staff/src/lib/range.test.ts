import { describe, expect, it } from 'vitest';
import { range } from './range';

describe('range', () => {
  it('counts from one end to the other, both included, and is empty backwards', () => {
    expect(range(1, 4)).toEqual([1, 2, 3, 4]);
    expect(range(3, 3)).toEqual([3]);
    expect(range(4, 1)).toEqual([]);
  });
});
