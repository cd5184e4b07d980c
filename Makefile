# leakhound - build, test, demo, install.
#
#   make            build build/leakhound (installs missing Debian packages as root)
#   make test       build with ASan+UBSan+LSan and run the whole suite
#   make fuzz       FUZZ_SECONDS=N: run every libFuzzer target N seconds
#   make valgrind   the release binary under valgrind (also part of make test)
#   make demo       build, then run and scan the bundled examples
#   make install    PREFIX=/usr/local (DESTDIR honoured)
#
# Sources are found by wildcard: adding a .c file under src/ needs no edit here.

BUILD    ?= build
PREFIX   ?= /usr/local
CC       ?= cc
JOBS     ?= $(shell nproc 2>/dev/null || echo 2)

GRAMMAR_VERSION := 0.23.4
GRAMMAR_DIR     := $(BUILD)/grammar
GRAMMAR_STAMP   := $(GRAMMAR_DIR)/.ok-$(GRAMMAR_VERSION)
GRAMMAR_C       := $(GRAMMAR_DIR)/src/parser.c

PKGS := tree-sitter libcurl jansson libxxhash zlib libprotobuf-c libmicrohttpd libelf

# Recursive (=) so that pkg-config runs after scripts/deps.sh installed it.
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null || \
		echo -ltree-sitter -lcurl -ljansson -lxxhash -lz -lprotobuf-c -lmicrohttpd -lelf)

WARN     := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wno-unused-parameter
BASEFLAGS = -std=c11 -D_GNU_SOURCE $(WARN) -Iinclude -Isrc -I$(BUILD)/gen \
	    -I$(GRAMMAR_DIR)/src $(PKG_CFLAGS)
REL_FLAGS := -O2 -g
SAN_FLAGS := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
	     -fno-sanitize-recover=undefined

