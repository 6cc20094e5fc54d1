const STORAGE_KEY = 'bc.deviceToken';

/**
 * A kiosk or display is set up once by opening its link with `#device=<token>`; the token then lives in
 * localStorage and the fragment is removed from the address bar (fragments never reach servers or logs).
 */
export function takeDeviceToken(): string | undefined {
  const match = window.location.hash.match(/device=([^&]+)/);
  if (match?.[1]) {
    localStorage.setItem(STORAGE_KEY, decodeURIComponent(match[1]));
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return localStorage.getItem(STORAGE_KEY) ?? undefined;
}

export function forgetDeviceToken(): void {
  localStorage.removeItem(STORAGE_KEY);
}

/** Keeps a token handed out by `pairDevice`, exactly as a `#device=` link would have left it. */
export function storeDeviceToken(token: string): void {
  localStorage.setItem(STORAGE_KEY, token);
}
