/*
 * httpget.c - one sample the way watch takes it: GET each PATH from a
 * pprof endpoint with the bounded HTTP client (src/runtime/http.h) and
 * parse the body into a snapshot (snap_parse_mem: format sniffed, gzip
 * undone, limits applied). For the bad-input table's HTTP rows until
 * `leakhound watch` is on main; then the rows run watch itself.
 *
 * usage: httpget [-t TIMEOUT_MS] [-d MAX_DECOMPRESSED] BASE PATH...
 *
 * Prints "PATH: <format>, N goroutines" per good answer on stdout, one
 * "leakhound: 'URL': what is wrong" line per bad one on stderr; exits 2
 * when any PATH failed, else 0.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "runtime/http.h"
#include "runtime/snapshot.h"

int main(int argc, char **argv)
{
	struct http_options ho = HTTP_OPTIONS_INIT;
	struct snap_limits lim = SNAP_LIMITS_DEFAULT;
	struct http_client *c;
	struct lh_error err;
	int opt, status = 0;

	while ((opt = getopt(argc, argv, "t:d:")) != -1) {
		if (opt == 't')
			ho.timeout_ms = atol(optarg);
		else if (opt == 'd')
			lim.max_decompressed = strtoull(optarg, NULL, 10);
		else
			return 2;
	}
	if (argc - optind < 2) {
		fprintf(stderr, "usage: httpget [-t MS] [-d BYTES] BASE PATH...\n");
		return 2;
	}
	http_global_init();
	if (http_client_new(&c, argv[optind], &ho, &err) != LH_OK) {
		lh_error_print(stderr, &err);
		return 2;
	}
	for (int i = optind + 1; i < argc; i++) {
		struct buf body;
		struct http_response resp;
		struct snapshot *s;
		enum snap_format fmt;
		char url[1024];

		buf_init(&body, 0);
		if (http_get(c, argv[i], &body, &resp, &err) != LH_OK) {
			lh_error_print(stderr, &err);
			status = 2;
			buf_release(&body);
			continue;
		}
		s = snapshot_new(argv[i]);
		snprintf(url, sizeof(url), "%s%s", http_client_base(c), argv[i]);
		if (snap_parse_mem(s, body.data ? body.data : "", body.len,
				   url, &lim, &fmt, &err) != LH_OK) {
			lh_error_print(stderr, &err);
			status = 2;
		} else {
			printf("%s: %s, %llu goroutines\n", argv[i],
			       snap_format_name(fmt),
			       (unsigned long long)s->goroutines);
		}
		snapshot_free(s);
		buf_release(&body);
	}
	http_client_free(c);
	return status;
}
