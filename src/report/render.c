/*
 * render.c - output formats by name, and the dispatch over renderers.
 */
#include <strings.h>

#include "report/report.h"

static const char *const render__formats[] = {
	[LH_FORMAT_TEXT] = "text",
	[LH_FORMAT_JSON] = "json",
	[LH_FORMAT_SARIF] = "sarif",
	[LH_FORMAT_GITHUB] = "github",
};

bool lh_format_parse(const char *s, enum lh_format *out)
{
	for (size_t i = 0; i < ARRAY_SIZE(render__formats); i++) {
		if (strcasecmp(s, render__formats[i]) == 0) {
			*out = (enum lh_format)i;
			return true;
		}
	}
	return false;
}

const char *lh_format_name(enum lh_format fmt)
{
	return (unsigned)fmt < ARRAY_SIZE(render__formats)
		       ? render__formats[fmt]
		       : "?";
}

enum lh_status lh_render(FILE *out, enum lh_format fmt, const lh_findings *f,
			 const struct lh_render_options *o)
{
	switch (fmt) {
	case LH_FORMAT_JSON:
		return lh_render_json(out, f, o);
	case LH_FORMAT_SARIF:
		return lh_render_sarif(out, f, o);
	case LH_FORMAT_GITHUB:
		lh_render_github(out, f, o);
		break;
	case LH_FORMAT_TEXT:
	default:
		lh_render_text(out, f, o);
		break;
	}
	return fflush(out) != 0 || ferror(out) ? LH_ERR : LH_OK;
}
