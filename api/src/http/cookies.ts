import { parseCookie, stringifySetCookie } from 'cookie';

export const SESSION_COOKIE = 'bc_session';

export function readSessionCookie(header: string | undefined): string | undefined {
  return header ? parseCookie(header)[SESSION_COOKIE] : undefined;
}

/** HttpOnly (no script can read it), SameSite=Lax (no cross-site POSTs carry it), Secure on https. */
export function sessionCookie(value: string, maxAgeSeconds: number, secure: boolean): string {
  return stringifySetCookie({
    name: SESSION_COOKIE,
    value,
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    maxAge: maxAgeSeconds,
  });
}

export function bearerToken(header: string | undefined): string | undefined {
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1];
}
