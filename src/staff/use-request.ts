import { useStaff } from './context';
import type { RequestDetail } from './types';
import { useLoad } from './use-load';

/** Loads one request (each view is audited by the server) and lets panels replace it after a change. */
export function useRequest(id: string) {
  const { api } = useStaff();
  const { data, setData, failure } = useLoad(() => api.get<RequestDetail>(`requests/${encodeURIComponent(id)}`), [id]);
  return { detail: data, setDetail: setData, failure };
}
