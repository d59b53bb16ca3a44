/**
 * A draft's files for the form: loaded once, added one by one (prepared on
 * the device, then stored), removed; with plain messages of what happened.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { addAttachment, listAttachments, removeAttachment, type AttachmentErrorCode } from '../storage/attachments';
import type { AttachmentRecord } from '../storage/types';
import { prepareFile, type PrepareErrorCode } from './images';

export type AttachmentProblem = PrepareErrorCode | AttachmentErrorCode | 'storage';

export type AttachmentNotice =
  | { kind: 'adding'; name: string }
  | { kind: 'added'; name: string }
  | { kind: 'removed'; name: string }
  | { kind: 'problem'; name: string; code: AttachmentProblem };

export interface AttachmentsState {
  files: AttachmentRecord[];
  loaded: boolean;
  busy: boolean;
  notices: AttachmentNotice[];
  add: (files: Iterable<File>) => Promise<void>;
  remove: (id: string) => Promise<void>;
}

export function useAttachments(draftId: string): AttachmentsState {
  const [files, setFiles] = useState<AttachmentRecord[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notices, setNotices] = useState<AttachmentNotice[]>([]);
  const current = useRef(files);
  current.current = files;

  useEffect(() => {
    let live = true;
    listAttachments(draftId)
      .then((list) => live && setFiles(list))
      .catch(() => live && setFiles([]))
      .finally(() => live && setLoaded(true));
    return () => {
      live = false;
    };
  }, [draftId]);

  const add = useCallback(
    async (picked: Iterable<File>) => {
      const queue = [...picked];
      if (queue.length === 0) return;
      setBusy(true);
      const done: AttachmentNotice[] = [];
      try {
        for (const file of queue) {
          setNotices([...done, { kind: 'adding', name: file.name }]);
          const prepared = await prepareFile(file);
          if (!prepared.ok) {
            done.push({ kind: 'problem', name: file.name, code: prepared.code });
            continue;
          }
          try {
            const result = await addAttachment(draftId, prepared.file);
            if (result.ok) {
              setFiles((list) => [...list, result.record]);
              done.push({ kind: 'added', name: result.record.name });
            } else done.push({ kind: 'problem', name: file.name, code: result.code });
          } catch {
            done.push({ kind: 'problem', name: file.name, code: 'storage' });
          }
        }
      } finally {
        setNotices(done);
        setBusy(false);
      }
    },
    [draftId],
  );

  const remove = useCallback(async (id: string) => {
    const name = current.current.find((f) => f.id === id)?.name ?? '';
    if (await removeAttachment(id).catch(() => false)) {
      setFiles((list) => list.filter((f) => f.id !== id));
      setNotices([{ kind: 'removed', name }]);
    } else setNotices([{ kind: 'problem', name, code: 'storage' }]);
  }, []);

  return { files, loaded, busy, notices, add, remove };
}
