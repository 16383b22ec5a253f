// Live suggestions for the pick lists of src/ui/pick-list.tsx: an ARIA 1.2
// combobox (role=combobox on the text field, a listbox of options,
// aria-activedescendant; up/down move, Enter takes, Escape closes). Without
// this script the form's search step does the same on the server
// (docs/decisions.md, "Organisations picked, not typed").
(() => {
  'use strict';

  const enhance = (root) => {
    if (root.dataset.pickReady) return;
    root.dataset.pickReady = '1';
    const input = root.querySelector('[data-pick-input]');
    const chosen = root.querySelector('[data-pick-id]');
    const list = root.querySelector('[role="listbox"]');
    const status = root.querySelector('[data-pick-status]');
    if (!input || !chosen || !list || !status) return;
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', list.id);

    let items = [];
    let active = -1;
    let timer;
    let asked = 0;

    const open = () => {
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
    };
    const close = () => {
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      active = -1;
    };
    const labelOf = (item) => {
      const details = [item.municipality, item.matchedName].filter(Boolean);
      return details.length > 0 ? `${item.name} (${details.join(', ')})` : item.name;
    };
    const highlight = () => {
      list.querySelectorAll('[role="option"]').forEach((option, index) => {
        option.setAttribute('aria-selected', index === active ? 'true' : 'false');
        if (index === active) option.scrollIntoView({ block: 'nearest' });
      });
      if (active >= 0) input.setAttribute('aria-activedescendant', `${list.id}-${active}`);
      else input.removeAttribute('aria-activedescendant');
    };
    const take = (index) => {
      const item = items[index];
      if (!item) return;
      input.value = item.name;
      chosen.value = String(item.id);
      close();
      status.textContent = root.dataset.textChosen.replace('%s', item.name);
    };
    const show = (found) => {
      items = found;
      active = -1;
      list.textContent = '';
      items.forEach((item, index) => {
        const option = document.createElement('li');
        option.id = `${list.id}-${index}`;
        option.setAttribute('role', 'option');
        option.setAttribute('aria-selected', 'false');
        option.className = 'mosaik-pick-list__option';
        option.textContent = labelOf(item);
        // mousedown, not click: the field keeps the focus, so blur does not close the list first
        option.addEventListener('mousedown', (event) => {
          event.preventDefault();
          take(index);
        });
        list.appendChild(option);
      });
      if (items.length > 0) open();
      else close();
      status.textContent = items.length > 0 ? root.dataset.textCount.replace('%n', String(items.length)) : root.dataset.textNone;
    };
    const suggest = async () => {
      const text = input.value.trim();
      const mine = ++asked;
      if (text.length < 2) return show([]);
      try {
        const response = await fetch(`${root.dataset.suggestUrl}?q=${encodeURIComponent(text)}`, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
        const body = response.ok ? await response.json() : { items: [] };
        if (mine === asked) show(Array.isArray(body.items) ? body.items : []);
      } catch {
        // offline or signed out: the form's search step still works
      }
    };

    input.addEventListener('input', () => {
      chosen.value = ''; // typed over: the server decides again what the name means
      clearTimeout(timer);
      timer = setTimeout(suggest, 200);
    });
    input.addEventListener('keydown', (event) => {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        if (items.length === 0) return;
        event.preventDefault();
        if (list.hidden) open();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        active = active < 0 ? (step > 0 ? 0 : items.length - 1) : (active + step + items.length) % items.length;
        highlight();
      } else if (event.key === 'Enter' && !list.hidden && active >= 0) {
        event.preventDefault(); // take the suggestion, do not send the form yet
        take(active);
      } else if (event.key === 'Escape' && !list.hidden) {
        event.preventDefault();
        close();
      }
    });
    input.addEventListener('blur', close);
  };

  document.querySelectorAll('[data-pick-list]').forEach(enhance);
})();
