import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

type CameraState = 'starting' | 'scanning' | 'unavailable';

/** The same code seen again within this time is one scan (the QR code stays in front of the camera). */
const SAME_CODE_MS = 4_000;
/** Time between two attempts to read a frame (a code held up is read within a fraction of a second). */
const SCAN_EVERY_MS = 150;
/**
 * Frames are read scaled down to at most this height (half a 640 × 480 frame): jsQR reads every sharp, blurred or
 * tilted code held up to the camera in about 2 ms there, and a dim camera's noise, which slows it down many times
 * at full size, is averaged out (e2e/bench/kiosk-qr.ts). The same at any camera resolution.
 */
const READ_HEIGHT = 240;

/**
 * The terminal's camera reads the QR code of the confirmation (jsQR, in the page: no worker, no WebAssembly,
 * nothing loaded from elsewhere). Starts when the screen opens and stops when it closes. Without a camera (or
 * without permission) it says so, and the visitor types the reference instead. The preview is decoration for
 * screen readers; the instructions beside it say what to do.
 */
export function QrScanner(props: { onCode: (code: string) => void; paused: boolean }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<CameraState>('starting');
  const onCode = useRef(props.onCode);
  onCode.current = props.onCode;
  const paused = useRef(props.paused);
  paused.current = props.paused;

  useEffect(() => {
    const element = video.current;
    let stopped = false;
    let stream: MediaStream | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = { text: '', at: 0 };
    const seen = (text: string) => {
      const now = Date.now();
      if (paused.current || (text === last.text && now - last.at < SAME_CODE_MS)) return;
      last = { text, at: now };
      onCode.current(text);
    };
    const release = () => {
      for (const track of stream?.getTracks() ?? []) track.stop();
      if (element) element.srcObject = null;
    };
    const start = async () => {
      if (!navigator.mediaDevices?.getUserMedia || !element) {
        setState('unavailable');
        return;
      }
      try {
        // Loaded only when a camera is asked for: the start screen stays light.
        const { default: decode } = await import('jsqr');
        stream = await navigator.mediaDevices.getUserMedia({ audio: false, video: { facingMode: { ideal: 'user' } } });
        if (stopped) {
          release();
          return;
        }
        element.srcObject = stream;
        await element.play();
        const canvas = document.createElement('canvas');
        const context = canvas.getContext('2d', { willReadFrequently: true });
        if (!context) throw new Error('no 2d canvas');
        // Every attempt takes the frame's size as it is now (a camera may be slow to deliver its first frame, or
        // change its size), and waits while there is no frame yet.
        let framed = false;
        const attempt = () => {
          if (stopped) return;
          const scale = Math.max(1, element.videoHeight / READ_HEIGHT);
          const [width, height] = [Math.round(element.videoWidth / scale), Math.round(element.videoHeight / scale)];
          if (width > 0 && height > 0) {
            if (!framed) {
              framed = true;
              setState('scanning');
            }
            if (canvas.width !== width || canvas.height !== height) Object.assign(canvas, { width, height });
            context.drawImage(element, 0, 0, width, height);
            // Confirmation codes are dark on light, on paper and on the booking page alike: no inverted try.
            const code = decode(context.getImageData(0, 0, width, height).data, width, height, {
              inversionAttempts: 'dontInvert',
            });
            if (code?.data) seen(code.data);
          }
          timer = setTimeout(attempt, SCAN_EVERY_MS);
        };
        attempt();
      } catch {
        // No camera, permission refused, or the camera is busy: typing works all the same.
        release();
        if (!stopped) setState('unavailable');
      }
    };
    void start();
    return () => {
      stopped = true;
      clearTimeout(timer);
      release();
    };
  }, []);

  return (
    <div className={`kiosk-scanner kiosk-scanner--${state}`}>
      <div className="kiosk-scanner__preview" aria-hidden="true">
        <video ref={video} className="kiosk-scanner__video" muted playsInline />
      </div>
      <p className="kiosk-scanner__state">
        {state === 'scanning'
          ? t('kiosk.checkIn.cameraOn')
          : state === 'starting'
            ? t('kiosk.checkIn.cameraStarting')
            : t('kiosk.checkIn.cameraUnavailable')}
      </p>
    </div>
  );
}
