import { describe, expect, it } from 'vitest';
import { multiLine, singleLine } from './plain-text.js';

describe('singleLine', () => {
  it('keeps ordinary names of any script, with umlauts, accents, apostrophes and emoji', () => {
    for (const name of ['Erika Mustermann', 'Jürgen Groß-Özdemir', "Siobhán O'Brien", 'محمد رضا', '李小龍', 'Ana 👩‍👧'])
      expect(singleLine(name)).toBe(name);
    // Zero-width non-joiner: part of the spelling of Persian names.
    expect(singleLine('می\u200cخواهم')).toBe('می\u200cخواهم');
  });

  it('removes terminal escape sequences as a whole, not just their ESC', () => {
    expect(singleLine('\u001b[31mErika\u001b[0m Mustermann')).toBe('Erika Mustermann');
    expect(singleLine('\u001b[2J\u001b[1;1HAnna')).toBe('Anna');
    expect(singleLine('\u001b]0;owned\u0007Anna \u001b]8;;http://x\u001b\\Link')).toBe('Anna Link');
    expect(singleLine('Anna\u001bc')).toBe('Anna');
  });

  it('removes control characters and bidi controls, marks and other invisible format characters', () => {
    expect(singleLine('Erika\u0000\u0007 \u202eMustermann\u202c')).toBe('Erika Mustermann');
    expect(singleLine('\u2066Anna\u2069 \u200fAdmin\u200e')).toBe('Anna Admin');
    expect(singleLine('\ufeffMax\u200b Mus\u00adter\u2060mann')).toBe('Max Mustermann');
    expect(singleLine('\u202e\u0007\u001b[2J')).toBe('');
  });

  it('turns line breaks and tabs into single spaces and trims', () => {
    expect(singleLine('  Erika\r\nMustermann\u2028\tjun.\u0085 ')).toBe('Erika Mustermann jun.');
  });

  it('composes to NFC', () => {
    expect(singleLine('Mu\u0308ller')).toBe('Müller');
    expect(singleLine('Mu\u0308ller').length).toBe(6);
  });
});

describe('multiLine', () => {
  it('keeps line breaks, at most one empty line in a row, and tidies each line', () => {
    expect(multiLine(' Bitte mitbringen:\r\n\r\n\r\n\r\n  - Ausweis \t\r- Foto\u202e\n ')).toBe(
      'Bitte mitbringen:\n\n- Ausweis\n- Foto',
    );
  });

  it('removes escapes and control characters but not the text around them', () => {
    expect(multiLine('Heute\u0000 \u001b[5mgeschlossen\u001b[0m\u0007')).toBe('Heute geschlossen');
  });
});
