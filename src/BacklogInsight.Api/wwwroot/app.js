// A tiny hash router: #/ overview, #/teams/{id}, #/reports, #/connections; ?week=YYYY-Www keeps the chosen week.
import { renderConnections } from './connections.js';
import { closeDrilldown } from './drilldown.js';
import { h, replace } from './dom.js';
import { renderOverview } from './overview.js';
import { renderReports } from './reports.js';
import { renderTeam } from './team.js';
import { isWeek } from './weeks.js';

const view = document.getElementById('view');

function parse() {
  const raw = location.hash.replace(/^#/, '') || '/';
  const [path, search = ''] = raw.split('?');
  const week = new URLSearchParams(search).get('week');
  return { path, week: isWeek(week) ? week : null };
}

/** Goes to a path, keeping a week if given; force re-renders when the hash would not change. */
function navigate(path, week, force = false) {
  const hash = `#${path}${week ? `?week=${week}` : ''}`;
  if (force || location.hash === hash) {
    route();
  } else {
    location.hash = hash;
  }
}

let generation = 0;

async function route() {
  const mine = ++generation;
  const { path, week } = parse();
  closeDrilldown();
  markNav(path);
  const team = /^\/teams\/([^/]+)$/.exec(path);
  try {
    if (path === '/' || path === '') {
      await renderOverview(view, { week, navigate });
    } else if (team) {
      await renderTeam(view, { id: decodeURIComponent(team[1]), week, navigate });
    } else if (path === '/reports') {
      await renderReports(view, { navigate });
    } else if (path === '/connections') {
      await renderConnections(view, { navigate });
    } else {
      replace(view, h('h1', {}, 'Not found'), h('p', {}, h('a', { href: '#/' }, 'Back to the overview')));
    }
    if (mine === generation) {
      document.body.dataset.ready = 'true';
    }
  } catch (error) {
    if (mine === generation) {
      replace(view, h('div', { class: 'error', role: 'alert', 'data-testid': 'error' }, `Something went wrong: ${error.message}`));
    }
  }
}

function markNav(path) {
  for (const link of document.querySelectorAll('nav.top a')) {
    const target = link.getAttribute('href').replace(/^#/, '');
    const active = target === '/' ? path === '/' || path === '' : path.startsWith(target);
    if (active) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  }
}

document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') {
    closeDrilldown();
  }
});
window.addEventListener('hashchange', () => {
  document.body.dataset.ready = 'false';
  route();
});
route();
