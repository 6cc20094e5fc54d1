import { describe, expect, it } from 'vitest';
import { isKioskPath } from './kiosk-device';

describe('the kiosk route', () => {
  it('is the kiosk path under the base, with or without more after it', () => {
    expect(isKioskPath('/booking/kiosk', '/booking/')).toBe(true);
    expect(isKioskPath('/booking/kiosk/', '/booking/')).toBe(true);
    expect(isKioskPath('/kiosk', '/')).toBe(true);
  });

  it('is not an office whose slug starts like it, nor the kiosk of another base', () => {
    expect(isKioskPath('/booking/kiosk-nord', '/booking/')).toBe(false);
    expect(isKioskPath('/booking/', '/booking/')).toBe(false);
    expect(isKioskPath('/track/kiosk', '/booking/')).toBe(false);
  });
});
