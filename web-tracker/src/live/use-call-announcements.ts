import { useCallback, useEffect, useRef, useState } from 'react';
import { CallAnnouncer, SerialQueue } from './announcer';
import { audioUnlocked, onAudioRunning, playGong, unlockAudio } from './sound';
import { callAnnouncement, speakGerman } from './speech';

type Call = { key: string; number: string; counterLabel: string; active: boolean };

/**
 * Gong and spoken German call for each new call on the board, one after another. Browsers play sound only after a
 * click or key press on the page: until then `unlocked` is false (the display shows a button), and any click or key
 * press anywhere unlocks it. Calls that arrive before that are shown but not sounded.
 */
export function useCallAnnouncements(calls: readonly Call[] | undefined) {
  const [unlocked, setUnlocked] = useState(audioUnlocked);
  const unlockedRef = useRef(unlocked);
  const announcer = useRef(new CallAnnouncer<Call>());
  const queue = useRef(new SerialQueue());

  const unlock = useCallback(() => {
    unlockedRef.current = true;
    setUnlocked(true);
    void unlockAudio();
  }, []);

  useEffect(() => {
    if (unlocked) return;
    // A screen whose browser allows autoplay (e.g. Chromium with --autoplay-policy=no-user-gesture-required).
    const stop = onAudioRunning(() => {
      unlockedRef.current = true;
      setUnlocked(true);
    });
    const onGesture = () => unlock();
    window.addEventListener('pointerdown', onGesture);
    window.addEventListener('keydown', onGesture);
    return () => {
      stop();
      window.removeEventListener('pointerdown', onGesture);
      window.removeEventListener('keydown', onGesture);
    };
  }, [unlocked, unlock]);

  useEffect(() => {
    if (!calls) return;
    for (const call of announcer.current.next(calls)) {
      if (!unlockedRef.current) continue;
      queue.current.push(async () => {
        await playGong();
        await speakGerman(callAnnouncement(call.number, call.counterLabel));
      });
    }
  }, [calls]);

  return { unlocked, unlock };
}
