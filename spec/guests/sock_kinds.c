/* sock_kinds: sockets -yy names by kind (spec/strace_lines/fd_details.lua):
 * a netlink route socket before and after bind (NETLINK:[ROUTE:PID] once
 * bound), an unbound netlink audit socket, an AF_PACKET socket (strace knows
 * no details: socket:[inode]), a raw ICMP socket (RAW:[inode]); the raw
 * ones need CAP_NET_RAW and fail without it, alike under both tracers.
 * Prints its pid; exit 0. */
#include <linux/netlink.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#ifndef ETH_P_ALL
#define ETH_P_ALL 0x0003
#endif

int main(void)
{
	printf("%d\n", (int)getpid());
	fflush(stdout);
	int route = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	struct sockaddr_nl nl;
	memset(&nl, 0, sizeof nl);
	nl.nl_family = AF_NETLINK;
	bind(route, (struct sockaddr *)&nl, sizeof nl);
	socklen_t len = sizeof nl;
	getsockname(route, (struct sockaddr *)&nl, &len);
	int audit = socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_AUDIT);
	len = sizeof nl;
	getsockname(audit, (struct sockaddr *)&nl, &len);
	int packet = socket(AF_PACKET, SOCK_RAW | SOCK_CLOEXEC, htons(ETH_P_ALL));
	int raw = socket(AF_INET, SOCK_RAW | SOCK_CLOEXEC, IPPROTO_ICMP);
	close(raw);
	close(packet);
	close(audit);
	close(route);
	return 0;
}
