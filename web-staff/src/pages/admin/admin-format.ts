/** Date and time of an instant for the global administration pages, in the user's language and time zone. */
export function formatInstant(iso: string | null | undefined, language: string): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(iso));
}
