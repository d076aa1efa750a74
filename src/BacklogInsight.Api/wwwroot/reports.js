// #/reports : the generated weekly reports and their renderings.
import * as api from './api.js';
import { formatTime, h, replace } from './dom.js';
import { addWeeks } from './weeks.js';

export async function renderReports(view, { navigate }) {
  replace(view, h('p', { class: 'loading' }, 'Loading…'));
  const [list, org, teams] = await Promise.all([api.reports(), api.orgBalance(), api.teams()]);
  const lastWeek = addWeeks(org.week, -1);
  const status = h('p', { class: 'muted', 'aria-live': 'polite', 'data-testid': 'generate-status' });
  const generate = h('button', { type: 'button', class: 'primary no-print', 'data-testid': 'generate-last-week' }, `Generate last week (${lastWeek})`);
  generate.addEventListener('click', async () => {
    generate.disabled = true;
    status.textContent = `Generating ${lastWeek}…`;
    try {
      await api.generateReport(lastWeek);
      navigate('/reports', null, true);
    } catch (error) {
      status.textContent = `Could not generate: ${error.message}`;
      generate.disabled = false;
    }
  });
  const sorted = [...list].sort((a, b) => b.week.localeCompare(a.week));
  const teamLinks = (week) => h('ul', { class: 'team-reports' },
    teams.map((team) => h('li', {}, `${team.name}: `, formats((format) => api.teamReportUrl(week, team.id, format)))));
  const row = (report) => h('tr', { 'data-testid': 'report-row' },
    h('th', { scope: 'row' }, report.week),
    h('td', {}, formatTime(report.generatedAt, org.timeZone)),
    h('td', {}, formats((format) => api.reportUrl(report.week, format))),
    h('td', {}, teamLinks(report.week)));
  const table = h('div', { class: 'table-wrap' },
    h('table', { class: 'reports', 'data-testid': 'reports-table' },
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, 'Week'), h('th', { scope: 'col' }, 'Generated'),
        h('th', { scope: 'col' }, 'Organisation'), h('th', { scope: 'col' }, 'Per team'))),
      h('tbody', {}, sorted.map(row))));
  replace(view,
    h('header', { class: 'page-head' }, h('h1', {}, 'Weekly reports'), generate),
    status,
    sorted.length === 0 ? h('p', { class: 'muted' }, 'No reports yet.') : table);
}

function formats(url) {
  const link = (format, label) => h('a', { href: url(format), target: '_blank', rel: 'noopener' }, label);
  return h('span', { class: 'formats' }, link('html', 'HTML'), ' · ', link('md', 'Markdown'), ' · ', link('csv', 'CSV'));
}
