/**
 * The spoken call of the waiting room (Web Speech API), always in German: "Nummer W 17, bitte zu Schalter 5".
 * Letters are spoken one by one and numbers as numbers, so a voice does not read "W017" as a word.
 */

/** "W017" → "W 17", "AB7" → "A B 7", "Z1" → "Z 1", "12" → "12". */
export function spokenLabel(label: string): string {
  const parts = label.trim().match(/\p{L}|\d+|[^\p{L}\d\s]+/gu) ?? [];
  return parts
    .filter((p) => /[\p{L}\d]/u.test(p))
    .map((p) => (/^\d+$/.test(p) ? String(Number.parseInt(p, 10)) : p.toUpperCase()))
    .join(' ');
}

/** What the display says for a call. */
export function callAnnouncement(number: string, counterLabel: string): string {
  return `Nummer ${spokenLabel(number)}, bitte zu Schalter ${spokenLabel(counterLabel)}`;
}

/** A German voice if the system has one; otherwise the browser picks by the utterance's language. */
function germanVoice(): SpeechSynthesisVoice | undefined {
  const voices = window.speechSynthesis.getVoices();
  return voices.find((v) => v.lang === 'de-DE' && v.localService) ?? voices.find((v) => v.lang.startsWith('de'));
}

/** Speaks the text in German; resolves when done, or after a generous time when the engine sends no end event. */
export function speakGerman(text: string): Promise<void> {
  if (!('speechSynthesis' in window)) return Promise.resolve();
  return new Promise((resolve) => {
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = 'de-DE';
    utterance.rate = 0.9;
    const voice = germanVoice();
    if (voice) utterance.voice = voice;
    const fallback = setTimeout(resolve, 1_500 + text.length * 120);
    const done = () => {
      clearTimeout(fallback);
      resolve();
    };
    utterance.onend = done;
    utterance.onerror = done;
    window.speechSynthesis.speak(utterance);
  });
}
