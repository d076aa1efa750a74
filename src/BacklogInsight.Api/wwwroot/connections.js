// #/connections : every connection with its data completeness, a connection test, and a form to add a Jira site.
import * as api from './api.js';
import { formatTime, h, replace } from './dom.js';

export async function renderConnections(view, { navigate }) {
  replace(view, h('p', { class: 'loading' }, 'Loading…'));
  const list = await api.connections();
  const completeness = await Promise.all(list.map((c) => api.completeness(c.id).catch(() => null)));
  replace(view,
    h('header', { class: 'page-head' }, h('h1', {}, 'Connections')),
    h('p', { class: 'muted' }, 'Where the numbers come from, and whether they are complete.'),
    h('div', { class: 'connections', 'data-testid': 'connections' },
      list.length === 0 ? h('p', { class: 'muted' }, 'No connection yet: add a Jira site below.') : list.map((c, i) => card(c, completeness[i], navigate))),
    jiraForm(navigate));
}

function card(connection, completeness, navigate) {
  const result = h('div', { class: 'test-result', 'aria-live': 'polite', 'data-testid': 'test-result' });
  const test = h('button', { type: 'button', 'data-testid': 'test-connection' }, 'Test');
  test.addEventListener('click', async () => {
    test.disabled = true;
    replace(result, h('p', { class: 'muted' }, 'Testing…'));
    try {
      replace(result, testOutcome(await api.testConnection(connection.id)));
    } catch (error) {
      replace(result, h('p', { class: 'error', role: 'alert' }, error.message));
    } finally {
      test.disabled = false;
    }
  });
  const sync = h('button', { type: 'button', 'data-testid': 'sync-connection' }, 'Sync now');
  sync.addEventListener('click', async () => {
    sync.disabled = true;
    try {
      await api.startSync(connection.id);
      replace(result, h('p', { class: 'muted' }, 'Sync queued; this page refreshes when you come back to it.'));
    } catch (error) {
      replace(result, h('p', { class: 'error', role: 'alert' }, error.message));
    } finally {
      sync.disabled = false;
    }
  });
  const refresh = h('button', { type: 'button', 'data-testid': 'refresh-connections' }, 'Refresh');
  refresh.addEventListener('click', () => navigate('/connections', null, true));
  return h('section', { class: 'connection card', 'data-testid': 'connection', 'data-name': connection.name },
    h('header', { class: 'connection-head' },
      h('h2', {}, connection.name),
      h('span', { class: 'badge' }, connection.kind),
      connection.baseUrl ? h('span', { class: 'muted' }, connection.baseUrl) : null,
      h('span', { class: 'actions no-print' }, test, sync, refresh)),
    completeness ? completenessView(completeness) : h('p', { class: 'muted' }, 'Completeness unavailable.'),
    result);
}

function completenessView(c) {
  const row = (label, value, id) => h('tr', {}, h('th', { scope: 'row' }, label), h('td', { 'data-testid': id }, String(value)));
  return h('div', { class: 'completeness', 'data-testid': 'completeness' },
    h('ul', { class: 'messages' }, c.messages.map((m) => h('li', {}, m))),
    h('table', { class: 'counters' }, h('tbody', {},
      row('Last successful sync', formatTime(c.lastSucceededAt), 'last-success'),
      row('Items (deleted)', `${c.workItems} (${c.deletedWorkItems})`, 'items'),
      row('Requests', c.requests, 'requests'),
      row('Retries and rate-limit waits', c.retries, 'retries'),
      row('Changelogs completed past truncation', c.changelogsCompleted, 'changelogs'),
      row('Deleted / moved / restored items reconciled', `${c.itemsDeleted} / ${c.itemsMoved} / ${c.itemsRestored}`, 'reconciled'),
      row('Mapped fields', c.mappedFields.map((f) => `${f.sourceField} → ${f.canonical}`).join(', ') || '—', 'mapped'),
      row('Unmapped fields', c.unmappedFields.map((f) => f.sourceField).join(', ') || '—', 'unmapped'))));
}

function testOutcome(result) {
  return h('div', { class: result.succeeded ? 'ok' : 'warn', 'data-testid': 'test-outcome', 'data-succeeded': String(result.succeeded) },
    h('strong', {}, result.succeeded ? 'The connection works.' : 'The connection does not work completely yet.'),
    h('ul', { class: 'messages' }, result.messages.map((m) => h('li', {}, m))));
}

