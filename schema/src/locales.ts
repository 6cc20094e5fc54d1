/** Texts every app uses. */
export const common = {
  de: {
    skipToContent: 'Zum Inhalt springen',
    language: 'Sprache',
    switchTo: 'English',
    switchToLabel: 'Switch to English',
    loading: 'Wird geladen …',
    errorTitle: 'Das hat nicht geklappt',
    errorBody: 'Bitte versuchen Sie es in einem Moment noch einmal.',
    retry: 'Erneut versuchen',
    offline: 'Keine Verbindung. Wir versuchen es weiter.',
    notFound: 'Diese Seite gibt es nicht.',
  },
  en: {
    skipToContent: 'Skip to content',
    language: 'Language',
    switchTo: 'Deutsch',
    switchToLabel: 'Auf Deutsch wechseln',
    loading: 'Loading …',
    errorTitle: 'Something went wrong',
    errorBody: 'Please try again in a moment.',
    retry: 'Try again',
    offline: 'No connection. We keep trying.',
    notFound: 'This page does not exist.',
  },
} as const;
