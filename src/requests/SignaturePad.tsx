/**
 * A box to sign in with a finger, pen or mouse (pointer events). The
 * drawing is kept as a small PNG data URL. People who cannot draw, or use
 * a keyboard, sign by typing their name instead (the form offers both).
 */
import { useEffect, useRef } from 'preact/hooks';
import { useI18n } from '../i18n/context';

const WIDTH = 600;
const HEIGHT = 200;

export function SignaturePad(props: { id: string; value: string; onChange: (pngDataUrl: string) => void; describedBy?: string }) {
  const { t } = useI18n();
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef<{ x: number; y: number } | null>(null);
  const drawn = useRef(false);

  // Show a signature saved earlier.
  useEffect(() => {
    const el = canvas.current;
    const ctx = el?.getContext('2d');
    if (!el || !ctx) return;
    ctx.clearRect(0, 0, WIDTH, HEIGHT);
    drawn.current = false;
    if (!props.value) return;
    const img = new Image();
    img.onload = () => {
      ctx.drawImage(img, 0, 0, WIDTH, HEIGHT);
      drawn.current = true;
    };
    img.src = props.value;
    // Only when a different signature arrives (load, clear), not on every stroke.
  }, [props.value === '' ? '' : 'set']);

  const point = (e: PointerEvent) => {
    const el = canvas.current!;
    const rect = el.getBoundingClientRect();
    return { x: ((e.clientX - rect.left) * WIDTH) / rect.width, y: ((e.clientY - rect.top) * HEIGHT) / rect.height };
  };

  const stroke = (from: { x: number; y: number }, to: { x: number; y: number }) => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    ctx.strokeStyle = '#111';
    ctx.lineWidth = 3;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.beginPath();
    ctx.moveTo(from.x, from.y);
    ctx.lineTo(to.x, to.y);
    ctx.stroke();
  };

  const end = () => {
    if (!drawing.current) return;
    drawing.current = null;
    if (drawn.current && canvas.current) props.onChange(canvas.current.toDataURL('image/png'));
  };

  return (
    <div class="signature">
      <canvas
        ref={canvas}
        id={props.id}
        class="signature__canvas"
        width={WIDTH}
        height={HEIGHT}
        role="img"
        aria-label={t(props.value ? 'request.consent.canvasSigned' : 'request.consent.canvasEmpty')}
        aria-describedby={props.describedBy}
        tabIndex={-1}
        onPointerDown={(e) => {
          e.preventDefault();
          canvas.current?.setPointerCapture?.(e.pointerId);
          const p = point(e);
          drawing.current = p;
          stroke(p, { x: p.x + 0.1, y: p.y + 0.1 });
          drawn.current = true;
        }}
        onPointerMove={(e) => {
          if (!drawing.current) return;
          const p = point(e);
          stroke(drawing.current, p);
          drawing.current = p;
        }}
        onPointerUp={end}
        onPointerCancel={end}
        onPointerLeave={end}
      />
      <button
        type="button"
        class="button"
        onClick={() => {
          canvas.current?.getContext('2d')?.clearRect(0, 0, WIDTH, HEIGHT);
          drawn.current = false;
          props.onChange('');
        }}
      >
        {t('request.consent.clear')}
      </button>
    </div>
  );
}
