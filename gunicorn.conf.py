"""Production settings for gunicorn (`gunicorn -c gunicorn.conf.py app:app`).

The access log records no IP address, user agent, referrer or query string:
a search for a place or a service can be personal. The error log is filtered
the same way (wellbeing/logs.py). Production runs behind the edge proxy
(deploy/run_edge.py, `make run-edge`: nginx, gunicorn on a unix socket), or an
equivalent that buffers requests and responses and so deals with slow clients: a
bare gunicorn is not exposed to the internet.
"""

import os

bind = f"{os.environ.get('HOST', '0.0.0.0')}:{os.environ.get('PORT', '8000')}"
# Not from the CPU count: in a container that is the host's, and 2 × 64 + 1
# workers would each hold the content and locator tables. Nearly every page is
# served from memory (page_cache.py) or by the edge, so two workers of four
# threads keep up with one or two CPUs; set WEB_CONCURRENCY to what the
# container is given (the convention Heroku, Render and others set for you).
workers = int(os.environ.get("WEB_CONCURRENCY") or 2)
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", 4))
# Load the app (and its content and locator data) once, before forking.
preload_app = True
timeout = 30
graceful_timeout = 20
keepalive = 5

accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
# %(U)s is the path without the query string; no %(h)s, %(a)s, %(f)s or %(q)s.
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'
errorlog = "-"
# Rewrites the error log's records: no address, query, postcode or coordinates.
logger_class = "wellbeing.logs.GunicornLogger"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# Request lines that fail to parse are logged by gunicorn in full; keep them short.
limit_request_line = 4094


def on_reload(arbiter):
    """SIGHUP: re-read the content in the master, before the new workers fork from it.

    A broken change is refused (logged) and the old content keeps serving.
    """
    from wellbeing.reload import reload_content

    done, message = reload_content(arbiter.app.wsgi())
    (arbiter.log.info if done else arbiter.log.error)(message)


def when_ready(server):
    """Move the preloaded app (content, locator tables) out of the garbage collector's sight.

    The workers fork from this master: frozen objects are never scanned, so a
    collection no longer walks the whole content on a request (about 15 ms on an
    API answer), and the pages the workers share stay shared (copy-on-write).
    """
    import gc

    gc.freeze()
