/*
 * test_runtime_io.c - the HTTP client (against an in-process libmicrohttpd
 * server on 127.0.0.1: size caps, timeouts, redirects, errors) and the
 * /proc readers (on this very process).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <cmocka.h>
#include <microhttpd.h>

#include "runtime/http.h"
#include "runtime/proc.h"

static struct MHD_Daemon *daemon_;
static unsigned port_;
static int requests_;

static enum MHD_Result reply(struct MHD_Connection *c, unsigned status,
			     const char *body, size_t n, const char *location)
{
	struct MHD_Response *r = MHD_create_response_from_buffer(
		n, (void *)body, MHD_RESPMEM_MUST_COPY);
	enum MHD_Result ret;

	if (location)
		MHD_add_response_header(r, "Location", location);
	ret = MHD_queue_response(c, status, r);
	MHD_destroy_response(r);
	return ret;
}

static enum MHD_Result handler(void *cls, struct MHD_Connection *c,
			       const char *url, const char *method,
			       const char *version, const char *data,
			       size_t *size, void **ptr)
{
	static char big[300000];
	char loc[128];

	(void)cls, (void)method, (void)version, (void)data, (void)size;
	if (!*ptr) { /* first call: headers only */
		*ptr = (void *)1;
		return MHD_YES;
	}
	requests_++;
	if (strcmp(url, "/ok") == 0)
		return reply(c, 200, "hello", 5, NULL);
	if (strcmp(url, "/big") == 0) {
		memset(big, 'x', sizeof(big));
		return reply(c, 200, big, sizeof(big), NULL);
	}
	if (strcmp(url, "/same") == 0) {
		snprintf(loc, sizeof(loc), "http://127.0.0.1:%u/ok", port_);
		return reply(c, 302, "", 0, loc);
	}
	if (strcmp(url, "/rel") == 0)
		return reply(c, 301, "", 0, "/ok");
	if (strcmp(url, "/other") == 0)
		return reply(c, 302, "", 0, "http://192.0.2.1/ok");
	if (strcmp(url, "/loop") == 0)
		return reply(c, 302, "", 0, "/loop");
	if (strcmp(url, "/slow") == 0) {
		usleep(1500 * 1000);
		return reply(c, 200, "late", 4, NULL);
	}
	return reply(c, 404, "no", 2, NULL);
}

static int setup(void **state)
{
	const union MHD_DaemonInfo *info;
	struct sockaddr_in sa = { 0 };

	(void)state;
	sa.sin_family = AF_INET;
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	sa.sin_port = 0;
	daemon_ = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD |
					   MHD_USE_THREAD_PER_CONNECTION,
				   0, NULL, NULL, handler, NULL,
				   MHD_OPTION_SOCK_ADDR, &sa, MHD_OPTION_END);
	if (!daemon_)
		return -1;
	info = MHD_get_daemon_info(daemon_, MHD_DAEMON_INFO_BIND_PORT);
	port_ = info->port;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	MHD_stop_daemon(daemon_);
	return 0;
}

static struct http_client *client(long timeout_ms, size_t max_body)
{
	struct http_options o = HTTP_OPTIONS_INIT;
	struct http_client *c;
	struct lh_error err;
	char base[64];

	o.timeout_ms = timeout_ms;
	o.max_body = max_body;
	snprintf(base, sizeof(base), "http://127.0.0.1:%u/", port_);
	assert_int_equal(http_client_new(&c, base, &o, &err), LH_OK);
	return c;
}

