/**
 * Web Push rules (pure): which subscriptions are accepted, and what a push says. Texts are German first; English and
 * Leichte Sprache for visitors whose tracking page showed those. No personal data: the ticket number, the counter.
 */
import type { FieldProblem } from '../../shared/field-problem.js';

export const PUSH_KINDS = ['AHEAD', 'CALLED', 'RECALLED', 'CANCELLED'] as const;
export type PushKindName = (typeof PUSH_KINDS)[number];

export const AHEAD_MIN = 1;
export const AHEAD_MAX = 10;
export const PUSH_LANGUAGES = ['de', 'en', 'de-ls'] as const;
export type PushLanguage = (typeof PUSH_LANGUAGES)[number];

export type SubscriptionInput = {
  endpoint: string;
  p256dh: string;
  auth: string;
  aheadThreshold: number;
  language?: string | null;
};

export type CheckedSubscription = Required<Omit<SubscriptionInput, 'language'>> & { language: PushLanguage };

const base64url = /^[A-Za-z0-9_-]+={0,2}$/;

/** Bytes of a base64url string, or -1 when it is none. */
function decodedLength(s: string): number {
  if (!base64url.test(s) || s.length > 200) return -1;
  return Buffer.from(s, 'base64url').length;
}

const loopback = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Whether the api may send to this push endpoint: https on one of the allowed hosts (or a subdomain of one), so that
 * a public mutation cannot make the api post to arbitrary addresses. Plain http only to a loopback host that is
 * explicitly allowed (a local push service in tests).
 */
export function endpointAllowed(endpoint: string, allowedHosts: readonly string[]): boolean {
  if (endpoint.length > 1000 || !URL.canParse(endpoint)) return false;
  const url = new URL(endpoint);
  const host = url.hostname.toLowerCase();
  const listed = allowedHosts.some((h) => host === h || host.endsWith(`.${h}`));
  if (!listed || url.username || url.password) return false;
  return url.protocol === 'https:' || (url.protocol === 'http:' && loopback.has(host));
}

export function checkSubscription(
  input: SubscriptionInput,
  allowedHosts: readonly string[],
): { ok: true; value: CheckedSubscription } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  if (!endpointAllowed(input.endpoint.trim(), allowedHosts))
    problems.push({
      field: 'endpoint',
      code: 'UNSUPPORTED_PUSH_SERVICE',
      message: 'This push service is not supported here.',
    });
  // An uncompressed P-256 point (65 bytes, 0x04 first) and a 16-byte secret, as PushSubscription.getKey() gives them.
  const key = Buffer.from(base64url.test(input.p256dh) ? input.p256dh : '', 'base64url');
  if (decodedLength(input.p256dh) !== 65 || key[0] !== 4)
    problems.push({ field: 'p256dh', code: 'INVALID_KEY', message: 'This is not a P-256 public key.' });
  if (decodedLength(input.auth) !== 16)
    problems.push({ field: 'auth', code: 'INVALID_KEY', message: 'The auth secret must be 16 bytes.' });
  if (!Number.isInteger(input.aheadThreshold) || input.aheadThreshold < AHEAD_MIN || input.aheadThreshold > AHEAD_MAX)
    problems.push({
      field: 'aheadThreshold',
      code: 'OUT_OF_RANGE',
      message: `Choose ${AHEAD_MIN} to ${AHEAD_MAX} people.`,
    });
  const language = (PUSH_LANGUAGES as readonly string[]).includes(input.language ?? '')
    ? (input.language as PushLanguage)
    : 'de';
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      endpoint: input.endpoint.trim(),
      p256dh: input.p256dh,
      auth: input.auth,
      aheadThreshold: input.aheadThreshold,
      language,
    },
  };
}

export type PushFacts = { number: string; counterLabel?: string | null; ahead?: number };
export type PushPayload = { title: string; body: string; url: string; tag: string };

type Texts = {
  ahead: (f: PushFacts) => { title: string; body: string };
  called: (f: PushFacts) => { title: string; body: string };
  recalled: (f: PushFacts) => { title: string; body: string };
  cancelled: (f: PushFacts) => { title: string; body: string };
};

const counter = (f: PushFacts) => f.counterLabel ?? '?';

