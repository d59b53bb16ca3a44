import { useEffect, useState } from 'preact/hooks';
import { useStaff } from './context';
import { errorText } from './text';
import type { RequestDetail } from './types';

/** Loads one request (each view is audited by the server) and lets panels replace it after a change. */
export function useRequest(id: string) {
  const { api } = useStaff();
  const [detail, setDetail] = useState<RequestDetail | null>(null);
  const [failure, setFailure] = useState('');
  useEffect(() => {
    let live = true;
    setDetail(null);
    setFailure('');
    api
      .get<RequestDetail>(`requests/${encodeURIComponent(id)}`)
      .then((d) => live && setDetail(d))
      .catch((error) => live && setFailure(errorText(error)));
    return () => {
      live = false;
    };
  }, [id]);
  return { detail, setDetail, failure };
}