static void test_get_and_keepalive(void **state)
{
	struct http_client *c = client(2000, 0);
	struct http_response r;
	struct buf b = BUF_INIT;
	struct lh_error err;

	(void)state;
	for (int i = 0; i < 3; i++) {
		assert_int_equal(http_get(c, "/ok", &b, &r, &err), LH_OK);
		assert_int_equal(r.status, 200);
		assert_int_equal(b.len, 5);
		assert_string_equal(b.data, "hello");
	}
	assert_int_equal(http_get(c, "/rel", &b, &r, &err), LH_OK);
	assert_string_equal(b.data, "hello");
	assert_int_equal(http_get(c, "/same", &b, &r, &err), LH_OK);
	assert_string_equal(b.data, "hello");
	assert_non_null(strstr(http_client_base(c), "127.0.0.1"));
	assert_true(http_client_base(c)[strlen(http_client_base(c)) - 1] != '/');
	buf_release(&b);
	http_client_free(c);
}

static void test_errors_name_the_url(void **state)
{
	struct http_client *c = client(500, 100000);
	struct http_response r;
	struct buf b = BUF_INIT;
	struct lh_error err;

	(void)state;
	assert_int_equal(http_get(c, "/big", &b, &r, &err), LH_ERR);
	assert_non_null(strstr(err.input, "/big"));
	assert_non_null(strstr(err.msg, "larger than the limit of 100000"));
	assert_int_equal(http_get(c, "/nope", &b, &r, &err), LH_ERR);
	assert_string_equal(err.msg, "returned HTTP 404");
	assert_int_equal(http_get(c, "/other", &b, &r, &err), LH_ERR);
	assert_non_null(strstr(err.msg, "redirect to another host refused"));
	assert_int_equal(http_get(c, "/loop", &b, &r, &err), LH_ERR);
	assert_non_null(strstr(err.msg, "too many redirects"));
	assert_int_equal(http_get(c, "/slow", &b, &r, &err), LH_ERR);
	assert_non_null(strstr(err.msg, "no complete answer within 500 ms"));
	/* the client still works after all that */
	assert_int_equal(http_get(c, "/ok", &b, &r, &err), LH_OK);
	/* the caller's own cap holds too */
	b.max = 3;
	assert_int_equal(http_get(c, "/ok", &b, &r, &err), LH_ERR);
	buf_release(&b);
	http_client_free(c);
}

static void test_bad_urls(void **state)
{
	struct http_client *c;
	struct lh_error err;

	(void)state;
	assert_int_equal(http_client_new(&c, "127.0.0.1:6060", NULL, &err), LH_ERR);
	assert_null(c);
	assert_int_equal(http_client_new(&c, "ftp://127.0.0.1/", NULL, &err), LH_ERR);
	assert_non_null(strstr(err.msg, "unsupported scheme"));
	assert_int_equal(http_client_new(&c, "http://", NULL, &err), LH_ERR);
}

static void test_refused(void **state)
{
	struct http_client *c;
	struct http_response r;
	struct buf b = BUF_INIT;
	struct lh_error err;
	struct sockaddr_in sa = { 0 };
	socklen_t len = sizeof(sa);
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	char base[64];

	(void)state;
	/* a port that was free a moment ago and has no listener */
	sa.sin_family = AF_INET;
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	assert_int_equal(bind(fd, (struct sockaddr *)&sa, sizeof(sa)), 0);
	getsockname(fd, (struct sockaddr *)&sa, &len);
	snprintf(base, sizeof(base), "http://127.0.0.1:%u", ntohs(sa.sin_port));
	assert_int_equal(http_client_new(&c, base, NULL, &err), LH_OK);
	assert_int_equal(http_get(c, "/x", &b, &r, &err), LH_ERR);
	assert_true(err.msg[0] >= 'a' && err.msg[0] <= 'z');
	assert_non_null(strstr(err.input, base));
	close(fd);
	buf_release(&b);
	http_client_free(c);
}

