/*
 * http.c - bounded HTTP GET over libcurl for pprof endpoints (see http.h).
 */
#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <strings.h>
#include <time.h>
#include <curl/curl.h>

#include "runtime/http.h"

#define HTTP_DEFAULT_CONNECT_MS 2000L
#define HTTP_DEFAULT_TIMEOUT_MS 10000L
#define HTTP_DEFAULT_MAX_BODY ((size_t)64 << 20)
#define HTTP_DEFAULT_REDIRECTS 3
#define HTTP_MAX_URL 2048

struct http_client {
	CURL *curl;
	char *base;			/* "scheme://host[:port][/prefix]" */
	char *scheme, *host, *port;	/* of base, for the redirect check */
	struct http_options o;
	char errbuf[CURL_ERROR_SIZE];
	/* per request */
	struct buf *body;
	bool too_big;
};

static pthread_once_t http__once = PTHREAD_ONCE_INIT;

static void http__init_once(void)
{
	curl_global_init(CURL_GLOBAL_DEFAULT);
}

void http_global_init(void)
{
	pthread_once(&http__once, http__init_once);
}

/* Splits url into scheme, host and port (the scheme's default when absent).
 * The three strings are malloc'ed; caller frees them. */
static enum lh_status http__split(const char *url, char **scheme, char **host,
				  char **port, struct lh_error *err)
{
	CURLU *u = curl_url();
	CURLUcode rc;
	enum lh_status st = LH_OK;
	char *s = NULL, *h = NULL, *p = NULL;

	if (!u)
		LH_BUG("curl_url failed");
	rc = curl_url_set(u, CURLUPART_URL, url, 0);
	if (rc == CURLUE_OK)
		rc = curl_url_get(u, CURLUPART_SCHEME, &s, 0);
	if (rc == CURLUE_OK)
		rc = curl_url_get(u, CURLUPART_HOST, &h, 0);
	if (rc == CURLUE_OK)
		rc = curl_url_get(u, CURLUPART_PORT, &p, CURLU_DEFAULT_PORT);
	if (rc != CURLUE_OK) {
		st = lh_fail(err, url, "not a valid URL: %s",
			     curl_url_strerror(rc));
	} else if (strcmp(s, "http") != 0 && strcmp(s, "https") != 0) {
		st = lh_fail(err, url, "unsupported scheme '%s' (want http or https)",
			     s);
	}
	if (st == LH_OK) {
		*scheme = xstrdup(s);
		*host = xstrdup(h);
		*port = xstrdup(p);
	}
	curl_free(s);
	curl_free(h);
	curl_free(p);
	curl_url_cleanup(u);
	return st;
}

/* curl calls it during a transfer (about once a second when nothing moves):
 * nonzero aborts the request. */
static int http__progress(void *ctx, curl_off_t dltotal, curl_off_t dlnow,
			  curl_off_t ultotal, curl_off_t ulnow)
{
	struct http_client *c = ctx;

	(void)dltotal, (void)dlnow, (void)ultotal, (void)ulnow;
	return atomic_load(c->o.cancel) ? 1 : 0;
}

static size_t http__write(char *data, size_t size, size_t n, void *ctx)
{
	struct http_client *c = ctx;

	if (!buf_add(c->body, data, size * n)) {
		c->too_big = true;
		return 0; /* aborts the transfer */
	}
	return size * n;
}

enum lh_status http_client_new(struct http_client **out, const char *base,
			       const struct http_options *o,
			       struct lh_error *err)
{
	struct http_client *c;
	size_t n;

	*out = NULL;
	http_global_init();
	if (!strstr(base, "://"))
		return lh_fail(err, base, "not a URL (want http://HOST:PORT)");
	c = xcalloc(1, sizeof(*c));
	c->base = xstrdup(base);
	n = strlen(c->base);
	while (n > 0 && c->base[n - 1] == '/')
		c->base[--n] = '\0';
	if (n >= HTTP_MAX_URL / 2 ||
	    http__split(c->base, &c->scheme, &c->host, &c->port, err) != LH_OK) {
		if (n >= HTTP_MAX_URL / 2)
			lh_fail(err, base, "URL is too long");
		http_client_free(c);
		return LH_ERR;
	}
	if (o)
		c->o = *o;
	else
		c->o = (struct http_options)HTTP_OPTIONS_INIT;
	if (c->o.connect_timeout_ms <= 0)
		c->o.connect_timeout_ms = HTTP_DEFAULT_CONNECT_MS;
	if (c->o.timeout_ms <= 0)
		c->o.timeout_ms = HTTP_DEFAULT_TIMEOUT_MS;
	if (c->o.max_body == 0)
		c->o.max_body = HTTP_DEFAULT_MAX_BODY;
	if (c->o.max_redirects < 0)
		c->o.max_redirects = HTTP_DEFAULT_REDIRECTS;

