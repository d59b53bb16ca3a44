/**
 * Everything under /requests: the list, a new draft, the form by step,
 * the print view, and where submitted requests stand (/requests/status). Addresses carry only the draft's random id and the
 * step's name, never anything the person typed.
 */
import { useLocation } from 'preact-iso';
import { DraftEditor } from './DraftEditor';
import { MissingDraft } from './MissingDraft';
import { DraftList } from './DraftList';
import { NewDraft } from './NewDraft';
import { StatusPage } from './StatusPage';
import { PrintView } from './PrintView';
import { checkUuid } from '../shared/fields';
import { isStepId } from './form-model';
import './requests.css';

export default function RequestsView() {
  const { path } = useLocation();
  const parts = path.split('/').filter(Boolean).slice(1);
  const [first, second, ...rest] = parts;
  if (!first) return <DraftList />;
  if (first === 'new' && !second) return <NewDraft />;
  if (first === 'status' && !second) return <StatusPage />;
  if (!checkUuid(first).ok || rest.length > 0) return <MissingDraft />;
  if (second === 'print') return <PrintView key={first} id={first} />;
  if (second !== undefined && !isStepId(second)) return <MissingDraft />;
  return <DraftEditor key={first} id={first} {...(second ? { step: second } : {})} />;
}
