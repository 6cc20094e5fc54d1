/**
 * How citizens reach an office (pure): its phone as a `tel:` link and its address as a map link. The phone is kept as
 * the office writes it ("07231 39-0"); the link is derived, so that it dials from any phone. Offices are German (five
 * digit postal codes), so a national number ("0…") becomes +49 and "00…" becomes "+".
 */

/** `tel:` URI (RFC 3966, global number) of a phone number as an office writes it, or null when there is none. */
export function phoneUri(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const digits = phone.replace(/[^\d+]/g, '');
  if (digits.startsWith('+')) return `tel:+${digits.slice(1).replace(/\+/g, '')}`;
  if (digits.startsWith('00')) return `tel:+${digits.slice(2)}`;
  if (digits.startsWith('0')) return `tel:+49${digits.slice(1)}`;
  return `tel:${digits}`;
}

/** A search for the address on OpenStreetMap: the map opens at the office without us storing coordinates. */
export function mapUrl(address: { street: string; postalCode: string; city: string }): string {
  const query = `${address.street}, ${address.postalCode} ${address.city}`;
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(query)}`;
}
