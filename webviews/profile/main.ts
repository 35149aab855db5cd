import type { ProfilePanelState } from '../../core/src/protocol/webview';
import { connectToHost } from '../shared/hostApi';
import { profileView } from './state';
import { renderError, renderProfile } from './view';
import './style.css';

const root = document.getElementById('app') as HTMLElement;
const host = connectToHost<ProfilePanelState>();

root.textContent = 'Waiting for the profile…';
host.onMessage((message) => {
  switch (message.type) {
    case 'profile':
      host.setState({ uri: message.model.uri });
      renderProfile(root, profileView(message.model), () => host.post({ type: 'refresh' }));
      break;
    case 'error':
      renderError(root, message.message);
      break;
    default: {
      const unhandled: never = message;
      throw new Error(`unhandled message ${JSON.stringify(unhandled)}`);
    }
  }
});
// The host sends nothing until it hears this: messages posted before the page listens are lost.
host.post({ type: 'ready' });
