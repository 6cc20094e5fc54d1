import { describe, expect, it } from 'vitest';
import { managePath } from './use-managed-appointment';

describe('the manage pages', () => {
  it('carry the token in the fragment only', () => {
    expect(managePath('bcm_abc')).toEqual({ pathname: '/verwaltung', hash: 'bcm_abc' });
    expect(managePath('bcm_abc', 'verschieben')).toEqual({ pathname: '/verwaltung/verschieben', hash: 'bcm_abc' });
    expect(managePath('bcm_abc', 'absagen')).toEqual({ pathname: '/verwaltung/absagen', hash: 'bcm_abc' });
  });
});
