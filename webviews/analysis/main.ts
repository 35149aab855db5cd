import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-progress-bar/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import {
  isAnalysisHostMessage,
  type AnalysisHostMessage,
  type AnalysisModel,
  type AnalysisPageMessage,
  type AnalysisPanelState,
} from '../../core/src/protocol/webview';
import { connectToHost } from '../shared/hostApi';
import { renderAnalysis, renderProgress, type LocalState } from './view';
import './style.css';

const root = document.getElementById('app') as HTMLElement;
const host = connectToHost<AnalysisPanelState, AnalysisHostMessage, AnalysisPageMessage>(isAnalysisHostMessage);
const local: LocalState = { beta: 1, threshold: 0.5, normalised: false };
let shown: AnalysisModel | undefined;

root.textContent = 'Reading the file…';
host.onMessage((message) => {
  switch (message.type) {
    case 'analysis':
      // A new evaluation starts from its own beta.
      if (message.model.choices.kind === 'evaluate' && message.model.result !== shown?.result) {
        local.beta = message.model.choices.beta;
      }
      shown = message.model;
      host.setState({ kind: message.model.kind, uri: message.model.uri });
      renderAnalysis(root, message.model, local, (out) => host.post(out));
      break;
    case 'progress':
      renderProgress(root, message.message);
      break;
    case 'error': {
      const error = document.createElement('p');
      error.className = 'error';
      error.setAttribute('role', 'alert');
      error.textContent = message.message;
      root.replaceChildren(error);
      break;
    }
    default: {
      const unhandled: never = message;
      throw new Error(`unhandled message ${JSON.stringify(unhandled)}`);
    }
  }
});
// The host sends nothing until it hears this: messages posted before the page listens are lost.
host.post({ type: 'ready' });
