/**
 * Free text as people mean it (pure): names, notes, descriptions, with what only hides or disguises text removed.
 * Removed, not refused: such characters come from copy and paste far more often than from attackers, and nobody can
 * see them to correct them. Gone are terminal escape sequences (ANSI colours, cursor moves, window titles), control
 * characters, and invisible format characters: bidi overrides, embeddings and isolates (U+202A–U+202E, U+2066–U+2069,
 * which make "fdp.exe" show as "exe.pdf"), direction marks, zero-width spaces, soft hyphens, BOMs. Zero-width
 * (non-)joiners stay: Persian, Indic scripts and emoji need them. The result is NFC, so that "ü" is one character
 * however it was typed.
 */

/** ESC sequences: CSI (ESC [ … final byte), OSC (ESC ] … BEL or ESC \), and two-character escapes (ESC c, ESC 7…). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const TERMINAL_ESCAPES = /\u001b(?:\[[0-?]*[ -/]*[@-~]?|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[0-Z\\^-~]?)/g;
/** Line breaks of every kind (CR LF, CR, LF, NEL, line and paragraph separators). */
const LINE_BREAKS = /\r\n?|[\n\u0085\u2028\u2029]/g;
/** Control and format characters, except LF (handled per kind of text) and the zero-width (non-)joiners. */
const HIDDEN = /(?![\n\u200c\u200d])[\p{Cc}\p{Cf}]/gu;

function visible(raw: string): string {
  return raw.normalize('NFC').replace(TERMINAL_ESCAPES, '').replace(LINE_BREAKS, '\n').replace(/\t/g, ' ');
}

/** One line (names, labels, addresses): line breaks and runs of white space become one space; trimmed. */
export function singleLine(raw: string): string {
  return visible(raw).replace(/\n/g, ' ').replace(HIDDEN, '').replace(/\s+/g, ' ').trim();
}

/** Several lines (descriptions, notes): line breaks kept (at most one empty line in a row), spaces per line tidied. */
export function multiLine(raw: string): string {
  return visible(raw)
    .replace(HIDDEN, '')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
