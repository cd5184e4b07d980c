/*
 * atomic.c - replace a file's contents all at once: write a temporary file
 * beside it, flush it, give it the old file's mode, rename it over. A crash
 * leaves either the old file or the new one, never half of each.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "report/report.h"

enum lh_status report_write_atomic(const char *path, const char *data,
				   size_t len, struct lh_error *err)
{
	struct stat st;
	char *tmp = xasprintf("%s.lh-XXXXXX", path);
	int fd = mkstemp(tmp);
	mode_t mode = 0644;
	size_t off = 0;

	if (fd < 0) {
		lh_fail(err, path, "cannot create a temporary file: %s",
			strerror(errno));
		free(tmp);
		return LH_ERR;
	}
	if (stat(path, &st) == 0)
		mode = st.st_mode & 07777;
	else {
		mode_t um = umask(0);

		umask(um);
		mode = 0666 & ~um;
	}
	while (off < len) {
		ssize_t n = write(fd, data + off, len - off);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			goto fail;
		off += (size_t)n;
	}
	if (fchmod(fd, mode) != 0 || fsync(fd) != 0)
		goto fail;
	if (close(fd) != 0) {
		fd = -1;
		goto fail;
	}
	fd = -1;
	if (rename(tmp, path) != 0)
		goto fail;
	free(tmp);
	return LH_OK;
fail:
	lh_fail(err, path, "cannot write: %s", strerror(errno));
	if (fd >= 0)
		close(fd);
	unlink(tmp);
	free(tmp);
	return LH_ERR;
}
