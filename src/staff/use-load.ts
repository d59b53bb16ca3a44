import { useEffect, useState } from 'preact/hooks';
import { errorText } from './text';

/**
 * Loads what a screen shows whenever `deps` change; an answer that comes
 * back after newer deps were asked for is dropped. A failure keeps the last
 * good data on screen beside its message.
 */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]) {
  const [data, setData] = useState<T | null>(null);
  const [failure, setFailure] = useState('');
  const [loading, setLoading] = useState(true);
  useEffect(() => {
    let live = true;
    setLoading(true);
    load()
      .then((value) => {
        if (!live) return;
        setData(value);
        setFailure('');
      })
      .catch((error) => live && setFailure(errorText(error)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, deps);
  return { data, setData, failure, loading };
}
