/**
 * What every field of the request form needs from the editor: the form,
 * a way to change one value by path, the errors to show beside it, and
 * whether the form can still be changed.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ErrorCode, IsoDate } from '../shared/fields';
import type { RequestForm } from './form-model';

export interface FormContextValue {
  form: RequestForm;
  set: (path: string, value: unknown) => void;
  /** Codes to show beside the field at exactly this path (empty until the step was checked). */
  errors: (path: string) => ErrorCode[];
  today: IsoDate;
  draftId: string;
}

export const FormContext = createContext<FormContextValue | null>(null);

export function useForm(): FormContextValue {
  const value = useContext(FormContext);
  if (!value) throw new Error('useForm outside FormContext');
  return value;
}
