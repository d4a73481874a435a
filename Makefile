# A thin wrapper over CMake: deps, build, run, test, test-parallel, bench, install.
SANITIZE ?= 0
PREFIX ?= /usr/local
JOBS ?= $(shell nproc)
ifeq ($(SANITIZE),1)
BUILD ?= build-asan
CMAKE_FLAGS += -DREVEL_SANITIZE=ON
else
BUILD ?= build
endif

.PHONY: all deps build run test test-parallel bench install clean format

all: build

# Installs (on Debian) whatever the build, the tests or the benchmarks need.
# `build` never calls it: a build with everything present, or off Debian, is
# plain CMake. run, test and bench call it first; with everything present it
# finds each tool and library and returns at once, no package manager asked.
deps:
	@./build-aux/deps.sh all

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) -DCMAKE_INSTALL_PREFIX=$(PREFIX) $(CMAKE_FLAGS)

build: $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

# The checks run in the recipe, before the sub-make, so `make -j` cannot
# start the build before they are done.
run:
	@./build-aux/deps.sh build
	@$(MAKE) --no-print-directory build
	./$(BUILD)/revel -- ls /

test:
	@./build-aux/deps.sh test
	@$(MAKE) --no-print-directory build
	cd $(BUILD) && ctest --output-on-failure -j 2 --timeout 600

# Two whole suites at once on one build, as two people or two CI jobs on one
# machine would run them: neither may disturb the other.
test-parallel:
	@./build-aux/deps.sh test
	@$(MAKE) --no-print-directory build
	./build-aux/test-parallel.sh $(BUILD)

bench:
	@./build-aux/deps.sh bench
	@$(MAKE) --no-print-directory build
	python3 bench/bench.py $(BUILD)

install: build
	cmake --install $(BUILD) --prefix $(PREFIX)

format:
	clang-format -i $$(git ls-files -- '*.c' '*.h')

clean:
	rm -rf build build-asan
