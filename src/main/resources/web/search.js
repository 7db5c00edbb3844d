// The search page: instant results as you type, the query kept in the URL.
import {
  documentPath, getJson, hitHref, isTyping, readerMessage, shortened, sourceBadge,
} from './api.js';

const PAGE_SIZE = 20;
/** Wait this long after a keystroke before searching: long enough to skip mid-word requests. */
const DEBOUNCE_MS = 25;
/** A pause this long ends a "typing session": the next keystroke makes a new history entry. */
const SETTLE_MS = 1000;
/**
 * While typing, the last word is searched as a prefix (`urani` finds uranium): a half word is
 * neither "no match" nor corrected into another word. After a pause this long the query is
 * searched as typed too, and the count is announced.
 */
const PAUSE_MS = 600;
const SOURCE_LABELS = { article: 'Article', commentary: 'Commentary', comment: 'Comments' };

const form = document.getElementById('search-form');
const input = document.getElementById('q');
const status = document.getElementById('status');
const results = document.getElementById('results');
const more = document.getElementById('more');
const intro = document.getElementById('intro');
const sourcesBox = document.getElementById('sources');
const notice = document.getElementById('notice');
const completionList = document.getElementById('completions');
const announcer = document.getElementById('announce');

let searchSeq = 0;
let inFlight = null;
let debounceTimer = 0;
let settleTimer = 0;
let typing = false;
let inputAt = null;
let shown = { q: '', sources: [], offset: 0, total: 0 };
/** The per-source counts of the results shown, for a source filter built after them. */
let shownCounts = null;
let documents = null;
let pauseTimer = 0;
let announceTimer = 0;
/** The answer shown for the half-typed query, kept while the query as typed finds nothing. */
let typedAnswer = null;
/** The answer on the page. */
let shownAnswer = null;

/** The search the URL describes. */
function stateFromUrl() {
  const params = new URLSearchParams(location.search);
  return {
    q: params.get('q') ?? '',
    sources: (params.get('source') ?? '').split(',').filter(Boolean),
  };
}

function urlFor({ q, sources }) {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (sources.length) params.set('source', sources.join(','));
  return params.size ? `/?${params}` : '/';
}

/** Sources ticked in the filter; empty means all (no filter shown, or every box ticked). */
function chosenSources() {
  const boxes = [...sourcesBox.querySelectorAll('input[type=checkbox]')];
  const ticked = boxes.filter((b) => b.checked).map((b) => b.value);
  return ticked.length === boxes.length ? [] : ticked;
}

function currentState() {
  return { q: input.value, sources: chosenSources() };
}

/**
 * The query to send while the reader is typing: the last word as a prefix when it is a plain word
 * of two letters or more being typed (no space after it, not in quotes, no operator); else null.
 */
