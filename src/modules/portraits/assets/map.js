// Zoom and pan for the map of Hessen (src/modules/portraits/views/map.tsx). The map and its list
// work without this file; it only changes the SVG's viewBox. No inline code: served at /map/map.js.
(function () {
  'use strict';
  var canvas = document.querySelector('.mosaik-map__canvas');
  var svg = canvas && canvas.querySelector('svg');
  if (!svg || !svg.viewBox || !svg.viewBox.baseVal) return;
  var full = { x: svg.viewBox.baseVal.x, y: svg.viewBox.baseVal.y, w: svg.viewBox.baseVal.width, h: svg.viewBox.baseVal.height };
  var view = { x: full.x, y: full.y, w: full.w, h: full.h };
  function apply() {
    svg.setAttribute('viewBox', [view.x, view.y, view.w, view.h].map(function (n) { return n.toFixed(1); }).join(' '));
  }
  function clamp() {
    view.w = Math.min(full.w, Math.max(full.w / 8, view.w));
    view.h = view.w * (full.h / full.w);
    view.x = Math.min(full.x + full.w - view.w, Math.max(full.x, view.x));
    view.y = Math.min(full.y + full.h - view.h, Math.max(full.y, view.y));
  }
  function zoom(factor, cx, cy) {
    var x = cx === undefined ? view.x + view.w / 2 : cx;
    var y = cy === undefined ? view.y + view.h / 2 : cy;
    view.x = x - (x - view.x) * factor;
    view.y = y - (y - view.y) * factor;
    view.w *= factor;
    clamp();
    apply();
  }
  function button(label, action) {
    var b = document.createElement('button');
    b.type = 'button';
    b.className = 'kern-btn kern-btn--secondary kern-btn--small';
    var span = document.createElement('span');
    span.className = 'kern-label';
    span.textContent = label;
    b.appendChild(span);
    b.addEventListener('click', action);
    return b;
  }
  var controls = document.createElement('div');
  controls.className = 'mosaik-map__controls';
  controls.appendChild(button(canvas.getAttribute('data-map-zoom') || '+', function () { zoom(0.7); }));
  controls.appendChild(button(canvas.getAttribute('data-map-unzoom') || '−', function () { zoom(1 / 0.7); }));
  controls.appendChild(button(canvas.getAttribute('data-map-reset') || '⟲', function () { view = { x: full.x, y: full.y, w: full.w, h: full.h }; apply(); }));
  canvas.parentNode.insertBefore(controls, canvas);
  canvas.classList.add('mosaik-map__canvas--interactive');

  function toMap(event) {
    var rect = svg.getBoundingClientRect();
    return { x: view.x + ((event.clientX - rect.left) / rect.width) * view.w, y: view.y + ((event.clientY - rect.top) / rect.height) * view.h };
  }
  svg.addEventListener('wheel', function (event) {
    event.preventDefault();
    var at = toMap(event);
    zoom(event.deltaY < 0 ? 0.85 : 1 / 0.85, at.x, at.y);
  }, { passive: false });
  var drag = null;
  svg.addEventListener('pointerdown', function (event) {
    drag = { x: event.clientX, y: event.clientY, view: { x: view.x, y: view.y } };
    svg.setPointerCapture(event.pointerId);
  });
  svg.addEventListener('pointermove', function (event) {
    if (!drag) return;
    var rect = svg.getBoundingClientRect();
    view.x = drag.view.x - ((event.clientX - drag.x) / rect.width) * view.w;
    view.y = drag.view.y - ((event.clientY - drag.y) / rect.height) * view.h;
    clamp();
    apply();
  });
  function end() { drag = null; }
  svg.addEventListener('pointerup', end);
  svg.addEventListener('pointercancel', end);
})();
