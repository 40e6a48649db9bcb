// Kill switch: replaces a broken worker. It deletes this app's caches,
// unregisters itself and leaves every page to the network.
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith("wellbeing-")).map((key) => caches.delete(key))))
      .then(() => self.registration.unregister())
  );
});
