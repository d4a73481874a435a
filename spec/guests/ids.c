/* ids: prints "uid=U euid=E" and exits 5. A set-user-ID copy (chmod u+s,
 * another owner) shows whether the exec gave it its owner's rights. */
#include <stdio.h>
#include <unistd.h>

int main(void)
{
	printf("uid=%d euid=%d\n", (int)getuid(), (int)geteuid());
	return 5;
}
