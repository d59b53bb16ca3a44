import { useEffect, useState } from 'preact/hooks';

/** A stored image Blob as an <img>; the object URL lives as long as the element. */
export function Thumbnail(props: { blob: Blob; alt: string; class?: string }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const next = URL.createObjectURL(props.blob);
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [props.blob]);
  return url ? <img src={url} alt={props.alt} class={props.class} loading="lazy" decoding="async" /> : null;
}
