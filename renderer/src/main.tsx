import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connect } from './api/client';
import { App, askFirstScreen } from './App';
import { useApp } from './state/store';
import { keepFocus } from './components/focus-keeper';
import { holdMeetingKeys } from './state/held-keys';
import './styles.css';
import './live.css';

const root = createRoot(document.getElementById('root')!);
const transport = connect();

if (transport.kind === 'no-token') {
  root.render(
    <main className="screen narrow">
      <h1>Meeting Clerk</h1>
      <p role="alert">
        This page needs its access key. Open the full address printed by <code>npm run serve</code> (it ends in <code>?token=…</code>).
      </p>
    </main>,
  );
} else {
  useApp.getState().connect(transport.bridge);
  keepFocus();
  holdMeetingKeys();
  void askFirstScreen();
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
