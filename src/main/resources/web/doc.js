// The document view: the whole text, the linked passage highlighted, every match marked.
import { ApiError, appendMarked, documentIdFromPath, getJson } from './api.js';

const article = document.getElementById('document');
const status = document.getElementById('status');
const back = document.getElementById('back');
const matchNav = document.getElementById('match-nav');
const matchCount = document.getElementById('match-count');
const prev = document.getElementById('prev');
const next = document.getElementById('next');

const docId = documentIdFromPath(location.pathname);
const q = new URLSearchParams(location.search).get('q') ?? '';
let marks = [];
let current = -1;

back.href = q ? `/?${new URLSearchParams({ q })}` : '/';
back.textContent = q ? '← Back to results' : '← Search';

async function load() {
  let doc;
  try {
    doc = await getJson(`/api/documents/${docId.split('/').map(encodeURIComponent).join('/')}`);
  } catch (e) {
    article.setAttribute('aria-busy', 'false');
    status.textContent = e instanceof ApiError ? e.message : 'Something went wrong; try again.';
    status.classList.add('error');
    return;
  }
  document.title = `${doc.title} – Passages`;
  const matches = q ? await matchesIn(doc.id) : new Map();
  render(doc, matches);
  article.setAttribute('aria-busy', 'false');
  showTarget();
}

/** Match offsets per passage id for the query, from the search API restricted to this document. */
async function matchesIn(id) {
  const byPassage = new Map();
  const limit = 100;
  try {
    for (let offset = 0; offset < 1000; offset += limit) {
      const result = await getJson('/api/search', { q, doc: id, limit, offset });
      for (const hit of result.hits) byPassage.set(hit.id, hit.matches);
      if (offset + limit >= result.total) break;
    }
  } catch (e) {
    status.textContent = e instanceof ApiError ? e.message : 'Could not mark the matches.';
  }
  return byPassage;
}

function render(doc, matches) {
  const badge = document.createElement('p');
  badge.className = 'doc-source';
  const span = document.createElement('span');
  span.className = `badge badge-${doc.source}`;
  span.textContent = doc.source;
  badge.append(span);
  article.replaceChildren(badge);
  for (const passage of doc.passages) {
    const tag = passage.kind === 'title' ? 'h1' : passage.kind === 'heading' ? 'h2' : 'p';
    const element = document.createElement(tag);
    element.id = passage.anchor;
    element.className = `passage passage-${passage.kind}`;
    appendMarked(element, passage.text, matches.get(passage.id) ?? []);
    if (passage.kind === 'paragraph') {
      const number = document.createElement('a');
      number.className = 'pilcrow';
      number.href = `#${passage.anchor}`;
      number.textContent = `¶${passage.paragraph}`;
      number.setAttribute('aria-label', `Link to paragraph ${passage.paragraph}`);
      element.prepend(number, ' ');
    }
    article.append(element);
  }
  marks = [...article.querySelectorAll('mark')];
  if (q) {
    matchNav.hidden = false;
    const n = marks.length;
    matchCount.textContent = n ? `${n} match${n === 1 ? '' : 'es'} for “${q}”` : `No matches for “${q}”`;
    prev.disabled = next.disabled = n === 0;
  }
}

/** Highlights the passage named by the URL fragment and brings it into view. */
function showTarget() {
  for (const old of article.querySelectorAll('.is-target')) old.classList.remove('is-target');
  const id = decodeURIComponent(location.hash.slice(1));
  const target = id ? document.getElementById(id) : null;
  if (!target) return;
  target.classList.add('is-target');
  target.scrollIntoView({ block: 'center' });
  const first = marks.findIndex((m) => target.contains(m));
  if (first >= 0) current = first - 1;
}

function go(step) {
  if (!marks.length) return;
  marks[current]?.classList.remove('current');
  current = (current + step + marks.length) % marks.length;
  const mark = marks[current];
  mark.classList.add('current');
  mark.scrollIntoView({ block: 'center', behavior: 'smooth' });
  matchCount.textContent = `Match ${current + 1} of ${marks.length} for “${q}”`;
}

prev.addEventListener('click', () => go(-1));
next.addEventListener('click', () => go(1));
window.addEventListener('hashchange', showTarget);
document.addEventListener('keydown', (event) => {
  if (event.target instanceof HTMLInputElement || event.ctrlKey || event.metaKey || event.altKey) return;
  if (event.key === 'n') go(1);
  else if (event.key === 'p') go(-1);
});

load();