LIB_SRCS  = $(shell find src -name '*.c' ! -path 'src/cli/*' | sort)
CLI_SRCS  = $(wildcard src/cli/*.c)
DOC_SRCS  = $(shell find src -name 'lh[0-9]*.md' | sort)
PROTO_SRCS = $(shell find src -name '*.proto' | sort)
PROTO_GEN = $(patsubst src/%.proto,$(BUILD)/gen/%.pb-c.c,$(PROTO_SRCS))
GEN_SRCS  = $(BUILD)/gen/ruledocs.c $(PROTO_GEN)
UNIT_SRCS = $(wildcard tests/unit/test_*.c)
TOOL_SRCS = $(wildcard tests/tools/*.c)

objs = $(patsubst %.c,$(BUILD)/$(1)/%.o,$(2))

REL_LIB  = $(BUILD)/rel/libleakhound.a
SAN_LIB  = $(BUILD)/asan/libleakhound.a
REL_BIN  = $(BUILD)/leakhound
SAN_BIN  = $(BUILD)/asan/leakhound
UNIT_BINS = $(patsubst tests/unit/%.c,$(BUILD)/asan/tests/%,$(UNIT_SRCS))
TOOL_BINS = $(patsubst tests/tools/%.c,$(BUILD)/asan/tools/%,$(TOOL_SRCS))
FUZZ_SRCS = $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_BINS = $(patsubst tests/fuzz/%.c,$(BUILD)/fuzz/bin/%,$(FUZZ_SRCS))

.PHONY: all deps deps-test grammar test check demo install clean fuzz \
	build-rel build-san build-fuzz valgrind docs

all: deps
	@$(MAKE) --no-print-directory -j$(JOBS) build-rel

build-rel: $(REL_BIN)
build-san: $(SAN_BIN) $(UNIT_BINS) $(TOOL_BINS)
build-fuzz: $(FUZZ_BINS)

deps:
	@scripts/deps.sh build

deps-test:
	@scripts/deps.sh test

grammar: $(GRAMMAR_STAMP)

$(GRAMMAR_STAMP):
	@scripts/grammar.sh $(GRAMMAR_DIR)

# ---------------------------------------------------------------- generated

$(BUILD)/gen/ruledocs.c: $(DOC_SRCS) scripts/embed-docs.sh
	@mkdir -p $(dir $@)
	scripts/embed-docs.sh $@ $(DOC_SRCS)

$(BUILD)/gen/%.pb-c.c $(BUILD)/gen/%.pb-c.h: src/%.proto
	@mkdir -p $(dir $@)
	protoc-c --proto_path=$(dir $<) --c_out=$(dir $(BUILD)/gen/$*) $<

# ---------------------------------------------------------------- objects

# The generated grammar is not our code: no -Werror, no warnings.
$(BUILD)/rel/$(GRAMMAR_DIR)/src/parser.o: $(GRAMMAR_STAMP)
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -O2 -w -I$(GRAMMAR_DIR)/src -c $(GRAMMAR_C) -o $@
$(BUILD)/asan/$(GRAMMAR_DIR)/src/parser.o: $(GRAMMAR_STAMP)
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -O1 -w -fsanitize=address,undefined -I$(GRAMMAR_DIR)/src -c $(GRAMMAR_C) -o $@

# protobuf-c output is generated too
$(BUILD)/rel/$(BUILD)/gen/%.pb-c.o: $(BUILD)/gen/%.pb-c.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -O2 -w $(PKG_CFLAGS) -I$(BUILD)/gen -c $< -o $@
$(BUILD)/asan/$(BUILD)/gen/%.pb-c.o: $(BUILD)/gen/%.pb-c.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -O1 -w -fsanitize=address,undefined $(PKG_CFLAGS) -I$(BUILD)/gen -c $< -o $@

$(BUILD)/rel/%.o: %.c | $(GRAMMAR_STAMP) $(PROTO_GEN)
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(BASEFLAGS) $(REL_FLAGS) -MMD -MP -c $< -o $@
$(BUILD)/asan/%.o: %.c | $(GRAMMAR_STAMP) $(PROTO_GEN)
	@mkdir -p $(dir $@)
	@echo "  CC/SAN  $<"
	@$(CC) $(BASEFLAGS) $(SAN_FLAGS) -MMD -MP -c $< -o $@

LIB_OBJS_REL = $(call objs,rel,$(LIB_SRCS) $(GEN_SRCS)) $(BUILD)/rel/$(GRAMMAR_DIR)/src/parser.o
LIB_OBJS_SAN = $(call objs,asan,$(LIB_SRCS) $(GEN_SRCS)) $(BUILD)/asan/$(GRAMMAR_DIR)/src/parser.o

$(REL_LIB): $(LIB_OBJS_REL)
	@rm -f $@
	ar rcs $@ $^
$(SAN_LIB): $(LIB_OBJS_SAN)
	@rm -f $@
	ar rcs $@ $^

$(REL_BIN): $(call objs,rel,$(CLI_SRCS)) $(REL_LIB)
	$(CC) $(REL_FLAGS) -o $@ $^ $(PKG_LIBS) -lpthread -lm
$(SAN_BIN): $(call objs,asan,$(CLI_SRCS)) $(SAN_LIB)
	$(CC) $(SAN_FLAGS) -o $@ $^ $(PKG_LIBS) -lpthread -lm

$(BUILD)/asan/tests/%: $(BUILD)/asan/tests/unit/%.o $(SAN_LIB)
	$(CC) $(SAN_FLAGS) -o $@ $^ $(PKG_LIBS) -lcmocka -lpthread -lm
$(BUILD)/asan/tools/%: $(BUILD)/asan/tests/tools/%.o $(SAN_LIB)
	@mkdir -p $(dir $@)
	$(CC) $(SAN_FLAGS) -o $@ $^ $(PKG_LIBS) -lpthread -lm

# ---------------------------------------------------------------- fuzz
#
# libFuzzer targets (tests/fuzz/fuzz_*.c), linked against a third build of
# the library made by clang with coverage, ASan and UBSan. clang's warnings
# differ from gcc's; gcc's -Werror build is the one that decides.

FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 60
FUZZ_FLAGS   := -O1 -g -fno-omit-frame-pointer \
		-fsanitize=fuzzer-no-link,address,undefined \
		-fno-sanitize-recover=undefined
FUZZ_LIB  = $(BUILD)/fuzz/libleakhound.a
LIB_OBJS_FUZZ = $(call objs,fuzz,$(LIB_SRCS) $(GEN_SRCS)) \
		$(BUILD)/fuzz/$(GRAMMAR_DIR)/src/parser.o

$(BUILD)/fuzz/$(GRAMMAR_DIR)/src/parser.o: $(GRAMMAR_STAMP)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) -std=c11 -w $(FUZZ_FLAGS) -I$(GRAMMAR_DIR)/src -c $(GRAMMAR_C) -o $@
$(BUILD)/fuzz/$(BUILD)/gen/%.pb-c.o: $(BUILD)/gen/%.pb-c.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) -std=c11 -w $(FUZZ_FLAGS) $(PKG_CFLAGS) -I$(BUILD)/gen -c $< -o $@
$(BUILD)/fuzz/%.o: %.c | $(GRAMMAR_STAMP) $(PROTO_GEN)
	@mkdir -p $(dir $@)
	@echo "  CC/FUZZ $<"
	@$(FUZZ_CC) $(filter-out -Werror,$(BASEFLAGS)) $(FUZZ_FLAGS) -MMD -MP -c $< -o $@
$(FUZZ_LIB): $(LIB_OBJS_FUZZ)
	@rm -f $@
	ar rcs $@ $^
$(BUILD)/fuzz/bin/%: $(BUILD)/fuzz/tests/fuzz/%.o $(FUZZ_LIB)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) -fsanitize=fuzzer,address,undefined -o $@ $^ $(PKG_LIBS) -lpthread -lm

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)

# ---------------------------------------------------------------- commands

test: deps deps-test
	@$(MAKE) --no-print-directory -j$(JOBS) build-rel build-san build-fuzz
	@scripts/sarif-check.sh $(BUILD)/sarif-check
	@BUILD=$(BUILD) tests/run.sh

# Each target FUZZ_SECONDS seconds, after replaying its regressions; new
# inputs accumulate in $(BUILD)/fuzz/corpus/, crashes in $(BUILD)/fuzz/crashes/.
fuzz: deps deps-test
	@$(MAKE) --no-print-directory -j$(JOBS) build-fuzz
	@BUILD=$(BUILD) tests/fuzz/run.sh -t $(FUZZ_SECONDS)

valgrind: deps deps-test
	@$(MAKE) --no-print-directory -j$(JOBS) build-rel
	@BUILD=$(BUILD) sh tests/suites/valgrind.sh

check: test

# docs/RULES.md is generated from the rule docs; tests/suites/docs.sh fails
# when it is stale.
docs: all
	$(REL_BIN) rules --markdown > docs/RULES.md.tmp
	mv docs/RULES.md.tmp docs/RULES.md

# Runs and scans each example of examples/seed/ (see scripts/demo.sh).
demo: all
	@scripts/demo.sh $(REL_BIN)

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib \
		$(DESTDIR)$(PREFIX)/include/leakhound
	install -m 755 $(REL_BIN) $(DESTDIR)$(PREFIX)/bin/leakhound
	install -m 644 $(REL_LIB) $(DESTDIR)$(PREFIX)/lib/libleakhound.a
	install -m 644 include/leakhound/leakhound.h \
		$(DESTDIR)$(PREFIX)/include/leakhound/leakhound.h

clean:
	rm -rf $(BUILD)/rel $(BUILD)/asan $(BUILD)/fuzz/bin $(BUILD)/fuzz/src \
		$(BUILD)/fuzz/tests $(BUILD)/fuzz/build $(BUILD)/gen $(REL_BIN)

# keep intermediate objects (unit test .o files) so a rebuild links only
.SECONDARY:
