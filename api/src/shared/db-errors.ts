/** Whether a database error has one of the PostgreSQL SQLSTATE codes (TypeORM wraps the driver's error). */
export function isDbError(e: unknown, ...codes: string[]): boolean {
  const code =
    (e as { driverError?: { code?: string }; code?: string })?.driverError?.code ?? (e as { code?: string })?.code;
  return typeof code === 'string' && codes.includes(code);
}
