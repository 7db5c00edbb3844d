// The search page: results as you type, the query in the URL.
import {
  documentPath, el, getJson, hitHref, isTyping, readerMessage, searchUrl, shortened, sourceBadge,
  trackMasthead,
} from './api.js';

const $ = (id) => document.getElementById(id);
const PAGE_SIZE = 20;
const DEBOUNCE_MS = 25;
const SETTLE_MS = 1000; // then a new history entry
// While typing, the last word is a prefix (a half word is no "no match"); after this pause the
// query is searched as typed, and the count announced.
const PAUSE_MS = 600;
const SOURCE_LABELS = { article: 'Article', commentary: 'Commentary', comment: 'Comments' };

const form = $('search-form');
const input = $('q');
const status = $('status');
const results = $('results');
const more = $('more');
const intro = $('intro');
const sourcesBox = $('sources');
const notice = $('notice');
const completionList = $('completions');
const announcer = $('announce');

let searchSeq = 0;
let inFlight = null;
let debounceTimer = 0;
let settleTimer = 0;
let typing = false;
let inputAt = null;
let shown = { q: '', sources: [], offset: 0, total: 0 };
let documents = null;
let pauseTimer = 0;
let announceTimer = 0;
let typedAnswer = null; // kept while the query as typed finds nothing
let shownAnswer = null;

function stateFromUrl() {
  const params = new URLSearchParams(location.search);
  return {
    q: params.get('q') ?? '',
    sources: (params.get('source') ?? '').split(',').filter(Boolean),
  };
}

function chosenSources() {
  const boxes = [...sourcesBox.querySelectorAll('input[type=checkbox]')];
  const ticked = boxes.filter((b) => b.checked).map((b) => b.value);
  return ticked.length === boxes.length ? [] : ticked;
}

function currentState() {
  return { q: input.value, sources: chosenSources() };
}

