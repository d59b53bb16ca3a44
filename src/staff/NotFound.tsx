import { useStaffTitle } from './context';

export function NotFound() {
  useStaffTitle('Not found');
  return (
    <>
      <h1>This page does not exist</h1>
      <p>
        <a href="/staff">Go to the inbox</a>
      </p>
    </>
  );
}