const texts: Record<PushLanguage, Texts> = {
  de: {
    ahead: (f) => ({
      title: `Nummer ${f.number}: bald sind Sie dran`,
      body:
        f.ahead === 0
          ? 'Sie sind als Nächstes an der Reihe. Bitte kommen Sie jetzt zum Wartebereich.'
          : f.ahead === 1
            ? 'Nur noch 1 Person ist vor Ihnen. Bitte kommen Sie jetzt zum Wartebereich.'
            : `Nur noch ${f.ahead} Personen sind vor Ihnen. Bitte kommen Sie jetzt zum Wartebereich.`,
    }),
    called: (f) => ({
      title: `Nummer ${f.number}: Sie sind dran`,
      body: `Bitte gehen Sie zu Schalter ${counter(f)}.`,
    }),
    recalled: (f) => ({
      title: `Nummer ${f.number}: erneuter Aufruf`,
      body: `Bitte gehen Sie jetzt zu Schalter ${counter(f)}.`,
    }),
    cancelled: (f) => ({
      title: `Nummer ${f.number}: storniert`,
      body: 'Die Dienststelle hat Ihre Wartenummer storniert. Bei Fragen wenden Sie sich bitte an die Information.',
    }),
  },
  en: {
    ahead: (f) => ({
      title: `Number ${f.number}: your turn is coming`,
      body:
        f.ahead === 0
          ? 'You are next. Please come to the waiting area now.'
          : f.ahead === 1
            ? 'Only 1 person is ahead of you. Please come to the waiting area now.'
            : `Only ${f.ahead} people are ahead of you. Please come to the waiting area now.`,
    }),
    called: (f) => ({ title: `Number ${f.number}: it is your turn`, body: `Please go to counter ${counter(f)}.` }),
    recalled: (f) => ({
      title: `Number ${f.number}: called again`,
      body: `Please go to counter ${counter(f)} now.`,
    }),
    cancelled: (f) => ({
      title: `Number ${f.number}: cancelled`,
      body: 'The office has cancelled your ticket. If you have questions, please ask at the information desk.',
    }),
  },
  'de-ls': {
    ahead: (f) => ({
      title: `Nummer ${f.number}: Sie sind bald dran`,
      body:
        f.ahead === 0
          ? 'Sie sind als Nächstes dran. Bitte kommen Sie jetzt zurück in den Warte-Bereich.'
          : `Nur noch ${f.ahead} ${f.ahead === 1 ? 'Person ist' : 'Personen sind'} vor Ihnen. Bitte kommen Sie jetzt zurück in den Warte-Bereich.`,
    }),
    called: (f) => ({ title: `Nummer ${f.number}: Sie sind dran`, body: `Bitte gehen Sie zu Schalter ${counter(f)}.` }),
    recalled: (f) => ({
      title: `Nummer ${f.number}: Sie sind noch einmal aufgerufen`,
      body: `Bitte gehen Sie jetzt zu Schalter ${counter(f)}.`,
    }),
    cancelled: (f) => ({
      title: `Nummer ${f.number}: gilt nicht mehr`,
      body: 'Das Amt hat Ihre Warte-Nummer gelöscht. Haben Sie Fragen? Dann gehen Sie bitte zur Information.',
    }),
  },
};

/** The push's JSON payload: title and body in the visitor's language, and the tracking page to open on a click. */
export function pushPayload(kind: PushKindName, language: string, facts: PushFacts, trackingUrl: string): PushPayload {
  const t = texts[(PUSH_LANGUAGES as readonly string[]).includes(language) ? (language as PushLanguage) : 'de'];
  const text =
    kind === 'AHEAD'
      ? t.ahead(facts)
      : kind === 'CALLED'
        ? t.called(facts)
        : kind === 'RECALLED'
          ? t.recalled(facts)
          : t.cancelled(facts);
  return { ...text, url: trackingUrl, tag: `ticket-${facts.number}-${kind.toLowerCase()}` };
}

/** Minutes to wait before the next attempt after a failure; null: give up (the push would come too late anyway). */
export function retryDelayMs(attempts: number): number | null {
  const delays = [5_000, 30_000, 120_000];
  return delays[attempts - 1] ?? null;
}

/** 404 and 410: the subscription is gone for good (RFC 8030); the api forgets it. */
export const isGone = (status: number) => status === 404 || status === 410;

/** Worth another try: the push service is overloaded or failing, or the request never arrived. */
export const isTransient = (status: number | null) => status === null || status === 429 || status >= 500;
