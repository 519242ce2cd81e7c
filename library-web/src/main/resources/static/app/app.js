// The library's web app: plain ES modules, no build step. Pages are chosen by the location's hash.
import { call, get, Problem } from './api.js';
import { el, announce, field, status, showProblem, clearProblem } from './ui.js';

const main = document.getElementById('main');
let me = { signedIn: false, name: null, roles: [] };
const has = role => me.roles.includes(role);

async function loadMe() {
  me = (await get('/me')).json;
  const account = document.getElementById('account');
  account.replaceChildren();
  if (me.signedIn) {
    const signOut = el('form', { method: 'post', action: '/logout', class: 'row' },
      el('input', { type: 'hidden', name: '_csrf', value: csrf() }),
      el('span', { text: `Signed in as ${me.name}` }),
      el('button', { type: 'submit', class: 'secondary' }, 'Sign out'));
    account.append(signOut);
  } else {
    account.append(el('a', { href: '/oauth2/authorization/library', id: 'sign-in' }, 'Sign in'));
  }
  document.querySelectorAll('[data-role]').forEach(item => { item.hidden = !has(item.dataset.role); });
}

function csrf() {
  const cookie = document.cookie.split('; ').find(part => part.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : '';
}

// After a move to another page the focus goes to its content, so a screen reader reads it; on the first load it
// stays at the top, where the first Tab reaches the skip link.
let moved = false;

function page(title, ...content) {
  document.title = `${title} · Library`;
  main.replaceChildren(el('h1', { text: title }), ...content);
  if (moved) main.focus();
}

function problemOf(error) {
  return error instanceof Problem ? error : new Problem(0, { detail: String(error) });
}

// --- Catalog -------------------------------------------------------------------------------------------------

async function catalog(params) {
  const q = params.get('q') || '';
  const pageNumber = Number(params.get('page') || 0);
  const search = el('form', { role: 'search', class: 'row', onsubmit: event => {
    event.preventDefault();
    location.hash = `#/?q=${encodeURIComponent(search.elements.q.value)}`;
  } }, field('search', 'q', 'Search by title, author or ISBN', { type: 'search', value: q }),
  el('button', { type: 'submit' }, 'Search'), status());
  const results = el('div', { 'aria-live': 'polite' });
  page('Catalog', search, has('librarian') ? addBookForm() : '', results);
  try {
    const books = (await get(`/api/books?q=${encodeURIComponent(q)}&page=${pageNumber}&size=10`)).json;
    const list = el('ul', { class: 'books' });
    for (const book of books.content) {
      const availability = el('span', { class: 'meta' }, '');
      list.append(el('li', {}, el('a', { href: `#/books/${book.id}` }, book.title),
        el('div', { class: 'meta', text: `${book.authors.join(', ')} · ISBN ${book.isbn}` }), availability));
      get(`/api/inventory/${book.id}`)
        .then(({ json }) => { availability.textContent = `${json.availableCopies} of ${json.totalCopies} copies on the shelf`; })
        .catch(() => { availability.textContent = 'No copies yet'; });
    }
    const pager = el('div', { class: 'pager' },
      el('button', { type: 'button', class: 'secondary', disabled: pageNumber === 0,
        onclick: () => { location.hash = `#/?q=${encodeURIComponent(q)}&page=${pageNumber - 1}`; } }, 'Previous'),
      el('span', { text: `Page ${pageNumber + 1} of ${Math.max(books.totalPages, 1)}` }),
      el('button', { type: 'button', class: 'secondary', disabled: pageNumber + 1 >= books.totalPages,
        onclick: () => { location.hash = `#/?q=${encodeURIComponent(q)}&page=${pageNumber + 1}`; } }, 'Next'));
    // a search ranks only its first matches: say so rather than show a count it did not make
    const more = books.totalIsExact === false
      ? el('p', { class: 'meta', text: q ? `More than ${books.totalElements} books match: add a word to narrow the search.`
        : `More than ${books.totalElements} books: search to find one.` }) : '';
    results.replaceChildren(books.content.length ? list : el('p', { text: 'No books found.' }), more, pager);
  } catch (error) {
    showProblem(search, problemOf(error));
  }
}

function bookFields(form, book = {}) {
  return [
    field(form, 'isbn', 'ISBN', { value: book.isbn || '', required: true, autocomplete: 'off' }),
    field(form, 'title', 'Title', { value: book.title || '', required: true }),
    field(form, 'authors', 'Authors (comma-separated)', { value: (book.authors || []).join(', '), required: true }),
    field(form, 'publishedYear', 'Year published', { type: 'number', value: book.publishedYear || '' }),
  ];
}

function bookBody(form) {
  const values = form.elements;
  const body = {
    isbn: values.isbn.value.trim(),
    title: values.title.value.trim(),
    authors: values.authors.value.split(',').map(author => author.trim()).filter(Boolean),
  };
  if (values.publishedYear.value) body.publishedYear = Number(values.publishedYear.value);
  return body;
}

function addBookForm() {
  const form = el('form', { 'aria-labelledby': 'add-book-heading', onsubmit: async event => {
    event.preventDefault();
    clearProblem(form);
    try {
      const { json } = await call('POST', '/api/books', { body: bookBody(form) });
      announce(`Added ${json.title}`);
      location.hash = `#/books/${json.id}`;
    } catch (error) {
      showProblem(form, problemOf(error));
    }
  } }, el('h2', { id: 'add-book-heading', text: 'Add a book' }), ...bookFields('add'),
  el('div', { class: 'row' }, el('button', { type: 'submit' }, 'Add book')), status());
  return form;
}

// --- Book ----------------------------------------------------------------------------------------------------

async function book(id) {
  let loaded;
  try {
    loaded = await get(`/api/books/${id}`);
  } catch (error) {
    page('Book not found', el('p', { text: problemOf(error).message }));
    return;
  }
  const current = loaded.json;
  let etag = loaded.etag;
  const stock = el('p', { id: 'stock' });
  // the inventory learns a new book from the catalog's events, a moment after the catalog has it: while it does
  // not know the book yet, ask again every second for as long as this page shows it
  let unknownFor = 0;
  const refreshStock = async () => {
    try {
      const { json } = await get(`/api/inventory/${id}`);
      unknownFor = 0;
      stock.textContent = `${json.availableCopies} on the shelf, ${json.onLoan} on loan, `
        + (json.heldCopies ? `${json.heldCopies} set aside for holds, ` : '') + `${json.totalCopies} in all`
        + (json.status === 'WITHDRAWN' ? ' (withdrawn)' : '');
      return json;
    } catch (error) {
      stock.textContent = 'The inventory does not know this book yet.';
      if (error.status === 404 && unknownFor < 60) {
        unknownFor += 1;
        setTimeout(() => { if (stock.isConnected) refresh(); }, 1000);
      }
      return null;
    }
  };
  const sections = [
    el('p', { class: 'meta', text: `${current.authors.join(', ')} · ISBN ${current.isbn}`
      + (current.publishedYear ? ` · ${current.publishedYear}` : '') }),
    el('h2', { text: 'Copies' }), stock,
  ];
  // every change at the desk shows at once in the copies and in every desk on the page
  const desks = [];
  const refresh = async () => { const copies = await refreshStock(); for (const desk of desks) await desk.refresh(copies); };
  if (has('reader')) desks.push(borrowing(id, refresh));
  if (has('librarian')) desks.push(lendingDesk(id, refresh));
  sections.push(...desks.map(desk => desk.form));
  if (has('librarian')) sections.push(copiesForm(id, refresh), editForm(id, current, () => etag, value => { etag = value; }));
  if (has('reader')) sections.push(listButton(id));
  if (has('auditor')) sections.push(el('h2', { text: 'Story' }), await story(id));
  page(current.title, ...sections);
  refresh();
}

const day = instant => new Date(instant).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

function button(text, onclick, kind) {
  return el('button', { type: 'button', class: kind, onclick }, text);
}

// A reader's own copy of this book: borrow it, return it, or queue for it.
function borrowing(id, refresh) {
  const state = el('p', { id: 'my-copy' });
  const actions = el('div', { class: 'row' });
  const form = el('form', { 'aria-labelledby': 'borrowing-heading', onsubmit: event => event.preventDefault() },
    el('h2', { id: 'borrowing-heading', text: 'Borrowing' }), state, actions, status());
  const borrow = () => act(form, `/api/inventory/${id}/loans`, 'Borrowed: the book is yours until its due date', refresh);
  const desk = { form, refresh: async stock => {
    if (!stock) {
      state.textContent = '';
      actions.replaceChildren();
      return;
    }
    try {
      const [loans, holds] = await Promise.all([get('/api/loans'), get('/api/holds')]);
      const loan = loans.json.loans.find(mine => mine.bookId === id);
      const hold = holds.json.holds.find(mine => mine.bookId === id);
      actions.replaceChildren();
      if (loan) {
        state.textContent = `You have this book, due ${day(loan.dueAt)}${loan.overdue ? ' (overdue)' : ''}.`;
        actions.append(button('Return it', () => act(form, `/api/loans/${loan.id}/return`, 'Returned', refresh)));
      } else if (hold && hold.status === 'READY') {
        state.textContent = `A copy is set aside for you until ${day(hold.readyUntil)}.`;
        actions.append(button('Borrow', borrow),
          button('Cancel hold', () => act(form, `/api/holds/${hold.id}/cancellation`, 'Hold cancelled', refresh), 'secondary'));
      } else if (hold) {
        state.textContent = `You hold this book: number ${hold.position} in the queue.`;
        actions.append(button('Cancel hold', () => act(form, `/api/holds/${hold.id}/cancellation`, 'Hold cancelled', refresh), 'secondary'));
      } else if (stock.status === 'WITHDRAWN') {
        state.textContent = 'This book was withdrawn: it is lent no more.';
      } else if (stock.availableCopies > 0) {
        state.textContent = 'A copy is on the shelf.';
        actions.append(button('Borrow', borrow));
      } else {
        state.textContent = 'No copy is on the shelf.';
        actions.append(button('Place a hold', () => act(form, `/api/inventory/${id}/holds`, 'Hold placed', refresh)));
      }
    } catch (error) {
      state.textContent = problemOf(error).message;
    }
  } };
  return desk;
}

// A librarian's desk for this book: lend to a reader by username, see who has each copy and who waits, take a copy
// back from its loan.
function lendingDesk(id, refresh) {
  const loans = el('ul', { id: 'loans', 'aria-label': 'Who has a copy' });
  const queue = el('ol', { id: 'queue', 'aria-label': 'Who waits for a copy' });
  const form = el('form', { 'aria-labelledby': 'lending-heading', onsubmit: event => {
    event.preventDefault();
    act(form, `/api/inventory/${id}/loans`, `Lent to ${form.elements.reader.value.trim()}`, refresh,
      { reader: form.elements.reader.value.trim() });
  } }, el('h2', { id: 'lending-heading', text: 'Lending' }),
  el('div', { class: 'row' }, field('lend', 'reader', 'Reader (username)', { required: true, autocomplete: 'off' }),
    el('button', { type: 'submit' }, 'Lend a copy')), status(),
  el('h3', { text: 'On loan' }), loans, el('h3', { text: 'Holds' }), queue);
  return { form, refresh: async stock => {
    if (!stock) return;
    try {
      const [open, held] = await Promise.all([get(`/api/inventory/${id}/loans`), get(`/api/inventory/${id}/holds`)]);
      loans.replaceChildren(...open.json.loans.map(loan => el('li', { 'data-reader': loan.reader },
        `${loan.reader}, due ${day(loan.dueAt)}${loan.overdue ? ' (overdue)' : ''} `,
        button(`Take back from ${loan.reader}`, () => act(form, `/api/loans/${loan.id}/return`, `Took the copy back from ${loan.reader}`, refresh), 'secondary'))));
      if (!open.json.loans.length) loans.append(el('li', { class: 'none', text: 'No copy is on loan.' }));
      queue.replaceChildren(...held.json.holds.map(hold => el('li', { 'data-reader': hold.reader,
        text: hold.status === 'READY' ? `${hold.reader}: a copy is set aside until ${day(hold.readyUntil)}`
          : `${hold.reader}: waiting, number ${hold.position}` })));
      if (!held.json.holds.length) queue.append(el('li', { class: 'none', text: 'Nobody waits.' }));
    } catch (error) {
      if (error.status !== 404) showProblem(form, problemOf(error));
    }
  } };
}

async function act(form, path, done, after, body) {
  clearProblem(form);
  try {
    await call('POST', path, body === undefined ? {} : { body });
    announce(done);
    await after();
  } catch (error) {
    showProblem(form, problemOf(error));
  }
}

function copiesForm(id, refreshStock) {
  const form = el('form', { class: 'row', 'aria-label': 'Copies', onsubmit: event => {
    event.preventDefault();
    act(form, `/api/inventory/${id}/copies`, 'Copies added', refreshStock, { count: Number(form.elements.count.value) });
  } }, field('copies', 'count', 'Copies to add', { type: 'number', min: '1', max: '1000', value: '1' }),
  el('button', { type: 'submit' }, 'Add copies'), status());
  return form;
}

function editForm(id, current, etag, setEtag) {
  const form = el('form', { 'aria-labelledby': 'edit-heading', onsubmit: async event => {
    event.preventDefault();
    clearProblem(form);
    try {
      const { json, etag: next } = await call('PUT', `/api/books/${id}`, { body: bookBody(form), headers: { 'If-Match': etag() } });
      setEtag(next);
      announce(`Saved ${json.title}`);
      document.querySelector('h1').textContent = json.title;
    } catch (error) {
      const problem = problemOf(error);
      if (problem.status === 412) {
        problem.message = 'Someone else changed this book after you opened it. Reload to see their change, then make yours again.';
        showProblem(form, problem);
        form.querySelector('.problem').append(' ', el('button', { type: 'button', class: 'secondary', onclick: () => book(id) }, 'Reload'));
      } else {
        showProblem(form, problem);
      }
    }
  } }, el('h2', { id: 'edit-heading', text: 'Edit' }), ...bookFields('edit', current),
  el('div', { class: 'row' }, el('button', { type: 'submit' }, 'Save changes'),
    el('button', { type: 'button', class: 'danger', onclick: async () => {
      if (!confirm(`Remove ${current.title} from the catalog?`)) return;
      try {
        await call('DELETE', `/api/books/${id}`, { headers: { 'If-Match': etag() } });
        announce('Removed');
        location.hash = '#/';
      } catch (error) {
        showProblem(form, problemOf(error));
      }
    } }, 'Remove book')), status());
  return form;
}

function listButton(id) {
  const form = el('form', { class: 'row', 'aria-label': 'Reading list', onsubmit: async event => {
    event.preventDefault();
    clearProblem(form);
    try {
      await call('PUT', `/api/readers/${encodeURIComponent(me.name)}/reading-list/${id}`);
      announce('On your reading list');
      form.querySelector('.problem').textContent = 'On your reading list.';
    } catch (error) {
      showProblem(form, problemOf(error));
    }
  } }, el('button', { type: 'submit' }, 'Add to my reading list'), status());
  return form;
}

async function story(id) {
  const list = el('ol', { class: 'story', 'aria-label': 'What happened to this book, newest first' });
  try {
    const { json } = await get(`/api/audit-events?entityId=${encodeURIComponent(id)}&limit=100`);
    for (const event of json.items) list.append(storyItem(event));
  } catch (error) {
    list.append(el('li', { text: problemOf(error).message }));
  }
  return list;
}

function storyItem(event) {
  return el('li', {}, el('strong', { text: event.action }), ` by ${event.actor}`,
    el('div', { class: 'meta', text: `${new Date(event.occurredAt).toLocaleString()} · ${event.source}` }));
}

// --- My reading list -----------------------------------------------------------------------------------------

async function readingList() {
  if (!has('reader')) {
    page('My reading list', el('p', { text: 'Sign in as a reader to keep a reading list.' }));
    return;
  }
  const items = el('ul', { class: 'items' });
  const form = el('form', { onsubmit: event => event.preventDefault() }, items, status());
  page('My reading list', el('p', { text: 'Add books from their page in the catalog.' }), form);
  try {
    const { json } = await get(`/api/readers/${encodeURIComponent(me.name)}/reading-list?size=100`);
    if (!json.items.length) items.append(el('li', { text: 'Nothing on your list yet.' }));
    for (const item of json.items) {
      const path = `/api/readers/${encodeURIComponent(me.name)}/reading-list/${item.bookId}`;
      const choose = field(`status-${item.bookId}`, 'status', `Status of ${item.title}`,
        { tag: 'select', options: ['WANT_TO_READ', 'READING', 'FINISHED'] });
      const select = choose.querySelector('select');
      select.value = item.status;
      select.addEventListener('change', async () => {
        clearProblem(form);
        try {
          await call('PATCH', path, { body: { status: select.value } });
          announce(`${item.title}: ${select.value}`);
        } catch (error) {
          showProblem(form, problemOf(error));
        }
      });
      items.append(el('li', { 'data-book': item.bookId }, el('a', { href: `#/books/${item.bookId}` }, item.title),
        item.removedFromCatalog ? el('span', { class: 'meta', text: ' (no longer in the catalog)' }) : '',
        el('div', { class: 'meta', text: item.authors.join(', ') }),
        el('div', { class: 'row' }, choose, el('button', { type: 'button', class: 'secondary', onclick: async () => {
          try {
            await call('DELETE', path);
            announce(`Took ${item.title} off your list`);
            readingList();
          } catch (error) {
            showProblem(form, problemOf(error));
          }
        } }, `Remove ${item.title}`))));
    }
  } catch (error) {
    showProblem(form, problemOf(error));
  }
}

// --- My loans ------------------------------------------------------------------------------------------------

// Titles come from the catalog, one request per distinct book shown, all at once; a book it no longer has keeps
// its id.
async function titlesOf(bookIds) {
  const distinct = [...new Set(bookIds)];
  const titles = await Promise.all(distinct.map(bookId =>
    get(`/api/books/${bookId}`).then(({ json }) => json.title).catch(() => `Book ${bookId}`)));
  return new Map(distinct.map((bookId, i) => [bookId, titles[i]]));
}

async function myLoans() {
  if (!has('reader')) {
    page('My loans', el('p', { text: 'Sign in as a reader to see what you have borrowed.' }));
    return;
  }
  const loans = el('ul', { class: 'items', id: 'my-loans' });
  const holds = el('ul', { class: 'items', id: 'my-holds' });
  const form = el('form', { onsubmit: event => event.preventDefault() },
    el('h2', { text: 'Borrowed' }), loans, el('h2', { text: 'Holds' }), holds, status());
  page('My loans', form);
  try {
    const [mine, held] = await Promise.all([get('/api/loans'), get('/api/holds')]);
    const titles = await titlesOf([...mine.json.loans, ...held.json.holds].map(item => item.bookId));
    if (!mine.json.loans.length) loans.append(el('li', { text: 'You have nothing on loan.' }));
    for (const loan of mine.json.loans) {
      const title = titles.get(loan.bookId);
      loans.append(el('li', { 'data-book': loan.bookId }, el('a', { href: `#/books/${loan.bookId}` }, title),
        el('div', { class: loan.overdue ? 'meta overdue' : 'meta',
          text: `Due ${day(loan.dueAt)}${loan.overdue ? ': overdue, please return it' : ''}`
            + (loan.renewals ? ` · renewed ${loan.renewals} time${loan.renewals > 1 ? 's' : ''}` : '') }),
        el('div', { class: 'row' },
          button(`Renew ${title}`, () => act(form, `/api/loans/${loan.id}/renewal`, `Renewed ${title}`, myLoans)),
          button(`Return ${title}`, () => act(form, `/api/loans/${loan.id}/return`, `Returned ${title}`, myLoans), 'secondary'))));
    }
    if (!held.json.holds.length) holds.append(el('li', { text: 'You hold no book.' }));
    for (const hold of held.json.holds) {
      const title = titles.get(hold.bookId);
      holds.append(el('li', { 'data-book': hold.bookId }, el('a', { href: `#/books/${hold.bookId}` }, title),
        el('div', { class: 'meta', text: hold.status === 'READY'
          ? `Ready: a copy is set aside for you until ${day(hold.readyUntil)}` : `Number ${hold.position} in the queue` }),
        el('div', { class: 'row' },
          button(`Cancel hold on ${title}`, () => act(form, `/api/holds/${hold.id}/cancellation`, 'Hold cancelled', myLoans), 'secondary'))));
    }
  } catch (error) {
    showProblem(form, problemOf(error));
  }
}

// --- Overdue -------------------------------------------------------------------------------------------------

async function overdue() {
  if (!has('librarian')) {
    page('Overdue', el('p', { text: 'The overdue list is for librarians.' }));
    return;
  }
  const rows = el('tbody');
  const form = el('form', { onsubmit: event => event.preventDefault() }, status());
  page('Overdue', form, el('table', {}, el('thead', {}, el('tr', {}, ...['Reader', 'Book', 'Due', '']
    .map(heading => el('th', { scope: 'col', text: heading })))), rows));
  try {
    const { json } = await get('/api/loans/overdue?limit=500');
    if (!json.loans.length) rows.append(el('tr', {}, el('td', { colspan: '4', text: 'No loan is overdue.' })));
    const titles = await titlesOf(json.loans.map(loan => loan.bookId));
    for (const loan of json.loans) {
      const title = titles.get(loan.bookId);
      rows.append(el('tr', {}, el('td', { text: loan.reader }),
        el('td', {}, el('a', { href: `#/books/${loan.bookId}` }, title)), el('td', { text: day(loan.dueAt) }),
        el('td', {}, button(`Take back from ${loan.reader}`, () => act(form, `/api/loans/${loan.id}/return`, `Took ${title} back`, overdue), 'secondary'))));
    }
  } catch (error) {
    showProblem(form, problemOf(error));
  }
}

// --- Audit ---------------------------------------------------------------------------------------------------

async function audit() {
  if (!has('auditor')) {
    page('Audit', el('p', { text: 'The audit trail is for auditors.' }));
    return;
  }
  const names = ['source', 'action', 'entityId', 'actor', 'traceId'];
  const rows = el('tbody');
  let cursor = null;
  const more = el('button', { type: 'button', class: 'secondary', hidden: true, onclick: () => load(false) }, 'Load more');
  const form = el('form', { onsubmit: event => { event.preventDefault(); load(true); } },
    el('div', { class: 'row' }, ...names.map(name => field('audit', name, name)),
      field('audit', 'from', 'From', { type: 'datetime-local' }), field('audit', 'to', 'To', { type: 'datetime-local' })),
    el('div', { class: 'row' }, el('button', { type: 'submit' }, 'Filter')), status());
  async function load(fresh) {
    clearProblem(form);
    const query = new URLSearchParams({ limit: '50' });
    for (const name of names) if (form.elements[name].value) query.set(name, form.elements[name].value.trim());
    for (const name of ['from', 'to']) if (form.elements[name].value) query.set(name, new Date(form.elements[name].value).toISOString());
    if (!fresh && cursor) query.set('cursor', cursor);
    try {
      const { json } = await get(`/api/audit-events?${query}`);
      if (fresh) rows.replaceChildren();
      for (const event of json.items) {
        rows.append(el('tr', {}, el('td', { text: new Date(event.occurredAt).toLocaleString() }),
          el('td', { text: event.action }), el('td', { text: event.actor }), el('td', { text: event.source }),
          el('td', { text: `${event.entityType} ${event.entityId}` })));
      }
      cursor = json.nextCursor;
      more.hidden = !cursor;
    } catch (error) {
      showProblem(form, problemOf(error));
    }
  }
  page('Audit', form, el('table', {}, el('thead', {}, el('tr', {}, ...['When', 'Action', 'Actor', 'Service', 'Entity']
    .map(heading => el('th', { scope: 'col', text: heading })))), rows), more);
  load(true);
}

// --- Routing -------------------------------------------------------------------------------------------------

async function route() {
  const [path, query] = location.hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(query || '');
  const parts = (path || '/').split('/').filter(Boolean);
  document.querySelectorAll('[data-nav]').forEach(link => link.removeAttribute('aria-current'));
  const current = ['reading-list', 'loans', 'overdue', 'audit'].includes(parts[0]) ? parts[0] : parts[0] ? null : 'catalog';
  document.querySelector(`[data-nav="${current}"]`)?.setAttribute('aria-current', 'page');
  if (parts[0] === 'books' && parts[1]) return book(parts[1]);
  if (parts[0] === 'reading-list') return readingList();
  if (parts[0] === 'loans') return myLoans();
  if (parts[0] === 'overdue') return overdue();
  if (parts[0] === 'audit') return audit();
  return catalog(params);
}

window.addEventListener('hashchange', () => { moved = true; route(); });
loadMe().then(route);
