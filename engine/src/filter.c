/* filter.c: the seccomp filter that makes subscribed syscalls stop the guest.
 * Built with libseccomp in the child, after it is traced and before execve:
 * with no tracer attached a TRACE action would fail the call with ENOSYS. */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <seccomp.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "engine_state.h"
#include "filter.h"

/* clone and clone3 stop whatever the tool subscribed: a CLONE_UNTRACED
 * child would escape the tracer. clone's flags are an argument, so only a
 * clone asking for CLONE_UNTRACED stops for it; clone3's are in memory, so
 * every clone3 stops. Such stops carry REVEL_SECCOMP_CLONE. */
static int add_clone_rules(scmp_filter_ctx ctx, const unsigned char subscribed[REVEL_NR_MAX],
                           uint32_t dflt)
{
	uint32_t plain =
	    subscribed[SYS_clone] ? SCMP_ACT_TRACE(REVEL_SECCOMP_DATA) : SCMP_ACT_ALLOW;
	uint32_t untraced = SCMP_ACT_TRACE(REVEL_SECCOMP_CLONE);
	int rc = seccomp_rule_add(ctx, untraced, SYS_clone, 1,
	                          SCMP_A0(SCMP_CMP_MASKED_EQ, CLONE_UNTRACED, CLONE_UNTRACED));
	/* libseccomp refuses a rule that says what the default says. */
	if (rc == 0 && plain != dflt)
		rc = seccomp_rule_add(ctx, plain, SYS_clone, 1,
		                      SCMP_A0(SCMP_CMP_MASKED_EQ, CLONE_UNTRACED, 0));
	if (rc == 0)
		rc = seccomp_rule_add(ctx, untraced, SYS_clone3, 0);
	return rc;
}

static bool is_clone(int nr)
{
	return nr == SYS_clone || nr == SYS_clone3;
}

bool filter_is_place_call(long nr)
{
	return nr == SYS_sched_getaffinity || nr == SYS_sched_setaffinity || nr == SYS_openat ||
	       nr == SYS_open;
}

/* The filter, built; NULL and *err on failure. */
static scmp_filter_ctx build(const unsigned char subscribed[REVEL_NR_MAX], bool set_nnp,
                             int placement, int *err)
{
	/* Under REVEL_PLACE_TOGETHER the calls that show the guest its CPUs
	 * stop whatever the tool subscribed, with data of their own. */
	bool place = placement == REVEL_PLACE_TOGETHER;
	int count = 0;
	for (int nr = 0; nr < REVEL_NR_MAX; nr++)
		count += subscribed[nr] != 0;
	/* Name the smaller set: a short filter is a fast filter, and it runs on
	 * every syscall the guest makes. */
	bool invert = count > REVEL_NR_MAX / 2;
	uint32_t trace = SCMP_ACT_TRACE(REVEL_SECCOMP_DATA);
	uint32_t dflt = invert ? trace : SCMP_ACT_ALLOW;
	scmp_filter_ctx ctx = seccomp_init(dflt);
	*err = -ENOMEM;
	if (!ctx)
		return NULL;
	int rc = 0;
	/* As root, no_new_privs is not needed and would break setuid programs. */
	if (!set_nnp)
		rc = seccomp_attr_set(ctx, SCMP_FLTATR_CTL_NNP, 0);
	/* 32-bit and x32 calls are not ours to judge: let them run. */
	if (rc == 0)
		rc = seccomp_attr_set(ctx, SCMP_FLTATR_ACT_BADARCH, SCMP_ACT_ALLOW);
	/* A binary tree rather than a linear scan of the rules. */
	if (rc == 0)
		(void)seccomp_attr_set(ctx, SCMP_FLTATR_CTL_OPTIMIZE, 2);
	if (rc == 0)
		rc = add_clone_rules(ctx, subscribed, dflt);
	for (int nr = 0; nr < REVEL_NR_MAX && rc == 0 && place; nr++)
		if (filter_is_place_call(nr))
			rc = seccomp_rule_add(ctx, SCMP_ACT_TRACE(REVEL_SECCOMP_PLACE), nr, 0);
	for (int nr = 0; nr < REVEL_NR_MAX && rc == 0; nr++) {
		if ((subscribed[nr] != 0) == invert || is_clone(nr) ||
		    (place && filter_is_place_call(nr)))
			continue;
		rc = seccomp_rule_add(ctx, invert ? SCMP_ACT_ALLOW : trace, nr, 0);
		/* Numbers libseccomp does not know for this arch are skipped. */
		if (rc == -EDOM || rc == -EINVAL || rc == -EFAULT)
			rc = 0;
	}
	if (rc != 0) {
		seccomp_release(ctx);
		*err = rc;
		return NULL;
	}
	return ctx;
}

int filter_load(const unsigned char subscribed[REVEL_NR_MAX], bool set_nnp, int placement)
{
	int rc;
	scmp_filter_ctx ctx = build(subscribed, set_nnp, placement, &rc);
	if (!ctx)
		return rc;
	rc = seccomp_load(ctx);
	seccomp_release(ctx);
	return rc;
}

ssize_t revel_filter_bpf(revel_engine *e, void *buf, size_t max)
{
	int rc;
	scmp_filter_ctx ctx = build(e->opt.subscribed, false, e->opt.placement, &rc);
	if (!ctx)
		return rc;
	int fd = memfd_create("revel-filter", MFD_CLOEXEC);
	ssize_t n = fd < 0 ? -errno : seccomp_export_bpf(ctx, fd);
	seccomp_release(ctx);
	if (n == 0) {
		off_t size = lseek(fd, 0, SEEK_END);
		n = size < 0             ? -errno
		    : (size_t)size > max ? -E2BIG
		                         : pread(fd, buf, (size_t)size, 0);
		if (n < 0 && size >= 0 && (size_t)size <= max)
			n = -errno;
	}
	if (fd >= 0)
		close(fd);
	return n;
}
