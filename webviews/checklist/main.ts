import type { ChecklistHostMessage, ChecklistPageMessage } from '../../core/src/protocol/webview';
import { isChecklistHostMessage } from '../../core/src/protocol/webview';
import { connectToHost } from '../shared/hostApi';
import { checklistView } from './state';
import { renderChecklist, renderError } from './view';
import './style.css';

const root = document.getElementById('app') as HTMLElement;
const host = connectToHost<{ open: true }, ChecklistHostMessage, ChecklistPageMessage>(isChecklistHostMessage);

root.textContent = 'Checking the project…';
host.onMessage((message) => {
  switch (message.type) {
    case 'checklist':
      host.setState({ open: true });
      renderChecklist(root, checklistView(message.model, message.focusStage), (out) => host.post(out));
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