	c->curl = curl_easy_init();
	if (!c->curl)
		LH_BUG("curl_easy_init failed");
	curl_easy_setopt(c->curl, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c->curl, CURLOPT_ERRORBUFFER, c->errbuf);
	curl_easy_setopt(c->curl, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(c->curl, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c->curl, CURLOPT_CONNECTTIMEOUT_MS,
			 c->o.connect_timeout_ms);
	curl_easy_setopt(c->curl, CURLOPT_TIMEOUT_MS, c->o.timeout_ms);
	curl_easy_setopt(c->curl, CURLOPT_MAXFILESIZE_LARGE,
			 (curl_off_t)c->o.max_body);
	curl_easy_setopt(c->curl, CURLOPT_TCP_KEEPALIVE, 1L);
	curl_easy_setopt(c->curl, CURLOPT_USERAGENT, "leakhound/" LH_VERSION);
	curl_easy_setopt(c->curl, CURLOPT_WRITEFUNCTION, http__write);
	curl_easy_setopt(c->curl, CURLOPT_WRITEDATA, c);
	/* the proxy environment is for browsing, not for 127.0.0.1 */
	curl_easy_setopt(c->curl, CURLOPT_NOPROXY, "*");
	if (c->o.cancel) {
		curl_easy_setopt(c->curl, CURLOPT_XFERINFOFUNCTION,
				 http__progress);
		curl_easy_setopt(c->curl, CURLOPT_XFERINFODATA, c);
		curl_easy_setopt(c->curl, CURLOPT_NOPROGRESS, 0L);
	}
	*out = c;
	return LH_OK;
}

void http_client_free(struct http_client *c)
{
	if (!c)
		return;
	if (c->curl)
		curl_easy_cleanup(c->curl);
	free(c->base);
	free(c->scheme);
	free(c->host);
	free(c->port);
	free(c);
}

const char *http_client_base(const struct http_client *c)
{
	return c->base;
}

/* curl's messages start with a capital; ours do not. */
static void http__lower_first(char *s)
{
	if (s[0] && isupper((unsigned char)s[0]) &&
	    !isupper((unsigned char)s[1]))
		s[0] = (char)tolower((unsigned char)s[0]);
}

/* Whether a redirect target stays on the client's scheme, host and port. */
static bool http__same_origin(struct http_client *c, const char *url)
{
	char *s = NULL, *h = NULL, *p = NULL;
	bool same;

	if (http__split(url, &s, &h, &p, NULL) != LH_OK)
		return false;
	same = strcmp(s, c->scheme) == 0 && strcasecmp(h, c->host) == 0 &&
	       strcmp(p, c->port) == 0;
	free(s);
	free(h);
	free(p);
	return same;
}

static enum lh_status http__perform(struct http_client *c, const char *url,
				    long *status, struct lh_error *err)
{
	CURLcode rc;

	buf_reset(c->body);
	c->too_big = false;
	c->errbuf[0] = '\0';
	curl_easy_setopt(c->curl, CURLOPT_URL, url);
	rc = curl_easy_perform(c->curl);
	if (rc == CURLE_OK) {
		curl_easy_getinfo(c->curl, CURLINFO_RESPONSE_CODE, status);
		return LH_OK;
	}
	if (c->too_big || rc == CURLE_FILESIZE_EXCEEDED)
		return lh_fail(err, url, "response is larger than the limit of %zu bytes",
			       c->o.max_body);
	if (rc == CURLE_OPERATION_TIMEDOUT)
		return lh_fail(err, url, "no complete answer within %ld ms",
			       c->o.timeout_ms);
	if (rc == CURLE_ABORTED_BY_CALLBACK)
		return lh_fail(err, url, "request cancelled");
	if (!c->errbuf[0])
		snprintf(c->errbuf, sizeof(c->errbuf), "%s",
			 curl_easy_strerror(rc));
	http__lower_first(c->errbuf);
	return lh_fail(err, url, "%s", c->errbuf);
}

enum lh_status http_get(struct http_client *c, const char *path,
			struct buf *body, struct http_response *resp,
			struct lh_error *err)
{
	char url[HTTP_MAX_URL];
	struct buf tmp = BUF_INIT;
	struct timespec t0, t1;
	long status = 0;
	int hops = 0;
	char *ct = NULL;
	enum lh_status st;

	if (snprintf(url, sizeof(url), "%s%s", c->base, path) >=
	    (int)sizeof(url))
		return lh_fail(err, c->base, "URL is too long");
	memset(resp, 0, sizeof(*resp));
	/* our own bound, whatever the caller's buffer says */
	buf_init(&tmp, c->o.max_body);
	c->body = &tmp;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (;;) {
		char *loc = NULL;

		st = http__perform(c, url, &status, err);
		if (st != LH_OK)
			break;
		if (status < 300 || status >= 400)
			break;
		curl_easy_getinfo(c->curl, CURLINFO_REDIRECT_URL, &loc);
		if (!loc) {
			st = lh_fail(err, url, "HTTP %ld redirect without a Location",
				     status);
			break;
		}
		if (hops++ >= c->o.max_redirects) {
			st = lh_fail(err, url, "too many redirects (more than %d)",
				     c->o.max_redirects);
			break;
		}
		if (!http__same_origin(c, loc)) {
			st = lh_fail(err, url, "redirect to another host refused: '%s'",
				     loc);
			break;
		}
		if (snprintf(url, sizeof(url), "%s", loc) >= (int)sizeof(url)) {
			st = lh_fail(err, c->base, "redirect URL is too long");
			break;
		}
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	resp->seconds = (double)(t1.tv_sec - t0.tv_sec) +
			(double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	resp->status = status;
	if (st == LH_OK && (status < 200 || status >= 300)) {
		st = lh_fail(err, url, "returned HTTP %ld", status);
	}
	curl_easy_getinfo(c->curl, CURLINFO_CONTENT_TYPE, &ct);
	if (ct)
		snprintf(resp->content_type, sizeof(resp->content_type), "%s",
			 ct);
	c->body = NULL;
	buf_reset(body);
	if (st == LH_OK && body->max && tmp.len > body->max)
		st = lh_fail(err, url, "response is larger than the limit of %zu bytes",
			     body->max);
	if (st == LH_OK && tmp.data) {
		/* hand over the bytes instead of copying them */
		size_t max = body->max;

		buf_release(body);
		*body = tmp;
		body->max = max;
		return LH_OK;
	}
	if (st == LH_OK)
		buf_add(body, "", 0);
	buf_release(&tmp);
	return st;
}
