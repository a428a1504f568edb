/* global document, fetch, setTimeout, clearTimeout */
// Live duplicate warnings on the person form of the editors' interface. No framework, no inline
// script: the server renders the same warnings when the form is submitted, so this only helps.
(function () {
  'use strict';
  var form = document.querySelector('form[data-kind="person"]');
  var box = form && form.querySelector('[data-duplicates]');
  if (!form || !box) return;
  var timer = null;
  var asked = 0;
  var recordId = (/\/edit\/persons\/([0-9a-f-]{36})$/.exec(form.getAttribute('action') || '') || [])[1];

  function value(name) {
    var field = form.elements.namedItem(name);
    return field && 'value' in field ? String(field.value).trim() : '';
  }

  function names() {
    var found = [];
    for (var index = 0; index < 100; index += 1) {
      if (!form.elements.namedItem('names.' + index + '.text')) break;
      var text = value('names.' + index + '.text');
      if (text.length < 3) continue;
      found.push({
        text: text,
        script: value('names.' + index + '.script') || (/[\u0400-\u04ff]/.test(text) ? 'Cyrl' : 'Latn'),
        language: value('names.' + index + '.language') || 'en',
      });
    }
    return found;
  }

  function show(items) {
    while (box.firstChild) box.removeChild(box.firstChild);
    if (items.length === 0) {
      var none = document.createElement('p');
      none.className = 'hint';
      none.textContent = box.getAttribute('data-live') || '';
      box.appendChild(none);
      return;
    }
    var warning = document.createElement('div');
    warning.className = 'warning';
    var heading = document.createElement('h2');
    heading.textContent = box.getAttribute('data-title') || '';
    var hint = document.createElement('p');
    hint.textContent = box.getAttribute('data-hint') || '';
    var list = document.createElement('ul');
    items.forEach(function (item) {
      var entry = document.createElement('li');
      var link = document.createElement('a');
      link.href = '/edit/persons/' + encodeURIComponent(item.personId);
      link.textContent = item.matchedName;
      entry.appendChild(link);
      entry.appendChild(document.createTextNode(': ' + item.reason));
      list.appendChild(entry);
    });
    warning.appendChild(heading);
    warning.appendChild(hint);
    warning.appendChild(list);
    box.appendChild(warning);
  }

  function check() {
    var current = names();
    if (current.length === 0) return show([]);
    var ticket = (asked += 1);
    var body = { names: current };
    if (recordId) body.excludePersonId = recordId;
    fetch('/api/v1/persons/duplicates', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', 'x-csrf-token': box.getAttribute('data-csrf') || '' },
      body: JSON.stringify(body),
    })
      .then(function (response) {
        return response.ok ? response.json() : { items: [] };
      })
      .then(function (result) {
        if (ticket === asked) show(result.items || []);
      })
      .catch(function () {
        /* the server checks again on submission */
      });
  }

  form.addEventListener('input', function (event) {
    var target = event.target;
    if (!target || !/^names\.\d+\.(text|script|language)$/.test(target.name || '')) return;
    clearTimeout(timer);
    timer = setTimeout(check, 350);
  });
})();