function asPrefix(q) {
  if (/\s$/.test(q) || ((q.match(/["“”]/g) ?? []).length % 2) === 1) return null;
  const last = q.trim().split(/\s+/).pop() ?? '';
  if (!/^[\p{L}\p{N}][\p{L}\p{N}'’]+$/u.test(last) || /^(AND|OR|NOT)$/.test(last)) return null;
  return `${q.trimEnd()}*`;
}

/**
 * Runs the search for `state`; a newer call makes an older one's answer irrelevant. `mode` is
 * `typing` (a keystroke: the last word as a prefix), `paused` (the query as typed, after a pause:
 * shown unless it finds nothing where the half word did) or `submit` (as typed, always shown).
 */
async function search(state, { offset = 0, mode = 'submit' } = {}) {
  const seq = ++searchSeq;
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
    if (mode === 'paused' && typedAnswer && typedAnswer.total > 0
        && (result.total === 0 || result.correctedFrom)) {
      // The last word is most likely half typed: its prefix answer stands.
      announce(countText(typedAnswer));
      return;
    }
    typedAnswer = prefix ? result : null;
    render(result, state, offset > 0, { typing: prefix !== null });
    performance.measure('keystroke-to-results', { start: startedAt, end: performance.now() });
    inputAt = null;
    if (mode !== 'typing') announceShown();
  } catch (e) {
    if (e.name === 'AbortError' || seq !== searchSeq) return;
    showMessage(readerMessage(e), true);
    announce(status.textContent);
  }
}

/** Announces what the page shows now: how many passages, or that none match. */
function announceShown() {
  announce(shownAnswer && shownAnswer.total > 0 ? countText(shownAnswer) : status.textContent);
}

/**
 * Says `text` to screen readers, once: the visible status changes with every keystroke, the
 * announcement only when typing pauses or a search is asked for.
 */
function announce(text) {
  clearTimeout(announceTimer);
  announcer.textContent = '';
  // A change after a clearing is read even when the text is the same as before.
  announceTimer = setTimeout(() => { announcer.textContent = text; }, 50);
}

function render(result, state, append, { typing = false } = {}) {
  shownAnswer = result;
  shownCounts = result.total === 0 ? null : result.sources;
  intro.hidden = true;
  if (typing) clearNotice();
  else showNotice(result);
  const firstNew = results.querySelectorAll('a.hit-link').length;
  if (!append) results.replaceChildren();
  let previous = append ? shown.lastMatched : null;
  for (const hit of result.hits) {
    // Passages holding every word come first; a line marks where the partial matches begin.
    if (hit.matched !== 'all' && previous === 'all') results.append(divider(result.semantic));
    previous = hit.matched;
    results.append(hitItem(hit, state));
  }
  shown = {
    ...state,
    offset: result.offset + result.hits.length,
    total: result.total,
    lastMatched: previous,
  };
  const moreHadFocus = document.activeElement === more;
  more.hidden = shown.offset >= result.total;
  if (append && moreHadFocus) {
    // The reader asked for more: the first new passage takes the focus (the button may be gone).
    results.querySelectorAll('a.hit-link')[firstNew]?.focus();
  }
  results.setAttribute('aria-busy', 'false');
  if (result.total === 0) {
    if (typing) {
      status.classList.remove('error');
      status.textContent = 'Keep typing, or press Enter to search for this word as it is.';
    } else {
      showNoHits(state.q);
    }
    return;
  }
  status.classList.remove('error');
  const page = shown.offset < result.total ? `, showing ${shown.offset}` : '';
  status.textContent = `${countText(result)}${page} · ${result.tookMs} ms`;
  showSourceCounts(result.sources);
}

/**
 * How many passages were found: those holding every word, and those holding some. Past 1,000
 * matches the count stops ("1,000+"), as in Elasticsearch.
 */
function countText(result) {
  const plus = result.totalExact ? '' : '+';
  const passages = (n) => `${n.toLocaleString()}${plus} passage${n === 1 && !plus ? '' : 's'}`;
  if (result.allWords === result.total) return `${passages(result.total)} found`;
  const some = result.total - result.allWords - result.byMeaning;
  const parts = [];
  if (result.allWords > 0) parts.push(`${result.allWords.toLocaleString()} with every word`);
  if (some > 0) parts.push(`${some.toLocaleString()}${plus} with some`);
  if (result.byMeaning > 0) parts.push(`${result.byMeaning.toLocaleString()} by meaning`);
  if (parts.length === 1 && result.allWords === 0 && some > 0) {
    return `${passages(result.total)} with some of the words`;
  }
  return parts.join(', ');
}

function divider(semantic) {
  const item = document.createElement('li');
  item.className = 'divider';
  item.textContent = semantic
    ? 'More passages: with some of the words, or close in meaning'
    : 'Passages with some of the words';
  return item;
}

/** Empties the notice line, which keeps its place so that the hits below it do not move. */
function clearNotice() {
  notice.replaceChildren();
}

/** Says when the answer is not exactly what was typed: corrected, partial, or improvable. */
function showNotice(result) {
  notice.replaceChildren();
  if (result.correctedFrom) {
    const shown = document.createElement('strong');
    shown.textContent = result.query;
    notice.append('Showing results for ', shown, ` (no passage matches “${shortened(result.correctedFrom)}”).`);
  } else if (result.suggestion) {
    const link = document.createElement('a');
    link.href = urlFor({ q: result.suggestion, sources: chosenSources() });
    link.textContent = result.suggestion;
    notice.append('Did you mean ', link, '?');
  }
  if (result.total > 0 && result.allWords === 0) {
    notice.append(notice.childNodes.length ? ' ' : '', result.semantic
      ? 'No passage has every word; these have some of them or are close in meaning, the best first.'
      : 'No passage has every word; these have some of them, the best first.');
  }
}

/** Beside each source in the filter, how many passages the query matches there. */
function showSourceCounts(counts) {
  for (const label of sourcesBox.querySelectorAll('label')) {
    const source = label.querySelector('input').value;
    const count = counts ? (counts[source] ?? 0).toLocaleString() : '';
    label.querySelector('.count').textContent = counts ? ` ${count}${counts.exact ? '' : '+'}` : '';
  }
}

/**
 * One hit: a card with the passage's title as a heading and link (so a screen reader reads the
 * title, not the whole passage), its place and its marked excerpt; the whole card opens it.
 */
function hitItem(hit, state) {
  const item = document.createElement('li');
  item.className = 'hit';
  const card = document.createElement('div');
  card.className = 'hit-card';

  const meta = document.createElement('div');
  meta.className = 'hit-meta';
  const badge = sourceBadge(hit.source);
  const heading = document.createElement('h2');
  heading.className = 'hit-title';
  const link = document.createElement('a');
  link.className = 'hit-link';
  link.href = hitHref(hit, state.q, state.sources);
  const title = document.createElement('bdi');
  title.textContent = hit.title;
  link.append(title);
  heading.append(link);
  const place = document.createElement('span');
  place.className = 'hit-place';
  place.textContent = [hit.section, placeOf(hit)].filter(Boolean).join(' · ');
  meta.append(badge, heading, place);
  if (hit.matched === 'meaning') {
    const how = document.createElement('span');
    how.className = 'hit-meaning';
    how.textContent = 'close in meaning';
    meta.append(how);
  }

  const excerpt = document.createElement('div');
  excerpt.className = `excerpt excerpt-${hit.kind}`;
  excerpt.dir = 'auto';
  // The API escapes the passage and adds only <mark>: the one string we insert as HTML.
  excerpt.innerHTML = hit.highlight;

  card.append(meta, excerpt);
  item.append(card);
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

/** A small disclosure: which query word matched which words, and how. */
function explanation(notes) {
  const details = document.createElement('details');
  details.className = 'why';
  const summary = document.createElement('summary');
  summary.textContent = 'Why this matched';
  const list = document.createElement('ul');
  for (const note of notes) {
    const li = document.createElement('li');
    const query = document.createElement('code');
    query.textContent = note.query;
    const matched = document.createElement('mark');
    matched.textContent = note.matched;
    li.append(query, ' → ', matched, ` (${HOW[note.how] ?? note.how})`);
    list.append(li);
  }
  details.append(summary, list);
  return details;
}

function placeOf(hit) {
  if (hit.kind === 'title') return 'Title';
  if (hit.kind === 'heading') return 'Heading';
  return `¶ ${hit.paragraph}`;
}

function showNoHits(q) {
  status.classList.remove('error');
  const said = shortened(q.trim());
  status.textContent = /^["“]/.test(said) ? `No passages match ${said}.` : `No passages match “${said}”.`;
  const suggestions = looserQueries(q);
  if (!suggestions.length) return;
  const tip = document.createElement('li');
  tip.className = 'tip';
  tip.append('Try a looser query: ');
  suggestions.forEach((s, i) => {
    if (i > 0) tip.append(', ');
    const a = document.createElement('a');
    a.href = urlFor({ q: s, sources: chosenSources() });
    a.textContent = shortened(s);
    tip.append(a);
  });
  tip.append('.');
  results.append(tip);
}

/**
 * Looser versions of a query that found nothing: without its quotes (any word, not the exact
 * phrase), and without its exclusions and source filters. Dropping a word would not help: a
 * passage holding any of the words is already found.
 */
function looserQueries(q) {
  const out = [];
  // A source that does not exist is never worth offering again.
  const known = q.split(/\s+/).filter((w) =>
    !/^-?source:/i.test(w) || w.split(':')[1].split(',').every((s) => s.toLowerCase() in SOURCE_LABELS));
  const unquoted = known.join(' ').replace(/["“”]/g, '').replace(/\s+/g, ' ').trim();
  if (unquoted !== q.trim()) out.push(unquoted);
  const kept = unquoted.split(' ').filter((w, i, all) =>
    !/^-|^source:/i.test(w) && w !== 'NOT' && all[i - 1] !== 'NOT');
  if (kept.length && kept.length < unquoted.split(' ').length) out.push(kept.join(' '));
  // Only words worth searching: no brackets or lone operators left over ("[1 TO").
  return [...new Set(out)].filter((s) =>
    s && s !== q.trim() && /[\p{L}\p{N}]{2,}/u.test(s) && !/[[\]{}]/.test(s));
}

function showMessage(message, isError = false) {
  intro.hidden = true;
  clearNotice();
  more.hidden = true;
  results.replaceChildren();
  status.textContent = message;
  status.classList.toggle('error', isError);
}

/** The document list, fetched once: the intro and the source filter both ask for it at start. */
function loadDocuments() {
  if (!documents) {
    documents = getJson('/api/documents');
    documents.catch(() => { documents = null; });
  }
  return documents;
}

async function showIntro(seq) {
  results.replaceChildren();
  more.hidden = true;
  clearNotice();
  status.textContent = '';
  status.classList.remove('error');
  intro.hidden = false;
  try {
    const docs = await loadDocuments();
    if (seq !== searchSeq) return;
    const passages = docs.reduce((n, d) => n + d.passages, 0);
    // Reader comments are listed with the text they discuss, not as texts of their own.
    const texts = docs.filter((d) => d.source !== 'comment');
    const comments = new Map();
    for (const d of docs) {
      if (d.source === 'comment' && d.about) comments.set(d.about, (comments.get(d.about) ?? 0) + 1);
    }
    document.getElementById('corpus-summary').textContent =
      `${passages} passages in ${texts.length} text${texts.length === 1 ? '' : 's'}, ` +
      'searchable word by word or phrase by phrase:';
    const list = document.getElementById('documents');
    list.replaceChildren(...texts.map((d) => documentItem(d, comments.get(d.id) ?? 0)));
  } catch (e) {
    if (seq === searchSeq) showMessage(readerMessage(e), true);
  }
}

function documentItem(doc, comments) {
  const item = document.createElement('li');
  const badge = sourceBadge(doc.source);
  const link = document.createElement('a');
  link.href = documentPath(doc.id);
  const title = document.createElement('bdi');
  title.textContent = doc.title;
  link.append(title);
  const counts = [`${doc.passages} passages`];
  if (comments) counts.push(`${comments} comment${comments === 1 ? '' : 's'}`);
  item.append(badge, ' ', link, ` · ${counts.join(' · ')}`);
  return item;
}

/** Offers a source filter when the index holds more than one source. */
async function buildSourceFilter(selected) {
  let docs;
  try {
    docs = await loadDocuments();
  } catch {
    return; // the search itself will report the problem
  }
  const present = Object.keys(SOURCE_LABELS).filter((s) => docs.some((d) => d.source === s));
  if (present.length < 2) return;
  for (const source of present) {
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.value = source;
    box.checked = !selected.length || selected.includes(source);
    box.addEventListener('change', () => {
      const state = currentState();
      history.pushState(null, '', urlFor(state));
      search(state);
    });
    const count = document.createElement('span');
    count.className = 'count';
    label.append(box, ` ${SOURCE_LABELS[source]}`, count);
    sourcesBox.append(label);
  }
  // The first results may have come before the document list the filter is built from.
  showSourceCounts(shownCounts);
  // Its line was kept from the start, so that showing it moves nothing.
  sourcesBox.classList.remove('pending');
}

/**
 * One history entry per query the reader meant, not per keystroke: while typing refines the same
 * query (urani → uranium) the entry is replaced; a new query, or typing after a pause or Enter,
 * makes a new entry, so Back returns to the previous results.
 */
function recordInHistory(state) {
  const url = urlFor(state);
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

/* Completions: the ARIA combobox pattern over the box, from /api/suggest as the reader types. */
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
    closeCompletions(); // completions are a help; the search reports real problems
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
  const option = document.createElement('li');
  option.id = `completion-${index}`;
  option.setAttribute('role', 'option');
  option.setAttribute('aria-selected', 'false');
  option.dataset.query = query;
  const shared = query.toLowerCase().startsWith(typed.toLowerCase()) ? typed.length : 0;
  const completed = document.createElement('strong');
  completed.textContent = query.slice(shared);
  // A long query is not repeated whole in every option: its last words say which one it is.
  const head = query.slice(0, shared);
  option.append(head.length > 40 ? `…${head.slice(-30)}` : head, completed);
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
  clearTimeout(debounceTimer);
  clearTimeout(pauseTimer);
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

/** Focuses a hit's link and brings its whole card into view, clear of the sticky header. */
function focusHit(link) {
  link.focus({ preventScroll: true });
  link.closest('.hit').scrollIntoView({ block: 'nearest' });
}

/** The sticky header's height, which `scroll-padding-top` keeps focused elements clear of. */
const masthead = document.querySelector('.masthead');
new ResizeObserver(() => {
  document.documentElement.style.setProperty('--masthead-height', `${masthead.offsetHeight}px`);
}).observe(masthead);

const initial = stateFromUrl();
input.value = initial.q;
input.focus();
buildSourceFilter(initial.sources);
search(initial);
