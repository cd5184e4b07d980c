/*
 * tsparse.c - the bare tree-sitter baseline of bench/scan-std: reads Go
 * file paths (one a line on stdin), parses each with the same pinned Go
 * grammar leakhound uses, frees the tree, and prints how many files and
 * bytes it parsed. No analysis at all: the floor a scan cannot go below.
 *
 * usage: tsparse < FILELIST
 *
 * Built with -DTSPARSE_LH_ALLOC and linked with libleakhound, it parses
 * with the allocator leakhound installs in tree-sitter (src/golang/
 * tsalloc.c) instead of tree-sitter's default (glibc's malloc): the same
 * parse as leakhound's, to tell the allocator's share of the difference.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <tree_sitter/api.h>

const TSLanguage *tree_sitter_go(void);
#ifdef TSPARSE_LH_ALLOC
void go_tsalloc_link(void);
#endif

int main(void)
{
	TSParser *p = ts_parser_new();
	char path[4096];
	size_t files = 0, bytes = 0, nodes = 0;

#ifdef TSPARSE_LH_ALLOC
	go_tsalloc_link(); /* links the allocator in: it installs itself */
#endif
	ts_parser_set_language(p, tree_sitter_go());
	while (fgets(path, sizeof(path), stdin)) {
		FILE *f;
		char *src;
		long len;
		TSTree *t;

		path[strcspn(path, "\n")] = '\0';
		f = fopen(path, "rb");
		if (!f)
			continue;
		fseek(f, 0, SEEK_END);
		len = ftell(f);
		fseek(f, 0, SEEK_SET);
		src = malloc((size_t)len + 1);
		if (!src || fread(src, 1, (size_t)len, f) != (size_t)len) {
			fclose(f);
			free(src);
			continue;
		}
		fclose(f);
		t = ts_parser_parse_string(p, NULL, src, (uint32_t)len);
		if (t) {
			nodes += ts_node_child_count(ts_tree_root_node(t));
			ts_tree_delete(t);
		}
		free(src);
		files++;
		bytes += (size_t)len;
	}
	ts_parser_delete(p);
	printf("tsparse: %zu files, %zu bytes, %zu top-level nodes\n", files,
	       bytes, nodes);
	return 0;
}
