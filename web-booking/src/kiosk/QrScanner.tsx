import type { BrowserQRCodeReader } from '@zxing/browser';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

type CameraState = 'starting' | 'scanning' | 'unavailable';

/** The same code seen again within this time is one scan (the QR code stays in front of the camera). */
const SAME_CODE_MS = 4_000;
/** Time between two attempts to read a frame (a code held up is read within a fraction of a second). */
const SCAN_EVERY_MS = 150;

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
        const { BrowserQRCodeReader } = await import('@zxing/browser');
        stream = await navigator.mediaDevices.getUserMedia({ audio: false, video: { facingMode: { ideal: 'user' } } });
        if (stopped) {
          release();
          return;
        }
        element.srcObject = stream;
        await element.play();
        const reader = new BrowserQRCodeReader();
        const full = frameCanvas(1);
        const half = frameCanvas(2);
        // Our own loop rather than ZXing's: that one sizes its canvas once, when it starts, and a camera that is
        // slow to deliver its first frame leaves it reading an empty picture for good. Here every attempt takes
        // the frame's size as it is now, and waits while there is no frame yet.
        let framed = false;
        const attempt = () => {
          if (stopped) return;
          const { videoWidth: width, videoHeight: height } = element;
          if (width > 0 && height > 0) {
            if (!framed) {
              framed = true;
              setState('scanning');
            }
            // ZXing misses about one code in thirty at some sizes, however sharp the picture, and finds it in the
            // same frame at half the size (measured on rendered confirmation codes): a code held still in front
            // of the camera would otherwise never be read. The second try costs about a millisecond.
            const text = read(reader, full, element) ?? read(reader, half, element);
            if (text !== undefined) seen(text);
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

type FrameCanvas = { canvas: HTMLCanvasElement; context: CanvasRenderingContext2D; scale: number };

/** A canvas that takes the camera's frame at 1/scale of its size. */
function frameCanvas(scale: number): FrameCanvas {
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('no 2d canvas');
  return { canvas, context, scale };
}

/** The text of the QR code in the video's current frame, drawn at the canvas's scale; undefined when none is read. */
function read(reader: BrowserQRCodeReader, frame: FrameCanvas, video: HTMLVideoElement): string | undefined {
  const width = Math.round(video.videoWidth / frame.scale);
  const height = Math.round(video.videoHeight / frame.scale);
  if (frame.canvas.width !== width || frame.canvas.height !== height) Object.assign(frame.canvas, { width, height });
  frame.context.drawImage(video, 0, 0, width, height);
  try {
    return reader.decodeFromCanvas(frame.canvas).getText();
  } catch {
    // No code in this frame (or not readable at this size): the next try may read it.
    return undefined;
  }
}
