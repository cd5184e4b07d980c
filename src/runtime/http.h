/*
 * http.h - a small HTTP GET client for pprof endpoints (libcurl).
 *
 * One client per target: it keeps one curl easy handle, so successive
 * requests reuse the connection (keep-alive). Every request has a connect
 * and a total timeout and a body size cap. Redirects are followed by hand,
 * at most max_redirects times, and only to the same scheme, host and port as
 * the base URL: a pprof endpoint has no business sending us elsewhere.
 *
 * Bodies are returned as the raw bytes sent: no Accept-Encoding is offered,
 * and pprof's binary profiles are a gzip stream *without*
 * Content-Encoding (FORMATS.md B0), so the parsers gunzip them.
 */
#ifndef LH_RUNTIME_HTTP_H
#define LH_RUNTIME_HTTP_H

#include <stdatomic.h>

#include "core/core.h"

struct http_options {
	long connect_timeout_ms; /* 0 = 2000 */
	long timeout_ms;	 /* whole request; 0 = 10000 */
	size_t max_body;	 /* bytes; 0 = 64 MiB */
	int max_redirects;	 /* 0 = none followed; < 0 = 3 */
	/* When not NULL and set by another thread, a request in progress
	 * ends within about a second with "request cancelled". Borrowed. */
	const atomic_int *cancel;
};
#define HTTP_OPTIONS_INIT { 0, 0, 0, -1, NULL }

struct http_client;

/* A client for base (e.g. "http://127.0.0.1:6060"; a trailing '/' is
 * dropped). Fails on a URL that is not http(s) with a host. base is copied.
 * Caller frees with http_client_free(). */
LH_WARN_UNUSED enum lh_status http_client_new(struct http_client **out,
					      const char *base,
					      const struct http_options *o,
					      struct lh_error *err);
void http_client_free(struct http_client *c);
/* The base URL, normalised. Borrowed: valid until c is freed. */
const char *http_client_base(const struct http_client *c);

struct http_response {
	long status;	      /* HTTP status of the final answer */
	char content_type[128];
	double seconds;	      /* wall time of the whole request */
};

/* GET base + path (path starts with '/'). The body is put in `body`
 * (reset first; bounded by the client's max_body, whatever body->max says).
 * A status other than 2xx is an error too ("... returned HTTP 404"); err
 * names the full URL. */
LH_WARN_UNUSED enum lh_status http_get(struct http_client *c, const char *path,
				       struct buf *body,
				       struct http_response *resp,
				       struct lh_error *err);

/* Initialises libcurl once per process (thread-safe, idempotent). */
void http_global_init(void);

#endif /* LH_RUNTIME_HTTP_H */