function field(label, input) {
  return h('label', { class: 'field' }, h('span', {}, label), input);
}

function jiraForm(navigate) {
  const name = h('input', { name: 'name', required: true, placeholder: 'acme-jira', 'data-testid': 'jira-name' });
  const baseUrl = h('input', { name: 'baseUrl', type: 'url', required: true, placeholder: 'https://acme.atlassian.net', 'data-testid': 'jira-url' });
  const deployment = h('select', { name: 'deployment', 'data-testid': 'jira-deployment' },
    h('option', { value: 'cloud' }, 'Jira Cloud (e-mail + API token)'),
    h('option', { value: 'datacenter' }, 'Jira Data Center (personal access token)'));
  const email = h('input', { name: 'email', type: 'email', placeholder: 'bot@acme.example', 'data-testid': 'jira-email' });
  const token = h('input', { name: 'token', type: 'password', required: true, autocomplete: 'off', 'data-testid': 'jira-token' });
  const webhookSecret = h('input', { name: 'webhookSecret', type: 'password', autocomplete: 'off', 'data-testid': 'jira-webhook-secret' });
  const picks = h('div', { class: 'picks', 'data-testid': 'jira-picks' });
  const result = h('div', { class: 'test-result', 'aria-live': 'polite', 'data-testid': 'jira-test-result' });
  const status = h('p', { class: 'muted', 'aria-live': 'polite', 'data-testid': 'jira-save-status' });

  const checked = (group) => [...picks.querySelectorAll(`input[data-group="${group}"]:checked`)].map((box) => box.value);
  const definition = (withPicks) => {
    const settings = { deployment: deployment.value };
    if (deployment.value === 'cloud') {
      settings.email = email.value;
    } else {
      settings.auth = 'bearer';
    }
    if (withPicks) {
      settings.projects = checked('project');
      const boards = checked('board').map(Number);
      if (boards.length > 0) {
        settings.boards = boards;
      }
    }
    const secrets = { token: token.value };
    if (webhookSecret.value) {
      secrets['webhook-secret'] = webhookSecret.value;
    }
    return { name: name.value, kind: 'jira', baseUrl: baseUrl.value, settings, secrets };
  };

  const test = h('button', { type: 'button', 'data-testid': 'jira-test' }, 'Test');
  test.addEventListener('click', async () => {
    test.disabled = true;
    replace(result, h('p', { class: 'muted' }, 'Testing…'));
    try {
      const outcome = await api.testDefinition(definition(false));
      replace(result, testOutcome(outcome));
      replace(picks,
        pickList('Projects to follow', 'project', outcome.projects.map((p) => ({ value: p, label: p }))),
        pickList('Boards that are teams (none ticked: every board)', 'board',
          outcome.boardIds.map((id, i) => ({ value: String(id), label: outcome.boards[i] })), false));
    } catch (error) {
      replace(result, h('p', { class: 'error', role: 'alert' }, error.message));
    } finally {
      test.disabled = false;
    }
  });
  const form = h('form', { class: 'card jira-form', 'data-testid': 'jira-form' },
    h('h2', {}, 'Add a Jira site'),
    field('Name', name), field('Base URL', baseUrl), field('Deployment', deployment),
    field('Account e-mail (Cloud)', email), field('API token or personal access token', token),
    field('Webhook secret (optional, for push updates)', webhookSecret),
    h('div', { class: 'actions' }, test, h('button', { type: 'submit', class: 'primary', 'data-testid': 'jira-save' }, 'Save')),
    result, picks, status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    status.textContent = 'Saving…';
    try {
      await api.createConnection(definition(true));
      navigate('/connections', null, true);
    } catch (error) {
      status.textContent = `Could not save: ${error.message}`;
    }
  });
  return form;
}

function pickList(title, group, options, ticked = true) {
  if (options.length === 0) {
    return null;
  }
  return h('fieldset', { class: 'pick', 'data-testid': `pick-${group}` },
    h('legend', {}, title),
    options.map((o) => h('label', { class: 'pick-option' },
      h('input', { type: 'checkbox', value: o.value, 'data-group': group, checked: ticked }), ` ${o.label}`)));
}
