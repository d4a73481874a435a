/* filter.c: the seccomp filter that makes subscribed syscalls stop the guest.
 * Built with libseccomp in the child, after it is traced and before execve:
 * with no tracer attached a TRACE action would fail the call with ENOSYS. */
#include <errno.h>
#include <seccomp.h>
#include "filter.h"

int filter_load(const unsigned char subscribed[REVEL_NR_MAX], bool set_nnp)
{
	int count = 0;
	for (int nr = 0; nr < REVEL_NR_MAX; nr++)
		count += subscribed[nr] != 0;
	/* Name the smaller set: a short filter is a fast filter, and it runs on
	 * every syscall the guest makes. */
	bool invert = count > REVEL_NR_MAX / 2;
	uint32_t trace = SCMP_ACT_TRACE(REVEL_SECCOMP_DATA);
	scmp_filter_ctx ctx = seccomp_init(invert ? trace : SCMP_ACT_ALLOW);
	if (!ctx)
		return -ENOMEM;
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
	for (int nr = 0; nr < REVEL_NR_MAX && rc == 0; nr++) {
		if ((subscribed[nr] != 0) == invert)
			continue;
		rc = seccomp_rule_add(ctx, invert ? SCMP_ACT_ALLOW : trace, nr, 0);
		/* Numbers libseccomp does not know for this arch are skipped. */
		if (rc == -EDOM || rc == -EINVAL || rc == -EFAULT)
			rc = 0;
	}
	if (rc == 0)
		rc = seccomp_load(ctx);
	seccomp_release(ctx);
	return rc;
}
