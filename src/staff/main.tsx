import { render } from 'preact';
import { loadCatalog } from '../i18n/catalog';
import { StaffApp } from './App';
import './staff.css';

// English is the console's language; the request's field labels are the
// applicant form's own English messages, so both sides name a field alike.
const root = document.getElementById('staff')!;
loadCatalog('en', ['shell', 'app'])
  .then((c) => c.messages)
  .catch(() => ({}))
  .then((messages) => {
    root.textContent = '';
    render(<StaffApp messages={messages} />, root);
  });
