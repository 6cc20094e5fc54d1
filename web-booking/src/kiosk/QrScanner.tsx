import type { IScannerControls } from '@zxing/browser';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

type CameraState = 'starting' | 'scanning' | 'unavailable';

/** The same code seen again within this time is one scan (the QR code stays in front of the camera). */
const SAME_CODE_MS = 4_000;

/**
 * The terminal's camera reads the QR code of the confirmation (ZXing, in the page: no worker, no WebAssembly,
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
    let stopped = false;
    let controls: IScannerControls | undefined;
    let last = { text: '', at: 0 };
    const start = async () => {
      if (!navigator.mediaDevices?.getUserMedia || !video.current) {
        setState('unavailable');
        return;
      }
      try {
        // Loaded only when a camera is asked for: the start screen stays light.
        const { BrowserQRCodeReader } = await import('@zxing/browser');
        if (stopped) return;
        const reader = new BrowserQRCodeReader(undefined, {
          delayBetweenScanAttempts: 150,
          delayBetweenScanSuccess: 500,
        });
        const started = await reader.decodeFromConstraints(
          { audio: false, video: { facingMode: { ideal: 'user' } } },
          video.current,
          (result) => {
            if (!result || paused.current) return;
            const text = result.getText();
            const now = Date.now();
            if (text === last.text && now - last.at < SAME_CODE_MS) return;
            last = { text, at: now };
            onCode.current(text);
          },
        );
        if (stopped) started.stop();
        else {
          controls = started;
          setState('scanning');
        }
      } catch {
        // No camera, permission refused, or the camera is busy: typing works all the same.
        if (!stopped) setState('unavailable');
      }
    };
    void start();
    return () => {
      stopped = true;
      controls?.stop();
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
