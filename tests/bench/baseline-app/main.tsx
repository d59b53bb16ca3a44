/**
 * The yardstick for the app's first visits (tests/bench/lighthouse.ts): a
 * one-screen Preact page with a service worker from vite-plugin-pwa, the
 * least a Preact PWA can be. One heading, one paragraph, one list of links
 * in the same system font and the same sizes as the app's home screen.
 */
import { render } from 'preact';
import './style.css';

const LINKS = ['Guide', 'Check your situation', 'Your requests', 'Settings'];

function Home() {
  return (
    <main>
      <h1>Help with a USCIS problem</h1>
      <p>The CIS Ombudsman can help when a case is stuck or went wrong. Read the guide, check your situation, or send a request.</p>
      <ul>
        {LINKS.map((l) => (
          <li key={l}>
            <a href="/">{l}</a>
          </li>
        ))}
      </ul>
    </main>
  );
}

render(<Home />, document.getElementById('app')!);