static void test_proc_self(void **state)
{
	struct proc_sample s;
	struct proc_listener ls[8];
	struct lh_error err;
	size_t n;
	bool found = false;

	(void)state;
	assert_int_equal(proc_read(getpid(), &s, &err), LH_OK);
	assert_true(s.rss_kb > 0);
	assert_true(s.threads >= 2); /* the microhttpd thread */
	assert_true(s.fds.total >= 3);
	assert_true(s.fds.socket >= 1); /* the listening socket */
	assert_true(s.start_ticks > 0);
	assert_string_equal(s.comm, "test_runtime_io");
	assert_int_equal(proc_listeners(getpid(), ls, 8, &n, &err), LH_OK);
	for (size_t i = 0; i < n; i++)
		found |= ls[i].port == port_ && strcmp(ls[i].addr, "127.0.0.1") == 0;
	assert_true(found);
	{
		double c0 = proc_cpu_seconds(getpid()), c1;
		volatile unsigned long x = 0;

		assert_true(c0 >= 0);
		do { /* burn 50 ms of CPU */
			for (int i = 0; i < 1000000; i++)
				x += (unsigned long)i;
			c1 = proc_cpu_seconds(getpid());
		} while (c1 - c0 < 0.05);
		assert_true(c1 > c0);
		assert_true(proc_cpu_seconds(999999999) < 0);
	}
	assert_int_equal(proc_read(999999999, &s, &err), LH_ERR);
	assert_non_null(strstr(err.input, "/proc/999999999/status"));
}

static void test_proc_parsers(void **state)
{
	struct proc_listener l;
	struct proc_fds f = { 0 };
	uint64_t ino;
	char url[80];

	(void)state;
	assert_true(proc_parse_tcp_line(
		"   3: 0100007F:1F90 00000000:0000 0A 00000000:00000000 "
		"00:00000000 00000000  1000        0 123456 1 0000 100 0 0 10 0",
		false, &l, &ino));
	assert_int_equal(l.port, 8080);
	assert_string_equal(l.addr, "127.0.0.1");
	assert_true(ino == 123456);
	proc_listener_url(&l, url, sizeof(url));
	assert_string_equal(url, "http://127.0.0.1:8080");
	/* ESTABLISHED (01) is not a listener */
	assert_false(proc_parse_tcp_line(
		"   4: 0100007F:1F90 0100007F:C350 01 00000000:00000000 "
		"00:00000000 00000000  1000        0 777 1 0000 100 0 0 10 0",
		false, &l, &ino));
	assert_true(proc_parse_tcp_line(
		"   0: 00000000000000000000000000000000:1770 "
		"00000000000000000000000000000000:0000 0A 00000000:00000000 "
		"00:00000000 00000000     0        0 4242 1 0000 100 0 0 10 0",
		true, &l, &ino));
	assert_string_equal(l.addr, "::");
	proc_listener_url(&l, url, sizeof(url));
	assert_string_equal(url, "http://127.0.0.1:6000");
	assert_true(proc_parse_tcp_line(
		"   0: 00000000000000000000000001000000:1770 "
		"00000000000000000000000000000000:0000 0A 00000000:00000000 "
		"00:00000000 00000000     0        0 4243 1 0000 100 0 0 10 0",
		true, &l, &ino));
	assert_string_equal(l.addr, "::1");
	proc_listener_url(&l, url, sizeof(url));
	assert_string_equal(url, "http://[::1]:6000");
	assert_false(proc_parse_tcp_line("  sl  local_address rem_address", false,
					 &l, &ino));
	assert_false(proc_parse_tcp_line("garbage", true, &l, &ino));
	assert_false(proc_parse_tcp_line("0: 0100007F:ZZZZ", false, &l, &ino));

	proc_fds_count(&f, "socket:[12]");
	proc_fds_count(&f, "pipe:[13]");
	proc_fds_count(&f, "anon_inode:[eventpoll]");
	proc_fds_count(&f, "/etc/hostname");
	proc_fds_count(&f, "/dev/null");
	proc_fds_count(&f, "net:[4026531840]");
	assert_true(f.total == 6 && f.socket == 1 && f.pipe == 1 && f.anon == 1 &&
		    f.file == 2 && f.other == 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_get_and_keepalive),
		cmocka_unit_test(test_errors_name_the_url),
		cmocka_unit_test(test_bad_urls),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_proc_self),
		cmocka_unit_test(test_proc_parsers),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
