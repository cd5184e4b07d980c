/*
 * fuzz_baseline.c - libFuzzer target: a --baseline file through
 * lh_baseline_load() (read by path: the input goes in a memfd named by
 * /proc/self/fd), then applied to findings whose fingerprints the seeds
 * hold, so matching and counting run too.
 */
#include <stdint.h>
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

#include "leakhound/leakhound.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const uint64_t fps[] = { 0x5f0c1d2e3a4b6c7dull, 1, 0 };
	int fd = memfd_create("baseline", MFD_CLOEXEC);
	char path[64];
	struct lh_error err;
	lh_baseline *b = NULL;

	if (fd < 0)
		return 0;
	if (write(fd, data, size) == (ssize_t)size) {
		snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
		if (lh_baseline_load(path, &b, &err) == LH_OK) {
			lh_findings *f = lh_findings_new();

			for (size_t i = 0; i < sizeof(fps) / sizeof(fps[0]); i++) {
				struct lh_finding t = { 0 };

				t.rule = lh_rule_find("LH702");
				t.loc = (struct lh_loc){ "a.go", 3, 1, 0, 0 };
				t.message = "m";
				t.fingerprint = fps[i];
				if (t.rule)
					lh_findings_add(f, &t);
			}
			(void)lh_baseline_count(b);
			(void)lh_baseline_apply(b, f);
			lh_findings_free(f);
			lh_baseline_free(b);
		}
	}
	close(fd);
	return 0;
}
