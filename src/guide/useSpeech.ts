import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { pickVoice } from './speech';

export interface Speech {
  /** False when the browser has no speech synthesis or no voice for the language: then offer nothing. */
  available: boolean;
  /** What is being read: a section id, 'all', or null. */
  reading: string | null;
  speak: (what: string, pieces: string[]) => void;
  stop: () => void;
}

function synth(): SpeechSynthesis | undefined {
  return typeof window !== 'undefined' && 'speechSynthesis' in window && typeof SpeechSynthesisUtterance !== 'undefined'
    ? window.speechSynthesis
    : undefined;
}

/**
 * Read-aloud through the device's own voices (nothing leaves the device).
 * Voices arrive late on many browsers, announced by `voiceschanged`, so
 * availability is re-checked then.
 */
export function useSpeech(lang: string): Speech {
  const [voice, setVoice] = useState<SpeechSynthesisVoice | undefined>(undefined);
  const [reading, setReading] = useState<string | null>(null);
  // Bumped on every speak/stop, so a late `end` from a cancelled run is ignored.
  const run = useRef(0);

  useEffect(() => {
    const s = synth();
    if (!s) return;
    const update = () => setVoice(pickVoice(s.getVoices(), lang));
    update();
    s.addEventListener('voiceschanged', update);
    return () => {
      s.removeEventListener('voiceschanged', update);
    };
  }, [lang]);

  const stop = useCallback(() => {
    run.current++;
    synth()?.cancel();
    setReading(null);
  }, []);

  const speak = useCallback(
    (what: string, pieces: string[]) => {
      const s = synth();
      if (!s || !voice || pieces.length === 0) return;
      const mine = ++run.current;
      s.cancel();
      setReading(what);
      const done = () => {
        if (run.current === mine) setReading(null);
      };
      pieces.forEach((text, i) => {
        const u = new SpeechSynthesisUtterance(text);
        u.voice = voice;
        u.lang = voice.lang || lang;
        if (i === pieces.length - 1) u.onend = done;
        u.onerror = done;
        s.speak(u);
      });
    },
    [voice, lang],
  );

  // Leaving the guide or changing language ends the reading.
  useEffect(() => () => stop(), [lang, stop]);

  return { available: !!voice, reading, speak, stop };
}
