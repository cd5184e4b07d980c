/*
 * pool.c - run a function over n items on a fixed number of threads.
 * Items are handed out through an atomic counter, so a slow item does not
 * hold up the others.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <unistd.h>

#include "core.h"

struct pool_job {
	atomic_size_t next;
	size_t n;
	pool_fn fn;
	void *ctx;
};

struct pool_worker {
	struct pool_job *job;
	unsigned index;
};

static void *pool__main(void *arg)
{
	struct pool_worker *w = arg;
	struct pool_job *job = w->job;

	for (;;) {
		size_t i = atomic_fetch_add(&job->next, 1);

		if (i >= job->n)
			break;
		job->fn(i, w->index, job->ctx);
	}
	return NULL;
}

void pool_run(unsigned nthreads, size_t n, pool_fn fn, void *ctx)
{
	struct pool_job job;
	pthread_t *tids;
	pthread_attr_t attr;
	struct pool_worker *workers;
	unsigned started = 0;

	if (n == 0)
		return;
	if (nthreads > n)
		nthreads = (unsigned)n;
	if (nthreads < 1)
		nthreads = 1;
	atomic_init(&job.next, 0);
	job.n = n;
	job.fn = fn;
	job.ctx = ctx;
	tids = xcalloc(nthreads, sizeof(*tids));
	workers = xcalloc(nthreads, sizeof(*workers));
	/* every worker, even a single one, runs on a thread of its own with a
	 * known stack, not on the caller's (whose size is whatever ulimit -s
	 * says): AST walkers are budgeted against POOL_STACK_SIZE */
	pthread_attr_init(&attr);
	pthread_attr_setstacksize(&attr, POOL_STACK_SIZE);
	for (unsigned t = 0; t < nthreads; t++) {
		workers[t].job = &job;
		workers[t].index = t;
		if (pthread_create(&tids[t], &attr, pool__main,
				   &workers[t]) != 0)
			break;
		started++;
	}
	pthread_attr_destroy(&attr);
	/* no thread at all: do the work here rather than not at all */
	if (started == 0)
		pool__main(&workers[0]);
	for (unsigned t = 0; t < started; t++)
		pthread_join(tids[t], NULL);
	free(tids);
	free(workers);
}

unsigned lh_ncpu(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n > 0 ? (unsigned)n : 1;
}
