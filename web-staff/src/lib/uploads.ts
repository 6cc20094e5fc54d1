/**
 * Where a staff member opens an uploaded file: `GET /uploads/<id>` beside /graphql (also when this app is hosted
 * elsewhere). The api answers only to staff of the appointment's office, with the session cookie the tab carries.
 */
export function uploadUrl(id: string, graphqlUrl: string | undefined = import.meta.env.VITE_GRAPHQL_URL): string {
  const path = `uploads/${encodeURIComponent(id)}`;
  if (!graphqlUrl) return `/${path}`;
  return new URL(path, new URL(graphqlUrl, window.location.href)).toString();
}

/** The kind of file as staff know it: PDF, JPEG, PNG (the api only accepts these). */
export function fileKind(mediaType: string): string {
  const known: Record<string, string> = { 'application/pdf': 'PDF', 'image/jpeg': 'JPEG', 'image/png': 'PNG' };
  return known[mediaType] ?? mediaType;
}

/** Bytes as "240 kB" / "1,2 MB". */
export function fileSize(bytes: number, language: string): string {
  const format = (n: number, unit: string) =>
    `${new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'de-DE', { maximumFractionDigits: 1 }).format(n)} ${unit}`;
  return bytes < 1_000_000 ? format(Math.max(1, Math.round(bytes / 1000)), 'kB') : format(bytes / 1_000_000, 'MB');
}
