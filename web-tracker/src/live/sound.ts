/**
 * Sounds made on the spot with the Web Audio API: no audio files to host, cache or license. Browsers start audio
 * only after a click or key press on the page (autoplay rules), so a page calls `unlockAudio()` from such a
 * gesture once; a screen started with Chromium's `--autoplay-policy=no-user-gesture-required` is unlocked at once.
 */

type AudioContextClass = typeof AudioContext;

let context: AudioContext | null = null;

function audioContextClass(): AudioContextClass | undefined {
  const w = window as unknown as { AudioContext?: AudioContextClass; webkitAudioContext?: AudioContextClass };
  return w.AudioContext ?? w.webkitAudioContext;
}

function audio(): AudioContext | null {
  if (context) return context;
  const Ctx = audioContextClass();
  if (!Ctx) return null;
  try {
    context = new Ctx();
  } catch {
    return null;
  }
  return context;
}

/** Whether sound can play now without a further gesture. */
export function audioUnlocked(): boolean {
  return audio()?.state === 'running';
}

/** Tells when audio starts running by itself (a browser that allows autoplay); returns the unsubscribe. */
export function onAudioRunning(listener: () => void): () => void {
  const ctx = audio();
  if (!ctx) return () => {};
  const check = () => {
    if (ctx.state === 'running') listener();
  };
  ctx.addEventListener('statechange', check);
  check();
  return () => ctx.removeEventListener('statechange', check);
}

/** Call from a click or key press: lets later sounds play. Resolves to whether audio now runs. */
export async function unlockAudio(): Promise<boolean> {
  const ctx = audio();
  if (!ctx) return false;
  try {
    await ctx.resume();
  } catch {
    return false;
  }
  return ctx.state === 'running';
}

/** One struck tone: a sine with a few overtones, quick attack and a long exponential fade, like a bell. */
function strike(ctx: AudioContext, frequency: number, at: number, seconds: number, volume: number) {
  const out = ctx.createGain();
  out.gain.setValueAtTime(0.0001, at);
  out.gain.exponentialRampToValueAtTime(volume, at + 0.01);
  out.gain.exponentialRampToValueAtTime(0.0001, at + seconds);
  out.connect(ctx.destination);
  for (const [ratio, level] of [
    [1, 1],
    [2, 0.35],
    [3, 0.12],
  ] as const) {
    const osc = ctx.createOscillator();
    const partial = ctx.createGain();
    osc.type = 'sine';
    osc.frequency.setValueAtTime(frequency * ratio, at);
    partial.gain.setValueAtTime(level, at);
    osc.connect(partial).connect(out);
    osc.start(at);
    osc.stop(at + seconds + 0.05);
  }
}

/** The waiting room's gong: two falling bell tones (about 2 s). Resolves when it has faded. */
export function playGong(): Promise<void> {
  const ctx = audio();
  if (ctx?.state !== 'running') return Promise.resolve();
  const t = ctx.currentTime + 0.05;
  strike(ctx, 659.25, t, 1.6, 0.5); // E5
  strike(ctx, 523.25, t + 0.55, 1.8, 0.5); // C5
  return new Promise((resolve) => setTimeout(resolve, 2_300));
}

/** A short bright double beep for the phone (about 0.6 s): called, or nearly your turn. */
export function playBeep(): void {
  const ctx = audio();
  if (ctx?.state !== 'running') return;
  const t = ctx.currentTime + 0.02;
  strike(ctx, 880, t, 0.25, 0.6);
  strike(ctx, 1174.66, t + 0.3, 0.3, 0.6);
}
