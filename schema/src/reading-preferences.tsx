import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { easyLanguageNamespace, loadEasyLanguage } from './i18n.js';

const EASY_KEY = 'bc.easyLanguage';
/** Where booking kept the choice before tracking had it too; still read, so that nobody loses it. */
const OLD_EASY_KEY = 'bc.booking.easyLanguage';
const CONTRAST_KEY = 'bc.contrast';

function readFlag(key: string): boolean {
  try {
    return localStorage.getItem(key) === 'on';
  } catch {
    return false;
  }
}

function writeFlag(key: string, on: boolean): void {
  try {
    if (on) localStorage.setItem(key, 'on');
    else localStorage.removeItem(key);
  } catch {
    // Not remembered, but still applied for this visit.
  }
}

/** Whether the visitor chose easy language on an earlier visit (its texts are then loaded before the first render). */
export function storedEasyLanguage(): boolean {
  return readFlag(EASY_KEY) || readFlag(OLD_EASY_KEY);
}

/** Sets the high-contrast theme on <html>; called before the first render too, so the page never flashes. */
export function applyContrast(on: boolean = readFlag(CONTRAST_KEY)): void {
  if (on) document.documentElement.dataset.contrast = 'high';
  else delete document.documentElement.dataset.contrast;
}

type ReadingPreferences = {
  easyLanguage: boolean;
  highContrast: boolean;
  setEasyLanguage: (on: boolean) => void;
  setHighContrast: (on: boolean) => void;
};

const Context = createContext<ReadingPreferences>({
  easyLanguage: false,
  highContrast: false,
  setEasyLanguage: () => {},
  setHighContrast: () => {},
});

/** Easy language (Leichte Sprache) and high contrast, remembered in localStorage (the same for every citizen app). */
export function ReadingPreferencesProvider(props: { children: ReactNode }) {
  const [easyLanguage, setEasy] = useState(storedEasyLanguage);
  const [highContrast, setContrast] = useState(() => readFlag(CONTRAST_KEY));
  const setEasyLanguage = useCallback((on: boolean) => {
    writeFlag(EASY_KEY, on);
    writeFlag(OLD_EASY_KEY, false);
    // The easy texts arrive with the first switch; until then the page stays as it was (no flash of missing texts).
    if (on) void loadEasyLanguage().then(() => setEasy(true));
    else setEasy(false);
  }, []);
  const setHighContrast = useCallback((on: boolean) => {
    writeFlag(CONTRAST_KEY, on);
    // On the page at once, with the press (the first render has it from applyContrast() before it).
    applyContrast(on);
    setContrast(on);
  }, []);
  const value = useMemo(
    () => ({ easyLanguage, highContrast, setEasyLanguage, setHighContrast }),
    [easyLanguage, highContrast, setEasyLanguage, setHighContrast],
  );
  return <Context.Provider value={value}>{props.children}</Context.Provider>;
}

export function useReadingPreferences(): ReadingPreferences {
  return useContext(Context);
}

/**
 * useTranslation for the citizen apps: with easy language on (and German active) texts come from the easy-language
 * file first and from standard German where it has none. The page stays lang="de": it is German.
 */
export function useText() {
  const { easyLanguage } = useReadingPreferences();
  const { i18n } = useTranslation();
  const easy = easyLanguage && i18n.language === 'de';
  return useTranslation(easy ? [easyLanguageNamespace, 'translation'] : ['translation'], { nsMode: 'fallback' });
}