/** The query with its last word (2+ letters, outside quotes) as a prefix; else null. */
function asPrefix(q) {
  if (/\s$/.test(q) || ((q.match(/["“”]/g) ?? []).length % 2) === 1) return null;
  const last = q.trim().split(/\s+/).pop() ?? '';
  if (!/^[\p{L}\p{N}][\p{L}\p{N}'’]+$/u.test(last) || /^(AND|OR|NOT)$/.test(last)) return null;
  return `${q.trimEnd()}*`;
}

/** `mode`: `typing` (last word as a prefix), `paused` (as typed, unless that finds less), `submit`. */
async function search(state, { offset = 0, mode = 'submit' } = {}) {
  const seq = ++searchSeq;
  if (mode === 'submit') {
    clearTimeout(debounceTimer);
    clearTimeout(pauseTimer);
  }
  inFlight?.abort();
  inFlight = new AbortController();
  document.title = state.q.trim() ? `${state.q} – Passages` : 'Passages';
  if (!state.q.trim()) {
    await showIntro(seq);
    return;
  }
  const boxes = sourcesBox.querySelectorAll('input[type=checkbox]');
  if (boxes.length && ![...boxes].some((b) => b.checked)) {
    showMessage('Pick at least one source to search.');
    return;
  }
  const startedAt = inputAt ?? performance.now();
  const prefix = mode === 'typing' && offset === 0 ? asPrefix(state.q) : null;
  try {
    const result = await getJson(
      '/api/search',
      { q: prefix ?? state.q, limit: PAGE_SIZE, offset, source: state.sources.join(',') },
      inFlight.signal,
    );
    if (seq !== searchSeq) return;
    // The half word's page stands if the whole adds nothing.
    if (mode === 'paused' && typedAnswer?.total && typedAnswer.query === asPrefix(state.q)) {
      const page = (r) => r.total + r.hits.map((h) => h.id);
      const same = page(result) === page(typedAnswer);
      if (same) showNotice(result);
      if (same || !result.total || result.correctedFrom || results.contains(document.activeElement)) {
        return announce(countText(typedAnswer));
      }
    }
    typedAnswer = prefix ? result : null;
    render(result, state, offset > 0, prefix);
    performance.measure('keystroke-to-results', { start: startedAt, end: performance.now() });
    inputAt = null;
    if (mode !== 'typing') announceShown();
  } catch (e) {
    if (e.name === 'AbortError' || seq !== searchSeq) return;
    showMessage(readerMessage(e), true);
  }
}

function announceShown() {
  announce(shownAnswer && shownAnswer.total > 0 ? countText(shownAnswer) : status.textContent);
}

/** Says `text` to screen readers once, not at every keystroke. */
function announce(text) {
  clearTimeout(announceTimer);
  announcer.textContent = '';
  announceTimer = setTimeout(() => { announcer.textContent = text; }, 50);
}

/** `sent`: the half word's query, for later pages. */
function render(result, state, append, sent = null) {
  const typing = sent !== null;
  shownAnswer = result;
  intro.hidden = true;
  if (typing) clearNotice();
  else showNotice(result);
  const firstNew = results.querySelectorAll('a.hit-link').length;
  if (!append) results.replaceChildren();
  let previous = append ? shown.lastMatched : null;
  for (const hit of result.hits) {
    if (hit.matched !== 'all' && previous === 'all') results.append(divider(result.semantic));
    previous = hit.matched;
    results.append(hitItem(hit, state));
  }
  shown = {
    ...state,
    q: sent ?? state.q,
    offset: result.offset + result.hits.length,
    total: result.total,
    lastMatched: previous,
  };
  const moreHadFocus = document.activeElement === more;
  more.hidden = shown.offset >= result.total;
  if (append && moreHadFocus) {
    // The button may be gone.
    results.querySelectorAll('a.hit-link')[firstNew]?.focus();
  }
  results.setAttribute('aria-busy', 'false');
  status.classList.remove('error');
  if (result.total === 0) {
    if (typing) status.textContent = 'Keep typing, or press Enter to search for this word as it is.';
    else showNoHits(state.q);
    return;
  }
  const page = shown.offset < result.total ? `, showing ${shown.offset}` : '';
  status.textContent = `${countText(result)}${page} · ${result.tookMs} ms`;
  showSourceCounts(result.sources);
}

/** Past 1,000 the count stops ("1,000+"). */
function countText({ total, totalExact, allWords, byMeaning }) {
  const plus = totalExact ? '' : '+';
  const n = (x) => x.toLocaleString();
  const passages = `${n(total)}${plus} passage${total === 1 && !plus ? '' : 's'}`;
  if (allWords === total) return `${passages} found`;
  const some = total - allWords - byMeaning;
  if (!allWords && !byMeaning) return `${passages} with some of the words`;
  return [allWords && `${n(allWords)} with every word`, some > 0 && `${n(some)}${plus} with some`,
    byMeaning && `${n(byMeaning)} by meaning`].filter(Boolean).join(', ');
}

const divider = (semantic) => el('li', { className: 'divider' }, semantic
  ? 'More passages: with some of the words, or close in meaning'
  : 'Passages with some of the words');

const clearNotice = () => notice.replaceChildren();

function showNotice(result) {
  notice.replaceChildren();
  if (result.correctedFrom) {
    notice.append('Showing results for ', el('strong', {}, result.query),
      ` (no passage matches “${shortened(result.correctedFrom)}”).`);
  } else if (result.suggestion) {
    const href = searchUrl(result.suggestion, chosenSources());
    notice.append('Did you mean ', el('a', { href }, result.suggestion), '?');
  }
  if (result.total > 0 && result.allWords === 0) {
    notice.append(notice.childNodes.length ? ' ' : '', result.semantic
      ? 'No passage has every word; these have some of them or are close in meaning, the best first.'
      : 'No passage has every word; these have some of them, the best first.');
  }
}

function showSourceCounts(counts) {
  for (const label of sourcesBox.querySelectorAll('label')) {
    const count = counts?.[label.querySelector('input').value] ?? 0;
    label.querySelector('.count').textContent = counts ? ` ${count.toLocaleString()}${counts.exact ? '' : '+'}` : '';
  }
}

/** A card whose heading is the link (read as the title); the whole card opens it. */
function hitItem(hit, state) {
  const link = el('a', { className: 'hit-link', href: hitHref(hit, state.q, state.sources) },
    el('bdi', {}, hit.title));
  const meta = el('div', { className: 'hit-meta' }, sourceBadge(hit.source),
    el('h2', { className: 'hit-title' }, link),
    el('span', { className: 'hit-place' }, ...(hit.section ? [el('bdi', {}, hit.section), ' · '] : []), placeOf(hit)));
  if (hit.matched === 'meaning') meta.append(el('span', { className: 'hit-meaning' }, 'close in meaning'));
  const excerpt = el('div', { className: `excerpt excerpt-${hit.kind}`, dir: 'auto' });
  // Escaped by the API, only <mark> added: the one HTML we insert.
  excerpt.innerHTML = hit.highlight;
  const item = el('li', { className: 'hit' }, el('div', { className: 'hit-card' }, meta, excerpt));
  if (hit.explain?.length) item.append(explanation(hit.explain));
  return item;
}

const HOW = {
  exact: 'as typed',
  stem: 'another form of the word',
  phrase: 'the exact phrase',
  prefix: 'a word starting so',
  typo: 'corrected spelling',
  meaning: 'the sentence closest in meaning to the question',
};

const explanation = (notes) => el('details', { className: 'why' },
  el('summary', {}, 'Why this matched'),
  el('ul', {}, ...notes.map((note) => el('li', {}, el('code', {}, note.query), ' → ',
    el('mark', {}, note.matched), ` (${HOW[note.how] ?? note.how})`))));

function placeOf(hit) {
  if (hit.kind === 'title') return 'Title';
  if (hit.kind === 'heading') return 'Heading';
  return `¶ ${hit.paragraph}`;
}

function showNoHits(q) {
  const said = shortened(q.trim());
  status.textContent = /^["“]/.test(said) ? `No passages match ${said}.` : `No passages match “${said}”.`;
  const links = looserQueries(q).flatMap((s, i) => [i ? ', ' : '',
    el('a', { href: searchUrl(s, chosenSources()) }, shortened(s))]);
  if (links.length) results.append(el('li', { className: 'tip' }, 'Try a looser query: ', ...links, '.'));
}

/** Without quotes, exclusions or sources. */
function looserQueries(q) {
  const out = [];
  const known = q.split(/\s+/).filter((w) =>
    !/^-?source:/i.test(w) || w.split(':')[1].split(',').every((s) => s.toLowerCase() in SOURCE_LABELS));
  const unquoted = known.join(' ').replace(/["“”]/g, '').replace(/\s+/g, ' ').trim();
  if (unquoted !== q.trim()) out.push(unquoted);
  const kept = unquoted.split(' ').filter((w, i, all) =>
    !/^-|^source:/i.test(w) && w !== 'NOT' && all[i - 1] !== 'NOT');
  if (kept.length && kept.length < unquoted.split(' ').length) out.push(kept.join(' '));
  return [...new Set(out)].filter((s) =>
    s && s !== q.trim() && /[\p{L}\p{N}]{2,}/u.test(s) && !/[[\]{}]/.test(s));
}

function showMessage(message, isError = false, introShown = false) {
  intro.hidden = !introShown;
  clearNotice();
  more.hidden = true;
  results.replaceChildren();
  status.textContent = message;
  status.classList.toggle('error', isError);
  announce(message);
}

function loadDocuments() {
  if (!documents) {
    documents = getJson('/api/documents');
    documents.catch(() => { documents = null; });
  }
  return documents;
}

async function showIntro(seq) {
  showMessage('', false, true);
  try {
    const docs = await loadDocuments();
    if (seq !== searchSeq) return;
    const passages = docs.reduce((n, d) => n + d.passages, 0);
    const texts = docs.filter((d) => d.source !== 'comment');
    const comments = new Map();
    for (const d of docs) {
      if (d.source === 'comment' && d.about) comments.set(d.about, (comments.get(d.about) ?? 0) + 1);
    }
    $('corpus-summary').textContent =
      `${passages} passages in ${texts.length} text${texts.length === 1 ? '' : 's'}, ` +
      'searchable word by word or phrase by phrase:';
    const list = $('documents');
    list.replaceChildren(...texts.map((d) => documentItem(d, comments.get(d.id) ?? 0)));
  } catch (e) {
    if (seq === searchSeq) showMessage(readerMessage(e), true);
  }
}

function documentItem(doc, comments) {
  const counts = [`${doc.passages} passages`];
  if (comments) counts.push(`${comments} comment${comments === 1 ? '' : 's'}`);
  return el('li', {}, sourceBadge(doc.source), ' ',
    el('a', { href: documentPath(doc.id) }, el('bdi', {}, doc.title)), ` · ${counts.join(' · ')}`);
}

async function buildSourceFilter(selected) {
  let docs;
  try {
    docs = await loadDocuments();
  } catch {
    return;
  }
  const present = Object.keys(SOURCE_LABELS).filter((s) => docs.some((d) => d.source === s));
  if (present.length < 2) return;
  for (const source of present) {
    const box = el('input', { type: 'checkbox', value: source,
      checked: !selected.length || selected.includes(source) });
    box.addEventListener('change', () => {
      const state = currentState();
      history.pushState(null, '', searchUrl(state.q, state.sources));
      search(state);
    });
    sourcesBox.append(el('label', {}, box, ` ${SOURCE_LABELS[source]}`, el('span', { className: 'count' })));
  }
  showSourceCounts(shownAnswer?.total ? shownAnswer.sources : null);
  sourcesBox.classList.remove('pending');
}

/** One history entry per query meant: urani → uranium replaces it. */
function recordInHistory(state) {
  const url = searchUrl(state.q, state.sources);
  if (url === location.pathname + location.search) return;
  const before = stateFromUrl().q.trim().toLowerCase();
  const now = state.q.trim().toLowerCase();
  const refines = !before || !now || before.startsWith(now) || now.startsWith(before);
  if (typing && refines) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  typing = true;
  clearTimeout(settleTimer);
  settleTimer = setTimeout(() => { typing = false; }, SETTLE_MS);
}

/* Completions: the ARIA combobox pattern, from /api/suggest. */
let completionSeq = 0;
let activeOption = -1;

async function suggest(typed) {
  const seq = ++completionSeq;
  if (!typed.trim()) {
    closeCompletions();
    return;
  }
  let answer;
  try {
    answer = await getJson('/api/suggest', { q: typed, limit: 8 });
  } catch {
    closeCompletions();
    return;
  }
  if (seq !== completionSeq || input.value !== typed) return;
  completionList.replaceChildren(
    ...answer.completions.map((c, i) => completionOption(c.query, typed, i)));
  activeOption = -1;
  input.removeAttribute('aria-activedescendant');
  const open = answer.completions.length > 0 && document.activeElement === input;
  completionList.hidden = !open;
  input.setAttribute('aria-expanded', String(open));
}

function completionOption(query, typed, index) {
  const shared = query.toLowerCase().startsWith(typed.toLowerCase()) ? typed.length : 0;
  const head = query.slice(0, shared);
  const option = el('li', { id: `completion-${index}`, role: 'option', 'aria-selected': 'false' },
    head.length > 40 ? `…${head.slice(-30)}` : head, el('strong', {}, query.slice(shared)));
  option.dataset.query = query;
  option.addEventListener('mousedown', (event) => {
    event.preventDefault(); // keep the focus in the box
    chooseCompletion(query);
  });
  return option;
}

function moveCompletion(step) {
  const options = [...completionList.children];
  if (!options.length) return;
  options[activeOption]?.setAttribute('aria-selected', 'false');
  activeOption = (activeOption + step + options.length) % options.length;
  const option = options[activeOption];
  option.setAttribute('aria-selected', 'true');
  input.setAttribute('aria-activedescendant', option.id);
  option.scrollIntoView({ block: 'nearest' });
}

function chooseCompletion(query) {
  input.value = query;
  closeCompletions();
  const state = currentState();
  recordInHistory(state);
  typing = false;
  search(state);
}

function closeCompletions() {
  completionSeq++;
  completionList.hidden = true;
  completionList.replaceChildren();
  activeOption = -1;
  input.setAttribute('aria-expanded', 'false');
  input.removeAttribute('aria-activedescendant');
}

input.addEventListener('keydown', (event) => {
  if (completionList.hidden) return;
  if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    event.preventDefault();
    event.stopPropagation();
    moveCompletion(event.key === 'ArrowDown' ? 1 : -1);
  } else if (event.key === 'Enter' && activeOption >= 0) {
    event.preventDefault();
    chooseCompletion(completionList.children[activeOption].dataset.query);
  } else if (event.key === 'Escape') {
    event.preventDefault();
    closeCompletions();
  }
});

input.addEventListener('blur', closeCompletions);

input.addEventListener('input', () => {
  inputAt = performance.now();
  suggest(input.value);
  clearTimeout(debounceTimer);
  clearTimeout(pauseTimer);
  clearTimeout(announceTimer);
  debounceTimer = setTimeout(() => {
    const state = currentState();
    recordInHistory(state);
    search(state, { mode: 'typing' });
    pauseTimer = setTimeout(() => {
      if (asPrefix(state.q) !== null) search(currentState(), { mode: 'paused' });
      else announceShown();
    }, PAUSE_MS);
  }, DEBOUNCE_MS);
});

form.addEventListener('submit', (event) => {
  event.preventDefault();
  closeCompletions();
  const state = currentState();
  recordInHistory(state);
  typing = false;
  search(state);
});

more.addEventListener('click', () => search(shown, { offset: shown.offset }));

window.addEventListener('popstate', () => {
  const state = stateFromUrl();
  input.value = state.q;
  for (const box of sourcesBox.querySelectorAll('input[type=checkbox]')) {
    box.checked = !state.sources.length || state.sources.includes(box.value);
  }
  typing = false;
  search(state);
});

document.addEventListener('keydown', (event) => {
  const target = event.target;
  if (event.key === '/' && !isTyping(event) && !event.ctrlKey && !event.metaKey && !event.altKey) {
    event.preventDefault();
    input.focus();
    input.select();
    return;
  }
  const links = [...results.querySelectorAll('a.hit-link')];
  const at = links.indexOf(document.activeElement);
  if (event.key === 'ArrowDown' && (target === input || at >= 0) && links.length) {
    event.preventDefault();
    focusHit(links[Math.min(at + 1, links.length - 1)]);
  } else if (event.key === 'ArrowUp' && at >= 0) {
    event.preventDefault();
    if (at === 0) input.focus();
    else focusHit(links[at - 1]);
  } else if (event.key === 'Escape' && at >= 0) {
    input.focus();
  }
});

function focusHit(link) {
  link.focus({ preventScroll: true });
  link.closest('.hit').scrollIntoView({ block: 'nearest' });
}

trackMasthead();

const initial = stateFromUrl();
input.value = initial.q;
input.focus();
buildSourceFilter(initial.sources);
search(initial);
