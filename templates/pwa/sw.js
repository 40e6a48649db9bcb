// Police Wellbeing Signpost service worker. Small and hand-written on purpose.
//
// - Install: precache a fixed list of pages and assets ("on install, as a dependency").
//   Nothing is ever cached because it was visited: on a shared family phone the
//   cache must not tell anyone what was read.
// - Activate: delete this app's older caches only, then take control of open pages.
// - Navigations: network first with a short timeout, then the precached copy,
//   then the offline page, which carries the call buttons. The timeout applies
//   with or without a saved copy: a hanging network never leaves a blank screen.
// - Precached static files: cache first (their URLs are content-hashed).
// - "Make this my force" saves that one force page (both languages) in its own
//   cache, replacing any earlier choice; "Forget my force" deletes it. The saved
//   copy is refreshed on every online visit to it and whenever a new version of
//   this worker activates, so a changed number reaches the offline copy; a failed
//   save keeps the previous copy. Each saved copy carries the time it was saved.
// Kill switch: start the app with WELLBEING_SW_KILL_SWITCH=1 and /sw.js becomes a
// worker that deletes these caches and unregisters itself (see README).

const PREFIX = "wellbeing-";
const CACHE = PREFIX + {{ version|tojson }};
// The one page kept because the person chose it: "Make this my force".
const SAVED = PREFIX + "saved-force";
const PRECACHE = {{ urls|tojson }};
const OFFLINE = {{ offline|tojson }};
const TIMEOUT_MS = {{ timeout|tojson }};
// How page URLs end: "" on the live site, "/" in the static copy (make export).
const PAGE_END = {{ page_end|tojson }};
const SAVE_TIMEOUT_MS = 10000;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE)
      // cache: "reload" skips the HTTP cache, so the precache is always fresh.
      .then((cache) => cache.addAll(PRECACHE.map((url) => new Request(url, { cache: "reload" }))))
      .then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(
        keys.filter((key) => key.startsWith(PREFIX) && key !== CACHE && key !== SAVED)
          .map((key) => caches.delete(key))
      ))
      .then(() => self.clients.claim())
      // New content may have changed a number on the saved force page: save it afresh.
      .then(() => savedSlug())
      .then((slug) => slug && Promise.race([saveForce(slug), timeout(SAVE_TIMEOUT_MS)]))
      .catch(() => {})  // offline or slow: the previous copy stays
  );
});

function offlineUrl(url) {
  return url.pathname === "/cy" || url.pathname.startsWith("/cy/") ? OFFLINE.cy : OFFLINE.en;
}

function timeout(ms) {
  return new Promise((resolve, reject) => setTimeout(() => reject(new Error("timeout")), ms));
}

function forceUrls(slug) {
  return ["/forces/" + slug + PAGE_END, "/cy/forces/" + slug + PAGE_END];
}

// The slug of the saved force page, or null.
async function savedSlug() {
  if (!(await caches.has(SAVED))) {
    return null;
  }
  const keys = await (await caches.open(SAVED)).keys();
  const match = keys.length ? new URL(keys[0].url).pathname.match(/\/forces\/([a-z0-9-]+)\/?$/) : null;
  return match ? match[1] : null;
}

// A copy of a response that says when it was saved (read by save-force.js).
async function stamped(response, savedAt) {
  const headers = new Headers(response.headers);
  headers.set("X-Saved-At", savedAt);
  return new Response(await response.blob(), {
    status: response.status,
    statusText: response.statusText,
    headers: headers,
  });
}

// Fetch both languages first, and only then replace the saved copy: a failed
// save keeps the previous one. Resolves to the time saved; rejects on failure.
async function saveForce(slug) {
  const urls = forceUrls(slug);
  const responses = await Promise.all(urls.map((url) => fetch(new Request(url, { cache: "reload" }))));
  if (!responses.every((response) => response.ok)) {
    throw new Error("not saved");
  }
  const savedAt = new Date().toISOString();
  const copies = await Promise.all(responses.map((response) => stamped(response, savedAt)));
  const cache = await caches.open(SAVED);
  for (const request of await cache.keys()) {
    if (!urls.includes(new URL(request.url).pathname)) {
      await cache.delete(request);
    }
  }
  await Promise.all(urls.map((url, i) => cache.put(url, copies[i])));
  return savedAt;
}

// After an online visit to the saved force page, keep that fresh copy.
async function refreshSaved(request, response) {
  if (!response.ok || !(await caches.has(SAVED))) {
    return;
  }
  const cache = await caches.open(SAVED);
  if (await cache.match(request)) {
    await cache.put(request, await stamped(response, new Date().toISOString()));
  }
}

async function navigate(event) {
  const request = event.request;
  const cached = await caches.match(request);
  // Network first, and past the browser's HTTP cache: pages may be cached for
  // minutes (Cache-Control), but an online visit must see a changed number now.
  // "no-cache" revalidates with the page's ETag, so an unchanged page costs a 304.
  // A navigation's own Request cannot take new options, hence the URL; "manual"
  // hands a redirect back to the browser to follow, as for any navigation.
  const network = fetch(request.url, { cache: "no-cache", redirect: "manual" });
  network.catch(() => {});  // a late failure after the timeout is not an error
  try {
    const response = await Promise.race([network, timeout(TIMEOUT_MS)]);
    if (response.status >= 500 && cached) {
      return cached;
    }
    event.waitUntil(refreshSaved(request, response.clone()).catch(() => {}));
    return response;
  } catch (error) {
    return cached || (await caches.match(offlineUrl(new URL(request.url)))) || Response.error();
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) {
    return;
  }
  if (request.mode === "navigate") {
    event.respondWith(navigate(event));
  } else if (url.pathname.startsWith("/static/")) {
    event.respondWith(caches.match(request).then((cached) => cached || fetch(request)));
  }
});

self.addEventListener("message", (event) => {
  const data = event.data || {};
  const reply = (message) => event.ports[0] && event.ports[0].postMessage(message);
  if (data.type === "save-force" && /^[a-z0-9-]{1,64}$/.test(data.slug || "")) {
    event.waitUntil(
      saveForce(data.slug)
        .then((savedAt) => reply({ saved: true, savedAt: savedAt }))
        .catch(() => reply({ saved: false }))
    );
  } else if (data.type === "forget-force") {
    event.waitUntil(caches.delete(SAVED).then(() => reply({ forgotten: true })));
  }
});
