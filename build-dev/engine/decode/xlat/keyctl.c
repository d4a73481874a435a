/* Generated from /work/main/engine/decode/xlat/keyctl.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <linux/keyctl.h>
#include "xlat.h"

const struct xlat x_keyctl[] = {
#if defined(KEYCTL_GET_KEYRING_ID)
	{(uint64_t)(KEYCTL_GET_KEYRING_ID), "KEYCTL_GET_KEYRING_ID"},
#endif
#if defined(KEYCTL_JOIN_SESSION_KEYRING)
	{(uint64_t)(KEYCTL_JOIN_SESSION_KEYRING), "KEYCTL_JOIN_SESSION_KEYRING"},
#endif
	{0, NULL},
};
