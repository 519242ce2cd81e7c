// Small helpers for accessible pages: elements, announcements, and problems shown where they belong.

export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.substring(2), value);
    else if (name === 'text') node.textContent = value;
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) node.append(child.nodeType ? child : document.createTextNode(child));
  }
  return node;
}

export function announce(message) {
  const announcer = document.getElementById('announcer');
  announcer.textContent = '';
  setTimeout(() => { announcer.textContent = message; }, 50);
}

// A labelled input with a place for its error, tied together for screen readers.
export function field(form, name, label, attributes = {}) {
  const id = `${form}-${name}`;
  const { tag = 'input', options, ...rest } = attributes;
  const input = el(tag, { id, name, 'aria-describedby': `${id}-error`, ...rest },
    ...(options || []).map(option => el('option', { value: option }, option)));
  return el('label', { for: id }, label, input, el('span', { id: `${id}-error`, class: 'field-error' }));
}

export function status() {
  return el('p', { class: 'problem', tabindex: '-1' });
}

// Shows a refusal: each named field gets its message beside it, the rest goes to the form's status line.
export function showProblem(form, problem) {
  form.querySelectorAll('[aria-invalid]').forEach(input => input.removeAttribute('aria-invalid'));
  form.querySelectorAll('.field-error').forEach(span => { span.textContent = ''; });
  const unplaced = [];
  for (const error of problem.errors || []) {
    const name = error.field.replace(/\[\d+\]$/, '');
    const input = form.querySelector(`[name="${CSS.escape(name)}"]`);
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      document.getElementById(`${input.id}-error`).textContent = error.message;
    } else {
      unplaced.push(`${error.field}: ${error.message}`);
    }
  }
  const line = form.querySelector('.problem');
  line.textContent = [problem.message, ...unplaced].filter(Boolean).join(' ');
  if (problem.message) {
    (form.querySelector('[aria-invalid="true"]') || line).focus();
    announce(problem.message);
  }
}

export function clearProblem(form) {
  showProblem(form, { errors: [], message: '' });
}
