/*
 * fuzz_gomod.c - libFuzzer target: go.mod text through gomod_parse and
 * the version questions rules ask of it.
 */
#include <stdint.h>

#include "golang/golang.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct gomod m;
	struct lh_error err;
	char why[64];

	if (gomod_parse(&m, "go.mod", (const char *)data, size, &err) != LH_OK)
		return 0;
	(void)gomod_timers_collected(&m);
	(void)gomod_timers_why(&m, why, sizeof(why));
	(void)gomod_at_least(&m, 1, 21);
	gomod_release(&m);
	return 0;
}
