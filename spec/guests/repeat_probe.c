/* repeat_probe: prints what differs from run to run of a program, for
 * spec/repeatable_spec.lua (examples/repeatable.lua makes it all repeat):
 * the AT_RANDOM bytes, a stack and a heap address, the CPU (sched_getcpu),
 * two rdtsc reads, CPUID leaf 1's APIC id and RDRAND bit and leaf 7's RDSEED
 * bit, getrandom's bytes, and the clocks. One "name: value" line each. */
#define _GNU_SOURCE
#include <cpuid.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/auxv.h>
#include <sys/random.h>
#include <time.h>
#include <x86intrin.h>

int main(void)
{
	const unsigned char *r = (const unsigned char *)getauxval(AT_RANDOM);
	printf("at_random:");
	for (int i = 0; r && i < 16; i++)
		printf(" %02x", r[i]);
	printf("\n");
	int local = 0;
	void *heap = malloc(16);
	printf("stack: %p\nheap: %p\n", (void *)&local, heap);
	printf("cpu: %d\n", sched_getcpu());
	unsigned long long t0 = __rdtsc(), t1 = __rdtsc();
	printf("rdtsc: %llu %llu\n", t0, t1);
	unsigned a, b, c, d;
	__cpuid_count(1, 0, a, b, c, d);
	printf("cpuid 1: apic id %u, rdrand %u\n", b >> 24, (c >> 30) & 1);
	__cpuid_count(7, 0, a, b, c, d);
	printf("cpuid 7: rdseed %u\n", (b >> 18) & 1);
	unsigned char buf[8];
	if (getrandom(buf, sizeof buf, 0) != sizeof buf)
		return 1;
	printf("getrandom:");
	for (int i = 0; i < 8; i++)
		printf(" %02x", buf[i]);
	printf("\n");
	struct timespec rt, mono;
	clock_gettime(CLOCK_REALTIME, &rt);
	clock_gettime(CLOCK_MONOTONIC, &mono);
	printf("realtime: %lld.%09ld\nmonotonic: %lld.%09ld\n", (long long)rt.tv_sec, rt.tv_nsec,
	       (long long)mono.tv_sec, mono.tv_nsec);
	free(heap);
	return 0;
}
