/** Whether a string is a UUID (ids are checked before they reach PostgreSQL, which would refuse them loudly). */
export const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);
