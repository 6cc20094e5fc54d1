import { describe, expect, it } from 'vitest';
import { lockedMinutes, newPasswordErrors } from './NewPasswordInputs';

const t = (key: string) => key;

describe('a new password before it is sent', () => {
  it('must be given and repeated exactly', () => {
    expect(newPasswordErrors(t, 'lang genug und geheim', 'lang genug und geheim')).toEqual({});
    expect(newPasswordErrors(t, '', '')).toEqual({ password: 'setPassword.required' });
    expect(newPasswordErrors(t, 'lang genug und geheim', 'lang genug und geheim ')).toEqual({
      repeat: 'setPassword.mismatch',
    });
  });

  it('after too many attempts, waits whole minutes, at least one', () => {
    expect(lockedMinutes(1)).toBe(1);
    expect(lockedMinutes(60)).toBe(1);
    expect(lockedMinutes(61)).toBe(2);
    expect(lockedMinutes(0)).toBe(1);
  });
});
