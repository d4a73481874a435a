# A thin wrapper over CMake: deps, build, run, test, bench, install.
SANITIZE ?= 0
PREFIX ?= /usr/local
JOBS ?= $(shell nproc)
ifeq ($(SANITIZE),1)
BUILD ?= build-asan
CMAKE_FLAGS += -DREVEL_SANITIZE=ON
else
BUILD ?= build
endif

.PHONY: all deps build run test bench install clean format

all: build

deps:
	@./build-aux/deps.sh

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) -DCMAKE_INSTALL_PREFIX=$(PREFIX) $(CMAKE_FLAGS)

build: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

run: build
	./$(BUILD)/revel -- ls /

test: build
	cd $(BUILD) && ctest --output-on-failure -j 2 --timeout 600

bench: build
	python3 bench/bench.py $(BUILD)

install: build
	cmake --install $(BUILD) --prefix $(PREFIX)

format:
	clang-format -i engine/src/*.c engine/include/revel/*.h bindings/*.c bindings/*.h

clean:
	rm -rf build build-asan
