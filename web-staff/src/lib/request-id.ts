/**
 * A fresh id for one "issue a ticket" tap: repeating a request with the same id returns the same ticket (a double
 * click or a retry after a lost answer never issues two). `crypto.randomUUID` exists only in secure contexts, so
 * a desk PC that opens the app over plain http on the intranet gets the same 122 random bits another way.
 */
export function newRequestId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
