// The sign-in form: an API key in, a session cookie out (the key itself is not kept by the page).
import { signIn } from './api.js';
import { h, replace } from './dom.js';

export function renderSignIn(view, { onSignedIn }) {
  const input = h('input', {
    type: 'password', id: 'api-key', name: 'key', autocomplete: 'off', required: true, 'data-testid': 'sign-in-key',
  });
  const message = h('p', { class: 'error', role: 'alert', 'data-testid': 'sign-in-error', hidden: true });
  const form = h('form', {
    class: 'sign-in',
    'data-testid': 'sign-in',
    onsubmit: async (event) => {
      event.preventDefault();
      message.hidden = true;
      try {
        await signIn(input.value.trim());
        onSignedIn();
      } catch (error) {
        message.textContent = error.message;
        message.hidden = false;
      }
    },
  },
  h('h1', {}, 'Sign in'),
  h('p', {}, 'Sign in with an API key. An admin creates one with ', h('code', {}, 'keys create --name NAME --scope read'), '.'),
  h('label', { for: 'api-key' }, 'API key'),
  input,
  h('button', { type: 'submit', 'data-testid': 'sign-in-submit' }, 'Sign in'),
  message);
  replace(view, form);
  input.focus();
}
