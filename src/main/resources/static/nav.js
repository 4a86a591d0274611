// Page changes without reloading the document, so the player (outside <main>) keeps playing:
// same-origin links load the next page's <main> and title and swap them in.
const SKIP = /^\/(media|api|static)\//;
let onPage = () => {};

export function startNavigation(pageHook) {
  onPage = pageHook;
  document.addEventListener('click', (event) => {
    const a = event.target.closest('a[href]');
    if (!a || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    if (a.target === '_blank' || a.hasAttribute('download')) return;
    const url = new URL(a.href, location.href);
    if (url.origin !== location.origin || SKIP.test(url.pathname)) return;
    if (url.pathname === location.pathname && url.search === location.search && url.hash) return;
    event.preventDefault();
    go(url.pathname + url.search, true);
  });
  window.addEventListener('popstate', () => go(location.pathname + location.search, false));
  onPage(document.getElementById('content'));
}

export async function go(path, push) {
  let html;
  try {
    const response = await fetch(path, { headers: { Accept: 'text/html' }, credentials: 'same-origin' });
    if (response.redirected && new URL(response.url).pathname === '/login') { location.href = response.url; return; }
    html = await response.text();
  } catch (e) {
    location.href = path;  // offline or server gone: let the browser show it
    return;
  }
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const next = doc.getElementById('content');
  if (!next) { location.href = path; return; }
  const main = document.getElementById('content');
  main.replaceWith(next);
  document.title = doc.title;
  document.querySelectorAll('.top nav a').forEach((link) =>
    link.classList.toggle('on', link.dataset.nav === next.dataset.nav));
  if (push) history.pushState({}, '', path);
  window.scrollTo(0, 0);
  onPage(next);
}

export function reload() {
  return go(location.pathname + location.search, false);
}
