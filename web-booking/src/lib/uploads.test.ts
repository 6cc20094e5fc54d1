import { describe, expect, it } from 'vitest';
import { precheck, uploadRules } from './uploads';

const file = (name: string, type: string, size = 1000) => new File([new Uint8Array(size)], name, { type });

describe('the check before an upload is sent', () => {
  it('lets PDF, JPEG and PNG files through', () => {
    expect(precheck(file('pass.pdf', 'application/pdf'), 0)).toBeNull();
    expect(precheck(file('photo.JPG', 'image/jpeg'), 0)).toBeNull();
    expect(precheck(file('scan.png', 'image/png'), uploadRules.maxFiles - 1)).toBeNull();
  });

  it('refuses a file more than the booking may hold, an empty one and a too large one', () => {
    expect(precheck(file('pass.pdf', 'application/pdf'), uploadRules.maxFiles)).toBe('TOO_MANY_FILES');
    expect(precheck(file('pass.pdf', 'application/pdf', 0), 0)).toBe('MISSING_FILE');
    expect(precheck(file('pass.pdf', 'application/pdf', uploadRules.maxBytes + 1), 0)).toBe('TOO_LARGE');
    expect(precheck(file('pass.pdf', 'application/pdf', uploadRules.maxBytes), 0)).toBeNull();
  });

  it('judges by the type the browser names, and by the name only when it names none', () => {
    expect(precheck(file('pass.pdf', 'application/msword'), 0)).toBe('UNSUPPORTED_TYPE');
    expect(precheck(file('photo.jpeg', ''), 0)).toBeNull();
    expect(precheck(file('letter.docx', ''), 0)).toBe('UNSUPPORTED_TYPE');
  });
});
