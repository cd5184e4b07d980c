/*
 * prom.h - serving `leakhound watch`'s series and suspects to Prometheus
 * (text exposition format 0.0.4 at /metrics, libmicrohttpd).
 */
#ifndef LH_REPORT_PROM_H
#define LH_REPORT_PROM_H

#include "report/watchview.h"

struct prom_server;

/* Listens on addr ("127.0.0.1:9464"; port 0 picks a free one) and serves
 * w's metrics until stopped. w is borrowed and must outlive the server.
 * Caller stops with prom_server_stop(). */
LH_WARN_UNUSED enum lh_status prom_server_start(struct prom_server **out,
						const char *addr,
						struct watch *w,
						struct lh_error *err);
/* The port actually bound. */
uint16_t prom_server_port(const struct prom_server *ps);
void prom_server_stop(struct prom_server *ps);

#endif /* LH_REPORT_PROM_H */
