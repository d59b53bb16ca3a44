/**
 * What the shared schema says about the form, shown only for steps the
 * person already tried to leave (or for all of them once they submit), and
 * the error summary that takes focus each time a check fails.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { RefObject } from 'preact';
import { attachmentRefs } from '../storage/attachments';
import type { AttachmentRecord, DraftRecord } from '../storage/types';
import type { ErrorCode, IsoDate } from '../shared/fields';
import type { RequestIssue } from '../shared/request-schema';
import { STEPS, issuesForStep, stepForPath, type RequestForm, type StepId } from './form-model';
import { validateForm } from './form-wire';

export interface StepChecks {
  issues: RequestIssue[];
  stepIssues: RequestIssue[];
  problemsByStep: ReadonlyMap<StepId, number>;
  checked: ReadonlySet<StepId>;
  /** Codes to show beside the field at this path (none until its step was checked). */
  errors: (path: string) => ErrorCode[];
  check: (step: StepId) => void;
  checkAll: () => void;
  summaryRef: RefObject<HTMLDivElement | null>;
  /** Moves focus to the error summary after the next render. */
  focusSummary: () => void;
}

export function useStepChecks(input: {
  form: RequestForm;
  record: DraftRecord | null;
  locale: string;
  files: AttachmentRecord[];
  today: IsoDate;
  step: StepId;
}): StepChecks {
  const { form, record, locale, files, today, step } = input;
  const [checked, setChecked] = useState<ReadonlySet<StepId>>(new Set());
  const [summaryFocus, setSummaryFocus] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);

  const issues = useMemo<RequestIssue[]>(
    () => (record ? validateForm(form, { id: record.id, locale, createdAt: record.createdAt, submittedAt: Date.now(), attachments: attachmentRefs(files) }, today) : []),
    [form, record, locale, files, today],
  );
  const byPath = useMemo(() => {
    const map = new Map<string, ErrorCode[]>();
    for (const issue of issues) map.set(issue.path, [...(map.get(issue.path) ?? []), issue.code]);
    return map;
  }, [issues]);
  const problemsByStep = useMemo(() => {
    const map = new Map<StepId, number>();
    for (const issue of issues) map.set(stepForPath(issue.path), (map.get(stepForPath(issue.path)) ?? 0) + 1);
    return map;
  }, [issues]);

  useEffect(() => {
    if (summaryFocus) summaryRef.current?.focus();
  }, [summaryFocus]);

  const errors = useMemo(() => (path: string) => (checked.has(stepForPath(path)) ? (byPath.get(path) ?? []) : []), [checked, byPath]);

  return {
    issues,
    stepIssues: issuesForStep(issues, step),
    problemsByStep,
    checked,
    errors,
    check: (s) => setChecked((prev) => new Set(prev).add(s)),
    checkAll: () => setChecked(new Set(STEPS)),
    summaryRef,
    focusSummary: () => setSummaryFocus((n) => n + 1),
  };
}
