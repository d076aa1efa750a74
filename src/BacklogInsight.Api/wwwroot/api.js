// The JSON API, one function per call. Every call rejects with a readable Error on a non-2xx answer.

async function getJson(path, init) {
  const response = await fetch(path, { headers: { Accept: 'application/json' }, ...init });
  if (!response.ok) {
    let detail = '';
    try {
      const problem = await response.json();
      detail = problem.detail || problem.title || '';
    } catch {
      // Not a problem-details body; the status line says enough.
    }
    throw new Error(`${init?.method ?? 'GET'} ${path} → ${response.status} ${detail}`.trim());
  }
  return response.json();
}

const query = (params) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') {
      search.set(key, String(value));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
};

export const orgBalance = (week) => getJson(`/api/org/balance${query({ week })}`);

export async function teams() {
  const all = [];
  let cursor;
  do {
    const page = await getJson(`/api/teams${query({ cursor, limit: 100 })}`);
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

export const teamBalance = (id, from, to) =>
  getJson(`/api/teams/${encodeURIComponent(id)}/balance${query({ from, to })}`);

export const teamPeople = (id, week) =>
  getJson(`/api/teams/${encodeURIComponent(id)}/people${query({ week })}`);

/** One page of the activities behind a team-week count; pass the previous page's nextCursor for the next. */
export const activities = ({ team, week, cls, cursor, limit = 100 }) =>
  getJson(`/api/activities${query({ team, week, class: cls, cursor, limit })}`);

export const reports = () => getJson('/api/reports');

export const generateReport = (week) =>
  getJson(`/api/reports/${encodeURIComponent(week)}/generate`, { method: 'POST' });

export const reportUrl = (week, format) => `/api/reports/${encodeURIComponent(week)}${query({ format })}`;

export const teamReportUrl = (week, id, format) =>
  `/api/reports/${encodeURIComponent(week)}/teams/${encodeURIComponent(id)}${query({ format })}`;

export const connections = async () => (await getJson('/api/connections?limit=1000')).items;

export const completeness = (id) => getJson(`/api/connections/${encodeURIComponent(id)}/completeness`);

export const testConnection = (id) => getJson(`/api/connections/${encodeURIComponent(id)}/test`, { method: 'POST' });

const postJson = (path, body) =>
  getJson(path, { method: 'POST', headers: { Accept: 'application/json', 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

export const testDefinition = (definition) => postJson('/api/connections/test', definition);

export const createConnection = (definition) => postJson('/api/connections', definition);

export const startSync = (id) => getJson(`/api/connections/${encodeURIComponent(id)}/sync`, { method: 'POST' });
