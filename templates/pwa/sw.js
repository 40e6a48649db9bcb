// Police Wellbeing Signpost service worker. Small and hand-written on purpose.
//
// - Install: precache a fixed list of pages and assets ("on install, as a dependency").
//   Nothing is ever cached because it was visited: on a shared family phone the
//   cache must not tell anyone what was read.
// - Activate: delete this app's older caches only, then take control of open pages.
// - Navigations: network first with a short timeout, then the precached copy,
//   then the offline page, which carries the call buttons.
// - Precached static files: cache first (their URLs are content-hashed).
// - "Make this my force" saves that one force page (both languages) in its own
//   cache, replacing any earlier choice; "Forget my force" deletes it.
// Kill switch: start the app with WELLBEING_SW_KILL_SWITCH=1 and /sw.js becomes a
// worker that deletes these caches and unregisters itself (see README).

const PREFIX = "wellbeing-";
const CACHE = PREFIX + {{ version|tojson }};
// The one page kept because the person chose it: "Make this my force".
const SAVED = PREFIX + "saved-force";
const PRECACHE = {{ urls|tojson }};
const OFFLINE = {{ offline|tojson }};
const TIMEOUT_MS = {{ timeout|tojson }};

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
  );
});

function offlineUrl(url) {
  return url.pathname === "/cy" || url.pathname.startsWith("/cy/") ? OFFLINE.cy : OFFLINE.en;
}

function timeout(ms) {
  return new Promise((resolve, reject) => setTimeout(() => reject(new Error("timeout")), ms));
}

async function navigate(request) {
  const cached = await caches.match(request);
  const network = fetch(request);
  network.catch(() => {});  // a late failure after the timeout is not an error
  try {
    // Without a saved copy there is nothing better to show, so wait for the network.
    const response = cached ? await Promise.race([network, timeout(TIMEOUT_MS)]) : await network;
    if (response.status >= 500 && cached) {
      return cached;
    }
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
    event.respondWith(navigate(request));
  } else if (url.pathname.startsWith("/static/")) {
    event.respondWith(caches.match(request).then((cached) => cached || fetch(request)));
  }
});

self.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.type === "save-force" && /^[a-z0-9-]{1,64}$/.test(data.slug || "")) {
    const urls = ["/forces/" + data.slug, "/cy/forces/" + data.slug];
    event.waitUntil(
      caches.delete(SAVED)
        .then(() => caches.open(SAVED))
        .then((cache) => cache.addAll(urls.map((url) => new Request(url, { cache: "reload" }))))
        .catch(() => {})
    );
  } else if (data.type === "forget-force") {
    event.waitUntil(caches.delete(SAVED));
  }
});
