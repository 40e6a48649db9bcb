"""A per-client rate limit that never stores the client's address.

Each client is known only by a keyed hash of its address (HMAC-SHA256 with a
random key made when the process starts and never written anywhere), held in
memory for the length of the window and then forgotten. The hash cannot be
reversed without the key, and the key dies with the process.

The limit is per process: under gunicorn each worker counts on its own, so a
client may get up to `workers × limit` through. That is enough to stop a script
flooding the embedded default; behind a reverse proxy, limit at the edge too
(e.g. nginx `limit_req`), and set the number of proxies (`WELLBEING_PROXY_FIX`)
so that the address counted here is the client's, not the proxy's.
"""

import hashlib
import hmac
import secrets
import threading
import time
from collections import deque

# Above this many clients in one window, forget the expired ones before adding more.
PRUNE_AT = 10_000


class RateLimit:
    """Allow each client `limit` events per `window` seconds (a limit of 0 allows all)."""

    def __init__(self, limit: int, window: float, clock=time.monotonic):
        self.limit = limit
        self.window = window
        self._clock = clock
        self._key = secrets.token_bytes(32)
        self._events: dict[bytes, deque[float]] = {}
        self._lock = threading.Lock()

    def _client(self, address: str) -> bytes:
        return hmac.digest(self._key, address.encode(), hashlib.sha256)[:16]

    def allow(self, address: str) -> bool:
        """Count one event for `address`; return False if it is over the limit."""
        if self.limit <= 0:
            return True
        now = self._clock()
        client = self._client(address)
        with self._lock:
            if len(self._events) >= PRUNE_AT:
                self._prune(now)
            events = self._events.setdefault(client, deque())
            while events and events[0] <= now - self.window:
                events.popleft()
            if len(events) >= self.limit:
                return False
            events.append(now)
            return True

    def _prune(self, now: float) -> None:
        expired = [c for c, e in self._events.items() if not e or e[-1] <= now - self.window]
        for client in expired:
            del self._events[client]

    def __len__(self) -> int:
        return len(self._events)
