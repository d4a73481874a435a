/* Generated from /work/main/engine/decode/xlat/ioctls.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <asm/termbits.h>
#include <linux/fiemap.h>
#include <asm/ioctls.h>
#include <linux/fs.h>
#include <linux/sockios.h>
#include <linux/random.h>
#include "xlat.h"

const struct xlat x_ioctls[] = {
#if defined(TCGETS)
	{(uint64_t)(TCGETS), "TCGETS"},
#endif
#if defined(TCSETS)
	{(uint64_t)(TCSETS), "TCSETS"},
#endif
#if defined(TCSETSW)
	{(uint64_t)(TCSETSW), "TCSETSW"},
#endif
#if defined(TCSETSF)
	{(uint64_t)(TCSETSF), "TCSETSF"},
#endif
#if defined(TCGETA)
	{(uint64_t)(TCGETA), "TCGETA"},
#endif
#if defined(TCSETA)
	{(uint64_t)(TCSETA), "TCSETA"},
#endif
#if defined(TCSETAW)
	{(uint64_t)(TCSETAW), "TCSETAW"},
#endif
#if defined(TCSETAF)
	{(uint64_t)(TCSETAF), "TCSETAF"},
#endif
#if defined(TCSBRK)
	{(uint64_t)(TCSBRK), "TCSBRK"},
#endif
#if defined(TCXONC)
	{(uint64_t)(TCXONC), "TCXONC"},
#endif
#if defined(TCFLSH)
	{(uint64_t)(TCFLSH), "TCFLSH"},
#endif
#if defined(TIOCEXCL)
	{(uint64_t)(TIOCEXCL), "TIOCEXCL"},
#endif
#if defined(TIOCNXCL)
	{(uint64_t)(TIOCNXCL), "TIOCNXCL"},
#endif
#if defined(TIOCSCTTY)
	{(uint64_t)(TIOCSCTTY), "TIOCSCTTY"},
#endif
#if defined(TIOCGPGRP)
	{(uint64_t)(TIOCGPGRP), "TIOCGPGRP"},
#endif
#if defined(TIOCSPGRP)
	{(uint64_t)(TIOCSPGRP), "TIOCSPGRP"},
#endif
#if defined(TIOCOUTQ)
	{(uint64_t)(TIOCOUTQ), "TIOCOUTQ"},
#endif
#if defined(TIOCSTI)
	{(uint64_t)(TIOCSTI), "TIOCSTI"},
#endif
#if defined(TIOCGWINSZ)
	{(uint64_t)(TIOCGWINSZ), "TIOCGWINSZ"},
#endif
#if defined(TIOCSWINSZ)
	{(uint64_t)(TIOCSWINSZ), "TIOCSWINSZ"},
#endif
#if defined(TIOCMGET)
	{(uint64_t)(TIOCMGET), "TIOCMGET"},
#endif
#if defined(TIOCMBIS)
	{(uint64_t)(TIOCMBIS), "TIOCMBIS"},
#endif
#if defined(TIOCMBIC)
	{(uint64_t)(TIOCMBIC), "TIOCMBIC"},
#endif
#if defined(TIOCMSET)
	{(uint64_t)(TIOCMSET), "TIOCMSET"},
#endif
#if defined(TIOCGSOFTCAR)
	{(uint64_t)(TIOCGSOFTCAR), "TIOCGSOFTCAR"},
#endif
#if defined(TIOCSSOFTCAR)
	{(uint64_t)(TIOCSSOFTCAR), "TIOCSSOFTCAR"},
#endif
#if defined(FIONREAD)
	{(uint64_t)(FIONREAD), "FIONREAD"},
#endif
#if defined(TIOCLINUX)
	{(uint64_t)(TIOCLINUX), "TIOCLINUX"},
#endif
#if defined(TIOCCONS)
	{(uint64_t)(TIOCCONS), "TIOCCONS"},
#endif
#if defined(TIOCGSERIAL)
	{(uint64_t)(TIOCGSERIAL), "TIOCGSERIAL"},
#endif
#if defined(TIOCSSERIAL)
	{(uint64_t)(TIOCSSERIAL), "TIOCSSERIAL"},
#endif
#if defined(TIOCPKT)
	{(uint64_t)(TIOCPKT), "TIOCPKT"},
#endif
#if defined(FIONBIO)
	{(uint64_t)(FIONBIO), "FIONBIO"},
#endif
#if defined(TIOCNOTTY)
	{(uint64_t)(TIOCNOTTY), "TIOCNOTTY"},
#endif
#if defined(TIOCSETD)
	{(uint64_t)(TIOCSETD), "TIOCSETD"},
#endif
#if defined(TIOCGETD)
	{(uint64_t)(TIOCGETD), "TIOCGETD"},
#endif
#if defined(TCSBRKP)
	{(uint64_t)(TCSBRKP), "TCSBRKP"},
#endif
#if defined(TIOCSBRK)
	{(uint64_t)(TIOCSBRK), "TIOCSBRK"},
#endif
#if defined(TIOCCBRK)
	{(uint64_t)(TIOCCBRK), "TIOCCBRK"},
#endif
#if defined(TIOCGSID)
	{(uint64_t)(TIOCGSID), "TIOCGSID"},
#endif
#if defined(TCGETS2)
	{(uint64_t)(TCGETS2), "TCGETS2"},
#endif
#if defined(TCSETS2)
	{(uint64_t)(TCSETS2), "TCSETS2"},
#endif
#if defined(TIOCGPTN)
	{(uint64_t)(TIOCGPTN), "TIOCGPTN"},
#endif
#if defined(TIOCSPTLCK)
	{(uint64_t)(TIOCSPTLCK), "TIOCSPTLCK"},
#endif
#if defined(TIOCGDEV)
	{(uint64_t)(TIOCGDEV), "TIOCGDEV"},
#endif
#if defined(TIOCVHANGUP)
	{(uint64_t)(TIOCVHANGUP), "TIOCVHANGUP"},
#endif
#if defined(TIOCGPTLCK)
	{(uint64_t)(TIOCGPTLCK), "TIOCGPTLCK"},
#endif
#if defined(TIOCGPTPEER)
	{(uint64_t)(TIOCGPTPEER), "TIOCGPTPEER"},
#endif
#if defined(FIONCLEX)
	{(uint64_t)(FIONCLEX), "FIONCLEX"},
#endif
#if defined(FIOCLEX)
	{(uint64_t)(FIOCLEX), "FIOCLEX"},
#endif
#if defined(FIOASYNC)
	{(uint64_t)(FIOASYNC), "FIOASYNC"},
#endif
#if defined(TIOCSERCONFIG)
	{(uint64_t)(TIOCSERCONFIG), "TIOCSERCONFIG"},
#endif
#if defined(FIOQSIZE)
	{(uint64_t)(FIOQSIZE), "FIOQSIZE"},
#endif
#if defined(TIOCMIWAIT)
	{(uint64_t)(TIOCMIWAIT), "TIOCMIWAIT"},
#endif
#if defined(TIOCGICOUNT)
	{(uint64_t)(TIOCGICOUNT), "TIOCGICOUNT"},
#endif
#if defined(FICLONE)
	{(uint64_t)(FICLONE), "BTRFS_IOC_CLONE or FICLONE"},
#endif
#if defined(FICLONERANGE)
	{(uint64_t)(FICLONERANGE), "BTRFS_IOC_CLONE_RANGE or FICLONERANGE"},
#endif
#if defined(FS_IOC_GETFLAGS)
	{(uint64_t)(FS_IOC_GETFLAGS), "FS_IOC_GETFLAGS"},
#endif
#if defined(FS_IOC_SETFLAGS)
	{(uint64_t)(FS_IOC_SETFLAGS), "FS_IOC_SETFLAGS"},
#endif
#if defined(BLKFLSBUF)
	{(uint64_t)(BLKFLSBUF), "BLKFLSBUF"},
#endif
#if defined(BLKGETSIZE64)
	{(uint64_t)(BLKGETSIZE64), "BLKGETSIZE64"},
#endif
#if defined(BLKSSZGET)
	{(uint64_t)(BLKSSZGET), "BLKSSZGET"},
#endif
#if defined(BLKPBSZGET)
	{(uint64_t)(BLKPBSZGET), "BLKPBSZGET"},
#endif
#if defined(FS_IOC_FIEMAP)
	{(uint64_t)(FS_IOC_FIEMAP), "FS_IOC_FIEMAP"},
#endif
#if defined(FIBMAP)
	{(uint64_t)(FIBMAP), "FIBMAP"},
#endif
#if defined(SIOCGIFFLAGS)
	{(uint64_t)(SIOCGIFFLAGS), "SIOCGIFFLAGS"},
#endif
#if defined(SIOCGIFADDR)
	{(uint64_t)(SIOCGIFADDR), "SIOCGIFADDR"},
#endif
#if defined(SIOCGIFHWADDR)
	{(uint64_t)(SIOCGIFHWADDR), "SIOCGIFHWADDR"},
#endif
#if defined(SIOCGIFINDEX)
	{(uint64_t)(SIOCGIFINDEX), "SIOCGIFINDEX"},
#endif
#if defined(SIOCGIFCONF)
	{(uint64_t)(SIOCGIFCONF), "SIOCGIFCONF"},
#endif
#if defined(SIOCGIFNAME)
	{(uint64_t)(SIOCGIFNAME), "SIOCGIFNAME"},
#endif
#if defined(SIOCGIFMTU)
	{(uint64_t)(SIOCGIFMTU), "SIOCGIFMTU"},
#endif
#if defined(SIOCGPGRP)
	{(uint64_t)(SIOCGPGRP), "SIOCGPGRP"},
#endif
#if defined(SIOCATMARK)
	{(uint64_t)(SIOCATMARK), "SIOCATMARK"},
#endif
#if defined(RNDADDTOENTCNT)
	{(uint64_t)(RNDADDTOENTCNT), "RNDADDTOENTCNT"},
#endif
#if defined(RNDGETENTCNT)
	{(uint64_t)(RNDGETENTCNT), "RNDGETENTCNT"},
#endif
	{0, NULL},
};
