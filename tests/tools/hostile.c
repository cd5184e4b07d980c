/*
 * hostile.c - a pprof endpoint having its worst day, for the bad-input
 * table. Listens on 127.0.0.1 (an ephemeral port, printed on stdout), one
 * forked child per connection, until killed. The first path element picks
 * the misbehaviour; the rest of the path is ignored:
 *
 *   /ok/...             a small goroutine?debug=1 profile
 *   /hang/...           reads the request, never answers
 *   /trickle/...        a 200 header, then one body byte a second
 *   /huge/...           Content-Length: 5 GB of zeros, as fast as it goes
 *   /bomb/...           a gzip stream inflating to 5 GB (a count profile
 *                       followed by newlines), about 5 MB on the wire
 *   /html/...           200 text/html: a login page, not a profile
 *   /redirect-other/... 302 to the same path on 127.0.0.2 (another host)
 *   /redirect-loop/...  302 to itself, forever
 *
 * usage: hostile
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include <zlib.h>

static unsigned short port;

static const char profile[] =
	"goroutine profile: total 3\n"
	"3 @ 0x43b296 0x44b8d2 0x6b20d4 0x46b241\n"
	"#\t0x6b20d3\tmain.worker+0x33\t/src/main.go:42\n\n";

static void put(int fd, const void *p, size_t n)
{
	const char *s = p;

	while (n) {
		ssize_t k = write(fd, s, n);

		if (k <= 0)
			_exit(0); /* the client hung up: done */
		s += k;
		n -= (size_t)k;
	}
}

static void puts_fd(int fd, const char *s)
{
	put(fd, s, strlen(s));
}

/* Waits until the client closes the connection (or 10 minutes). */
static void linger_until_closed(int fd)
{
	struct pollfd p = { fd, POLLIN, 0 };
	char b[512];

	while (poll(&p, 1, 600000) > 0 && read(fd, b, sizeof(b)) > 0)
		;
}

/* One flush-terminated deflate block of 1 MiB of newlines: repeated, it
 * keeps a gzip stream going for as long as we like. */
static unsigned char *bomb_block(size_t *len)
{
	static unsigned char in[1 << 20], out[1 << 16];
	z_stream z = { 0 };

	memset(in, '\n', sizeof(in));
	deflateInit2(&z, 9, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY);
	z.next_in = in;
	z.avail_in = sizeof(in);
	z.next_out = out;
	z.avail_out = sizeof(out);
	deflate(&z, Z_FULL_FLUSH);
	*len = sizeof(out) - z.avail_out;
	deflateEnd(&z);
	return out;
}

static void bomb(int fd)
{
	static const unsigned char gz_header[10] = { 0x1f, 0x8b, 8, 0, 0, 0,
						     0, 0, 0, 3 };
	unsigned char first[4096];
	z_stream z = { 0 };
	size_t blen;
	const unsigned char *block;

	puts_fd(fd, "HTTP/1.1 200 OK\r\n"
		    "Content-Type: application/octet-stream\r\n"
		    "Connection: close\r\n\r\n");
	put(fd, gz_header, sizeof(gz_header));
	/* the profile header, as its own raw deflate flush block */
	deflateInit2(&z, 9, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY);
	z.next_in = (unsigned char *)profile;
	z.avail_in = 27; /* "goroutine profile: total 3\n" */
	z.next_out = first;
	z.avail_out = sizeof(first);
	deflate(&z, Z_FULL_FLUSH);
	put(fd, first, sizeof(first) - z.avail_out);
	deflateEnd(&z);
	block = bomb_block(&blen);
	for (int i = 0; i < 5 * 1024; i++) /* 5 GiB inflated */
		put(fd, block, blen);
}

static void serve(int fd)
{
	char req[4096], path[1024] = "", resp[2048];
	ssize_t n = read(fd, req, sizeof(req) - 1);

	if (n <= 0)
		return;
	req[n] = '\0';
	sscanf(req, "GET %1023s", path);
	if (strncmp(path, "/ok/", 4) == 0) {
		snprintf(resp, sizeof(resp),
			 "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
			 "Content-Length: %zu\r\nConnection: close\r\n\r\n%s",
			 strlen(profile), profile);
		puts_fd(fd, resp);
	} else if (strncmp(path, "/hang/", 6) == 0) {
		linger_until_closed(fd);
	} else if (strncmp(path, "/trickle/", 9) == 0) {
		puts_fd(fd, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
			    "Connection: close\r\n\r\n");
		for (const char *p = profile;; p = *p ? p + 1 : profile) {
			put(fd, *p ? p : "\n", 1);
			sleep(1);
		}
	} else if (strncmp(path, "/huge/", 6) == 0) {
		static char zeros[1 << 16];

		puts_fd(fd, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
			    "Content-Length: 5368709120\r\n\r\n");
		for (long i = 0; i < 5368709120L / (long)sizeof(zeros); i++)
			put(fd, zeros, sizeof(zeros));
	} else if (strncmp(path, "/bomb/", 6) == 0) {
		bomb(fd);
	} else if (strncmp(path, "/html/", 6) == 0) {
		static const char page[] =
			"<!DOCTYPE html>\n<html><head><title>Sign in</title>"
			"</head><body><form>password</form></body></html>\n";

		snprintf(resp, sizeof(resp),
			 "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
			 "Content-Length: %zu\r\nConnection: close\r\n\r\n%s",
			 strlen(page), page);
		puts_fd(fd, resp);
	} else if (strncmp(path, "/redirect-other/", 16) == 0) {
		snprintf(resp, sizeof(resp),
			 "HTTP/1.1 302 Found\r\nLocation: http://127.0.0.2:%u%s"
			 "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
			 port, path);
		puts_fd(fd, resp);
	} else if (strncmp(path, "/redirect-loop/", 15) == 0) {
		snprintf(resp, sizeof(resp),
			 "HTTP/1.1 302 Found\r\nLocation: %s\r\n"
			 "Content-Length: 0\r\nConnection: close\r\n\r\n",
			 path);
		puts_fd(fd, resp);
	} else {
		puts_fd(fd, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n"
			    "Connection: close\r\n\r\n");
	}
}

int main(void)
{
	struct sockaddr_in a = { 0 };
	socklen_t alen = sizeof(a);
	struct sigaction sa = { 0 };
	int s = socket(AF_INET, SOCK_STREAM, 0), one = 1;

	sa.sa_handler = SIG_IGN;
	sa.sa_flags = SA_NOCLDWAIT; /* children reap themselves */
	sigaction(SIGCHLD, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (bind(s, (struct sockaddr *)&a, sizeof(a)) != 0 ||
	    listen(s, 64) != 0 ||
	    getsockname(s, (struct sockaddr *)&a, &alen) != 0) {
		perror("hostile");
		return 1;
	}
	port = ntohs(a.sin_port);
	printf("%u\n", port);
	fflush(stdout);
	for (;;) {
		int c = accept(s, NULL, NULL);

		if (c < 0)
			continue;
		if (fork() == 0) {
			close(s);
			serve(c);
			close(c);
			_exit(0);
		}
		close(c);
	}
}
